import type { Span, TextRun } from '../types.js'

/**
 * A candidate paragraph before cleanup: clean `text`, the `span` of source it
 * covers, and `runs` whose `text` offsets are relative to this block's text.
 */
export interface Block {
  text: string
  span: Span
  runs: TextRun[]
  /** Markdown structure that the boilerplate rules may use; plain text is all `paragraph`. */
  kind: 'paragraph' | 'heading' | 'image' | 'emphasis'
  /** Heading depth for Markdown headings, else 0. */
  depth: number
}

/** A block that is the verbatim slice `[start, end)` of `original`. */
export function verbatimBlock(original: string, start: number, end: number): Block {
  return {
    text: original.slice(start, end),
    span: { start, end },
    runs: [
      {
        text: 0,
        length: end - start,
        original: start,
        originalLength: end - start,
        verbatim: true,
      },
    ],
    kind: 'paragraph',
    depth: 0,
  }
}

/**
 * The part of `block` from clean-text offset `from` to `to`, with its span and
 * runs cut to match. Used to take a header or a credit off one end of a block.
 */
export function sliceBlock(block: Block, from: number, to: number = block.text.length): Block {
  const runs: TextRun[] = []
  for (const run of block.runs) {
    const start = Math.max(run.text, from)
    const end = Math.min(run.text + run.length, to)
    if (end <= start && !(run.length === 0 && run.text >= from && run.text <= to)) continue
    if (run.verbatim) {
      runs.push({
        text: start - from,
        length: end - start,
        original: run.original + (start - run.text),
        originalLength: end - start,
        verbatim: true,
      })
    } else {
      runs.push({ ...run, text: start - from, length: end - start })
    }
  }
  const first = runs[0]
  const last = runs[runs.length - 1]
  const span =
    first && last
      ? { start: first.original, end: last.original + last.originalLength }
      : { start: block.span.start, end: block.span.start }
  return { ...block, text: block.text.slice(from, to), span, runs }
}

/** The block with leading and trailing white space cut off; text, span and runs kept in step. */
export function trimBlock(block: Block): Block {
  const start = block.text.length - block.text.trimStart().length
  const end = block.text.trimEnd().length
  if (start === 0 && end === block.text.length) return block
  return sliceBlock(block, start, Math.max(start, end))
}
