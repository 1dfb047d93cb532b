import { type CrossReference, crossReference } from '@corroborate/core'
import { stories } from '../reads/articles.js'
import { loadRows } from '../reads/load-rows.js'
import type { StoreState } from '../store-state.js'

/**
 * See `Store.analysis`: the cross-reference of every stored article, kept
 * until the count or the last article changes.
 */
export async function wholeAnalysis(state: StoreState): Promise<CrossReference> {
  const { rows } = await state.db.query<{ n: string; last: string | null }>(
    'SELECT count(*) AS n, max(seq) AS last FROM articles WHERE NOT pending',
  )
  const key = `${rows[0]?.n}:${rows[0]?.last}`
  if (state.cache.whole?.key === key) return state.cache.whole.value
  const stored = await loadRows(state, '', [])
  // Each article's stored quotes and claims, not extracted again (their messages are not stored).
  const analyses = stored.map((row) => ({
    article: row.id,
    quotes: { quotes: row.quotes, speakers: row.speakers, messages: [] },
    claims: { claims: row.claims, messages: [] },
  }))
  const value = crossReference(
    stored.map((row) => row.article),
    { ...state.storyOptions, stories: await stories(state), analyses },
  )
  state.cache.whole = { key, value }
  return value
}
