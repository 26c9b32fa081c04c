package lexgraph.launcher;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;

/**
 * Runs Neo4j Community in this JVM with Bolt on a loopback address.
 *
 * <p>The Python side parses the single {@code READY} line on stdout; everything else goes to the
 * log files under the home directory. Shutdown runs from a JVM hook, so SIGTERM and SIGINT close
 * the store cleanly.
 */
public final class Main {
  static final String READY_PREFIX = "LEXGRAPH_NEO4J_READY ";
  static final int EXIT_USAGE = 2;
  static final int EXIT_PORT_TAKEN = 3;
  static final int EXIT_START_FAILED = 4;
  static final int DENSE_NODE_THRESHOLD = 10;

  private Main() {}

  public static void main(String[] args) throws Exception {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("lexgraph-neo4j: " + e.getMessage());
      System.err.println(Options.USAGE);
      System.exit(EXIT_USAGE);
      return;
    }

    InetAddress address = InetAddress.getByName(options.host);
    if (!address.isLoopbackAddress()) {
      // Auth is off for the local database, which is only safe while nobody else can reach it.
      System.err.println(
          "lexgraph-neo4j: refusing to listen on " + options.host
              + " with authentication disabled; use a loopback address such as 127.0.0.1");
      System.exit(EXIT_USAGE);
    }

    int port;
    try {
      port = reservePort(address, options.port);
    } catch (IOException e) {
      System.err.println(
          "lexgraph-neo4j: port " + options.port + " on " + options.host
              + " is already in use (" + e.getMessage() + "); choose another with --port,"
              + " or --port 0 for a free one");
      System.exit(EXIT_PORT_TAKEN);
      return;
    }

    Path home = Path.of(options.home).toAbsolutePath();
    Files.createDirectories(home);

    DatabaseManagementService service;
    try {
      service =
          new DatabaseManagementServiceBuilder(home)
              .setConfig(BoltConnector.enabled, true)
              .setConfig(BoltConnector.listen_address, new SocketAddress(options.host, port))
              .setConfig(BoltConnector.advertised_address, new SocketAddress(options.host, port))
              .setConfig(GraphDatabaseSettings.auth_enabled, false)
              .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(options.pageCacheMb))
              .setConfig(GraphDatabaseSettings.tx_state_max_off_heap_memory, ByteUnit.mebiBytes(256))
              // A regulation has a few dozen relationships of a dozen types, and the API follows
              // one type at a time (REGULATES, REQUIRES …): grouped by type, a node's expansion
              // reads only that type's chain instead of all of them (the default groups at 50).
              .setConfig(GraphDatabaseSettings.dense_node_threshold, DENSE_NODE_THRESHOLD)
              .build();
    } catch (RuntimeException e) {
      System.err.println("lexgraph-neo4j: Neo4j failed to start: " + rootMessage(e));
      System.err.println("lexgraph-neo4j: see the logs under " + home.resolve("logs"));
      System.exit(EXIT_START_FAILED);
      return;
    }

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  System.err.println("lexgraph-neo4j: shutting down");
                  service.shutdown();
                  stopped.countDown();
                },
                "lexgraph-neo4j-shutdown"));

    GraphDatabaseService db = service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
    db.executeTransactionally("RETURN 1");

    System.out.println(READY_PREFIX + "bolt://" + options.host + ":" + port);
    System.out.flush();
    stopped.await();
  }

  /** Checks that the port is free (or picks a free one for port 0) before Neo4j binds it. */
  private static int reservePort(InetAddress address, int requested) throws IOException {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(address, requested));
      return socket.getLocalPort();
    }
  }

  private static String rootMessage(Throwable error) {
    Throwable cause = error;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause.getClass().getSimpleName() + ": " + cause.getMessage();
  }

  /** Command-line options; every one has a default so that a bare start works. */
  static final class Options {
    static final String USAGE =
        "usage: lexgraph-neo4j --home DIR [--host 127.0.0.1] [--port 7687|0] [--page-cache-mb 128]";

    String home = "neo4j-home";
    String host = "127.0.0.1";
    int port = 7687;
    long pageCacheMb = 128;

    static Options parse(String[] args) {
      Options options = new Options();
      for (int i = 0; i < args.length; i++) {
        String name = args[i];
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException("missing value for " + name);
        }
        String value = args[++i];
        switch (name) {
          case "--home" -> options.home = value;
          case "--host" -> options.host = value;
          case "--port" -> options.port = parseInt(name, value, 0, 65535);
          case "--page-cache-mb" -> options.pageCacheMb = parseInt(name, value, 8, 1 << 20);
          default -> throw new IllegalArgumentException("unknown option " + name);
        }
      }
      return options;
    }

    private static int parseInt(String name, String value, int min, int max) {
      try {
        int parsed = Integer.parseInt(value);
        if (parsed < min || parsed > max) {
          throw new IllegalArgumentException(
              name + " must be between " + min + " and " + max + ", got " + value);
        }
        return parsed;
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(name + " expects a number, got '" + value + "'");
      }
    }
  }
}
