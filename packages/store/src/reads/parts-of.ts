import type { Queryable } from '../queryable.js'
import type { PartField } from '../rows.js'
import { PIECES_PAGE, readsFirst } from '../slices.js'
import type { StoreState } from '../store-state.js'

/**
 * The pieces of these articles' values that are kept in parts, joined:
 * article → field → JSON text (`fields` null: every field). See {@link piecesOf}.
 */
export async function partsOf(
  state: StoreState,
  q: Queryable,
  ids: readonly string[],
  fields: readonly PartField[] | null,
): Promise<Map<string, Map<PartField, string>>> {
  const found = await piecesOf(state, q, ids, fields)
  return new Map(
    [...found].map(([id, fieldsOf]) => [
      id,
      new Map([...fieldsOf].map(([field, bodies]) => [field, bodies.join('')])),
    ]),
  )
}

/**
 * The pieces of these articles' values that are kept in parts, in order and
 * not joined: article → field → pieces (`fields` null: every field). Read a
 * few pieces per query through `q`; when `q` is the store's connection (not a
 * transaction), calls waiting for the database go first between queries. A
 * caller that hands a large value to a worker thread passes its pieces
 * (joining megabytes of text, then copying them whole, holds the event loop).
 */
export async function piecesOf(
  state: StoreState,
  q: Queryable,
  ids: readonly string[],
  fields: readonly PartField[] | null,
): Promise<Map<string, Map<PartField, string[]>>> {
  const found = new Map<string, Map<PartField, string[]>>()
  for (let after: [string, string, number] = ['', '', -1]; ids.length > 0; ) {
    const { rows } = await q.query<{
      article_id: string
      field: PartField
      n: number
      body: string
    }>(
      `SELECT article_id, field, n, body FROM article_parts
         WHERE article_id = ANY($1::text[]) AND ($2::text[] IS NULL OR field = ANY($2::text[]))
           AND (article_id, field, n) > ($3, $4, $5)
         ORDER BY article_id, field, n LIMIT ${PIECES_PAGE}`,
      [[...ids], fields === null ? null : [...fields], ...after],
    )
    for (const row of rows) {
      const ofArticle = found.get(row.article_id) ?? new Map<PartField, string[]>()
      found.set(row.article_id, ofArticle)
      const bodies = ofArticle.get(row.field) ?? []
      ofArticle.set(row.field, bodies)
      bodies.push(row.body)
      after = [row.article_id, row.field, row.n]
    }
    if (rows.length < PIECES_PAGE) break
    if (q === state.db) await readsFirst(state.db)
  }
  return found
}
