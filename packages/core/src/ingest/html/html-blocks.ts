import type { Element, Root, RootContent } from 'hast'
import type { TextRun } from '../../types.js'
import type { Block } from '../block.js'
import { decodeHtmlText } from './decode-html-text.js'
import { dropEscapedMarkup } from './escaped-markup.js'
import { DROPPED_CONTENT } from './parse-html.js'

/**
 * A block of text as the page lays it out: one paragraph, heading, list item
 * or cell, with what the extractor needs to judge it.
 */
export interface HtmlBlock extends Block {
  /** The block-level element whose inline content this is. */
  element: Element
  /** Elements from the root down to `element`, inclusive. */
  path: Element[]
  /** Characters of `text` inside links. */
  linkLength: number
  /** 1–6 for `h1`–`h6`, else 0. */
  heading: number
}

// Content that is never read as text: embedded media, form controls, page furniture.
const SKIPPED = new Set([
  ...DROPPED_CONTENT,
  'head',
  'img',
  'picture',
  'video',
  'audio',
  'source',
  'track',
  'canvas',
  'object',
  'embed',
  'map',
  'area',
  'input',
  'button',
  'option',
  'label',
  'meta',
  'link',
  'title',
  'base',
  'dialog',
])

/** Elements that start a new block of text. */
export const BLOCK_ELEMENTS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
  'center',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'legend',
  'li',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
])

// Combining marks that a decoded reference may add after a letter.
const MAY_COMPOSE = /\p{M}/u

const HEADING: Record<string, number> = { h1: 1, h2: 2, h3: 3, h4: 4, h5: 5, h6: 6 }

function isHidden(element: Element): boolean {
  const properties = element.properties
  if (properties.hidden !== undefined && properties.hidden !== false) return true
  if (properties.ariaHidden === 'true' && !BLOCK_ELEMENTS.has(element.tagName)) return true
  const style = properties.style
  return typeof style === 'string' && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style)
}

interface Builder {
  element: Element
  path: Element[]
  text: string
  runs: TextRun[]
  linkLength: number
  /** Source range of white space seen since the last character, or null. */
  space: { start: number; end: number; verbatim: boolean } | null
  breaks: number
}

interface Cluster {
  start: number
  end: number
  composed: string
  done: boolean
}

/**
 * Composes a block's text to NFC where pieces met that compose across their
 * border ("cafe" then "&#769;"): each such cluster of characters becomes one
 * replaced run covering all the markup it came from; other runs keep their
 * mapping, shifted.
 */
function composeNfc(text: string, runs: readonly TextRun[]): { text: string; runs: TextRun[] } {
  const clusters: Cluster[] = []
  for (let index = 0; index < text.length; ) {
    let end = index + 1
    while (end < text.length && /\p{M}/u.test(text[end] as string)) end++
    if (end - index > 1) {
      const cluster = text.slice(index, end)
      if (cluster.normalize('NFC') !== cluster)
        clusters.push({ start: index, end, composed: '', done: false })
    }
    index = end
  }
  // A replaced run maps only as a whole: a cluster that touches one takes it in.
  for (const cluster of clusters)
    for (const run of runs)
      if (!run.verbatim && run.text < cluster.end && run.text + run.length > cluster.start) {
        cluster.start = Math.min(cluster.start, run.text)
        cluster.end = Math.max(cluster.end, run.text + run.length)
      }
  const merged: Cluster[] = []
  for (const cluster of clusters) {
    const last = merged[merged.length - 1]
    if (last && cluster.start <= last.end) last.end = Math.max(last.end, cluster.end)
    else merged.push(cluster)
  }
  for (const cluster of merged)
    cluster.composed = text.slice(cluster.start, cluster.end).normalize('NFC')

  const deltaAt = (position: number) => {
    let delta = 0
    for (const cluster of merged)
      if (cluster.end <= position) delta += cluster.composed.length - (cluster.end - cluster.start)
    return delta
  }
  const originalAt = (position: number, edge: 'start' | 'end') => {
    for (const run of runs) {
      const inside =
        edge === 'start'
          ? run.text <= position && position < run.text + run.length
          : run.text < position && position <= run.text + run.length
      if (!inside) continue
      if (run.verbatim) return run.original + (position - run.text)
      return edge === 'start' ? run.original : run.original + run.originalLength
    }
    return 0
  }
  const out: TextRun[] = []
  for (const run of runs) {
    let from = run.text
    const to = run.text + run.length
    while (from < to) {
      const cluster = merged.find((c) => c.end > from)
      if (cluster && cluster.start <= from) {
        if (!cluster.done) {
          const start = originalAt(cluster.start, 'start')
          out.push({
            text: cluster.start + deltaAt(cluster.start),
            length: cluster.composed.length,
            original: start,
            originalLength: originalAt(cluster.end, 'end') - start,
            verbatim: false,
          })
          cluster.done = true
        }
        from = cluster.end
        continue
      }
      const stop = cluster ? Math.min(to, cluster.start) : to
      out.push(
        run.verbatim
          ? {
              text: from + deltaAt(from),
              length: stop - from,
              original: run.original + (from - run.text),
              originalLength: stop - from,
              verbatim: true,
            }
          : { ...run, text: from + deltaAt(from) },
      )
      from = stop
    }
  }
  let composedText = ''
  let at = 0
  for (const cluster of merged) {
    composedText += text.slice(at, cluster.start) + cluster.composed
    at = cluster.end
  }
  composedText += text.slice(at)
  return { text: composedText, runs: out }
}

function pushRun(
  builder: Builder,
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
 * Splits a page's tree into blocks of clean text, each with runs mapping every
 * character back to the HTML: character references decode, white space
 * collapses as a browser collapses it, `<br>` becomes a line break and two in a
 * row end the paragraph. Hidden elements, scripts, styles, media and form
 * controls contribute nothing.
 */
export function htmlBlocks(tree: Root): HtmlBlock[] {
  const blocks: HtmlBlock[] = []
  let inLink = 0

  const open = (element: Element, path: Element[]): Builder => ({
    element,
    path,
    text: '',
    runs: [],
    linkLength: 0,
    space: null,
    breaks: 0,
  })

  const flush = (builder: Builder) => {
    builder.space = null
    builder.breaks = 0
    let text = builder.text
    let runs = builder.runs
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
    if (text.trim() !== '' && runs.length > 0) {
      const first = runs[0] as TextRun
      const last = runs[runs.length - 1] as TextRun
      blocks.push({
        text,
        span: { start: first.original, end: last.original + last.originalLength },
        runs,
        kind: HEADING[builder.element.tagName] ? 'heading' : 'paragraph',
        depth: HEADING[builder.element.tagName] ?? 0,
        element: builder.element,
        path: builder.path,
        linkLength: Math.min(builder.linkLength, text.length),
        heading: HEADING[builder.element.tagName] ?? 0,
      })
    }
    builder.text = ''
    builder.runs = []
    builder.linkLength = 0
  }

  const appendText = (builder: Builder, raw: string, offset: number) => {
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
        if (inLink > 0) builder.linkLength++
      }
      builder.space = null
      builder.breaks = 0
      pushRun(builder, piece, original, originalLength, kind === 'verbatim')
      if (inLink > 0) builder.linkLength += piece.length
    })
  }

  const walk = (node: RootContent | Root, builder: Builder, path: Element[]) => {
    if (node.type === 'text') {
      appendText(builder, node.value, node.position?.start.offset ?? 0)
      return
    }
    if (node.type !== 'element' && node.type !== 'root') return
    if (node.type === 'element') {
      const tag = node.tagName
      if (SKIPPED.has(tag) || isHidden(node)) return
      if (tag === 'br') {
        if (builder.breaks >= 1) {
          flush(builder)
        } else if (builder.text !== '') {
          const at = node.position?.start.offset ?? 0
          pushRun(builder, '\n', at, (node.position?.end.offset ?? at) - at, false)
          builder.space = null
          builder.breaks = 1
        }
        return
      }
      if (BLOCK_ELEMENTS.has(tag)) {
        flush(builder)
        const childPath = [...path, node]
        const inner = open(node, childPath)
        for (const child of node.children) walk(child, inner, childPath)
        flush(inner)
        return
      }
      if (tag === 'a') inLink++
      for (const child of node.children) walk(child, builder, path)
      if (tag === 'a') inLink--
      return
    }
    for (const child of node.children) walk(child, builder, path)
  }

  // Every block's path starts at one element standing for the document, so a
  // bare fragment's paragraphs (a CMS body: `<p>…</p><p>…</p>`) are siblings too.
  const document: Element = {
    type: 'element',
    tagName: 'html',
    properties: {},
    children: tree.children.filter(
      (child): child is Element['children'][number] => child.type !== 'doctype',
    ),
  }
  const top = open(document, [document])
  walk(tree, top, [document])
  flush(top)
  return blocks
}
