import { STOPWORDS, singular } from './lexicon.js'
import type { Token } from './tokens.js'

/**
 * The content words of a tokenized text, lower case and singular, sorted and
 * without repeats: stopwords, numbers, single letters and possessive endings
 * left out. A word token with dots ("U.S", "p.m") gives one word per part.
 */
export function keywordsOf(tokens: readonly Token[]): string[] {
  const seen = new Set<string>()
  for (const token of tokens) {
    if (token.type !== 'word') continue
    // Each part is lowered alone, as a whole word would be ("ΟΔΟΣ" ends in ς).
    const parts = token.text.includes('.')
      ? token.text.split('.').map((p) => p.toLowerCase())
      : [token.lower]
    for (const lower of parts) {
      const word = lower.includes('’') ? lower.replaceAll('’', "'") : lower
      if (STOPWORDS.has(word)) continue
      const stem = word.endsWith("'s")
        ? word.slice(0, -2)
        : word.endsWith("'")
          ? word.slice(0, -1)
          : word
      if (stem.length < 2 || STOPWORDS.has(stem) || stem.includes("'")) continue
      seen.add(singular(stem))
    }
  }
  return [...seen].sort()
}
