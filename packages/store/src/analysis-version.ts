import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

/**
 * The store's own part of the analysis version: raise it when the store
 * changes what it keeps of the core's output (the searchable passages, the
 * packed profile, which functions `prepareArticle` calls). The core's part
 * follows the core's version by itself.
 */
export const STORE_ANALYSIS_REVISION = 1

const SEMVER = /^(\d+)\.(\d+)\.(\d+)(?:[-+].*)?$/

/**
 * The analysis version of articles analysed by a core of version `coreVersion`
 * (semver): {@link STORE_ANALYSIS_REVISION} plus major × 1,000,000 + minor × 1,000
 * + patch, so that every release of the core (each changes its output: every
 * user-visible change gets a changeset) is a higher number than every earlier
 * one, and the store's own revision still counts. A prerelease counts as its
 * release. Minor and patch must stay below 1,000; the store refuses to open
 * rather than compare wrongly.
 * @throws Error when `coreVersion` is not semver or a part is out of range.
 */
export function analysisVersionOf(coreVersion: string): number {
  const [, major, minor, patch] = SEMVER.exec(coreVersion)?.map(Number) ?? []
  if (
    major === undefined ||
    minor === undefined ||
    patch === undefined ||
    minor >= 1_000 ||
    patch >= 1_000 ||
    major >= 2_000
  )
    throw new Error(
      `@corroborate/store expects the core's version as major.minor.patch, minor and patch below 1000, major below 2000; got "${coreVersion}"`,
    )
  return STORE_ANALYSIS_REVISION + major * 1_000_000 + minor * 1_000 + patch
}

/**
 * The version of the `@corroborate/core` this store runs with, read from the
 * package.json of the core that resolves from here (the installed one, whichever
 * version the package manager chose).
 */
export function installedCoreVersion(): string {
  let dir = dirname(createRequire(import.meta.url).resolve('@corroborate/core'))
  for (;;) {
    try {
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
      if (manifest.name === '@corroborate/core') return String(manifest.version)
    } catch {
      // No package.json here (or not the core's): one folder up.
    }
    const parent = dirname(dir)
    if (parent === dir)
      throw new Error('@corroborate/store found no package.json of @corroborate/core')
    dir = parent
  }
}

/**
 * The version of the analysis a store keeps beside each article: that of the
 * installed core ({@link analysisVersionOf}). Articles stored at an older one
 * are analysed again from their stored content: each when read, and their
 * stories are stale from the open on (see `openStore`).
 */
export const ANALYSIS_VERSION = analysisVersionOf(installedCoreVersion())
