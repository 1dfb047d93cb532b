import { CorroborateError } from '../errors.js'
import { toOriginalSpan } from '../ingest/text-runs.js'
import { bisectLeft, bisectRight } from '../sorted.js'
import type {
  Article,
  ArticleMessage,
  Claim,
  ClaimKind,
  Quote,
  Sentence,
  Span,
  TextEvidence,
} from '../types.js'
import { findActions } from './actions.js'
import { findDates, publicationDay, readsPublicationDay, type Unresolved } from './dates.js'
import { type Found, isNumericFound } from './found.js'
import { type KeywordsByToken, keywordsBetween, keywordsByToken, keywordsOf } from './keywords.js'
import { findPlaces, fromCapitals } from './places.js'
import { findQuantities } from './quantities.js'
import { startOf, type Token, tokenize } from './tokens.js'

/** The claims of one article, in text order, and the problems met on the way. */
export interface ClaimExtraction {
  claims: Claim[]
  messages: ArticleMessage[]
}

// When two findings cover the same words, the more specific reading wins:
// "Monday, February 3, 2025" is a date, not a day and a year.
const PRIORITY: Readonly<Record<ClaimKind, number>> = {
  itinerary: 0,
  date: 1,
  day: 2,
  money: 3,
  percentage: 4,
  count: 5,
  year: 6,
  place: 7,
  action: 8,
}

function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'object')
    return `an object with keys ${Object.keys(value).slice(0, 6).join(', ') || '(none)'}`
  return `a ${typeof value}`
}

function assertArticle(value: unknown): asserts value is Article {
  const article = value as Partial<Record<keyof Article, unknown>> | null
  if (
    typeof article !== 'object' ||
    article === null ||
    typeof article.id !== 'string' ||
    typeof article.original !== 'string' ||
    typeof article.text !== 'string' ||
    !Array.isArray(article.sentences) ||
    !Array.isArray(article.runs)
  ) {
    throw new CorroborateError(
      'INVALID_ARGUMENT',
      `extractClaims expects an Article as normalizeArticle returns it (id, original, text, sentences, runs); got ${describe(value)}`,
      { subject: 'article' },
    )
  }
}

function assertQuotes(value: unknown): asserts value is readonly Quote[] {
  const valid =
    Array.isArray(value) &&
    value.every(
      (quote: unknown) =>
        typeof quote === 'object' &&
        quote !== null &&
        typeof (quote as Quote).id === 'string' &&
        typeof (quote as Quote).span?.start === 'number' &&
        typeof (quote as Quote).span?.end === 'number',
    )
  if (!valid) {
    throw new CorroborateError(
      'INVALID_ARGUMENT',
      `extractClaims expects quotes as extractQuotes returns them (an array of Quote with id and span); got ${describe(value)}`,
      { subject: 'quotes' },
    )
  }
}

/** Keeps the findings that do not overlap a more specific or longer one, in text order. */
function withoutOverlaps(found: readonly Found[]): Found[] {
  const ranked = [...found].sort(
    (a, b) =>
      PRIORITY[a.kind] - PRIORITY[b.kind] ||
      b.end - b.start - (a.end - a.start) ||
      a.start - b.start,
  )
  // What is kept so far, in text order and never overlapping: one binary search per
  // finding, so that a run-on sentence of thousands of numbers stays n·log n.
  const kept: Found[] = []
  for (const f of ranked) {
    const low = bisectLeft(kept, f.start, startOf)
    const before = kept[low - 1]
    const after = kept[low]
    const clear =
      (before === undefined || before.end <= f.start) &&
      (after === undefined || f.end <= after.start) &&
      !(after !== undefined && after.start === f.start && f.end > f.start)
    if (clear) kept.splice(low, 0, f)
  }
  return kept
}

/** Characters around a claim whose words are its keywords, in a sentence longer than twice this. */
const KEYWORD_WINDOW = 400

const OPENS_WITH_NUMBER = /^\s*\d/
const NONE: readonly never[] = []

/**
 * What a sentence holds, read from its words alone: the same for every article that
 * carries the same text on the same publication day (and, when it opens with a number,
 * after the same 12 characters).
 */
interface SentenceReading {
  /** The publication day it was read on; null when it reads none (see readsPublicationDay). */
  published: number | null
  before: string
  /** Dates, quantities and places, without overlaps and without unplaced dates' words. */
  found: readonly Found[]
  /** Who did what, kept unless it overlaps a quote of the article. */
  actions: readonly Found[]
  unresolved: readonly Unresolved[]
  /** The sentence's keywords when it has findings and is short; null otherwise. */
  keywords: readonly string[]
  /** The tokens of a run-on sentence, whose claims each take the words near them. */
  tokens: Token[] | null
  /** The keywords of each of {@link SentenceReading.tokens}, read when a claim first asks. */
  keywordsByToken: KeywordsByToken | null
  /** Another reading of the same text (another day, or what stands before it). */
  next: SentenceReading | null
}

/** Sentence readings by text, for one call over many articles. */
export type SentenceMemo = Map<string, SentenceReading>

function readSentence(
  text: string,
  published: number | null,
  before: string,
  memo: SentenceMemo | null,
): SentenceReading {
  const long = text.length > 2 * KEYWORD_WINDOW
  // A sentence with no date or day in it reads the same on any day: one reading for all.
  const day = memo && !long && !readsPublicationDay(text) ? null : published
  if (memo && !long) {
    for (let seen: SentenceReading | null | undefined = memo.get(text); seen; seen = seen.next)
      if (seen.published === day && seen.before === before) return seen
  }
  const tokens = tokenize(text)
  const { found: dates, unresolved } = findDates(text, published)
  // A date left out for want of a year still takes its numbers with it.
  const found = withoutOverlaps([
    ...dates,
    ...findQuantities(text, tokens, before),
    ...findPlaces(text, tokens),
  ]).filter((f) => unresolved.every((u) => f.end <= u.start || f.start >= u.end))
  const actions = findActions(text, tokens)
  const reading: SentenceReading = {
    published: day,
    before,
    found: found.length > 0 ? found : NONE,
    actions: actions.length > 0 ? actions : NONE,
    unresolved: unresolved.length > 0 ? unresolved : NONE,
    keywords: !long && found.length + actions.length > 0 ? keywordsOf(tokens) : NONE,
    tokens: long ? tokens : null,
    keywordsByToken: null,
    next: null,
  }
  if (memo && !long) {
    reading.next = memo.get(text) ?? null
    memo.set(text, reading)
  }
  return reading
}

interface Placed {
  found: Found
  span: Span
  text: string
  sentence: Sentence
  keywords: readonly string[]
}

/**
 * Finds a claim's quote: the first of `quotes` that holds the span, and
 * whether any overlaps it. Quotes in order and apart (as extractQuotes gives
 * them) are searched by halves, so that a page of many quotes and claims
 * costs n·log n; any other list is read in full.
 */
class QuoteLookup {
  private readonly starts: number[]
  private readonly apart: boolean

  constructor(private readonly quotes: readonly Quote[]) {
    this.starts = quotes.map((quote) => quote.span.start)
    this.apart = quotes.every(
      (quote, i) => i === 0 || (quotes[i - 1]?.span.end ?? 0) <= quote.span.start,
    )
  }

  /** The quotes that can hold or overlap `span`: with apart quotes, the last two opened by its end. */
  private candidates(span: Span): readonly Quote[] {
    if (!this.apart) return this.quotes
    const low = bisectRight(this.starts, span.end)
    // Of apart quotes opened by the span's end, only the last can reach into it; the
    // one before counts when the last opens right where the span ends.
    return this.quotes.slice(Math.max(0, low - 2), low)
  }

  enclosing(span: Span): Quote | null {
    for (const quote of this.candidates(span)) {
      if (quote.span.start <= span.start && span.end <= quote.span.end) return quote
    }
    return null
  }

  overlaps(span: Span): boolean {
    return this.candidates(span).some((q) => q.span.start < span.end && span.start < q.span.end)
  }
}

/**
 * Where the dateline ("SAN SALVADOR, El Salvador —") names the place a
 * report was filed from, as a place claim, when it stands in a body sentence.
 */
function datelinePlace(article: Article): { span: Span; value: string; sentence: Sentence } | null {
  const dateline = article.dateline
  // "WASHINGTON (AP)": the agency in parentheses is no part of the place.
  const name = dateline?.value.replace(/\s*\(.*$/, '').trim() ?? ''
  if (!dateline?.span || name === '' || !/\p{Lu}/u.test(name)) return null
  const at = dateline.text.indexOf(name)
  if (at < 0) return null
  const span = { start: dateline.span.start + at, end: dateline.span.start + at + name.length }
  if (article.original.slice(span.start, span.end) !== name) return null
  const sentence = article.sentences.find(
    (s) => s.span.start <= span.start && span.end <= s.span.end,
  )
  if (!sentence) return null
  const value = name
    .split(/\s*,\s*/)
    .map((part) => fromCapitals(part.split(/\s+/)).join(' '))
    .join(', ')
  return { span, value, sentence }
}

/**
 * Factual claims of an article's body with normalized values: counts with
 * what they count ("40,000-bed" → 40000 people), money in an ISO 4217
 * currency, percentages (0–100), years, calendar dates and weekdays as
 * `YYYY-MM-DD` resolved against `article.published` (never the clock),
 * places and itineraries. Numbers that are parts of names, dates, times,
 * addresses, ordinals and list markers are left out.
 *
 * Claims are in text order with ids `<article id>#c<n>`; each `span` covers
 * the claim in `article.original`: for plain text it slices to the claim's
 * `text`, for HTML and Markdown it also holds the markup between the words,
 * which `text` (and `sentence.text`) leave out. `quotes` (from `extractQuotes`
 * on the same article) give a claim standing inside a quote its quote id and
 * speaker. A date with a day and month but no year, in an article without a
 * publication date, is reported as a `date-unparsed` message instead.
 *
 * Throws `CorroborateError` `INVALID_ARGUMENT` when `article` is not an
 * Article or `quotes` not an array of quotes.
 */
export function extractClaims(article: Article, quotes: readonly Quote[] = []): ClaimExtraction {
  return extractClaimsReading(article, quotes, null)
}

/**
 * {@link extractClaims}, reading each sentence through `sentences`: what one call
 * over many articles (`crossReference`) keeps of the sentences it has read, so that
 * a sentence several articles carry is read once. Never kept past that call.
 */
export function extractClaimsReading(
  article: Article,
  quotes: readonly Quote[],
  sentences: SentenceMemo | null,
): ClaimExtraction {
  assertArticle(article)
  assertQuotes(quotes)
  const lookup = new QuoteLookup(quotes.filter((quote) => quote.article === article.id))
  const published = publicationDay(article.published?.value)
  const messages: ArticleMessage[] = []
  const placed: Placed[] = []
  for (const sentence of article.sentences) {
    const read = readSentence(sentence.text, published, textBefore(article, sentence), sentences)
    placeFindings(placed, article, sentence, read, lookup)
    for (const u of read.unresolved) messages.push(unplacedDateMessage(article, sentence, u))
  }
  addDatelinePlace(placed, article)
  placed.sort(byPosition)
  const sentenceText = sharedSentenceText(article)
  const claims = placed.map((p, n) => claimOf(article, p, n, lookup, sentenceText))
  return { claims, messages }
}

/** What stands before the sentence counts only when it opens with a number ("No. 1"). */
function textBefore(article: Article, sentence: Sentence): string {
  return OPENS_WITH_NUMBER.test(sentence.text)
    ? article.text.slice(Math.max(0, sentence.offset - 12), sentence.offset)
    : ''
}

/**
 * Who did what spans other claims' words ("visited El Salvador"): it is kept beside
 * them, unless it overlaps one of the article's quotes.
 */
function actionsOutsideQuotes(
  article: Article,
  sentence: Sentence,
  read: SentenceReading,
  lookup: QuoteLookup,
): readonly Found[] {
  if (read.actions.length === 0) return NONE
  return read.actions.filter(
    (action) =>
      !lookup.overlaps(
        toOriginalSpan(article.runs, sentence.offset + action.start, sentence.offset + action.end),
      ),
  )
}

/**
 * A finding's keywords: its sentence's, except in a run-on sentence, which gives each
 * claim the words around it, not all of its own (each token's keywords read once for
 * the sentence: the windows overlap).
 */
function keywordsNear(read: SentenceReading, f: Found): readonly string[] {
  if (read.tokens && read.keywordsByToken === null)
    read.keywordsByToken = keywordsByToken(read.tokens)
  return read.tokens && read.keywordsByToken
    ? keywordsBetween(
        read.keywordsByToken,
        bisectLeft(read.tokens, f.start - KEYWORD_WINDOW, startOf),
        bisectLeft(read.tokens, f.end + KEYWORD_WINDOW, startOf),
      )
    : read.keywords
}

/** Adds a sentence's findings to `placed`, each with its span in the original and its words. */
function placeFindings(
  placed: Placed[],
  article: Article,
  sentence: Sentence,
  read: SentenceReading,
  lookup: QuoteLookup,
): void {
  const actions = actionsOutsideQuotes(article, sentence, read, lookup)
  for (const f of actions.length > 0 ? [...read.found, ...actions] : read.found) {
    const span = toOriginalSpan(article.runs, sentence.offset + f.start, sentence.offset + f.end)
    // Plain text is its own clean text; in HTML and Markdown the original holds markup
    // between the words (`<a href="…">`, `**…**`): their claim is the clean text.
    const written =
      article.format === 'text'
        ? article.original.slice(span.start, span.end)
        : sentence.text.slice(f.start, f.end)
    if (written.trim() === '') continue
    placed.push({ found: f, span, text: written, sentence, keywords: keywordsNear(read, f) })
  }
}

/** A date with a day and month but no year, in an article with no publication date to lend one. */
function unplacedDateMessage(article: Article, sentence: Sentence, u: Unresolved): ArticleMessage {
  const span = toOriginalSpan(article.runs, sentence.offset + u.start, sentence.offset + u.end)
  return {
    code: 'date-unparsed',
    severity: 'info',
    message: `date "${article.original.slice(span.start, span.end)}" gives no year and the article has no publication date to lend one; it is left out of the claims`,
    span,
  }
}

/** The dateline's place, unless a claim of the body already covers its words. */
function addDatelinePlace(placed: Placed[], article: Article): void {
  const dateline = datelinePlace(article)
  if (
    !dateline ||
    placed.some((p) => p.span.start < dateline.span.end && dateline.span.start < p.span.end)
  )
    return
  placed.push({
    found: {
      kind: 'place',
      start: 0,
      end: 0,
      value: dateline.value,
      unit: null,
      noun: null,
      qualifier: null,
    },
    span: dateline.span,
    text: article.original.slice(dateline.span.start, dateline.span.end),
    sentence: dateline.sentence,
    keywords: keywordsOf(tokenize(dateline.sentence.text)),
  })
}

/** Text order; of claims on the same words, the more specific kind first. */
const byPosition = (a: Placed, b: Placed) =>
  a.span.start - b.span.start ||
  a.span.end - b.span.end ||
  PRIORITY[a.found.kind] - PRIORITY[b.found.kind]

/**
 * One string for all the claims of a sentence: the later stages key and compare claims
 * by their sentence's text, and two copies of one text are compared character by
 * character, which costs each claim of a run-on sentence the whole sentence. Claims
 * come in text order, so the last sentence read is the one to keep.
 */
function sharedSentenceText(article: Article): (of: Sentence) => string {
  const fromOriginal = article.format === 'text'
  let lastSentence: Sentence | null = null
  let lastText = ''
  return (of: Sentence) => {
    if (of !== lastSentence) {
      lastSentence = of
      lastText = fromOriginal ? article.original.slice(of.span.start, of.span.end) : of.text
    }
    return lastText
  }
}

/** The `n`th claim of the article, with the quote it stands in and that quote's speaker. */
function claimOf(
  article: Article,
  p: Placed,
  n: number,
  lookup: QuoteLookup,
  sentenceText: (of: Sentence) => string,
): Claim {
  const quote = lookup.enclosing(p.span)
  const sentence: TextEvidence = {
    text: sentenceText(p.sentence),
    span: { start: p.sentence.span.start, end: p.sentence.span.end },
  }
  const { found } = p
  return {
    id: `${article.id}#c${n}`,
    article: article.id,
    // Kind and value read together, so that a numeric kind keeps a number.
    ...(isNumericFound(found)
      ? { kind: found.kind, value: found.value }
      : { kind: found.kind, value: found.value }),
    text: p.text,
    span: p.span,
    unit: found.unit,
    noun: found.noun,
    qualifier: found.qualifier,
    sentence,
    keywords: [...p.keywords],
    quote: quote ? quote.id : null,
    speaker: quote?.speaker ? { id: quote.speaker.id, name: quote.speaker.name } : null,
  }
}
