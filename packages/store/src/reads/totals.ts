import { DISPUTE_KINDS, type DisputeKind } from '@corroborate/core'
import type { StoreState } from '../store-state.js'
import type { StoreTotals } from '../types.js'

/** See `Store.totals`. */
export async function totals(state: StoreState): Promise<StoreTotals> {
  // Kept by the schema's triggers as stories are written (migration 7): one row to read.
  const { rows } = await state.db.query<{
    articles: string
    stories: string
    quotes: string
    claims: string
    clusters: string
    speakers: string
    dispute_kinds: Partial<Record<DisputeKind, number>>
  }>(
    'SELECT articles, stories, quotes, claims, clusters, speakers, dispute_kinds FROM corpus_totals',
  )
  const row = rows[0]
  const disputesByKind = Object.fromEntries(
    DISPUTE_KINDS.map((kind) => [kind, Number(row?.dispute_kinds[kind] ?? 0)]),
  ) as Record<DisputeKind, number>
  return {
    articles: Number(row?.articles ?? 0),
    stories: Number(row?.stories ?? 0),
    quotes: Number(row?.quotes ?? 0),
    speakers: Number(row?.speakers ?? 0),
    claims: Number(row?.claims ?? 0),
    clusters: Number(row?.clusters ?? 0),
    disputes: Object.values(disputesByKind).reduce((sum, n) => sum + n, 0),
    disputesByKind,
  }
}

/** See `Store.version`: the last article seen and the latest story analysis, as one key. */
export async function storeVersion(state: StoreState): Promise<string> {
  const { rows } = await state.db.query<{ last: string | null; analysed: string | null }>(
    `SELECT (SELECT max(seq) FROM articles WHERE NOT pending) AS last,
           (SELECT max(analysed_at)::text FROM story_analyses) AS analysed`,
  )
  return `${rows[0]?.last ?? 0}:${rows[0]?.analysed ?? ''}`
}
