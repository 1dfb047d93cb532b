import {
  type Article,
  type ArticleAnalysis,
  type Claim,
  type CrossReference,
  type CrossReferenceOptions,
  crossReference,
  type Dispute,
  isShortFragment,
  type Quote,
  type Speaker,
  type Story,
} from '@corroborate/core'
import { jsonBytes, jsonSlices } from './prepare-article.js'
import type { StoryInput, StoryPieces } from './types.js'

/** Characters of JSON per slice of a story's quotes or disputes as the store keeps them. */
export const LIST_SLICE = 32_000

/**
 * A quote of a story's cross-reference as the store lists it: the quote, its
 * speaker merged within the story, and the clusters it is in.
 */
export interface StoredQuote extends Quote {
  clusters: string[]
  /**
   * The order a list of quotes shows them in: 0 a full statement, 1 a
   * fragment, 2 a fragment of one or two words, 3 a term.
   */
  rank: number
}

/** See {@link StoredQuote.rank}: the order of the core's `sortQuotesByWeight`, as a number SQL sorts by. */
export function quoteRank(quote: Pick<Quote, 'kind' | 'text'>): number {
  if (quote.kind === 'statement') return 0
  if (quote.kind === 'term') return 3
  return isShortFragment(quote) ? 2 : 1
}

/** A speaker of one story, with how many non-term quotes each article gives them. */
export interface StorySpeaker extends Speaker {
  articles: Array<{ article: string; quotes: number }>
}

/**
 * One story's cross-reference as the store keeps it: computed from that
 * story's articles alone, so adding an article re-analyses its story only.
 * Every JSON column is serialized (the whole analysis to UTF-8 bytes, being
 * the largest), so that a worker thread does it and the writer passes them on.
 */
export interface StoryAnalysis {
  story: string
  /** The story's revision (one more per article joined) this analysis is of. */
  revision: string
  /** Shared statements: clusters of two or more articles. */
  clusters: number
  disputes: number
  /** Non-term quotes. */
  quotes: number
  claims: number
  /** Disputes by kind. */
  kinds: Record<string, number>
  json: {
    /** The whole {@link CrossReference}, story-scoped ids, as UTF-8 JSON. */
    analysis: Uint8Array
    /**
     * {@link StoredQuote}s, in article order, as JSON arrays of about
     * {@link LIST_SLICE} characters each (none for none): each is written by one short statement.
     */
    quotes: string[]
    /** Disputes, as in the analysis, in JSON arrays as `quotes`. */
    disputes: string[]
    /** {@link StorySpeaker}s, sorted by id. */
    speakers: string
  }
}

/**
 * The ids of one story's clusters, slots, disputes and agreements, scoped by
 * the story: `k0` of story `st-1a2b3c4d` is `st-1a2b3c4d#k0`, as a claim is
 * `article#c0`. An id then names one thing for as long as the story does not
 * change, whatever other stories are added; numbering across the corpus (what
 * the in-memory corpus does) would move every later story's ids at each add.
 */
export function scopeIds(analysis: CrossReference, story: string): CrossReference {
  const scope = (id: string) => `${story}#${id}`
  const link = <T extends { cluster: string | null; slot: string | null }>(item: T): T => ({
    ...item,
    cluster: item.cluster === null ? null : scope(item.cluster),
    slot: item.slot === null ? null : scope(item.slot),
  })
  const list = (ids: readonly string[]) => ids.map(scope)
  return {
    ...analysis,
    clusters: analysis.clusters.map((c) => ({ ...c, id: scope(c.id) })),
    slots: analysis.slots.map((s) => ({ ...s, id: scope(s.id) })),
    disputes: analysis.disputes.map((d) => ({ ...link(d), id: scope(d.id) })),
    agreements: analysis.agreements.map((a) => ({ ...link(a), id: scope(a.id) })),
    updates: analysis.updates.map((u) => ({ ...u, slot: scope(u.slot) })),
    coverage: analysis.coverage.map((c) => ({
      ...c,
      clusters: list(c.clusters),
      slots: list(c.slots),
      alone: { clusters: list(c.alone.clusters), slots: list(c.alone.slots) },
      missing: { clusters: list(c.missing.clusters), slots: list(c.missing.slots) },
    })),
  }
}

/**
 * What {@link analyseStory} reads: the story, its revision, and its articles
 * and their stored analyses (`{ quotes, speakers, claims }`) as JSON text, in
 * the story's order (`Store.storyInput` gives it).
 */
export interface StoryAnalysisInput {
  story: Story
  revision: string
  articles: readonly string[]
  analyses?: readonly string[]
}

/**
 * One article's stored analysis as {@link StoryAnalysisInput.analyses} holds it, from its
 * quotes, speakers and claims each already JSON text (as stored, or as `serializeArticle`
 * encoded them): joined as they are, not parsed again.
 */
export function storedAnalysisText(json: { quotes: string; speakers: string; claims: string }) {
  return storedAnalysisPieces({
    quotes: [json.quotes],
    speakers: [json.speakers],
    claims: [json.claims],
  }).join('')
}

/**
 * {@link storedAnalysisText} from its quotes, speakers and claims each in pieces (as the
 * store keeps a large article's), as pieces: joined, the same text.
 */
export function storedAnalysisPieces(json: {
  quotes: readonly string[]
  speakers: readonly string[]
  claims: readonly string[]
}): string[] {
  return [
    '{"quotes":',
    ...json.quotes,
    ',"speakers":',
    ...json.speakers,
    ',"claims":',
    ...json.claims,
    '}',
  ]
}

/** A story's input in pieces (`Store.storyPieces`) joined: what {@link analyseStory} reads. */
export function joinStoryPieces(pieces: StoryPieces): StoryInput {
  return {
    story: pieces.story,
    revision: pieces.revision,
    articles: pieces.articles.map((texts) => texts.join('')),
    analyses: pieces.analyses.map((texts) => texts.join('')),
  }
}

/**
 * Each story of a cross-reference with its count of shared statements
 * (clusters quoted by two or more articles) and of disputes, a dispute counted
 * once in each story its positions' articles or its own story belong to: what
 * `storyCounts` answers, over a store or an in-memory corpus alike.
 */
export function countPerStory(
  analysis: Pick<CrossReference, 'stories' | 'clusters' | 'disputes'>,
): Map<string, { clusters: number; disputes: number }> {
  const counts = new Map(analysis.stories.map((s) => [s.id, { clusters: 0, disputes: 0 }]))
  const storyOf = new Map<string, string>()
  for (const story of analysis.stories) for (const id of story.articles) storyOf.set(id, story.id)
  for (const cluster of analysis.clusters) {
    const entry = cluster.story === undefined ? undefined : counts.get(cluster.story)
    if (entry && cluster.articles.length >= 2) entry.clusters++
  }
  for (const dispute of analysis.disputes) {
    const stories = new Set(dispute.positions.map((p) => storyOf.get(p.article)))
    if (dispute.story !== undefined) stories.add(dispute.story)
    for (const id of stories) {
      const entry = id === undefined ? undefined : counts.get(id)
      if (entry) entry.disputes++
    }
  }
  return counts
}

/**
 * Each speaker of a cross-reference with the articles that quote them and how
 * often (terms and unattributed quotes aside): what `get_speakers` lists, over a
 * store's story or an in-memory corpus alike.
 */
export function speakersWithArticles(
  analysis: Pick<CrossReference, 'quotes' | 'speakers'>,
): StorySpeaker[] {
  const counts = new Map<string, Map<string, number>>()
  for (const quote of analysis.quotes) {
    if (quote.kind === 'term' || quote.speaker === null) continue
    const perArticle = counts.get(quote.speaker.id) ?? new Map<string, number>()
    perArticle.set(quote.article, (perArticle.get(quote.article) ?? 0) + 1)
    counts.set(quote.speaker.id, perArticle)
  }
  return analysis.speakers.map((s) => ({
    ...s,
    articles: [...(counts.get(s.id) ?? [])].map(([article, n]) => ({ article, quotes: n })),
  }))
}

/**
 * Cross-references one story's articles and shapes what the store keeps of
 * it. Each article's quotes and claims are the stored ones (the core's
 * `crossReference` with `analyses`), not extracted again; their messages are
 * not stored, so the analysis's `messages` hold none of them. CPU only; runs in
 * a worker thread.
 */
export function analyseStory(
  input: StoryAnalysisInput,
  options: CrossReferenceOptions = {},
): StoryAnalysis {
  const { story, revision } = input
  const articles = input.articles.map((text) => JSON.parse(text) as Article)
  const analyses: ArticleAnalysis[] = (input.analyses ?? []).map((text, i) => {
    const stored = JSON.parse(text) as { quotes: Quote[]; speakers: Speaker[]; claims: Claim[] }
    return {
      article: (articles[i] as Article).id,
      quotes: { quotes: stored.quotes, speakers: stored.speakers, messages: [] },
      claims: { claims: stored.claims, messages: [] },
    }
  })
  const analysis = scopeIds(
    crossReference(articles, { ...options, stories: [story], analyses }),
    story.id,
  )
  const clustersOf = new Map<string, string[]>()
  for (const cluster of analysis.clusters)
    for (const member of cluster.members)
      clustersOf.set(member.quote, [...(clustersOf.get(member.quote) ?? []), cluster.id])
  const quotes: StoredQuote[] = analysis.quotes.map((q) => ({
    ...q,
    clusters: clustersOf.get(q.id) ?? [],
    rank: quoteRank(q),
  }))
  const speakers = speakersWithArticles(analysis)
  const disputes: Dispute[] = analysis.disputes
  const kinds: Record<string, number> = {}
  for (const dispute of disputes) kinds[dispute.kind] = (kinds[dispute.kind] ?? 0) + 1
  return {
    story: story.id,
    revision,
    clusters: analysis.clusters.filter((c) => c.articles.length >= 2).length,
    disputes: disputes.length,
    quotes: analysis.quotes.filter((q) => q.kind !== 'term').length,
    claims: analysis.claims.length,
    kinds,
    json: {
      analysis: jsonBytes(analysis),
      quotes: jsonSlices(quotes, LIST_SLICE),
      disputes: jsonSlices(disputes, LIST_SLICE),
      speakers: JSON.stringify(speakers),
    },
  }
}
