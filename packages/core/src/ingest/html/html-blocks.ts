import type { Element, Root, RootContent } from 'hast'
import type { TextRun } from '../../types.js'
import type { Block } from '../block.js'
import {
  appendLineBreak,
  appendText,
  type BlockText,
  openBlockText,
  takeBlockText,
} from './block-text.js'
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

const HEADING: Record<string, number> = { h1: 1, h2: 2, h3: 3, h4: 4, h5: 5, h6: 6 }

function isHidden(element: Element): boolean {
  const properties = element.properties
  if (properties.hidden !== undefined && properties.hidden !== false) return true
  if (properties.ariaHidden === 'true' && !BLOCK_ELEMENTS.has(element.tagName)) return true
  const style = properties.style
  return typeof style === 'string' && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style)
}

/** The blocks found so far, and how many links the walk is inside. */
interface BlockWalk {
  blocks: HtmlBlock[]
  inLink: number
}

/**
 * Splits a page's tree into blocks of clean text, each with runs mapping every
 * character back to the HTML: character references decode, white space
 * collapses as a browser collapses it, `<br>` becomes a line break and two in a
 * row end the paragraph. Hidden elements, scripts, styles, media and form
 * controls contribute nothing.
 */
export function htmlBlocks(tree: Root): HtmlBlock[] {
  const walk: BlockWalk = { blocks: [], inLink: 0 }
  const document = documentElement(tree)
  const top = openBlockText(document, [document])
  walkNode(walk, tree, top, [document])
  endBlock(walk, top)
  return walk.blocks
}

// Every block's path starts at one element standing for the document, so a
// bare fragment's paragraphs (a CMS body: `<p>…</p><p>…</p>`) are siblings too.
function documentElement(tree: Root): Element {
  return {
    type: 'element',
    tagName: 'html',
    properties: {},
    children: tree.children.filter(
      (child): child is Element['children'][number] => child.type !== 'doctype',
    ),
  }
}

function walkNode(walk: BlockWalk, node: RootContent | Root, builder: BlockText, path: Element[]) {
  if (node.type === 'text') {
    appendText(builder, node.value, node.position?.start.offset ?? 0, walk.inLink > 0)
    return
  }
  if (node.type === 'root') {
    for (const child of node.children) walkNode(walk, child, builder, path)
    return
  }
  if (node.type !== 'element') return
  const tag = node.tagName
  if (SKIPPED.has(tag) || isHidden(node)) return
  if (tag === 'br') {
    // A second <br> in a row ends the paragraph.
    if (builder.breaks >= 1) endBlock(walk, builder)
    else appendLineBreak(builder, node)
    return
  }
  if (BLOCK_ELEMENTS.has(tag)) {
    walkBlock(walk, node, builder, path)
    return
  }
  if (tag === 'a') walk.inLink++
  for (const child of node.children) walkNode(walk, child, builder, path)
  if (tag === 'a') walk.inLink--
}

/** A block element ends the text before it and gathers its own, nested blocks apart. */
function walkBlock(walk: BlockWalk, element: Element, outer: BlockText, path: Element[]) {
  endBlock(walk, outer)
  const childPath = [...path, element]
  const inner = openBlockText(element, childPath)
  for (const child of element.children) walkNode(walk, child, inner, childPath)
  endBlock(walk, inner)
}

/** Ends the block `builder` gathers: its text so far becomes a block, unless it is only white space. */
function endBlock(walk: BlockWalk, builder: BlockText) {
  const { text, runs, linkLength } = takeBlockText(builder)
  if (text.trim() === '' || runs.length === 0) return
  const first = runs[0] as TextRun
  const last = runs[runs.length - 1] as TextRun
  const heading = HEADING[builder.element.tagName] ?? 0
  walk.blocks.push({
    text,
    span: { start: first.original, end: last.original + last.originalLength },
    runs,
    kind: heading ? 'heading' : 'paragraph',
    depth: heading,
    element: builder.element,
    path: builder.path,
    linkLength: Math.min(linkLength, text.length),
    heading,
  })
}
