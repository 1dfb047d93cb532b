import { Worker } from 'node:worker_threads'
import { type Corpus, isCorroborateError, type Story } from '@corroborate/core'
import type { WorkerData, WorkerReply, WorkerRequest } from './analysis-worker.js'
import {
  askWorker,
  awaitWorker,
  describeOutcome,
  refusedAdd,
  type Unanswered,
} from './ask-worker.js'
import {
  type AddArticleInput,
  type AddedArticle,
  describeAdded,
  prepareArticle,
} from './prepare-article.js'
import { type CorpusReader, memoryReader } from './reader.js'
import { snapshotCorpus } from './snapshot-corpus.js'

export type { AddArticleInput, AddedArticle } from './prepare-article.js'

/**
 * The article added and the warnings for the caller (with the story it is in
 * and its quotes, when the store says them), or why nothing was added.
 */
export type AddOutcome =
  | { article: AddedArticle; warnings: string[]; story?: Story; quotes?: number }
  | { refused: string }

/**
 * Where the server's articles live: the one way in (`add`) and the corpus the
 * tools read. Adds run one at a time, in the order they were asked for, so a
 * check and its add are never split by another add.
 */
export interface ArticleStore {
  /** What the tools read: as of the last finished add; reads never wait for one in progress. */
  readonly reader: CorpusReader
  /**
   * Analyses and adds one article after every add asked for before it. Its
   * place in the queue is taken at once; its work starts once `after` settles
   * (the caller's progress notices) and is skipped when `signal` aborted by then.
   */
  add(input: AddArticleInput, options?: AddOptions): Promise<AddOutcome>
  /** Resolves once every add asked for so far has finished. */
  settled(): Promise<void>
  close(): Promise<void>
}

/** Options of {@link ArticleStore.add}. */
export interface AddOptions {
  signal?: AbortSignal
  after?: Promise<unknown>
}

/** Options of {@link createWorkerStore}. */
export interface WorkerStoreOptions {
  /** Time one add may take in the worker, in milliseconds (default 60,000); past it nothing is added. */
  budgetMs?: number
  /** Where a stopped or failed analysis is told, one line each. */
  log?: (line: string) => void
}

const CANCELLED: AddOutcome = {
  refused: 'add_article was cancelled; nothing was added. Call it again to add the article.',
}

/** Runs jobs one after another; a failed job does not stop the next. */
export function serial() {
  let tail: Promise<unknown> = Promise.resolve()
  return <T>(job: () => Promise<T> | T): Promise<T> => {
    const run = tail.then(job)
    tail = run.catch(() => {})
    return run
  }
}

/**
 * A store that analyses on the calling thread: for a corpus used in process
 * (tests, embedding). While an article is analysed, nothing else runs.
 */
export function createInlineStore(corpus: Corpus): ArticleStore {
  const queue = serial()
  return {
    reader: memoryReader(() => corpus),
    add: (input, { signal, after } = {}) =>
      queue(async () => {
        await after
        if (signal?.aborted) return CANCELLED
        const prepared = prepareArticle(corpus, input)
        if ('refused' in prepared) return prepared
        try {
          corpus.add(prepared.article)
        } catch (error) {
          if (isCorroborateError(error))
            return { refused: `the article was not added: ${error.message}` }
          throw error
        }
        return { article: describeAdded(prepared.article), warnings: prepared.warnings }
      }),
    settled: () => queue(() => {}),
    close: async () => {},
  }
}

type Outcome = WorkerReply | Unanswered

/** Sends one request and waits for its reply, the budget to run out, or the worker to die. */
function ask(worker: Worker, request: WorkerRequest, budgetMs: number): Promise<Outcome> {
  // The long lists of an analysis arrive in parts before the reply that completes them.
  const parts = new Map<string, unknown[]>()
  return askWorker(worker, request, budgetMs, (received) => {
    const message = received as WorkerReply
    if (message.type !== 'part') {
      if (message.type === 'added')
        for (const [key, items] of parts)
          (message.analysis as unknown as Record<string, unknown[]>)[key] = items
      return message
    }
    const list = parts.get(message.key) ?? []
    for (const item of message.items) list.push(item)
    parts.set(message.key, list)
    return undefined
  })
}

/**
 * A store that analyses each new article in a worker thread
 * (`analysis-worker.js`), so the server keeps answering while it runs. The
 * worker holds a copy of the corpus; an add that outlasts the budget, or
 * crashes the worker, adds nothing: the worker is replaced by a fresh one
 * started from the articles the store holds, and every earlier article stays.
 */
export function createWorkerStore(initial: Corpus, options: WorkerStoreOptions = {}): ArticleStore {
  const budgetMs = options.budgetMs ?? 60_000
  const log = options.log ?? (() => {})
  const queue = serial()
  let current = initial
  let worker: Worker | null = null
  let ready: Promise<Outcome> = Promise.resolve({ type: 'ready' })

  const start = () => {
    const data: WorkerData = { articles: [...current.articles] }
    const started = new Worker(new URL('./analysis-worker.js', import.meta.url), {
      workerData: data,
    })
    // The worker must not keep the process alive once the client is gone.
    started.unref()
    started.once('exit', () => {
      if (worker === started) worker = null
    })
    worker = started
    // Starting holds no budget: a large corpus takes its time to copy in.
    ready = awaitWorker(started, (message) => message as WorkerReply, {
      budgetMs: null,
      stopped: 'the analysis worker stopped',
    })
  }
  const restart = () => {
    void worker?.terminate()
    worker = null
    start()
  }
  start()

  return {
    reader: memoryReader(() => current),
    add: (input, { signal, after } = {}) =>
      queue(async (): Promise<AddOutcome> => {
        await after
        if (signal?.aborted) return CANCELLED
        // A worker that died between two adds is replaced before it is asked.
        if (worker === null) start()
        let outcome = await ready
        if (outcome.type !== 'ready' || worker === null) {
          log(
            `corroborate-mcp: the analysis worker did not start: ${describeOutcome(outcome)}; starting another`,
          )
          restart()
          outcome = await ready
          if (outcome.type !== 'ready' || worker === null)
            return {
              refused: `the server could not start its analysis (${describeOutcome(outcome)}); nothing was added. Try again later`,
            }
        }
        if (signal?.aborted) return CANCELLED
        const reply = await ask(worker, { type: 'add', input }, budgetMs)
        if (reply.type !== 'added') return refusedAdd(reply, budgetMs, log, restart)
        current = snapshotCorpus([...current.articles, reply.article], reply.analysis)
        return { article: describeAdded(reply.article), warnings: reply.warnings }
      }),
    settled: () => queue(() => {}),
    async close() {
      await worker?.terminate()
      worker = null
    },
  }
}
