import { rmSync } from 'node:fs'
import { mkdir, open, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import {
  type Article,
  type ArticleProfile,
  type ArticleSource,
  type Claim,
  CorroborateError,
  type CrossReference,
  createStoryIndex,
  crossReference,
  type Quote,
  type Speaker,
  type Story,
  type StoryIndex,
  type StoryIndexOptions,
  type StoryMember,
} from '@corroborate/core'
import { enableTrigrams, migrate } from './migrations.js'
import {
  ANALYSIS_VERSION,
  type PreparedArticle,
  prepareArticle,
  type SerializedArticle,
  serializeArticle,
} from './prepare-article.js'
import { openPglite, openPostgres, type Queryable } from './queryable.js'

/** Where the store lives: a PGlite data directory, PGlite in memory, or a PostgreSQL server. */
export type StoreLocation = { dataDir: string } | { memory: true } | { url: string }

/** Options of {@link openStore}. */
export interface OpenStoreOptions {
  /** Story grouping thresholds, as `createStoryIndex` takes them. */
  stories?: StoryIndexOptions
  /**
   * The analysis version stored articles must have; older ones are analysed
   * again when read. Default {@link ANALYSIS_VERSION}; tests lower it.
   */
  analysisVersion?: number
  /** Told of what the store does on its own (migrations, re-analysis), one line each. */
  log?: (line: string) => void
}

/** What {@link Store.addArticle} did. */
export interface AddResult {
  /** False when the same content was stored already: nothing was written. */
  added: boolean
  /** The stored article's id (the earlier one's when `added` is false). */
  id: string
  /** The story it is in, as stored after the add. */
  story: Story
  /** True when it joined an existing story, false when it started one. */
  joined: boolean
  /** Non-term quotes found in it. */
  quotes: number
  /** The normalized article; absent when nothing was added. */
  article?: Article
}

/** One stored article and its analysis. */
export interface StoredArticle {
  article: Article
  quotes: Quote[]
  speakers: Speaker[]
  claims: Claim[]
  profile: ArticleProfile
  story: string
  format: string
  /** ISO time of the add. */
  addedAt: string
  contentHash: string
}

/** A line of the article list: enough to name and find an article. */
export interface ArticleSummary {
  id: string
  label: string
  outlet: string | null
  published: string | null
  story: string
  addedAt: string
}

/** A search result: a sentence, a quote or a claim of one article. */
export interface StoreSearchHit {
  kind: 'sentence' | 'quote' | 'claim'
  article: string
  /** The quote's or claim's id; null for a sentence. */
  id: string | null
  text: string
  span: { start: number; end: number }
  /** The quote's speaker, for quotes. */
  speaker: string | null
  /** Higher is better; comparable within one search only. */
  rank: number
}

/** A page of results and the cursor of the next page (null on the last). */
export interface Page<T> {
  items: T[]
  next: string | null
}

/** Options of {@link Store.search} and {@link Store.listArticles}. */
export interface PageOptions {
  /** Results per page, 1 to 500. Default 20. */
  limit?: number
  /** The `next` of the previous page. */
  cursor?: string | null
}

/** A corpus kept in PostgreSQL (PGlite or a server): it lasts across restarts and grows. */
export interface Store {
  readonly engine: 'pglite' | 'postgres'
  /** Whether search matches speakers' names by similarity (pg_trgm). */
  readonly trigrams: boolean
  /**
   * Analyses one article with the core, assigns its story and writes both in
   * one transaction, committed before the promise resolves. Content already
   * stored is not stored again (`added: false`).
   * @throws CorroborateError `INVALID_ARGUMENT` for an article with no body,
   *   `DUPLICATE_ID` when another text has that id.
   */
  addArticle(source: ArticleSource): Promise<AddResult>
  /**
   * As {@link Store.addArticle}, for an article prepared elsewhere (a worker
   * thread): `prepareArticle`'s result, or `serializeArticle`'s of it.
   */
  addPrepared(prepared: PreparedArticle | SerializedArticle): Promise<AddResult>
  getArticle(id: string): Promise<StoredArticle | undefined>
  /** Articles in the order they were added. */
  listArticles(options?: PageOptions): Promise<Page<ArticleSummary>>
  count(): Promise<number>
  /** Every story, in the order they started. No cross-referencing is done. */
  stories(): Promise<Story[]>
  storyOf(article: string): Promise<string | undefined>
  /**
   * Sentences, quotes and claims matching `query` (words, `"a phrase"`, `or`,
   * `-word`, as PostgreSQL's `websearch_to_tsquery` reads them; English stems),
   * and, for a query with a capital letter and no phrase, quotes whose speaker's
   * name is like it; best first, paged. Ranked
   * among the first 500 passages the words match and the first 500 the name does.
   */
  search(query: string, options?: PageOptions): Promise<Page<StoreSearchHit>>
  /** The cross-reference of one story, cached until an article joins it. */
  storyAnalysis(story: string): Promise<CrossReference>
  /** The cross-reference of the whole store, cached until the next add. */
  analysis(): Promise<CrossReference>
  /** Every stored article, normalized, in the order added. Loads them all. */
  articles(): Promise<Article[]>
  close(): Promise<void>
}

// Stored profiles read per query when the story index catches up.
const REPLAY_PAGE = 500
// Matches of a search that are ranked; past them a search pages no further.
const CANDIDATES = 500
// Any constant: every process adding to one database takes this lock around story assignment.
const ADD_LOCK = 7_250_017

interface AnalysisRow {
  id: string
  seq: string
  format: string
  content: string
  metadata: Record<string, unknown>
  path: string | null
  content_hash: string
  added_at: Date | string
  analysis_version: number
  article: Article
  quotes: Quote[]
  speakers: Speaker[]
  claims: Claim[]
  profile: ArticleProfile
  story_id: string
}

const ANALYSIS_COLUMNS = `a.id, a.seq, a.format, a.content, a.metadata, a.path, a.content_hash, a.added_at,
  an.analysis_version, an.article, an.quotes, an.speakers, an.claims, an.profile, m.story_id`
const ANALYSIS_FROM = `articles a JOIN analyses an ON an.article_id = a.id
  JOIN story_members m ON m.article_id = a.id`

const iso = (value: Date | string) => (value instanceof Date ? value.toISOString() : value)

function readCursor(cursor: string | null | undefined): number {
  if (cursor === undefined || cursor === null) return 0
  const decoded = /^[\w-]+$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : ''
  const offset = /^\d{1,9}$/.test(decoded) ? Number(decoded) : -1
  if (offset < 0)
    throw new CorroborateError(
      'INVALID_ARGUMENT',
      `cursor "${cursor}" is not one this store gave; pass the next of the previous page, or none for the first`,
    )
  return offset
}
const writeCursor = (offset: number) => Buffer.from(String(offset), 'utf8').toString('base64url')

function readLimit(limit: number | undefined): number {
  const value = limit ?? 20
  if (!Number.isInteger(value) || value < 1 || value > 500)
    throw new CorroborateError(
      'INVALID_ARGUMENT',
      `limit is a whole number from 1 to 500, not ${String(limit)}`,
    )
  return value
}

/**
 * A PGlite data directory is one process's: a second one opening it would
 * corrupt it. The lock file names the holder; a holder that died (kill -9)
 * leaves it, and the next open takes it over.
 */
async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  await mkdir(dataDir, { recursive: true })
  const path = join(dataDir, 'corroborate.lock')
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(path, 'wx')
      await handle.writeFile(String(process.pid))
      await handle.close()
      // A process that ends without closing the store (stdin closed, exit()) lets it go too.
      const release = () => rmSync(path, { force: true })
      process.once('exit', release)
      return async () => {
        process.off('exit', release)
        await rm(path, { force: true })
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const holder = Number((await readFile(path, 'utf8').catch(() => '')).trim())
      let alive = false
      if (holder === process.pid) alive = true
      else if (Number.isInteger(holder) && holder > 0)
        try {
          process.kill(holder, 0)
          alive = true
        } catch (probe) {
          alive = (probe as NodeJS.ErrnoException).code === 'EPERM'
        }
      if (alive)
        throw new CorroborateError(
          'READ_FAILED',
          `the store ${dataDir} is open in process ${holder}; PGlite serves one process. Stop it, or use a PostgreSQL server (--database) for several`,
          { subject: dataDir },
        )
      await rm(path, { force: true })
    }
  }
  throw new CorroborateError('READ_FAILED', `cannot take the lock of the store ${dataDir}`, {
    subject: dataDir,
  })
}

/**
 * Opens a store, creating its schema (or migrating an older one) first.
 * Engines: `{ dataDir }` PGlite on disk (one process at a time), `{ memory: true }`
 * PGlite in memory (gone at close), `{ url }` a PostgreSQL server (any number of processes).
 */
export async function openStore(
  location: StoreLocation,
  options: OpenStoreOptions = {},
): Promise<Store> {
  const log = options.log ?? (() => {})
  const version = options.analysisVersion ?? ANALYSIS_VERSION
  let unlock: () => Promise<void> = async () => {}
  let db: Queryable
  let trigrams = false
  if ('url' in location) {
    db = await openPostgres(location.url)
  } else {
    const dataDir = 'dataDir' in location ? location.dataDir : null
    if (dataDir !== null) unlock = await lockDataDir(dataDir)
    try {
      db = await openPglite(dataDir)
    } catch (error) {
      await unlock()
      throw error
    }
  }
  try {
    const before = await migrate(db)
    if (before === 0) log('created the store')
    trigrams = await enableTrigrams(db)
  } catch (error) {
    await db.close().catch(() => {})
    await unlock()
    throw error
  }
  const { rows: stale } = await db.query<{ n: string }>(
    'SELECT count(*) AS n FROM analyses WHERE analysis_version < $1',
    [version],
  )
  const staleCount = Number(stale[0]?.n ?? 0)
  if (staleCount > 0)
    log(
      `${staleCount} stored articles were analysed by an older core; each is analysed again when read`,
    )

  // Story assignment replays the stored profiles, in the order added, into the
  // core's incremental index; only what other processes added since is read again.
  let storyIndex: StoryIndex | null = null
  let indexedSeq = 0
  const storyOptions = options.stories ?? {}
  let whole: { key: string; value: CrossReference } | null = null
  const perStory = new Map<string, { revision: string; value: CrossReference }>()

  /** Analyses a row again when it is older than this core's analysis; writes it back. */
  async function current(row: AnalysisRow): Promise<AnalysisRow> {
    if (row.analysis_version >= version) return row
    const prepared = prepareArticle({
      content: row.content,
      format: row.format as Article['format'],
      id: row.id,
      metadata: row.metadata,
      ...(row.path === null ? {} : { path: row.path }),
    })
    await db.transaction(async (tx) => {
      await tx.query(
        `UPDATE analyses SET analysis_version = $2, article = $3::jsonb, quotes = $4::jsonb,
           speakers = $5::jsonb, claims = $6::jsonb, profile = $7::jsonb, analysed_at = now()
         WHERE article_id = $1 AND analysis_version < $2`,
        [
          row.id,
          version,
          JSON.stringify(prepared.article),
          JSON.stringify(prepared.quotes),
          JSON.stringify(prepared.speakers),
          JSON.stringify(prepared.claims),
          JSON.stringify(prepared.profile),
        ],
      )
      await tx.query('DELETE FROM passages WHERE article_id = $1', [row.id])
      await insertPassages(tx, row.id, serializeArticle(prepared).json.passages)
    })
    log(`analysed article ${row.id} again (stored at analysis version ${row.analysis_version})`)
    return {
      ...row,
      analysis_version: version,
      article: prepared.article,
      quotes: prepared.quotes,
      speakers: prepared.speakers,
      claims: prepared.claims,
      profile: prepared.profile,
    }
  }

  async function insertPassages(tx: Queryable, id: string, passages: string) {
    await tx.query(
      `INSERT INTO passages (article_id, kind, ref, text, speaker, span_start, span_end)
       SELECT $1, p.kind, p.ref, p.text, p.speaker, p.s, p.e
       FROM jsonb_to_recordset($2::jsonb) AS p(kind text, ref text, text text, speaker text, s integer, e integer)`,
      [id, passages],
    )
  }

  async function storyRow(tx: Queryable, id: string): Promise<Story> {
    const { rows } = await tx.query<{ story: Story }>('SELECT story FROM stories WHERE id = $1', [
      id,
    ])
    return rows[0]?.story as Story
  }

  async function addPrepared(input: PreparedArticle | SerializedArticle): Promise<AddResult> {
    const prepared = 'json' in input ? input : serializeArticle(input)
    const quotes = prepared.quotes
    try {
      return await db.transaction(async (tx) => {
        await tx.query('SELECT pg_advisory_xact_lock($1)', [ADD_LOCK])
        const { rows: same } = await tx.query<{ id: string; story_id: string }>(
          `SELECT a.id, m.story_id FROM articles a JOIN story_members m ON m.article_id = a.id
           WHERE a.content_hash = $1`,
          [prepared.contentHash],
        )
        if (same[0]) {
          const story = await storyRow(tx, same[0].story_id)
          return {
            added: false,
            id: same[0].id,
            story,
            joined: story.articles.length > 1,
            quotes,
          }
        }
        const id = prepared.id
        const { rows: taken } = await tx.query('SELECT 1 FROM articles WHERE id = $1', [id])
        if (taken.length > 0)
          throw new CorroborateError(
            'DUPLICATE_ID',
            `the store already has an article "${id}" with another text; give the new one another id`,
            { subject: id },
          )
        // Catch up with what was added since, by this process or another.
        storyIndex ??= createStoryIndex(storyOptions)
        // In pages: a whole store's profiles at once would sit in PGlite's memory and in ours.
        for (let more = true; more; ) {
          const { rows: since } = await tx.query<{ seq: string; profile: ArticleProfile }>(
            `SELECT a.seq, an.profile FROM articles a JOIN analyses an ON an.article_id = a.id
             WHERE a.seq > $1 ORDER BY a.seq LIMIT ${REPLAY_PAGE}`,
            [indexedSeq],
          )
          for (const row of since) {
            storyIndex.add(row.profile)
            indexedSeq = Number(row.seq)
          }
          more = since.length === REPLAY_PAGE
        }
        const assignment = storyIndex.add(prepared.profile)
        const described = storyIndex.story(assignment.story) as Story
        // The stored membership is what counts: a joined article goes where its closest neighbour is.
        let storyId = assignment.story
        if (assignment.joined && assignment.member.closest !== null) {
          const { rows } = await tx.query<{ story_id: string }>(
            'SELECT story_id FROM story_members WHERE article_id = $1',
            [assignment.member.closest],
          )
          storyId = rows[0]?.story_id ?? storyId
        }
        const { rows: inserted } = await tx.query<{ seq: string }>(
          `INSERT INTO articles (id, content_hash, format, content, metadata, path)
           VALUES ($1, $2, $3, $4, $5::jsonb, $6) RETURNING seq`,
          [
            id,
            prepared.contentHash,
            prepared.format,
            prepared.content,
            prepared.json.metadata,
            prepared.path,
          ],
        )
        indexedSeq = Number(inserted[0]?.seq)
        await tx.query(
          `INSERT INTO analyses (article_id, analysis_version, article, quotes, speakers, claims, profile)
           VALUES ($1, $2, $3::jsonb, $4::jsonb, $5::jsonb, $6::jsonb, $7::jsonb)`,
          [
            id,
            version,
            prepared.json.article,
            prepared.json.quotes,
            prepared.json.speakers,
            prepared.json.claims,
            prepared.json.profile,
          ],
        )
        const story: Story = { ...described, id: storyId }
        await tx.query(
          `INSERT INTO stories (id, story) VALUES ($1, $2::jsonb)
           ON CONFLICT (id) DO UPDATE SET story = EXCLUDED.story, revision = stories.revision + 1`,
          [storyId, JSON.stringify(story)],
        )
        await tx.query(
          'INSERT INTO story_members (article_id, story_id, member) VALUES ($1, $2, $3::jsonb)',
          [id, storyId, JSON.stringify(assignment.member satisfies StoryMember)],
        )
        await insertPassages(tx, id, prepared.json.passages)
        return {
          added: true,
          id,
          story,
          joined: assignment.joined,
          quotes,
          ...('json' in input ? {} : { article: input.article }),
        }
      })
    } catch (error) {
      // The index may hold the article the transaction did not keep: rebuild it at the next add.
      storyIndex = null
      indexedSeq = 0
      throw error
    }
  }

  async function loadRows(where: string, params: readonly unknown[]): Promise<AnalysisRow[]> {
    const { rows } = await db.query<AnalysisRow>(
      `SELECT ${ANALYSIS_COLUMNS} FROM ${ANALYSIS_FROM} ${where} ORDER BY a.seq`,
      params,
    )
    const out: AnalysisRow[] = []
    for (const row of rows) out.push(await current(row))
    return out
  }

  const store: Store = {
    engine: db.engine,
    get trigrams() {
      return trigrams
    },
    addArticle: async (source) => addPrepared(prepareArticle(source)),
    addPrepared,
    async getArticle(id) {
      const [row] = await loadRows('WHERE a.id = $1', [id])
      if (!row) return undefined
      return {
        article: row.article,
        quotes: row.quotes,
        speakers: row.speakers,
        claims: row.claims,
        profile: row.profile,
        story: row.story_id,
        format: row.format,
        addedAt: iso(row.added_at),
        contentHash: row.content_hash,
      }
    },
    async listArticles(options = {}) {
      const limit = readLimit(options.limit)
      const offset = readCursor(options.cursor)
      const { rows } = await db.query<{
        id: string
        profile: ArticleProfile
        story_id: string
        added_at: Date | string
      }>(
        `SELECT a.id, an.profile, m.story_id, a.added_at FROM ${ANALYSIS_FROM}
         ORDER BY a.seq LIMIT $1 OFFSET $2`,
        [limit + 1, offset],
      )
      return {
        items: rows.slice(0, limit).map((row) => ({
          id: row.id,
          label: row.profile.label,
          outlet: row.profile.outlet,
          published: row.profile.published,
          story: row.story_id,
          addedAt: iso(row.added_at),
        })),
        next: rows.length > limit ? writeCursor(offset + limit) : null,
      }
    },
    async count() {
      const { rows } = await db.query<{ n: string }>('SELECT count(*) AS n FROM articles')
      return Number(rows[0]?.n ?? 0)
    },
    async stories() {
      const { rows } = await db.query<{ story: Story }>('SELECT story FROM stories ORDER BY seq')
      return rows.map((row) => row.story)
    },
    async storyOf(article) {
      const { rows } = await db.query<{ story_id: string }>(
        'SELECT story_id FROM story_members WHERE article_id = $1',
        [article],
      )
      return rows[0]?.story_id
    },
    async search(query, options = {}) {
      if (typeof query !== 'string')
        throw new CorroborateError('INVALID_ARGUMENT', 'search expects a query string')
      const limit = readLimit(options.limit)
      const offset = readCursor(options.cursor)
      if (query.trim() === '') return { items: [], next: null }
      // A name is written with a capital: only then are speakers' names looked up too.
      const named = /\p{Lu}/u.test(query) && !query.includes('"')
      const names = !named ? 'false' : trigrams ? 'p.speaker % $1' : 'lower(p.speaker) = lower($1)'
      // Ranked among the first CANDIDATES matches of the words and of the name: ranking
      // every passage that says "said" (a tenth of a big store) would cost a scan of them all.
      const { rows } = await db.query<{
        kind: StoreSearchHit['kind']
        article_id: string
        ref: string | null
        text: string
        speaker: string | null
        span_start: number
        span_end: number
        rank: number
      }>(
        `WITH q AS (SELECT websearch_to_tsquery('english', $1) AS q),
         words AS (
           SELECT p.kind, p.article_id, p.ref, p.text, p.speaker, p.span_start, p.span_end,
             ts_rank(p.tsv, q.q) AS rank
           FROM passages p CROSS JOIN q WHERE p.tsv @@ q.q LIMIT $4),
         names AS (
           SELECT p.kind, p.article_id, p.ref, p.text, p.speaker, p.span_start, p.span_end,
             1 + ts_rank(p.tsv, q.q) AS rank
           FROM passages p CROSS JOIN q WHERE p.speaker IS NOT NULL AND ${names} LIMIT $4),
         hits AS (
           SELECT DISTINCT ON (article_id, span_start, kind) *
           FROM (SELECT * FROM names UNION ALL SELECT * FROM words) found
           ORDER BY article_id, span_start, kind, rank DESC)
         SELECT h.* FROM hits h JOIN articles a ON a.id = h.article_id
         ORDER BY h.rank DESC, a.seq, h.span_start, h.kind
         LIMIT $2 OFFSET $3`,
        [query, limit + 1, offset, CANDIDATES],
      )
      return {
        items: rows.slice(0, limit).map((row) => ({
          kind: row.kind,
          article: row.article_id,
          id: row.ref,
          text: row.text,
          span: { start: row.span_start, end: row.span_end },
          speaker: row.speaker,
          rank: Math.round(Number(row.rank) * 1e4) / 1e4,
        })),
        next: rows.length > limit ? writeCursor(offset + limit) : null,
      }
    },
    async storyAnalysis(storyId) {
      const { rows } = await db.query<{ story: Story; revision: string }>(
        'SELECT story, revision FROM stories WHERE id = $1',
        [storyId],
      )
      const row = rows[0]
      if (!row)
        throw new CorroborateError(
          'UNKNOWN_ID',
          `the store has no story "${storyId}"; stories() lists them`,
          { subject: storyId },
        )
      const cached = perStory.get(storyId)
      if (cached && cached.revision === String(row.revision)) return cached.value
      const members = await loadRows('WHERE m.story_id = $1', [storyId])
      const value = crossReference(
        members.map((m) => m.article),
        { ...storyOptions, stories: [row.story] },
      )
      perStory.set(storyId, { revision: String(row.revision), value })
      return value
    },
    async analysis() {
      const { rows } = await db.query<{ n: string; last: string | null }>(
        'SELECT count(*) AS n, max(seq) AS last FROM articles',
      )
      const key = `${rows[0]?.n}:${rows[0]?.last}`
      if (whole?.key === key) return whole.value
      const articles = await store.articles()
      const value = crossReference(articles, { ...storyOptions, stories: await store.stories() })
      whole = { key, value }
      return value
    },
    async articles() {
      return (await loadRows('', [])).map((row) => row.article)
    },
    async close() {
      await db.close()
      await unlock()
    },
  }
  return store
}
