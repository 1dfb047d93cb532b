/** A word, a number or one mark of punctuation, with offsets into the text it was read from. */
export interface Token {
  text: string
  /** The text in lower case, read once here for every lexicon lookup. */
  lower: string
  start: number
  end: number
  type: 'word' | 'number' | 'mark'
}

// Words keep inner apostrophes and dots ("nation’s", "U.S", "p.m"); hyphens
// split, so that "40,000-bed" and "MS-13" are read part by part.
const TOKEN = /([\p{L}\p{M}]+(?:[.'’][\p{L}\p{M}]+)*)|(\d+(?:[.,]\d+)*)|(\S)/gu

/** Splits text into words, digit runs and single marks; white space is dropped. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  for (const m of text.matchAll(TOKEN)) {
    const type = m[1] !== undefined ? 'word' : m[2] !== undefined ? 'number' : 'mark'
    tokens.push({
      text: m[0],
      lower: m[0].toLowerCase(),
      start: m.index,
      end: m.index + m[0].length,
      type,
    })
  }
  return tokens
}

/** True when nothing, not even a space, stands between two tokens. */
export const touches = (a: Token | undefined, b: Token | undefined): boolean =>
  a !== undefined && b !== undefined && a.end === b.start

export const isCapitalized = (token: Token | undefined): boolean =>
  token !== undefined && token.type === 'word' && /^\p{Lu}/u.test(token.text)

export const isLowerWord = (token: Token | undefined): boolean =>
  token !== undefined && token.type === 'word' && /^\p{Ll}/u.test(token.text)
