// Bisection over ascending lists, one loop for every stage: the index a value would
// be inserted at, before equal items (`bisectLeft`) or after them (`bisectRight`), as
// Python's bisect module names them. With `key` the items ascend by the number it
// reads from each (a token's start offset).

/** How many items of the ascending `sorted` are below `value`. */
export function bisectLeft(sorted: readonly number[], value: number): number
export function bisectLeft<T>(sorted: readonly T[], value: number, key: (item: T) => number): number
export function bisectLeft<T>(sorted: readonly T[], value: number, key?: (item: T) => number) {
  return bisect(sorted, value, key, false)
}

/** How many items of the ascending `sorted` are at most `value`. */
export function bisectRight(sorted: readonly number[], value: number): number
export function bisectRight<T>(
  sorted: readonly T[],
  value: number,
  key: (item: T) => number,
): number
export function bisectRight<T>(sorted: readonly T[], value: number, key?: (item: T) => number) {
  return bisect(sorted, value, key, true)
}

function bisect<T>(
  sorted: readonly T[],
  value: number,
  key: ((item: T) => number) | undefined,
  after: boolean,
): number {
  let low = 0
  let high = sorted.length
  while (low < high) {
    const mid = (low + high) >>> 1
    const item = sorted[mid] as T
    const at = key ? key(item) : (item as number)
    if (at < value || (after && at === value)) low = mid + 1
    else high = mid
  }
  return low
}
