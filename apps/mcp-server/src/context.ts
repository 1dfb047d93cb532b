import type { Corpus } from '@corroborate/core'
import type { ArticleStore } from './article-store.js'

/** What every tool reads: the corpus, and how to log without touching stdout. */
export interface ServerContext {
  /** The corpus as of the last finished add (the store's). */
  readonly corpus: Corpus
  /** The one way articles come in: serialized adds. */
  store: ArticleStore
  /** Writes one line to stderr: stdout carries only the protocol. */
  log: (line: string) => void
}
