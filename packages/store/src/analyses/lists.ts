import type { Dispute } from '@corroborate/core'
import type { StoredQuote, StorySpeaker } from '../analyse-story.js'
import { storyOf } from '../reads/articles.js'
import type { StoreState } from '../store-state.js'
import type { DisputeFilter, QuoteFilter, Window } from '../types.js'

// Stories whose speakers are read per query: only the merged list is kept.
const SPEAKERS_PAGE = 500

/**
 * A story's list (quotes or disputes) as rows of JSON arrays `l(part, items)`,
 * in order: the column, then the pieces of the stored revision when the
 * analysis is kept in pieces (the column then holds none).
 */
export const listOf = (column: string, list: string) => `LATERAL (
  SELECT -1 AS part, sa.${column} AS items
  UNION ALL SELECT i.n AS part, i.items FROM story_items i
  WHERE sa.parts AND i.story_id = sa.story_id AND i.revision = sa.revision AND i.list = '${list}') l`

/** See `Store.staleStories`. */
export async function staleStories(state: StoreState): Promise<string[]> {
  const { rows } = await state.db.query<{ id: string }>(
    `SELECT s.id FROM stories s LEFT JOIN story_analyses sa ON sa.story_id = s.id
         WHERE sa.revision IS NULL OR sa.revision <> s.revision ORDER BY s.seq`,
  )
  return rows.map((row) => row.id)
}

/** See `Store.analysedSize`. */
export async function analysedSize(
  state: StoreState,
  story: string,
): Promise<{ quotes: number; claims: number } | undefined> {
  const { rows } = await state.db.query<{ quotes: number; claims: number }>(
    'SELECT quotes, claims FROM story_analyses WHERE story_id = $1',
    [story],
  )
  const row = rows[0]
  return row && { quotes: Number(row.quotes), claims: Number(row.claims) }
}

/** See `Store.storyCounts`. */
export async function storyCounts(
  state: StoreState,
): Promise<Map<string, { clusters: number; disputes: number }>> {
  const { rows } = await state.db.query<{ story_id: string; clusters: number; disputes: number }>(
    'SELECT story_id, clusters, disputes FROM story_analyses',
  )
  return new Map(
    rows.map((row) => [row.story_id, { clusters: row.clusters, disputes: row.disputes }]),
  )
}

/** See `Store.disputes`. */
export async function disputes(
  state: StoreState,
  filter: DisputeFilter,
  page: Window,
): Promise<{ items: Dispute[]; total: number }> {
  const { rows } = await state.db.query<{ d: Dispute; total: string }>(
    `SELECT d.value AS d, count(*) OVER () AS total
         FROM story_analyses sa JOIN stories s ON s.id = sa.story_id, ${listOf('dispute_list', 'disputes')},
           jsonb_array_elements(l.items) WITH ORDINALITY AS d(value, n)
         WHERE ($1::text IS NULL OR sa.story_id = $1)
           AND ($2::text IS NULL OR d.value->'positions' @> jsonb_build_array(jsonb_build_object('article', $2::text)))
           AND ($3::text IS NULL OR d.value->>'kind' = $3)
         ORDER BY s.seq, l.part, d.n LIMIT $4 OFFSET $5`,
    [filter.story ?? null, filter.article ?? null, filter.kind ?? null, page.limit, page.offset],
  )
  return { items: rows.map((row) => row.d), total: Number(rows[0]?.total ?? 0) }
}

/** See `Store.quotes`. */
export async function quotes(
  state: StoreState,
  filter: QuoteFilter,
  page: Window,
): Promise<{ items: StoredQuote[]; total: number }> {
  const story =
    filter.story ??
    (filter.article === undefined ? undefined : await storyOf(state, filter.article)) ??
    (filter.cluster === undefined ? undefined : filter.cluster.split('#')[0])
  const { rows } = await state.db.query<{ q: StoredQuote; total: string }>(
    `SELECT q.value AS q, count(*) OVER () AS total
         FROM story_analyses sa JOIN stories s ON s.id = sa.story_id, ${listOf('quotes_list', 'quotes')},
           jsonb_array_elements(l.items) WITH ORDINALITY AS q(value, n)
         WHERE ($1::text IS NULL OR sa.story_id = $1)
           AND ($2::text IS NULL OR q.value->>'article' = $2)
           AND (CASE WHEN $3::text IS NULL THEN q.value->>'kind' <> 'term' ELSE q.value->>'kind' = $3 END)
           AND ($4::text[] IS NULL OR q.value->'speaker'->>'id' = ANY($4::text[]))
           AND ($5::text IS NULL OR strpos(lower(q.value->>'text'), lower($5)) > 0)
           AND ($6::text IS NULL OR q.value->'clusters' ? $6)
         ORDER BY (q.value->>'rank')::int, s.seq, l.part, q.n LIMIT $7 OFFSET $8`,
    [
      story ?? null,
      filter.article ?? null,
      filter.kind ?? null,
      filter.speakers ? [...filter.speakers] : null,
      filter.contains ?? null,
      filter.cluster ?? null,
      page.limit,
      page.offset,
    ],
  )
  return { items: rows.map((row) => row.q), total: Number(rows[0]?.total ?? 0) }
}

/** See `Store.speakers`. */
export async function speakers(state: StoreState): Promise<StorySpeaker[]> {
  const merged = new Map<string, StorySpeaker>()
  // In pages of stories, merged as they come: only the merged list is kept.
  for (let after = 0, more = true; more; ) {
    const { rows } = await state.db.query<{ seq: string; speakers: StorySpeaker[] }>(
      `SELECT s.seq, sa.speakers FROM story_analyses sa JOIN stories s ON s.id = sa.story_id
           WHERE s.seq > $1 ORDER BY s.seq LIMIT ${SPEAKERS_PAGE}`,
      [after],
    )
    for (const row of rows) {
      after = Number(row.seq)
      for (const speaker of row.speakers) {
        const seen = merged.get(speaker.id)
        if (!seen) {
          merged.set(speaker.id, speaker)
          continue
        }
        for (const alias of speaker.aliases)
          if (!seen.aliases.includes(alias)) seen.aliases.push(alias)
        for (const role of speaker.roles) if (!seen.roles.includes(role)) seen.roles.push(role)
        seen.articles.push(...speaker.articles)
      }
    }
    more = rows.length === SPEAKERS_PAGE
  }
  return [...merged.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}
