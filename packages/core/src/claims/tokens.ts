/** A word, a number or one mark of punctuation, with offsets into the text it was read from. */
export interface Token {
  text: string
  /** The text in lower case, read once here for every lexicon lookup. */
  lower: string
  start: number
  end: number
  type: 'word' | 'number' | 'mark'
}

// The grammar, as one pattern:
//   /([\p{L}\p{M}]+(?:[.'’][\p{L}\p{M}]+)*)|(\d+(?:[.,]\d+)*)|(\S)/gu
// Words keep inner apostrophes and dots ("nation’s", "U.S", "p.m"); hyphens
// split, so that "40,000-bed" and "MS-13" are read part by part. It is read
// by hand: matching the pattern took a third of extractClaims' time. Only
// characters outside ASCII go to a (sticky) regex, so that "letter" and
// "white space" mean exactly what they mean in the pattern.
const LETTER = /[\p{L}\p{M}]/uy
const SPACE = /\s/uy

const isDigit = (code: number) => code >= 48 && code <= 57
const joinsWord = (code: number) => code === 46 || code === 39 || code === 0x2019
const joinsNumber = (code: number) => code === 46 || code === 44

/** The length in code units of the letter or combining mark at `at`; 0 for anything else. */
function letterAt(text: string, at: number): number {
  const code = text.charCodeAt(at)
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) ? 1 : 0
  if (at >= text.length) return 0
  LETTER.lastIndex = at
  return LETTER.test(text) ? LETTER.lastIndex - at : 0
}

function isSpaceAt(text: string, at: number, code: number): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13)
  SPACE.lastIndex = at
  return SPACE.test(text)
}

/** Splits text into words, digit runs and single marks; white space is dropped. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  // `plain` when lower case cannot change the text (digits, ASCII marks).
  const push = (start: number, end: number, type: Token['type'], plain: boolean) => {
    const written = text.slice(start, end)
    tokens.push({ text: written, lower: plain ? written : written.toLowerCase(), start, end, type })
  }
  let at = 0
  while (at < text.length) {
    const start = at
    const code = text.charCodeAt(at)
    let length = letterAt(text, at)
    if (length > 0) {
      while (length > 0) {
        at += length
        length = letterAt(text, at)
        if (length === 0 && joinsWord(text.charCodeAt(at))) {
          const after = letterAt(text, at + 1)
          if (after > 0) {
            at++
            length = after
          }
        }
      }
      push(start, at, 'word', false)
    } else if (isDigit(code)) {
      at++
      while (
        isDigit(text.charCodeAt(at)) ||
        (joinsNumber(text.charCodeAt(at)) && isDigit(text.charCodeAt(at + 1)))
      )
        at++
      push(start, at, 'number', true)
    } else {
      // One code point: a surrogate pair is one mark.
      at += (text.codePointAt(at) as number) > 0xffff ? 2 : 1
      if (!isSpaceAt(text, start, code)) push(start, at, 'mark', code < 128)
    }
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
