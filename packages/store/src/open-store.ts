import {
  type ArticleProfile,
  CorroborateError,
  type CrossReference,
  crossReference,
  DISPUTE_KINDS,
  type Dispute,
  type DisputeKind,
  type Story,
  type StoryIndexOptions,
} from '@corroborate/core'
import {
  analyseStory,
  type StoredQuote,
  type StoryAnalysis,
  type StorySpeaker,
  storedAnalysisText,
} from './analyse-story.js'
import { snapshotPath } from './index-snapshot.js'
import { enableTrigrams, migrate } from './migrations.js'
import { lockDataDir } from './open/lock-data-dir.js'
import { ANALYSIS_VERSION, prepareArticle } from './prepare-article.js'
import { openPglite, openPostgres, type Queryable } from './queryable.js'
import { readCursor, readLimit, writeCursor } from './reads/paging.js'
import { partsOf } from './reads/parts-of.js'
import { warm } from './restore-index/catch-up.js'
import { saveStoryIndex } from './restore-index/saved-index.js'
import type { AnalysisRow, PartField } from './rows.js'
import {
  inSlices,
  joinSlices,
  PIECES_PAGE,
  pieces,
  readsFirst,
  SLICE_AFTER,
  type Step,
} from './slices.js'
import { emptyQueue, enqueue, type StoreState } from './store-state.js'
import type { Store, StoreSearchHit, StoryInput } from './types.js'
import { addPrepared } from './writes/add-article.js'
import { analyseAgainIfOlder } from './writes/analyse-again.js'
import { removeHalfWritten } from './writes/remove-pending.js'

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
  /**
   * How writes are cut so that reads go between them. PGlite runs one
   * statement at a time, on the calling thread: an article, or a story's
   * cross-reference, of more than four times `chars` characters of JSON
   * (`chars` default 65,536) is written in slices, its values over `chars` in
   * pieces of at most that size, in transactions of about `ms`
   * milliseconds each (default 15), the calls waiting for the database going
   * first between them; the article is not seen until its last transaction.
   * A PostgreSQL server gets the same pieces in one transaction. Tests lower them.
   */
  slices?: { chars?: number; ms?: number }
}

// Stored profiles read per query when the story index catches up.
const REPLAY_PAGE = 500
// One-story analyses kept in memory, the latest read.
const STORY_CACHE = 32
// Matches of a search that are ranked; past them a search pages no further.
const CANDIDATES = 500
// Any constant: every process adding to one database takes this lock around story assignment.
const _ADD_LOCK = 7_250_017
// Articles of a story read per query for its cross-reference.
const STORY_PAGE = 8
const ANALYSIS_COLUMNS = `a.id, a.seq, a.format, a.content, a.metadata, a.path, a.content_hash, a.added_at,
  an.analysis_version, an.article, an.quotes, an.speakers, an.claims, an.profile, m.story_id, an.parts`
const ANALYSIS_FROM = `articles a JOIN analyses an ON an.article_id = a.id
  JOIN story_members m ON m.article_id = a.id`

/**
 * A story's list (quotes or disputes) as rows of JSON arrays `l(part, items)`,
 * in order: the column, then the pieces of the stored revision when the
 * analysis is kept in pieces (the column then holds none).
 */
const listOf = (column: string, list: string) => `LATERAL (
  SELECT -1 AS part, sa.${column} AS items
  UNION ALL SELECT i.n AS part, i.items FROM story_items i
  WHERE sa.parts AND i.story_id = sa.story_id AND i.revision = sa.revision AND i.list = '${list}') l`

const iso = (value: Date | string) => (value instanceof Date ? value.toISOString() : value)

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
  // A store on disk in this process alone keeps its story index there between runs.
  let savedIndex: string | null = null
  if ('url' in location) {
    db = await openPostgres(location.url)
  } else {
    const dataDir = 'dataDir' in location ? location.dataDir : null
    if (dataDir !== null) {
      unlock = await lockDataDir(dataDir)
      savedIndex = snapshotPath(dataDir)
    }
    try {
      db = await openPglite(dataDir)
    } catch (error) {
      await unlock()
      throw error
    }
  }
  try {
    const before = await migrate(db, log)
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

  const storyOptions = options.stories ?? {}
  const sliceChars = options.slices?.chars ?? 65_536
  const sliceMs = options.slices?.ms ?? 15
  const sliced = db.engine === 'pglite'
  const state: StoreState = {
    db,
    unlock,
    trigrams,
    log,
    analysisVersion: version,
    storyOptions,
    sliceChars,
    sliceMs,
    sliced,
    storyIndex: {
      current: null,
      seq: 0,
      last: null,
      savedSize: 0,
      profilesChanged: false,
      snapshotPath: savedIndex,
      saving: Promise.resolve(),
    },
    queues: { index: emptyQueue(), analyses: emptyQueue() },
    cache: { whole: null, perStory: new Map(), counted: null },
  }
  const _held = state.storyIndex
  const perStory = state.cache.perStory

  if (sliced) await removeHalfWritten(state)

  async function loadRows(where: string, params: readonly unknown[]): Promise<AnalysisRow[]> {
    const { rows } = await db.query<AnalysisRow>(
      `SELECT ${ANALYSIS_COLUMNS} FROM ${ANALYSIS_FROM} ${where} ORDER BY a.seq`,
      params,
    )
    const inParts = rows.filter((row) => row.parts !== null && row.parts.length > 0)
    const parts = await partsOf(
      state,
      db,
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

  /** A stored story analysis kept in pieces, joined; undefined when they are gone (one newer replaced it). */
  async function storyText(story: string, revision: string): Promise<string | undefined> {
    const bodies: string[] = []
    for (let after = -1; ; ) {
      const { rows } = await db.query<{ n: number; body: string; last: number }>(
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
      await readsFirst(db)
    }
  }

  /**
   * Keeps a story's analysis: in its row, or (over `sliceChars`) in pieces
   * beside it, written in slices with PGlite; the row is switched to them in
   * the last transaction. The pieces of the analysis it replaces are kept
   * until the next one (a reader may be reading them), older ones go.
   */
  async function saveAnalysis(made: StoryAnalysis): Promise<boolean> {
    const { json } = made
    const size =
      json.analysis.length +
      json.speakers.length +
      [...json.quotes, ...json.disputes].reduce((sum, slice) => sum + slice.length, 0)
    const upsert = (tx: Queryable, parts: boolean) =>
      tx.query<{ story_id: string }>(
        `INSERT INTO story_analyses (story_id, revision, clusters, disputes, analysis, quotes_list, dispute_list, speakers, quotes, claims, dispute_kinds, parts)
         SELECT $1, $2, $3, $4, $5::json, $6::jsonb, $7::jsonb, $8::jsonb, $9, $10, $11::jsonb, $12
         FROM stories WHERE id = $1 AND revision = $2
         ON CONFLICT (story_id) DO UPDATE SET revision = EXCLUDED.revision,
           clusters = EXCLUDED.clusters, disputes = EXCLUDED.disputes, quotes = EXCLUDED.quotes,
           claims = EXCLUDED.claims, dispute_kinds = EXCLUDED.dispute_kinds,
           analysis = EXCLUDED.analysis, quotes_list = EXCLUDED.quotes_list,
           dispute_list = EXCLUDED.dispute_list, speakers = EXCLUDED.speakers,
           parts = EXCLUDED.parts, analysed_at = now()
         WHERE story_analyses.revision <= EXCLUDED.revision
         RETURNING story_id`,
        [
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
        ],
      )
    const dropPieces = async (tx: Queryable, condition: string, revision: string) => {
      for (const table of ['story_texts', 'story_items'])
        await tx.query(`DELETE FROM ${table} WHERE story_id = $1 AND revision ${condition} $2`, [
          made.story,
          revision,
        ])
    }
    if (size <= SLICE_AFTER * sliceChars)
      return db.transaction(async (tx) => {
        const { rows } = await upsert(tx, false)
        if (rows.length > 0) await dropPieces(tx, '<>', '-1')
        return rows.length > 0
      })

    /** The stored revision this one replaces, or why it is not kept. */
    const check = async (tx: Queryable, lock: boolean) => {
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
    const steps: Step[] = [
      (tx) => dropPieces(tx, '=', made.revision),
      ...pieces(json.analysis, sliceChars).map(
        (body, n) => (tx: Queryable) =>
          tx.query(
            'INSERT INTO story_texts (story_id, revision, n, body) VALUES ($1, $2, $3, $4)',
            [made.story, made.revision, n, body],
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
    const finish = async (tx: Queryable, replaces: string) => {
      const { rows } = await upsert(tx, true)
      if (rows.length === 0) await dropPieces(tx, '=', made.revision)
      else await dropPieces(tx, '<', replaces)
      return rows.length > 0
    }
    if (!sliced)
      return db.transaction(async (tx) => {
        const checked = await check(tx, true)
        if (!('replaces' in checked)) return checked.kept
        for (const step of steps) await step(tx)
        return finish(tx, checked.replaces)
      })
    const checked = await check(db, false)
    if (!('replaces' in checked)) return checked.kept
    const { replaces } = checked
    await inSlices(db, steps, sliceMs)
    await readsFirst(db)
    return db.transaction((tx) => finish(tx, replaces))
  }

  const store: Store = {
    engine: db.engine,
    get trigrams() {
      return trigrams
    },
    addArticle: async (source) => addPrepared(state, prepareArticle(source)),
    addPrepared: (prepared) => addPrepared(state, prepared),
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
        `SELECT a.id, an.profile, m.story_id, a.added_at
         FROM (SELECT seq, id, added_at FROM articles WHERE NOT pending ORDER BY seq LIMIT $1 OFFSET $2) a
         JOIN analyses an ON an.article_id = a.id JOIN story_members m ON m.article_id = a.id
         ORDER BY a.seq`,
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
      // With PGlite (one process's store, one add at a time) the count changes only with the
      // latest article seen: counting 10,000 rows took 10-20 ms of every list_sources.
      let last: string | null = null
      if (sliced) {
        const { rows } = await db.query<{ last: string | null }>(
          'SELECT max(seq) AS last FROM articles WHERE NOT pending',
        )
        last = rows[0]?.last ?? null
        if (state.cache.counted !== null && state.cache.counted.last === last)
          return state.cache.counted.n
      }
      const { rows } = await db.query<{ n: string }>(
        // An article is seen once it has its membership: counted on that narrow table, not by
        // reading every article's row.
        'SELECT count(*) AS n FROM story_members',
      )
      const n = Number(rows[0]?.n ?? 0)
      if (sliced) state.cache.counted = { last, n }
      return n
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
      const like = !named
        ? 'SELECT NULL::text AS speaker, 0::real AS score WHERE false'
        : trigrams
          ? 'SELECT speaker, score FROM similar_speakers($1)'
          : 'SELECT name AS speaker, 1::real AS score FROM speaker_names WHERE lower(name) = lower($1)'
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
         alike AS (${like} ORDER BY score DESC, speaker),
         names AS (
           SELECT p.kind, p.article_id, p.ref, p.text, p.speaker, p.span_start, p.span_end,
             1 + n.score + ts_rank(p.tsv, q.q) AS rank
           FROM alike n CROSS JOIN q
           CROSS JOIN LATERAL (SELECT * FROM passages p WHERE p.speaker = n.speaker LIMIT $4) p
           LIMIT $4),
         hits AS (
           SELECT DISTINCT ON (article_id, span_start, kind) *
           FROM (SELECT * FROM names UNION ALL SELECT * FROM words) found
           ORDER BY article_id, span_start, kind, rank DESC)
         SELECT h.* FROM hits h JOIN articles a ON a.id = h.article_id AND NOT a.pending
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
      let value: CrossReference | undefined
      let revision = ''
      // Read again when the pieces read went meanwhile (a newer analysis replaced them).
      for (let attempt = 0; attempt < 3 && value === undefined; attempt++) {
        const { rows } = await db.query<{
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
        const cached = perStory.get(storyId)
        if (cached && cached.revision === revision) return cached.value
        if (row.analysed === null || String(row.analysed) !== revision) break
        if (row.parts) {
          const text = await storyText(storyId, revision)
          if (text !== undefined) value = JSON.parse(text) as CrossReference
        } else {
          const { rows: stored } = await db.query<{ analysis: CrossReference }>(
            'SELECT analysis FROM story_analyses WHERE story_id = $1 AND revision = $2 AND NOT parts',
            [storyId, revision],
          )
          value = stored[0]?.analysis
        }
      }
      if (value === undefined) {
        const input = (await store.storyInput(storyId)) as StoryInput
        const made = analyseStory(input, storyOptions)
        await store.saveStoryAnalysis(made)
        value = JSON.parse(new TextDecoder().decode(made.json.analysis)) as CrossReference
      }
      perStory.delete(storyId)
      perStory.set(storyId, { revision, value })
      // The latest stories read, not every story of a large store.
      if (perStory.size > STORY_CACHE) perStory.delete(perStory.keys().next().value as string)
      return value
    },
    warm: () => warm(state),
    async staleStories() {
      const { rows } = await db.query<{ id: string }>(
        `SELECT s.id FROM stories s LEFT JOIN story_analyses sa ON sa.story_id = s.id
         WHERE sa.revision IS NULL OR sa.revision <> s.revision ORDER BY s.seq`,
      )
      return rows.map((row) => row.id)
    },
    async storyInput(storyId) {
      const { rows } = await db.query<{ story: Story; revision: string }>(
        'SELECT story, revision FROM stories WHERE id = $1',
        [storyId],
      )
      const row = rows[0]
      if (!row) return undefined
      // A few articles per query, the calls waiting for the database going first between them.
      const byId = new Map<string, { article: string; analysis: string }>()
      for (let after = ''; ; ) {
        const { rows: members } = await db.query<{
          id: string
          article: string
          quotes: string
          speakers: string
          claims: string
          parts: PartField[] | null
          analysis_version: number
        }>(
          `SELECT m.article_id AS id, an.article::text AS article, an.quotes::text AS quotes,
             an.speakers::text AS speakers, an.claims::text AS claims, an.parts, an.analysis_version
           FROM story_members m JOIN analyses an ON an.article_id = m.article_id
           WHERE m.story_id = $1 AND m.article_id > $2 ORDER BY m.article_id LIMIT ${STORY_PAGE}`,
          [storyId, after],
        )
        // Analysed again first when an older core stored them: the text is of this core's analysis.
        const stale = members.filter((m) => m.analysis_version < version).map((m) => m.id)
        if (stale.length > 0) {
          await loadRows('WHERE a.id = ANY($1::text[])', [stale])
          continue
        }
        const inParts = members.filter((m) => m.parts !== null && m.parts.length > 0)
        const parts = await partsOf(
          state,
          db,
          inParts.map((m) => m.id),
          ['article', 'quotes', 'speakers', 'claims'],
        )
        for (const m of members) {
          const whole = parts.get(m.id)
          const text = (field: 'article' | 'quotes' | 'speakers' | 'claims') =>
            whole?.get(field) ?? m[field]
          byId.set(m.id, {
            article: text('article'),
            analysis: storedAnalysisText({
              quotes: text('quotes'),
              speakers: text('speakers'),
              claims: text('claims'),
            }),
          })
          after = m.id
        }
        if (members.length < STORY_PAGE) break
        await readsFirst(db)
      }
      const story = row.story
      const found = story.articles.flatMap((id) => byId.get(id) ?? [])
      return {
        story,
        revision: String(row.revision),
        articles: found.map((m) => m.article),
        analyses: found.map((m) => m.analysis),
      }
    },
    saveStoryAnalysis: (made) => enqueue(state.queues.analyses, () => saveAnalysis(made)),
    async storyCounts() {
      const { rows } = await db.query<{ story_id: string; clusters: number; disputes: number }>(
        'SELECT story_id, clusters, disputes FROM story_analyses',
      )
      return new Map(
        rows.map((row) => [row.story_id, { clusters: row.clusters, disputes: row.disputes }]),
      )
    },
    async disputes(filter, page) {
      const { rows } = await db.query<{ d: Dispute; total: string }>(
        `SELECT d.value AS d, count(*) OVER () AS total
         FROM story_analyses sa JOIN stories s ON s.id = sa.story_id, ${listOf('dispute_list', 'disputes')},
           jsonb_array_elements(l.items) WITH ORDINALITY AS d(value, n)
         WHERE ($1::text IS NULL OR sa.story_id = $1)
           AND ($2::text IS NULL OR d.value->'positions' @> jsonb_build_array(jsonb_build_object('article', $2::text)))
           AND ($3::text IS NULL OR d.value->>'kind' = $3)
         ORDER BY s.seq, l.part, d.n LIMIT $4 OFFSET $5`,
        [
          filter.story ?? null,
          filter.article ?? null,
          filter.kind ?? null,
          page.limit,
          page.offset,
        ],
      )
      return { items: rows.map((row) => row.d), total: Number(rows[0]?.total ?? 0) }
    },
    async quotes(filter, page) {
      const story =
        filter.story ??
        (filter.article === undefined ? undefined : await store.storyOf(filter.article)) ??
        (filter.cluster === undefined ? undefined : filter.cluster.split('#')[0])
      const { rows } = await db.query<{ q: StoredQuote; total: string }>(
        `SELECT q.value AS q, count(*) OVER () AS total
         FROM story_analyses sa JOIN stories s ON s.id = sa.story_id, ${listOf('quotes_list', 'quotes')},
           jsonb_array_elements(l.items) WITH ORDINALITY AS q(value, n)
         WHERE ($1::text IS NULL OR sa.story_id = $1)
           AND ($2::text IS NULL OR q.value->>'article' = $2)
           AND (CASE WHEN $3::text IS NULL THEN q.value->>'kind' <> 'term' ELSE q.value->>'kind' = $3 END)
           AND ($4::text[] IS NULL OR q.value->'speaker'->>'id' = ANY($4::text[]))
           AND ($5::text IS NULL OR strpos(lower(q.value->>'text'), lower($5)) > 0)
           AND ($6::text IS NULL OR q.value->'clusters' ? $6)
         ORDER BY (q.value->>'rank')::int, s.seq, l.part, q.n LIMIT $7 OFFSET $8`,
        [
          story ?? null,
          filter.article ?? null,
          filter.kind ?? null,
          filter.speakers ? [...filter.speakers] : null,
          filter.contains ?? null,
          filter.cluster ?? null,
          page.limit,
          page.offset,
        ],
      )
      return { items: rows.map((row) => row.q), total: Number(rows[0]?.total ?? 0) }
    },
    async speakers() {
      const merged = new Map<string, StorySpeaker>()
      // In pages of stories, merged as they come: only the merged list is kept.
      for (let after = 0, more = true; more; ) {
        const { rows } = await db.query<{ seq: string; speakers: StorySpeaker[] }>(
          `SELECT s.seq, sa.speakers FROM story_analyses sa JOIN stories s ON s.id = sa.story_id
           WHERE s.seq > $1 ORDER BY s.seq LIMIT ${REPLAY_PAGE}`,
          [after],
        )
        for (const row of rows) {
          after = Number(row.seq)
          for (const speaker of row.speakers) {
            const seen = merged.get(speaker.id)
            if (!seen) {
              merged.set(speaker.id, speaker)
              continue
            }
            for (const alias of speaker.aliases)
              if (!seen.aliases.includes(alias)) seen.aliases.push(alias)
            for (const role of speaker.roles) if (!seen.roles.includes(role)) seen.roles.push(role)
            seen.articles.push(...speaker.articles)
          }
        }
        more = rows.length === REPLAY_PAGE
      }
      return [...merged.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    },
    async sources(page) {
      const { rows } = await db.query<{
        id: string
        title: string | null
        outlet: string | null
        published: string | null
        label: string
        story_id: string
      }>(
        // The page of articles first: the JSON of only those is read, each parsed once for
        // its three fields (each -> of a json value parses it whole).
        `SELECT a.id, h.title->>'value' AS title, h.outlet->>'value' AS outlet,
           h.published->>'value' AS published, an.profile->>'label' AS label, m.story_id
         FROM (SELECT seq, id FROM articles WHERE NOT pending ORDER BY seq LIMIT $1 OFFSET $2) a
         JOIN analyses an ON an.article_id = a.id JOIN story_members m ON m.article_id = a.id
         CROSS JOIN LATERAL json_to_record(an.article) AS h(title json, outlet json, published json)
         ORDER BY a.seq`,
        [page.limit, page.offset],
      )
      const ids = rows.map((row) => row.id)
      const { rows: quoteRows } = await db.query<{ article_id: string; n: string }>(
        `SELECT article_id, count(*) AS n FROM passages
         WHERE kind = 'quote' AND article_id = ANY($1::text[]) GROUP BY article_id`,
        [ids],
      )
      const quotes = new Map(quoteRows.map((row) => [row.article_id, Number(row.n)]))
      const { rows: disputeRows } = await db.query<{ article: string; n: string }>(
        `SELECT p.article, count(DISTINCT d.n) AS n
         FROM story_analyses sa, ${listOf('dispute_list', 'disputes')},
           jsonb_array_elements(l.items) WITH ORDINALITY AS d(value, n),
           jsonb_to_recordset(d.value->'positions') AS p(article text)
         WHERE sa.story_id = ANY($2::text[]) AND p.article = ANY($1::text[])
         GROUP BY sa.story_id, p.article`,
        [ids, [...new Set(rows.map((row) => row.story_id))]],
      )
      const disputes = new Map<string, number>()
      for (const row of disputeRows)
        disputes.set(row.article, (disputes.get(row.article) ?? 0) + Number(row.n))
      return {
        items: rows.map((row) => ({
          id: row.id,
          title: row.title,
          outlet: row.outlet,
          label: row.label,
          published: row.published,
          story: row.story_id,
          quotes: quotes.get(row.id) ?? 0,
          disputes: disputes.get(row.id) ?? 0,
        })),
        total: await store.count(),
      }
    },
    async labels(ids) {
      const { rows } = await db.query<{ id: string; label: string; outlet: string | null }>(
        `SELECT article_id AS id, profile->>'label' AS label, profile->>'outlet' AS outlet
         FROM analyses WHERE article_id = ANY($1::text[])`,
        [[...ids]],
      )
      return new Map(rows.map((row) => [row.id, { label: row.label, outlet: row.outlet }]))
    },
    async quotedIn(name) {
      // ILIKE among the distinct speakers' names (through their trigram index when the engine
      // has pg_trgm), then their quotes by the speaker's btree: a scan of every passage took
      // seconds on a cold store of 10,000 articles.
      const pattern = `%${name.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`
      const { rows } = await db.query<{ article_id: string }>(
        `SELECT DISTINCT article_id FROM passages p
         WHERE speaker = ANY(ARRAY(SELECT name FROM speaker_names WHERE name ILIKE $1))
           AND kind = 'quote'
           AND NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = p.article_id AND a.pending)`,
        [pattern],
      )
      return new Set(rows.map((row) => row.article_id))
    },
    async totals() {
      // Kept by the schema's triggers as stories are written (migration 7): one row to read.
      const { rows } = await db.query<{
        articles: string
        stories: string
        quotes: string
        claims: string
        clusters: string
        speakers: string
        dispute_kinds: Partial<Record<DisputeKind, number>>
      }>(
        'SELECT articles, stories, quotes, claims, clusters, speakers, dispute_kinds FROM corpus_totals',
      )
      const row = rows[0]
      const disputesByKind = Object.fromEntries(
        DISPUTE_KINDS.map((kind) => [kind, Number(row?.dispute_kinds[kind] ?? 0)]),
      ) as Record<DisputeKind, number>
      return {
        articles: Number(row?.articles ?? 0),
        stories: Number(row?.stories ?? 0),
        quotes: Number(row?.quotes ?? 0),
        speakers: Number(row?.speakers ?? 0),
        claims: Number(row?.claims ?? 0),
        clusters: Number(row?.clusters ?? 0),
        disputes: Object.values(disputesByKind).reduce((sum, n) => sum + n, 0),
        disputesByKind,
      }
    },
    async version() {
      const { rows } = await db.query<{ last: string | null; analysed: string | null }>(
        `SELECT (SELECT max(seq) FROM articles WHERE NOT pending) AS last,
           (SELECT max(analysed_at)::text FROM story_analyses) AS analysed`,
      )
      return `${rows[0]?.last ?? 0}:${rows[0]?.analysed ?? ''}`
    },
    async analysis() {
      const { rows } = await db.query<{ n: string; last: string | null }>(
        'SELECT count(*) AS n, max(seq) AS last FROM articles WHERE NOT pending',
      )
      const key = `${rows[0]?.n}:${rows[0]?.last}`
      if (state.cache.whole?.key === key) return state.cache.whole.value
      const stored = await loadRows('', [])
      // Each article's stored quotes and claims, not extracted again (their messages are not stored).
      const analyses = stored.map((row) => ({
        article: row.id,
        quotes: { quotes: row.quotes, speakers: row.speakers, messages: [] },
        claims: { claims: row.claims, messages: [] },
      }))
      const value = crossReference(
        stored.map((row) => row.article),
        { ...storyOptions, stories: await store.stories(), analyses },
      )
      state.cache.whole = { key, value }
      return value
    },
    async articles() {
      return (await loadRows('', [])).map((row) => row.article)
    },
    async close() {
      await saveStoryIndex(state, 1)
      await db.close()
      await unlock()
    },
  }
  return store
}
