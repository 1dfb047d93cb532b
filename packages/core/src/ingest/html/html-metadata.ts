import type { Element, Root } from 'hast'
import type { Article, ArticleMessage, Evidence, InputEvidenceSource, Span } from '../../types.js'
import { evidence, normalizeDate } from '../metadata.js'
import { decodeHtmlText } from './decode-html-text.js'
import { htmlBlocks } from './html-blocks.js'
import { parseHtml } from './parse-html.js'

/** What a page says about itself, each value with the markup it was read from. */
export interface HtmlMetadata
  extends Pick<Article, 'title' | 'author' | 'published' | 'outlet' | 'url' | 'language'> {
  /** The article body as the page's JSON-LD gives it, markup read as a page would show it: a guide for extraction. */
  jsonLdBody: string | null
  messages: ArticleMessage[]
}

interface Found {
  value: string
  span: Span
  source: InputEvidenceSource
}

const ARTICLE_TYPE =
  /^(?:\w*Article|BlogPosting|Report|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|LiveBlogPosting|WebPage)$/

const SCRIPTS = new Set(['script', 'style'])

const spanOf = (element: Element): Span => ({
  start: element.position?.start.offset ?? 0,
  end: element.position?.end.offset ?? 0,
})

// Furniture whose names and dates are not the article's.
const METADATA_CLUTTER =
  /(?:^|[-_\s])(?:comments?|comment-list|related|sidebar|recirc|promo|widget|site-header|masthead|top-bar|footer|nav|navbar|most-popular|more-stories)(?:$|[-_\s\d])/i
// A byline's <time> is its date, not part of the name.
const BYLINE_SKIPPED = new Set(['time', 'script', 'style'])

function textOf(element: Element, skipped: ReadonlySet<string> = SCRIPTS): string {
  let text = ''
  const stack: Element['children'] = [...element.children].reverse()
  while (stack.length > 0) {
    const node = stack.pop()
    if (!node) break
    if (node.type === 'text') {
      decodeHtmlText(node.value, 0, (piece, _o, _l, kind) => {
        text += kind === 'space' ? ' ' : piece
      })
    } else if (node.type === 'element' && !skipped.has(node.tagName)) {
      for (let index = node.children.length - 1; index >= 0; index--)
        stack.push(node.children[index] as Element['children'][number])
    }
  }
  return text.replace(/\s+/g, ' ').trim()
}

/**
 * A JSON-LD string read as the text a page shows: many sites put the body's
 * HTML (`"articleBody": "<p>…<a href=…>…</a></p>"`) or escaped HTML in it.
 */
function textOfMarkup(value: string): string | null {
  if (!/[<&]/.test(value)) return value
  const text = htmlBlocks(parseHtml(value))
    .map((block) => block.text)
    .join('\n\n')
  return text.trim() === '' ? null : text
}

const stringProperty = (element: Element, name: string): string | null => {
  const value = element.properties[name]
  if (typeof value === 'string') return value
  if (Array.isArray(value)) return value.join(' ')
  return null
}

/** The span of `value` inside an element's markup, or the element's when it is not written there as is. */
function valueSpan(source: string, element: Element, value: string): Span {
  const span = spanOf(element)
  const at = value === '' ? -1 : source.slice(span.start, span.end).indexOf(value)
  return at >= 0 ? { start: span.start + at, end: span.start + at + value.length } : span
}

type JsonObject = Record<string, unknown>

function jsonLdObjects(text: string): JsonObject[] {
  const cleaned = text
    .replace(/^\s*<!--|-->\s*$/g, '')
    .replace(/^\s*\/\/\s*<!\[CDATA\[|\/\/\s*\]\]>\s*$/g, '')
    .trim()
  let parsed: unknown
  try {
    parsed = JSON.parse(cleaned)
  } catch {
    return []
  }
  const objects: JsonObject[] = []
  const queue: unknown[] = [parsed]
  while (queue.length > 0 && objects.length < 200) {
    const item = queue.shift()
    if (Array.isArray(item)) queue.push(...item)
    else if (item && typeof item === 'object') {
      objects.push(item as JsonObject)
      const graph = (item as JsonObject)['@graph']
      if (Array.isArray(graph)) queue.push(...graph)
    }
  }
  return objects
}

const types = (object: JsonObject): string[] => {
  const type = object['@type']
  return Array.isArray(type) ? type.map(String) : typeof type === 'string' ? [type] : []
}

/** A name from a JSON-LD person or organization, or a list of them. */
function jsonLdName(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null
  if (Array.isArray(value)) {
    const names = value.map(jsonLdName).filter((name): name is string => Boolean(name))
    return names.length > 0 ? [...new Set(names)].join(', ') : null
  }
  if (value && typeof value === 'object') {
    const name = (value as JsonObject).name
    return typeof name === 'string' ? name.trim() || null : null
  }
  return null
}

// A byline's leading "By" and trailing role or date.
const BYLINE_PREFIX = /^(?:by|von|par|por|di|door|av|af)\s+/i
const LOOKS_LIKE_URL = /^(?:https?:)?\/\//i

function cleanByline(text: string): string | null {
  const name = text
    .replace(BYLINE_PREFIX, '')
    .replace(/\s*(?:[|•·]|\s-\s|,\s*(?:updated|published|posted)\b).*$/i, '')
    .replace(/\s+(?:updated|published|posted)\b.*$/i, '')
    .replace(
      /\s+(?:on\s+)?(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\b.*$/i,
      '',
    )
    .replace(/\s+\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b.*$/, '')
    .trim()
  if (name === '' || name.length > 120 || LOOKS_LIKE_URL.test(name)) return null
  return /\p{Lu}/u.test(name) ? name : null
}

// Where a node sits: inside the story (<article>, <main>) and inside furniture
// (comments, sidebars, the site's header), so that a commenter's name or a
// header's date is never taken for the article's.
const IN_ARTICLE = 1
const IN_CLUTTER = 2

/**
 * A value read from visible markup: the first found outside furniture, which
 * the first found inside the story itself replaces once.
 */
function visibleCandidate() {
  let found: Found | null = null
  let inArticle = false
  return {
    get found() {
      return found
    },
    wants: (flags: number) =>
      (flags & IN_CLUTTER) === 0 && (found === null || (!inArticle && (flags & IN_ARTICLE) !== 0)),
    offer(value: Found, flags: number) {
      found = value
      inArticle = (flags & IN_ARTICLE) !== 0
    },
  }
}

/** Two ISO dates name the same day, or two date-times the same instant (in any zones). */
function sameDate(a: string, b: string): boolean {
  if (a.length > 10 && b.length > 10) return Date.parse(a) === Date.parse(b)
  return a.slice(0, 10) === b.slice(0, 10)
}

/** " - The Outlet" or " | The Outlet" at the end of a `<title>`. */
const TITLE_SUFFIX = /^(.{10,}?)\s+[|–—:»·-]\s+([^|–—:»·]{2,60})$/

/**
 * Reads a page's own metadata: `<title>`, Open Graph and article meta tags,
 * JSON-LD (`NewsArticle` and kin), `<time>`, bylines and `<html lang>`. Each
 * value keeps its evidence: the markup it was read from and where that is in
 * the page. Precedence follows how deliberately a source is written: JSON-LD
 * and article meta tags first, visible markup last.
 */
export function readHtmlMetadata(tree: Root, source: string): HtmlMetadata {
  const page = readPageSources(tree, source)
  const messages: ArticleMessage[] = []
  const published = readPublished(page, messages)
  const lang = page.marks.language ?? meta(page, 'content-language', 'og:locale')
  const found = (value: Found | null): Evidence<string> | null =>
    value
      ? evidence(
          value.value,
          source.slice(value.span.start, value.span.end),
          value.span,
          value.source,
        )
      : null
  const declaredBody = page.article ? asString(page.article.object.articleBody) : null
  return {
    title: found(readTitle(page)),
    author: found(readAuthor(page)),
    published,
    outlet: found(readOutlet(page)),
    url: found(page.marks.canonical ?? meta(page, 'og:url') ?? fromJsonLd(page, 'url', asString)),
    language: lang
      ? evidence(lang.value.replace('_', '-'), lang.value, lang.span, lang.source)
      : null,
    jsonLdBody: declaredBody === null ? null : textOfMarkup(declaredBody),
    messages,
  }
}

/** Where a page's metadata is read from: its marks, its article JSON-LD, and its `<title>` cut at a site-name suffix. */
interface PageSources {
  marks: PageMarks
  article: JsonLdEntry | undefined
  pageTitle: Found | null
  /** "Headline | Site" read from the `<title>`: the headline and the site's name. */
  titleSuffix: RegExpExecArray | null
}

function readPageSources(tree: Root, source: string): PageSources {
  const marks = readPageMarks(tree, source)
  const article = marks.jsonLd.find(({ object }) =>
    types(object).some((type) => ARTICLE_TYPE.test(type) && type !== 'WebPage'),
  )
  const pageTitle = marks.titleElement
  const titleSuffix = pageTitle ? TITLE_SUFFIX.exec(pageTitle.value) : null
  return { marks, article, pageTitle, titleSuffix }
}

/** The first meta tag of `keys`, in their order. */
const meta = (page: PageSources, ...keys: string[]) => firstMeta(page.marks.metas, keys)

/** The value of `key` in the article JSON-LD, if the page has one. */
const fromJsonLd = (page: PageSources, key: string, read: (value: unknown) => string | null) =>
  page.article ? jsonLdValue(page.article, key, read) : null

function readTitle(page: PageSources): Found | null {
  const { pageTitle, titleSuffix } = page
  return (
    meta(page, 'og:title', 'twitter:title') ??
    fromJsonLd(page, 'headline', asString) ??
    page.marks.h1.found ??
    (pageTitle && titleSuffix
      ? { ...pageTitle, value: (titleSuffix[1] as string).trim() }
      : pageTitle)
  )
}

function readAuthor(page: PageSources): Found | null {
  const metaAuthor = meta(
    page,
    'author',
    'article:author',
    'byl',
    'dc.creator',
    'parsely-author',
    'sailthru.author',
  )
  return (
    fromJsonLd(page, 'author', jsonLdName) ??
    (metaAuthor && !LOOKS_LIKE_URL.test(metaAuthor.value)
      ? { ...metaAuthor, value: cleanByline(metaAuthor.value) ?? metaAuthor.value }
      : null) ??
    page.marks.byline.found
  )
}

function readOutlet(page: PageSources): Found | null {
  const { pageTitle, titleSuffix } = page
  return (
    meta(page, 'og:site_name', 'application-name') ??
    fromJsonLd(page, 'publisher', jsonLdName) ??
    (pageTitle && titleSuffix ? { ...pageTitle, value: (titleSuffix[2] as string).trim() } : null)
  )
}

/** The first date of the page's sources, in precedence order; later ones that disagree are warnings in `messages`. */
function readPublished(page: PageSources, messages: ArticleMessage[]): Evidence<string> | null {
  return firstDate(
    [
      meta(page, 'article:published_time', 'og:article:published_time', 'datepublished'),
      fromJsonLd(page, 'datePublished', asString),
      meta(
        page,
        'pubdate',
        'publishdate',
        'publish-date',
        'date',
        'dc.date.issued',
        'dc.date',
        'sailthru.date',
        'parsely-pub-date',
        'article.published',
        'published_time',
      ),
      page.marks.time.found,
    ],
    messages,
  )
}

/** A JSON-LD object of the page, with the script element and text it was read from. */
interface JsonLdEntry {
  object: JsonObject
  element: Element
  text: string
}

/**
 * What a walk over the page finds: the first value of each meta tag by key, the
 * JSON-LD objects, the first `<title>`, canonical link and language, and the
 * candidates read from visible markup.
 */
interface PageMarks {
  metas: Map<string, Found>
  jsonLd: JsonLdEntry[]
  titleElement: Found | null
  canonical: Found | null
  language: Found | null
  time: ReturnType<typeof visibleCandidate>
  h1: ReturnType<typeof visibleCandidate>
  byline: ReturnType<typeof visibleCandidate>
}

/** Walks the page in document order, each element with whether it is in the story or in furniture. */
function readPageMarks(tree: Root, source: string): PageMarks {
  const marks: PageMarks = {
    metas: new Map(),
    jsonLd: [],
    titleElement: null,
    canonical: null,
    language: null,
    time: visibleCandidate(),
    h1: visibleCandidate(),
    byline: visibleCandidate(),
  }
  const stack: [Element['children'][number], number][] = [...(tree.children as Element['children'])]
    .reverse()
    .map((node) => [node, 0])
  while (stack.length > 0) {
    const [node, inherited] = stack.pop() ?? []
    if (node?.type !== 'element') continue
    const flags = placeFlags(node, inherited ?? 0)
    if (node.tagName === 'html' && !marks.language) {
      const lang = stringProperty(node, 'lang') ?? stringProperty(node, 'xmlLang')
      if (lang?.trim()) marks.language = { value: lang.trim(), span: spanOf(node), source: 'meta' }
    }
    if (readHeadElement(node, marks, source)) continue
    readVisible(node, flags, marks, source)
    for (let index = node.children.length - 1; index >= 0; index--)
      stack.push([node.children[index] as Element['children'][number], flags])
  }
  return marks
}

/** The flags of an element inside one with `inherited`: in the story, in furniture. */
function placeFlags(node: Element, inherited: number): number {
  const tag = node.tagName
  let flags = inherited
  if (
    tag === 'article' ||
    tag === 'main' ||
    /articlebody/i.test(stringProperty(node, 'itemProp') ?? '')
  )
    flags |= IN_ARTICLE
  if (
    tag === 'nav' ||
    tag === 'aside' ||
    tag === 'footer' ||
    (tag === 'header' && (flags & IN_ARTICLE) === 0) ||
    METADATA_CLUTTER.test(
      `${stringProperty(node, 'className') ?? ''} ${stringProperty(node, 'id') ?? ''}`,
    )
  )
    flags |= IN_CLUTTER
  return flags
}

/**
 * A meta tag, the first `<title>`, the first canonical link, or a script's JSON-LD:
 * whether the element was one of them (its content is then read no further).
 */
function readHeadElement(node: Element, marks: PageMarks, source: string): boolean {
  const tag = node.tagName
  if (tag === 'meta') {
    const key = (
      stringProperty(node, 'property') ??
      stringProperty(node, 'name') ??
      stringProperty(node, 'itemProp') ??
      stringProperty(node, 'httpEquiv') ??
      ''
    ).toLowerCase()
    const content = stringProperty(node, 'content')?.trim()
    if (key && content && !marks.metas.has(key))
      marks.metas.set(key, {
        value: content,
        span: valueSpan(source, node, content),
        source: 'meta',
      })
    return true
  }
  if (tag === 'title' && !marks.titleElement) {
    const text = textOf(node)
    if (text) marks.titleElement = { value: text, span: spanOf(node), source: 'meta' }
    return true
  }
  if (tag === 'link' && !marks.canonical) {
    const rel = stringProperty(node, 'rel')?.toLowerCase() ?? ''
    const href = stringProperty(node, 'href')?.trim()
    if (rel.split(/\s+/).includes('canonical') && href && /^https?:/i.test(href))
      marks.canonical = { value: href, span: valueSpan(source, node, href), source: 'meta' }
    return true
  }
  if (tag === 'script') {
    const text = node.children.map((child) => (child.type === 'text' ? child.value : '')).join('')
    for (const object of jsonLdObjects(text)) marks.jsonLd.push({ object, element: node, text })
    return true
  }
  return false
}

/** A `<time>`, an `<h1>` or a byline offered to its visible candidate. */
function readVisible(node: Element, flags: number, marks: PageMarks, source: string): void {
  const { time, h1, byline } = marks
  if (node.tagName === 'time' && time.wants(flags)) {
    const datetime = stringProperty(node, 'dateTime')?.trim()
    const value = datetime || textOf(node)
    if (value) time.offer({ value, span: valueSpan(source, node, value), source: 'text' }, flags)
  }
  if (node.tagName === 'h1' && h1.wants(flags)) {
    const text = textOf(node)
    if (text) h1.offer({ value: text, span: spanOf(node), source: 'text' }, flags)
  }
  if (byline.wants(flags) && isBylineElement(node)) {
    const name = cleanByline(textOf(node, BYLINE_SKIPPED))
    if (name && name.split(/\s+/).length <= 12)
      byline.offer({ value: name, span: spanOf(node), source: 'text' }, flags)
  }
}

/** An element marked as the author's: `rel` or `itemprop` "author", or a byline class. */
function isBylineElement(node: Element): boolean {
  const rel = stringProperty(node, 'rel') ?? ''
  const itemProp = stringProperty(node, 'itemProp') ?? ''
  const className = stringProperty(node, 'className') ?? ''
  return (
    /\bauthor\b/i.test(rel) ||
    /\bauthor\b/i.test(itemProp) ||
    /(?:^|[\s_-])(?:byline|author-name|authorname|article-author|post-author|by-author)(?:$|[\s_-])/i.test(
      className,
    )
  )
}

/** The value of `key` in the page's article JSON-LD as `read` takes it, with its span in the page. */
function jsonLdValue(
  article: JsonLdEntry,
  key: string,
  read: (value: unknown) => string | null,
): Found | null {
  const value = read(article.object[key])
  if (!value) return null
  const span = spanOf(article.element)
  const written = JSON.stringify(value).slice(1, -1)
  // The value as written after its own key, not the same words elsewhere (a headline naming the author).
  const keyAt = article.text.indexOf(`"${key}"`)
  const at = article.text.indexOf(written, Math.max(0, keyAt))
  const start = (article.element.children[0]?.position?.start.offset ?? span.start) + at
  return {
    value,
    span: at >= 0 ? { start, end: start + written.length } : span,
    source: 'json-ld',
  }
}

const asString = (value: unknown) => (typeof value === 'string' ? value.trim() || null : null)

/** The first meta tag found of `keys`, in their order. */
function firstMeta(metas: ReadonlyMap<string, Found>, keys: readonly string[]): Found | null {
  for (const key of keys) {
    const found = metas.get(key)
    if (found) return found
  }
  return null
}

/**
 * The first candidate that reads as a date; a later one from markup that names
 * another day (or instant) is a `metadata-conflict` warning.
 */
function firstDate(
  candidates: readonly (Found | null)[],
  messages: ArticleMessage[],
): Evidence<string> | null {
  let published: Evidence<string> | null = null
  for (const candidate of candidates) {
    if (!candidate) continue
    const iso = normalizeDate(candidate.value)
    if (!iso) continue
    if (!published) published = evidence(iso, candidate.value, candidate.span, candidate.source)
    else if (!sameDate(published.value, iso) && candidate.source !== 'text')
      messages.push({
        code: 'metadata-conflict',
        severity: 'warning',
        message: `the page gives two publication dates: "${published.text}" and "${candidate.value}"; the first was kept`,
        span: candidate.span,
      })
  }
  return published
}
