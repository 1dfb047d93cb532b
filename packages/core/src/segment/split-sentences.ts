import type { Root, Sentence } from 'nlcst'
import { ParseEnglish } from 'parse-english'

const parser = new ParseEnglish()

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
