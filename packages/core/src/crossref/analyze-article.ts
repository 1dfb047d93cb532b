import {
  type ClaimExtraction,
  extractClaimsReading,
  type SentenceMemo,
} from '../claims/extract-claims.js'
import { CorroborateError } from '../errors.js'
import { extractQuotes, type QuoteExtraction } from '../quotes/index.js'
import type { Article } from '../types.js'

/**
 * What one article says on its own: its quotes (speakers as the article alone
 * names them) and its claims. Everything of `crossReference` that depends on one
 * article only, so that a corpus or a store computes it once when the article
 * is added, keeps it (it is plain JSON), and gives it back to `crossReference`
 * instead of having every article read again.
 */
export interface ArticleAnalysis {
  /** The article's id. */
  article: string
  /** `extractQuotes(article)`. */
  quotes: QuoteExtraction
  /** `extractClaims(article, quotes.quotes)`. */
  claims: ClaimExtraction
}

/**
 * Analyses one article alone: `extractQuotes`, then `extractClaims` with those
 * quotes. Pure. An analysis is only valid for the article it was made from and
 * the version of the core that made it.
 * @throws CorroborateError `INVALID_ARGUMENT` when `article` is not a normalized article.
 */
export function analyzeArticle(article: Article): ArticleAnalysis {
  return analyzeArticleReading(article, null)
}

/**
 * {@link analyzeArticle}, with the sentences one call over many articles has read
 * (see `extractClaimsReading`): the same analysis.
 */
export function analyzeArticleReading(
  article: Article,
  sentences: SentenceMemo | null,
): ArticleAnalysis {
  if (!article || typeof article !== 'object' || typeof article.id !== 'string')
    throw new CorroborateError(
      'INVALID_ARGUMENT',
      'analyzeArticle expects an article from normalizeArticle',
    )
  const quotes = extractQuotes(article)
  return {
    article: article.id,
    quotes,
    claims: extractClaimsReading(article, quotes.quotes, sentences),
  }
}

/** Whether `value` has the shape of an {@link ArticleAnalysis} of the article `id`. */
export function isAnalysisOf(value: unknown, id: string): value is ArticleAnalysis {
  const a = value as ArticleAnalysis
  return (
    !!a &&
    typeof a === 'object' &&
    a.article === id &&
    !!a.quotes &&
    Array.isArray(a.quotes.quotes) &&
    Array.isArray(a.quotes.speakers) &&
    Array.isArray(a.quotes.messages) &&
    !!a.claims &&
    Array.isArray(a.claims.claims) &&
    Array.isArray(a.claims.messages) &&
    a.quotes.quotes.every((q) => q.article === id) &&
    a.claims.claims.every((c) => c.article === id)
  )
}
