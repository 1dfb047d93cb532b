import type { CrossReference } from '../crossref/index.js'
import type { Article, Span } from '../types.js'
import { foldText } from './match-text.js'

/** What a search hit is: a sentence of the body, a quote or a claim. */
export const SEARCH_HIT_KINDS = ['sentence', 'quote', 'claim'] as const
export type SearchHitKind = (typeof SEARCH_HIT_KINDS)[number]

/** Where a word or phrase was found: a sentence, a quote or a claim, with its span. */
export interface SearchHit {
  kind: SearchHitKind
  article: string
  /** The quote's or claim's id; null for a sentence. */
  id: string | null
  text: string
  span: Span
}

/** A searchable text: the hit it gives and the text a query is matched against, folded. */
export interface SearchEntry {
  hit: SearchHit
  /** `foldText` of the hit's text; for a claim, also of its sentence, after a newline. */
  folded: string
}

/**
 * Every sentence of the articles, every quote of the analysis but terms, and
 * every claim, folded once so that a search only scans strings. Sorted in the
 * order of `articles`, then by span start, then by kind.
 */
export function searchEntries(
  articles: readonly Article[],
  analysis: CrossReference,
): SearchEntry[] {
  const entries: SearchEntry[] = []
  for (const article of articles)
    for (const sentence of article.sentences)
      entries.push({
        hit: {
          kind: 'sentence',
          article: article.id,
          id: null,
          text: sentence.text,
          span: sentence.span,
        },
        folded: foldText(sentence.text),
      })
  for (const quote of analysis.quotes)
    if (quote.kind !== 'term')
      entries.push({
        hit: {
          kind: 'quote',
          article: quote.article,
          id: quote.id,
          text: quote.text,
          span: quote.span,
        },
        folded: foldText(quote.text),
      })
  for (const claim of analysis.claims)
    entries.push({
      hit: {
        kind: 'claim',
        article: claim.article,
        id: claim.id,
        text: claim.text,
        span: claim.span,
      },
      // Joined, not concatenated: a concatenation is kept as two strings until first
      // searched, and the first search after many claims joined them all (0.2 s for 20,000).
      folded: [foldText(claim.text), foldText(claim.sentence.text)].join('\n'),
    })
  const order = new Map(articles.map((a, i) => [a.id, i]))
  entries.sort(
    (a, b) =>
      (order.get(a.hit.article) ?? 0) - (order.get(b.hit.article) ?? 0) ||
      a.hit.span.start - b.hit.span.start ||
      a.hit.kind.localeCompare(b.hit.kind),
  )
  return entries
}

/**
 * The hits of the entries holding every word of `query` (case and accents
 * aside), a phrase in double quotes as written; in the entries' order. A
 * query with no word finds nothing, and then `entries`, when a function, is
 * not called (so a caller can build them only for a real query).
 */
export function searchHits(
  entries: readonly SearchEntry[] | (() => readonly SearchEntry[]),
  query: string,
): SearchHit[] {
  // Folded first, so that a phrase in curly quotes is a phrase too.
  const phrases = [...foldText(query).matchAll(/"([^"]+)"|(\S+)/g)]
    .map((m) => (m[1] ?? m[2] ?? '').trim())
    .filter((p) => p !== '')
  if (phrases.length === 0) return []
  return (typeof entries === 'function' ? entries() : entries)
    .filter((entry) => phrases.every((p) => entry.folded.includes(p)))
    .map((entry) => entry.hit)
}
