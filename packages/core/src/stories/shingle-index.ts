import type { ShingleEntry, ShingleKey, StoryIndexState } from './story-state.js'

/** Integers in a block of runs (256 kB): about 16,000 new shingles' runs (room 4 each). */
const BLOCK = 65_536

/** Shingles as the keys the index looks them up by (see `shingleKeys`). */
export function keysOf(pairs: Uint32Array): ShingleKey[] {
  const keys: ShingleKey[] = []
  for (let i = 0; i + 1 < pairs.length; i += 2)
    keys.push({ key: pairs[i] as number, check: pairs[i + 1] as number })
  return keys
}

/** The entry of one shingle, or null when no article carries it. */
export function findShingle(
  state: StoryIndexState,
  { key, check }: ShingleKey,
): ShingleEntry | null {
  let entry: ShingleEntry | null | undefined = state.shingles.get(key)
  while (entry && entry.check !== check) entry = entry.next
  return entry ?? null
}

/** The stories whose articles carry the shingle of `entry`, in the order it came to them. */
export function storiesOf(entry: ShingleEntry): number[] {
  const stories: number[] = []
  const { block } = entry
  const end = entry.at + entry.length
  for (let i = entry.at; i < end; i = nextStoryIn(block, i)) stories.push(block[i] as number)
  return stories
}

/** The articles of story `s` that carry the shingle of `entry`, in order, if any. */
export function articlesOf(entry: ShingleEntry, s: number): Int32Array | undefined {
  const at = runOf(entry, s)
  return at < 0 ? undefined : entry.block.subarray(at + 2, at + 2 + (entry.block[at + 1] as number))
}

/** Where story `s`'s part of the run of `entry` starts, or -1. */
function runOf({ block, at, length }: ShingleEntry, s: number): number {
  for (let i = at; i < at + length; i = nextStoryIn(block, i)) if (block[i] === s) return i
  return -1
}

/** Where the story after the one whose part of a run starts at `i` starts (its number, count, articles). */
export function nextStoryIn(block: Int32Array, i: number): number {
  return i + 2 + (block[i + 1] as number)
}

/** Records that document `at` of story `chosen` carries the shingle of `key`. */
export function indexShingle(
  state: StoryIndexState,
  key: ShingleKey,
  chosen: number,
  at: number,
): void {
  const entry = findShingle(state, key)
  if (!entry) {
    const next = state.shingles.get(key.key) ?? null
    const fresh: ShingleEntry = {
      check: key.check,
      storyCount: 1,
      block: state.shingleArena.block,
      at: 0,
      length: 0,
      room: 0,
      next,
    }
    // Room for a second article of the story before the run moves.
    place(state, fresh, 4)
    fresh.block.set([chosen, 1, at], fresh.at)
    fresh.length = 3
    state.shingles.set(key.key, fresh)
    return
  }
  // A story new to the run adds its number, count and article; a story in it, one article.
  const need = runOf(entry, chosen) < 0 ? 3 : 1
  if (entry.length + need > entry.room)
    place(state, entry, Math.max(2 * entry.room, entry.length + need))
  const { block } = entry
  const end = entry.at + entry.length
  const run = runOf(entry, chosen)
  if (run < 0) {
    block.set([chosen, 1, at], end)
    entry.storyCount++
    entry.length += 3
    return
  }
  // The story's articles end at `after`; the stories after it move up one.
  const after = run + 2 + (block[run + 1] as number)
  block.copyWithin(after + 1, after, end)
  block[after] = at
  block[run + 1] = (block[run + 1] as number) + 1
  entry.length++
}

/** Gives `entry` `room` integers at the end of the arena, its run copied there. */
function place(state: StoryIndexState, entry: ShingleEntry, room: number): void {
  const arena = state.shingleArena
  if (arena.end + room > arena.block.length) {
    arena.block = new Int32Array(Math.max(BLOCK, room))
    arena.end = 0
  }
  arena.block.set(entry.block.subarray(entry.at, entry.at + entry.length), arena.end)
  entry.block = arena.block
  entry.at = arena.end
  entry.room = room
  arena.end += room
}
