import { parentPort } from 'node:worker_threads'
import type { Corpus } from '@corroborate/core'
import {
  prepareArticle as analyse,
  analyseStory,
  type SerializedArticle,
  type StoryAnalysis,
  type StoryInput,
  serializeArticle,
} from '@corroborate/store'
import {
  type AddArticleInput,
  type AddedArticle,
  describeAdded,
  prepareArticle,
} from './prepare-article.js'

/** What the stored article store asks of its worker. */
export type StoreWorkerRequest =
  | { type: 'prepare'; input: AddArticleInput }
  | { type: 'story'; input: StoryInput }

/** The worker's replies: one per request. */
export type StoreWorkerReply =
  | { type: 'prepared'; prepared: SerializedArticle; article: AddedArticle; warnings: string[] }
  | { type: 'analysed'; analysis: StoryAnalysis }
  | { type: 'refused'; message: string }
  | { type: 'failed'; message: string }

// The store checks ids and repeated text in its transaction: here only the article itself.
const nothingYet = { get: () => undefined, articles: [] } as unknown as Corpus

const port = parentPort
if (port)
  port.on('message', (request: StoreWorkerRequest) => {
    const reply = (message: StoreWorkerReply) => port.postMessage(message)
    try {
      if (request.type === 'story')
        return reply({ type: 'analysed', analysis: analyseStory(request.input) })
      const { input } = request
      const checked = prepareArticle(nothingYet, input)
      if ('refused' in checked) return reply({ type: 'refused', message: checked.refused })
      const source = {
        content: input.content,
        format: input.format,
        metadata: input.metadata,
        id: checked.article.id,
      }
      reply({
        type: 'prepared',
        prepared: serializeArticle(analyse(source, checked.article)),
        article: describeAdded(checked.article),
        warnings: checked.warnings,
      })
    } catch (error) {
      reply({ type: 'failed', message: (error as Error).message })
    }
  })
