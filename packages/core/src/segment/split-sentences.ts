import type { Root, Sentence, SentenceContent } from 'nlcst'
import { ParseEnglish } from 'parse-english'

type TokenType = SentenceContent['type']

// The kinds of token parse-latin gives a single code unit, by number; 0 is "not asked yet".
const WHITE_SPACE = 1
const WORD = 3
const TOKEN_TYPES: Record<number, TokenType> = {
  [WHITE_SPACE]: 'WhiteSpaceNode',
  2: 'PunctuationNode',
  [WORD]: 'WordNode',
  4: 'SymbolNode',
}
const KINDS = new Map(Object.entries(TOKEN_TYPES).map(([kind, type]) => [type, Number(kind)]))

/**
 * parse-english with parse-latin's `tokenize` rewritten to look each code unit's
 * kind up in a table instead of testing it against three Unicode patterns: that
 * took most of the tokenizer's time, the largest part of normalizing an
 * article. The table is filled by asking parse-latin itself (its `tokenize` of
 * that one character), so the kinds, and so the tokens and their positions,
 * are the same as its own.
 */
export class SentenceParser extends ParseEnglish {
  private readonly kinds = new Uint8Array(0x10000)

  private kindOf(value: string, index: number): number {
    const code = value.charCodeAt(index)
    let kind = this.kinds[code] as number
    if (kind === 0) {
      const type = super.tokenize(value.charAt(index))[0]?.type
      kind = (type && KINDS.get(type)) || (KINDS.get('SymbolNode') as number)
      this.kinds[code] = kind
    }
    return kind
  }

  // The loop of parse-latin 7's `tokenize`, step for step, but for how a kind is found.
  override tokenize(value: string | null | undefined): SentenceContent[] {
    const children: SentenceContent[] = []
    if (!value) return children
    const currentPoint = { line: 1, column: 1, offset: 0 }
    let from = 0
    let index = 0
    let start = { ...currentPoint }
    let previousKind = 0
    let previous = -1
    const createNode = (kind: number, text: string): SentenceContent =>
      kind === WORD
        ? {
            type: 'WordNode',
            children: [
              { type: 'TextNode', value: text, position: { start, end: { ...currentPoint } } },
            ],
            position: { start, end: { ...currentPoint } },
          }
        : ({
            type: TOKEN_TYPES[kind] as TokenType,
            value: text,
            position: { start, end: { ...currentPoint } },
          } as SentenceContent)
    while (index < value.length) {
      const current = value.charCodeAt(index)
      const known = this.kinds[current] as number
      const kind = known === 0 ? this.kindOf(value, index) : known
      if (
        from < index &&
        previousKind !== 0 &&
        !(
          previousKind === kind &&
          // Words or white space continue; so does the same mark or symbol, and a surrogate.
          (kind === WORD ||
            kind === WHITE_SPACE ||
            current === previous ||
            (current >= 0xd800 && current <= 0xdfff))
        )
      ) {
        children.push(createNode(previousKind, value.slice(from, index)))
        from = index
        start = { ...currentPoint }
      }
      if (current === 0x0d || (current === 0x0a && previous !== 0x0d)) {
        currentPoint.line++
        currentPoint.column = 1
      } else if (current !== 0x0a) {
        currentPoint.column++
      }
      currentPoint.offset++
      previousKind = kind
      previous = current
      index++
    }
    if (previousKind !== 0 && from < index)
      children.push(createNode(previousKind, value.slice(from, index)))
    return children
  }
}

const parser = new SentenceParser()

/** Past this many characters a paragraph is cut into pieces before parsing: parse-english slows down sharply on very long strings. */
export const MAX_PARSE_LENGTH = 20_000

const INNER_TERMINAL = /[.!?…。]/

/**
 * Ranges `[start, end)` of the sentences in `text`, in order, white space
 * between them left out. Uses parse-english (retext's parser), which knows
 * abbreviations, initials, ellipses and quotes around sentence ends.
 */
export function splitSentences(text: string): Array<{ start: number; end: number }> {
  const trimmedEnd = text.trimEnd().length
  const start = text.length - text.trimStart().length
  if (trimmedEnd <= start) return []
  // One sentence and nothing to decide: no terminal mark before the last few characters.
  if (!INNER_TERMINAL.test(text.slice(start, Math.max(start, trimmedEnd - 3))))
    return [{ start, end: trimmedEnd }]
  if (text.length <= MAX_PARSE_LENGTH) return parseSentences(text, 0)
  const ranges: Array<{ start: number; end: number }> = []
  for (const piece of pieces(text))
    ranges.push(...parseSentences(text.slice(piece.start, piece.end), piece.start))
  return ranges
}

// parse-english reads a lone capital and a period ("on X.") as an initial; an
// initial is never followed by an opening quote, so a sentence ends there.
const STOP_BEFORE_QUOTE = /(?<=\s\p{Lu}\.)\s+(?=[“"‘]\s*\p{Lu})/gu

function splitAtStopsBeforeQuotes(text: string, range: { start: number; end: number }) {
  const parts: Array<{ start: number; end: number }> = []
  let start = range.start
  const slice = text.slice(range.start, range.end)
  for (const match of slice.matchAll(STOP_BEFORE_QUOTE)) {
    parts.push({ start, end: range.start + match.index })
    start = range.start + match.index + match[0].length
  }
  parts.push({ start, end: range.end })
  return parts
}

function parseSentences(text: string, base: number): Array<{ start: number; end: number }> {
  const tree = parser.parse(text) as Root
  const ranges: Array<{ start: number; end: number }> = []
  for (const paragraph of tree.children) {
    if (paragraph.type !== 'ParagraphNode') continue
    for (const node of paragraph.children) {
      if (node.type !== 'SentenceNode') continue
      const sentence = node as Sentence
      const from = sentence.position?.start.offset
      const to = sentence.position?.end.offset
      if (from === undefined || to === undefined) continue
      for (const part of splitAtStopsBeforeQuotes(text, { start: from, end: to })) {
        ranges.push({ start: base + part.start, end: base + part.end })
      }
    }
  }
  return ranges
}

/** Cuts a long text at sentence ends (else white space, else anywhere) into pieces of at most MAX_PARSE_LENGTH. */
function pieces(text: string): Array<{ start: number; end: number }> {
  const result: Array<{ start: number; end: number }> = []
  let start = 0
  while (start < text.length) {
    let end = Math.min(text.length, start + MAX_PARSE_LENGTH)
    if (end < text.length) {
      const window = text.slice(start, end)
      const sentenceEnd = Math.max(
        window.lastIndexOf('. '),
        window.lastIndexOf('? '),
        window.lastIndexOf('! '),
      )
      const space = window.lastIndexOf(' ')
      if (sentenceEnd > MAX_PARSE_LENGTH / 2) end = start + sentenceEnd + 2
      else if (space > MAX_PARSE_LENGTH / 2) end = start + space + 1
    }
    result.push({ start, end })
    start = end
  }
  return result
}
