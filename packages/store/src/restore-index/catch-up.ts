import {
  type ArticleProfile,
  createStoryIndex,
  isCorroborateError,
  type PackedProfile,
  type StoryIndex,
  type StoryMember,
  unpackProfile,
} from '@corroborate/core'
import { packedProfileText } from '../prepare-article.js'
import type { Queryable } from '../queryable.js'
import { partsOf } from '../reads/parts-of.js'
import { readsFirst, stepsInSlices } from '../slices.js'
import { enqueue, type StoreState } from '../store-state.js'
import { restoreSavedIndex, SAVE_AFTER_RESTORE, saveStoryIndex } from './saved-index.js'

// Profiles read per query when the story index is restored: a page is one turn of the event
// loop, and the reads waiting for the database go before the next. Packed, 100 profiles are
// about the 25 JSON ones' time (and 100 rather than 25 takes 0.9 of 5.2 s of CPU off a
// 9,797-article restore).
const RESTORE_PAGE = 100

/** A stored article as the story index takes it: its profile (packed, or else whole) and membership. */
interface PlacedRow {
  id: string
  seq: string
  packed: string | null
  profile: ArticleProfile | null
  story_id: string
  member: StoryMember
}

/**
 * Brings the story index up to the store: each article added since (by this
 * process or another) is placed where the store says it went, in the order
 * added, without seeking its story again. In pages: a whole store's profiles
 * at once would sit in PGlite's memory and in ours. Each profile is read
 * packed (`packed_profile`); one stored before there was that column is read
 * whole once and its packed form written beside it. With `yieldBetween`, the
 * calls waiting for the database go first between pages and slices of placing.
 */
export async function catchUp(
  state: StoreState,
  q: Queryable,
  yieldBetween: boolean,
): Promise<StoryIndex> {
  const held = state.storyIndex
  if (held.current === null) {
    held.seq = 0
    held.last = null
    held.savedSize = 0
    held.current =
      (await restoreSavedIndex(state, q, yieldBetween)) ?? createStoryIndex(state.storyOptions)
  }
  const index = held.current
  let packedCount = 0
  for (let more = true; more; ) {
    const { rows: since } = await q.query<PlacedRow>(
      // The page of articles first, by the primary key: a join ordered by seq sorted them all.
      // The profile's JSON is not read (nor detoasted) when its packed form is there.
      `SELECT a.id, a.seq, an.packed_profile AS packed,
           CASE WHEN an.packed_profile IS NULL THEN an.profile END AS profile,
           m.story_id, m.member
         FROM (SELECT seq, id FROM articles WHERE seq > $1 AND NOT pending ORDER BY seq LIMIT ${RESTORE_PAGE}) a
         JOIN analyses an ON an.article_id = a.id JOIN story_members m ON m.article_id = a.id
         ORDER BY a.seq`,
      [held.seq],
    )
    packedCount += await placePage(state, index, q, since, yieldBetween)
    more = since.length === RESTORE_PAGE
    if (more && yieldBetween) await readsFirst(state.db)
  }
  if (packedCount > 0)
    state.log(
      `packed the story profiles of ${packedCount} stored articles: later restarts read them packed`,
    )
  return index
}

/**
 * Places one page of stored articles in the index, in order, and writes the
 * packed profile of those that had none (or one this core cannot read).
 * Returns how many it packed.
 */
async function placePage(
  state: StoreState,
  index: StoryIndex,
  q: Queryable,
  since: readonly PlacedRow[],
  yieldBetween: boolean,
): Promise<number> {
  const held = state.storyIndex
  // Packed profiles this core cannot read (cut, or of another packing version) are read
  // from the JSON like those never packed, and packed again.
  const unpacked = new Map<string, PackedProfile>()
  for (const row of since)
    if (row.packed !== null)
      try {
        unpacked.set(row.id, unpackProfile(Buffer.from(row.packed, 'base64')))
      } catch (error) {
        if (!isCorroborateError(error)) throw error
      }
  const wanted = since.filter((row) => !unpacked.has(row.id))
  const whole = await profilesOf(state, q, wanted)
  const packedNow: Array<[id: string, packed: string]> = []
  // A page is a few tens of milliseconds of placing: calls waiting go first between slices.
  function* place() {
    for (const row of since) {
      yield
      const packed = unpacked.get(row.id)
      if (packed) index.place(packed, row.story_id, row.member)
      else {
        const profile = whole.get(row.id) as ArticleProfile
        index.place(profile, row.story_id, row.member)
        packedNow.push([row.id, packedProfileText(profile)])
      }
      held.seq = Number(row.seq)
      held.last = row.id
    }
  }
  await stepsInSlices(place(), yieldBetween ? { db: state.db, ms: state.sliceMs } : null)
  if (packedNow.length > 0)
    await q.query(
      `UPDATE analyses an SET packed_profile = v.packed
           FROM unnest($1::text[], $2::text[]) AS v(id, packed)
           WHERE an.article_id = v.id`,
      [packedNow.map(([id]) => id), packedNow.map(([, packed]) => packed)],
    )
  return packedNow.length
}

/** The JSON profiles of these rows (read whole: their column, or their parts). */
async function profilesOf(
  state: StoreState,
  q: Queryable,
  rows: ReadonlyArray<{ id: string; packed: string | null; profile: ArticleProfile | null }>,
): Promise<Map<string, ArticleProfile>> {
  const found = new Map<string, ArticleProfile>()
  if (rows.length === 0) return found
  // A row whose packed form was there came without its JSON: read it now.
  const missing = rows.filter((row) => row.profile === null).map((row) => row.id)
  const read = new Map(rows.map((row) => [row.id, row.profile]))
  if (missing.length > 0) {
    const { rows: more } = await q.query<{ id: string; profile: ArticleProfile }>(
      'SELECT article_id AS id, profile FROM analyses WHERE article_id = ANY($1::text[])',
      [missing],
    )
    for (const row of more) read.set(row.id, row.profile)
  }
  const { rows: inParts } = await q.query<{ id: string }>(
    "SELECT article_id AS id FROM analyses WHERE article_id = ANY($1::text[]) AND 'profile' = ANY(parts)",
    [rows.map((row) => row.id)],
  )
  const parts = await partsOf(
    state,
    q,
    inParts.map((row) => row.id),
    ['profile'],
  )
  for (const { id } of rows) {
    const text = parts.get(id)?.get('profile')
    found.set(id, text === undefined ? (read.get(id) as ArticleProfile) : JSON.parse(text))
  }
  return found
}

/**
 * Restores the story index from the stored memberships now, the calls waiting
 * for the database going first between pages, then saves it (PGlite on disk).
 */
export async function warm(state: StoreState): Promise<void> {
  await enqueue(state.queues.index, async () => void (await catchUp(state, state.db, true)))
  await saveStoryIndex(state, SAVE_AFTER_RESTORE)
}
