import type { Story } from '@corroborate/core'
import { joinStoryPieces, storedAnalysisPieces } from '../analyse-story.js'
import { loadRows } from '../reads/load-rows.js'
import { piecesOf } from '../reads/parts-of.js'
import type { PartField } from '../rows.js'
import { readsFirst } from '../slices.js'
import type { StoreState } from '../store-state.js'
import type { StoryInput, StoryPieces } from '../types.js'

// Articles of a story read per query for its cross-reference.
const STORY_PAGE = 8

/** See `Store.storyInput`. */
export async function storyInput(
  state: StoreState,
  storyId: string,
): Promise<StoryInput | undefined> {
  const pieces = await storyPieces(state, storyId)
  return pieces && joinStoryPieces(pieces)
}

/** See `Store.storyPieces`. */
export async function storyPieces(
  state: StoreState,
  storyId: string,
): Promise<StoryPieces | undefined> {
  const { rows } = await state.db.query<{ story: Story; revision: string }>(
    'SELECT story, revision FROM stories WHERE id = $1',
    [storyId],
  )
  const row = rows[0]
  if (!row) return undefined
  const byId = await memberTexts(state, storyId)
  const story = row.story
  const found = story.articles.flatMap((id) => byId.get(id) ?? [])
  return {
    story,
    revision: String(row.revision),
    articles: found.map((m) => m.article),
    analyses: found.map((m) => m.analysis),
  }
}

/**
 * The JSON text of each article of a story and of its stored analysis, in
 * pieces, by article: a few articles per query, the calls waiting for the
 * database going first between them.
 */
async function memberTexts(
  state: StoreState,
  storyId: string,
): Promise<Map<string, { article: string[]; analysis: string[] }>> {
  const byId = new Map<string, { article: string[]; analysis: string[] }>()
  for (let after = ''; ; ) {
    const { rows: members } = await state.db.query<{
      id: string
      article: string
      quotes: string
      speakers: string
      claims: string
      parts: PartField[] | null
      analysis_version: number
    }>(
      `SELECT m.article_id AS id, an.article::text AS article, an.quotes::text AS quotes,
             an.speakers::text AS speakers, an.claims::text AS claims, an.parts,
             an.analysis_version::float8 AS analysis_version
           FROM story_members m JOIN analyses an ON an.article_id = m.article_id
           WHERE m.story_id = $1 AND m.article_id > $2 ORDER BY m.article_id LIMIT ${STORY_PAGE}`,
      [storyId, after],
    )
    // Analysed again first when an older core stored them: the text is of this core's analysis.
    const stale = members.filter((m) => m.analysis_version < state.analysisVersion).map((m) => m.id)
    if (stale.length > 0) {
      await loadRows(state, 'WHERE a.id = ANY($1::text[])', [stale])
      continue
    }
    const inParts = members.filter((m) => m.parts !== null && m.parts.length > 0)
    const parts = await piecesOf(
      state,
      state.db,
      inParts.map((m) => m.id),
      ['article', 'quotes', 'speakers', 'claims'],
    )
    for (const m of members) {
      const inPieces = parts.get(m.id)
      const text = (field: 'article' | 'quotes' | 'speakers' | 'claims') =>
        inPieces?.get(field) ?? [m[field]]
      byId.set(m.id, {
        article: text('article'),
        analysis: storedAnalysisPieces({
          quotes: text('quotes'),
          speakers: text('speakers'),
          claims: text('claims'),
        }),
      })
      after = m.id
    }
    if (members.length < STORY_PAGE) break
    await readsFirst(state.db)
  }
  return byId
}
