// What the quote scorer (../shared/eval/score-quotes.mjs) reads of an article's quotes,
// for eval-quotes.mjs and train-speakers.mjs --cv-pred.

// Possessives too: "his claim that …" is the words of the one "his" refers to.
const PRONOUN = /^(?:he|she|they|it|we|i|you|his|her|their|its)$/i
const words = (text) =>
  text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)

/**
 * The speaker as the gold annotates it. The gold's `speaker` is the source as the text gives
 * it, with the antecedent beside a pronoun only (`speaker_resolved`); a speaker named by role
 * ("the judge said", resolved by the core to the judge the article names) is annotated as
 * that role. So the scorer is given the resolved name for a pronoun or a name written
 * shorter than it ("Roe"), and the mention as written when it holds the whole name and more
 * ("Gov. Jane Roe") or shares no word with the name it was resolved to ("the judge"). The product's
 * answers carry both (`quote.speaker` and `quote.mention`); this only chooses which one the
 * scorer reads.
 */
export function scoredSpeaker(quote) {
  const name = quote.speaker?.name ?? null
  const mention = quote.mention?.text.trim()
  if (!name || !mention || PRONOUN.test(mention)) return name
  const nameWords = words(name)
  const mentionWords = words(mention)
  // "Secretary of State Jane Roe", "Sen. Jane Roe": the mention as written holds the whole
  // name and more, the way the gold writes its speakers (the scorer reads a speaker's last
  // name after cutting at "of", so "Secretary of State Jane Roe" is not "Jane Roe" to it).
  if (
    mentionWords.length > nameWords.length &&
    nameWords.every((word) => mentionWords.includes(word))
  )
    return mention
  return mentionWords.some((word) => nameWords.includes(word)) ? name : mention
}

/**
 * The speech of an article's extraction (`extractQuotes(article)`; terms, scare quotes
 * and titles, are not speech and are left out), each quote as its text, its speaker as the
 * gold annotates it (`scoredSpeaker`) or null and its offsets into the text, then the
 * fields `more` adds of the quote.
 */
export function predictedQuotes(extraction, more) {
  return extraction.quotes
    .filter((quote) => quote.kind !== 'term')
    .map((quote) => ({
      text: quote.text,
      speaker: scoredSpeaker(quote),
      start: quote.span.start,
      end: quote.span.end,
      ...more(quote),
    }))
}
