import type { Heading, Nodes, Parent, PhrasingContent, Root, RootContent } from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import type { Span, TextRun } from '../types.js'
import { type Block, trimBlock } from './block.js'
import { defuseMarkdown, HIDDEN } from './defuse-markdown.js'

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

  private readonly defused: boolean

  /** `parsed` is what remark read: `original`, or its defused copy of the same length. */
  constructor(
    original: string,
    private readonly parsed: string,
  ) {
    this.defused = parsed !== original
  }

  add(value: string, source: Span): void {
    if (value === '') return
    const defused = this.defused
    if (this.parsed.slice(source.start, source.end) !== value) {
      const text = value.replace(/\s*\n\s*/g, ' ')
      this.push(
        defused ? text.replaceAll(HIDDEN, '') : text,
        source.start,
        source.end - source.start,
        false,
      )
      return
    }
    // A soft line break inside a paragraph reads as a space, syntax hidden by
    // defuseMarkdown reads as nothing; the rest stays verbatim.
    const cut = defused ? /[ \t]*\r?\n[ \t]*|\uE000+/g : /[ \t]*\r?\n[ \t]*/g
    let at = 0
    for (let match = cut.exec(value); match; match = cut.exec(value)) {
      this.push(value.slice(at, match.index), source.start + at, match.index - at, true)
      if (match[0][0] !== HIDDEN) this.push(' ', source.start + match.index, match[0].length, false)
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

/**
 * Visits `nodes` and their descendants depth first, in document order, going
 * into the children `visit` returns. An explicit stack rather than recursion:
 * nesting is capped by defuseMarkdown, but no depth of the tree should be able
 * to run the stack out.
 */
function eachNode<T>(nodes: readonly T[], visit: (node: T) => readonly T[] | undefined): void {
  const stack: T[][] = [nodes.slice().reverse()]
  for (let level = stack.at(-1); level; level = stack.at(-1)) {
    const node = level.pop()
    if (!node) {
      stack.pop()
      continue
    }
    const children = visit(node)
    if (children) stack.push(children.slice().reverse())
  }
}

function collectInline(nodes: PhrasingContent[], out: BlockText): void {
  eachNode(nodes, (node) => {
    const span = offsets(node)
    switch (node.type) {
      case 'text':
      case 'inlineCode':
        if (span) out.add(node.value, span)
        break
      case 'break':
        if (span) out.add(' ', span)
        break
      case 'image':
      case 'imageReference':
      case 'html':
      case 'footnoteReference':
        break
      default:
        if ('children' in node) return node.children as PhrasingContent[]
    }
    return undefined
  })
}

function inlineBlock(
  node: Parent & Nodes,
  original: string,
  parsed: string,
  kind: Block['kind'],
  depth = 0,
): Block | null {
  const span = offsets(node)
  if (!span) return null
  const out = new BlockText(original, parsed)
  collectInline(node.children as PhrasingContent[], out)
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
  return image && 'alt' in image && typeof image.alt === 'string'
    ? image.alt.replaceAll(HIDDEN, '')
    : ''
}

function walk(nodes: RootContent[], original: string, parsed: string, blocks: Block[]): void {
  // Containers nest as deep as the input says.
  eachNode(nodes, (node) => {
    switch (node.type) {
      case 'heading': {
        const block = inlineBlock(node as Heading, original, parsed, 'heading', node.depth)
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
        const block = inlineBlock(node, original, parsed, kind)
        if (block) blocks.push(block)
        break
      }
      case 'blockquote':
      case 'list':
      case 'listItem':
        return node.children as RootContent[]
      case 'table':
        for (const row of node.children) {
          const cells = row.children
            .map((cell) => inlineBlock(cell, original, parsed, 'paragraph'))
            .filter((cell): cell is Block => cell !== null)
          blocks.push(...cells)
        }
        break
      default:
        // Code, raw HTML, thematic breaks and definitions carry no story text.
        break
    }
    return undefined
  })
}

/**
 * Parses Markdown with remark into cleanup blocks; inline markup is dropped,
 * its text kept with runs to the source. Hostile syntax (nesting thousands
 * deep, runs of emphasis markers) is defused first, so the time stays linear
 * in the length and the walk never runs out of stack.
 */
export function markdownBlocks(original: string): MarkdownBlocks {
  const parsed = defuseMarkdown(original)
  const tree = parser.parse(parsed) as Root
  let frontMatter: MarkdownBlocks['frontMatter'] = null
  const first = tree.children[0]
  if (first?.type === 'yaml') {
    const span = offsets(first)
    // The value is a verbatim slice of what was parsed; read it from the original.
    const at = span ? parsed.indexOf(first.value, span.start) : -1
    if (span && at !== -1)
      frontMatter = { value: original.slice(at, at + first.value.length), span }
  }
  const blocks: Block[] = []
  walk(
    tree.children.filter((node) => node.type !== 'yaml'),
    original,
    parsed,
    blocks,
  )
  return { blocks, frontMatter }
}
