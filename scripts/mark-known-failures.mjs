// A vitest setup file: marks each `it.fails` test in its meta, so that the JSON report, where
// such a test that failed as expected is only "passed", tells it apart (scripts/test.mjs counts
// them as known failures).
import { beforeEach } from 'vitest'

beforeEach(({ task }) => {
  if (task.fails) task.meta.knownFailure = true
})
