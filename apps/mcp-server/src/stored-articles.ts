import { Worker } from 'node:worker_threads'
import { isCorroborateError } from '@corroborate/core'
import type { AddResult, Store } from '@corroborate/store'
import type { AddOptions, AddOutcome, ArticleStore } from './article-store.js'
import { serial } from './article-store.js'
import { askWorkerInParts, describeOutcome, refusedAdd, type Unanswered } from './ask-worker.js'
import { storeReader } from './store-reader.js'
import type { StoreWorkerReply, StoreWorkerRequest } from './store-worker.js'
import { storyMessages } from './story-messages.js'

/** Options of {@link createStoredArticles}. */
export interface StoredArticlesOptions {
  /** Time one article's analysis may take in the worker, in milliseconds (default 60,000). */
  budgetMs?: number
  log?: (line: string) => void
  /**
   * Whether the worker is started at once and warmed on the seeds, and again
   * whenever it is replaced (default true): else the first add after each start
   * waits for the worker's code to load and compile, about a second.
   */
  warm?: boolean
  /**
   * Quotes and claims of a story (as last analysed) above which an add does not wait for the
   * story's cross-reference (default {@link STORY_BUDGET}): the story is cross-referenced once
   * the server has had no add for `idleMs`, or when it is read, once for all the adds since.
   */
  storyBudget?: number
  /** How long without an add before the stories left over the budget are cross-referenced, in milliseconds (default 2,000). */
  idleMs?: number
}
// After an article of this many characters the worker is ended (a new one starts at the next
// request): the memory its analysis took would otherwise stay with the process.
const LARGE_ARTICLE = 100_000
/**
 * The worker's young generation, in MB. With V8's default (about 48 MB) the worker kept
 * 34 MB of new space committed between adds, nearly empty; its analyses run one at a time
 * and keep little. 12 MB cost no CPU beyond the noise (60 articles analysed and the seeds'
 * story four times: 1.29-1.48 s of CPU against 1.16-1.63 s, three runs each).
 */
const WORKER_YOUNG_MB = 12
/**
 * A story's cross-reference reads, computes and writes in proportion to its quotes and claims
 * (about 0.24 ms of CPU each, over the database's thread, the main thread and the worker, at
 * 10,000 articles): a story of 25,569 (22 retold reports and nine 400,000-character pages
 * of many reports each) took 6.2 s of CPU and 37 MB of JSON in, 27 MB out, and an add to it
 * 10-13 s. An add waits for its story's cross-reference up to about a second of that work;
 * the largest story of 10,000 retold reports holds 2,895.
 */
const STORY_BUDGET = 5_000

type Outcome = StoreWorkerReply | Unanswered

const CANCELLED: AddOutcome = {
  refused: 'add_article was cancelled; nothing was added. Call it again to add the article.',
}

/**
 * Articles kept in a lasting store, added one at a time: the article is
 * analysed alone in a worker thread, the store assigns its story and commits
 * it, then the worker cross-references that story alone and the store keeps
 * it. The event loop only passes text between them and the database, so
 * reads go on meanwhile. Nothing of the corpus is held in memory.
 */
export function createStoredArticles(
  store: Store,
  options: StoredArticlesOptions = {},
): ArticleStore {
  const budgetMs = options.budgetMs ?? 60_000
  const log = options.log ?? (() => {})
  const storyBudget = options.storyBudget ?? STORY_BUDGET
  const queue = serial()
  let closed = false
  const worker = storeWorker({ budgetMs, log, warm: options.warm !== false, closed: () => closed })

  /** Cross-references one story in the worker and keeps it; a failure leaves it stale. */
  const analyseStory = async (story: string) => {
    // In pieces, sent a few at a time: the worker joins them.
    const input = await store.storyPieces(story)
    if (!input) return
    const reply = await worker.ask(storyMessages(input))
    if (reply.type === 'analysed') await store.saveStoryAnalysis(reply.analysis)
    else {
      if (reply.type !== 'refused') worker.stop()
      log(
        `corroborate-mcp: story ${story} was not cross-referenced (${describeOutcome(reply)}); it is tried again when read`,
      )
    }
  }

  // Stories over the budget wait for a moment with no add; the worker is ended after each
  // (a fresh one is warmed): their analysis's memory would otherwise stay with the process.
  const later = whenIdle(queue, options.idleMs ?? 2_000, async (story) => {
    try {
      if (closed || !(await store.staleStories()).includes(story)) return
      await analyseStory(story)
      worker.stop()
    } catch (error) {
      if (!closed)
        log(
          `corroborate-mcp: story ${story} was not cross-referenced (${(error as Error).message}); it is tried again when read`,
        )
    }
  })
  const overBudget = async (story: string) => {
    const size = await store.analysedSize(story)
    return size !== undefined && size.quotes + size.claims > storyBudget
  }

  const add = async (
    input: Parameters<ArticleStore['add']>[0],
    { signal, after }: AddOptions,
  ): Promise<AddOutcome> => {
    await after
    if (signal?.aborted) return CANCELLED
    const reply = await worker.ask([{ type: 'prepare', input }])
    if (reply.type !== 'prepared') return refusedAdd(reply, budgetMs, log, worker.stop)
    if (signal?.aborted) return CANCELLED
    const result = await commitPrepared(store, reply.prepared)
    if ('refused' in result) return result
    // Committed: the answer waits for its story's cross-reference, not the article's safety;
    // a story over the budget is cross-referenced later, once for the adds until then.
    const pending = await overBudget(result.story.id)
    if (pending) later.add(result.story.id)
    else await analyseStory(result.story.id)
    if (input.content.length >= LARGE_ARTICLE) worker.stop()
    return {
      article: reply.article,
      warnings: reply.warnings,
      story: result.story,
      quotes: result.quotes,
      ...(pending ? { pending } : {}),
    }
  }

  const refreshing = refreshStaleStories(store, queue, analyseStory, {
    log,
    closed: () => closed,
    later: async (story) => {
      if (!(await overBudget(story))) return false
      later.add(story)
      return true
    },
  })

  return {
    reader: storeReader(store, { analyseStory: (story) => queue(() => analyseStory(story)) }),
    // The wait for a moment with no add starts again when an add is asked for and when it ends.
    add: (input, options = {}) => {
      later.postpone()
      return queue(() => add(input, options)).finally(later.postpone)
    },
    settled: () => queue(() => {}),
    async close() {
      closed = true
      later.cancel()
      // A warm-up in progress is of no use now (an add waiting for it starts another worker).
      worker.abandonWarmUp()
      await refreshing
      await queue(() => {})
      await worker.terminate()
      await store.close()
    },
  }
}

/**
 * Readies the store for adds in the background and analyses its stale stories; the
 * promise settles when that is done or given up, never rejecting.
 */
function refreshStaleStories(
  store: Store,
  queue: ReturnType<typeof serial>,
  analyseStory: (story: string) => Promise<void>,
  options: {
    log: (line: string) => void
    closed: () => boolean
    /** Leaves a story to {@link whenIdle} when it is over the budget (true when it did). */
    later: (story: string) => Promise<boolean>
  },
): Promise<unknown> {
  const { log, closed } = options
  // Stories left stale (an ingest that did not analyse them, a crash between an add and its
  // story's analysis) are analysed in the background, one per turn of the queue, so that an
  // add asked for meanwhile waits for one story at most.
  const refresh = async () => {
    for (const story of await store.staleStories()) {
      if (closed()) return
      // An add asked for meanwhile may have analysed it already (an add committed while the
      // index was restored is stale until its own analysis).
      await queue(async () => {
        if (!(await store.staleStories()).includes(story)) return
        if (!(await options.later(story))) await analyseStory(story)
      })
    }
  }
  // The story index is restored at once while the server answers (in steps, calls waiting for
  // the database going first between them), so that the first add does not wait for it; then
  // an add is rehearsed in the database, so that the first does not wait for PGlite's code to
  // compile (in the queue: an add asked for meanwhile waits for it); then the stale stories,
  // in the worker.
  const refreshing = new Promise((resolve) => setImmediate(resolve))
    .then(() => (closed() ? undefined : store.warm()))
    .then(() => (closed() ? undefined : queue(() => rehearse(store, log))))
    .then(refresh)
    .catch((error: Error) =>
      log(`corroborate-mcp: the store was not made ready for adds: ${error.message}`),
    )
  return refreshing
}

/**
 * What an add runs in the database, run once at start (`Store.rehearseAdd`), so that the
 * first add does not wait for PGlite's code to be compiled; a failure is told and left.
 */
async function rehearse(store: Store, log: (line: string) => void): Promise<void> {
  await store
    .rehearseAdd()
    .catch((error: Error) =>
      log(`corroborate-mcp: the first add was not rehearsed (${error.message}); it may be slower`),
    )
}

/**
 * Stories to cross-reference once `idleMs` have passed with no add (`postpone` starts the
 * wait again), each once however many adds named it meanwhile, in the queue: an add asked
 * for while one is analysed waits for it, as for any add before it.
 */
function whenIdle(
  queue: ReturnType<typeof serial>,
  idleMs: number,
  analyse: (story: string) => Promise<void>,
) {
  const waiting = new Set<string>()
  let timer: NodeJS.Timeout | undefined
  const start = () => {
    clearTimeout(timer)
    timer = undefined
    if (waiting.size === 0) return
    timer = setTimeout(() => {
      timer = undefined
      for (const story of waiting) void queue(() => analyse(story))
      waiting.clear()
    }, idleMs)
    // A wait must not keep the process alive once the client is gone.
    timer.unref()
  }
  return {
    add(story: string) {
      waiting.add(story)
      start()
    },
    postpone: () => start(),
    cancel() {
      clearTimeout(timer)
      waiting.clear()
    },
  }
}

/**
 * Commits a prepared article to the store; the store's refusals (an id in use, a text
 * already there, a contract the article breaks) become the caller's answer.
 */
async function commitPrepared(
  store: Store,
  prepared: Extract<StoreWorkerReply, { type: 'prepared' }>['prepared'],
): Promise<AddResult | { refused: string }> {
  let result: AddResult
  try {
    result = await store.addPrepared(prepared)
  } catch (error) {
    if (isCorroborateError(error) && error.code === 'DUPLICATE_ID')
      return {
        refused: `the corpus already has an article "${prepared.id}"; choose another id or leave id out to derive one from the content (list_sources shows the ids in use)`,
      }
    if (isCorroborateError(error)) return { refused: `the article was not added: ${error.message}` }
    throw error
  }
  if (!result.added)
    return {
      refused: `article "${result.id}" already has this text; nothing was added. Use get_article with id "${result.id}" to read it`,
    }
  return result
}

/**
 * The one worker thread that analyses articles and stories, started when first asked
 * (or at once, to warm it) and started anew after `stop`.
 */
function storeWorker(options: {
  budgetMs: number
  log: (line: string) => void
  warm: boolean
  closed: () => boolean
}) {
  let worker: Worker | null = null
  const started = () => {
    if (worker) return worker
    const fresh = new Worker(new URL('./store-worker.js', import.meta.url), {
      resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_MB },
    })
    // The worker must not keep the process alive once the client is gone.
    fresh.unref()
    fresh.once('exit', () => {
      if (worker === fresh) worker = null
    })
    worker = fresh
    return fresh
  }
  const askNow = (request: Iterable<StoreWorkerRequest>): Promise<Outcome> =>
    askWorkerInParts(started(), request, options.budgetMs, (message) => message as StoreWorkerReply)
  // A request waits for the warm-up in progress: the worker answers one message at a time.
  let warming: Promise<void> = Promise.resolve()
  let warmingNow = false
  const end = () => {
    void worker?.terminate()
    worker = null
  }
  const warm = () => {
    warmingNow = true
    warming = askNow([{ type: 'warm' }]).then((reply) => {
      warmingNow = false
      if (reply.type === 'warmed') return
      if (!options.closed())
        options.log(`corroborate-mcp: the analysis was not warmed (${describeOutcome(reply)})`)
      end()
    })
  }
  if (options.warm) warm()
  return {
    /** Sends a request's messages (a story's are several) and waits for its reply. */
    async ask(request: Iterable<StoreWorkerRequest>): Promise<Outcome> {
      await warming
      return askNow(request)
    },
    // A worker not trusted again, or holding a large analysis's memory, is ended; a fresh one
    // is warmed at once rather than at the next add.
    stop() {
      end()
      if (options.warm && !options.closed()) warm()
    },
    abandonWarmUp() {
      if (warmingNow) end()
    },
    async terminate() {
      await worker?.terminate()
      worker = null
    },
  }
}
