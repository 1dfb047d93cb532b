import { type ArticleSource, CorroborateError } from '@corroborate/core'
import type { IngestOptions, IngestSummary } from '../ingest.js'
import { type PreparedArticle, prepareArticle, type SerializedArticle } from '../prepare-article.js'
import type { AddResult, Store } from '../types.js'

/** What preparing one article gave: the article to write, or why it was refused. */
export type Outcome =
  | { prepared: PreparedArticle | SerializedArticle }
  | { error: { message: string; code: string | null } }

/** Prepares an article on this thread; a refusal of its content becomes an outcome, any other error is thrown. */
export function prepareHere(source: ArticleSource): Outcome {
  try {
    return { prepared: prepareArticle(source) }
  } catch (error) {
    if (!(error instanceof CorroborateError)) throw error
    return { error: { message: error.message, code: error.code } }
  }
}

/**
 * Writes one article's outcome to the store and counts it in `summary`:
 * added, unchanged, or refused (told to `onProblem`), whether preparing it or
 * the store refused it. Any other error of the store is thrown.
 */
export async function writeOutcome(
  store: Store,
  source: ArticleSource,
  outcome: Outcome,
  summary: IngestSummary,
  options: IngestOptions,
): Promise<void> {
  if ('error' in outcome) return count(summary, source, new Error(outcome.error.message), options)
  try {
    count(summary, source, await store.addPrepared(outcome.prepared), options)
  } catch (error) {
    if (!(error instanceof CorroborateError)) throw error
    count(summary, source, error, options)
  }
}

function count(
  summary: IngestSummary,
  source: ArticleSource,
  result: AddResult | Error,
  options: IngestOptions,
) {
  if (result instanceof Error) {
    summary.refused++
    options.onProblem?.(source, result.message)
  } else if (result.added) summary.added++
  else summary.unchanged++
}
