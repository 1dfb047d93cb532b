import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { articlesOf, findShingle, indexShingle, storiesOf } from '../src/stories/shingle-index.js'
import { createStoryIndexState, type StoryIndexState } from '../src/stories/story-state.js'

// The shingles' runs (blocks of integers shared by many shingles, a run moved when it
// outgrows its room) against the plain model they stand for: per shingle, its stories in
// the order it came to them, and each story's articles in order. A restored index's runs
// (packed, each with no room) are the snapshot tests' (stories.test.ts).
type Model = Map<string, Map<number, number[]>>

function read(state: StoryIndexState, key: number, check: number) {
  const entry = findShingle(state, { key, check })
  if (!entry) return undefined
  return new Map(storiesOf(entry).map((s) => [s, [...(articlesOf(entry, s) ?? [])]]))
}

describe('shingle index', () => {
  it('keeps each shingle’s stories and articles in the order they came, through its moves', () => {
    // Few keys and checks: entries of one key chain, and runs grow past their room.
    const op = fc.tuple(
      fc.integer({ min: 0, max: 5 }),
      fc.integer({ min: 0, max: 2 }),
      fc.integer({ min: 0, max: 6 }),
      fc.integer({ min: 0, max: 10_000 }),
    )
    fc.assert(
      fc.property(fc.array(op, { maxLength: 600 }), (ops) => {
        const state = createStoryIndexState({})
        const model: Model = new Map()
        for (const [key, check, story, article] of ops) {
          indexShingle(state, { key, check }, story, article)
          const name = `${key} ${check}`
          const stories = model.get(name) ?? new Map<number, number[]>()
          model.set(name, stories)
          stories.set(story, [...(stories.get(story) ?? []), article])
        }
        for (const [name, stories] of model) {
          const [key, check] = name.split(' ').map(Number) as [number, number]
          expect(read(state, key, check)).toEqual(stories)
          expect(storiesOf(findShingle(state, { key, check }) ?? fail())).toEqual([
            ...stories.keys(),
          ])
        }
        expect(read(state, 99, 0)).toBeUndefined()
        expect(articlesOf(findShingle(state, { key: 0, check: 0 }) ?? empty, 99)).toBeUndefined()
      }),
      { numRuns: 200 },
    )
  })

  it('moves runs to a new block when one is full, the runs left behind still read', () => {
    const state = createStoryIndexState({})
    // 30,000 shingles of one article each (4 integers of room): past one block of 65,536.
    for (let n = 0; n < 30_000; n++) indexShingle(state, { key: n, check: 1 }, n % 7, n)
    for (const n of [0, 16_383, 16_384, 29_999]) {
      const entry = findShingle(state, { key: n, check: 1 }) ?? fail()
      expect(storiesOf(entry)).toEqual([n % 7])
      expect([...(articlesOf(entry, n % 7) ?? [])]).toEqual([n])
    }
    expect(findShingle(state, { key: 0, check: 1 })?.block).not.toBe(
      findShingle(state, { key: 29_999, check: 1 })?.block,
    )
  })
})

const empty = {
  check: 0,
  stories: 0,
  block: new Int32Array(0),
  at: 0,
  length: 0,
  room: 0,
  next: null,
}
function fail(): never {
  throw new Error('a shingle indexed is not found')
}
