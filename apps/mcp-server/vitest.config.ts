import { defineConfig } from 'vitest/config'

// The tests go through a real MCP client: over stdio they spawn the server (the stdio suite
// builds it first), over HTTP they start a listener, in memory they cross-reference real
// articles. `npm test` runs them while turbo builds, type-checks, lints and tests the other
// packages, where a cold 2-core machine is several times slower than vitest's default 5 s
// assumes. These limits are for that machine; a test that needs them on a fast one is a bug.
export default defineConfig({
  test: {
    // scripts/client-config.test.mjs is node:test, run after a build by `npm run test:clients`.
    include: ['test/**/*.test.ts'],
    setupFiles: ['../../scripts/mark-known-failures.mjs'],
    testTimeout: 300_000,
    // Servers the tests start keep their articles in memory, never in the user's data
    // directory (test/data.test.ts passes --data or its own XDG_DATA_HOME).
    env: { CORROBORATE_DATA: ':memory:' },
    hookTimeout: 300_000,
  },
})
