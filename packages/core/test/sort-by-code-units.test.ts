import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { sortByCodeUnits } from '../src/stories/sort-by-code-units.js'

describe('sortByCodeUnits', () => {
  it('puts strings in the order of the default sort, in place', () => {
    const words = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.string({ unit: 'binary', maxLength: 8 }),
      // Many strings that begin alike, so that runs of one prefix are long.
      fc.string({ unit: fc.constantFrom('a', 'b', 'é', '\u{1f600}', "'", ' '), maxLength: 9 }),
    )
    fc.assert(
      fc.property(fc.array(words, { maxLength: 300 }), (strings) => {
        const expected = [...strings].sort()
        const sorted = sortByCodeUnits(strings)
        expect(sorted).toBe(strings)
        expect(sorted).toEqual(expected)
      }),
      { numRuns: 400, seed: 12 },
    )
  })

  it('sorts the words of real text as the default sort does', () => {
    const text =
      'Bukele offered to house deportees in CECOT, the Centro de Confinamiento del Terrorismo, near Tecoluca; Rubio called it an extraordinary act of friendship, and Ábrego García’s lawyers objected.'
    const words = text.split(/\s+/)
    expect(sortByCodeUnits([...words, ...words])).toEqual([...words, ...words].sort())
  })
})
