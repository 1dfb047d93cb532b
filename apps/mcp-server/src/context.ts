import type { ArticleStore } from './article-store.js'
import type { CorpusReader } from './reader.js'

/** What every tool reads: the corpus's reader, the one way in, and how to log without touching stdout. */
export interface ServerContext {
  /** What the tools read: the corpus as of the last finished add (the store's reader). */
  readonly reader: CorpusReader
  /** The one way articles come in: serialized adds. */
  store: ArticleStore
  /** Writes one line to stderr: stdout carries only the protocol. */
  log: (line: string) => void
}
