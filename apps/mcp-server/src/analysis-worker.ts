import { type MessagePort, parentPort, workerData } from 'node:worker_threads'
import { type Article, type Corpus, type CrossReference, createCorpus } from '@corroborate/core'
import { appendPart, type ListPart, PART_BYTES, postListParts } from './list-parts.js'
import { type AddArticleInput, prepareArticle } from './prepare-article.js'

/**
 * What the article store asks of the worker: first the articles of the corpus
 * as the store holds it (each with its long lists in the parts that follow
 * it) and `start`; then adds.
 */
export type WorkerRequest =
  | { type: 'article'; article: Article }
  | { type: 'part'; part: ListPart }
  | { type: 'start' }
  | { type: 'add'; input: AddArticleInput }

/** What the worker answers: `ready` once started, then one reply per add. */
export type WorkerReply =
  | { type: 'ready' }
  | { type: 'refused'; message: string }
  | {
      type: 'added'
      /** The article and the analysis with their long lists empty: those come in `parts` on the parts port. */
      article: Article
      warnings: string[]
      analysis: CrossReference
      parts: number
    }
  | { type: 'failed'; message: string }

/** The port the long lists of each added article and analysis go to, in parts (`list-parts.ts`). */
export interface WorkerData {
  parts: MessagePort
}

// The worker holds its own copy of the corpus, so that each add costs the new
// article's analysis and the cross-reference, not a copy of every article.
const port = parentPort
if (!port) throw new Error('analysis-worker runs as a worker thread of the MCP server')
const reply = (message: WorkerReply) => port.postMessage(message)
const { parts } = workerData as WorkerData

const loading: Article[] = []
let corpus: Corpus | null = null

function add(input: AddArticleInput, to: Corpus) {
  try {
    const prepared = prepareArticle(to, input)
    if ('refused' in prepared) return reply({ type: 'refused', message: prepared.refused })
    to.add(prepared.article)
    // Long lists go in parts, that the server takes in a few at a time between its other
    // work: copying in a large article or a large corpus's analysis at once holds it for
    // hundreds of milliseconds. The parts are all posted before the reply that counts them.
    const article = postListParts(parts, 'article', prepared.article, PART_BYTES)
    const analysis = postListParts(parts, 'analysis', to.analysis(), PART_BYTES)
    reply({
      type: 'added',
      article: article.head,
      warnings: prepared.warnings,
      analysis: analysis.head,
      parts: article.parts + analysis.parts,
    })
  } catch (error) {
    // The store starts a fresh worker after a failure: this corpus may hold the half-added article.
    reply({ type: 'failed', message: (error as Error).message })
  }
}

port.on('message', (request: WorkerRequest) => {
  switch (request.type) {
    case 'article':
      loading.push(request.article)
      return
    case 'part': {
      const last = loading.at(-1)
      if (last === undefined || !appendPart({ article: last }, request.part))
        throw new Error('a part of an article came before its article')
      return
    }
    case 'start':
      try {
        corpus = createCorpus(loading.splice(0))
        reply({ type: 'ready' })
      } catch (error) {
        reply({ type: 'failed', message: (error as Error).message })
        process.exit(1)
      }
      return
    case 'add':
      if (corpus === null) return reply({ type: 'failed', message: 'the worker was not started' })
      return add(request.input, corpus)
  }
})
