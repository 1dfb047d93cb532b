import {
  type ArticleProfile,
  CorroborateError,
  type Story,
  type StoryIndex,
  type StoryMember,
} from '@corroborate/core'
import {
  type PreparedArticle,
  type SerializedArticle,
  serializeArticle,
} from '../prepare-article.js'
import type { Queryable } from '../queryable.js'
import { catchUp } from '../restore-index/catch-up.js'
import { SAVE_EVERY, saveStoryIndex } from '../restore-index/saved-index.js'
import { inSlices, joinBytes, readsFirst, SLICE_AFTER, type Step } from '../slices.js'
import { enqueue, type StoreState } from '../store-state.js'
import type { AddResult } from '../types.js'
import { articleValues, insertPassagesSql, passageSteps } from './article-values.js'
import { removePending } from './remove-pending.js'
import { emptyWordsPending, withWordsEmptied } from './word-index.js'

// Any constant: every process adding to one database takes this lock around story assignment.
export const ADD_LOCK = 7_250_017

/** See `Store.addPrepared`: the add, in the story index's queue. */
export async function addPrepared(
  state: StoreState,
  input: PreparedArticle | SerializedArticle,
): Promise<AddResult> {
  const prepared = 'json' in input ? input : serializeArticle(input)
  const quotes = prepared.quotes
  // The index is taken before the transaction: with PGlite, a restore waiting for the
  // connection while the transaction waits for the index would wait for ever.
  const result = await enqueue(state.queues.index, () =>
    addUnderIndex(state, prepared, input, quotes),
  )
  if (result.added) {
    // Upkeep after the answer and before the next add, so that the add's reply does not wait
    // for it. Committed: the add stands whatever becomes of it (the next insert empties the
    // list when this did not); `close` waits for it (its own step on the index queue).
    void enqueue(state.queues.index, () => emptyWordsPending(state.db)).catch(() => {})
    void saveStoryIndex(state, SAVE_EVERY)
  }
  return result
}

/**
 * Writes an article and its story assignment, the story index held: in one
 * transaction, or (a large article with PGlite) pending in slices, seen by no
 * read until the last one. A failure leaves the store as it was.
 */
async function addUnderIndex(
  state: StoreState,
  prepared: SerializedArticle,
  input: PreparedArticle | SerializedArticle,
  quotes: number,
): Promise<AddResult> {
  const { db } = state
  // A PGlite data directory is this process's alone (lockDataDir): its index is the
  // store's, and nothing needs catching up or locking once it is restored.
  const shared = db.engine === 'postgres'
  const values = newArticleValues(state, prepared)
  // Written in slices, the article pending (seen by no read) until the last one; an
  // ordinary article goes in one statement, as cheap as a few slices.
  const inPieces = state.sliced && serializedSize(prepared) > SLICE_AFTER * state.sliceChars
  const written = { pending: false }
  const write = (tx: Queryable, placed: Placed) =>
    writeArticle(state, tx, { prepared, input, quotes, values, inPieces, written }, placed)
  try {
    let assigned: AddResult | PendingWrite
    if (shared)
      assigned = await db.transaction(async (tx) => {
        await tx.query('SELECT pg_advisory_xact_lock($1)', [ADD_LOCK])
        const placed = await placeArticle(state, tx, prepared, quotes, true)
        return 'added' in placed ? placed : write(tx, placed)
      })
    else {
      // PGlite: one process, its adds one at a time (the index's queue), so the check for the
      // same text and the story's assignment need no transaction; reads, which wait for a
      // transaction to end, wait for the write alone, and an article of one statement needs
      // none (begin and commit were two more round trips to PGlite's thread).
      const placed = await placeArticle(state, db, prepared, quotes, false)
      if ('added' in placed) return placed
      assigned =
        !inPieces && values.steps.length === 0
          ? await write(db, placed)
          : await db.transaction((tx) => write(tx, placed))
    }
    if ('added' in assigned) return assigned
    await inSlices(db, assigned.rest, state.sliceMs)
    await readsFirst(db)
    await db.transaction(assigned.finish)
    return assigned.result
  } catch (error) {
    // The index may hold the article the store did not keep: rebuild it at the next add.
    dropStoryIndex(state)
    // What was written of it in slices goes: the store is as it was before the article.
    if (inPieces && written.pending) await removePending(db, prepared.id).catch(() => {})
    throw error
  }
}

/** The values of every part of an article written for the first time (see {@link articleValues}). */
export function newArticleValues(state: StoreState, prepared: SerializedArticle) {
  return articleValues(
    prepared,
    ['content', 'article', 'quotes', 'speakers', 'claims', 'profile'],
    state.sliceChars,
  )
}

/** Forgets the story index after a failed write: it may hold an article the store did not keep; the next add rebuilds it. */
export function dropStoryIndex(state: StoreState): void {
  state.storyIndex.current = null
  state.storyIndex.seq = 0
}

/** Where an article goes: its story, whether it joined one, its membership. */
export type Placed = { story: Story; joined: boolean; member: StoryMember }

/** An article written pending: the steps left, then the statement that makes it seen. */
type PendingWrite = { result: AddResult; rest: Step[]; finish: Step }

/**
 * The earlier article when the same text is stored already (`added: false`),
 * else the story the article goes in (see {@link assignStory}).
 * @throws CorroborateError `DUPLICATE_ID` when another text has this id.
 */
export async function placeArticle(
  state: StoreState,
  q: Queryable,
  prepared: SerializedArticle,
  quotes: number,
  shared: boolean,
): Promise<AddResult | Placed> {
  const earlier = await storedAlready(q, prepared, quotes)
  if (earlier) return earlier
  return assignStory(state, q, prepared.profile, shared)
}

/**
 * Writes a placed article's rows through `tx`: all in one statement (then its
 * parts' steps), or (`inPieces`) its own row pending, the rest left to slices.
 */
export async function writeArticle(
  state: StoreState,
  tx: Queryable,
  article: {
    prepared: SerializedArticle
    input: PreparedArticle | SerializedArticle
    quotes: number
    values: ReturnType<typeof articleValues>
    inPieces: boolean
    written: { pending: boolean }
  },
  { story, joined, member }: Placed,
): Promise<AddResult | PendingWrite> {
  const { prepared, input, quotes, inPieces, written } = article
  const { values, analysis, inParts, steps } = article.values
  const { json } = prepared
  const result: AddResult = {
    added: true,
    id: prepared.id,
    story,
    joined,
    quotes,
    ...('json' in input ? {} : { article: input.article }),
  }
  const articleRow = [
    prepared.id,
    prepared.contentHash,
    prepared.format,
    values.content,
    json.metadata,
    prepared.path,
  ]
  const rows = [
    state.analysisVersion,
    ...analysis,
    inParts.length > 0 ? inParts : null,
    story.id,
    JSON.stringify(story),
    JSON.stringify(member satisfies StoryMember),
    json.packedProfile,
  ]
  if (!inPieces) {
    await insertInOneStatement(state, tx, prepared.id, [
      ...articleRow,
      ...rows,
      joinBytes(json.passages),
    ])
    for (const step of steps) await step(tx)
    return result
  }
  await insertPending(state, tx, prepared.id, articleRow)
  written.pending = true
  const finish: Step = (last) =>
    last.query(`WITH ${analysedSql(2)} UPDATE articles SET pending = false WHERE id = $1`, [
      prepared.id,
      ...rows,
    ])
  return {
    result,
    rest: [...steps, ...withWordsEmptied(passageSteps(prepared.id, json.passages), json.passages)],
    finish,
  }
}

/** Characters (and bytes, for the passages) of an article's text and JSON. */
export function serializedSize(prepared: SerializedArticle): number {
  const { json } = prepared
  return (
    prepared.content.length +
    json.article.length +
    json.quotes.length +
    json.speakers.length +
    json.claims.length +
    json.profile.length +
    json.passages.reduce((sum, slice) => sum + slice.length, 0)
  )
}

/**
 * What the add is when the same text is stored already (`added: false`, the
 * earlier article); undefined when it is not.
 * @throws CorroborateError `DUPLICATE_ID` when another text has this id.
 */
async function storedAlready(
  tx: Queryable,
  prepared: SerializedArticle,
  quotes: number,
): Promise<AddResult | undefined> {
  const id = prepared.id
  // The same text, else another text under this id: one query for both.
  const { rows: found } = await tx.query<{ id: string; same: boolean }>(
    'SELECT id, content_hash = $1 AS same FROM articles WHERE content_hash = $1 OR id = $2 ORDER BY same DESC LIMIT 1',
    [prepared.contentHash, id],
  )
  const earlier = found[0]
  if (earlier?.same) {
    const { rows } = await tx.query<{ story: Story }>(
      'SELECT s.story FROM story_members m JOIN stories s ON s.id = m.story_id WHERE m.article_id = $1',
      [earlier.id],
    )
    const story = rows[0]?.story as Story
    return {
      added: false,
      id: earlier.id,
      story,
      joined: story.articles.length > 1,
      quotes,
    } satisfies AddResult
  }
  if (earlier)
    throw new CorroborateError(
      'DUPLICATE_ID',
      `the store already has an article "${id}" with another text; give the new one another id`,
      { subject: id },
    )
  return undefined
}

/**
 * The story an article goes in, as the store will keep it, and its membership:
 * the story index caught up with what was added since (by another process or,
 * first, by earlier runs), then given the article.
 */
async function assignStory(
  state: StoreState,
  tx: Queryable,
  profile: ArticleProfile,
  shared: boolean,
): Promise<{ story: Story; joined: boolean; member: StoryMember }> {
  const held = state.storyIndex
  const index: StoryIndex =
    shared || held.current === null ? await catchUp(state, tx, false) : held.current
  const assignment = index.add(profile)
  const described = index.story(assignment.story) as Story
  // The stored membership is what counts: a joined article goes where its closest
  // neighbour is (another process's index may have named the story otherwise).
  let storyId = assignment.story
  if (shared && assignment.joined && assignment.member.closest !== null) {
    const { rows } = await tx.query<{ story_id: string }>(
      'SELECT story_id FROM story_members WHERE article_id = $1',
      [assignment.member.closest],
    )
    storyId = rows[0]?.story_id ?? storyId
  }
  return {
    story: { ...described, id: storyId },
    joined: assignment.joined,
    member: assignment.member,
  }
}

/**
 * The analysis, the story and the membership, their values from parameter `at`
 * on (version, the five analysis columns, parts, story id, story, member,
 * packed profile): what makes the article seen.
 */
function analysedSql(at: number): string {
  const p = (k: number) => `$${at + k}`
  return `an AS (
             INSERT INTO analyses (article_id, analysis_version, article, quotes, speakers, claims, profile, parts, packed_profile)
             VALUES ($1, ${p(0)}, ${p(1)}::json, ${p(2)}::json, ${p(3)}::json, ${p(4)}::json, ${p(5)}::json, ${p(6)}, ${p(10)})),
           s AS (
             INSERT INTO stories (id, story) VALUES (${p(7)}, ${p(8)}::json)
             ON CONFLICT (id) DO UPDATE SET story = EXCLUDED.story, revision = stories.revision + 1),
           m AS (
             INSERT INTO story_members (article_id, story_id, member) VALUES ($1, ${p(7)}, ${p(9)}::json))`
}

/**
 * The statement that writes an article's rows at once (see {@link insertInOneStatement}):
 * the article's six columns, the analysed rows' eleven, the passages' JSON.
 */
export const ARTICLE_ROWS_SQL = `WITH a AS (
               INSERT INTO articles (id, content_hash, format, content, metadata, path)
               VALUES ($1, $2, $3, $4, $5::jsonb, $6) RETURNING seq),
             ${analysedSql(7)},
             p AS (${insertPassagesSql('$18')})
             SELECT seq FROM a`

/**
 * Every row of the article in one statement: one round trip, not five.
 * `params`: the article's six columns, the analysed rows' eleven, the passages.
 */
async function insertInOneStatement(
  state: StoreState,
  tx: Queryable,
  id: string,
  params: readonly unknown[],
): Promise<void> {
  const { rows: inserted } = await tx.query<{ seq: string }>(ARTICLE_ROWS_SQL, params)
  state.storyIndex.seq = Number(inserted[0]?.seq)
  state.storyIndex.last = id
}

/** The article's own row, pending: no read sees it until its last slice is written. */
async function insertPending(
  state: StoreState,
  tx: Queryable,
  id: string,
  article: readonly unknown[],
): Promise<void> {
  const { rows: inserted } = await tx.query<{ seq: string }>(
    `INSERT INTO articles (id, content_hash, format, content, metadata, path, pending)
           VALUES ($1, $2, $3, $4, $5::jsonb, $6, true) RETURNING seq`,
    article,
  )
  state.storyIndex.seq = Number(inserted[0]?.seq)
  state.storyIndex.last = id
}
