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
          const entry = findShingle(state, { key, check }) ?? fail()
          expect(storiesOf(entry)).toEqual([...stories.keys()])
          // Stories are 0 to 6: none of an indexed shingle's is 99.
          expect(articlesOf(entry, 99)).toBeUndefined()
        }
        expect(read(state, 99, 0)).toBeUndefined()
      }),
      { numRuns: 200 },
    )
  })

  it('keeps the runs in order when they move into a new block', () => {
    // 16,380 runs of one article (room 4 each) fill a block of 65,536 integers but 16:
    // the operations' first runs fit in it, and those that grow move into the next block.
    const FILLED = 16_380
    const op = fc.tuple(
      fc.integer({ min: 0, max: 3 }),
      fc.integer({ min: 0, max: 4 }),
      fc.integer({ min: 0, max: 10_000 }),
    )
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 200 }), (ops) => {
        const state = createStoryIndexState({})
        for (let n = 0; n < FILLED; n++) indexShingle(state, { key: 1000 + n, check: 0 }, 0, n)
        const first = state.shingleArena.block
        const model: Model = new Map()
        for (const [key, story, article] of ops) {
          indexShingle(state, { key, check: 0 }, story, article)
          const stories = model.get(`${key}`) ?? new Map<number, number[]>()
          model.set(`${key}`, stories)
          stories.set(story, [...(stories.get(story) ?? []), article])
        }
        for (const [key, stories] of model) expect(read(state, Number(key), 0)).toEqual(stories)
        for (const n of [0, FILLED - 1])
          expect(read(state, 1000 + n, 0)).toEqual(new Map([[0, [n]]]))
        // Past 16 integers of runs the block is full: later runs are in another.
        const integers = [...model.values()].reduce((sum, stories) => sum + 2 * stories.size, 0)
        if (integers + ops.length > 16) expect(state.shingleArena.block).not.toBe(first)
      }),
      { numRuns: 50 },
    )
  })

  it('gives a new run room for a second article of its story, and moves it for a third', () => {
    const state = createStoryIndexState({})
    indexShingle(state, { key: 1, check: 0 }, 3, 10)
    const entry = findShingle(state, { key: 1, check: 0 }) ?? fail()
    expect([entry.at, entry.length, entry.room, state.shingleArena.end]).toEqual([0, 3, 4, 4])
    indexShingle(state, { key: 1, check: 0 }, 3, 11)
    expect([entry.at, entry.length, entry.room, state.shingleArena.end]).toEqual([0, 4, 4, 4])
    indexShingle(state, { key: 1, check: 0 }, 3, 12)
    expect([entry.at, entry.length, entry.room, state.shingleArena.end]).toEqual([4, 5, 8, 12])
    expect([...(articlesOf(entry, 3) ?? [])]).toEqual([10, 11, 12])
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

function fail(): never {
  throw new Error('a shingle indexed is not found')
}
