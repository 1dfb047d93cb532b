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
  return new Promise((resolve) => {
    const onMessage = (message: unknown) => {
      const answer = reply(message)
      if (answer !== undefined) done(answer)
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
      done({ type: 'stopped', message: `the analysis stopped (exit code ${code})` })
    const timer = setTimeout(() => done({ type: 'timeout' }), budgetMs)
    worker.on('message', onMessage)
    worker.once('error', onError)
    worker.once('exit', onExit)
    worker.postMessage(request)
  })
}
