import { CorroborateError } from '@corroborate/core'
import type { StoreState } from '../store-state.js'
import type { Page, PageOptions, StoreSearchHit } from '../types.js'
import { readCursor, readLimit, writeCursor } from './paging.js'

// Matches of a search that are ranked; past them a search pages no further.
const CANDIDATES = 500

/** See `Store.search`. */
export async function search(
  state: StoreState,
  query: string,
  options: PageOptions = {},
): Promise<Page<StoreSearchHit>> {
  if (typeof query !== 'string')
    throw new CorroborateError('INVALID_ARGUMENT', 'search expects a query string')
  const limit = readLimit(options.limit)
  const offset = readCursor(options.cursor)
  if (query.trim() === '') return { items: [], next: null }
  // A name is written with a capital: only then are speakers' names looked up too.
  const named = /\p{Lu}/u.test(query) && !query.includes('"')
  const like = !named
    ? 'SELECT NULL::text AS speaker, 0::real AS score WHERE false'
    : state.trigrams
      ? 'SELECT speaker, score FROM similar_speakers($1)'
      : 'SELECT name AS speaker, 1::real AS score FROM speaker_names WHERE lower(name) = lower($1)'
  // Ranked among the first CANDIDATES matches of the words and of the name: ranking
  // every passage that says "said" (a tenth of a big store) would cost a scan of them all.
  const { rows } = await state.db.query<{
    kind: StoreSearchHit['kind']
    article_id: string
    ref: string | null
    text: string
    speaker: string | null
    span_start: number
    span_end: number
    rank: number
  }>(
    `WITH q AS (SELECT websearch_to_tsquery('english', $1) AS q),
         words AS (
           SELECT p.kind, p.article_id, p.ref, p.text, p.speaker, p.span_start, p.span_end,
             ts_rank(p.tsv, q.q) AS rank
           FROM passages p CROSS JOIN q WHERE p.tsv @@ q.q LIMIT $4),
         alike AS (${like} ORDER BY score DESC, speaker),
         names AS (
           SELECT p.kind, p.article_id, p.ref, p.text, p.speaker, p.span_start, p.span_end,
             1 + n.score + ts_rank(p.tsv, q.q) AS rank
           FROM alike n CROSS JOIN q
           CROSS JOIN LATERAL (SELECT * FROM passages p WHERE p.speaker = n.speaker LIMIT $4) p
           LIMIT $4),
         hits AS (
           SELECT DISTINCT ON (article_id, span_start, kind) *
           FROM (SELECT * FROM names UNION ALL SELECT * FROM words) found
           ORDER BY article_id, span_start, kind, rank DESC)
         SELECT h.* FROM hits h JOIN articles a ON a.id = h.article_id AND NOT a.pending
         ORDER BY h.rank DESC, a.seq, h.span_start, h.kind
         LIMIT $2 OFFSET $3`,
    [query, limit + 1, offset, CANDIDATES],
  )
  return {
    items: rows.slice(0, limit).map((row) => ({
      kind: row.kind,
      article: row.article_id,
      id: row.ref,
      text: row.text,
      span: { start: row.span_start, end: row.span_end },
      speaker: row.speaker,
      rank: Math.round(Number(row.rank) * 1e4) / 1e4,
    })),
    next: rows.length > limit ? writeCursor(offset + limit) : null,
  }
}

/** See `Store.quotedIn`. */
export async function quotedIn(state: StoreState, name: string): Promise<Set<string>> {
  // ILIKE among the distinct speakers' names (through their trigram index when the engine
  // has pg_trgm), then their quotes by the speaker's btree: a scan of every passage took
  // seconds on a cold store of 10,000 articles.
  const pattern = `%${name.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`
  const { rows } = await state.db.query<{ article_id: string }>(
    `SELECT DISTINCT article_id FROM passages p
         WHERE speaker = ANY(ARRAY(SELECT name FROM speaker_names WHERE name ILIKE $1))
           AND kind = 'quote'
           AND NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = p.article_id AND a.pending)`,
    [pattern],
  )
  return new Set(rows.map((row) => row.article_id))
}
