import { createHash } from 'node:crypto'
import {
  type Article,
  type ArticleProfile,
  type ArticleSource,
  type Claim,
  CorroborateError,
  extractClaims,
  extractQuotes,
  normalizeArticle,
  profileArticle,
  type Quote,
  type Speaker,
} from '@corroborate/core'

/**
 * The version of the analysis a store keeps beside each article. Raise it when
 * the core's output changes (new quotes, claims or profile fields): articles
 * stored at an older one are analysed again from their stored content when read.
 */
export const ANALYSIS_VERSION = 1

/**
 * One article with everything the store keeps of it, computed without the
 * store: JSON-safe, so that a worker thread can make it and post it.
 */
export interface PreparedArticle {
  contentHash: string
  format: string
  content: string
  metadata: Record<string, unknown>
  path: string | null
  article: Article
  quotes: Quote[]
  speakers: Speaker[]
  claims: Claim[]
  profile: ArticleProfile
}

/** Hex SHA-256 of an article's content as given: the same text is the same article. */
export function contentHash(content: string): string {
  return createHash('sha256').update(content, 'utf8').digest('hex')
}

/**
 * Normalizes one article and extracts its quotes, claims and story profile
 * with the core's functions. CPU only; no database.
 * @throws CorroborateError `INVALID_ARGUMENT` when nothing is left of the body
 *   after cleaning, and whatever `normalizeArticle` throws for bad input.
 */
export function prepareArticle(source: ArticleSource): PreparedArticle {
  if (!source || typeof source !== 'object' || typeof source.content !== 'string')
    throw new CorroborateError(
      'INVALID_ARGUMENT',
      'addArticle expects an article source { content, format?, id?, metadata? }',
    )
  const article = normalizeArticle(source)
  if (article.paragraphs.length === 0)
    throw new CorroborateError(
      'INVALID_ARGUMENT',
      `article "${article.id}" has no body text: ${article.messages.find((m) => m.fatal)?.message ?? 'nothing was left after cleaning'}`,
      { subject: source.path ?? article.id },
    )
  const { quotes, speakers } = extractQuotes(article)
  const { claims } = extractClaims(article, quotes)
  return {
    contentHash: contentHash(source.content),
    format: article.format,
    content: source.content,
    metadata: { ...(source.metadata ?? {}) } as Record<string, unknown>,
    path: source.path ?? null,
    article,
    quotes,
    speakers,
    claims,
    profile: profileArticle(article, quotes, claims, speakers),
  }
}
