// What the quote scorer (../shared/eval/score-quotes.mjs) reads of an article's quotes,
// for eval-quotes.mjs and train-speakers.mjs --cv-pred.

/**
 * The speech of an article's extraction (`extractQuotes(article)`; terms, scare quotes
 * and titles, are not speech and are left out), each quote as its text, its speaker's
 * name or null and its offsets into the text, then the fields `more` adds of the quote.
 */
export function predictedQuotes(extraction, more) {
  return extraction.quotes
    .filter((quote) => quote.kind !== 'term')
    .map((quote) => ({
      text: quote.text,
      speaker: quote.speaker?.name ?? null,
      start: quote.span.start,
      end: quote.span.end,
      ...more(quote),
    }))
}
