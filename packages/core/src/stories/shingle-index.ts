import type { ShingleEntry, ShingleKey, StoryIndexState } from './story-state.js'

/** Integers in a block of runs (256 kB): a few thousand shingles' runs. */
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
  for (let i = entry.at; i < end; i += 2 + (block[i + 1] as number))
    stories.push(block[i] as number)
  return stories
}

/** The articles of story `s` that carry the shingle of `entry`, in order, if any. */
export function articlesOf(entry: ShingleEntry, s: number): Int32Array | undefined {
  const at = runOf(entry, s)
  return at < 0 ? undefined : entry.block.subarray(at + 2, at + 2 + (entry.block[at + 1] as number))
}

/** Where story `s`'s part of the run of `entry` starts, or -1. */
function runOf({ block, at, length }: ShingleEntry, s: number): number {
  for (let i = at; i < at + length; i += 2 + (block[i + 1] as number)) if (block[i] === s) return i
  return -1
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
      stories: 1,
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
  if (entry.length + 3 > entry.room) place(state, entry, Math.max(2 * entry.room, entry.length + 3))
  const { block } = entry
  const end = entry.at + entry.length
  const run = runOf(entry, chosen)
  if (run < 0) {
    block.set([chosen, 1, at], end)
    entry.stories++
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
