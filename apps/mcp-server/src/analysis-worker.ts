import { parentPort, workerData } from 'node:worker_threads'
import { type Article, type Corpus, type CrossReference, createCorpus } from '@corroborate/core'
import { type AddArticleInput, prepareArticle } from './prepare-article.js'

/** What the article store asks of the worker. */
export interface WorkerRequest {
  type: 'add'
  input: AddArticleInput
}

/** What the worker answers: once `ready`, then one reply per request. */
export type WorkerReply =
  | { type: 'ready' }
  | { type: 'part'; key: keyof CrossReference; items: unknown[] }
  | { type: 'refused'; message: string }
  | { type: 'added'; article: Article; warnings: string[]; analysis: CrossReference }
  | { type: 'failed'; message: string }

/** The worker's start: the articles of the corpus as the store holds it. */
export interface WorkerData {
  articles: Article[]
}

// The worker holds its own copy of the corpus, so that each add costs the new
// article's analysis and the cross-reference, not a copy of every article.
// Items of a list sent in one message.
const PART = 500
const port = parentPort
if (!port) throw new Error('analysis-worker runs as a worker thread of the MCP server')
const reply = (message: WorkerReply) => port.postMessage(message)

let corpus: Corpus
try {
  corpus = createCorpus((workerData as WorkerData).articles)
  reply({ type: 'ready' })
} catch (error) {
  reply({ type: 'failed', message: (error as Error).message })
  process.exit(1)
}

port.on('message', (request: WorkerRequest) => {
  try {
    const prepared = prepareArticle(corpus, request.input)
    if ('refused' in prepared) return reply({ type: 'refused', message: prepared.refused })
    corpus.add(prepared.article)
    const analysis = corpus.analysis()
    // Long lists go in parts, each copied in on its own turn of the server's event loop:
    // one message of a large corpus's analysis would hold it for a second.
    const head: Record<string, unknown> = {}
    for (const [key, value] of Object.entries(analysis) as Array<[keyof CrossReference, unknown]>) {
      if (!Array.isArray(value) || value.length <= PART) {
        head[key] = value
        continue
      }
      head[key] = []
      for (let at = 0; at < value.length; at += PART)
        reply({ type: 'part', key, items: value.slice(at, at + PART) })
    }
    reply({
      type: 'added',
      article: prepared.article,
      warnings: prepared.warnings,
      analysis: head as unknown as CrossReference,
    })
  } catch (error) {
    // The store starts a fresh worker after a failure: this corpus may hold the half-added article.
    reply({ type: 'failed', message: (error as Error).message })
  }
})
