import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { TermWeights } from '../src/stories/term-weights.js'

describe('TermWeights', () => {
  it('holds what a Map of sums holds, in the order terms came, new terms placed last', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(5_000), fc.double({ min: 0, max: 10, noNaN: true })), {
          maxLength: 400,
        }),
        (adds) => {
          const weights = new TermWeights()
          const map = new Map<number, number>()
          for (const [term, weight] of adds) {
            const known = weights.size
            const at = weights.place(term)
            expect(at === known).toBe(!map.has(term))
            expect(weights.weights[at]).toBe(map.get(term) ?? 0)
            weights.weights[at] = (weights.weights[at] as number) + weight
            map.set(term, (map.get(term) ?? 0) + weight)
          }
          expect(weights.size).toBe(map.size)
          expect([...weights.terms.subarray(0, weights.size)]).toEqual([...map.keys()])
          expect([...weights.weights.subarray(0, weights.size)]).toEqual([...map.values()])
          for (const term of [...map.keys(), 5_001, 99_999])
            expect(weights.get(term)).toBe(map.get(term))
        },
      ),
    )
  })
})
