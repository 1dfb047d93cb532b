import { defineConfig } from 'vitest/config'

// Every test here is an integration test: it reads real articles, runs the whole pipeline and
// renders a report; some spawn node or Chromium, and two suites build the package first.
// `npm test` runs them while turbo builds, type-checks, lints and tests the other packages: on a
// cold 2-core machine one report took more than vitest's default 5 s. These limits are for that
// machine; a test that needs them on a fast one is a bug.
export default defineConfig({
  test: {
    testTimeout: 300_000,
    setupFiles: ['../../scripts/mark-known-failures.mjs'],
    hookTimeout: 300_000,
  },
})
