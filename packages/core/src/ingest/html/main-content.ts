import type { Element } from 'hast'
import type { HtmlBlock } from './html-blocks.js'

/** What a block of a page is to the article. */
export type BlockRole = 'body' | 'title' | 'caption' | 'pull-quote' | 'clutter'

// Class and id words of page furniture. Shapes common across CMSs, not any one site's.
const CLUTTER_NAME =
  /(?:^|[-_\s])(?:ad|ads|adv|advert|advertisement|advertising|banner|breadcrumbs?|byline|comments?|comment-list|community|cookie|consent|disqus|footer|gdpr|masthead|menu|nav|navbar|navigation|newsletter|outbrain|taboola|paywall|popup|promo|promotion|recirc|recirculation|related|rss|share|sharing|shoutbox|sidebar|signup|skyscraper|social|sponsor|sponsored|subscribe|subscription|tags?|toolbar|tools|trending|widget|author-bio|bio|more-stories|read-more|readmore|most-popular|most-read|breaking-news-bar|header|site-header|top-bar|disclaimer|pagination|pager|login|sign-in|signin|modal|overlay|jump-link|inline-link|ribbon|cta|follow)(?:$|[-_\s\d])/i
// Furniture whose name says so even beside a content-like word ("related-content", "comments-body").
const STRONG_CLUTTER_NAME =
  /(?:^|[-_\s])(?:related|comments?|comment-list|newsletter|promo|recirc|recirculation|outbrain|taboola|cookie|consent|gdpr|sponsored|signup|subscribe|most-popular|most-read|more-stories|read-more|readmore|paywall-prompt)(?:$|[-_\s\d])/i
const CONTENT_NAME =
  /(?:^|[-_\s])(?:article|articlebody|article-body|article-content|body|content|entry|entry-content|h-entry|hentry|main|post|post-body|post-content|story|story-body|text|blog)(?:$|[-_\s\d])/i
// An embedded post (a tweet quoted in the story) is the story's evidence, not a share bar.
const EMBED_NAME = /embed|tweet|instagram-media|tiktok-embed/i
// A short block inside a photo's box is its caption.
const PHOTO_NAME = /(?:^|[-_\s])(?:photo|image|img|picture|pic|gallery|slideshow)s?(?:$|[-_\s\d])/i
const CAPTION_NAME =
  /(?:^|[-_\s])(?:caption|credit|photo-credit|image-credit|wp-caption-text)(?:$|[-_\s])/i
const FIGURE_CONTENT = new Set(['table', 'pre', 'blockquote', 'ul', 'ol', 'dl'])
const PULL_QUOTE_NAME = /(?:^|[-_\s])(?:pull-?quote|pullquote|blockquote-pull)(?:$|[-_\s])/i
const CLUTTER_TAGS = new Set(['nav', 'aside', 'footer', 'header', 'form', 'menu'])
const CLUTTER_ROLES = new Set([
  'navigation',
  'complementary',
  'contentinfo',
  'banner',
  'menu',
  'menubar',
  'alert',
  'alertdialog',
  'dialog',
  'search',
])

const namesMemo = new WeakMap<Element, string>()
/** An element's class names and id, camelCase split ("leadMediaCaption" → "lead-Media-Caption"). */
function names(element: Element): string {
  let text = namesMemo.get(element)
  if (text === undefined) {
    const className = element.properties.className
    const id = element.properties.id
    const classes = Array.isArray(className) ? className.join(' ') : ''
    text = (typeof id === 'string' ? `${classes} ${id}` : classes).replace(
      /(\p{Ll})(\p{Lu})/gu,
      '$1-$2',
    )
    namesMemo.set(element, text)
  }
  return text
}

/** Class and id weight, as Readability weighs them: content-like names up, furniture down. */
function nameWeight(element: Element): number {
  const text = names(element)
  if (text === '') return 0
  let weight = 0
  if (CONTENT_NAME.test(text)) weight += 25
  if (CLUTTER_NAME.test(text)) weight -= 25
  return weight
}

function isClutterElement(element: Element): boolean {
  if (CLUTTER_TAGS.has(element.tagName)) return true
  const role = element.properties.role
  if (typeof role === 'string' && CLUTTER_ROLES.has(role)) return true
  const text = names(element)
  if (text === '' || EMBED_NAME.test(text)) return false
  return STRONG_CLUTTER_NAME.test(text) || (CLUTTER_NAME.test(text) && !CONTENT_NAME.test(text))
}

const TAG_WEIGHT: Record<string, number> = {
  div: 5,
  article: 10,
  main: 5,
  section: 3,
  pre: 3,
  td: 3,
  blockquote: 3,
  address: -3,
  ol: -3,
  ul: -3,
  dl: -3,
  dd: -3,
  dt: -3,
  li: -3,
  form: -3,
  h1: -5,
  h2: -5,
  h3: -5,
  h4: -5,
  h5: -5,
  h6: -5,
  th: -5,
}

function wordCount(text: string): number {
  let count = 0
  let inWord = false
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    const space = code === 32 || code === 10 || code === 9
    if (!space && !inWord) count++
    inWord = !space
  }
  return count
}

/**
 * Decides what each block of a page is: the article body, its title, a
 * caption, a pull quote, or clutter. The container of the body is chosen as
 * Readability chooses it (paragraph scores pooled into ancestors, weighed by
 * class names and link density); inside it, furniture (share bars, related
 * links, ads, bylines) is taken out by the names and shape of its elements.
 */
export function classifyBlocks(
  blocks: readonly HtmlBlock[],
  declaredBody: string | null = null,
): BlockRole[] {
  const roles: BlockRole[] = blocks.map(() => 'clutter')
  if (blocks.length === 0) return roles
  const lengths = pooledLengths(blocks)
  const scores = paragraphScores(blocks, lengths)
  const winner = topScored(scores, lengths)
  if (!winner) return roles
  const parentOf = parentsOf(blocks)
  const top = containerOfParagraph(winner.element, parentOf)
  const container = storyContainer(top, winner.score, scores, lengths, parentOf)
  // The page's JSON-LD may carry the article body: when the chosen container
  // misses most of the prose that body holds, its words show where the story is.
  const guided = declaredBody ? guidedContainer(blocks, declaredBody, container) : null
  if (guided) {
    container.clear()
    container.add(guided)
  }
  let containerProse = 0
  for (const element of container) containerProse += lengths.prose.get(element) ?? 0
  const inClutter = clutterReader(lengths)
  for (let index = 0; index < blocks.length; index++) {
    const block = blocks[index] as HtmlBlock
    const at = block.path.findIndex((element) => container.has(element))
    if (at < 0) continue
    roles[index] = roleInContainer(block, at, (from) => inClutter(block, from, containerProse))
  }
  return roles
}

/** A paragraph that reads as prose: long enough, no heading, mostly not links. */
const isProse = (block: HtmlBlock) =>
  block.text.length >= 25 && block.heading === 0 && block.linkLength / block.text.length <= 0.5

/** The text, link text and prose text of the blocks, pooled into every ancestor. */
interface PooledLengths {
  prose: Map<Element, number>
  /** The prose text of the whole page. */
  pageProse: number
  text: Map<Element, number>
  links: Map<Element, number>
}

function pooledLengths(blocks: readonly HtmlBlock[]): PooledLengths {
  const lengths: PooledLengths = {
    prose: new Map(),
    pageProse: 0,
    text: new Map(),
    links: new Map(),
  }
  const { prose, text, links } = lengths
  for (const block of blocks) {
    if (!isProse(block)) continue
    lengths.pageProse += block.text.length
    for (const element of block.path)
      prose.set(element, (prose.get(element) ?? 0) + block.text.length)
  }
  for (const block of blocks) {
    for (const element of block.path) {
      text.set(element, (text.get(element) ?? 0) + block.text.length)
      links.set(element, (links.get(element) ?? 0) + block.linkLength)
    }
  }
  return lengths
}

/**
 * Whether a block is inside furniture from its `from`th ancestor down. An element named
 * or tagged as furniture is furniture only while it holds a small share of the prose
 * around it (`within`): a wrapper called "paywall" or "header-spacing" around the whole
 * story is not. Each element is judged once per reader.
 */
function clutterReader({ prose }: PooledLengths) {
  const clutterMemo = new Map<Element, boolean>()
  const isClutter = (element: Element, within: number): boolean => {
    let clutter = clutterMemo.get(element)
    if (clutter === undefined) {
      clutter = isClutterElement(element) && (prose.get(element) ?? 0) < within * 0.4
      clutterMemo.set(element, clutter)
    }
    return clutter
  }
  return (block: HtmlBlock, from: number, within: number): boolean => {
    for (let index = from; index < block.path.length; index++) {
      if (isClutter(block.path[index] as Element, within)) return true
    }
    return false
  }
}

/** Each prose paragraph's score (commas, length) pooled into its five nearest ancestors. */
function paragraphScores(
  blocks: readonly HtmlBlock[],
  lengths: PooledLengths,
): Map<Element, number> {
  const scores = new Map<Element, number>()
  const inClutter = clutterReader(lengths)
  for (const block of blocks) {
    const length = block.text.length
    if (!isProse(block) || inClutter(block, 0, lengths.pageProse)) continue
    const commas = (block.text.match(/[,，、]/g) ?? []).length
    const score = 1 + commas + Math.min(Math.floor(length / 100), 3)
    const ancestors = block.path
    // The block's own element, its parent and so on, each with a smaller share.
    for (let level = 0; level < 5; level++) {
      const element = ancestors[ancestors.length - 1 - level]
      if (!element) break
      if (!scores.has(element)) {
        scores.set(element, nameWeight(element) + (TAG_WEIGHT[element.tagName] ?? 0))
      }
      const divider = level === 0 ? 1 : level === 1 ? 2 : level * 3
      scores.set(element, (scores.get(element) as number) + score / divider)
    }
  }
  return scores
}

/**
 * The best scored element once each score is weighed down by its link density (the
 * scores are replaced by the weighed ones); null when none holds enough prose.
 */
function topScored(
  scores: Map<Element, number>,
  { prose, text, links }: PooledLengths,
): { element: Element; score: number } | null {
  let top: Element | null = null
  let topScore = -Infinity
  let mostProse = 0
  for (const element of scores.keys()) mostProse = Math.max(mostProse, prose.get(element) ?? 0)
  for (const [element, score] of scores) {
    const total = text.get(element) ?? 0
    const density = total > 0 ? (links.get(element) ?? 0) / total : 0
    const final = score * (1 - density)
    scores.set(element, final)
    // A well-named box around a byline or a teaser is not the story: the
    // container must hold a fair share of the prose that any candidate holds.
    if ((prose.get(element) ?? 0) < Math.min(mostProse * 0.2, 400)) continue
    if (final > topScore) {
      topScore = final
      top = element
    }
  }
  return top ? { element: top, score: topScore } : null
}

/** Each element's parent, as the blocks' paths give them. */
function parentsOf(blocks: readonly HtmlBlock[]): Map<Element, Element> {
  const parentOf = new Map<Element, Element>()
  for (const block of blocks) {
    for (let index = 1; index < block.path.length; index++)
      parentOf.set(block.path[index] as Element, block.path[index - 1] as Element)
  }
  return parentOf
}

/** A paragraph-level winner stands for its container. */
function containerOfParagraph(winner: Element, parentOf: ReadonlyMap<Element, Element>): Element {
  let top = winner
  while (['p', 'li', 'blockquote', 'td', 'pre', 'h2', 'h3', 'h4'].includes(top.tagName)) {
    const parent = parentOf.get(top)
    if (!parent) break
    top = parent
  }
  return top
}

/**
 * The winner and what reads as more of the story: its siblings that score well or are
 * built like it, and the other chunks of a story cut up by ads.
 */
function storyContainer(
  top: Element,
  topScore: number,
  scores: ReadonlyMap<Element, number>,
  { prose, text, links }: PooledLengths,
  parentOf: ReadonlyMap<Element, Element>,
): Set<Element> {
  const container = new Set<Element>([top])
  const parent = parentOf.get(top)
  if (parent) {
    const threshold = Math.max(10, topScore * 0.2)
    for (const child of parent.children) {
      if (child.type !== 'element' || child === top) continue
      const score = scores.get(child) ?? 0
      // A sibling built like the winner (same tag and class names) holding
      // plain prose is the story continued after an ad slot.
      const alike =
        child.tagName === top.tagName &&
        names(child) === names(top) &&
        (prose.get(child) ?? 0) >= 100 &&
        (links.get(child) ?? 0) < (text.get(child) ?? 0) * 0.25
      if (score >= threshold || alike) container.add(child)
    }
  }
  // A story cut into chunks (ads between them) repeats its container's tag
  // and class names: the other chunks near the winner join it.
  const ancestorsOf = (element: Element) => {
    const chain: Element[] = []
    for (let at = parentOf.get(element); at && chain.length < 3; at = parentOf.get(at))
      chain.push(at)
    return chain
  }
  const topAncestors = ancestorsOf(top)
  for (const [element, score] of scores) {
    if (element === top || score < topScore * 0.5) continue
    if (element.tagName !== top.tagName || names(element) !== names(top)) continue
    if (names(top) === '') continue
    if (ancestorsOf(element).some((ancestor) => topAncestors.includes(ancestor)))
      container.add(element)
  }
  return container
}

/**
 * What a block inside the container (its `at`th ancestor) is: a pull quote, furniture
 * (`inClutter` from an ancestor down), a caption, the title, a list of links, or body.
 */
function roleInContainer(
  block: HtmlBlock,
  at: number,
  inClutter: (from: number) => boolean,
): BlockRole {
  // A pull quote is often set in an <aside>: it is told apart before furniture is.
  const pullQuote = block.path.some(
    (element, depth) => depth > at && PULL_QUOTE_NAME.test(names(element)),
  )
  if (pullQuote) return 'pull-quote'
  if (inClutter(at + 1)) return 'clutter'
  if (isCaption(block, at)) return 'caption'
  if (block.heading === 1) return 'title'
  const length = block.text.length
  const density = length > 0 ? block.linkLength / length : 0
  // A list of links is furniture; a sentence that happens to be linked is not.
  const sentence = block.element.tagName === 'p' && /[.!?…]["”’')\]]*$/.test(block.text)
  if (density > (sentence ? 0.8 : 0.5) && wordCount(block.text) < 40) return 'clutter'
  return 'body'
}

/**
 * A figure's caption is its <figcaption>, or a short line in the figure beside the
 * image; a table, list or quotation set as a figure is content.
 */
function isCaption(block: HtmlBlock, at: number): boolean {
  const inFigureContent = block.path.some(
    (element, depth) =>
      depth > at &&
      FIGURE_CONTENT.has(element.tagName) &&
      block.path.slice(at + 1, depth).some((e) => e.tagName === 'figure'),
  )
  return (
    !inFigureContent &&
    block.path.some(
      (element, depth) =>
        depth > at &&
        (element.tagName === 'figcaption' ||
          element.tagName === 'figure' ||
          CAPTION_NAME.test(names(element)) ||
          (depth >= block.path.length - 3 &&
            PHOTO_NAME.test(names(element)) &&
            wordCount(block.text) <= 60)),
    )
  )
}

const WORD = /[\p{L}\p{N}]+/gu

function shingles(text: string): string[] {
  const words = text.toLowerCase().match(WORD) ?? []
  const out: string[] = []
  for (let index = 0; index + 4 <= words.length; index++)
    out.push(`${words[index]} ${words[index + 1]} ${words[index + 2]} ${words[index + 3]}`)
  return out
}

/**
 * The element that holds the prose of the body a page declares (JSON-LD
 * `articleBody`), when the container chosen by scores holds less than 60% of
 * it; null when the choice stands or the declared body is not on the page.
 */
function guidedContainer(
  blocks: readonly HtmlBlock[],
  declaredBody: string,
  container: ReadonlySet<Element>,
): Element | null {
  const declared = new Set(shingles(declaredBody))
  if (declared.size < 40) return null
  const matched = new Map<Element, number>()
  let total = 0
  let inContainer = 0
  for (const block of blocks) {
    // Only prose can match a body; menus and link lists are skipped unread.
    if (block.text.length < 40 || block.linkLength > block.text.length * 0.5) continue
    const own = shingles(block.text)
    if (own.length < 2) continue
    const found = own.filter((shingle) => declared.has(shingle)).length
    if (found < own.length * 0.5) continue
    total += found
    if (block.path.some((element) => container.has(element))) inContainer += found
    for (const element of block.path) matched.set(element, (matched.get(element) ?? 0) + found)
  }
  // The declared body is not what the page shows (a teaser, another story): no guide.
  if (total < declared.size * 0.5 || inContainer >= total * 0.6) return null
  // The deepest element that still holds 80% of the matched prose.
  let best: Element | null = null
  let bestDepth = -1
  for (const block of blocks) {
    block.path.forEach((element, depth) => {
      if (depth > bestDepth && (matched.get(element) ?? 0) >= total * 0.8) {
        best = element
        bestDepth = depth
      }
    })
  }
  return best
}
