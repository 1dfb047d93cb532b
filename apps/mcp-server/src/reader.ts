import {
  type Article,
  articleLabel,
  type Corpus,
  type CrossReference,
  DISPUTE_KINDS,
  type Dispute,
  type DisputeKind,
  matchesSpeaker,
  type Quote,
  type SearchHit,
  type Speaker,
  type Story,
  sortQuotesByWeight,
  textMatches,
} from '@corroborate/core'
import {
  countPerStory,
  type DisputeFilter,
  type QuoteFilter,
  type StoreTotals,
  speakersWithArticles,
} from '@corroborate/store'
import { prepareSearch } from './snapshot-corpus.js'

/** A window of a list: where it starts and how many items. */
export interface Window {
  offset: number
  limit: number
}

/** Some items of a list, and how many the whole list holds. */
export interface Slice<T> {
  items: T[]
  total: number
}

/** A quote as the tools list it: with the clusters it is in. */
export type ListedQuote = Quote & { clusters: string[] }

/** A speaker with how many non-term quotes each article gives them. */
export type CountedSpeaker = Speaker & { articles: Array<{ article: string; quotes: number }> }

/** One article as `list_sources` shows it. */
export interface SourceRow {
  id: string
  outlet: string | null
  title: string | null
  label: string
  date: string | null
  quotes: number
  disputes: number
  story: string
}

/** Filters of {@link CorpusReader.quotes}: the store's, one declaration for both readers. */
export type QuoteQuery = QuoteFilter

/** Filters of {@link CorpusReader.disputes}: the store's. */
export type DisputeQuery = DisputeFilter

/** Counts of what the corpus holds (the `corroborate://corpus` resource, `add_article`): the store's. */
export type CorpusCounts = StoreTotals

/**
 * What the tools read, whatever holds the articles: the in-memory corpus of
 * this run ({@link memoryReader}) or a lasting store (`storeReader`), which
 * answers from SQL and from each story's stored cross-reference without
 * loading the corpus. Lists come as windows of a total, best first as each
 * tool orders them.
 */
export interface CorpusReader {
  count(): Promise<number>
  get(id: string): Promise<Article | undefined>
  /** Every article id, in the order added. */
  ids(): Promise<string[]>
  stories(): Promise<Story[]>
  storyOf(article: string): Promise<string | undefined>
  /** Shared statements and disputes per story. */
  storyCounts(): Promise<Map<string, { clusters: number; disputes: number }>>
  /** Label (at most `maxLength` characters) and outlet of each of these articles. */
  labels(
    ids: readonly string[],
    maxLength: number,
  ): Promise<Map<string, { label: string; outlet: string | null }>>
  /** Articles quoting someone whose name, alias or role holds `person`. */
  quotedIn(person: string): Promise<Set<string>>
  sources(window: Window): Promise<Slice<SourceRow>>
  /**
   * The cross-reference that holds this story (a store: that story's alone;
   * in memory: the whole corpus's). Undefined story: the whole corpus's in
   * memory, the largest story's of the given articles (or of all) in a store.
   */
  analysisOf(story: string | undefined, articles?: readonly string[]): Promise<CrossReference>
  disputes(query: DisputeQuery, window: Window): Promise<Slice<Dispute>>
  quotes(query: QuoteQuery, window: Window): Promise<Slice<ListedQuote>>
  /** Every speaker, with their quotes per article. */
  speakers(): Promise<CountedSpeaker[]>
  search(query: string, window: Window): Promise<Slice<SearchHit>>
  counts(): Promise<CorpusCounts>
  /** Changes whenever what the reader answers may change: a cache key. */
  version(): Promise<unknown>
}

const slice = <T>(all: readonly T[], window: Window): Slice<T> => ({
  items: all.slice(window.offset, window.offset + window.limit),
  total: all.length,
})

/** Counts of one cross-reference, as {@link CorpusCounts} gives them. */
export function countAnalysis(
  analysis: CrossReference,
): Omit<CorpusCounts, 'articles' | 'stories'> {
  const disputesByKind = Object.fromEntries(DISPUTE_KINDS.map((kind) => [kind, 0])) as Record<
    DisputeKind,
    number
  >
  for (const dispute of analysis.disputes) disputesByKind[dispute.kind] += 1
  return {
    quotes: analysis.quotes.filter((q) => q.kind !== 'term').length,
    speakers: analysis.speakers.length,
    claims: analysis.claims.length,
    clusters: analysis.clusters.filter((c) => c.articles.length >= 2).length,
    disputes: analysis.disputes.length,
    disputesByKind,
  }
}

/**
 * A reader over an in-memory corpus (`--data :memory:`, `--corpus` alone,
 * tests): every list is cut from the whole corpus's cross-reference, ids
 * numbered across the corpus. `corpus` is read at each call: the corpus as of
 * the last finished add.
 */
export function memoryReader(corpus: () => Corpus): CorpusReader {
  const clusterIndex = clusterIndexCache()
  return {
    count: async () => corpus().articles.length,
    get: async (id) => corpus().get(id),
    ids: async () => corpus().articles.map((a) => a.id),
    stories: async () => corpus().stories(),
    storyOf: async (id) => corpus().storyOf(id),
    storyCounts: async () => countPerStory(corpus().analysis()),
    labels: async (ids, maxLength) => labelsOf(corpus(), ids, maxLength),
    quotedIn: async (person) => articlesQuoting(corpus().analysis(), person),
    sources: async (window) => sourceRows(corpus(), window),
    analysisOf: async () => corpus().analysis(),
    disputes: async (query, window) => slice(disputesMatching(corpus(), query), window),
    quotes: async (query, window) => quotesMatching(corpus(), clusterIndex, query, window),
    async speakers() {
      return speakersWithArticles(corpus().analysis())
    },
    async search(query, window) {
      const now = corpus()
      await prepareSearch(now)
      return slice(now.search(query), window)
    },
    async counts() {
      const now = corpus()
      return {
        articles: now.articles.length,
        stories: now.stories().length,
        ...countAnalysis(now.analysis()),
      }
    },
    version: async () => corpus().analysis(),
  }
}

/** Quote id → the clusters it is in, built once per cross-reference (the corpus's until the next add). */
type ClusterIndex = (analysis: CrossReference) => Map<string, string[]>

function clusterIndexCache(): ClusterIndex {
  const clustersOf = new WeakMap<CrossReference, Map<string, string[]>>()
  return (analysis) => {
    let index = clustersOf.get(analysis)
    if (!index) {
      index = new Map()
      for (const c of analysis.clusters)
        for (const member of c.members)
          index.set(member.quote, [...(index.get(member.quote) ?? []), c.id])
      clustersOf.set(analysis, index)
    }
    return index
  }
}

function labelsOf(corpus: Corpus, ids: readonly string[], maxLength: number) {
  const labels = new Map<string, { label: string; outlet: string | null }>()
  for (const id of ids) {
    const article = corpus.get(id)
    if (article)
      labels.set(id, {
        label: articleLabel(article, { maxLength }) || id,
        outlet: article.outlet?.value ?? null,
      })
  }
  return labels
}

/** Ids of the articles quoting a speaker whose name, alias or role holds `person`. */
function articlesQuoting(analysis: CrossReference, person: string): Set<string> {
  const ids = new Set(analysis.speakers.filter((s) => matchesSpeaker(s, person)).map((s) => s.id))
  return new Set(
    analysis.quotes
      .filter((q) => q.speaker !== null && ids.has(q.speaker.id))
      .map((q) => q.article),
  )
}

function sourceRows(corpus: Corpus, window: Window): Slice<SourceRow> {
  const analysis = corpus.analysis()
  const quotes = new Map<string, number>()
  for (const quote of analysis.quotes)
    if (quote.kind !== 'term') quotes.set(quote.article, (quotes.get(quote.article) ?? 0) + 1)
  const disputes = new Map<string, number>()
  for (const dispute of analysis.disputes)
    for (const article of new Set(dispute.positions.map((p) => p.article)))
      disputes.set(article, (disputes.get(article) ?? 0) + 1)
  const chosen = slice(corpus.articles, window)
  return {
    total: chosen.total,
    items: chosen.items.map((article) => ({
      id: article.id,
      outlet: article.outlet?.value ?? null,
      title: article.title?.value ?? null,
      label: articleLabel(article),
      date: article.published?.value ?? null,
      quotes: quotes.get(article.id) ?? 0,
      disputes: disputes.get(article.id) ?? 0,
      story: corpus.storyOf(article.id) ?? '',
    })),
  }
}

function disputesMatching(corpus: Corpus, query: DisputeQuery): Dispute[] {
  const story =
    query.story === undefined ? undefined : corpus.stories().find((s) => s.id === query.story)
  const members = new Set(story?.articles)
  // A dispute concerns a story when it is in it, or one of its positions is
  // (an attribution across stories concerns both).
  return corpus
    .analysis()
    .disputes.filter(
      (d) =>
        (story === undefined ||
          d.story === story.id ||
          d.positions.some((p) => members.has(p.article))) &&
        (query.kind === undefined || d.kind === query.kind) &&
        (query.article === undefined || d.positions.some((p) => p.article === query.article)),
    )
}

/** The quotes matching every filter, heaviest first, each with its clusters. */
function quotesMatching(
  corpus: Corpus,
  clusterIndex: ClusterIndex,
  query: QuoteQuery,
  window: Window,
): Slice<ListedQuote> {
  const analysis = corpus.analysis()
  const index = clusterIndex(analysis)
  const members =
    query.story === undefined
      ? null
      : new Set(corpus.stories().find((s) => s.id === query.story)?.articles)
  const speakers = query.speakers === undefined ? null : new Set(query.speakers)
  const matching = analysis.quotes.filter(
    (q) =>
      (query.kind === undefined ? q.kind !== 'term' : q.kind === query.kind) &&
      (query.article === undefined || q.article === query.article) &&
      (members === null || members.has(q.article)) &&
      (speakers === null || (q.speaker !== null && speakers.has(q.speaker.id))) &&
      (query.contains === undefined || textMatches(q.text, query.contains)) &&
      (query.cluster === undefined || (index.get(q.id) ?? []).includes(query.cluster)),
  )
  const chosen = slice(sortQuotesByWeight(matching), window)
  return {
    total: chosen.total,
    items: chosen.items.map((q) => ({ ...q, clusters: index.get(q.id) ?? [] })),
  }
}
