import type { Worker } from 'node:worker_threads'
import { type ArticleSource, CorroborateError } from '@corroborate/core'
import { type PrepareThreads, startPrepareThreads } from './ingest/prepare-threads.js'
import { type Outcome, prepareHere, writeOutcomes } from './ingest/write-outcome.js'
import type { Store } from './types.js'

/** Options of {@link ingest}. */
export interface IngestOptions {
  /**
   * Threads that analyse articles (normalize, quotes, claims, profile) while
   * this one writes. 1 analyses here, between writes. Default 1.
   */
  workers?: number
  /** After each article: how many are done of how many. */
  onProgress?: (done: number, total: number) => void
  /** Each article refused (no body, an id taken by another text), with the reason. */
  onProblem?: (source: ArticleSource, message: string) => void
  /** Stops between two articles; the promise then rejects with the signal's reason. */
  signal?: AbortSignal
  /**
   * Whether to cross-reference, once the articles are in, each story they
   * joined or started (and any other story whose analysis is older than it),
   * on the same threads. Default true; a reader would otherwise do it when it
   * first reads that story.
   */
  analyseStories?: boolean
}

/** What {@link ingest} did. */
export interface IngestSummary {
  added: number
  /** Already stored (the same content): nothing written. */
  unchanged: number
  refused: number
  /** Stories cross-referenced after the adds. */
  stories: number
}

/**
 * Articles written in one transaction at most: each article's own statements
 * stay, its commit (and, on a server, its transaction's lock and round trips)
 * is shared. A batch's articles are reported done together, once committed.
 */
const BATCH = 16

/**
 * Adds many articles to a store, in the order given (so the stories are those
 * one `addArticle` after another makes), analysing articles ahead in `workers`
 * worker threads. Articles are committed a few at a time (up to 16, those
 * analysed by then): a crash keeps every article that was reported done, and
 * leaves none half-written.
 */
export async function ingest(
  store: Store,
  sources: readonly ArticleSource[],
  options: IngestOptions = {},
): Promise<IngestSummary> {
  const workers = options.workers ?? 1
  if (!Number.isInteger(workers) || workers < 1 || workers > 64)
    throw new CorroborateError(
      'INVALID_ARGUMENT',
      `workers is a whole number from 1 to 64, not ${String(options.workers)}`,
    )
  const summary: IngestSummary = { added: 0, unchanged: 0, refused: 0, stories: 0 }
  if (workers === 1) await ingestHere(store, sources, options, summary)
  else await ingestOnThreads(store, sources, options, workers, summary)
  return summary
}

/** One thread: a batch of articles prepared, then written; then each stale story analysed. */
async function ingestHere(
  store: Store,
  sources: readonly ArticleSource[],
  options: IngestOptions,
  summary: IngestSummary,
) {
  const done = { count: 0, total: sources.length }
  for (let at = 0; at < sources.length; at += BATCH) {
    const batch = sources.slice(at, at + BATCH).map((source) => {
      options.signal?.throwIfAborted()
      return { source, outcome: prepareHere(source) }
    })
    await writeOutcomes(store, batch, summary, options, done)
  }
  if (options.analyseStories ?? true)
    for (const story of await store.staleStories()) {
      options.signal?.throwIfAborted()
      await store.storyAnalysis(story)
      summary.stories++
    }
}

/** `workers` threads prepare the articles and analyse the stale stories; this one writes. */
async function ingestOnThreads(
  store: Store,
  sources: readonly ArticleSource[],
  options: IngestOptions,
  workers: number,
  summary: IngestSummary,
) {
  const pool = startPrepareThreads(workers)
  try {
    await writeInOrder(store, sources, options, pool, summary)
    if (options.analyseStories ?? true) await analyseStaleStories(store, options, pool, summary)
  } finally {
    await pool.close()
  }
}

// Each article goes to a thread as soon as one is free, up to two per thread and a
// batch ahead of the writer; the writer takes the next outcome and those after it
// already there (up to a batch), and writes them in the order of the sources.
async function writeInOrder(
  store: Store,
  sources: readonly ArticleSource[],
  options: IngestOptions,
  pool: PrepareThreads,
  summary: IngestSummary,
) {
  const workers = pool.threads.length
  const outcomes = new Map<number, Promise<Outcome>>()
  const ready = new Map<number, Outcome>()
  let sent = 0
  const send = () => {
    const n = sent++
    const source = sources[n] as ArticleSource
    const outcome = pool.ask(pool.threads[n % workers] as Worker, { source })
    outcomes.set(
      n,
      outcome.then((value) => {
        ready.set(n, value)
        return value
      }),
    )
  }
  const ahead = workers * 2 + BATCH
  while (sent < Math.min(sources.length, ahead)) send()
  const done = { count: 0, total: sources.length }
  for (let n = 0; n < sources.length; ) {
    options.signal?.throwIfAborted()
    await outcomes.get(n)
    const batch: Array<{ source: ArticleSource; outcome: Outcome }> = []
    for (; n < sources.length && batch.length < BATCH && ready.has(n); n++) {
      batch.push({ source: sources[n] as ArticleSource, outcome: ready.get(n) as Outcome })
      ready.delete(n)
      outcomes.delete(n)
      if (sent < sources.length) send()
    }
    await writeOutcomes(store, batch, summary, options, done)
  }
}

// Each stale story to a free thread; the writer keeps what each sends back.
async function analyseStaleStories(
  store: Store,
  options: IngestOptions,
  pool: PrepareThreads,
  summary: IngestSummary,
) {
  const stale = await store.staleStories()
  let next = 0
  const run = async (thread: Worker) => {
    for (let at = next++; at < stale.length; at = next++) {
      options.signal?.throwIfAborted()
      const input = await store.storyInput(stale[at] as string)
      if (!input) continue
      const { analysis } = await pool.ask(thread, { story: input })
      if (analysis && (await store.saveStoryAnalysis(analysis))) summary.stories++
    }
  }
  await Promise.all(pool.threads.map(run))
}
