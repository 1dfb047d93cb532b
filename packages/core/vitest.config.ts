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
    // The test files share one module graph instead of each importing the core anew: the core
    // keeps nothing from one call to the next (its memos live for a call, and the one test that
    // swaps the speaker model puts it back), so a file cannot see another's work. Isolated, the 30 files spent 61 s importing and 99 s of CPU in all;
    // shared, 7 s and 52 s (measured 2026-12-04, the same 925 tests passing either way).
    isolate: false,
  },
})
