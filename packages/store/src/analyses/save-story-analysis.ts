import type { StoryAnalysis } from '../analyse-story.js'
import type { Queryable } from '../queryable.js'
import {
  inSlices,
  joinSlices,
  piece,
  pieceBounds,
  readsFirst,
  SLICE_AFTER,
  type Step,
} from '../slices.js'
import { enqueue, type StoreState } from '../store-state.js'

/**
 * See `Store.saveStoryAnalysis`: one at a time, so that one written in slices
 * is never interleaved with another of the same story.
 */
export function saveStoryAnalysis(state: StoreState, made: StoryAnalysis): Promise<boolean> {
  return enqueue(state.queues.analyses, () => saveAnalysis(state, made))
}

/**
 * Keeps a story's analysis: in its row, or (over `sliceChars`) in pieces
 * beside it, written in slices with PGlite; the row is switched to them in
 * the last transaction. The pieces of the analysis it replaces are kept
 * until the next one (a reader may be reading them), older ones go.
 */
async function saveAnalysis(state: StoreState, made: StoryAnalysis): Promise<boolean> {
  const { db } = state
  const { json } = made
  const size =
    json.analysis.length +
    json.speakers.length +
    [...json.quotes, ...json.disputes].reduce((sum, slice) => sum + slice.length, 0)
  if (size <= SLICE_AFTER * state.sliceChars) {
    // One statement, atomic on its own: no transaction's begin and commit, and no round
    // trip for each table of pieces (each ≈ 0.6 ms of PGlite's thread in an ingest, for a
    // story that has no pieces).
    const { rows } = await db.query<{ story_id: string }>(
      SAVE_WHOLE_ANALYSIS_SQL,
      analysisParams(made, false),
    )
    return rows.length > 0
  }
  const steps = pieceSteps(made, state.sliceChars)
  if (!state.sliced)
    return db.transaction(async (tx) => {
      const checked = await revisionReplaced(tx, made, true)
      if (!('replaces' in checked)) return checked.kept
      for (const step of steps) await step(tx)
      return switchToPieces(tx, made, checked.replaces)
    })
  const checked = await revisionReplaced(db, made, false)
  if (!('replaces' in checked)) return checked.kept
  const { replaces } = checked
  await inSlices(db, steps, state.sliceMs)
  await readsFirst(db)
  return db.transaction((tx) => switchToPieces(tx, made, replaces))
}

/**
 * Writes the analysis's row when the story is still at its revision and no
 * later one is stored: whole, or (`parts`) naming its pieces instead of holding them.
 */
function upsertAnalysis(tx: Queryable, made: StoryAnalysis, parts: boolean) {
  return tx.query<{ story_id: string }>(UPSERT_ANALYSIS_SQL, analysisParams(made, parts))
}

/** The parameters of {@link UPSERT_ANALYSIS_SQL} (and {@link SAVE_WHOLE_ANALYSIS_SQL}) for `made`. */
function analysisParams(made: StoryAnalysis, parts: boolean): unknown[] {
  const { json } = made
  return [
    made.story,
    made.revision,
    made.clusters,
    made.disputes,
    parts ? 'null' : json.analysis,
    parts ? '[]' : joinSlices(json.quotes),
    parts ? '[]' : joinSlices(json.disputes),
    json.speakers,
    made.quotes,
    made.claims,
    JSON.stringify(made.kinds),
    parts,
  ]
}

/**
 * Writes a story's analysis row when the story is at that revision and no later one is
 * stored. Parameters: story, revision, clusters, disputes, analysis, quotes list, dispute
 * list, speakers, quotes, claims, dispute kinds, parts.
 */
export const UPSERT_ANALYSIS_SQL = `INSERT INTO story_analyses (story_id, revision, clusters, disputes, analysis, quotes_list, dispute_list, speakers, quotes, claims, dispute_kinds, parts)
         SELECT $1, $2, $3, $4, $5::json, $6::jsonb, $7::jsonb, $8::jsonb, $9, $10, $11::jsonb, $12
         FROM stories WHERE id = $1 AND revision = $2
         ON CONFLICT (story_id) DO UPDATE SET revision = EXCLUDED.revision,
           clusters = EXCLUDED.clusters, disputes = EXCLUDED.disputes, quotes = EXCLUDED.quotes,
           claims = EXCLUDED.claims, dispute_kinds = EXCLUDED.dispute_kinds,
           analysis = EXCLUDED.analysis, quotes_list = EXCLUDED.quotes_list,
           dispute_list = EXCLUDED.dispute_list, speakers = EXCLUDED.speakers,
           parts = EXCLUDED.parts, analysed_at = now()
         WHERE story_analyses.revision <= EXCLUDED.revision
         RETURNING story_id`

/**
 * {@link UPSERT_ANALYSIS_SQL} for an analysis kept whole in its row, and, when
 * it is written, every piece of the story's earlier analyses gone: in one
 * statement. The same parameters.
 */
export const SAVE_WHOLE_ANALYSIS_SQL = `WITH saved AS (${UPSERT_ANALYSIS_SQL}),
         texts AS (DELETE FROM story_texts WHERE story_id = $1 AND EXISTS (SELECT FROM saved)),
         items AS (DELETE FROM story_items WHERE story_id = $1 AND EXISTS (SELECT FROM saved))
       SELECT story_id FROM saved`

/** Removes a story's pieces of the revisions whose number is `condition` (=, <, <>) `revision`. */
async function dropPieces(tx: Queryable, story: string, condition: string, revision: string) {
  for (const table of ['story_texts', 'story_items'])
    await tx.query(`DELETE FROM ${table} WHERE story_id = $1 AND revision ${condition} $2`, [
      story,
      revision,
    ])
}

/**
 * The stored revision this analysis replaces, or whether it is kept without
 * being written (`lock`: the story's row is locked until the transaction ends).
 */
async function revisionReplaced(
  tx: Queryable,
  made: StoryAnalysis,
  lock: boolean,
): Promise<{ kept: boolean } | { replaces: string }> {
  const { rows } = await tx.query<{ revision: string; stored: string | null }>(
    `SELECT s.revision, sa.revision AS stored FROM stories s
         LEFT JOIN story_analyses sa ON sa.story_id = s.id WHERE s.id = $1${lock ? ' FOR UPDATE OF s' : ''}`,
    [made.story],
  )
  const row = rows[0]
  if (!row || String(row.revision) !== made.revision) return { kept: false }
  // The same revision stored already is the same analysis (its input is the revision's).
  if (row.stored !== null && Number(row.stored) >= Number(made.revision))
    return { kept: String(row.stored) === made.revision }
  return { replaces: row.stored === null ? '0' : String(row.stored) }
}

/**
 * Steps that write the analysis's pieces: what an earlier attempt at this
 * revision left goes first, then the analysis in pieces of `sliceChars`, then
 * its quotes' and disputes' slices.
 */
function pieceSteps(made: StoryAnalysis, sliceChars: number): Step[] {
  const { json } = made
  return [
    (tx) => dropPieces(tx, made.story, '=', made.revision),
    // Each piece copied in the step that writes it: the whole analysis at once is megabytes.
    ...pieceBounds(json.analysis, sliceChars).map(
      ([start, end], n) =>
        (tx: Queryable) =>
          tx.query(
            'INSERT INTO story_texts (story_id, revision, n, body) VALUES ($1, $2, $3, $4)',
            [made.story, made.revision, n, piece(json.analysis, start, end)],
          ),
    ),
    ...(['quotes', 'disputes'] as const).flatMap((list) =>
      json[list].map(
        (items, n) => (tx: Queryable) =>
          tx.query(
            'INSERT INTO story_items (story_id, revision, list, n, items) VALUES ($1, $2, $3, $4, $5::jsonb)',
            [made.story, made.revision, list, n, items],
          ),
      ),
    ),
  ]
}

/**
 * The last transaction of an analysis in pieces: its row names them, and the
 * pieces older than those of the analysis it replaces go; when it is not
 * kept (the story changed meanwhile), its own pieces go.
 */
async function switchToPieces(
  tx: Queryable,
  made: StoryAnalysis,
  replaces: string,
): Promise<boolean> {
  const { rows } = await upsertAnalysis(tx, made, true)
  if (rows.length === 0) await dropPieces(tx, made.story, '=', made.revision)
  else await dropPieces(tx, made.story, '<', replaces)
  return rows.length > 0
}
