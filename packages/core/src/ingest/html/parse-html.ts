import { decodeHTMLAttribute } from 'entities'
import type { Element, ElementContent, Properties, Root, Text } from 'hast'
import { Parser } from 'htmlparser2'
import { find, html as htmlSchema } from 'property-information'
import { bisectRight } from '../../sorted.js'

/**
 * Deepest element nesting kept, as in Blink's HTML parser: an element opened
 * deeper than this becomes a sibling at this depth, so no walk over the tree
 * can run out of stack on hostile markup, and text is never lost.
 */
export const MAX_HTML_DEPTH = 512

// Raw-text elements whose content is never article text. JSON-LD scripts are
// kept, because page metadata lives there.
export const DROPPED_CONTENT: ReadonlySet<string> = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'iframe',
  'textarea',
  'select',
])

// A page writes the same few attribute names over and over: each is looked up in the
// schema once per page (the names read so far, by attribute name).
function propertyName(attribute: string, propertyNames: Map<string, string>): string {
  let name = propertyNames.get(attribute)
  if (name === undefined) {
    name = find(htmlSchema, attribute).property
    propertyNames.set(attribute, name)
  }
  return name
}

function toProperties(
  attributes: Record<string, string>,
  propertyNames: Map<string, string>,
): Properties {
  const properties: Properties = {}
  for (const attribute in attributes) {
    const raw = attributes[attribute] as string
    const value = raw.includes('&') ? decodeHTMLAttribute(raw) : raw
    const name = propertyName(attribute, propertyNames)
    properties[name] = name === 'className' ? value.split(/\s+/).filter(Boolean) : value
  }
  return properties
}

/** Line starts of `source`, for unist points. */
function lineStarts(source: string): number[] {
  const starts = [0]
  for (let index = source.indexOf('\n'); index >= 0; index = source.indexOf('\n', index + 1))
    starts.push(index + 1)
  return starts
}

/** Where an offset of the source is, as a unist point (1-based line and column). */
function pointAt(starts: readonly number[], offset: number) {
  // starts[0] is 0: every offset is on a line.
  const low = bisectRight(starts, offset) - 1
  return { line: low + 1, column: offset - (starts[low] as number) + 1, offset }
}

// Marks on the stack of open elements for one whose content is dropped, or that was flattened.
const DROPPED = 'dropped'
const FLATTENED = 'flattened'

/** The tree as the parser's events build it. */
interface TreeBuild {
  source: string
  starts: number[]
  root: Root
  /** Open elements, or a mark for one whose content is dropped or that was flattened. */
  stack: (Element | typeof DROPPED | typeof FLATTENED)[]
  /** The open elements kept in the tree, the root first: the last is where content goes. */
  kept: (Root | Element)[]
  dropDepth: number
  /** The text node just added, while no tag or comment has come after it. */
  lastText: Text | null
  propertyNames: Map<string, string>
}

function startTree(source: string): TreeBuild {
  const starts = lineStarts(source)
  const root: Root = {
    type: 'root',
    children: [],
    position: { start: pointAt(starts, 0), end: pointAt(starts, source.length) },
  }
  return {
    source,
    starts,
    root,
    stack: [],
    kept: [root],
    dropDepth: 0,
    lastText: null,
    propertyNames: new Map(),
  }
}

/**
 * An element opens at `[start, end)`: it joins the tree, unless it is content
 * that is dropped (inside such content, or one of `DROPPED_CONTENT` other than
 * a JSON-LD script), and becomes where content goes unless it is nested too deep.
 */
function openElement(
  build: TreeBuild,
  name: string,
  attributes: Record<string, string>,
  start: number,
  end: number,
) {
  build.lastText = null
  if (build.dropDepth > 0 || DROPPED_CONTENT.has(name)) {
    const keepJsonLd =
      build.dropDepth === 0 && name === 'script' && /ld\+json/i.test(attributes.type ?? '')
    if (!keepJsonLd) {
      build.dropDepth++
      build.stack.push(DROPPED)
      return
    }
  }
  const element: Element = {
    type: 'element',
    tagName: name,
    properties: toProperties(attributes, build.propertyNames),
    children: [],
    position: { start: pointAt(build.starts, start), end: pointAt(build.starts, end) },
  }
  const parent = build.kept[build.kept.length - 1] as Root | Element
  parent.children.push(element)
  if (build.kept.length > MAX_HTML_DEPTH) {
    build.stack.push(FLATTENED)
  } else {
    build.kept.push(element)
    build.stack.push(element)
  }
}

/** The innermost open element closes, its end tag ending at `tagEnd` (or implied by another tag). */
function closeElement(build: TreeBuild, implied: boolean, tagEnd: number) {
  build.lastText = null
  const element = build.stack.pop()
  if (element === undefined || element === FLATTENED) return
  if (element === DROPPED) {
    build.dropDepth--
    return
  }
  build.kept.pop()
  if (!element.position) return
  // An implied end (`<p>one<p>two`) ends where the element's content does,
  // not at the tag that closed it.
  const last = element.children[element.children.length - 1]
  const end = implied
    ? Math.max(last?.position?.end.offset ?? 0, element.position.end.offset ?? 0)
    : Math.min(build.source.length, tagEnd)
  element.position.end = pointAt(build.starts, Math.max(end, element.position.start.offset ?? 0))
}

/** Raw text `data` ending at `end` in the source goes into the open element, undecoded. */
function addText(build: TreeBuild, data: string, end: number) {
  if (build.dropDepth > 0) return
  const start = end - data.length
  // Text split by a tag that raised no event (a stray end tag) is two nodes, not one.
  const lastText = build.lastText
  if (lastText?.position && lastText.position.end.offset === start) {
    lastText.value += data
    lastText.position.end = pointAt(build.starts, end)
    return
  }
  const text: Text = {
    type: 'text',
    value: data,
    position: { start: pointAt(build.starts, start), end: pointAt(build.starts, end) },
  }
  ;(build.kept[build.kept.length - 1] as Root | Element).children.push(text as ElementContent)
  build.lastText = text
}

/**
 * Parses HTML into a hast tree whose every node carries `position` offsets
 * into `source`. Text is left undecoded (`&amp;` stays as written) so that
 * later stages can map each decoded character back to the markup it came
 * from; attribute values are decoded. Uses htmlparser2's tokenizer, several
 * times faster than parse5, and builds standard hast, so hast utilities apply.
 * Never throws on content: unclosed and misnested tags are closed the way
 * htmlparser2 closes them; nesting beyond `MAX_HTML_DEPTH` is flattened.
 */
export function parseHtml(source: string): Root {
  const build = startTree(source)
  const parser: Parser = new Parser(
    {
      onopentag: (name, attributes) =>
        openElement(build, name, attributes, parser.startIndex, parser.endIndex + 1),
      onclosetag: (_name, implied) => closeElement(build, implied, parser.endIndex + 1),
      // Raw text is a slice of the source ending at endIndex; startIndex can
      // lag behind it after a malformed tag such as `</>`.
      ontext: (data) => addText(build, data, parser.endIndex + 1),
      oncomment: () => {
        build.lastText = null
      },
    },
    {
      decodeEntities: false,
      lowerCaseTags: true,
      lowerCaseAttributeNames: true,
      recognizeSelfClosing: false,
    },
  )
  parser.end(source)
  return build.root
}
