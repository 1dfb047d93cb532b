import { CorroborateError, type CrossReference } from '@corroborate/core'
import { analyseStory } from '../analyse-story.js'
import { PIECES_PAGE, readsFirst } from '../slices.js'
import type { StoreState } from '../store-state.js'
import type { StoryInput } from '../types.js'
import { saveStoryAnalysis } from './save-story-analysis.js'
import { storyInput } from './story-input.js'

// One-story analyses kept in memory, the latest read.
const STORY_CACHE = 32

/** See `Store.storyAnalysis`. */
export async function storyAnalysis(state: StoreState, storyId: string): Promise<CrossReference> {
  let value: CrossReference | undefined
  let revision = ''
  // Read again when the pieces read went meanwhile (a newer analysis replaced them).
  for (let attempt = 0; attempt < 3 && value === undefined; attempt++) {
    const { rows } = await state.db.query<{
      revision: string
      analysed: string | null
      parts: boolean | null
    }>(
      `SELECT s.revision, sa.revision AS analysed, sa.parts FROM stories s
           LEFT JOIN story_analyses sa ON sa.story_id = s.id WHERE s.id = $1`,
      [storyId],
    )
    const row = rows[0]
    if (!row)
      throw new CorroborateError(
        'UNKNOWN_ID',
        `the store has no story "${storyId}"; stories() lists them`,
        { subject: storyId },
      )
    revision = String(row.revision)
    const cached = state.cache.perStory.get(storyId)
    if (cached && cached.revision === revision) return cached.value
    if (row.analysed === null || String(row.analysed) !== revision) break
    if (row.parts) {
      const text = await storyText(state, storyId, revision)
      if (text !== undefined) value = JSON.parse(text) as CrossReference
    } else {
      const { rows: stored } = await state.db.query<{ analysis: CrossReference }>(
        'SELECT analysis FROM story_analyses WHERE story_id = $1 AND revision = $2 AND NOT parts',
        [storyId, revision],
      )
      value = stored[0]?.analysis
    }
  }
  if (value === undefined) {
    const input = (await storyInput(state, storyId)) as StoryInput
    const made = analyseStory(input, state.storyOptions)
    await saveStoryAnalysis(state, made)
    value = JSON.parse(new TextDecoder().decode(made.json.analysis)) as CrossReference
  }
  state.cache.perStory.delete(storyId)
  state.cache.perStory.set(storyId, { revision, value })
  // The latest stories read, not every story of a large store.
  if (state.cache.perStory.size > STORY_CACHE)
    state.cache.perStory.delete(state.cache.perStory.keys().next().value as string)
  return value
}

/** A stored story analysis kept in pieces, joined; undefined when they are gone (one newer replaced it). */
async function storyText(
  state: StoreState,
  story: string,
  revision: string,
): Promise<string | undefined> {
  const bodies: string[] = []
  for (let after = -1; ; ) {
    const { rows } = await state.db.query<{ n: number; body: string; last: number }>(
      `SELECT n, body, (SELECT max(n) FROM story_texts
           WHERE story_id = $1 AND revision = $2) AS last
         FROM story_texts WHERE story_id = $1 AND revision = $2 AND n > $3 ORDER BY n LIMIT ${PIECES_PAGE}`,
      [story, revision, after],
    )
    for (const row of rows) {
      if (row.n !== after + 1) return undefined
      bodies.push(row.body)
      after = row.n
    }
    if (rows.length === 0) return undefined
    if (after === Number(rows[0]?.last)) return bodies.join('')
    await readsFirst(state.db)
  }
}
