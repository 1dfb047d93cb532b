import type {
  Article,
  ArticleProfile,
  ArticleSource,
  Claim,
  CorroborateError,
  CrossReference,
  Dispute,
  DisputeKind,
  Quote,
  Speaker,
  Story,
} from '@corroborate/core'
import type { StoredQuote, StoryAnalysis, StorySpeaker } from './analyse-story.js'
import type { PreparedArticle, SerializedArticle } from './prepare-article.js'

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
  /**
   * As {@link Store.addPrepared} for each article in turn, the ordinary ones
   * in one transaction (a kill leaves all of them or none; a large one, written
   * in slices, goes alone): what `ingest` writes with. Each article's answer in
   * order: its result (without `article`), or the `CorroborateError` it was
   * refused with (`DUPLICATE_ID`); any other error is thrown.
   */
  addPreparedBatch(
    prepared: readonly (PreparedArticle | SerializedArticle)[],
  ): Promise<Array<AddResult | CorroborateError>>
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
   * name is like it (trigram similarity with pg_trgm, else the same name in any
   * case), above the others and the more alike the higher; best first, paged.
   * Ranked among the first 500 passages the words match and the first 500
   * quotes of the names most like the query.
   */
  search(query: string, options?: PageOptions): Promise<Page<StoreSearchHit>>
  /**
   * The cross-reference of one story, ids scoped by the story (see
   * `scopeIds`): as stored when it is of the story's current revision, else
   * computed here and stored. Cached until an article joins the story.
   */
  storyAnalysis(story: string): Promise<CrossReference>
  /**
   * Restores the story index from the stored memberships now, in pages that
   * leave the event loop free between them, so that the next add does not
   * wait for it. Adds call it themselves; a server calls it after opening.
   */
  warm(): Promise<void>
  /**
   * Runs once what an add runs in the database, so that the first add of the process does
   * not wait for it to be compiled: with PGlite, a stored article's rows and its story's
   * analysis written again into an empty copy of the tables and rolled back, and the story's
   * input read (nothing the store holds changes; a read waits for each of its statements);
   * first, the word index's pending list left by an earlier run is emptied. False when there was nothing to rehearse with, or no need (a PostgreSQL server).
   */
  rehearseAdd(): Promise<boolean>
  /** Stories whose stored analysis is missing or older than the story, in the order they started. */
  staleStories(): Promise<string[]>
  /**
   * The non-term quotes and the claims of a story's stored analysis, of whichever revision
   * is stored (undefined when it was never analysed), from one row: about how much the
   * story's next cross-reference reads, computes and writes, known without reading it.
   */
  analysedSize(story: string): Promise<{ quotes: number; claims: number } | undefined>
  /**
   * What {@link analyseStory} needs of one story: the story, its revision and
   * its articles as JSON text (the main thread does not parse them), in story order.
   */
  storyInput(story: string): Promise<StoryInput | undefined>
  /**
   * {@link Store.storyInput} with each text in the pieces the store keeps it in (a large
   * article's in pieces of about `slices.chars`), not joined: what a caller hands to a
   * worker thread a piece at a time, so that no turn of its event loop copies megabytes
   * (each text's pieces joined, `pieces.join('')`, give {@link Store.storyInput}'s).
   */
  storyPieces(story: string): Promise<StoryPieces | undefined>
  /**
   * Keeps an analysis made from {@link Store.storyInput} (in a worker thread).
   * Not kept, and false, when the story changed since.
   */
  saveStoryAnalysis(analysis: StoryAnalysis): Promise<boolean>
  /** Shared statements and disputes of each analysed story (stories not analysed yet are absent). */
  storyCounts(): Promise<Map<string, { clusters: number; disputes: number }>>
  /**
   * Disputes of the analysed stories, in story order then as found; each story's
   * own (no attribution across stories is sought in a store).
   */
  disputes(filter: DisputeFilter, page: Window): Promise<{ items: Dispute[]; total: number }>
  /** Quotes of the analysed stories, by {@link StoredQuote.rank}, then story and article order. */
  quotes(filter: QuoteFilter, page: Window): Promise<{ items: StoredQuote[]; total: number }>
  /** Speakers of the analysed stories, merged by id across stories. */
  speakers(): Promise<StorySpeaker[]>
  /** Articles in the order added, with their title and counts, a window of them. */
  sources(page: Window): Promise<{ items: SourceSummary[]; total: number }>
  /** The label and outlet of each of these articles. */
  labels(ids: readonly string[]): Promise<Map<string, { label: string; outlet: string | null }>>
  /** Articles with a quote whose speaker's name holds `name` (case and accents aside). */
  quotedIn(name: string): Promise<Set<string>>
  /**
   * Counts over the store: articles and stories; quotes (non-term), claims,
   * shared statements, disputes by kind and distinct speakers of the analysed stories.
   */
  totals(): Promise<StoreTotals>
  /** Changes whenever an article is added or a story analysed, by any process: a cache key. */
  version(): Promise<string>
  /** The cross-reference of the whole store, cached until the next add. */
  analysis(): Promise<CrossReference>
  /** Every stored article, normalized, in the order added. Loads them all. */
  articles(): Promise<Article[]>
  close(): Promise<void>
}

/** A window of a list: where it starts and how many items. */
export interface Window {
  offset: number
  limit: number
}

/** Filters of {@link Store.disputes}; each given one must hold. */
export interface DisputeFilter {
  story?: string
  article?: string
  kind?: string
}

/** Filters of {@link Store.quotes}; each given one must hold. */
export interface QuoteFilter {
  story?: string
  article?: string
  /** A quote kind; default every kind but terms. */
  kind?: string
  /** Any of these speaker ids. */
  speakers?: readonly string[]
  /** Text the quote holds, case aside. */
  contains?: string
  cluster?: string
}

/** One line of {@link Store.sources}. */
export interface SourceSummary {
  id: string
  title: string | null
  outlet: string | null
  label: string
  published: string | null
  story: string
  /** Non-term quotes. */
  quotes: number
  /** Disputes of its story's analysis with a position in it. */
  disputes: number
}

/** See {@link Store.totals}. */
export interface StoreTotals {
  articles: number
  stories: number
  quotes: number
  speakers: number
  claims: number
  clusters: number
  disputes: number
  /** Every kind of dispute, 0 where there is none. */
  disputesByKind: Record<DisputeKind, number>
}

/** See {@link Store.storyInput}. */
export interface StoryInput {
  story: Story
  revision: string
  articles: string[]
  /**
   * Each article's stored analysis as JSON text, in the same order:
   * `{ quotes, speakers, claims }` as `extractQuotes` and `extractClaims` gave them.
   */
  analyses: string[]
}

/** See {@link Store.storyPieces}: a {@link StoryInput} whose texts are each in pieces, in order. */
export interface StoryPieces {
  story: Story
  revision: string
  articles: string[][]
  analyses: string[][]
}
