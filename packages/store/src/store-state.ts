import type { CrossReference, StoryIndex, StoryIndexOptions } from '@corroborate/core'
import type { Queryable } from './queryable.js'

/**
 * Work run one at a time, in the order given: each waits for the one before,
 * whether it succeeded or failed.
 */
export interface Queue {
  tail: Promise<unknown>
}

/** A queue with nothing in it. */
export const emptyQueue = (): Queue => ({ tail: Promise.resolve() })

/** Runs `work` once what the queue holds is done; resolves or rejects as `work` does. */
export function enqueue<T>(queue: Queue, work: () => Promise<T>): Promise<T> {
  const run = queue.tail.then(work)
  queue.tail = run.catch(() => {})
  return run
}

/**
 * The story index this process holds. Story assignment replays the stored
 * profiles, in the order added, into the core's incremental index; only what
 * other processes added since is read again.
 */
export interface StoryIndexState {
  /** Null until restored, and again once an add failed: it may hold an article the store did not keep. */
  current: StoryIndex | null
  /** The `seq` of the last article it holds; 0 for none. */
  seq: number
  /** The last article it holds. */
  last: string | null
  /** How many articles it held when it was last saved or read. */
  savedSize: number
  /**
   * An article analysed again has a new profile that the index in memory does
   * not hold: from then on this process saves no index (the next run restores
   * from the profiles).
   */
  profilesChanged: boolean
  /** Where a store on disk in this process alone keeps it between runs; null for the others. */
  snapshotPath: string | null
  /** The latest save of it: saves are written one at a time, and close waits for the last. */
  saving: Promise<void>
}

/**
 * An open store: its connection, its options as they apply, the story index,
 * the queues its writes wait in and what it keeps of earlier reads. Every part
 * of the store (src/writes, src/reads, src/restore-index, src/analyses) is a
 * function of it.
 */
export interface StoreState {
  readonly db: Queryable
  /** Lets the data directory go (PGlite on disk); nothing for the other engines. */
  readonly unlock: () => Promise<void>
  /** Whether search matches speakers' names by similarity (pg_trgm). */
  readonly trigrams: boolean
  readonly log: (line: string) => void
  /** The analysis version stored articles must have (`OpenStoreOptions.analysisVersion`). */
  readonly analysisVersion: number
  readonly storyOptions: StoryIndexOptions
  /** Characters of JSON per piece of a value written in pieces (`OpenStoreOptions.slices`). */
  readonly sliceChars: number
  /** Milliseconds of a slice of writing, or of placing in the story index, between reads. */
  readonly sliceMs: number
  /**
   * PGlite: one process (the data directory's lock), one connection that reads
   * wait for. Large writes are cut in slices, and the half-written ones a killed
   * process left are removed at open.
   */
  readonly sliced: boolean
  readonly storyIndex: StoryIndexState
  readonly queues: {
    /** Work on the story index: a restore and an add never interleave. */
    readonly index: Queue
    /** Story analyses written: one written in slices is never interleaved with another of the same story. */
    readonly analyses: Queue
  }
  readonly cache: {
    /** The cross-reference of the whole store, with the count and last article it was made at. */
    whole: { key: string; value: CrossReference } | null
    /** One-story analyses, the latest read last. */
    readonly perStory: Map<string, { revision: string; value: CrossReference }>
  }
}
