import { SAVE_WHOLE_ANALYSIS_SQL } from '../analyses/save-story-analysis.js'
import { storyPieces } from '../analyses/story-input.js'
import { SCHEMA_VERSION } from '../migrations.js'
import type { Queryable } from '../queryable.js'
import type { StoreState } from '../store-state.js'
import { ARTICLE_ROWS_SQL } from './add-article.js'
import { emptyWordsPending } from './word-index.js'

/**
 * Where a PGlite store rehearses adds: a copy of the store's tables (their columns,
 * indexes, keys and triggers), empty, made once per schema version.
 */
const REHEARSAL_SCHEMA = `corroborate_rehearsal_${SCHEMA_VERSION}`

/** Thrown to roll a rehearsal back. */
class RolledBack extends Error {}

/** A stored article's rows as text, and its story's analysis (what a rehearsal writes again). */
interface StoredRows {
  id: string
  content_hash: string
  format: string
  content: string
  metadata: string
  path: string | null
  article: string
  quotes: string
  speakers: string
  claims: string
  profile: string
  packed_profile: string | null
  story_id: string
  story: string
  member: string
  passages: string
  /** The story's analysis: all null when it has none. */
  clusters: number | null
  disputes: number
  analysis: string
  quotes_list: string
  dispute_list: string
  story_speakers: string
  story_quotes: number
  story_claims: number
  dispute_kinds: string
}

// Of the latest articles, the last whose rows are whole (not in parts) and whose story's
// analysis is small: what an ordinary add writes. (Bounded: PGlite has no statistics to plan
// the joins over the whole store by, and took seconds.)
const LATEST_ORDINARY = `SELECT a.id, m.story_id
  FROM (SELECT seq, id FROM articles WHERE NOT pending ORDER BY seq DESC LIMIT 50) a
  JOIN analyses an ON an.article_id = a.id JOIN story_members m ON m.article_id = a.id
  LEFT JOIN story_analyses sa ON sa.story_id = m.story_id
  WHERE an.parts IS NULL AND (sa.story_id IS NULL OR (NOT sa.parts AND sa.quotes + sa.claims <= $1))
  ORDER BY a.seq DESC LIMIT 1`

// Its rows as text, each table by its key.
const ARTICLE_ROWS = `SELECT a.id, a.content_hash, a.format, a.content, a.metadata::text AS metadata, a.path,
    an.article::text AS article, an.quotes::text AS quotes, an.speakers::text AS speakers,
    an.claims::text AS claims, an.profile::text AS profile, an.packed_profile,
    m.story_id, s.story::text AS story, m.member::text AS member,
    (SELECT coalesce(json_agg(json_build_object('kind', p.kind, 'ref', p.ref, 'text', p.text,
        'speaker', p.speaker, 's', p.span_start, 'e', p.span_end)), '[]')::text
      FROM passages p WHERE p.article_id = $1) AS passages,
    sa.clusters, sa.disputes, sa.analysis::text AS analysis, sa.quotes_list::text AS quotes_list,
    sa.dispute_list::text AS dispute_list, sa.speakers::text AS story_speakers,
    sa.quotes AS story_quotes, sa.claims AS story_claims, sa.dispute_kinds::text AS dispute_kinds
  FROM articles a JOIN analyses an ON an.article_id = a.id
  JOIN story_members m ON m.article_id = a.id JOIN stories s ON s.id = m.story_id
  LEFT JOIN story_analyses sa ON sa.story_id = m.story_id
  WHERE a.id = $1`

/** Quotes and claims of the story's analysis above which an article is not taken (an ordinary story's). */
const ORDINARY_STORY = 5_000

/**
 * See `Store.rehearseAdd`. PGlite compiles PostgreSQL's code (WebAssembly) as it first runs
 * it, and optimizes what runs often on V8's helper threads: the first add of a process ran
 * its write statements for the first time, and waited for about 0.4 s of that compilation
 * on 2 cores. Here a stored article's rows and its story's analysis are written again into
 * the rehearsal copy of the tables, in transactions rolled back, then the copy vacuumed (it
 * stays empty and small). Nothing the store holds changes. First, the word index's pending
 * list left by the last run is emptied, so that the first add does not empty it.
 */
export async function rehearseAdd(state: StoreState): Promise<boolean> {
  const { db } = state
  // A server's PostgreSQL keeps its compiled code between connections.
  if (db.engine !== 'pglite') return false
  await emptyWordsPending(db)
  const { rows: latest } = await db.query<{ id: string; story_id: string }>(LATEST_ORDINARY, [
    ORDINARY_STORY,
  ])
  const found = latest[0]
  if (!found) return false
  // What the story's cross-reference reads: real rows, read as an add reads them.
  await storyPieces(state, found.story_id)
  const { rows } = await db.query<StoredRows>(ARTICLE_ROWS, [found.id])
  const stored = rows[0]
  if (!stored) return false
  await rehearsalTables(db)
  const encoder = new TextEncoder()
  const bytes = (text: string) => encoder.encode(text)
  // Two transactions, as an add writes them: a read waits for one at a time.
  await rolledBack(db, (tx) =>
    tx.query(ARTICLE_ROWS_SQL, [
      stored.id,
      stored.content_hash,
      stored.format,
      stored.content,
      stored.metadata,
      stored.path,
      state.analysisVersion,
      bytes(stored.article),
      bytes(stored.quotes),
      bytes(stored.speakers),
      bytes(stored.claims),
      bytes(stored.profile),
      null,
      stored.story_id,
      stored.story,
      stored.member,
      stored.packed_profile,
      bytes(stored.passages),
    ]),
  )
  if (stored.clusters !== null)
    await rolledBack(db, async (tx) => {
      // The story's row, that the analysis is written for.
      await tx.query('INSERT INTO stories (id, story) VALUES ($1, $2::json)', [
        stored.story_id,
        stored.story,
      ])
      return tx.query(SAVE_WHOLE_ANALYSIS_SQL, [
        stored.story_id,
        '1',
        stored.clusters,
        stored.disputes,
        bytes(stored.analysis),
        stored.quotes_list,
        stored.dispute_list,
        stored.story_speakers,
        stored.story_quotes,
        stored.story_claims,
        stored.dispute_kinds,
        false,
      ])
    })
  // What the rollbacks left (dead rows, index entries) goes: the copy stays as small as made.
  for (const table of await copiedTables(db)) await db.exec(`VACUUM ${REHEARSAL_SCHEMA}.${table}`)
  return true
}

/** Runs `work` with the rehearsal copy first on the search path, then rolls it all back. */
async function rolledBack(db: Queryable, work: (tx: Queryable) => Promise<unknown>): Promise<void> {
  try {
    await db.transaction(async (tx) => {
      await tx.exec(`SET LOCAL search_path = ${REHEARSAL_SCHEMA}, public`)
      // The totals the triggers keep, as the store's: the copy's triggers update them.
      await tx.query('INSERT INTO corpus_totals SELECT * FROM public.corpus_totals')
      await work(tx)
      throw new RolledBack()
    })
  } catch (error) {
    if (!(error instanceof RolledBack)) throw error
  }
}

/** The store's tables the copy holds: all of the schema's but the migrations' record. */
async function copiedTables(db: Queryable): Promise<string[]> {
  const { rows } = await db.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = $1 ORDER BY tablename`,
    [REHEARSAL_SCHEMA],
  )
  return rows.map((row) => row.name)
}

/**
 * Makes the rehearsal copy when this schema version has none: each table of the store
 * (`LIKE … INCLUDING ALL`: columns, defaults, indexes, generated columns), then their
 * foreign keys and triggers as the store's, naming the copy's tables. A copy of an
 * earlier version goes.
 */
async function rehearsalTables(db: Queryable): Promise<void> {
  const { rows: schemas } = await db.query<{ name: string }>(
    "SELECT nspname AS name FROM pg_namespace WHERE nspname LIKE 'corroborate\\_rehearsal\\_%'",
  )
  if (schemas.some((schema) => schema.name === REHEARSAL_SCHEMA)) return
  const { rows: tables } = await db.query<{ name: string }>(
    "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'corroborate_migrations' ORDER BY tablename",
  )
  const { rows: keys } = await db.query<{ table: string; name: string; definition: string }>(
    `SELECT c.conrelid::regclass::text AS table, c.conname AS name, pg_get_constraintdef(c.oid) AS definition
       FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
       WHERE n.nspname = 'public' AND c.contype = 'f'`,
  )
  const { rows: triggers } = await db.query<{ definition: string }>(
    `SELECT pg_get_triggerdef(t.oid) AS definition FROM pg_trigger t
       JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND NOT t.tgisinternal`,
  )
  await db.transaction(async (tx) => {
    for (const { name } of schemas) await tx.exec(`DROP SCHEMA ${name} CASCADE`)
    await tx.exec(`CREATE SCHEMA ${REHEARSAL_SCHEMA}`)
    // The keys' and triggers' definitions name the store's tables unqualified: the copy's here.
    await tx.exec(`SET LOCAL search_path = ${REHEARSAL_SCHEMA}, public`)
    for (const { name } of tables)
      await tx.exec(`CREATE TABLE ${REHEARSAL_SCHEMA}.${name} (LIKE public.${name} INCLUDING ALL)`)
    // A serial key's default takes numbers from the store's sequence, which no rollback
    // gives back: the copy's rows (one at a time, never kept) all take 0.
    const { rows: serial } = await tx.query<{ table: string; column: string }>(
      `SELECT c.relname AS table, a.attname AS column FROM pg_attrdef d
         JOIN pg_class c ON c.oid = d.adrelid JOIN pg_namespace n ON n.oid = c.relnamespace
         JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum
         WHERE n.nspname = $1 AND pg_get_expr(d.adbin, d.adrelid) LIKE 'nextval(%'`,
      [REHEARSAL_SCHEMA],
    )
    for (const { table, column } of serial)
      await tx.exec(`ALTER TABLE ${REHEARSAL_SCHEMA}.${table} ALTER COLUMN ${column} SET DEFAULT 0`)
    for (const key of keys)
      await tx.exec(
        `ALTER TABLE ${REHEARSAL_SCHEMA}.${key.table} ADD CONSTRAINT ${key.name} ${key.definition}`,
      )
    for (const { definition } of triggers)
      await tx.exec(definition.replace(/ ON (?:public\.)?(\w+) /, ` ON ${REHEARSAL_SCHEMA}.$1 `))
  })
}
