import type { StoryIndexOptions } from '@corroborate/core'
import {
  analysedSize,
  disputes,
  quotes,
  speakers,
  staleStories,
  storyCounts,
} from './analyses/lists.js'
import { saveStoryAnalysis } from './analyses/save-story-analysis.js'
import { storyAnalysis } from './analyses/story-analysis.js'
import { storyInput, storyPieces } from './analyses/story-input.js'
import { wholeAnalysis } from './analyses/whole-analysis.js'
import { ANALYSIS_VERSION } from './analysis-version.js'
import { snapshotPath } from './index-snapshot.js'
import { enableTrigrams, migrate } from './migrations.js'
import { lockDataDir } from './open/lock-data-dir.js'
import { staleOlderAnalyses } from './open/older-analyses.js'
import { prepareArticle } from './prepare-article.js'
import { openPglite, openPostgres, type Queryable } from './queryable.js'
import {
  allArticles,
  countArticles,
  getArticle,
  labels,
  listArticles,
  stories,
  storyOf,
} from './reads/articles.js'
import { quotedIn, search } from './reads/search.js'
import { sources } from './reads/sources.js'
import { storeVersion, totals } from './reads/totals.js'
import { warm } from './restore-index/catch-up.js'
import { saveStoryIndex } from './restore-index/saved-index.js'
import { emptyQueue, type StoreState } from './store-state.js'
import type { Store } from './types.js'
import { addPrepared } from './writes/add-article.js'
import { addPreparedBatch } from './writes/add-batch.js'
import { rehearseAdd } from './writes/rehearse-add.js'
import { removeHalfWritten } from './writes/remove-pending.js'

/** Where the store lives: a PGlite data directory, PGlite in memory, or a PostgreSQL server. */
export type StoreLocation = { dataDir: string } | { memory: true } | { url: string }

/** Options of {@link openStore}. */
export interface OpenStoreOptions {
  /** Story grouping thresholds, as `createStoryIndex` takes them. */
  stories?: StoryIndexOptions
  /**
   * The analysis version stored articles must have; older ones are analysed
   * again when read, and their stories are stale from the open on. Default
   * {@link ANALYSIS_VERSION} (the installed core's); tests set it. On that
   * scale since schema 8: core 0.0.0 at store revision 1 is 999,001 (it was 1),
   * so a value counted from 1 is older than every stored analysis.
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

/**
 * Opens a store, creating its schema (or migrating an older one) first.
 * Engines: `{ dataDir }` PGlite on disk (one process at a time), `{ memory: true }`
 * PGlite in memory (gone at close), `{ url }` a PostgreSQL server (any number of processes).
 * @throws CorroborateError when the store cannot be opened as it is (open in another
 *   process, a data directory this user cannot write, a schema newer than this build knows).
 */
export async function openStore(
  location: StoreLocation,
  options: OpenStoreOptions = {},
): Promise<Store> {
  const log = options.log ?? (() => {})
  const analysisVersion = options.analysisVersion ?? ANALYSIS_VERSION
  const { db, unlock, savedIndex } = await connect(location)
  let trigrams = false
  try {
    const before = await migrate(db, log)
    if (before === 0) log('created the store')
    trigrams = await enableTrigrams(db)
    // A write too (stories made stale): if it fails (a read-only role, a serialization
    // failure), the database is closed and the data directory let go like a failed migration.
    await staleOlderAnalyses(db, analysisVersion, log)
  } catch (error) {
    await db.close().catch(() => {})
    await unlock()
    throw error
  }
  const state: StoreState = {
    db,
    unlock,
    trigrams,
    log,
    analysisVersion,
    storyOptions: options.stories ?? {},
    sliceChars: options.slices?.chars ?? 65_536,
    sliceMs: options.slices?.ms ?? 15,
    sliced: db.engine === 'pglite',
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
    cache: { whole: null, perStory: new Map() },
  }
  if (state.sliced) await removeHalfWritten(state)
  return storeOver(state)
}

/**
 * The connection to the store's database, and for PGlite on disk the data
 * directory's lock (let go if the database does not open) and where the
 * story index is saved: a store on disk in this process alone keeps it there
 * between runs.
 */
async function connect(location: StoreLocation): Promise<{
  db: Queryable
  unlock: () => Promise<void>
  savedIndex: string | null
}> {
  if ('url' in location)
    return { db: await openPostgres(location.url), unlock: async () => {}, savedIndex: null }
  const dataDir = 'dataDir' in location ? location.dataDir : null
  let unlock: () => Promise<void> = async () => {}
  let savedIndex: string | null = null
  if (dataDir !== null) {
    unlock = await lockDataDir(dataDir)
    savedIndex = snapshotPath(dataDir)
  }
  try {
    return { db: await openPglite(dataDir), unlock, savedIndex }
  } catch (error) {
    await unlock()
    throw error
  }
}

/** The {@link Store} of an open store's state: each method one of its parts. */
function storeOver(state: StoreState): Store {
  return {
    engine: state.db.engine,
    get trigrams() {
      return state.trigrams
    },
    addArticle: async (source) => addPrepared(state, prepareArticle(source)),
    addPrepared: (prepared) => addPrepared(state, prepared),
    addPreparedBatch: (prepared) => addPreparedBatch(state, prepared),
    getArticle: (id) => getArticle(state, id),
    listArticles: (options) => listArticles(state, options),
    count: () => countArticles(state.db),
    stories: () => stories(state),
    storyOf: (article) => storyOf(state, article),
    search: (query, options) => search(state, query, options),
    storyAnalysis: (story) => storyAnalysis(state, story),
    warm: () => warm(state),
    rehearseAdd: () => rehearseAdd(state),
    staleStories: () => staleStories(state),
    analysedSize: (story) => analysedSize(state, story),
    storyInput: (story) => storyInput(state, story),
    storyPieces: (story) => storyPieces(state, story),
    saveStoryAnalysis: (made) => saveStoryAnalysis(state, made),
    storyCounts: () => storyCounts(state),
    disputes: (filter, page) => disputes(state, filter, page),
    quotes: (filter, page) => quotes(state, filter, page),
    speakers: () => speakers(state),
    sources: (page) => sources(state, page),
    labels: (ids) => labels(state, ids),
    quotedIn: (name) => quotedIn(state, name),
    totals: () => totals(state),
    version: () => storeVersion(state),
    analysis: () => wholeAnalysis(state),
    articles: () => allArticles(state),
    async close() {
      await saveStoryIndex(state, 1)
      await state.db.close()
      await state.unlock()
    },
  }
}
