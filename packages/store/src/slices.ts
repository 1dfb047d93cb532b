import type { Queryable } from './queryable.js'

/** One statement or a few of a write cut in slices, run inside a transaction it is given. */
export type Step = (tx: Queryable) => Promise<unknown>

// How long a writer in slices lets waiting calls go first before it goes on anyway: about a
// cheap read's time; reads that never stop must not stop a write (100 ms made a 400,000-character
// add under a read every 20 ms three times as long).
const READS_FIRST_MS = 25

/** Pieces of a value read per query: a few slices' worth, one short statement. */
export const PIECES_PAGE = 4
/**
 * A write of more than this many pieces' worth is made in slices; one of fewer in one
 * statement (an ordinary article: about 100,000 characters of JSON, a few ms of PGlite).
 */
export const SLICE_AFTER = 4

const turn = () => new Promise<void>((resolve) => setImmediate(resolve))

/**
 * Gives the event loop a turn, then more while calls are waiting for the
 * database (up to {@link READS_FIRST_MS}): what arrived while a slice ran
 * is answered before the next one.
 */
export async function readsFirst(db: Queryable): Promise<void> {
  const start = performance.now()
  do await turn()
  while (db.waiting() > 0 && performance.now() - start < READS_FIRST_MS)
}

/**
 * Runs `steps` in order, in transactions of about `ms` milliseconds each (at
 * least one step each), letting waiting calls go first between them. A
 * failure stops at that transaction, rolled back; the earlier ones stay.
 */
export async function inSlices(db: Queryable, steps: readonly Step[], ms: number): Promise<void> {
  for (let at = 0; at < steps.length; ) {
    await readsFirst(db)
    await db.transaction(async (tx) => {
      const start = performance.now()
      do await (steps[at++] as Step)(tx)
      while (at < steps.length && performance.now() - start < ms)
    })
  }
}

/**
 * Runs work on the calling thread written as a generator, step by step to
 * its end, and returns what it returns. With `readsGoFirst`, each time `ms`
 * milliseconds have gone since the last turn, the calls waiting for the
 * database go first ({@link readsFirst}) before the next step: placing a
 * large store's articles in the story index takes hundreds of milliseconds,
 * which a read must not wait for.
 */
export async function stepsInSlices<T>(
  steps: Iterator<unknown, T, undefined>,
  readsGoFirst: { db: Queryable; ms: number } | null,
): Promise<T> {
  let sliceStart = performance.now()
  for (;;) {
    const step = steps.next()
    if (step.done) return step.value
    if (readsGoFirst && performance.now() - sliceStart >= readsGoFirst.ms) {
      await readsFirst(readsGoFirst.db)
      sliceStart = performance.now()
    }
  }
}

/** JSON arrays (`jsonSlices`' output) as one array. */
export function joinSlices(slices: readonly string[]): string {
  const inner = slices.map((slice) => slice.slice(1, -1)).filter((items) => items !== '')
  return `[${inner.join(',')}]`
}

/**
 * Where a text, or its UTF-8 bytes, is cut every `size` characters or bytes,
 * never inside a character (each piece stays valid UTF-8), as [start, end)
 * pairs; none for an empty one. Nothing is copied: a writer copies each piece
 * ({@link piece}) in the step that writes it (the megabytes of a large
 * article's values copied at once hold the event loop for tens of ms).
 */
export function pieceBounds(value: string | Uint8Array, size: number): Array<[number, number]> {
  const out: Array<[number, number]> = []
  for (let at = 0; at < value.length; ) {
    let end = Math.min(value.length, at + size)
    if (typeof value === 'string') {
      const last = value.charCodeAt(end - 1)
      if (end < value.length && last >= 0xd800 && last <= 0xdbff) end++
    }
    // Back to the first byte of the character the cut falls in (not 10xxxxxx).
    else
      while (end < value.length && end > at + 1 && ((value[end] as number) & 0xc0) === 0x80) end--
    out.push([at, end])
    at = end
  }
  return out
}

/**
 * One piece of `value` ({@link pieceBounds}). A piece of bytes is a copy, a buffer of its
 * own: sent to PGlite's thread as it is (a view would send the whole buffer).
 */
export function piece<T extends string | Uint8Array>(value: T, start: number, end: number): T {
  return value.slice(start, end) as T
}

/** JSON arrays as UTF-8 bytes (`jsonSlices`' output, encoded) as one array. */
export function joinBytes(slices: readonly Uint8Array[]): Uint8Array {
  const inner = slices.filter((slice) => slice.length > 2)
  // The brackets, each slice's items, a comma between two slices.
  const out = new Uint8Array(
    inner.length === 0 ? 2 : inner.reduce((sum, slice) => sum + slice.length - 1, 1),
  )
  out[0] = 0x5b
  let at = 1
  for (const [n, slice] of inner.entries()) {
    if (n > 0) out[at++] = 0x2c
    out.set(slice.subarray(1, slice.length - 1), at)
    at += slice.length - 2
  }
  out[at] = 0x5d
  return out
}
