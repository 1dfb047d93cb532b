import { STOPWORDS } from '../lexicon/index.js'
import { singular } from './lexicon.js'
import type { Token } from './tokens.js'

/** Adds a lower-case word to `seen` as a keyword, unless it is none. */
function addKeyword(seen: { add(word: string): unknown }, lower: string): void {
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
  for (const token of tokens) addKeywordsOf(seen, token)
  return [...seen].sort()
}

function addKeywordsOf(seen: { add(word: string): unknown }, token: Token): void {
  if (token.type !== 'word') return
  if (!token.text.includes('.')) addKeyword(seen, token.lower)
  // Each part is lowered alone, as a whole word would be ("ΟΔΟΣ" ends in ς).
  else for (const part of token.text.split('.')) addKeyword(seen, part.toLowerCase())
}

/**
 * The keywords each token gives, read once for a run-on sentence whose claims each
 * take the words of a stretch of it: token `i` gives `words[starts[i]]` up to
 * `words[starts[i + 1]]`.
 */
export interface KeywordsByToken {
  words: string[]
  starts: number[]
}

export function keywordsByToken(tokens: readonly Token[]): KeywordsByToken {
  const words: string[] = []
  const starts: number[] = [0]
  const list = { add: (word: string) => words.push(word) }
  for (const token of tokens) {
    addKeywordsOf(list, token)
    starts.push(words.length)
  }
  return { words, starts }
}

/**
 * `keywordsOf(tokens.slice(from, to))`, from what {@link keywordsByToken} read of
 * `tokens`: each token's words are looked up once per sentence, not once per claim.
 */
export function keywordsBetween(read: KeywordsByToken, from: number, to: number): string[] {
  const seen = new Set<string>()
  const end = read.starts[to] as number
  for (let at = read.starts[from] as number; at < end; at++) seen.add(read.words[at] as string)
  return [...seen].sort()
}
