import { STOPWORDS } from '../lexicon/index.js'
import { singular } from './lexicon.js'
import type { Token } from './tokens.js'

/** Adds a lower-case word to `seen` as a keyword, unless it is none. */
function addKeyword(seen: Set<string>, lower: string): void {
  const word = lower.includes('’') ? lower.replaceAll('’', "'") : lower
  if (STOPWORDS.has(word)) return
  const stem = word.endsWith("'s")
    ? word.slice(0, -2)
    : word.endsWith("'")
      ? word.slice(0, -1)
      : word
  if (stem.length < 2 || (stem !== word && STOPWORDS.has(stem)) || stem.includes("'")) return
  seen.add(singular(stem))
}

/**
 * The content words of a tokenized text, lower case and singular, sorted and
 * without repeats: stopwords, numbers, single letters and possessive endings
 * left out. A word token with dots ("U.S", "p.m") gives one word per part.
 */
export function keywordsOf(tokens: readonly Token[]): string[] {
  const seen = new Set<string>()
  for (const token of tokens) {
    if (token.type !== 'word') continue
    if (!token.text.includes('.')) addKeyword(seen, token.lower)
    // Each part is lowered alone, as a whole word would be ("ΟΔΟΣ" ends in ς).
    else for (const part of token.text.split('.')) addKeyword(seen, part.toLowerCase())
  }
  return [...seen].sort()
}
