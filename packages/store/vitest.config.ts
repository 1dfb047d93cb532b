import { defineConfig } from 'vitest/config'

// PGlite starts a WebAssembly PostgreSQL: creating a store takes seconds on a loaded
// 2-core machine, and the durability tests spawn processes and kill them.
export default defineConfig({
  test: {
    testTimeout: 120_000,
    setupFiles: ['../../scripts/mark-known-failures.mjs'],
    // One empty store per run, copied by the tests that start from one (test/helpers.ts).
    globalSetup: ['test/global-setup.ts'],
    hookTimeout: 120_000,
    fileParallelism: false,
  },
})
