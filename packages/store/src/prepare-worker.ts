import { parentPort } from 'node:worker_threads'
import type { ArticleSource } from '@corroborate/core'
import { analyseStory } from './analyse-story.js'
import type { StoryInput } from './open-store.js'
import { prepareArticle, serializeArticle } from './prepare-article.js'

// One job per message. { n, source } in: { n, prepared } (serialized: the writer only passes
// strings on) or { n, error } out. { n, story } in (a story's input): { n, analysis } out.
parentPort?.on(
  'message',
  ({ n, source, story }: { n: number; source?: ArticleSource; story?: StoryInput }) => {
    try {
      if (story) parentPort?.postMessage({ n, analysis: analyseStory(story) })
      else
        parentPort?.postMessage({
          n,
          prepared: serializeArticle(prepareArticle(source as ArticleSource)),
        })
    } catch (error) {
      const { code } = error as { code?: unknown }
      parentPort?.postMessage({
        n,
        error: { message: (error as Error).message, code: typeof code === 'string' ? code : null },
      })
    }
  },
)
