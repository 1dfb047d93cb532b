import { CorroborateError } from '@corroborate/core'
import {
  type PreparedArticle,
  type SerializedArticle,
  serializeArticle,
} from '../prepare-article.js'
import { SAVE_EVERY, saveStoryIndex } from '../restore-index/saved-index.js'
import { SLICE_AFTER } from '../slices.js'
import { enqueue, type StoreState } from '../store-state.js'
import type { AddResult } from '../types.js'
import {
  ADD_LOCK,
  addPrepared,
  dropStoryIndex,
  newArticleValues,
  placeArticle,
  serializedSize,
  writeArticle,
} from './add-article.js'
import { emptyWordsPending } from './word-index.js'

/**
 * See `Store.addPreparedBatch`: the articles in order, each as `addPrepared`
 * would add it, the ordinary ones in one transaction (a large one, written in
 * slices, alone, through `addPrepared`). A refusal (`CorroborateError`) is that
 * article's answer; any other error rolls the transaction back, and its
 * articles are added again one by one, so that each comes out as
 * `addPrepared` alone would have left it.
 */
export async function addPreparedBatch(
  state: StoreState,
  inputs: readonly (PreparedArticle | SerializedArticle)[],
): Promise<Array<AddResult | CorroborateError>> {
  const answers: Array<AddResult | CorroborateError> = []
  let together: SerializedArticle[] = []
  const flush = async () => {
    if (together.length > 0) answers.push(...(await inOneTransaction(state, together)))
    together = []
  }
  for (const input of inputs) {
    const prepared = 'json' in input ? input : serializeArticle(input)
    if (state.sliced && serializedSize(prepared) > SLICE_AFTER * state.sliceChars) {
      await flush()
      answers.push(await refusedOr(() => addPrepared(state, prepared)))
    } else together.push(prepared)
  }
  await flush()
  return answers
}

/** An add's result, or the `CorroborateError` it was refused with; any other error is thrown. */
async function refusedOr(add: () => Promise<AddResult>): Promise<AddResult | CorroborateError> {
  try {
    return await add()
  } catch (error) {
    if (error instanceof CorroborateError) return error
    throw error
  }
}

/** Ordinary articles (one statement each) in one transaction, under the story index's queue. */
async function inOneTransaction(
  state: StoreState,
  articles: readonly SerializedArticle[],
): Promise<Array<AddResult | CorroborateError>> {
  if (articles.length === 1)
    return [await refusedOr(() => addPrepared(state, articles[0] as SerializedArticle))]
  let answers: Array<AddResult | CorroborateError>
  try {
    answers = await enqueue(state.queues.index, async () => {
      const written = await state.db.transaction(async (tx) => {
        const shared = state.db.engine === 'postgres'
        if (shared) await tx.query('SELECT pg_advisory_xact_lock($1)', [ADD_LOCK])
        const each: Array<AddResult | CorroborateError> = []
        for (const prepared of articles)
          each.push(
            await refusedOr(async () => {
              const placed = await placeArticle(state, tx, prepared, prepared.quotes, shared)
              if ('added' in placed) return placed
              const values = newArticleValues(state, prepared)
              const article = { prepared, input: prepared, quotes: prepared.quotes, values }
              const options = { ...article, inPieces: false, written: { pending: false } }
              return (await writeArticle(state, tx, options, placed)) as AddResult
            }),
          )
        return each
      })
      // Committed: as after an add, the word index's pending list emptied in a statement of
      // its own (PGlite), once for the batch.
      if (written.some(isAdded)) await emptyWordsPending(state.db).catch(() => {})
      return written
    })
  } catch {
    // The index may hold articles the store did not keep: rebuilt at the next add, which
    // adds these again one at a time (the one that failed fails alone, as it would have).
    dropStoryIndex(state)
    const alone: Array<AddResult | CorroborateError> = []
    for (const prepared of articles) alone.push(await refusedOr(() => addPrepared(state, prepared)))
    return alone
  }
  if (answers.some(isAdded)) void saveStoryIndex(state, SAVE_EVERY)
  return answers
}

const isAdded = (answer: AddResult | CorroborateError) =>
  !(answer instanceof CorroborateError) && answer.added
