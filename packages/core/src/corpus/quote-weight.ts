import type { Quote } from '../types.js'

/** Whether a quote is a fragment of one or two words ("incredible", "relatively low"). */
export function isShortFragment(quote: Pick<Quote, 'kind' | 'text'>): boolean {
  return (
    quote.kind === 'fragment' &&
    quote.text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length <= 2
  )
}

/**
 * Quotes in the order a person asking for someone's quotes wants them: full
 * statements first, then longer fragments, then fragments of one or two
 * words, then terms; in the given order within each group. A new array.
 */
export function sortQuotesByWeight<T extends Pick<Quote, 'kind' | 'text'>>(
  quotes: readonly T[],
): T[] {
  const rank = (quote: T) =>
    quote.kind === 'statement' ? 0 : quote.kind === 'term' ? 3 : isShortFragment(quote) ? 2 : 1
  // Ranked once each: ranking in the comparison split a fragment's words some 2·log n times.
  return quotes
    .map((quote, index) => ({ quote, index, rank: rank(quote) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map(({ quote }) => quote)
}
