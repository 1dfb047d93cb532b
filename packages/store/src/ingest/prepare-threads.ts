import { Worker } from 'node:worker_threads'
import type { ArticleSource } from '@corroborate/core'
import type { StoryAnalysis } from '../analyse-story.js'
import type { StoryInput } from '../types.js'
import type { Outcome } from './write-outcome.js'

/** A thread's answer: an article's outcome, or a story's analysis. */
export type ThreadReply = Outcome & { analysis?: StoryAnalysis }

/** Worker threads that prepare articles and analyse stories (prepare-worker.ts), one job per message. */
export interface PrepareThreads {
  threads: readonly Worker[]
  /**
   * Gives `thread` one job; the promise is its reply. Jobs are numbered in
   * the order they are given, from 0, so that the first articles given are
   * jobs 0, 1, 2 … whichever thread takes them.
   */
  ask(thread: Worker, job: { source: ArticleSource } | { story: StoryInput }): Promise<ThreadReply>
  /** Stops every thread. */
  close(): Promise<void>
}

export function startPrepareThreads(count: number): PrepareThreads {
  const threads = Array.from(
    { length: count },
    () => new Worker(new URL('../prepare-worker.js', import.meta.url)),
  )
  const pending = new Map<number, (reply: ThreadReply) => void>()
  for (const thread of threads)
    thread.on('message', (message: { n: number } & ThreadReply) => {
      pending.get(message.n)?.(message)
      pending.delete(message.n)
    })
  let asked = 0
  return {
    threads,
    ask(thread, job) {
      const n = asked++
      const reply = new Promise<ThreadReply>((resolve) => pending.set(n, resolve))
      thread.postMessage({ n, ...job })
      return reply
    },
    async close() {
      await Promise.all(threads.map((thread) => thread.terminate()))
    },
  }
}
