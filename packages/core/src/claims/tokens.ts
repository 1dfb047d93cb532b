/** A word, a number or one mark of punctuation, with offsets into the text it was read from. */
export interface Token {
  text: string
  /** The text in lower case, read once here for every lexicon lookup. */
  lower: string
  start: number
  end: number
  type: 'word' | 'number' | 'mark'
}

/**
 * Whether token `k` is a hyphen inside a word, touching the tokens on both
 * sides: "40,000-bed", "anti-crime", "Guinea-Bissau".
 */
export function isInnerHyphen(tokens: readonly Token[], k: number): boolean {
  const hyphen = tokens[k]
  return hyphen?.text === '-' && touches(tokens[k - 1], hyphen) && touches(hyphen, tokens[k + 1])
}

/** Where a token (or a finding) starts: the key of tokens in text order. */
export const startOf = (item: { start: number }): number => item.start

// The grammar, as one pattern:
//   /([\p{L}\p{M}]+(?:[.'’][\p{L}\p{M}]+)*)|(\d+(?:[.,]\d+)*)|(\S)/gu
// Words keep inner apostrophes and dots ("nation’s", "U.S", "p.m"); hyphens
// split, so that "40,000-bed" and "MS-13" are read part by part. Matching that
// pattern with matchAll took a third of extractClaims' time, most of it in
// match arrays; here the first character picks the kind of token and a
// sticky pattern reads only that kind.
const WORD = /[\p{L}\p{M}]+(?:[.'’][\p{L}\p{M}]+)*/uy
// The same word when it is all lower-case ASCII (most are), so that it is its
// own lower case: the look-ahead stops where WORD would go on.
const PLAIN_WORD = /[a-z]+(?:[.'][a-z]+)*(?![\p{L}\p{M}]|[.'’][\p{L}\p{M}])/uy
const NUMBER = /\d+(?:[.,]\d+)*/y
const SPACE = /\s/uy

const isAsciiLetter = (code: number) => (code >= 97 && code <= 122) || (code >= 65 && code <= 90)

function isSpaceAt(text: string, at: number, code: number): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13)
  SPACE.lastIndex = at
  return SPACE.test(text)
}

/** Splits text into words, digit runs and single marks; white space is dropped. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  let at = 0
  while (at < text.length) {
    const start = at
    const code = text.charCodeAt(at)
    if (code >= 48 && code <= 57) {
      NUMBER.lastIndex = at
      NUMBER.test(text)
      at = NUMBER.lastIndex
      const written = text.slice(start, at)
      tokens.push({ text: written, lower: written, start, end: at, type: 'number' })
      continue
    }
    if (code >= 97 && code <= 122) {
      PLAIN_WORD.lastIndex = at
      if (PLAIN_WORD.test(text)) {
        at = PLAIN_WORD.lastIndex
        const written = text.slice(start, at)
        tokens.push({ text: written, lower: written, start, end: at, type: 'word' })
        continue
      }
    }
    if (code >= 128 || isAsciiLetter(code)) {
      WORD.lastIndex = at
      if (WORD.test(text)) {
        at = WORD.lastIndex
        const written = text.slice(start, at)
        tokens.push({ text: written, lower: written.toLowerCase(), start, end: at, type: 'word' })
        continue
      }
    }
    // One code point, a surrogate pair as one mark.
    at += (text.codePointAt(at) as number) > 0xffff ? 2 : 1
    if (isSpaceAt(text, start, code)) continue
    const written = text.slice(start, at)
    const lower = code < 128 ? written : written.toLowerCase()
    tokens.push({ text: written, lower, start, end: at, type: 'mark' })
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
