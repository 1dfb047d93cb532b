import { CorroborateError } from '../errors.js'
import {
  ARTICLE_FORMATS,
  type Article,
  type ArticleFormat,
  type ArticleMessage,
  type ArticleMetadataInput,
  type ArticleSource,
  type Evidence,
  type MessageCode,
  type OutsideEvidenceSource,
  type Paragraph,
  type Span,
  type TextRun,
} from '../types.js'
import { contentId } from './article-id.js'
import type { Block } from './block.js'
import { cleanBlocks } from './clean-blocks.js'
import { htmlArticleParts } from './html/html-article.js'
import { markdownBlocks } from './markdown-blocks.js'
import { evidence, normalizeDate, readFrontMatter } from './metadata.js'
import { plainTextBlocks } from './plain-text-blocks.js'

/** An article after ingest and before sentence segmentation. */
export type IngestedArticle = Omit<Article, 'sentences'>

export interface IngestArticleOptions {
  /**
   * Longest input accepted, in UTF-16 code units; longer input yields a fatal
   * message. Default 10,000,000 for text and Markdown, 64,000,000 for HTML,
   * where markup is most of a page.
   */
  maxLength?: number
}

export const DEFAULT_MAX_LENGTH = 10_000_000
export const DEFAULT_MAX_HTML_LENGTH = 64_000_000
const FORMATS: readonly ArticleFormat[] = ARTICLE_FORMATS
const PARAGRAPH_SEPARATOR = '\n\n'
// Control characters other than tab and line breaks: text never has many, binary data does.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
const CONTROL = /[\u0001-\u0008\u000e-\u001f]/g

function message(
  code: MessageCode,
  text: string,
  fatal = false,
  span: Span | null = null,
): ArticleMessage {
  return { code, severity: fatal ? 'error' : 'warning', message: text, span }
}

/** Why the content cannot be an article at all, or null when it can. */
function unusableInput(content: string, maxLength: number): ArticleMessage | null {
  if (content.length > maxLength) {
    return message(
      'input-too-large',
      `input is ${content.length.toLocaleString('en-US')} characters, over the limit of ${maxLength.toLocaleString('en-US')}; split it into articles or raise maxLength`,
      true,
    )
  }
  const nul = content.indexOf('\u0000')
  if (nul >= 0) {
    return message(
      'binary-input',
      `input holds a NUL character at offset ${nul}: it is binary data, not article text`,
      true,
      { start: nul, end: nul + 1 },
    )
  }
  const controls = content.match(CONTROL)?.length ?? 0
  if (controls > 8 && controls > content.length / 100) {
    return message(
      'binary-input',
      `input holds ${controls} control characters: it looks like binary data, not article text`,
      true,
    )
  }
  if (content.trim() === '') {
    return message(
      'empty-input',
      content === '' ? 'input is empty' : 'input holds only white space',
      true,
    )
  }
  return null
}

function callerEvidence(
  metadata: ArticleMetadataInput | undefined,
  origin: { source: 'front-matter'; span: Span } | { source: OutsideEvidenceSource; span: null },
  messages: ArticleMessage[],
) {
  const { source } = origin
  const found = <T>(value: T, text: string): Evidence<T> =>
    origin.span === null
      ? evidence(value, text, null, origin.source)
      : evidence(value, text, origin.span, origin.source)
  const fields: Partial<
    Record<'title' | 'author' | 'outlet' | 'url' | 'published', Evidence<string>>
  > = {}
  if (!metadata) return fields
  for (const key of ['title', 'author', 'outlet', 'url'] as const) {
    const value = metadata[key]?.trim()
    if (value) fields[key] = found(value, value)
  }
  const published = metadata.published?.trim()
  if (published) {
    const iso = normalizeDate(published)
    if (iso) fields.published = found(iso, published)
    else
      messages.push(
        message(
          'date-unparsed',
          `${source} date "${published}" is not a full date (day, month and year); it was left out`,
        ),
      )
  }
  return fields
}

/**
 * Reads an article's content into clean paragraphs with spans, captions kept
 * apart, boilerplate taken out and metadata with its evidence. Never throws on
 * content: input that cannot be an article (empty, binary, too large) comes
 * back with a fatal message and no paragraphs. Throws `CorroborateError` only
 * for a contract violation such as an unknown format.
 */
export function ingestArticle(
  source: ArticleSource,
  options: IngestArticleOptions = {},
): IngestedArticle {
  const format = checkedFormat(source)
  const maxLength =
    options.maxLength ?? (format === 'html' ? DEFAULT_MAX_HTML_LENGTH : DEFAULT_MAX_LENGTH)
  const original = source.content
  const article = emptyArticle(source.id ?? contentId(original), format, original)
  const { messages } = article
  const origin = { source: source.metadataSource ?? 'caller', span: null }
  const unusable = unusableInput(original, maxLength)
  if (unusable) {
    messages.push(unusable)
    Object.assign(article, callerEvidence(source.metadata, origin, messages))
    return article
  }
  const read = readBlocks(article)
  const cleaned = cleanBlocks(read.blocks, format)
  const given = callerEvidence(source.metadata, origin, messages)
  // Precedence: what the caller says, then a sidecar, then front matter, then the text itself.
  const pick = (key: MetadataKey, fromText: Evidence<string> | null) =>
    given[key] ?? read.frontMatterFields[key] ?? read.pageFields[key] ?? fromText
  article.title = pick('title', cleaned.title)
  article.author = pick('author', cleaned.author)
  article.outlet = pick('outlet', cleaned.outlet)
  article.url = pick('url', null)
  article.published = pick('published', cleaned.published)
  article.dateline = cleaned.dateline
  article.captions = [...article.captions, ...cleaned.captions].sort(
    (a, b) => a.span.start - b.span.start,
  )
  article.removed = [...read.removedBeside, ...cleaned.removed].sort(
    (a, b) => a.span.start - b.span.start || a.span.end - b.span.end,
  )
  messages.push(...cleaned.messages)
  joinParagraphs(article, withoutGivenTitle(article, cleaned.body))
  if (article.paragraphs.length === 0) messages.push(noBodyMessage(article, read))
  return article
}

type MetadataKey = 'title' | 'author' | 'outlet' | 'url' | 'published'

/** The source's format, after checking the source is one. */
function checkedFormat(source: ArticleSource): ArticleFormat {
  if (typeof source !== 'object' || source === null || typeof source.content !== 'string') {
    throw new CorroborateError(
      'INVALID_ARGUMENT',
      `ingestArticle expects { content: string, ... }; got ${source === null ? 'null' : typeof source === 'object' ? `an object without a string "content"` : typeof source}`,
    )
  }
  const format = source.format ?? 'text'
  if (!FORMATS.includes(format)) {
    throw new CorroborateError(
      'UNSUPPORTED_FORMAT',
      `format "${String(format)}" is not supported; expected one of ${FORMATS.join(', ')}`,
    )
  }
  return format
}

function emptyArticle(id: string, format: ArticleFormat, original: string): IngestedArticle {
  return {
    id,
    format,
    original,
    text: '',
    title: null,
    author: null,
    dateline: null,
    published: null,
    outlet: null,
    url: null,
    paragraphs: [],
    captions: [],
    pullQuotes: [],
    language: null,
    removed: [],
    runs: [],
    messages: [],
  }
}

/** What the format's reader gives before cleanup: the blocks and what markup says beside them. */
interface ReadBlocks {
  blocks: Block[]
  /** The blocks of text a page held, before its body was chosen (HTML). */
  blockCount: number
  frontMatterFields: Partial<Record<MetadataKey, Evidence<string>>>
  pageFields: Partial<Record<MetadataKey, Evidence<string> | null>>
  /** What was taken out before cleanup (HTML furniture). */
  removedBeside: Article['removed']
}

/**
 * The article's blocks as its format reads them: a page's body with its captions, pull
 * quotes, language and metadata (set on the article); Markdown's with its front matter.
 */
function readBlocks(article: IngestedArticle): ReadBlocks {
  const { original, messages } = article
  const read: ReadBlocks = {
    blocks: [],
    blockCount: 0,
    frontMatterFields: {},
    pageFields: {},
    removedBeside: [],
  }
  if (article.format === 'html') {
    const parts = htmlArticleParts(original)
    read.blocks = parts.body
    read.blockCount = parts.blockCount
    article.captions = parts.captions
    article.pullQuotes = parts.pullQuotes
    article.language = parts.metadata.language
    read.removedBeside = parts.removed
    messages.push(...parts.metadata.messages)
    const { title, author, outlet, url, published } = parts.metadata
    read.pageFields = { title, author, outlet, url, published }
  } else if (article.format === 'markdown') {
    const parsed = markdownBlocks(original)
    read.blocks = parsed.blocks
    if (parsed.frontMatter) {
      const front = readFrontMatter(parsed.frontMatter.value)
      if ('error' in front)
        messages.push(message('front-matter-invalid', front.error, false, parsed.frontMatter.span))
      else
        read.frontMatterFields = callerEvidence(
          front.metadata,
          { source: 'front-matter', span: parsed.frontMatter.span },
          messages,
        )
    }
  } else {
    read.blocks = plainTextBlocks(original)
  }
  return read
}

/** The body without its first paragraph when that repeats a title given outside the text. */
function withoutGivenTitle(article: IngestedArticle, body: Block[]): Block[] {
  const givenTitle = article.title && article.title.source !== 'text' ? article.title.value : null
  if (givenTitle && body.length > 1 && body[0]?.text.trim() === givenTitle) {
    article.removed.push({ kind: 'title', text: body[0].text, span: body[0].span })
    article.removed.sort((a, b) => a.span.start - b.span.start)
    return body.slice(1)
  }
  return body
}

/** The body blocks as the article's text, paragraphs and runs, paragraphs joined by a blank line. */
function joinParagraphs(article: IngestedArticle, body: readonly Block[]): void {
  const runs: TextRun[] = []
  const paragraphs: Paragraph[] = []
  let text = ''
  body.forEach((block, index) => {
    if (index > 0) text += PARAGRAPH_SEPARATOR
    const offset = text.length
    for (const run of block.runs) runs.push({ ...run, text: run.text + offset })
    paragraphs.push({ index, text: block.text, span: block.span, offset })
    text += block.text
  })
  article.text = text
  article.paragraphs = paragraphs
  article.runs = runs
}

/** The fatal message of an article left with no paragraph, saying what its input held. */
function noBodyMessage(article: IngestedArticle, read: ReadBlocks): ArticleMessage {
  return article.format === 'html'
    ? message(
        'no-body',
        `no article was found in the page: none of its ${read.blockCount} block(s) of text reads as a story (the page may be an index, a login or an error page, or render its text with scripts)`,
        true,
      )
    : message(
        'no-body',
        `no story text was found: all ${read.blocks.length} block(s) of the input were recognized as non-story text (${[...new Set(article.removed.map((r) => r.kind))].join(', ') || 'nothing'})`,
        true,
      )
}
