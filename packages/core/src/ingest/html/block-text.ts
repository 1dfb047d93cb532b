import type { Element } from 'hast'
import type { TextRun } from '../../types.js'
import { composeNfc } from './compose-nfc.js'
import { decodeHtmlText } from './decode-html-text.js'
import { dropEscapedMarkup } from './escaped-markup.js'

/** The text of one block as the walk over the page gathers it. */
export interface BlockText {
  element: Element
  path: Element[]
  text: string
  runs: TextRun[]
  linkLength: number
  /** Source range of white space seen since the last character, or null. */
  space: { start: number; end: number; verbatim: boolean } | null
  breaks: number
}

// Combining marks that a decoded reference may add after a letter.
const MAY_COMPOSE = /\p{M}/u

/** An empty block of text for `element`, whose elements from the root are `path`. */
export function openBlockText(element: Element, path: Element[]): BlockText {
  return { element, path, text: '', runs: [], linkLength: 0, space: null, breaks: 0 }
}

/** Appends `text` mapped to the markup at `original`, joined to the last run where both are verbatim and adjacent. */
function pushRun(
  builder: BlockText,
  text: string,
  original: number,
  originalLength: number,
  verbatim: boolean,
) {
  const last = builder.runs[builder.runs.length - 1]
  const at = builder.text.length
  if (
    verbatim &&
    last?.verbatim &&
    last.text + last.length === at &&
    last.original + last.originalLength === original
  ) {
    last.length += text.length
    last.originalLength += originalLength
  } else {
    builder.runs.push({ text: at, length: text.length, original, originalLength, verbatim })
  }
  builder.text += text
}

/**
 * Appends a text node's raw markup (starting at `offset` in the page),
 * decoded, with white space collapsed as a browser collapses it: a run of it
 * becomes one space, written only once a character follows, never at the
 * start of the block or after a line break. `inLink`: the text is inside a
 * link, so it counts toward the block's link length.
 */
export function appendText(builder: BlockText, raw: string, offset: number, inLink: boolean) {
  decodeHtmlText(raw, offset, (piece, original, originalLength, kind) => {
    if (kind === 'space') {
      if (builder.space) builder.space.verbatim = false
      else builder.space = { start: original, end: original, verbatim: piece === ' ' }
      builder.space.end = original + originalLength
      return
    }
    if (builder.text !== '' && builder.space && !builder.text.endsWith('\n')) {
      const { start, end, verbatim } = builder.space
      pushRun(builder, ' ', start, end - start, verbatim && end - start === 1)
      if (inLink) builder.linkLength++
    }
    builder.space = null
    builder.breaks = 0
    pushRun(builder, piece, original, originalLength, kind === 'verbatim')
    if (inLink) builder.linkLength += piece.length
  })
}

/** A `<br>` inside a block: a line break, mapped to the tag; none at the start of a block. */
export function appendLineBreak(builder: BlockText, br: Element) {
  if (builder.text === '') return
  const at = br.position?.start.offset ?? 0
  pushRun(builder, '\n', at, (br.position?.end.offset ?? at) - at, false)
  builder.space = null
  builder.breaks = 1
}

/**
 * The clean text gathered since the block last ended, and its runs and link
 * length, leaving the builder empty for the text that follows: trailing line
 * breaks dropped, composed to NFC where pieces met that compose, and markup
 * the page escaped taken out.
 */
export function takeBlockText(builder: BlockText): {
  text: string
  runs: TextRun[]
  linkLength: number
} {
  builder.space = null
  builder.breaks = 0
  let text = builder.text
  let runs = builder.runs
  const linkLength = builder.linkLength
  // Trailing line breaks from <br> are not content.
  while (text.endsWith('\n')) {
    const last = runs[runs.length - 1] as TextRun
    text = text.slice(0, last.text)
    runs = runs.slice(0, -1)
  }
  if (MAY_COMPOSE.test(text) && text.normalize('NFC') !== text)
    ({ text, runs } = composeNfc(text, runs))
  // Markup the page escaped (`&lt;a href="…"&gt;`) is no text a reader should get.
  if (text.includes('<')) ({ text, runs } = dropEscapedMarkup(text, runs))
  builder.text = ''
  builder.runs = []
  builder.linkLength = 0
  return { text, runs, linkLength }
}
