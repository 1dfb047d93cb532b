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
  const starts = lineStarts(source)
  const point = (offset: number) => {
    // starts[0] is 0: every offset is on a line.
    const low = bisectRight(starts, offset) - 1
    return { line: low + 1, column: offset - (starts[low] as number) + 1, offset }
  }
  const root: Root = {
    type: 'root',
    children: [],
    position: { start: point(0), end: point(source.length) },
  }
  // Open elements, or a marker for one whose content is dropped or that was flattened.
  const DROPPED = 'dropped'
  const FLATTENED = 'flattened'
  const stack: (Element | typeof DROPPED | typeof FLATTENED)[] = []
  const kept: (Root | Element)[] = [root]
  let dropDepth = 0
  let lastText: Text | null = null
  const propertyNames = new Map<string, string>()

  const parser: Parser = new Parser(
    {
      onopentag(name, attributes) {
        lastText = null
        if (dropDepth > 0 || DROPPED_CONTENT.has(name)) {
          const keepJsonLd =
            dropDepth === 0 && name === 'script' && /ld\+json/i.test(attributes.type ?? '')
          if (!keepJsonLd) {
            dropDepth++
            stack.push(DROPPED)
            return
          }
        }
        const element: Element = {
          type: 'element',
          tagName: name,
          properties: toProperties(attributes, propertyNames),
          children: [],
          position: { start: point(parser.startIndex), end: point(parser.endIndex + 1) },
        }
        const parent = kept[kept.length - 1] as Root | Element
        parent.children.push(element)
        if (kept.length > MAX_HTML_DEPTH) {
          stack.push(FLATTENED)
        } else {
          kept.push(element)
          stack.push(element)
        }
      },
      onclosetag(_name, implied) {
        lastText = null
        const element = stack.pop()
        if (element === undefined || element === FLATTENED) return
        if (element === DROPPED) {
          dropDepth--
          return
        }
        kept.pop()
        if (!element.position) return
        // An implied end (`<p>one<p>two`) ends where the element's content does,
        // not at the tag that closed it.
        const last = element.children[element.children.length - 1]
        const end = implied
          ? Math.max(last?.position?.end.offset ?? 0, element.position.end.offset ?? 0)
          : Math.min(source.length, parser.endIndex + 1)
        element.position.end = point(Math.max(end, element.position.start.offset ?? 0))
      },
      ontext(data) {
        if (dropDepth > 0) return
        // Raw text is a slice of the source ending at endIndex; startIndex can
        // lag behind it after a malformed tag such as `</>`.
        const end = parser.endIndex + 1
        const start = end - data.length
        // Text split by a tag that raised no event (a stray end tag) is two nodes, not one.
        if (lastText?.position && lastText.position.end.offset === start) {
          lastText.value += data
          lastText.position.end = point(end)
          return
        }
        const text: Text = {
          type: 'text',
          value: data,
          position: { start: point(start), end: point(end) },
        }
        ;(kept[kept.length - 1] as Root | Element).children.push(text as ElementContent)
        lastText = text
      },
      oncomment() {
        lastText = null
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
  return root
}
