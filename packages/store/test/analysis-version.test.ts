import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  ANALYSIS_VERSION,
  analysisVersionOf,
  STORE_ANALYSIS_REVISION,
} from '../src/analysis-version.js'

describe('the analysis version', () => {
  it('is that of the core installed beside the store', () => {
    const core = JSON.parse(
      readFileSync(new URL('../../core/package.json', import.meta.url), 'utf8'),
    )
    expect(ANALYSIS_VERSION).toBe(analysisVersionOf(core.version))
  })

  it('rises with every release of the core, whichever part of its version rises', () => {
    const releases = [
      '0.0.0',
      '0.0.1',
      '0.0.2',
      '0.0.999',
      '0.1.0',
      '0.1.1',
      '0.2.0',
      '1.0.0',
      '1.0.1',
      '2.0.0',
    ]
    const versions = releases.map((release) => analysisVersionOf(release))
    expect(versions[0]).toBe(999_000 + STORE_ANALYSIS_REVISION)
    versions.slice(1).forEach((version, i) => {
      expect(version).toBeGreaterThan(versions[i] as number)
    })
  })

  it('orders prereleases by their number, above the release before and below their own', () => {
    // Changesets' pre mode counts on across tags: "beta.1" is followed by "rc.2".
    const versions = [
      '1.2.2',
      '1.2.3-snapshot-20261205144700',
      '1.2.3-next.0',
      '1.2.3-next.4',
      '1.2.3-beta.5',
      '1.2.3-rc.6+build.7',
      '1.2.3',
      '1.2.4-next.0',
    ].map((version) => analysisVersionOf(version))
    versions.slice(1).forEach((version, i) => {
      expect(version).toBeGreaterThan(versions[i] as number)
    })
    expect(analysisVersionOf('1.2.3+build.7')).toBe(analysisVersionOf('1.2.3'))
  })

  it("orders npm's own numbering (`npm version prerelease`) by its number too", () => {
    const versions = ['1.2.3', '1.2.4-0', '1.2.4-1', '1.2.4-12', '1.2.4'].map((version) =>
      analysisVersionOf(version),
    )
    versions.slice(1).forEach((version, i) => {
      expect(version).toBeGreaterThan(versions[i] as number)
    })
    // A snapshot's datetime without a tag is no prerelease number.
    expect(analysisVersionOf('1.2.4-20261205144700')).toBe(analysisVersionOf('1.2.4-snapshot-x'))
    expect(analysisVersionOf('1.2.4-20261205144700')).toBeLessThan(analysisVersionOf('1.2.4-0'))
  })

  it('compares no tags, unlike npm: numbers started again under a new tag do not rise', () => {
    // Said in the README: "alpha.5" then "beta.0" keeps alpha's analyses.
    expect(analysisVersionOf('1.2.3-beta.0')).toBe(analysisVersionOf('1.2.3-alpha.0'))
    expect(analysisVersionOf('1.2.3-beta.0')).toBeLessThan(analysisVersionOf('1.2.3-alpha.5'))
  })

  it("keeps the store's revision apart from the core's version", () => {
    // Added to the core's number, store revision 2 at core 1.2.3 was core 1.2.4 at revision 1.
    expect(analysisVersionOf('1.2.3', 2)).not.toBe(analysisVersionOf('1.2.4', 1))
    expect(analysisVersionOf('1.2.3', 2)).toBeGreaterThan(analysisVersionOf('1.2.3', 1))
    expect(analysisVersionOf('1.2.4', 1)).toBeGreaterThan(analysisVersionOf('1.2.3', 999))
    expect(analysisVersionOf('1.2.3', 1)).toBeGreaterThan(analysisVersionOf('1.2.3-rc.997', 999))
    // Exact as a double up to the largest version it takes.
    expect(Number.isSafeInteger(analysisVersionOf('1999.999.999', 999))).toBe(true)
  })

  it('refuses a version it could not order', () => {
    expect(() => analysisVersionOf('1.2')).toThrow(/major\.minor\.patch.*got "1\.2"/)
    expect(() => analysisVersionOf('0.1000.0')).toThrow(/below 1000/)
    expect(() => analysisVersionOf('1.2.3-next.998')).toThrow(/n below 998/)
    expect(() => analysisVersionOf('1.2.3-998')).toThrow(/n below 998/)
    expect(() => analysisVersionOf('1.2.3', 1000)).toThrow(/revision as an integer from 0 to 999/)
  })
})
