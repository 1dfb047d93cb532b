import { MessageChannel, type MessagePort, Worker } from 'node:worker_threads'
import {
  type Article,
  type Corpus,
  type CrossReference,
  isCorroborateError,
  type Story,
} from '@corroborate/core'
import type { WorkerData, WorkerReply, WorkerRequest } from './analysis-worker.js'
import {
  askWorker,
  awaitWorker,
  describeOutcome,
  refusedAdd,
  type Unanswered,
} from './ask-worker.js'
import { nextTurn, PART_BYTES, receiveListParts, splitLists } from './list-parts.js'
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
  | {
      article: AddedArticle
      warnings: string[]
      story?: Story
      quotes?: number
      /** True when its story's cross-reference was left for later (a story over the budget). */
      pending?: boolean
    }
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
  /**
   * Longest the server spends copying the parts of an added article and its
   * analysis in from the worker, or of the corpus out to a new worker, before
   * it gives other calls a turn, in milliseconds (default 5; 0: one part per
   * turn).
   */
  partsSliceMs?: number
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

/**
 * Sends one request and waits for its reply, the budget to run out, or the
 * worker to die; an added article's long lists are then taken from `parts`,
 * a few per turn of the event loop.
 */
async function ask(
  worker: Worker,
  parts: MessagePort,
  request: WorkerRequest,
  { budgetMs, sliceMs }: { budgetMs: number; sliceMs: number },
): Promise<Outcome> {
  const reply = await askWorker(worker, request, budgetMs, (message) => message as WorkerReply)
  if (reply.type !== 'added') return reply
  const whole = await receiveListParts(
    parts,
    reply.parts,
    { article: reply.article, analysis: reply.analysis },
    sliceMs,
  )
  return whole
    ? reply
    : { type: 'failed', message: 'the analysis worker’s reply came without all its parts' }
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
  const sliceMs = options.partsSliceMs ?? 5
  const queue = serial()
  let current = initial
  let worker: Worker | null = null
  // Where the worker posts the parts of its replies; a new one with each worker.
  let parts: MessagePort | null = null
  let ready: Promise<Outcome> = Promise.resolve({ type: 'ready' })

  const start = () => {
    parts?.close()
    const started = startAnalysisWorker(current.articles, {
      sliceMs,
      log,
      replaced: (by) => worker !== by,
      exited: (which) => {
        if (worker === which) worker = null
      },
    })
    worker = started.worker
    parts = started.parts
    ready = started.ready
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
        if (outcome.type !== 'ready' || worker === null || parts === null) {
          log(
            `corroborate-mcp: the analysis worker did not start: ${describeOutcome(outcome)}; starting another`,
          )
          restart()
          outcome = await ready
          if (outcome.type !== 'ready' || worker === null || parts === null)
            return {
              refused: `the server could not start its analysis (${describeOutcome(outcome)}); nothing was added. Try again later`,
            }
        }
        if (signal?.aborted) return CANCELLED
        const reply = await ask(worker, parts, { type: 'add', input }, { budgetMs, sliceMs })
        if (reply.type !== 'added') return refusedAdd(reply, budgetMs, log, restart)
        current = snapshotCorpus([...current.articles, reply.article], reply.analysis)
        return addedOutcome(reply.article, reply.analysis, reply.warnings)
      }),
    settled: () => queue(() => {}),
    async close() {
      await worker?.terminate()
      worker = null
      parts?.close()
      parts = null
    },
  }
}

/**
 * A new analysis worker, the port it posts its replies' parts to, and its answer once it
 * holds the corpus; the corpus is sent to it in the background.
 */
function startAnalysisWorker(
  articles: readonly Article[],
  options: {
    sliceMs: number
    log: (line: string) => void
    /** Whether the store has replaced this worker since. */
    replaced: (worker: Worker) => boolean
    exited: (worker: Worker) => void
  },
): { worker: Worker; parts: MessagePort; ready: Promise<Outcome> } {
  const channel = new MessageChannel()
  const data: WorkerData = { parts: channel.port2 }
  const started = new Worker(new URL('./analysis-worker.js', import.meta.url), {
    workerData: data,
    transferList: [channel.port2],
  })
  // The worker must not keep the process alive once the client is gone.
  started.unref()
  started.once('exit', () => options.exited(started))
  // Starting holds no budget: a large corpus takes its time to copy in.
  const ready = awaitWorker(started, (message) => message as WorkerReply, {
    budgetMs: null,
    stopped: 'the analysis worker stopped',
  })
  // A corpus that cannot be sent ends this worker: the add waiting for it is refused, not the server.
  sendCorpus(started, articles, {
    sliceMs: options.sliceMs,
    replaced: () => options.replaced(started),
  }).catch((error: unknown) => {
    options.log(
      `corroborate-mcp: the corpus could not be sent to the analysis worker: ${String(error)}`,
    )
    void started.terminate()
  })
  return { worker: started, parts: channel.port1, ready }
}

// The corpus goes to a new worker an article and a part at a time, a few per turn of the
// event loop: copying it out whole (workerData) held the event loop for as long as a
// large article takes to copy, at every restart after a timeout.
async function sendCorpus(
  to: Worker,
  articles: readonly Article[],
  { sliceMs, replaced }: { sliceMs: number; replaced: () => boolean },
) {
  const post = (request: WorkerRequest) => to.postMessage(request)
  let turn = performance.now()
  for (const whole of articles) {
    const { head, parts: pieces } = splitLists('article', whole, PART_BYTES)
    for (const request of [
      { type: 'article', article: head } as const,
      ...pieces.map((part) => ({ type: 'part', part }) as const),
    ]) {
      if (performance.now() - turn >= sliceMs) {
        await nextTurn()
        // A worker replaced meanwhile takes nothing more.
        if (replaced()) return
        turn = performance.now()
      }
      post(request)
    }
  }
  post({ type: 'start' })
}

/** What an add through the worker answers: the article, its non-term quotes and its story. */
function addedOutcome(article: Article, analysis: CrossReference, warnings: string[]): AddOutcome {
  // Told here, from the analysis at hand: add_article's reader would sort every quote to count these.
  let quotes = 0
  for (const quote of analysis.quotes)
    if (quote.article === article.id && quote.kind !== 'term') quotes++
  const story = analysis.stories.find((s) => s.articles.includes(article.id))
  return {
    article: describeAdded(article),
    warnings,
    quotes,
    ...(story === undefined ? {} : { story }),
  }
}
