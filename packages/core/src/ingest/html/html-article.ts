import type { Element } from 'hast'
import type { BoilerplateKind, Caption, PullQuote, RemovedText } from '../../types.js'
import type { Block } from '../block.js'
import { CREDIT_ONLY, CREDIT_SUFFIX } from '../boilerplate-patterns.js'
import { type HtmlBlock, htmlBlocks } from './html-blocks.js'
import { type HtmlMetadata, readHtmlMetadata } from './html-metadata.js'
import { classifyBlocks } from './main-content.js'
import { parseHtml } from './parse-html.js'

/** An HTML page taken apart: the story's blocks, what sat beside them, and the page's metadata. */
export interface HtmlArticleParts {
  body: Block[]
  captions: Caption[]
  pullQuotes: PullQuote[]
  removed: RemovedText[]
  metadata: HtmlMetadata
  /** Blocks of text on the whole page, for messages. */
  blockCount: number
}

// Which kind of furniture a removed block was, by the names of the elements around it.
const REMOVED_KINDS: [RegExp, BoilerplateKind][] = [
  [
    /(?:^|[-_\s])(?:ads?|adv|advert\w*|sponsor\w*|dfp|gpt|taboola|outbrain)(?:$|[-_\s\d])/i,
    'advertisement',
  ],
  [/(?:^|[-_\s])(?:share|sharing|social|follow)(?:$|[-_\s])/i, 'social-follow'],
  [/(?:^|[-_\s])(?:bio|author-bio)(?:$|[-_\s])/i, 'author-bio'],
  [/(?:^|[-_\s])(?:byline|author|authors|contributor)(?:$|[-_\s])/i, 'byline'],
  [
    /(?:^|[-_\s])(?:nav|navbar|navigation|menu|breadcrumbs?|pagination|pager)(?:$|[-_\s])/i,
    'navigation',
  ],
  [/(?:^|[-_\s])(?:footer|copyright|disclaimer)(?:$|[-_\s])/i, 'footer'],
]

function removedKind(block: HtmlBlock): BoilerplateKind {
  for (let index = block.path.length - 1; index >= 0; index--) {
    const element = block.path[index] as Element
    const className = element.properties.className
    const name = `${Array.isArray(className) ? className.join(' ') : ''} ${String(element.properties.id ?? '')}`
    if (element.tagName === 'nav') return 'navigation'
    if (element.tagName === 'footer') return 'footer'
    for (const [pattern, kind] of REMOVED_KINDS) if (pattern.test(name)) return kind
  }
  return 'sidebar'
}

// In a caption a credit's label may be capitalized ("Photo: …", "(Image: …)").
const CAPTION_CREDIT = new RegExp(CREDIT_SUFFIX.source, 'iu')

/** A caption with its photo credit ("Photo: Jo Lee", "(AP/Jo Lee)") read apart. */
function toCaption(block: HtmlBlock): Caption {
  const { text, span } = block
  if (CREDIT_ONLY.test(text)) return { text: '', span, credit: text }
  const credit = CAPTION_CREDIT.exec(text)
  if (credit && credit.index > 0)
    return { text: text.slice(0, credit.index).trim(), span, credit: (credit[1] as string).trim() }
  return { text, span, credit: null }
}

const toBlock = (block: HtmlBlock): Block => ({
  text: block.text,
  span: block.span,
  runs: block.runs,
  kind: block.kind,
  depth: block.depth,
})

/**
 * Reads an HTML page into the blocks of its story (paragraphs with runs into
 * the HTML), its captions and pull quotes, the furniture taken out from
 * between the story's paragraphs, and the page's own metadata.
 */
export function htmlArticleParts(source: string): HtmlArticleParts {
  const tree = parseHtml(source)
  const blocks = htmlBlocks(tree)
  const metadata = readHtmlMetadata(tree, source)
  const roles = classifyBlocks(blocks, metadata.jsonLdBody)
  const body: Block[] = []
  const captions: Caption[] = []
  const pullQuotes: PullQuote[] = []
  const removed: RemovedText[] = []
  const firstBody = roles.indexOf('body')
  const lastBody = roles.lastIndexOf('body')
  blocks.forEach((block, index) => {
    const role = roles[index]
    if (role === 'body') body.push(toBlock(block))
    else if (role === 'caption') captions.push(toCaption(block))
    else if (role === 'pull-quote') pullQuotes.push({ text: block.text, span: block.span })
    else if (role === 'title') removed.push({ kind: 'title', text: block.text, span: block.span })
    // Furniture between the story's first and last paragraphs is reported; the
    // rest of the page (menus, footers, other stories) is simply not the story.
    else if (index > firstBody && index < lastBody)
      removed.push({ kind: removedKind(block), text: block.text, span: block.span })
  })
  return { body, captions, pullQuotes, removed, metadata, blockCount: blocks.length }
}
