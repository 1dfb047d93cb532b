import { listOf } from '../analyses/lists.js'
import type { Queryable } from '../queryable.js'
import type { StoreState } from '../store-state.js'
import type { SourceSummary, Window } from '../types.js'
import { countArticles } from './articles.js'

/**
 * See `Store.sources`: its four statements in one transaction. With PGlite a
 * statement waits for the write in progress (an add's transaction, a slice of
 * a story's analysis), and the writer's next statement went between each two
 * of a read's: a page waited for up to four writes while articles were added,
 * and now for one.
 */
export function sources(
  state: StoreState,
  page: Window,
): Promise<{ items: SourceSummary[]; total: number }> {
  return state.db.transaction((tx) => sourcesOn(tx, page))
}

async function sourcesOn(
  db: Queryable,
  page: Window,
): Promise<{ items: SourceSummary[]; total: number }> {
  const { rows } = await db.query<{
    id: string
    title: string | null
    outlet: string | null
    published: string | null
    label: string
    story_id: string
  }>(
    // The page of articles first: the JSON of only those is read, each parsed once for
    // its three fields (each -> of a json value parses it whole).
    `SELECT a.id, h.title->>'value' AS title, h.outlet->>'value' AS outlet,
           h.published->>'value' AS published, an.profile->>'label' AS label, m.story_id
         FROM (SELECT seq, id FROM articles WHERE NOT pending ORDER BY seq LIMIT $1 OFFSET $2) a
         JOIN analyses an ON an.article_id = a.id JOIN story_members m ON m.article_id = a.id
         CROSS JOIN LATERAL json_to_record(an.article) AS h(title json, outlet json, published json)
         ORDER BY a.seq`,
    [page.limit, page.offset],
  )
  const ids = rows.map((row) => row.id)
  const { rows: quoteRows } = await db.query<{ article_id: string; n: string }>(
    `SELECT article_id, count(*) AS n FROM passages
         WHERE kind = 'quote' AND article_id = ANY($1::text[]) GROUP BY article_id`,
    [ids],
  )
  const quotes = new Map(quoteRows.map((row) => [row.article_id, Number(row.n)]))
  const { rows: disputeRows } = await db.query<{ article: string; n: string }>(
    `SELECT p.article, count(DISTINCT d.n) AS n
         FROM story_analyses sa, ${listOf('dispute_list', 'disputes')},
           jsonb_array_elements(l.items) WITH ORDINALITY AS d(value, n),
           jsonb_to_recordset(d.value->'positions') AS p(article text)
         WHERE sa.story_id = ANY($2::text[]) AND p.article = ANY($1::text[])
         GROUP BY sa.story_id, p.article`,
    [ids, [...new Set(rows.map((row) => row.story_id))]],
  )
  const disputes = new Map<string, number>()
  for (const row of disputeRows)
    disputes.set(row.article, (disputes.get(row.article) ?? 0) + Number(row.n))
  return {
    items: rows.map((row) => ({
      id: row.id,
      title: row.title,
      outlet: row.outlet,
      label: row.label,
      published: row.published,
      story: row.story_id,
      quotes: quotes.get(row.id) ?? 0,
      disputes: disputes.get(row.id) ?? 0,
    })),
    total: await countArticles(db),
  }
}
