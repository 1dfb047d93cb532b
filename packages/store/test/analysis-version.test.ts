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
    const versions = releases.map(analysisVersionOf)
    expect(versions[0]).toBe(STORE_ANALYSIS_REVISION)
    versions.slice(1).forEach((version, i) => {
      expect(version).toBeGreaterThan(versions[i] as number)
    })
    expect(analysisVersionOf('1.2.3-next.4')).toBe(analysisVersionOf('1.2.3'))
  })

  it('refuses a version it could not order', () => {
    expect(() => analysisVersionOf('1.2')).toThrow(/major\.minor\.patch.*got "1\.2"/)
    expect(() => analysisVersionOf('0.1000.0')).toThrow(/below 1000/)
  })
})
