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
 * Writes articles' outcomes to the store (the prepared ones with
 * `addPreparedBatch`: in one transaction) and counts each in `summary`, in
 * order: added, unchanged, or refused (told to `onProblem`), whether preparing
 * it or the store refused it; then `onProgress` for each, once all are
 * committed. `done` is how many articles were written before these. Any other
 * error of the store is thrown.
 */
export async function writeOutcomes(
  store: Store,
  batch: ReadonlyArray<{ source: ArticleSource; outcome: Outcome }>,
  summary: IngestSummary,
  options: IngestOptions,
  done: { count: number; total: number },
): Promise<void> {
  const prepared = batch.flatMap(({ outcome }) => ('prepared' in outcome ? [outcome.prepared] : []))
  const answers = await store.addPreparedBatch(prepared)
  let at = 0
  for (const { source, outcome } of batch)
    count(
      summary,
      source,
      'error' in outcome ? new Error(outcome.error.message) : (answers[at++] as AddResult | Error),
      options,
    )
  for (let k = 0; k < batch.length; k++) options.onProgress?.(++done.count, done.total)
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
