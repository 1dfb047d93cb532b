import type { Article, ArticleFormat, BoilerplateKind, RemovedText } from '../types.js'
import { type Block, sliceBlock, trimBlock } from './block.js'
import {
  ADVERTISEMENT,
  AUTHOR_BIO,
  BYLINE,
  COPYRIGHT_HOLDER,
  CORPORATE_SUFFIX,
  CREDIT_ONLY,
  CREDIT_SUFFIX,
  DATE_HEADER,
  DATELINE,
  JOURNALIST,
  PAGE_MACHINERY,
  SIDEBAR_MARKER,
  SOCIAL_FOLLOW,
  TRUNCATED,
  wordCount,
  wordCountPast,
} from './boilerplate-patterns.js'
import { evidence, normalizeDate } from './metadata.js'
import { isPlainTextTitle } from './plain-text-title.js'

/** What cleanup found in the blocks: the body, what it took out and why, and metadata read from the text. */
export interface CleanedBlocks
  extends Pick<
    Article,
    'captions' | 'removed' | 'title' | 'author' | 'published' | 'dateline' | 'outlet' | 'messages'
  > {
  body: Block[]
}

type Status = 'body' | BoilerplateKind

const FOOTER_STRONG =
  /(?:^©|^\(c\)\s*\d{4}|^copyright\s*(?:©|\(c\)|\d{4})|all rights reserved|use of this (?:site|website) constitutes|may not be (?:reproduced|republished|redistributed)|^by (?:continuing|signing up|clicking|registering|creating an account)|^(?:sign|log) ?(?:in|up)\b|create (?:a |an )?(?:free )?account|^already (?:a subscriber|have an account)|^(?:don['’]?t|do not|not) (?:yet )?(?:have|got) an account|^(?:new here|not a (?:member|subscriber))\b|^(?:subscribe|sign up) (?:to|for|now|today)\b)/i
const FOOTER_WEAK =
  /(?:terms (?:of|and) (?:use|service|conditions)|privacy (?:policy|notice|settings)|cookie (?:policy|settings|preferences)|newsletter|^subscribe$|^contact us$|^about us$|^do not sell\b|^manage (?:cookies|preferences)\b)/i
const SHARE_BAR =
  /^(?:(?:share|tweet|email|e-mail|print|comments?|facebook|twitter|linkedin|whatsapp|reddit|pinterest|copy link|save|gift (?:this )?article|listen(?: to this article)?|\d+ comments?)(?:\s*[|·•,/]\s*|\s+|$))+$/i
const CREDITS_LINE =
  /^\(?(?:(?:additional )?reporting|writing|editing|compiled|contributing|research) by\b/i
const TERMINAL = /[.!?…]["”’')\]]*$/
const HEADLINE_END = /[.,;:]["”’')\]]*$/

function isFooterLine(text: string, words = wordCount(text)): boolean {
  // (Words counted first: a long paragraph is no footer line, and the patterns search all of it.)
  if (words > 40) return false
  if (FOOTER_STRONG.test(text)) return true
  // "Privacy Policy", "Newsletter": labels, not sentences that mention them.
  return words <= 12 && !TERMINAL.test(text) && FOOTER_WEAK.test(text)
}

function isHeadlineLike(text: string): boolean {
  const words = wordCount(text)
  return words >= 2 && words <= 30 && !HEADLINE_END.test(text) && !/[.!?]\s+\p{Lu}/u.test(text)
}

function isTinyLabel(text: string): boolean {
  return wordCount(text) <= 4 && !TERMINAL.test(text) && text.length <= 40
}

const normalizedKey = (text: string) =>
  text
    .toLowerCase()
    .replace(/[“”„‟″"]/g, '"')
    .replace(/[‘’‚‛′']/g, "'")
    .replace(/\s+/g, ' ')
    .trim()

/**
 * How many full stops, commas and words (up to 81) `text` holds, as "stops,commas,words":
 * the same for two texts of the same `normalizedKey` (lowering, quote marks and white
 * space change none of them), and counted by native searches where the key reads and
 * rewrites every character.
 */
function stopsAndCommas(text: string): string {
  return `${occurrences(text, '.')},${occurrences(text, ',')},${wordCountPast(text, 80)}`
}

function occurrences(text: string, mark: string): number {
  let count = 0
  for (let at = text.indexOf(mark); at >= 0; at = text.indexOf(mark, at + 1)) count++
  return count
}

function copyrightHolder(text: string): string | null {
  const holder = COPYRIGHT_HOLDER.exec(text)?.[1]
  if (!holder) return null
  const name = holder
    .replace(/\.?\s*all rights reserved\.?$/i, '')
    .replace(CORPORATE_SUFFIX, '')
    .trim()
  const words = wordCount(name)
  return words >= 1 && words <= 8 && /\p{Lu}/u.test(name) ? name : null
}

/**
 * Separates story text from the clutter scraped pages carry: date headers,
 * titles and bylines at the top; ads, photo credits and captions anywhere;
 * sidebars of teasers, author bios and site footers at the end; paragraphs
 * printed twice. Metadata found on the way comes back with its evidence.
 */
export function cleanBlocks(blocks: readonly Block[], format: ArticleFormat): CleanedBlocks {
  const items = [...blocks]
  const cleanup: Cleanup = {
    items,
    status: items.map(() => 'body'),
    format,
    removed: [],
    result: {
      body: [],
      captions: [],
      removed: [],
      title: null,
      author: null,
      published: null,
      dateline: null,
      outlet: null,
      messages: [],
    },
  }
  // Top of the article: date header, title, byline.
  markDateHeaders(cleanup)
  if (format === 'html') markDateLines(cleanup)
  markTitle(cleanup)
  markBylines(cleanup)
  // Anywhere: ads, share bars, credits and captions, short footer lines.
  items.forEach((block, i) => {
    if (cleanup.status[i] === 'body') markClutter(cleanup, block, i)
  })
  // End of the article: footer, then sidebars of teasers, then the author bio.
  markFooter(cleanup)
  readOutletOfFooter(cleanup)
  // A page's boxes of teasers are its markup's to tell, not the text's shape.
  if (format !== 'html') markSidebars(items, cleanup.status)
  // A page's markup already marks its bylines and bios; prose that only looks
  // like one ("… has been chairman of the Joint Chiefs of Staff") stays.
  if (format !== 'html') markAuthorBios(cleanup)
  // A web page repeats lines by design (a meal plan's recipes, an
  // interview's questions); copies are a scraper's doing, not a page's.
  if (format !== 'html') markDuplicates(cleanup)
  return cleanedBody(cleanup)
}

/** What cleanup reads and decides, block by block. */
interface Cleanup {
  /** The blocks; one whose date header is cut off is replaced by the rest of it. */
  items: Block[]
  status: Status[]
  format: ArticleFormat
  /** Text taken out of a block that stays (a date header before the lead). */
  removed: RemovedText[]
  result: CleanedBlocks
}

const remove = (cleanup: Cleanup, block: Block, kind: BoilerplateKind) =>
  cleanup.removed.push({ kind, text: block.text, span: block.span })

/** The indexes of the blocks still taken for the body, in order. */
function bodyIndexes({ status }: Cleanup): number[] {
  const indexes: number[] = []
  for (let i = 0; i < status.length; i++) if (status[i] === 'body') indexes.push(i)
  return indexes
}

/** A date header in the first five blocks ("Tuesday, 4 February 2025"): the publication date. */
function markDateHeaders(cleanup: Cleanup): void {
  const { items, status, result } = cleanup
  const top = Math.min(items.length, 5)
  for (let i = 0; i < top; i++) {
    const block = items[i] as Block
    const header = DATE_HEADER.exec(block.text)
    if (!header || result.published) continue
    const iso = normalizeDate(header[1] as string)
    if (!iso) continue
    const headerBlock = trimBlock(sliceBlock(block, 0, header[0].trimEnd().length))
    result.published = evidence(iso, headerBlock.text, headerBlock.span, 'text')
    const rest = trimBlock(sliceBlock(block, header[0].length))
    if (rest.text === '') {
      status[i] = 'date-header'
    } else {
      remove(cleanup, headerBlock, 'date-header')
      items[i] = rest
    }
  }
}

/**
 * A web page's date line stands alone above or below the story ("March 11,
 * 2024", "11/03/2024 09:00"): a block that is nothing but a date.
 */
function markDateLines(cleanup: Cleanup): void {
  const { items, status, result } = cleanup
  for (const i of [...bodyIndexes(cleanup).slice(0, 3), ...bodyIndexes(cleanup).slice(-2)]) {
    const block = items[i] as Block
    if (wordCount(block.text) > 8 || !/\d/.test(block.text)) continue
    const iso = normalizeDate(block.text.replace(/^(?:published|posted|updated|date)[:\s]*/i, ''))
    if (!iso) continue
    status[i] = 'date-header'
    result.published ??= evidence(iso, block.text, block.span, 'text')
  }
}

/** The first body block as the title, when the format marks it as one and a body follows. */
function markTitle(cleanup: Cleanup): void {
  const { items, status, result, format } = cleanup
  const firstBody = bodyIndexes(cleanup)[0]
  if (firstBody === undefined || bodyIndexes(cleanup).length <= 1) return
  const block = items[firstBody] as Block
  const isTitle =
    format === 'html'
      ? block.kind === 'heading' && block.depth <= 2
      : format === 'markdown'
        ? (block.kind === 'heading' && block.depth <= 2) ||
          (block.kind === 'paragraph' && isHeadlineLike(block.text) && !DATELINE.test(block.text))
        : isPlainTextTitle(block) && !isFooterLine(block.text) && !SHARE_BAR.test(block.text)
  if (isTitle) {
    status[firstBody] = 'title'
    result.title = evidence(block.text, block.text, block.span, 'text')
  }
}

/** Short "By …" lines among the first four body blocks; the first names the author. */
function markBylines(cleanup: Cleanup): void {
  const { items, status, result } = cleanup
  for (const i of bodyIndexes(cleanup).slice(0, 4)) {
    const block = items[i] as Block
    const byline = BYLINE.exec(block.text)
    if (byline && wordCount(block.text) <= 14) {
      status[i] = 'byline'
      const name = (byline[1] as string).trim().replace(/[,|]$/, '')
      result.author ??= evidence(name, block.text, block.span, 'text')
    }
  }
}

/** A body block that is an ad, a share bar, a credit or caption, or a short footer line. */
function markClutter(cleanup: Cleanup, block: Block, i: number): void {
  const { items, status, result, format } = cleanup
  const text = block.text
  // (No test below asks about more than 80 words.)
  const words = wordCountPast(text, 80)
  if (ADVERTISEMENT.test(text)) status[i] = 'advertisement'
  else if (words <= 40 && PAGE_MACHINERY.test(text)) status[i] = 'navigation'
  else if (format === 'html' && words <= 6 && SIDEBAR_MARKER.test(text)) status[i] = 'sidebar'
  else if (words <= 12 && SHARE_BAR.test(text)) status[i] = 'navigation'
  else if (block.kind === 'image') {
    status[i] = 'caption'
    if (text !== '') result.captions.push({ text, span: block.span, credit: null })
  } else if (words <= 12 && CREDIT_ONLY.test(text)) {
    status[i] = 'photo-credit'
    result.captions.push({ text: '', span: block.span, credit: text })
  } else if (block.kind === 'emphasis' && items[i - 1]?.kind === 'image') {
    status[i] = 'caption'
    result.captions.push({ text, span: block.span, credit: null })
  } else if (words <= 80) {
    if (markCreditedCaption(cleanup, block, i)) return
    if (isFooterLine(text, words)) status[i] = 'footer'
    // An author bio that ends with a follow line is left to the bio rule, which reads the name.
    else if (words <= 25 && SOCIAL_FOLLOW.test(text) && !AUTHOR_BIO.test(text))
      status[i] = 'social-follow'
  }
}

/** A caption that ends with its photo's credit ("… (AP Photo/Jane Doe)"); whether it was one. */
function markCreditedCaption(cleanup: Cleanup, block: Block, i: number): boolean {
  const { status, result } = cleanup
  const text = block.text
  // A credit stands at the end: search only the tail, the hot path of cleanup.
  const tailStart = Math.max(0, text.length - 160)
  const tail = CREDIT_SUFFIX.exec(text.slice(tailStart))
  const credit = tail ? Object.assign(tail, { index: tail.index + tailStart }) : null
  if (!credit || credit.index <= 0) return false
  status[i] = 'caption'
  const previous = result.captions[result.captions.length - 1]
  const creditText = (credit[1] as string).trim()
  const caption = {
    text: text.slice(0, credit.index + (credit[0].length - credit[0].trimStart().length)).trim(),
    span: block.span,
    credit: creditText,
  }
  // A credit line right before its caption is the same photo: one caption.
  if (
    previous &&
    previous.text === '' &&
    previous.credit === creditText &&
    status[i - 1] === 'photo-credit'
  ) {
    result.captions[result.captions.length - 1] = caption
  } else {
    result.captions.push(caption)
  }
  return true
}

/**
 * The site footer: walking up from the end over footer lines and the tiny labels
 * between them (a repeated site name, an "or"), passing over blocks already taken out.
 */
function markFooter({ items, status }: Cleanup): void {
  let footerStart = -1
  let sawFooter = false
  for (let i = items.length - 1; i >= 0; i--) {
    if (status[i] !== 'body') {
      if (status[i] === 'footer') sawFooter = true
      continue
    }
    const text = (items[i] as Block).text
    if (isFooterLine(text)) sawFooter = true
    else if (!isTinyLabel(text)) break
    footerStart = i
  }
  if (sawFooter && footerStart >= 0) {
    for (let i = footerStart; i < items.length; i++) if (status[i] === 'body') status[i] = 'footer'
  }
}

/** The outlet: the first copyright holder a footer line names. */
function readOutletOfFooter({ items, status, result }: Cleanup): void {
  items.forEach((block, i) => {
    if (status[i] !== 'footer' || result.outlet) return
    const holder = copyrightHolder(block.text)
    if (holder) result.outlet = evidence(holder, block.text, block.span, 'text')
  })
}

/** An author bio or a credits line among the last two body blocks; a bio names the author. */
function markAuthorBios(cleanup: Cleanup): void {
  const { items, status, result } = cleanup
  for (const i of bodyIndexes(cleanup).slice(-2)) {
    const text = (items[i] as Block).text
    const bio = AUTHOR_BIO.exec(text)
    if (bio && wordCount(text) <= 80 && (JOURNALIST.test(text) || SOCIAL_FOLLOW.test(text))) {
      status[i] = 'author-bio'
      result.author ??= evidence(bio[1] as string, text, (items[i] as Block).span, 'text')
    } else if (CREDITS_LINE.test(text) && wordCount(text) <= 40) {
      status[i] = 'byline'
    }
  }
}

/**
 * Paragraphs printed twice: the first copy stays. Only a paragraph whose stops, commas and
 * words are as many as another's can have its words: the others' keys are not worth making.
 */
function markDuplicates(cleanup: Cleanup): void {
  const { items, status, result } = cleanup
  const seen = new Set<string>()
  const body = bodyIndexes(cleanup)
  const marks = body.map((i) => stopsAndCommas((items[i] as Block).text))
  const paragraphsByMarks = new Map<string, number>()
  for (const mark of marks) paragraphsByMarks.set(mark, (paragraphsByMarks.get(mark) ?? 0) + 1)
  for (const [n, i] of body.entries()) {
    if (paragraphsByMarks.get(marks[n] as string) === 1) continue
    const block = items[i] as Block
    const key = normalizedKey(block.text)
    if (key.length >= 20 && seen.has(key)) {
      status[i] = 'duplicate'
      result.messages.push({
        code: 'duplicate-paragraph',
        severity: 'info',
        message: `paragraph ${i + 1} repeats an earlier paragraph word for word; the repeat was left out`,
        span: block.span,
      })
    }
    seen.add(key)
  }
}

/** The body blocks and what was taken out, in text order, and the lead's dateline. */
function cleanedBody(cleanup: Cleanup): CleanedBlocks {
  const { items, status, result, removed } = cleanup
  items.forEach((block, i) => {
    const s = status[i] as Status
    if (s === 'body') result.body.push(block)
    else remove(cleanup, block, s)
  })
  const lead = result.body[0]
  const dateline = lead ? DATELINE.exec(lead.text) : null
  if (lead && dateline) {
    const place = (dateline[1] as string).trim()
    result.dateline = evidence(
      place,
      dateline[0].trim(),
      sliceBlock(lead, 0, dateline[0].trimEnd().length).span,
      'text',
    )
  }
  result.removed = removed.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end)
  return result
}

/**
 * Boxes of links to other stories: a marker such as "View All" or "Related
 * stories" (with the section label above it), then teasers — short headlines
 * and excerpts cut off with an ellipsis — until story text resumes. A run of
 * teasers at the very end counts too when it holds at least two excerpts.
 */
function markSidebars(items: readonly Block[], status: Status[]): void {
  const isTeaser = (text: string) => TRUNCATED.test(text) || isHeadlineLike(text)
  for (let i = 0; i < items.length; i++) {
    if (status[i] !== 'body') continue
    const text = (items[i] as Block).text
    if (!SIDEBAR_MARKER.test(text) || wordCount(text) > 6) continue
    let start = i
    for (let j = i - 1; j >= 0; j--) {
      if (status[j] !== 'body') continue
      if (isTinyLabel((items[j] as Block).text)) start = j
      break
    }
    let end = i + 1
    while (end < items.length && (status[end] !== 'body' || isTeaser((items[end] as Block).text)))
      end++
    for (let j = start; j < end; j++) if (status[j] === 'body') status[j] = 'sidebar'
    i = end - 1
  }
  const trailing: number[] = []
  for (let i = items.length - 1; i >= 0; i--) {
    if (status[i] !== 'body') continue
    if (!isTeaser((items[i] as Block).text)) break
    trailing.push(i)
  }
  const excerpts = trailing.filter((i) => TRUNCATED.test((items[i] as Block).text)).length
  if (excerpts >= 2 && trailing.length >= 4) for (const i of trailing) status[i] = 'sidebar'
}
