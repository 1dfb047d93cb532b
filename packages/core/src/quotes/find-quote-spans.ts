import type { Paragraph } from '../types.js'
import { isWhiteSpace } from './white-space.js'

/** A quoted stretch of one paragraph, in clean-text offsets of the article. */
export interface QuoteSpan {
  paragraph: number
  /** Inner text range, marks left out, white space trimmed. */
  start: number
  end: number
  /** Offsets of the opening and closing marks; `close` is null when the paragraph ends first. */
  open: number
  close: number | null
  /** Single quote marks (‘…’) rather than double ones. */
  single: boolean
  /** Reopened at the start of this paragraph, carrying on a quote left open in the previous one. */
  continued: boolean
}

export interface QuoteScan {
  spans: QuoteSpan[]
  /** Quotes that ran to the end of a paragraph without a continuation, and marks that closed nothing. */
  unclosed: QuoteSpan[]
  stray: number[]
}

const DOUBLE = /["“”„‟«»]/g
const NATURAL_OPEN = new Set(['“', '„', '‟', '«'])
const NATURAL_CLOSE = new Set(['”', '»'])
const BEFORE_OPEN = /[\s([{\u2014\u2013\-/:;,]/
const AFTER_CLOSE = /[\s.,;:!?)\]}\u2014\u2013\-…'’]/

type Role = 'open' | 'close' | 'either'

/**
 * Whether a mark opens or closes, read from what stands beside it rather than
 * from its shape: scraped text mixes straight and curly marks and closes
 * quotes with the wrong one (`residents.“`, `” In an …`).
 */
function roleOf(text: string, i: number, mark: string): Role {
  const before = i === 0 ? '' : (text[i - 1] as string)
  const after = i + 1 >= text.length ? '' : (text[i + 1] as string)
  const spaceBefore = before === '' || BEFORE_OPEN.test(before)
  const spaceAfter = after === '' || /\s/.test(after)
  const left = spaceBefore && !spaceAfter
  const right = !spaceBefore && (spaceAfter || AFTER_CLOSE.test(after))
  // A closing shape right after a comma, a letter next (`paranoia,”Roe said`): the space after
  // the mark is missing. It closes a quote that is open and opens one otherwise
  // (`said,”We will`): the caller knows which.
  if (left && !right) return before === ',' && NATURAL_CLOSE.has(mark) ? 'either' : 'open'
  if (right && !left) return 'close'
  if (text.slice(0, i).trim() === '') return 'open'
  if (NATURAL_OPEN.has(mark)) return 'open'
  if (NATURAL_CLOSE.has(mark)) return 'close'
  return 'either'
}

function trimmed(text: string, start: number, end: number): [number, number] {
  let s = start
  let e = end
  while (s < e && isWhiteSpace(text.charCodeAt(s))) s++
  while (e > s && isWhiteSpace(text.charCodeAt(e - 1))) e--
  return [s, e]
}

/**
 * Finds the quoted stretches of each paragraph: double marks paired by
 * context, quotes left open at a paragraph end carried on when the next
 * paragraph reopens them, and single-quoted stretches outside double quotes.
 */
export function findQuoteSpans(paragraphs: readonly Paragraph[]): QuoteScan {
  const spans: QuoteSpan[] = []
  const unclosed: QuoteSpan[] = []
  const stray: number[] = []
  let pending: QuoteSpan | null = null

  for (const paragraph of paragraphs) {
    const text = paragraph.text
    const base = paragraph.offset
    const found: QuoteSpan[] = []
    let openAt = -1
    let continued = false
    const startsWithOpen = /^\s*["“„‟«”]/.test(text)
    if (pending && !startsWithOpen) unclosed.push(pending)
    const carrying = pending !== null && startsWithOpen
    pending = null

    const push = (open: number, close: number | null) => {
      const [s, e] = trimmed(text, open + 1, close ?? text.length)
      if (e <= s) return
      found.push({
        paragraph: paragraph.index,
        start: base + s,
        end: base + e,
        open: base + open,
        close: close === null ? null : base + close,
        single: false,
        continued,
      })
    }

    DOUBLE.lastIndex = 0
    for (let match = DOUBLE.exec(text); match; match = DOUBLE.exec(text)) {
      const i = match.index
      const role = roleOf(text, i, match[0])
      if (openAt < 0) {
        if (role === 'close' && !(i === 0 || text.slice(0, i).trim() === '')) {
          stray.push(base + i)
          continue
        }
        openAt = i
        continued = carrying && found.length === 0
      } else if (role === 'open') {
        // A second opener inside a quote: the first was never closed.
        push(openAt, i)
        const last = found[found.length - 1]
        if (last) unclosed.push({ ...last, close: null })
        openAt = i
        continued = false
      } else {
        push(openAt, i)
        openAt = -1
      }
    }
    if (openAt >= 0) {
      push(openAt, null)
      const last = found[found.length - 1]
      if (last && last.close === null) pending = last
    }
    findSingleQuotes(text, base, paragraph.index, found)
    found.sort((a, b) => a.start - b.start)
    spans.push(...found)
  }
  if (pending) unclosed.push(pending)
  return { spans, unclosed, stray }
}

// The mark comes first and the look-behind checks what stands before it: a look-behind
// in front would be tried at every character of the paragraph.
const SINGLE_OPEN = /[‘'](?<=(?:^|[\s([{\u2014\u2013:;,-])[‘'])(?=\p{L}|\d)/gu

/**
 * Single-quoted stretches outside double quotes: an opening ‘ or ' after a
 * space and a closing ’ or ' before a space or punctuation, never inside a
 * word, so apostrophes (Bukele’s, don't, ’90s) are left alone.
 */
function findSingleQuotes(text: string, base: number, paragraph: number, found: QuoteSpan[]): void {
  const inside = (i: number) =>
    found.some((q) => base + i >= q.open && base + i <= (q.close ?? q.end))
  SINGLE_OPEN.lastIndex = 0
  for (let match = SINGLE_OPEN.exec(text); match; match = SINGLE_OPEN.exec(text)) {
    const open = match.index
    if (inside(open)) continue
    const closer = /[’'](?=$|[\s.,;:!?)\]}\u2014\u2013-])/g
    closer.lastIndex = open + 1
    const close = closer.exec(text)
    if (!close) continue
    const at = close.index
    const between = text.slice(open + 1, at)
    // A plural possessive (the workers’ union) is not a closing mark when a letter s precedes it inside a long stretch.
    if (/["“”]/.test(between) || between.length > 400 || inside(at)) continue
    const [s, e] = trimmed(text, open + 1, at)
    if (e <= s) continue
    found.push({
      paragraph,
      start: base + s,
      end: base + e,
      open: base + open,
      close: base + at,
      single: true,
      continued: false,
    })
    SINGLE_OPEN.lastIndex = at + 1
  }
}
