import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

/**
 * The store's own part of the analysis version: raise it when the store
 * changes what it keeps of the core's output (the searchable passages, the
 * packed profile, which functions `prepareArticle` calls). The core's part
 * follows the core's version by itself. Below 1,000 (its own three digits).
 */
export const STORE_ANALYSIS_REVISION = 1

// A prerelease's number: its last identifier when numeric and after a dot ("<tag>.<n>",
// changesets' pre mode), or the whole prerelease when numeric of at most three digits
// ("<n>", `npm version prerelease` without --preid). A longer dot-less number is a
// snapshot's datetime ("0.0.0-<datetime>", changesets' --snapshot without a tag) and,
// like "0.0.0-<tag>-<datetime>", has none.
// Changesets' pre mode counts n on from the package's current prerelease whatever the
// tag ("beta.46" is followed by "rc.47"), so n alone orders the prereleases of one
// release (getPreVersion, @changesets/assemble-release-plan); the tag is not compared.
const SEMVER = /^(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+.*)?$/
const PRERELEASE_NUMBER = /(?:^\d{1,3}|\.\d+)$/

/**
 * The analysis version of articles analysed by a core of version `coreVersion`
 * (semver) under store revision `storeRevision`, in digits kept apart so that
 * it compares as the tuple (major, minor, patch, prerelease, store revision):
 * (major × 1,000,000 + minor × 1,000 + patch) × 1,000,000 + prerelease × 1,000
 * + store revision. The prerelease part is 999 for a release, n + 1 for a
 * prerelease "<tag>.<n>" or "<n>" (n from 0 to 997) and 0 for one without a
 * number (a snapshot's; two snapshots of one version compare equal). So a
 * release is above its prereleases and they above the release before, as npm
 * orders them: a prerelease installed before its release (pre mode publishes
 * both packages so) is analysed again by the release, and a process of an
 * older core never counts a newer analysis as older. Prereleases of one version
 * are ordered by n alone, not by their tag as npm orders them: right for
 * changesets' pre mode and `npm version prerelease`, which count n on, but
 * numbers started again under a later tag ("alpha.5", then "beta.0") order
 * backwards, and "alpha.0" and "beta.0" compare equal. Exact in a double
 * (below 2^53), kept in a bigint column.
 * @throws Error when `coreVersion` is not semver or a part is out of range.
 */
export function analysisVersionOf(
  coreVersion: string,
  storeRevision: number = STORE_ANALYSIS_REVISION,
): number {
  const [, majorText, minorText, patchText, prerelease] = SEMVER.exec(coreVersion) ?? []
  const [major, minor, patch] = [majorText, minorText, patchText].map(Number)
  const preNumber = PRERELEASE_NUMBER.exec(prerelease ?? '')?.[0].replace('.', '')
  // 0 for a prerelease without a number, below every numbered one.
  const preStage = preNumber === undefined ? 0 : Number(preNumber) + 1
  if (
    major === undefined ||
    minor === undefined ||
    patch === undefined ||
    Number.isNaN(major) ||
    minor >= 1_000 ||
    patch >= 1_000 ||
    major >= 2_000 ||
    preStage >= 999
  )
    throw new Error(
      `@corroborate/store expects the core's version as major.minor.patch with an optional prerelease "<tag>.<n>" or "<n>", minor and patch below 1000, major below 2000, n below 998; got "${coreVersion}"`,
    )
  if (!Number.isInteger(storeRevision) || storeRevision < 0 || storeRevision >= 1_000)
    throw new Error(
      `@corroborate/store expects its analysis revision as an integer from 0 to 999; got ${storeRevision}`,
    )
  const stage = prerelease === undefined ? 999 : preStage
  return ((major * 1_000 + minor) * 1_000 + patch) * 1_000_000 + stage * 1_000 + storeRevision
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
