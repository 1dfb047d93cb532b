import { toOriginalSpan } from '../ingest/text-runs.js'
import { bisectLeft } from '../sorted.js'
import type {
  Article,
  ArticleMessage,
  AttributionRule,
  Quote,
  Speaker,
  SpeakerRef,
  TextEvidence,
} from '../types.js'
import { attributeInSentence } from './attribute-in-sentence.js'
import { TRANSCRIPT } from './attribution-rules.js'
import { carryAttributions } from './carry-attribution.js'
import { type AntecedentModel, chooseAntecedent, SHIPPED_MODEL } from './choose-antecedent.js'
import { channelOf } from './cues.js'
import { findQuoteSpans, type QuoteScan, type QuoteSpan } from './find-quote-spans.js'
import { collectNames, NameRegistry } from './name-registry.js'
import { fromEntity, type Resolved, resolve } from './resolve-mention.js'
import { withMentionMemo, withoutClauseAfterHead } from './speaker-mention.js'
import { setReading } from './usable-mention.js'
import type { Working } from './working.js'

// Two capitalized words, every such pair (overlapping): "Says Marco Rubio" holds "Marco Rubio".
const TITLE_PAIR = /(?=\b(\p{Lu}\p{Ll}+)\s+(\p{Lu}\p{Ll}+)\b)/gu

// Archived print news writes double quotes as two apostrophes (''We will,'' she said): an
// article that opens a quote so quotes speech with double marks, and its single quotes are
// quotes within quotes or terms, never speech of their own.
const DOUBLED_APOSTROPHES = /(?:^|\s)''(?=\p{L})/mu

// A speaker no rule of the text vouches for, only the model's choice among those named before.
const NEAREST_SPEAKER_CONFIDENCE = 0.3

/** Quotes of one article, the speakers they name, and problems met on the way. */
export interface QuoteExtraction {
  quotes: Quote[]
  speakers: Speaker[]
  messages: ArticleMessage[]
}

/**
 * Finds the direct quotes of an article's body and who said them.
 * Attribution rules, strongest first: a cue right after the quote ("…,” he
 * said), a cue before it in the same sentence (Rubio said, “…”), "according
 * to"; then a quote broken by its attribution or reopened in the next
 * paragraph carries on its first part's speaker; an uncued statement takes a cue
 * ending the sentence before it in its paragraph, or a colon introduction
 * ending the previous paragraph; a quote that is a whole paragraph takes a dash
 * signature in the paragraph below ("- Jane Roe."). Pronouns resolve to the last
 * person named who fits, unless a model learned on annotated news scores
 * another of the people named before clearly higher; surnames, titles and roles resolve to the article's
 * fullest form of the name. When no rule applies, a model learned on
 * annotated news (`pnpm train:speakers`) may pick one of the people named
 * before the quote (named outside quotes too, and a person if named by one word), with rule `nearest-speaker`, no mention and confidence
 * 0.3, when its choice clearly stands out; otherwise the speaker is null and
 * a message says so.
 */
export function extractQuotes(article: Article): QuoteExtraction {
  return extractQuotesWith(article, { model: SHIPPED_MODEL })
}

/** Options of {@link extractQuotesWith}. */
export interface ExtractQuotesWithOptions {
  /** The speaker model that picks among the people named before a quote. */
  model: AntecedentModel
}

/**
 * `extractQuotes` with a speaker model of the caller's: `pnpm train:speakers`
 * traces the choices and measures weights on held-out folds with it. Not part
 * of the public API.
 */
export function extractQuotesWith(
  article: Article,
  options: ExtractQuotesWithOptions,
): QuoteExtraction {
  return withMentionMemo(() => {
    const outer = setReading(null)
    try {
      return extractFrom(article, options.model)
    } finally {
      setReading(outer)
    }
  })
}

function extractFrom(article: Article, model: AntecedentModel): QuoteExtraction {
  const scan = findQuoteSpans(article.paragraphs)
  const text = article.text
  const registry = nameRegistryOf(article, scan)
  setReading({ text, registry })
  const paragraphOf = new Map(article.paragraphs.map((p) => [p.index, p]))
  const doubleQuoted =
    scan.spans.some((span) => !span.single && span.close !== null) || DOUBLED_APOSTROPHES.test(text)
  const working = workingQuotes(text, scan)

  attributeInSentence(working, text, paragraphOf, doubleQuoted)
  carryAttributions(working, text, paragraphOf)
  cutClausesOffSpeakers(working)

  const messages: ArticleMessage[] = []
  const speakers = new Map<string, Speaker>()
  const quotes: Quote[] = []
  const quoteStarts = working.map((item) => item.span.start)
  const inQuote = (at: number) => {
    const quote = working[bisectLeft(quoteStarts, at + 1) - 1]
    return quote !== undefined && at < quote.span.end
  }
  working.forEach((item, index) => {
    const said = speakerOf(item, registry, article.author, speakers, model, inQuote)
    const quote = quoteOf(article, item, index, said)
    quotes.push(quote)
    if (!said.speaker && item.kind !== 'term') {
      messages.push({
        code: 'unattributed-quote',
        severity: 'info',
        message: `no speaker found for the quote “${item.text.length > 60 ? `${item.text.slice(0, 57)}…` : item.text}”: the text does not say who said it`,
        span: quote.span,
      })
    }
  })
  return {
    quotes,
    speakers: sortedSpeakers(speakers),
    messages: messages.concat(quoteMarkMessages(article, scan)),
  }
}

/** The register of the people and organizations the article names, the headline's full names among them. */
function nameRegistryOf(article: Article, scan: QuoteScan): NameRegistry {
  const registry = new NameRegistry(
    collectNames(
      article.text,
      scan.spans.map((span) => ({ start: span.start, end: span.end })),
    ),
    article.paragraphs.map((p) => p.offset),
  )
  // The headline may be the only place the full name is written.
  for (const pair of (article.title?.value ?? '').matchAll(TITLE_PAIR))
    registry.completeName(`${pair[1]} ${pair[2]}`)
  return registry
}

/** The quotes found that are kept, each as a statement not yet attributed. */
function workingQuotes(text: string, scan: QuoteScan): Working[] {
  const closedOrCarried = (span: QuoteSpan, index: number, all: QuoteSpan[]) => {
    if (span.close !== null) return true
    const next = all[index + 1]
    return next?.continued && next.paragraph === span.paragraph + 1
  }
  // An opener right after "=" is markup (an attribute value), and a quote
  // never closed nor carried on is unreliable: both are left out; the
  // unclosed one is still reported as a message.
  const kept = scan.spans.filter(
    (span, index, all) =>
      text[span.open - 1] !== '=' &&
      (closedOrCarried(span, index, all) || TRANSCRIPT.test(text.slice(span.start, span.end))),
  )
  return kept.map((span) => ({
    span,
    text: text.slice(span.start, span.end),
    kind: 'statement',
    attribution: null,
    continues: null,
    context: '',
  }))
}

/** Each chosen nominal speaker without the clause its mention was read on into: "The senator emailed" is "The senator". */
function cutClausesOffSpeakers(working: Working[]): void {
  for (const item of working) {
    const attribution = item.attribution
    if (attribution?.mention.form !== 'nominal') continue
    const mention = withoutClauseAfterHead(attribution.mention)
    if (mention !== attribution.mention) item.attribution = { ...attribution, mention }
  }
}

/** Who said a quote, how sure of it the text makes one (0 to 1), and the rule that found them. */
interface QuoteSpeaker {
  speaker: SpeakerRef | null
  confidence: number
  rule: AttributionRule | null
}

/**
 * The speaker of a quote, added to `speakers` (or merged into the one there):
 * its attribution's mention resolved, or, when no rule found one, the model's
 * choice among the people named before. A term has none.
 */
function speakerOf(
  item: Working,
  registry: NameRegistry,
  author: Article['author'],
  speakers: Map<string, Speaker>,
  model: AntecedentModel,
  inQuote: (at: number) => boolean,
): QuoteSpeaker {
  const attribution = item.attribution
  const rule = attribution?.rule ?? null
  if (item.kind === 'term') return { speaker: null, confidence: 0, rule }
  if (attribution) {
    const resolved = resolve(attribution, item, registry, author, model)
    if (!resolved) return { speaker: null, confidence: 0, rule }
    return {
      speaker: noteSpeaker(speakers, resolved),
      confidence: attribution.confidence * (attribution.mention.form === 'pronoun' ? 0.85 : 1),
      rule,
    }
  }
  // No rule found a speaker: the model picks among the people named before, weakly.
  const entity = chooseAntecedent(
    { mention: null, at: item.span.open, rule: null, quote: item.span, quoteKind: item.kind },
    registry,
    undefined,
    model,
  )
  if (!entity) return { speaker: null, confidence: 0, rule }
  // Someone named before only inside quotes ("we met the bankers in Dayton", in a speech quoted whole)
  // is someone a speaker talked of, not one the writer has brought in to speak: no guess.
  if (!entity.positions.some((at) => at < item.span.open && !inQuote(at)))
    return { speaker: null, confidence: 0, rule }
  // A single word the text never shows to be a person ("Texas passed a law", no "he", no
  // title, no "Texas said") is as likely a place or a body: no guess.
  if (
    !entity.name.includes(' ') &&
    entity.gender === null &&
    entity.speeches.length === 0 &&
    entity.roles.size === 0
  )
    return { speaker: null, confidence: 0, rule }
  return {
    speaker: noteSpeaker(speakers, fromEntity(entity, entity.name)),
    confidence: NEAREST_SPEAKER_CONFIDENCE,
    rule: 'nearest-speaker',
  }
}

/** Adds a resolved speaker to `speakers`, or its aliases and roles to the one there, and refers to it. */
function noteSpeaker(speakers: Map<string, Speaker>, resolved: Resolved): SpeakerRef {
  const known = speakers.get(resolved.id)
  if (known) {
    for (const alias of resolved.aliases)
      if (!known.aliases.includes(alias)) known.aliases.push(alias)
    for (const role of resolved.roles) if (!known.roles.includes(role)) known.roles.push(role)
  } else {
    speakers.set(resolved.id, {
      id: resolved.id,
      name: resolved.name,
      kind: resolved.kind,
      aliases: [...resolved.aliases],
      roles: [...resolved.roles],
    })
  }
  return { id: resolved.id, name: resolved.name }
}

/** The `index`-th quote of the article as extraction returns it, spans into the original. */
function quoteOf(article: Article, item: Working, index: number, said: QuoteSpeaker): Quote {
  const { speaker, confidence, rule } = said
  const attribution = item.attribution
  const span = toOriginalSpan(article.runs, item.span.start, item.span.end)
  const evidence = (at: number, words: string): TextEvidence => ({
    text: words,
    span: toOriginalSpan(article.runs, at, at + words.length),
  })
  return {
    id: `${article.id}#q${index}`,
    article: article.id,
    // A plain text is what the reader sees; a page's or Markdown's original holds
    // markup between the words (`<a href="…">`, `*…*`): their quote is the clean text.
    text: article.format === 'text' ? article.original.slice(span.start, span.end) : item.text,
    span,
    kind: item.kind,
    paragraph: item.span.paragraph,
    speaker,
    mention:
      attribution && item.kind !== 'term' && rule !== 'nearest-speaker'
        ? evidence(attribution.mentionAt, attribution.mention.text)
        : null,
    cue:
      attribution?.cue && item.kind !== 'term'
        ? evidence(attribution.cue.at, attribution.cue.text)
        : null,
    channel: item.kind === 'term' ? null : channelOf(item.context),
    confidence: Math.round(confidence * 100) / 100,
    rule: speaker ? rule : null,
    continues: item.continues === null ? null : `${article.id}#q${item.continues}`,
  }
}

/** The problems of the quote marks themselves: quotes never closed, closing marks that close none. */
function quoteMarkMessages(article: Article, scan: QuoteScan): ArticleMessage[] {
  const messages: ArticleMessage[] = []
  for (const open of scan.unclosed) {
    messages.push({
      code: 'unclosed-quote',
      severity: 'warning',
      message:
        'a quote opened here is not closed before its paragraph ends, and the next paragraph does not reopen it',
      span: toOriginalSpan(article.runs, open.open, open.open + 1),
    })
  }
  for (const at of scan.stray) {
    messages.push({
      code: 'stray-quote-mark',
      severity: 'info',
      message: 'a closing quote mark here closes no open quote',
      span: toOriginalSpan(article.runs, at, at + 1),
    })
  }
  return messages
}

/** The speakers in the order of their ids, each with its aliases and roles sorted. */
function sortedSpeakers(speakers: Map<string, Speaker>): Speaker[] {
  const sorted = [...speakers.values()].map((s) => ({
    ...s,
    aliases: [...s.aliases].sort(),
    roles: [...s.roles].sort(),
  }))
  sorted.sort((a, b) => a.id.localeCompare(b.id))
  return sorted
}
