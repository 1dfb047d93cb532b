import type { AnalysisRow } from '../rows.js'
import type { StoreState } from '../store-state.js'
import { analyseAgainIfOlder } from '../writes/analyse-again.js'
import { partsOf } from './parts-of.js'

const ANALYSIS_COLUMNS = `a.id, a.seq, a.format, a.content, a.metadata, a.path, a.content_hash, a.added_at,
  an.analysis_version::float8 AS analysis_version, an.article, an.quotes, an.speakers, an.claims, an.profile, m.story_id, an.parts`
const ANALYSIS_FROM = `articles a JOIN analyses an ON an.article_id = a.id
  JOIN story_members m ON m.article_id = a.id`

/**
 * The articles `where` selects (a clause on `a`, `an` and `m`, `params` its
 * parameters), in the order added, their values in parts joined and each one
 * stored by an older core analysed again.
 */
export async function loadRows(
  state: StoreState,
  where: string,
  params: readonly unknown[],
): Promise<AnalysisRow[]> {
  const { rows } = await state.db.query<AnalysisRow>(
    `SELECT ${ANALYSIS_COLUMNS} FROM ${ANALYSIS_FROM} ${where} ORDER BY a.seq`,
    params,
  )
  const inParts = rows.filter((row) => row.parts !== null && row.parts.length > 0)
  const parts = await partsOf(
    state,
    state.db,
    inParts.map((row) => row.id),
    null,
  )
  const out: AnalysisRow[] = []
  for (const row of rows) {
    const whole = parts.get(row.id)
    if (whole) {
      const content = whole.get('content')
      if (content !== undefined) row.content = content
      for (const field of ['article', 'quotes', 'speakers', 'claims', 'profile'] as const) {
        const text = whole.get(field)
        if (text !== undefined)
          (row as unknown as Record<string, unknown>)[field] = JSON.parse(text)
      }
    }
    out.push(await analyseAgainIfOlder(state, row))
  }
  return out
}
