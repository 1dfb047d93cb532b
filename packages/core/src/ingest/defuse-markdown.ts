/**
 * The character that stands in for a piece of Markdown syntax the parser must
 * not see. One UTF-16 unit, so every offset into the defused copy is an offset
 * into the original; the Markdown reader drops it from the clean text.
 */
export const HIDDEN = '\uE000'

/**
 * Container markers (`>`, list bullets, ordered-list numbers) one line may open.
 * Beyond this the rest of the line's prefix is hidden and its text joins the
 * deepest container kept, as the HTML reader flattens beyond `MAX_HTML_DEPTH`.
 */
export const MAX_MARKDOWN_DEPTH = 32

/** Columns of a line's container prefix (indentation and markers) kept. */
export const MAX_MARKDOWN_PREFIX = 128

/**
 * Emphasis, bracket and backtick characters one paragraph (lines up to a blank
 * line, a list item or a heading) may carry. remark's resolvers for these are quadratic in their count
 * within a paragraph; beyond the cap they are hidden, which leaves the text
 * they would have marked up.
 */
export const MAX_INLINE_MARKERS = 256

/**
 * Emphasis, bracket and backtick characters the whole document may carry: remark
 * reads each in about ten microseconds, so a page dense with them costs seconds
 * per megabyte. Beyond the cap they are hidden as beyond `MAX_INLINE_MARKERS`.
 */
export const MAX_DOCUMENT_INLINE_MARKERS = 20_000

const FENCE = /^(`{3,}|~{3,})/

function markerLength(source: string, at: number, lineEnd: number): number {
  const char = source[at]
  const after = (position: number) =>
    position >= lineEnd || source[position] === ' ' || source[position] === '\t'
  if (char === '>') return 1
  if ((char === '-' || char === '*' || char === '+') && after(at + 1)) return 1
  let digits = 0
  while (digits < 9 && at + digits < lineEnd && /[0-9]/.test(source[at + digits] as string))
    digits++
  if (digits > 0) {
    const delimiter = source[at + digits]
    if ((delimiter === '.' || delimiter === ')') && after(at + digits + 1)) return digits + 1
  }
  return 0
}

/**
 * A copy of `source` of the same length in which the constructs that make the
 * Markdown parser superlinear or its tree deeper than a walk can go are
 * replaced by `HIDDEN`: container prefixes beyond `MAX_MARKDOWN_DEPTH` markers
 * or `MAX_MARKDOWN_PREFIX` columns, and emphasis, bracket and backtick
 * characters beyond `MAX_INLINE_MARKERS` in a paragraph or
 * `MAX_DOCUMENT_INLINE_MARKERS` in the document (never on a code fence
 * line, so fences still close). Returns `source` itself when nothing was
 * hidden, which is the case for every ordinary article. Linear in the length.
 */
export function defuseMarkdown(source: string): string {
  const hidden: number[] = []
  const hide = (from: number, to: number) => {
    if (from < to) hidden.push(from, to)
  }
  let inlineMarkers = 0
  let documentMarkers = 0
  let lineStart = 0
  while (lineStart < source.length) {
    let lineEnd = source.indexOf('\n', lineStart)
    if (lineEnd === -1) lineEnd = source.length
    let at = lineStart
    let markers = 0
    let listItem = false
    let hideFrom = -1
    while (at < lineEnd) {
      const step = at
      if (source[at] === ' ' || source[at] === '\t' || source[at] === '\r') {
        at++
      } else {
        const length = markerLength(source, at, lineEnd)
        if (length === 0) break
        markers++
        if (source[at] !== '>') listItem = true
        if (hideFrom === -1 && markers > MAX_MARKDOWN_DEPTH) hideFrom = at
        at += length
      }
      if (hideFrom === -1 && at - lineStart > MAX_MARKDOWN_PREFIX) hideFrom = step
    }
    if (hideFrom !== -1) hide(hideFrom, at)
    // A list item or a heading starts a block of its own: its markers are counted afresh.
    const heading = source[at] === '#'
    if (listItem || heading) inlineMarkers = 0
    if (at >= lineEnd || source.slice(at, lineEnd).trim() === '') {
      inlineMarkers = 0
    } else if (!FENCE.test(source.slice(at, at + 3))) {
      for (let index = at; index < lineEnd; index++) {
        const char = source[index]
        if (char === '*' || char === '_' || char === '[' || char === ']' || char === '`') {
          inlineMarkers++
          documentMarkers++
          if (inlineMarkers > MAX_INLINE_MARKERS || documentMarkers > MAX_DOCUMENT_INLINE_MARKERS)
            hide(index, index + 1)
        }
      }
    }
    if (heading) inlineMarkers = 0
    lineStart = lineEnd + 1
  }
  if (hidden.length === 0) return source
  const pieces: string[] = []
  let from = 0
  for (let index = 0; index < hidden.length; index += 2) {
    const start = hidden[index] as number
    const end = hidden[index + 1] as number
    pieces.push(source.slice(from, start), HIDDEN.repeat(end - start))
    from = end
  }
  pieces.push(source.slice(from))
  return pieces.join('')
}
