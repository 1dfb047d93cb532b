import { parentPort } from 'node:worker_threads'
import type { ArticleSource } from '@corroborate/core'
import { prepareArticle, serializeArticle } from './prepare-article.js'

// One analysis per message: { n, source } in, { n, prepared } (serialized: the writer only
// passes strings on) or { n, error } out.
parentPort?.on('message', ({ n, source }: { n: number; source: ArticleSource }) => {
  try {
    parentPort?.postMessage({ n, prepared: serializeArticle(prepareArticle(source)) })
  } catch (error) {
    const { code } = error as { code?: unknown }
    parentPort?.postMessage({
      n,
      error: { message: (error as Error).message, code: typeof code === 'string' ? code : null },
    })
  }
})
