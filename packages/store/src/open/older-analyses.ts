import type { Queryable } from '../queryable.js'

/**
 * Counts the stored articles an older core analysed (below `analysisVersion`)
 * and makes their stories stale: each article is analysed again when read,
 * but a story's stored cross-reference (its quote and dispute lists, which
 * readers take from SQL) would otherwise keep the old quotes and speakers
 * until an article joins it. A stale story is in `staleStories()`: the
 * server and `ingest` analyse it again, and with it its articles. A story
 * already stale is left as it is, so that opening again changes nothing.
 * Says what it found in one line to `log`.
 */
export async function staleOlderAnalyses(
  db: Queryable,
  analysisVersion: number,
  log: (line: string) => void,
): Promise<void> {
  const { rows } = await db.query<{ n: string }>(
    'SELECT count(*) AS n FROM analyses WHERE analysis_version < $1',
    [analysisVersion],
  )
  const older = Number(rows[0]?.n ?? 0)
  if (older === 0) return
  const { rows: stories } = await db.query<{ id: string }>(
    `UPDATE stories s SET revision = s.revision + 1
       FROM story_analyses sa
       WHERE sa.story_id = s.id AND sa.revision = s.revision
         AND s.id IN (SELECT m.story_id FROM story_members m
           JOIN analyses an ON an.article_id = m.article_id WHERE an.analysis_version < $1)
       RETURNING s.id`,
    [analysisVersion],
  )
  log(
    `${older} stored articles were analysed by an older core; each is analysed again when read` +
      (stories.length > 0 ? `, and ${stories.length} stories with them are stale` : ''),
  )
}
