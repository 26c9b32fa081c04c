package lexgraph.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.neo4j.cli.AdminTool;

/**
 * Runs Neo4j's import tool ({@code neo4j-admin database import full}) on the launcher's home, with
 * the settings the launcher runs the store with, so an imported store is the one {@link Main} would
 * have written.
 *
 * <p>Usage: {@code Import --home DIR [import tool options …]}; the home must not hold a database yet.
 */
public final class Import {
  private Import() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2 || !args[0].equals("--home")) {
      System.err.println("usage: lexgraph-neo4j-import --home DIR [import options …]");
      System.exit(Main.EXIT_USAGE);
      return;
    }
    Path home = Path.of(args[1]).toAbsolutePath();
    Files.createDirectories(home);
    // Nodes are grouped by relationship type at the same threshold as the running store.
    Path config = Files.createTempFile(home, "import-", ".conf");
    Files.writeString(
        config, "db.relationship_grouping_threshold=" + Main.DENSE_NODE_THRESHOLD + "\n");
    config.toFile().deleteOnExit();
    List<String> command = new ArrayList<>(List.of("database", "import", "full", "neo4j"));
    command.add("--additional-config=" + config);
    command.addAll(List.of(args).subList(2, args.length));
    // The tool finds the store under NEO4J_HOME; the caller sets it to the same home.
    if (!home.equals(Path.of(System.getenv().getOrDefault("NEO4J_HOME", "")).toAbsolutePath())) {
      System.err.println("lexgraph-neo4j-import: NEO4J_HOME must be the home given with --home");
      System.exit(Main.EXIT_USAGE);
      return;
    }
    AdminTool.main(command.toArray(String[]::new));
  }
}
