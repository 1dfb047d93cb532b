import type { Queryable } from '../queryable.js'
import type { Step } from '../slices.js'

/**
 * Moves what the word index (`passages_tsv`, GIN) holds in its pending list into the index
 * itself, in a statement of its own. PGlite never vacuums: the list was emptied only by the
 * insert that filled it (256 kB, about one small add in eight), which then ran 60-90 ms longer
 * than the others; with one connection, a read asked meanwhile waited for all of it. Emptied
 * after each add, the list holds one article's words at most and no insert empties it; a read
 * waits for one of these short statements at worst. A PostgreSQL server's autovacuum empties
 * it, and its reads do not wait for a writer's connection: nothing to do there.
 */
export async function emptyWordsPending(db: Queryable): Promise<void> {
  if (db.engine !== 'pglite') return
  await db.query("SELECT gin_clean_pending_list('passages_tsv')")
}

/**
 * Bytes of passages' JSON written between two emptyings of the word index's pending list, in
 * an article written in slices (8 kB each): each emptying then moves 2-4 pages. For a
 * 400,000-character article (PGlite's CPU, 16MB of shared buffers, load 7): its 25 emptyings
 * 340 ms, the longest 25 ms; every 64 kB, 14 emptyings 311 ms, the longest 37 ms; with none,
 * the three inserts that emptied the list took 35-49 ms each.
 */
export const EMPTY_WORDS_AFTER = 32_768

/** The passages' steps with the word index's pending list emptied after about each {@link EMPTY_WORDS_AFTER} bytes. */
export function withWordsEmptied(steps: readonly Step[], slices: readonly Uint8Array[]): Step[] {
  const out: Step[] = []
  let since = 0
  for (const [n, step] of steps.entries()) {
    out.push(step)
    since += slices[n]?.length ?? 0
    if (since >= EMPTY_WORDS_AFTER) {
      out.push(emptyWordsPending)
      since = 0
    }
  }
  return out
}
