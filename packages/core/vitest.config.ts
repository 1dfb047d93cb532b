import { defineConfig } from 'vitest/config'

// The core's tests are pure functions on small inputs, but its property tests run hundreds of
// generated cases and its robustness tests read pages of megabytes. `npm test` runs them while
// turbo builds, type-checks, lints and tests the other packages: on a loaded 2-core machine a
// property test that takes 0.8 s alone took 8.6 s. The heaviest suites give their own
// 60 s; this is the limit of the rest there, not a budget on a fast machine.
export default defineConfig({
  test: {
    testTimeout: 30_000,
    setupFiles: ['../../scripts/mark-known-failures.mjs'],
  },
})
