import type { Corpus } from '@corroborate/core'

/** What every tool reads: the corpus, and how to log without touching stdout. */
export interface ServerContext {
  corpus: Corpus
  /** Writes one line to stderr: stdout carries only the protocol. */
  log: (line: string) => void
}
