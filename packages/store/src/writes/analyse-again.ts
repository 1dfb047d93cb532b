import type { Article } from '@corroborate/core'
import { prepareArticle, type SerializedArticle, serializeArticle } from '../prepare-article.js'
import { forgetSavedIndex } from '../restore-index/saved-index.js'
import type { AnalysisRow } from '../rows.js'
import type { StoreState } from '../store-state.js'
import { articleValues, passageSteps } from './article-values.js'
import { emptyWordsPending } from './word-index.js'

/**
 * A stored row as this core analyses it: the row itself when it is of this
 * analysis version or later, else analysed again from its stored text and
 * written back (its analysis, pieces and passages).
 */
export async function analyseAgainIfOlder(
  state: StoreState,
  row: AnalysisRow,
): Promise<AnalysisRow> {
  if (row.analysis_version >= state.analysisVersion) return row
  const prepared = prepareArticle({
    content: row.content,
    format: row.format as Article['format'],
    id: row.id,
    metadata: row.metadata,
    ...(row.path === null ? {} : { path: row.path }),
  })
  const changed = await writeAnalysisAgain(state, row, serializeArticle(prepared))
  if (changed) await emptyWordsPending(state.db)
  // The index in memory holds the old profile: a saved one would restore it.
  if (changed) await forgetSavedIndex(state)
  state.log(`analysed article ${row.id} again (stored at analysis version ${row.analysis_version})`)
  return {
    ...row,
    analysis_version: state.analysisVersion,
    article: prepared.article,
    quotes: prepared.quotes,
    speakers: prepared.speakers,
    claims: prepared.claims,
    profile: prepared.profile,
  }
}

/**
 * Replaces a row's stored analysis (not its content) by `serialized`, in one
 * transaction; false when another writer did it first.
 */
async function writeAnalysisAgain(
  state: StoreState,
  row: AnalysisRow,
  serialized: SerializedArticle,
): Promise<boolean> {
  const { analysis, inParts, steps } = articleValues(
    serialized,
    ['article', 'quotes', 'speakers', 'claims', 'profile'],
    state.sliceChars,
  )
  const parts = [...(row.parts?.includes('content') ? ['content'] : []), ...inParts]
  return state.db.transaction(async (tx) => {
    const { rows: updated } = await tx.query(
      `UPDATE analyses SET analysis_version = $2, article = $3::json, quotes = $4::json,
           speakers = $5::json, claims = $6::json, profile = $7::json, parts = $8,
           packed_profile = $9, analysed_at = now()
         WHERE article_id = $1 AND analysis_version < $2 RETURNING article_id`,
      [
        row.id,
        state.analysisVersion,
        ...analysis,
        parts.length > 0 ? parts : null,
        serialized.json.packedProfile,
      ],
    )
    if (updated.length === 0) return false
    await tx.query("DELETE FROM article_parts WHERE article_id = $1 AND field <> 'content'", [
      row.id,
    ])
    for (const step of steps) await step(tx)
    await tx.query('DELETE FROM passages WHERE article_id = $1', [row.id])
    for (const step of passageSteps(row.id, serialized.json.passages)) await step(tx)
    return true
  })
}
