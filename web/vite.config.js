// Two pages, built into dist/ and served by the API under /static/:
// graphiql.html (the API serves it at GET /graphql, with the example documents filled in)
// and explore.html (served at /explore).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const page = (name) => fileURLToPath(new URL(name, import.meta.url));

export default defineConfig({
  base: '/static/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // GraphiQL's editor (Monaco) is large by nature; it is served locally, once, and cached.
    chunkSizeWarningLimit: 4096,
    rollupOptions: {
      input: { graphiql: page('graphiql.html'), explore: page('explore.html') },
      // React libraries mark modules "use client" for server rendering, which has no meaning here.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
});
