import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import { openStore } from '../src/index.js'

declare module 'vitest' {
  export interface ProvidedContext {
    /** A PGlite data directory holding an empty store, closed: see copyEmptyStore. */
    emptyStore: string
  }
}

// Creating a PGlite cluster (initdb, in WebAssembly) is most of what opening a new store costs:
// 2.4-3.8 s on a quiet 2-core machine, against about 1.6 s to open an existing one. The suites
// start dozens of tests from an empty store on disk; the store is created here once per run,
// by openStore as a user's first run creates it, and each of those tests opens a copy.
export default async function setup(project: TestProject) {
  const path = await mkdtemp(join(tmpdir(), 'corroborate-store-empty-'))
  const store = await openStore({ dataDir: path })
  await store.close()
  project.provide('emptyStore', path)
  return () => rm(path, { recursive: true, force: true })
}
