import { defineConfig } from 'tsup';

export default defineConfig([
  {
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'node20',
    // import.meta.url in the CommonJS build (createRequire, file lookups).
    shims: true,
    // `stemmer` is ESM-only: bundle it so require('innomatch') works on every Node 20.
    noExternal: ['stemmer'],
  },
  {
    // Worker-thread entry for recommendExpertsBatch, next to index.js / index.cjs.
    entry: { 'search-worker': 'src/rank/search-worker.ts' },
    format: ['esm'],
    sourcemap: true,
    target: 'node20',
  },
  {
    entry: { cli: 'src/cli/bin.ts' },
    format: ['esm'],
    banner: { js: '#!/usr/bin/env node' },
    sourcemap: true,
    target: 'node20',
  },
]);
