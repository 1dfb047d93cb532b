import type { Article, ArticleProfile, Story } from '@corroborate/core'
import type { Queryable } from '../queryable.js'
import type { StoreState } from '../store-state.js'
import type { ArticleSummary, Page, PageOptions, StoredArticle } from '../types.js'
import { loadRows } from './load-rows.js'
import { readCursor, readLimit, writeCursor } from './paging.js'

const iso = (value: Date | string) => (value instanceof Date ? value.toISOString() : value)

/** See `Store.getArticle`. */
export async function getArticle(
  state: StoreState,
  id: string,
): Promise<StoredArticle | undefined> {
  const [row] = await loadRows(state, 'WHERE a.id = $1', [id])
  if (!row) return undefined
  return {
    article: row.article,
    quotes: row.quotes,
    speakers: row.speakers,
    claims: row.claims,
    profile: row.profile,
    story: row.story_id,
    format: row.format,
    addedAt: iso(row.added_at),
    contentHash: row.content_hash,
  }
}

/** See `Store.listArticles`. */
export async function listArticles(
  state: StoreState,
  options: PageOptions = {},
): Promise<Page<ArticleSummary>> {
  const limit = readLimit(options.limit)
  const offset = readCursor(options.cursor)
  const { rows } = await state.db.query<{
    id: string
    profile: ArticleProfile
    story_id: string
    added_at: Date | string
  }>(
    `SELECT a.id, an.profile, m.story_id, a.added_at
         FROM (SELECT seq, id, added_at FROM articles WHERE NOT pending ORDER BY seq LIMIT $1 OFFSET $2) a
         JOIN analyses an ON an.article_id = a.id JOIN story_members m ON m.article_id = a.id
         ORDER BY a.seq`,
    [limit + 1, offset],
  )
  return {
    items: rows.slice(0, limit).map((row) => ({
      id: row.id,
      label: row.profile.label,
      outlet: row.profile.outlet,
      published: row.profile.published,
      story: row.story_id,
      addedAt: iso(row.added_at),
    })),
    next: rows.length > limit ? writeCursor(offset + limit) : null,
  }
}

/** See `Store.articles`: every stored article, normalized, in the order added. */
export async function allArticles(state: StoreState): Promise<Article[]> {
  return (await loadRows(state, '', [])).map((row) => row.article)
}

/** See `Store.count`: the articles seen (not pending). */
export async function countArticles(db: Queryable): Promise<number> {
  // An article is seen once it has its membership, which the schema's triggers count in the
  // totals row (migration 7): one row read, where counting 10,000 memberships took 3-10 ms.
  const { rows } = await db.query<{ n: string }>('SELECT articles AS n FROM corpus_totals')
  return Number(rows[0]?.n ?? 0)
}

/** See `Store.stories`. */
export async function stories(state: StoreState): Promise<Story[]> {
  const { rows } = await state.db.query<{ story: Story }>('SELECT story FROM stories ORDER BY seq')
  return rows.map((row) => row.story)
}

/** See `Store.storyOf`. */
export async function storyOf(state: StoreState, article: string): Promise<string | undefined> {
  const { rows } = await state.db.query<{ story_id: string }>(
    'SELECT story_id FROM story_members WHERE article_id = $1',
    [article],
  )
  return rows[0]?.story_id
}

/** See `Store.labels`. */
export async function labels(
  state: StoreState,
  ids: readonly string[],
): Promise<Map<string, { label: string; outlet: string | null }>> {
  const { rows } = await state.db.query<{ id: string; label: string; outlet: string | null }>(
    `SELECT article_id AS id, profile->>'label' AS label, profile->>'outlet' AS outlet
         FROM analyses WHERE article_id = ANY($1::text[])`,
    [[...ids]],
  )
  return new Map(rows.map((row) => [row.id, { label: row.label, outlet: row.outlet }]))
}
