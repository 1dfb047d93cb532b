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
  let out = ''
  const outRuns: TextRun[] = []
  const push = (run: TextRun) => {
    const last = outRuns[outRuns.length - 1]
    if (
      run.verbatim &&
      last?.verbatim &&
      last.text + last.length === run.text &&
      last.original + last.originalLength === run.original
    ) {
      last.length += run.length
      last.originalLength += run.originalLength
    } else outRuns.push(run)
  }
  // Copies text[from, to) with the parts of the runs that cover it.
  const keep = (from: number, to: number) => {
    if (to <= from) return
    const base = out.length
    for (const run of runs) {
      const start = Math.max(from, run.text)
      const end = Math.min(to, run.text + run.length)
      if (start >= end) continue
      push(
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
    out += text.slice(from, to)
  }
  let cursor = 0
  ESCAPED_TAG.lastIndex = 0
  for (let m = ESCAPED_TAG.exec(text); m; m = ESCAPED_TAG.exec(text)) {
    keep(cursor, m.index)
    let end = m.index + m[0].length
    const spaced = out === '' || /\s$/.test(out)
    // White space after a tag that follows white space would double it.
    if (spaced) while (end < text.length && /[ \t]/.test(text.charAt(end))) end++
    const next = text.charAt(end)
    if (!spaced && next !== '' && !/\s/.test(next) && BLOCK_TAG.test(m[1] as string)) {
      const span = toOriginalSpan(runs, m.index, m.index + m[0].length)
      push({
        text: out.length,
        length: 1,
        original: span.start,
        originalLength: span.end - span.start,
        verbatim: false,
      })
      out += ' '
    }
    cursor = end
  }
  keep(cursor, text.length)
  // White space a dropped tag left at the end.
  while (/\s$/.test(out)) {
    const last = outRuns[outRuns.length - 1] as TextRun
    out = out.slice(0, -1)
    last.length--
    if (last.verbatim) last.originalLength--
    if (last.length === 0) outRuns.pop()
  }
  return { text: out, runs: outRuns }
}
