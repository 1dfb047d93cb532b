import { STOPWORDS, singular } from './lexicon.js'

const WORD = /[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*/gu

/**
 * The content words of a text, lower case and singular, sorted and without
 * repeats: stopwords, numbers, single letters and possessive endings left out.
 */
export function keywordsOf(text: string): string[] {
  const seen = new Set<string>()
  for (const m of text.matchAll(WORD)) {
    const word = m[0].toLowerCase().replace(/’/g, "'")
    if (STOPWORDS.has(word)) continue
    const stem = word.replace(/'s?$/, '')
    if (stem.length < 2 || STOPWORDS.has(stem) || stem.includes("'")) continue
    seen.add(singular(stem))
  }
  return [...seen].sort()
}
