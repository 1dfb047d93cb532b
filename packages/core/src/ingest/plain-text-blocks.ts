import type { TextRun } from '../types.js'
import { type Block, trimBlock, verbatimBlock } from './block.js'
import { isTitleCase } from './plain-text-title.js'

interface Line {
  start: number
  end: number
}

// A closing mark may be the wrong one (`residents.“`): any quote mark after the stop ends the line.
const SENTENCE_END = /[.!?:;"”“’‘')\]…]$/
const STARTS_LOWER = /^[\p{Ll}(]/u

/**
 * Whether the break between two lines of one block is a hard wrap inside a
 * paragraph rather than the end of one. Scraped articles put one paragraph
 * on each line; e-mailed or wire copy wraps paragraphs at a fixed width.
 */
function isHardWrap(previous: string, next: string): boolean {
  if (SENTENCE_END.test(previous)) return false
  if (STARTS_LOWER.test(next)) return true
  // A long line in Title Case is a headline standing right above the text.
  return previous.length >= 60 && !isTitleCase(previous)
}

/**
 * Splits plain text into blocks: blank lines always separate blocks, a single
 * line break separates them unless the lines look hard-wrapped, in which case
 * the lines are joined with a space.
 */
export function plainTextBlocks(original: string): Block[] {
  const lines: Line[] = []
  const lineBreak = /\r\n|\n|\r|\u2028|\u2029/g
  let start = 0
  for (let match = lineBreak.exec(original); match; match = lineBreak.exec(original)) {
    lines.push({ start, end: match.index })
    start = match.index + match[0].length
  }
  lines.push({ start, end: original.length })

  const blocks: Block[] = []
  let group: Line[] = []
  const flush = () => {
    if (group.length > 0) blocks.push(joinLines(original, group))
    group = []
  }
  for (const line of lines) {
    const text = original.slice(line.start, line.end).trim()
    if (text === '') {
      flush()
      continue
    }
    const previous = group[group.length - 1]
    if (previous && !isHardWrap(original.slice(previous.start, previous.end).trim(), text)) flush()
    group.push(line)
  }
  flush()
  return blocks.map(trimBlock).filter((block) => block.text !== '')
}

function joinLines(original: string, lines: Line[]): Block {
  const first = lines[0] as Line
  const last = lines[lines.length - 1] as Line
  if (lines.length === 1) return verbatimBlock(original, first.start, first.end)
  let text = ''
  const runs: TextRun[] = []
  lines.forEach((line, i) => {
    const trimmedStart =
      line.start +
      (original.slice(line.start, line.end).length -
        original.slice(line.start, line.end).trimStart().length)
    const trimmedEnd = line.start + original.slice(line.start, line.end).trimEnd().length
    const from = i === 0 ? line.start : trimmedStart
    const to = i === lines.length - 1 ? line.end : trimmedEnd
    if (i > 0) {
      const previous = lines[i - 1] as Line
      const gapStart =
        previous.start + original.slice(previous.start, previous.end).trimEnd().length
      runs.push({
        text: text.length,
        length: 1,
        original: gapStart,
        originalLength: from - gapStart,
        verbatim: false,
      })
      text += ' '
    }
    runs.push({
      text: text.length,
      length: to - from,
      original: from,
      originalLength: to - from,
      verbatim: true,
    })
    text += original.slice(from, to)
  })
  return { text, span: { start: first.start, end: last.end }, runs, kind: 'paragraph', depth: 0 }
}
