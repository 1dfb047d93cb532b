import type { TextRun } from '../../types.js'
import { toOriginalSpan } from '../text-runs.js'

// A tag of HTML written as text: markup the page escaped (`&lt;a href="…"&gt;`) or
// a string that held HTML. Only tag names HTML has, so that "<The Palace>" (a title
// in angle brackets) and "a < b > c" stay text.
const ESCAPED_TAG =
  /<\/?(a|abbr|article|aside|b|blockquote|br|caption|center|cite|code|dd|div|dl|dt|em|figcaption|figure|font|footer|h[1-6]|header|hr|i|iframe|img|li|mark|nav|ol|p|picture|pre|q|s|section|small|source|span|strong|sub|sup|table|tbody|td|th|thead|time|tr|u|ul|video)(?:\s[^<>]*)?\/?>/gi
const BLOCK_TAG =
  /^(?:article|aside|blockquote|br|caption|center|dd|div|dl|dt|figcaption|figure|footer|h[1-6]|header|hr|li|nav|ol|p|pre|section|table|tbody|td|th|thead|tr|ul)$/i

/** Whether `text` holds a tag of HTML written as text. */
export function hasEscapedMarkup(text: string): boolean {
  ESCAPED_TAG.lastIndex = 0
  return text.includes('<') && ESCAPED_TAG.test(text)
}

/**
 * Drops the tags of HTML that a block's text holds as text (markup escaped in
 * the page, `&lt;p&gt;`), keeping the words between them: a block-level tag
 * between two words leaves one space, an inline tag nothing. The runs are cut
 * with the text, so every character left still maps to the markup it came
 * from. Text without such tags is returned as it is.
 */
export function dropEscapedMarkup(
  text: string,
  runs: readonly TextRun[],
): { text: string; runs: TextRun[] } {
  if (!hasEscapedMarkup(text)) return { text, runs: [...runs] }
  const kept: KeptText = { text: '', runs: [] }
  let cursor = 0
  ESCAPED_TAG.lastIndex = 0
  for (let m = ESCAPED_TAG.exec(text); m; m = ESCAPED_TAG.exec(text)) {
    keepSlice(kept, text, runs, cursor, m.index)
    let end = m.index + m[0].length
    const spaced = kept.text === '' || /\s$/.test(kept.text)
    // White space after a tag that follows white space would double it.
    if (spaced) while (end < text.length && /[ \t]/.test(text.charAt(end))) end++
    const next = text.charAt(end)
    if (!spaced && next !== '' && !/\s/.test(next) && BLOCK_TAG.test(m[1] as string))
      keepSpaceFor(kept, runs, m.index, m.index + m[0].length)
    cursor = end
  }
  keepSlice(kept, text, runs, cursor, text.length)
  dropTrailingSpace(kept)
  return kept
}

/** The text kept so far and its runs. */
interface KeptText {
  text: string
  runs: TextRun[]
}

/** Adds a run, joined to the last one where both are verbatim and adjacent in text and markup. */
function pushRun(kept: KeptText, run: TextRun) {
  const last = kept.runs[kept.runs.length - 1]
  if (
    run.verbatim &&
    last?.verbatim &&
    last.text + last.length === run.text &&
    last.original + last.originalLength === run.original
  ) {
    last.length += run.length
    last.originalLength += run.originalLength
  } else kept.runs.push(run)
}

/** Copies text[from, to) with the parts of the runs that cover it. */
function keepSlice(
  kept: KeptText,
  text: string,
  runs: readonly TextRun[],
  from: number,
  to: number,
) {
  if (to <= from) return
  const base = kept.text.length
  for (const run of runs) {
    const start = Math.max(from, run.text)
    const end = Math.min(to, run.text + run.length)
    if (start >= end) continue
    pushRun(
      kept,
      run.verbatim
        ? {
            text: base + start - from,
            length: end - start,
            original: run.original + (start - run.text),
            originalLength: end - start,
            verbatim: true,
          }
        : {
            text: base + start - from,
            length: end - start,
            original: run.original,
            originalLength: run.originalLength,
            verbatim: false,
          },
    )
  }
  kept.text += text.slice(from, to)
}

/** A block-level tag at text[from, to) between two words leaves one space, mapped to the tag's markup. */
function keepSpaceFor(kept: KeptText, runs: readonly TextRun[], from: number, to: number) {
  const span = toOriginalSpan(runs, from, to)
  pushRun(kept, {
    text: kept.text.length,
    length: 1,
    original: span.start,
    originalLength: span.end - span.start,
    verbatim: false,
  })
  kept.text += ' '
}

/** White space a dropped tag left at the end. */
function dropTrailingSpace(kept: KeptText) {
  while (/\s$/.test(kept.text)) {
    const last = kept.runs[kept.runs.length - 1] as TextRun
    kept.text = kept.text.slice(0, -1)
    last.length--
    if (last.verbatim) last.originalLength--
    if (last.length === 0) kept.runs.pop()
  }
}
