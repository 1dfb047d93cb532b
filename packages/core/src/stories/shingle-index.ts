import type { ShingleEntry, ShingleKey, StoryIndexState } from './story-state.js'

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

/** The articles of story `s` that carry the shingle of `entry`, if any. */
export function articlesOf(entry: ShingleEntry, s: number): number[] | undefined {
  const at = entry.stories.lastIndexOf(s)
  return at < 0 ? undefined : entry.articles[at]
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
    state.shingles.set(key.key, { check: key.check, stories: [chosen], articles: [[at]], next })
  } else {
    const list = articlesOf(entry, chosen)
    if (list) list.push(at)
    else {
      entry.stories.push(chosen)
      entry.articles.push([at])
    }
  }
}
