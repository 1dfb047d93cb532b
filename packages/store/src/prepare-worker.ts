import { parentPort } from 'node:worker_threads'
import type { ArticleSource } from '@corroborate/core'
import { analyseStory } from './analyse-story.js'
import { prepareArticle, serializeArticle } from './prepare-article.js'
import type { StoryInput } from './types.js'

// One job per message. { n, source } in: { n, prepared } (serialized: the writer only passes
// bytes on) or { n, error } out. { n, story } in (a story's input): { n, analysis } out.
parentPort?.on(
  'message',
  ({ n, source, story }: { n: number; source?: ArticleSource; story?: StoryInput }) => {
    try {
      if (story) {
        const analysis = analyseStory(story)
        parentPort?.postMessage({ n, analysis }, [analysis.json.analysis.buffer as ArrayBuffer])
      } else {
        const prepared = serializeArticle(prepareArticle(source as ArticleSource))
        // The bytes are moved to the writer, not copied.
        const { metadata: _, head: __, packedProfile: ___, passages, ...bytes } = prepared.json
        parentPort?.postMessage({ n, prepared }, [
          ...[...Object.values(bytes), ...passages].map((b) => b.buffer as ArrayBuffer),
        ])
      }
    } catch (error) {
      const { code } = error as { code?: unknown }
      parentPort?.postMessage({
        n,
        error: { message: (error as Error).message, code: typeof code === 'string' ? code : null },
      })
    }
  },
)
