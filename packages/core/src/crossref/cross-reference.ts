import type { SentenceMemo } from '../claims/extract-claims.js'
import { resolveSpeakers } from '../entities/index.js'
import { CorroborateError } from '../errors.js'
import {
  type ArticleProfile,
  createTermMemo,
  profileArticleReading,
} from '../stories/article-profile.js'
import { createStoryIndex, type StoryIndexOptions } from '../stories/index.js'
import type {
  Article,
  ArticleCoverage,
  ArticleMessage,
  Claim,
  ClaimSlot,
  Corroboration,
  Dispute,
  Quote,
  QuoteCluster,
  Speaker,
  Story,
} from '../types.js'
import { type AlignClaimsOptions, alignClaims } from './align-claims.js'
import { type ArticleAnalysis, analyzeArticleReading, isAnalysisOf } from './analyze-article.js'
import { type ClusterQuotesOptions, clusterQuotes } from './cluster-quotes.js'
import { measureCoverage } from './coverage.js'
import { findCrossStoryAttributions } from './cross-story-attributions.js'
import { type FactUpdate, findDisputes } from './find-disputes.js'
import { withWordMemo } from './word-tokens.js'

/** Options of {@link crossReference}. */
export interface CrossReferenceOptions
  extends ClusterQuotesOptions,
    AlignClaimsOptions,
    StoryIndexOptions {
  /**
   * The stories the articles are already in (from a `StoryIndex` kept as they
   * were added), so that they are not grouped again. Each article must be in
   * exactly one of them; stories' articles not given are left out.
   */
  stories?: readonly Story[]
  /**
   * Analyses made beforehand (`analyzeArticle`, by the same version of the core),
   * by article id or as a list: those articles are not read again. Articles without
   * one are analysed here; analyses of articles not given are ignored.
   */
  analyses?: ReadonlyMap<string, ArticleAnalysis> | readonly ArticleAnalysis[]
}

/** A message about one article of the corpus. */
export interface CorpusMessage extends ArticleMessage {
  article: string
}

/** Everything the corpus says, who says it, and where the articles meet and part. */
export interface CrossReference {
  /** Article ids in the order given. */
  articles: string[]
  /**
   * The articles grouped by the event they report, in the order the stories
   * start; clusters, slots, disputes, agreements and coverage are each within one.
   */
  stories: Story[]
  /** Speakers merged across articles, sorted by id. */
  speakers: Speaker[]
  /** Every quote of every article, in article order, speakers merged. */
  quotes: Quote[]
  claims: Claim[]
  clusters: QuoteCluster[]
  slots: ClaimSlot[]
  agreements: Corroboration[]
  disputes: Dispute[]
  /**
   * Fact slots whose values differ because a later report updates the figure
   * ("the death toll has risen to 130"), with both values and days: never disputes.
   */
  updates: FactUpdate[]
  coverage: ArticleCoverage[]
  messages: CorpusMessage[]
}

/**
 * Cross-references a corpus: extracts each article's quotes and claims,
 * merges speakers across articles, groups the articles into stories (one
 * event each), and within each story groups the same statement into clusters
 * with word diffs, aligns claims into slots, and reports disputes
 * (attribution, wording, fact, contested), corroboration and coverage.
 * Clusters, slots, disputes and agreements are numbered across the corpus in
 * story order. Pure and deterministic for a given list of articles; grows near
 * linearly with the corpus, as candidates come from inverted indexes.
 * @throws CorroborateError `INVALID_ARGUMENT` when `articles` is not an array
 *   of articles, or `options.stories` is not stories that hold each article
 *   exactly once; `DUPLICATE_ID` when two articles share an id.
 */
export function crossReference(
  articles: readonly Article[],
  options: CrossReferenceOptions = {},
): CrossReference {
  return withWordMemo(() => {
    const ids = assertArticles(articles)
    // Checked before any article is read, so that a wrong option costs nothing.
    if (options.stories !== undefined) assertStories(options.stories)
    // The sentences read so far in this call: a sentence many articles carry (a wire
    // story retold) is read for its claims once. Dropped when the call returns.
    const sentences: SentenceMemo = new Map()
    const analyses = analysesOf(articles, givenAnalyses(options.analyses), sentences)
    const messages: CorpusMessage[] = []
    for (const { article, quotes } of analyses)
      for (const message of quotes.messages) messages.push({ ...message, article })
    for (const { article, claims } of analyses)
      for (const message of claims.messages) messages.push({ ...message, article })
    const { speakers, quotes } = resolveSpeakers(analyses.map((analysis) => analysis.quotes))
    const quotesOf = groupBy(quotes, (quote) => quote.article)
    const claimsOf = claimsWithMergedSpeakers(analyses, quotes)
    const claims = articles.flatMap((article) => claimsOf.get(article.id) ?? [])
    // As the sentences' claims: a sentence many articles carry is read for its terms once.
    const terms = createTermMemo()
    const stories = options.stories
      ? givenStories(options.stories, ids)
      : storiesOf(
          articles,
          (article) =>
            profileArticleReading(
              article,
              quotesOf.get(article.id) ?? [],
              claimsOf.get(article.id) ?? [],
              speakers,
              terms,
            ),
          options,
        )
    const result = storyResults(
      stories,
      { articles, speakers, quotesOf, claimsOf, claims },
      options,
    )
    // Across stories, one thing only: a long statement given to different named speakers.
    if (stories.length > 1)
      for (const dispute of findCrossStoryAttributions(quotes, speakers, stories))
        result.disputes.push({ ...dispute, id: `d${result.disputes.length}` })
    const order = new Map(articles.map((article, i) => [article.id, i]))
    result.coverage.sort((a, b) => (order.get(a.article) ?? 0) - (order.get(b.article) ?? 0))
    return {
      articles: articles.map((a) => a.id),
      stories,
      speakers,
      quotes,
      claims,
      ...result,
      messages,
    }
  })
}

/** The ids of `articles`, after checking each is an article and no id is given twice. */
function assertArticles(articles: readonly Article[]): Set<string> {
  if (!Array.isArray(articles))
    throw new CorroborateError(
      'INVALID_ARGUMENT',
      `crossReference expects an array of articles from normalizeArticle, got ${articles === null ? 'null' : typeof articles}`,
    )
  const ids = new Set<string>()
  for (const [index, article] of articles.entries()) {
    if (
      !article ||
      typeof article !== 'object' ||
      typeof article.id !== 'string' ||
      !Array.isArray(article.paragraphs)
    )
      throw new CorroborateError(
        'INVALID_ARGUMENT',
        `crossReference: item ${index} is not an article from normalizeArticle`,
      )
    if (ids.has(article.id))
      throw new CorroborateError(
        'DUPLICATE_ID',
        `crossReference: two articles have the id "${article.id}"; ids must be unique`,
        { subject: article.id },
      )
    ids.add(article.id)
  }
  return ids
}

/** Each article's analysis: the one given for it, checked to be of it, else read now. */
function analysesOf(
  articles: readonly Article[],
  given: ReadonlyMap<string, ArticleAnalysis>,
  sentences: SentenceMemo,
): ArticleAnalysis[] {
  return articles.map((article) => {
    const analysis = given.get(article.id)
    if (analysis === undefined) return analyzeArticleReading(article, sentences)
    if (!isAnalysisOf(analysis, article.id))
      throw new CorroborateError(
        'INVALID_ARGUMENT',
        `crossReference: the analysis given for article "${article.id}" is not one analyzeArticle made of it`,
        { subject: article.id },
      )
    return analysis
  })
}

/** Claims were read with each article's own speakers: they take the merged ones. By article. */
function claimsWithMergedSpeakers(
  analyses: readonly ArticleAnalysis[],
  quotes: readonly Quote[],
): Map<string, Claim[]> {
  const quoteById = new Map(quotes.map((quote) => [quote.id, quote]))
  const claimsOf = new Map<string, Claim[]>()
  for (const { article, claims } of analyses) {
    claimsOf.set(
      article,
      claims.claims.map((claim) => {
        if (claim.quote === null) return claim
        const speaker = quoteById.get(claim.quote)?.speaker
        return { ...claim, speaker: speaker ? { id: speaker.id, name: speaker.name } : null }
      }),
    )
  }
  return claimsOf
}

/** What the stories are read from: the corpus's articles, its merged speakers, and its quotes and claims by article. */
interface Corpus {
  articles: readonly Article[]
  speakers: Speaker[]
  quotesOf: ReadonlyMap<string, Quote[]>
  claimsOf: ReadonlyMap<string, Claim[]>
  claims: readonly Claim[]
}

/**
 * Within each story: the same statement, the same fact, and where they part.
 * Ids count across the corpus in story order, so that each names one thing.
 */
function storyResults(stories: readonly Story[], corpus: Corpus, options: CrossReferenceOptions) {
  const { articles, speakers, quotesOf, claimsOf, claims } = corpus
  const result = {
    clusters: [] as QuoteCluster[],
    slots: [] as ClaimSlot[],
    agreements: [] as Corroboration[],
    disputes: [] as Dispute[],
    updates: [] as FactUpdate[],
    coverage: [] as ArticleCoverage[],
  }
  const articleById = new Map(articles.map((article) => [article.id, article]))
  // A later article's different figure is an update, not a conflict: slots need the days.
  const published: Record<string, string | null> = {}
  for (const article of articles) published[article.id] = article.published?.value ?? null
  const claimArticle = new Map(claims.map((c) => [c.id, c.article]))
  for (const story of stories) {
    const storyArticles = story.articles.map((id) => articleById.get(id) as Article)
    const storyQuotes = story.articles.flatMap((id) => quotesOf.get(id) ?? [])
    const storyClaims = story.articles.flatMap((id) => claimsOf.get(id) ?? [])
    const clusters = clusterQuotes(storyQuotes, options)
    const slots = alignClaims(storyClaims, { ...options, published })
    const found = findDisputes({
      articles: storyArticles,
      speakers,
      quotes: storyQuotes,
      clusters,
      claims: storyClaims,
      slots,
    })
    const coverage = measureCoverage(story.articles, clusters, slots, claimArticle)
    const renumber = numbering(result, story.id)
    result.clusters.push(
      ...clusters.map((c) => ({ ...c, id: renumber.cluster(c.id), story: story.id })),
    )
    result.slots.push(...slots.map((s) => ({ ...s, id: renumber.slot(s.id), story: story.id })))
    result.disputes.push(...found.disputes.map(renumber.dispute))
    result.agreements.push(...found.agreements.map(renumber.agreement))
    result.updates.push(...found.updates.map(renumber.update))
    result.coverage.push(...coverage.map(renumber.coverage))
  }
  return result
}

/**
 * The stories of the articles, as `groupStories` makes them from their profiles: each
 * profile is made just before its article is added and dropped after, so that ten
 * thousand profiles (millions of small term pairs) are never all held at once.
 */
function storiesOf(
  articles: readonly Article[],
  profileOf: (article: Article) => ArticleProfile,
  options: StoryIndexOptions,
): Story[] {
  const index = createStoryIndex(options)
  for (const article of articles) index.add(profileOf(article))
  return index.stories()
}

/**
 * That `stories` has the shape of `Story[]` where `crossReference` reads it (an id, and
 * members that name their article), so that a wrong value is refused in words rather
 * than failing later as a TypeError.
 */
function assertStories(stories: unknown): asserts stories is readonly Story[] {
  if (!Array.isArray(stories))
    throw new CorroborateError(
      'INVALID_ARGUMENT',
      `crossReference: options.stories must be an array of stories (from a StoryIndex or an earlier crossReference), got ${stories === null ? 'null' : typeof stories}`,
    )
  for (const [index, story] of stories.entries()) {
    const members: unknown = story?.members
    if (
      !story ||
      typeof story !== 'object' ||
      typeof story.id !== 'string' ||
      !Array.isArray(members) ||
      !members.every((member) => typeof member?.article === 'string')
    )
      throw new CorroborateError(
        'INVALID_ARGUMENT',
        `crossReference: options.stories item ${index} is not a story (it needs an id and members that each name an article)`,
      )
  }
}

/** The caller's stories, limited to the given articles, each article in exactly one. */
function givenStories(stories: readonly Story[], ids: ReadonlySet<string>): Story[] {
  const seen = new Set<string>()
  const kept: Story[] = []
  for (const story of stories) {
    const members = story.members.filter((m) => ids.has(m.article))
    for (const member of members) {
      if (seen.has(member.article))
        throw new CorroborateError(
          'INVALID_ARGUMENT',
          `crossReference: article "${member.article}" is in two of the stories given; each article belongs to one story`,
          { subject: member.article },
        )
      seen.add(member.article)
    }
    if (members.length > 0)
      kept.push({ ...story, articles: members.map((m) => m.article), members })
  }
  const missing = [...ids].filter((id) => !seen.has(id))
  if (missing.length > 0)
    throw new CorroborateError(
      'INVALID_ARGUMENT',
      `crossReference: ${missing.length} article(s) are in none of the stories given (first: "${missing[0]}"); give every article a story, or no stories at all`,
      { subject: missing[0] as string },
    )
  return kept
}

function givenAnalyses(
  analyses: CrossReferenceOptions['analyses'],
): ReadonlyMap<string, ArticleAnalysis> {
  if (analyses === undefined) return new Map()
  if (analyses instanceof Map) return analyses
  if (Array.isArray(analyses))
    return new Map(analyses.map((analysis) => [analysis?.article, analysis]))
  throw new CorroborateError(
    'INVALID_ARGUMENT',
    'crossReference: options.analyses must be a Map of article id to analysis, or an array of analyses from analyzeArticle',
  )
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const item of items) {
    const list = groups.get(key(item))
    if (list) list.push(item)
    else groups.set(key(item), [item])
  }
  return groups
}

/** Maps one story's local ids (`k0`, `s0`, `d0`, `a0`) past those of the stories before it. */
function numbering(
  sofar: {
    clusters: readonly unknown[]
    slots: readonly unknown[]
    disputes: readonly unknown[]
    agreements: readonly unknown[]
    updates: readonly unknown[]
  },
  story: string,
) {
  const shift = (prefix: string, by: number) => (id: string) =>
    `${prefix}${Number(id.slice(1)) + by}`
  const cluster = shift('k', sofar.clusters.length)
  const slot = shift('s', sofar.slots.length)
  const dispute = shift('d', sofar.disputes.length)
  const agreement = shift('a', sofar.agreements.length)
  const link = <T extends { cluster: string | null; slot: string | null }>(item: T) => ({
    ...item,
    cluster: item.cluster === null ? null : cluster(item.cluster),
    slot: item.slot === null ? null : slot(item.slot),
    story,
  })
  return {
    cluster,
    slot,
    dispute: (d: Dispute): Dispute => ({ ...link(d), id: dispute(d.id) }),
    agreement: (a: Corroboration): Corroboration => ({ ...link(a), id: agreement(a.id) }),
    update: (u: FactUpdate): FactUpdate => ({ ...u, slot: slot(u.slot), story }),
    coverage: (c: ArticleCoverage): ArticleCoverage => ({
      ...c,
      clusters: c.clusters.map(cluster),
      slots: c.slots.map(slot),
      alone: { clusters: c.alone.clusters.map(cluster), slots: c.alone.slots.map(slot) },
      missing: { clusters: c.missing.clusters.map(cluster), slots: c.missing.slots.map(slot) },
      story,
    }),
  }
}
