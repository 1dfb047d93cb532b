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
  const metas = new Map<string, Found>()
  const jsonLd: { object: JsonObject; element: Element; text: string }[] = []
  let titleElement: Found | null = null
  let canonical: Found | null = null
  let language: Found | null = null
  const time = visibleCandidate()
  const h1 = visibleCandidate()
  const byline = visibleCandidate()

  const stack: [Element['children'][number], number][] = [...(tree.children as Element['children'])]
    .reverse()
    .map((node) => [node, 0])
  while (stack.length > 0) {
    const [node, inherited] = stack.pop() ?? []
    if (node?.type !== 'element') continue
    const tag = node.tagName
    let flags = inherited ?? 0
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
    if (tag === 'html' && !language) {
      const lang = stringProperty(node, 'lang') ?? stringProperty(node, 'xmlLang')
      if (lang?.trim()) language = { value: lang.trim(), span: spanOf(node), source: 'meta' }
    }
    if (tag === 'meta') {
      const key = (
        stringProperty(node, 'property') ??
        stringProperty(node, 'name') ??
        stringProperty(node, 'itemProp') ??
        stringProperty(node, 'httpEquiv') ??
        ''
      ).toLowerCase()
      const content = stringProperty(node, 'content')?.trim()
      if (key && content && !metas.has(key))
        metas.set(key, { value: content, span: valueSpan(source, node, content), source: 'meta' })
      continue
    }
    if (tag === 'title' && !titleElement) {
      const text = textOf(node)
      if (text) titleElement = { value: text, span: spanOf(node), source: 'meta' }
      continue
    }
    if (tag === 'link' && !canonical) {
      const rel = stringProperty(node, 'rel')?.toLowerCase() ?? ''
      const href = stringProperty(node, 'href')?.trim()
      if (rel.split(/\s+/).includes('canonical') && href && /^https?:/i.test(href))
        canonical = { value: href, span: valueSpan(source, node, href), source: 'meta' }
      continue
    }
    if (tag === 'script') {
      const text = node.children.map((child) => (child.type === 'text' ? child.value : '')).join('')
      for (const object of jsonLdObjects(text)) jsonLd.push({ object, element: node, text })
      continue
    }
    if (tag === 'time' && time.wants(flags)) {
      const datetime = stringProperty(node, 'dateTime')?.trim()
      const value = datetime || textOf(node)
      if (value) time.offer({ value, span: valueSpan(source, node, value), source: 'text' }, flags)
    }
    if (tag === 'h1' && h1.wants(flags)) {
      const text = textOf(node)
      if (text) h1.offer({ value: text, span: spanOf(node), source: 'text' }, flags)
    }
    if (byline.wants(flags)) {
      const rel = stringProperty(node, 'rel') ?? ''
      const itemProp = stringProperty(node, 'itemProp') ?? ''
      const className = stringProperty(node, 'className') ?? ''
      if (
        /\bauthor\b/i.test(rel) ||
        /\bauthor\b/i.test(itemProp) ||
        /(?:^|[\s_-])(?:byline|author-name|authorname|article-author|post-author|by-author)(?:$|[\s_-])/i.test(
          className,
        )
      ) {
        const name = cleanByline(textOf(node, BYLINE_SKIPPED))
        if (name && name.split(/\s+/).length <= 12)
          byline.offer({ value: name, span: spanOf(node), source: 'text' }, flags)
      }
    }
    for (let index = node.children.length - 1; index >= 0; index--)
      stack.push([node.children[index] as Element['children'][number], flags])
  }

  const messages: ArticleMessage[] = []
  const article = jsonLd.find(({ object }) =>
    types(object).some((type) => ARTICLE_TYPE.test(type) && type !== 'WebPage'),
  )
  const fromJsonLd = (key: string, read: (value: unknown) => string | null): Found | null => {
    if (!article) return null
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
  const meta = (...keys: string[]) => {
    for (const key of keys) {
      const found = metas.get(key)
      if (found) return found
    }
    return null
  }

  const pageTitle = titleElement
  const titleSuffix = pageTitle ? TITLE_SUFFIX.exec(pageTitle.value) : null
  const title =
    meta('og:title', 'twitter:title') ??
    fromJsonLd('headline', asString) ??
    h1.found ??
    (pageTitle && titleSuffix
      ? { ...pageTitle, value: (titleSuffix[1] as string).trim() }
      : pageTitle)

  const metaAuthor = meta(
    'author',
    'article:author',
    'byl',
    'dc.creator',
    'parsely-author',
    'sailthru.author',
  )
  const author =
    fromJsonLd('author', jsonLdName) ??
    (metaAuthor && !LOOKS_LIKE_URL.test(metaAuthor.value)
      ? { ...metaAuthor, value: cleanByline(metaAuthor.value) ?? metaAuthor.value }
      : null) ??
    byline.found

  const outlet =
    meta('og:site_name', 'application-name') ??
    fromJsonLd('publisher', jsonLdName) ??
    (pageTitle && titleSuffix ? { ...pageTitle, value: (titleSuffix[2] as string).trim() } : null)

  const url = canonical ?? meta('og:url') ?? fromJsonLd('url', asString)

  const dateCandidates = [
    meta('article:published_time', 'og:article:published_time', 'datepublished'),
    fromJsonLd('datePublished', asString),
    meta(
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
    time.found,
  ]
  let published: Evidence<string> | null = null
  for (const candidate of dateCandidates) {
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

  const lang = language ?? meta('content-language', 'og:locale')
  const found = (value: Found | null): Evidence<string> | null =>
    value
      ? evidence(
          value.value,
          source.slice(value.span.start, value.span.end),
          value.span,
          value.source,
        )
      : null
  const declaredBody = article ? asString(article.object.articleBody) : null
  const jsonLdBody = declaredBody === null ? null : textOfMarkup(declaredBody)
  return {
    title: found(title),
    author: found(author),
    published,
    outlet: found(outlet),
    url: found(url),
    language: lang
      ? evidence(lang.value.replace('_', '-'), lang.value, lang.span, lang.source)
      : null,
    jsonLdBody,
    messages,
  }
}
