import type { Store } from '@corroborate/store'
import type { AddOutcome, ArticleStore } from './article-store.js'

/**
 * The same article store, with every article it adds also written to a lasting
 * store (`@corroborate/store`) before the caller hears of it: an `add_article`
 * that answered survives a restart, and a kill -9 of the server the next
 * instant. The article keeps the id the corpus gave it.
 */
export function persistAdds(
  inner: ArticleStore,
  store: Store,
  log: (line: string) => void = () => {},
): ArticleStore {
  // Written in the order the corpus took them, so the stored stories are the corpus's.
  let tail: Promise<unknown> = Promise.resolve()
  return {
    get corpus() {
      return inner.corpus
    },
    async add(input, signal) {
      const outcome = await inner.add(input, signal)
      if ('refused' in outcome) return outcome
      const write = tail.then(async (): Promise<AddOutcome> => {
        try {
          await store.addArticle({
            content: input.content,
            format: input.format,
            id: outcome.article.id,
            metadata: input.metadata,
          })
          return outcome
        } catch (error) {
          const reason = (error as Error).message
          log(`corroborate-mcp: article ${outcome.article.id} was not saved: ${reason}`)
          return {
            ...outcome,
            warnings: [
              ...outcome.warnings,
              `the article is in this session’s corpus but could not be saved (${reason}); it will be gone when the server restarts`,
            ],
          }
        }
      })
      tail = write
      return write
    },
    settled: async () => {
      await inner.settled()
      await tail
    },
    async close() {
      await inner.close()
      await tail
      await store.close()
    },
  }
}
