import { Worker } from 'node:worker_threads'
import { type ArticleSource, CorroborateError } from '@corroborate/core'
import type { StoryAnalysis } from './analyse-story.js'
import { type PreparedArticle, prepareArticle, type SerializedArticle } from './prepare-article.js'
import type { AddResult, Store } from './types.js'

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

type Outcome =
  | { prepared: PreparedArticle | SerializedArticle }
  | { error: { message: string; code: string | null } }

/**
 * Adds many articles to a store, in the order given (so the stories are those
 * one `addArticle` after another makes), analysing up to `workers` articles
 * ahead in worker threads. Each article is committed on its own: a crash keeps
 * every article that was reported done.
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
  const record = (source: ArticleSource, result: AddResult | Error) => {
    if (result instanceof Error) {
      summary.refused++
      options.onProblem?.(source, result.message)
    } else if (result.added) summary.added++
    else summary.unchanged++
  }
  const add = async (source: ArticleSource, outcome: Outcome) => {
    if ('error' in outcome) return record(source, new Error(outcome.error.message))
    try {
      record(source, await store.addPrepared(outcome.prepared))
    } catch (error) {
      if (!(error instanceof CorroborateError)) throw error
      record(source, error)
    }
  }

  if (workers === 1) {
    for (const [n, source] of sources.entries()) {
      options.signal?.throwIfAborted()
      let outcome: Outcome
      try {
        outcome = { prepared: prepareArticle(source) }
      } catch (error) {
        if (!(error instanceof CorroborateError)) throw error
        outcome = { error: { message: error.message, code: error.code } }
      }
      await add(source, outcome)
      options.onProgress?.(n + 1, sources.length)
    }
    if (options.analyseStories ?? true)
      for (const story of await store.staleStories()) {
        options.signal?.throwIfAborted()
        await store.storyAnalysis(story)
        summary.stories++
      }
    return summary
  }

  const threads = Array.from(
    { length: workers },
    () => new Worker(new URL('./prepare-worker.js', import.meta.url)),
  )
  const pending = new Map<number, (outcome: Outcome & { analysis?: StoryAnalysis }) => void>()
  for (const thread of threads)
    thread.on('message', (message: { n: number } & Outcome & { analysis?: StoryAnalysis }) => {
      pending.get(message.n)?.(message)
      pending.delete(message.n)
    })
  // Each article goes to a thread as soon as one is free; results are written in order.
  const outcomes = new Map<number, Promise<Outcome>>()
  let sent = 0
  const send = () => {
    const n = sent++
    const source = sources[n] as ArticleSource
    outcomes.set(n, new Promise<Outcome>((resolve) => pending.set(n, resolve)))
    ;(threads[n % workers] as Worker).postMessage({ n, source })
  }
  try {
    const ahead = workers * 2
    while (sent < Math.min(sources.length, ahead)) send()
    for (let n = 0; n < sources.length; n++) {
      options.signal?.throwIfAborted()
      const outcome = await (outcomes.get(n) as Promise<Outcome>)
      outcomes.delete(n)
      if (sent < sources.length) send()
      await add(sources[n] as ArticleSource, outcome)
      options.onProgress?.(n + 1, sources.length)
    }
    if (options.analyseStories ?? true) {
      // Each stale story to a free thread; the writer keeps what each sends back.
      const stale = await store.staleStories()
      let next = 0
      const run = async (thread: Worker) => {
        for (let at = next++; at < stale.length; at = next++) {
          options.signal?.throwIfAborted()
          const input = await store.storyInput(stale[at] as string)
          if (!input) continue
          const n = sent++
          const reply = new Promise<Outcome & { analysis?: StoryAnalysis }>((resolve) =>
            pending.set(n, resolve),
          )
          thread.postMessage({ n, story: input })
          const { analysis } = await reply
          if (analysis && (await store.saveStoryAnalysis(analysis))) summary.stories++
        }
      }
      await Promise.all(threads.map(run))
    }
  } finally {
    await Promise.all(threads.map((thread) => thread.terminate()))
  }
  return summary
}
