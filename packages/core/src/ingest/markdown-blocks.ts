import type { Heading, Nodes, Parent, PhrasingContent, Root, RootContent } from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import type { Span, TextRun } from '../types.js'
import { type Block, trimBlock } from './block.js'

const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml'])

/** What a Markdown document holds before cleanup: its blocks and its YAML front matter. */
export interface MarkdownBlocks {
  blocks: Block[]
  frontMatter: { value: string; span: Span } | null
}

function offsets(node: Nodes): Span | null {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  return start === undefined || end === undefined ? null : { start, end }
}

class BlockText {
  text = ''
  runs: TextRun[] = []

  add(value: string, source: Span, original: string): void {
    if (value === '') return
    if (original.slice(source.start, source.end) !== value) {
      this.push(value.replace(/\s*\n\s*/g, ' '), source.start, source.end - source.start, false)
      return
    }
    // A soft line break inside a paragraph reads as a space; the rest stays verbatim.
    const lineBreak = /[ \t]*\r?\n[ \t]*/g
    let at = 0
    for (let match = lineBreak.exec(value); match; match = lineBreak.exec(value)) {
      this.push(value.slice(at, match.index), source.start + at, match.index - at, true)
      this.push(' ', source.start + match.index, match[0].length, false)
      at = match.index + match[0].length
    }
    this.push(value.slice(at), source.start + at, value.length - at, true)
  }

  private push(value: string, original: number, originalLength: number, verbatim: boolean): void {
    if (value === '') return
    this.runs.push({
      text: this.text.length,
      length: value.length,
      original,
      originalLength,
      verbatim,
    })
    this.text += value
  }
}

function collectInline(nodes: PhrasingContent[], out: BlockText, original: string): void {
  for (const node of nodes) {
    const span = offsets(node)
    switch (node.type) {
      case 'text':
      case 'inlineCode':
        if (span) out.add(node.value, span, original)
        break
      case 'break':
        if (span) out.add(' ', span, original)
        break
      case 'image':
      case 'imageReference':
      case 'html':
      case 'footnoteReference':
        break
      default:
        if ('children' in node) collectInline(node.children as PhrasingContent[], out, original)
    }
  }
}

function inlineBlock(
  node: Parent & Nodes,
  original: string,
  kind: Block['kind'],
  depth = 0,
): Block | null {
  const span = offsets(node)
  if (!span) return null
  const out = new BlockText()
  collectInline(node.children as PhrasingContent[], out, original)
  if (out.text.trim() === '') return null
  return trimBlock({ text: out.text, span, runs: out.runs, kind, depth })
}

function isOnly(node: Parent, type: string): boolean {
  const meaningful = node.children.filter(
    (child) => !(child.type === 'text' && child.value.trim() === ''),
  )
  return meaningful.length === 1 && meaningful[0]?.type === type
}

function imageAlt(node: Parent): string {
  const image = node.children.find((child) => child.type === 'image')
  return image && 'alt' in image && typeof image.alt === 'string' ? image.alt : ''
}

function walk(nodes: RootContent[], original: string, blocks: Block[]): void {
  for (const node of nodes) {
    switch (node.type) {
      case 'heading': {
        const block = inlineBlock(node as Heading, original, 'heading', node.depth)
        if (block) blocks.push(block)
        break
      }
      case 'paragraph': {
        const span = offsets(node)
        if (isOnly(node, 'image') && span) {
          const alt = imageAlt(node)
          blocks.push({ text: alt, span, runs: [], kind: 'image', depth: 0 })
          break
        }
        const kind = isOnly(node, 'emphasis') ? 'emphasis' : 'paragraph'
        const block = inlineBlock(node, original, kind)
        if (block) blocks.push(block)
        break
      }
      case 'blockquote':
      case 'list':
      case 'listItem':
        walk(node.children as RootContent[], original, blocks)
        break
      case 'table':
        for (const row of node.children) {
          const cells = row.children
            .map((cell) => inlineBlock(cell, original, 'paragraph'))
            .filter((cell): cell is Block => cell !== null)
          blocks.push(...cells)
        }
        break
      default:
        // Code, raw HTML, thematic breaks and definitions carry no story text.
        break
    }
  }
}

/** Parses Markdown with remark into cleanup blocks; inline markup is dropped, its text kept with runs to the source. */
export function markdownBlocks(original: string): MarkdownBlocks {
  const tree = parser.parse(original) as Root
  let frontMatter: MarkdownBlocks['frontMatter'] = null
  const first = tree.children[0]
  if (first?.type === 'yaml') {
    const span = offsets(first)
    if (span) frontMatter = { value: first.value, span }
  }
  const blocks: Block[] = []
  walk(
    tree.children.filter((node) => node.type !== 'yaml'),
    original,
    blocks,
  )
  return { blocks, frontMatter }
}
