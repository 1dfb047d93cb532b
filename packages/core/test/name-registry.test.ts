import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { NameRegistry } from '../src/quotes/name-registry.js'

describe('NameRegistry offsets', () => {
  it('answers lastBefore and countBelow as a scan of the offsets does, however they are added', () => {
    const offset = fc.nat({ max: 400 })
    const step = fc.oneof(
      fc.record({ add: fc.array(offset, { maxLength: 12 }) }),
      fc.record({ ask: offset }),
    )
    fc.assert(
      fc.property(fc.array(offset), fc.array(step, { maxLength: 60 }), (first, steps) => {
        const registry = new NameRegistry([])
        const values = [...first]
        for (const step of steps) {
          if ('add' in step) {
            values.push(...step.add)
            continue
          }
          const below = values.filter((value) => value < step.ask)
          expect(registry.countBelow(values, step.ask)).toBe(below.length)
          expect(registry.lastBefore(values, step.ask)).toBe(
            below.reduce((last, value) => Math.max(last, value), -1),
          )
        }
      }),
      { numRuns: 300 },
    )
  })
})
