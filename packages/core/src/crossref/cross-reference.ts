import { extractClaims } from '../claims/index.js'
import { resolveSpeakers } from '../entities/index.js'
import { CorroborateError } from '../errors.js'
import { extractQuotes } from '../quotes/index.js'
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
} from '../types.js'
import { type AlignClaimsOptions, alignClaims } from './align-claims.js'
import { type ClusterQuotesOptions, clusterQuotes } from './cluster-quotes.js'
import { measureCoverage } from './coverage.js'
import { findDisputes } from './find-disputes.js'

/** Options of {@link crossReference}. */
export interface CrossReferenceOptions extends ClusterQuotesOptions, AlignClaimsOptions {}

/** A message about one article of the corpus. */
export interface CorpusMessage extends ArticleMessage {
  article: string
}

/** Everything the corpus says, who says it, and where the articles meet and part. */
export interface CrossReference {
  /** Article ids in the order given. */
  articles: string[]
  /** Speakers merged across articles, sorted by id. */
  speakers: Speaker[]
  /** Every quote of every article, in article order, speakers merged. */
  quotes: Quote[]
  claims: Claim[]
  clusters: QuoteCluster[]
  slots: ClaimSlot[]
  agreements: Corroboration[]
  disputes: Dispute[]
  coverage: ArticleCoverage[]
  messages: CorpusMessage[]
}

/**
 * Cross-references several reports of one story: extracts each article's
 * quotes and claims, merges speakers across articles, groups the same
 * statement into clusters with word diffs, aligns claims into slots, and
 * reports disputes (attribution, wording, fact, contested), corroboration and
 * coverage. Pure and deterministic for a given list of articles; grows near
 * linearly with the corpus, as candidates come from inverted indexes.
 * @throws CorroborateError `INVALID_ARGUMENT` when `articles` is not an array
 *   of articles, `DUPLICATE_ID` when two articles share an id.
 */
export function crossReference(
  articles: readonly Article[],
  options: CrossReferenceOptions = {},
): CrossReference {
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
  const messages: CorpusMessage[] = []
  const extractions = articles.map((article) => {
    const extraction = extractQuotes(article)
    for (const message of extraction.messages) messages.push({ ...message, article: article.id })
    return extraction
  })
  const { speakers, quotes } = resolveSpeakers(extractions)
  const quotesOf = new Map<string, Quote[]>()
  for (const quote of quotes) {
    const list = quotesOf.get(quote.article)
    if (list) list.push(quote)
    else quotesOf.set(quote.article, [quote])
  }
  const claims = articles.flatMap((article) => {
    const extraction = extractClaims(article, quotesOf.get(article.id) ?? [])
    for (const message of extraction.messages) messages.push({ ...message, article: article.id })
    return extraction.claims
  })
  const clusters = clusterQuotes(quotes, options)
  const slots = alignClaims(claims, options)
  const { disputes, agreements } = findDisputes({
    articles,
    speakers,
    quotes,
    clusters,
    claims,
    slots,
  })
  const coverage = measureCoverage(
    articles.map((a) => a.id),
    clusters,
    slots,
    new Map(claims.map((c) => [c.id, c.article])),
  )
  return {
    articles: articles.map((a) => a.id),
    speakers,
    quotes,
    claims,
    clusters,
    slots,
    agreements,
    disputes,
    coverage,
    messages,
  }
}
