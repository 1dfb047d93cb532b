import type { Worker } from 'node:worker_threads'

/** How a request ends when no reply came: the budget ran out, or the worker died. */
export type Unanswered = { type: 'timeout' } | { type: 'stopped'; message: string }

/**
 * Sends one request to a worker thread and waits for the message that answers
 * it, the budget to run out, or the worker to die: one way for every worker the
 * server asks (the in-memory analysis, the store's), so that a timeout and a
 * dead worker end every request alike.
 * @param reply reads each message: the answer, or undefined to keep waiting
 *   (a reply may come in parts).
 */
export function askWorker<Reply>(
  worker: Worker,
  request: unknown,
  budgetMs: number,
  reply: (message: unknown) => Reply | undefined,
): Promise<Reply | Unanswered> {
  return askWorkerInParts(worker, [request], budgetMs, reply)
}

// How long the event loop posts a request's parts before it gives a turn to the other calls.
const POST_SLICE_MS = 5

const turn = () => new Promise<void>((resolve) => setImmediate(resolve))

/**
 * {@link askWorker} with a request of several messages, posted in order (the
 * first at once), a turn of the event loop given to the other calls every
 * {@link POST_SLICE_MS} milliseconds of posting: a message is copied whole
 * in the turn that posts it, and one of megabytes holds every other call for
 * tens of milliseconds. Posting stops when the request is over (answered, out
 * of time, or the worker gone).
 */
export function askWorkerInParts<Reply>(
  worker: Worker,
  messages: Iterable<unknown>,
  budgetMs: number,
  reply: (message: unknown) => Reply | undefined,
): Promise<Reply | Unanswered> {
  const waiting = listen(worker, reply, { budgetMs, stopped: 'the analysis stopped' })
  let over = false
  const answer = waiting.answer.finally(() => {
    over = true
  })
  const post = async () => {
    let sliceStart = performance.now()
    for (const message of messages) {
      if (over) return
      worker.postMessage(message)
      if (performance.now() - sliceStart >= POST_SLICE_MS) {
        await turn()
        sliceStart = performance.now()
      }
    }
  }
  // A message that cannot be copied ends the request as a worker gone does.
  post().catch((error: Error) =>
    waiting.done({ type: 'stopped', message: `the request was not sent: ${error.message}` }),
  )
  return answer
}

/**
 * Waits for the message of a worker that `reply` takes for an answer, the
 * budget to run out (none: no limit) or the worker to die, whose exit is told
 * as `stopped` and its exit code.
 */
export function awaitWorker<Reply>(
  worker: Worker,
  reply: (message: unknown) => Reply | undefined,
  options: { budgetMs: number | null; stopped: string },
): Promise<Reply | Unanswered> {
  return listen(worker, reply, options).answer
}

/** {@link awaitWorker}'s wait, and `done`, which ends it with an outcome of the caller's. */
function listen<Reply>(
  worker: Worker,
  reply: (message: unknown) => Reply | undefined,
  { budgetMs, stopped }: { budgetMs: number | null; stopped: string },
): { answer: Promise<Reply | Unanswered>; done: (outcome: Reply | Unanswered) => void } {
  let resolve: (outcome: Reply | Unanswered) => void = () => {}
  const answer = new Promise<Reply | Unanswered>((settle) => {
    resolve = settle
  })
  const onMessage = (message: unknown) => {
    const outcome = reply(message)
    if (outcome !== undefined) done(outcome)
  }
  const done = (outcome: Reply | Unanswered) => {
    clearTimeout(timer)
    worker.off('message', onMessage)
    worker.off('error', onError)
    worker.off('exit', onExit)
    resolve(outcome)
  }
  const onError = (error: Error) => done({ type: 'stopped', message: error.message })
  const onExit = (code: number) =>
    done({ type: 'stopped', message: `${stopped} (exit code ${code})` })
  const timer =
    budgetMs === null ? undefined : setTimeout(() => done({ type: 'timeout' }), budgetMs)
  worker.on('message', onMessage)
  worker.once('error', onError)
  worker.once('exit', onExit)
  return { answer, done }
}

/** What a reply that is no answer says: the worker's message, or what happened ("timeout"). */
export function describeOutcome(outcome: { type: string; message?: string }): string {
  if (outcome.type === 'failed' || outcome.type === 'stopped' || outcome.type === 'refused')
    return outcome.message as string
  return outcome.type
}

/**
 * The answer to an add the worker did not complete: its refusal as it is; after a
 * timeout or a failure, a line for the log, the worker stopped (`stop`: it is not
 * trusted again) and a refusal that tells the caller how to try again.
 */
export function refusedAdd(
  outcome: { type: string; message?: string },
  budgetMs: number,
  log: (line: string) => void,
  stop: () => void,
): { refused: string } {
  switch (outcome.type) {
    case 'refused':
      return { refused: outcome.message as string }
    case 'timeout':
      log(
        `corroborate-mcp: an article took more than ${budgetMs / 1000} s to analyse; stopped, nothing added`,
      )
      stop()
      return {
        refused: `analysing this article took more than ${budgetMs / 1000} s, the limit for one article; nothing was added and the corpus is as it was. Pass only the story’s text (format text) rather than the whole page, or split a very long text into its articles`,
      }
    default:
      log(`corroborate-mcp: the analysis of an article failed: ${describeOutcome(outcome)}`)
      stop()
      return {
        refused: `the article could not be analysed (${describeOutcome(outcome)}); nothing was added and the corpus is as it was. Pass the story’s text with format text, or report the article if it is an ordinary news page`,
      }
  }
}
