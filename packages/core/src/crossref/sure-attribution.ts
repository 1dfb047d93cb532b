import type { AttributionRule, Quote } from '../types.js'

// Rules that read the speaker from the quote's own sentence: a verb of speech beside
// the words, "according to", a colon introduction. The others (an earlier paragraph,
// the previous quote, the subject of a nearby sentence) carry a guess along.
const DIRECT_RULES: ReadonlySet<AttributionRule> = new Set([
  'cue-after',
  'cue-before',
  'according-to',
  'colon-intro',
])

/**
 * An attribution sure enough to set two outlets against each other: the
 * quote's own sentence gives the speaker by a direct rule, with a name (not
 * "he" or "a spokesman") that is the speaker's, and confidence of at least
 * `minConfidence`. A dispute built on a guessed speaker would repeat the
 * guess as a disagreement.
 */
export function isSureAttribution(quote: Quote, minConfidence = 0.8): boolean {
  if (quote.speaker === null || quote.mention === null || quote.rule === null) return false
  if (!DIRECT_RULES.has(quote.rule) || quote.confidence < minConfidence) return false
  const surname = quote.speaker.name.split(/\s+/).at(-1)?.toLowerCase() ?? ''
  return surname !== '' && quote.mention.text.toLowerCase().includes(surname)
}
