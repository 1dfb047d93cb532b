// Places an index takes in a key: a list this long or longer is sorted as before.
const INDEX_RANGE = 2 ** 20
// Code units a key reads, 7 bits each: 28 bits of prefix and 20 of index stay exact in a double.
const PREFIX_UNITS = 4
// A run of equal prefixes up to this long is put in order by insertion.
const INSERTION_RUN = 12
/**
 * Room for the keys of the sorts of one call or batch (a profile's, a cross-reference's),
 * grown as needed: a typed array of more than a few dozen numbers costs more to allocate than
 * to sort, so the caller keeps one for all its sorts, and nothing outlives the call.
 */
export interface SortRoom {
  keys: Float64Array
}

/** An empty {@link SortRoom}. */
export const createSortRoom = (): SortRoom => ({ keys: new Float64Array(1024) })

/**
 * The first {@link PREFIX_UNITS} code units of `text` as a number that never
 * decreases in code-unit order: a missing unit counts as 0, and a unit past 126 as
 * 127 with none read after it (two such units may differ, so what follows them must
 * not decide). Strings of equal keys are put in order by comparing them whole.
 */
function prefixKey(text: string): number {
  let key = 0
  let j = 0
  for (; j < PREFIX_UNITS && j < text.length; j++) {
    const code = text.charCodeAt(j)
    if (code >= 127) {
      key = key * 128 + 127
      j++
      break
    }
    key = key * 128 + code
  }
  for (; j < PREFIX_UNITS; j++) key *= 128
  return key
}

/**
 * Sorts `strings` in place by their UTF-16 code units, the order of
 * `Array.prototype.sort()` with no comparator (and of `<`), and returns them.
 * The profile sorts every article's words and quote shingles: a native sort of
 * numbers over their first letters, then only the strings that begin alike
 * compared whole, takes half the time of comparing strings throughout.
 */
export function sortByCodeUnits(strings: string[], room: SortRoom = createSortRoom()): string[] {
  const n = strings.length
  if (n < 2 || n >= INDEX_RANGE) return strings.sort()
  if (room.keys.length < n) room.keys = new Float64Array(Math.max(n, room.keys.length * 2))
  const keys = room.keys.subarray(0, n)
  for (let i = 0; i < n; i++) keys[i] = prefixKey(strings[i] as string) * INDEX_RANGE + i
  keys.sort()
  const input = strings.slice()
  for (let i = 0; i < n; i++) strings[i] = input[(keys[i] as number) % INDEX_RANGE] as string
  let start = 0
  for (let i = 1; i <= n; i++) {
    if (
      i < n &&
      Math.floor((keys[i] as number) / INDEX_RANGE) ===
        Math.floor((keys[start] as number) / INDEX_RANGE)
    )
      continue
    if (i - start > INSERTION_RUN) {
      const run = strings.slice(start, i).sort()
      for (let k = 0; k < run.length; k++) strings[start + k] = run[k] as string
    } else
      for (let a = start + 1; a < i; a++) {
        const text = strings[a] as string
        let b = a - 1
        while (b >= start && (strings[b] as string) > text) {
          strings[b + 1] = strings[b] as string
          b--
        }
        strings[b + 1] = text
      }
    start = i
  }
  return strings
}
