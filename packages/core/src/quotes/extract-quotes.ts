import { toOriginalSpan } from '../ingest/text-runs.js'
import type {
  Article,
  ArticleMessage,
  AttributionRule,
  Quote,
  QuoteKind,
  Speaker,
  SpeakerRef,
  TextEvidence,
} from '../types.js'
import {
  CUE,
  CUE_AT_START,
  channelOf,
  HAS_CUE,
  NAMING_CUE,
  PARTICIPLE_CUE,
  TERM_INTRO,
} from './cues.js'
import { findQuoteSpans, type QuoteSpan } from './find-quote-spans.js'
import { collectNames, type NamedEntity, NameRegistry } from './name-registry.js'
import { isGrammarWord, isWrittenAsName } from './proper-name.js'
import { speakerId } from './speaker-id.js'
import {
  isPeopleNoun,
  isPeoplePronoun,
  isRoleWord,
  nominalHead,
  parseSpeakerMention,
  type SpeakerMention,
  speakerNounKind,
  withMentionMemo,
} from './speaker-mention.js'

/** Quotes of one article, the speakers they name, and problems met on the way. */
export interface QuoteExtraction {
  quotes: Quote[]
  speakers: Speaker[]
  messages: ArticleMessage[]
}

interface Attribution {
  mention: SpeakerMention
  mentionAt: number
  cue: { text: string; at: number } | null
  rule: AttributionRule
  confidence: number
}

interface Working {
  span: QuoteSpan
  text: string
  kind: QuoteKind
  attribution: Attribution | null
  continues: number | null
  /** The words around the quote in its sentence, quote left out: where a channel is named. */
  context: string
  /** Listed right after the previous quote ("“a” and “b”"); fills in from it. */
  coordinated?: boolean
}

const COORDINATION = /^[\s,]*(?:(?:and|or|but|as well as|nor)\s+)?(?:(?:a|an|the)\s+)?$/i
const LOOSE_COORDINATION = /^[^.;:!?“”"]{1,40}\s(?:but|yet|and|or)\s+(?:(?:a|an|the)\s+)?$/i
const ADVERB =
  /^(?:also|then|later|once|again|previously|recently|further|simply|earlier|repeatedly|reportedly|often|always|never|sometimes|still|has|had|have|was|were|is|would|will|had\s+earlier|(?!(?:family|ally|rally|assembly|supply|reply|bully|monopoly|anomaly|belly|folly|jelly|lily|fly)$)[a-z]+ly)$/i
const CLAUSE_BREAK =
  /(?:[;:“”"(]|\s—\s|\s–\s|\s--\s|\b(?:that|and|but|while|as|when|after|before|because|which|who|whom|where|whether|if|though|although|since|so|or|to)\s)/gi
const NP_AFTER_CUE_END =
  /[,.;:!?—–(“”"]|\s(?:in|on|at|to|during|after|before|about|of|from|with|for|when|while|who|as|that|this|last|on|told|adding|saying|according|via|through|over|under|earlier|later|yesterday|today|tonight|recently|then)\s/i
const PASSIVE_CUE_END = new RegExp(
  `\\b(?:is|are|was|were|be|been|being)\\s+(?:\\p{Ll}+ly\\s+)?${CUE.source}\\s+(?:as\\s+)?(?:(?:a|an|the)\\s+)?$`,
  'u',
)
const SENTENCE_END = /[.!?](?:["”’)]+)?\s+(?=[\p{Lu}"“‘(]|$)/gu

/**
 * Where the last sentence of `text` starts: after its last full stop,
 * question or exclamation mark that a capital, a quote or the end follows;
 * 0 when there is none. "John F. Kerry", "Sen. Claire McCaskill": an initial
 * or a title's stop ends no sentence.
 */
function lastSentenceStart(text: string): number {
  let start = 0
  for (const m of text.matchAll(SENTENCE_END)) {
    if (!NP_ABBREVIATION.test(wordEndingAt(text, m.index + 1))) start = m.index + m[0].length
  }
  return start
}

/** The word of `text` that ends at `end`, as far back as white space: `text.slice(0, end).split(/\s+/).pop()` without splitting it all. */
function wordEndingAt(text: string, end: number): string {
  let start = end
  while (start > 0 && !/\s/.test(text.charAt(start - 1))) start--
  return text.slice(start, end)
}

// A role beside a name: "a spokeswoman for the agency", "the group's director"; not "who …" nor a place or age.
const ROLE_APPOSITIVE =
  /^(?:(?:a|an|the|his|her|their|its)\s+)?(?:[\p{L}’'-]+\s+){0,8}[\p{L}’'.-]+$/u

function wordCount(text: string): number {
  const m = text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)
  return m ? m.length : 0
}

/** The noun phrase ending a stretch of text, parentheticals set off by commas or dashes skipped. */
function trailingNounPhrase(text: string): { text: string; at: number } | null {
  let end = text.length
  // The appositive skipped on the way, which names the person's role: ", a spokeswoman for the agency,".
  let appositive = ''
  for (let guard = 0; guard < 3; guard++) {
    const stretch = text.slice(0, end).replace(/\s+$/, '')
    const trimmedEnd = stretch.length
    // Strip adverbs between the subject and the verb: "Rubio also said".
    const words = stretch.split(/(\s+)/)
    while (words.length > 2 && ADVERB.test(words[words.length - 1] as string)) words.splice(-2, 2)
    const candidate = words.join('')
    const last = candidate.at(-1)
    if (last === ',' || last === '—' || last === '–' || last === ')') {
      // A parenthetical or appositive before the verb: the subject stands before it.
      const opener = last === ')' ? '(' : last
      const start = candidate.lastIndexOf(opener === ',' ? ',' : opener, candidate.length - 2)
      if (start < 0) return null
      if (guard === 0 && opener === ',') appositive = candidate.slice(start + 1, -1).trim()
      end = start
      continue
    }
    let from = 0
    CLAUSE_BREAK.lastIndex = 0
    for (let m = CLAUSE_BREAK.exec(candidate); m; m = CLAUSE_BREAK.exec(candidate))
      from = m.index + m[0].length
    const comma = candidate.lastIndexOf(',')
    if (comma + 1 > from) from = comma + 1
    // Never reach back into the sentence before: "The board met. Superintendent Karen Doyle".
    const sentenceStart = lastSentenceStart(candidate)
    from = Math.max(from, sentenceStart)
    let phrase = candidate.slice(from).trim()
    if (phrase === '' || trimmedEnd === 0) return null
    // "the former first lady and U.S. senator": two roles of one person.
    const coordinated =
      /(?:^|\s)((?:the|a|an)\s+(?:[\p{L}.’'-]+\s+){0,5}?[\p{L}.’'-]+)\s+and\s+$/iu.exec(
        candidate.slice(Math.max(sentenceStart, comma + 1), from),
      )
    if (
      coordinated &&
      !/^(?:the|a|an|his|her|their|its)\s/i.test(phrase) &&
      isRoleWord(phrase.split(/\s+/).pop() ?? '') &&
      (coordinated[1] as string).split(/\s+/).some((w) => isRoleWord(w))
    ) {
      phrase = `${coordinated[1]} and ${phrase}`
      from = candidate.lastIndexOf(phrase, from)
    }
    const at = candidate.indexOf(phrase, from)
    // "Jean Roe, the foreign minister of France": a role set after a name belongs to it.
    if (
      comma >= 0 &&
      comma + 1 === from &&
      (/^(?:the|a|an)\s/i.test(phrase) || isRoleWord(phrase.split(/\s+/)[0] ?? ''))
    ) {
      const prevStart = Math.max(
        candidate.lastIndexOf(',', comma - 1) + 1,
        lastSentenceStart(candidate.slice(0, comma)),
      )
      const name = candidate.slice(prevStart, comma).trim()
      // "At a news conference in Springfield, the mayor": a fronted phrase is no name.
      const person =
        /^\p{Lu}/u.test(name) && !LEADING_PREPOSITION.test(name) ? parseSpeakerMention(name) : null
      if (person?.form === 'name' && person.kind === 'person')
        return { text: `${name}, ${phrase}`, at: candidate.indexOf(name, prevStart) }
    }
    if (ROLE_APPOSITIVE.test(appositive) && /^\p{Lu}/u.test(phrase))
      return { text: `${phrase}, ${appositive}`, at }
    return { text: phrase, at }
  }
  return null
}

/** A cue word used as a noun: after a determiner, a possessive or "of" plus an adjective ("the states", "her claims", "of Republican claims"). */
function isNounUse(text: string, at: number): boolean {
  const lead = text.slice(Math.max(0, at - 40), at)
  // "state senator", "state officials": an adjective before people.
  const stateOf = /^state\s+([\p{L}-]+)/u.exec(text.slice(at))
  if (stateOf && isPeopleNoun(stateOf[1] as string)) return true
  return (
    /(?:\b(?:the|a|an|these|those|his|her|their|its|our|my|your|such|whose)|(?<!\b(?:he|she|it|that|who|there|what|here|where))[’']s)\s+$/i.test(
      lead,
    ) ||
    (/^(?!says\b)\p{Ll}+s\b/u.test(text.slice(at)) && /\bof\s+(?:\p{Lu}[\p{L}-]*\s+)?$/u.test(lead))
  )
}

const NOMINAL_DETERMINER =
  /^(?:a|an|the|one|another|some|two|three|several|many|his|her|their|its|our|my|your)\b/i
/** A noun phrase that opens with someone's possessive: "Gary Roe's doctor". */
const POSSESSIVE_LEAD = /^(?:[\p{L}.-]+\s+){0,4}[\p{L}.-]+[’']s\s+\S/u
/** Groups and papers that speak for someone: "Roe's campaign said", "Roe's brief said". */
const GROUP_NOUN =
  /^(?:campaign|family|team|office|camp|lawyers|attorneys|spokesman|spokeswoman|brief|lawsuit|complaint|statement|letter|filing|memo|report|ruling|website)$/i

// Writings that quote: "The piece used her words as its headline: “…”".
const WRITING_NOUN =
  /^(?:article|piece|story|report|letter|statement|memo|complaint|filing|lawsuit|ruling|order|ad|advertisement|post|tweet|editorial|column|essay|book|study|survey|poll|document|email|message|note|brief|petition|resolution|bill)$/i

// Nouns of actions, states and qualities by their endings: "inspection", "fighting", "safety".
const ABSTRACT_NOUN =
  /\p{Ll}{3,}(?:tion|sion|ment|ness|ity|ance|ence|ism|ing|ure|cy|ship|hood|dom|ics|age|ery)s?$/u

/** A nominal subject that can be the source of words: "a doctor", "the piece", "the campaign". */
function speaksAsNominal(mention: SpeakerMention): boolean {
  return speakerNounKind(nominalHead(mention.text)) !== null
}

// The article extractFrom reads, while it runs: whether a bare word is a name depends on it.
let reading: { text: string; registry: NameRegistry } | null = null

const TIME_NAME =
  /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Today|Tonight|Yesterday|Tomorrow)(?:\s+(?:morning|afternoon|evening|night))?$/

/**
 * A bare capitalized word the article does not write as a name ("Nothing",
 * "Transcript") names no one. `strict` where no verb of speech vouches for
 * the word ("Nothing really changed", "Transcript as follows:"): then the
 * article must name someone so, or write the word capitalized inside a sentence.
 */
function isBareCommonWord(mention: SpeakerMention, strict: boolean): boolean {
  if (!reading || mention.form !== 'name') return false
  const word = mention.text.trim().replace(/[’']s?$/, '')
  if (word !== mention.name || word.includes(' ')) return false
  return !reading.registry.knows(word) && !isWrittenAsName(reading.text, word, strict)
}

function isUsableMention(
  mention: SpeakerMention | null,
  uncued = false,
): mention is SpeakerMention {
  if (!mention) return false
  if (isBareCommonWord(mention, uncued)) return false
  // "released a statement Wednesday saying": a day is when, never who.
  if (mention.form === 'name' && TIME_NAME.test(mention.name)) return false
  const words = mention.text.split(/\s+/).length
  if (words > 14) return false
  // Only lower-case words can be a verb of speech: "State" in "State Department" is not.
  // "secretary of state", "state senator": an office, not a statement.
  const lowerWords = mention.text
    .replace(/\b\p{Lu}[\p{L}'’.-]*/gu, ' ')
    .replace(/\bof\s+state\b/gi, ' ')
    .replace(/\bstate\s+([\p{L}-]+)/gu, (all, next: string) => (isPeopleNoun(next) ? next : all))
    // "the report", "her statement": a writing named as the head noun, not a verb.
    .replace(/([\p{L}-]+)\s*$/u, (head: string) =>
      WRITING_NOUN.test(head.trim()) || GROUP_NOUN.test(head.trim()) ? '' : head,
    )
  // A speaker is a noun phrase: no verb of speech inside, no dangling preposition at its end.
  if (
    HAS_CUE.test(lowerWords) ||
    /\s(?:for|of|to|in|with|by|that|the|a|an|and|or|on|at|from)$/i.test(mention.text)
  ) {
    return false
  }
  if (mention.form === 'nominal') {
    if (words > (/\sand\s/.test(mention.text) ? 11 : 7)) return false
    if (/^(?:it|this|that|there|which|what|who)\b/i.test(mention.text)) return false
    // Only people, bodies and writings speak: not "the inspection", "the fighting".
    if (!speaksAsNominal(mention) && ABSTRACT_NOUN.test(nominalHead(mention.text))) return false
    if (isPeoplePronoun(mention.text)) return true
    const last = mention.text.split(/\s+/).pop() ?? ''
    // "Gary Roe's doctor", "the company's lawyers": someone's person speaks.
    if (!NOMINAL_DETERMINER.test(mention.text) && POSSESSIVE_LEAD.test(mention.text))
      return isPeopleNoun(last) || GROUP_NOUN.test(last)
    if (!NOMINAL_DETERMINER.test(mention.text) && !/s$/.test(mention.text)) return false
    // A bare plural speaks only if it names people: "critics said", not "protests demand".
    if (!NOMINAL_DETERMINER.test(mention.text) && !isPeopleNoun(last)) return false
  }
  return true
}

/**
 * Finds the direct quotes of an article's body and who said them.
 * Attribution rules, strongest first: a cue right after the quote ("…,” he
 * said), a cue before it in the same sentence (Rubio said, “…”), "according
 * to"; then a quote broken by its attribution or reopened in the next
 * paragraph carries on its first part's speaker; a paragraph that is only a
 * quote takes the speaker of the quote just before it, or of a colon
 * introduction ending the previous paragraph. Pronouns resolve to the last
 * person named who fits; surnames, titles and roles resolve to the article's
 * fullest form of the name. When no rule applies the speaker is null and a
 * message says so.
 */
export function extractQuotes(article: Article): QuoteExtraction {
  return withMentionMemo(() => {
    const outer = reading
    try {
      return extractFrom(article)
    } finally {
      reading = outer
    }
  })
}

function extractFrom(article: Article): QuoteExtraction {
  const messages: ArticleMessage[] = []
  const scan = findQuoteSpans(article.paragraphs)
  const text = article.text
  const registry = new NameRegistry(
    collectNames(
      text,
      scan.spans.map((span) => ({ start: span.start, end: span.end })),
    ),
    article.paragraphs.map((p) => p.offset),
  )
  reading = { text, registry }
  const paragraphOf = new Map(article.paragraphs.map((p) => [p.index, p]))
  const doubleQuoted = scan.spans.some((span) => !span.single && span.close !== null)
  const closedOrCarried = (span: QuoteSpan, index: number, all: QuoteSpan[]) => {
    if (span.close !== null) return true
    const next = all[index + 1]
    return next !== undefined && next.continued && next.paragraph === span.paragraph + 1
  }
  // An opener right after "=" is markup (an attribute value), and a quote
  // never closed nor carried on is unreliable: both are left out; the
  // unclosed one is still reported as a message.
  const kept = scan.spans.filter(
    (span, index, all) =>
      text[span.open - 1] !== '=' &&
      (closedOrCarried(span, index, all) || TRANSCRIPT.test(text.slice(span.start, span.end))),
  )
  const working: Working[] = kept.map((span) => ({
    span,
    text: text.slice(span.start, span.end),
    kind: 'statement',
    attribution: null,
    continues: null,
    context: '',
  }))

  working.forEach((item, index) => {
    const paragraph = paragraphOf.get(item.span.paragraph)
    if (!paragraph) return
    const previous = working[index - 1]
    const next = working[index + 1]
    const samePrevious =
      previous && previous.span.paragraph === item.span.paragraph ? previous : null
    const clauseFloor = samePrevious
      ? (samePrevious.span.close ?? samePrevious.span.end) + 1
      : paragraph.offset
    const clauseStart = clauseFloor + lastSentenceStart(text.slice(clauseFloor, item.span.open))
    const before = text.slice(clauseStart, item.span.open)
    const paragraphEnd = paragraph.offset + paragraph.text.length
    const afterStart = (item.span.close ?? item.span.end) + 1
    const nextOpen =
      next && next.span.paragraph === item.span.paragraph ? next.span.open : paragraphEnd
    let afterEnd = Math.min(nextOpen, paragraphEnd)
    const sentenceEnd = firstSentenceEnd(text.slice(afterStart, afterEnd))
    if (sentenceEnd >= 0) afterEnd = afterStart + sentenceEnd + 1
    const after =
      item.span.close === null ? '' : text.slice(Math.min(afterStart, afterEnd), afterEnd)
    item.context = `${before} ${after}`

    const coordinated =
      samePrevious !== null &&
      samePrevious.kind !== 'term' &&
      samePrevious.span.close !== null &&
      (COORDINATION.test(text.slice(samePrevious.span.close + 1, item.span.open)) ||
        // “relatively low” for the United States but “significant for us”
        (samePrevious.kind === 'fragment' &&
          LOOSE_COORDINATION.test(text.slice(samePrevious.span.close + 1, item.span.open))))
    if (coordinated && samePrevious) {
      // “disgusting” and “a con”: a list of quoted words shares its first item's kind and speaker.
      item.kind = samePrevious.kind
      item.attribution = samePrevious.attribution
        ? { ...samePrevious.attribution, rule: 'same-quote' }
        : null
      item.coordinated = true
      return
    }
    const opensClause = before.trim() === '' || /[:,]\s*$/.test(before)
    item.kind = kindOf(item, before, after, opensClause, doubleQuoted)
    if (item.kind === 'term') return
    item.attribution =
      transcriptSpeaker(item.text, item.span.start) ??
      dashSignature(after, afterStart) ??
      (endsSentence(item.text) && !isShortAttribution(after)
        ? null
        : cueAfter(after, afterStart, true)) ??
      cueBefore(before, clauseStart) ??
      frontedParticipleSubject(before, clauseStart, after, afterStart) ??
      (endsSentence(item.text) ? null : cueAfter(after, afterStart)) ??
      accordingToAfter(after, afterStart)
    // The subject of the sentence speaks for an uncued quote only when no earlier quote shares the sentence.
    const startsSentence = !samePrevious || clauseStart > clauseFloor
    // "in what is being criticized as a “…”": a passive cue with no agent names no speaker.
    const agentless = PASSIVE_CUE_END.test(before)
    if (!item.attribution && before.trim() !== '' && startsSentence && !agentless) {
      const subject = mainSubject(before)
      const mention = subject ? parseSpeakerMention(subject.text) : null
      if (
        subject &&
        isUsableMention(mention, true) &&
        (mention.form !== 'nominal' || speaksAsNominal(mention))
      ) {
        item.attribution = {
          mention,
          mentionAt: clauseStart + subject.at,
          cue: null,
          rule: 'sentence-subject',
          confidence: 0.5,
        }
      }
    }
  })

  // Quotes carried on: a continuation paragraph, or the second half of a quote broken by "he said."
  working.forEach((item, index) => {
    const previous = working[index - 1]
    if (!previous || item.kind === 'term') return
    const sameParagraph = previous.span.paragraph === item.span.paragraph
    // Both halves of a quote broken by one attribution ("…,” she wrote. “…”) share its cue.
    const sameCue =
      sameParagraph &&
      item.attribution?.cue != null &&
      previous.attribution?.cue != null &&
      item.attribution.cue.at === previous.attribution.cue.at &&
      previous.kind === 'statement'
    if (
      sameCue ||
      item.span.continued ||
      (sameParagraph && !item.attribution && previous.attribution && previous.kind === 'statement')
    ) {
      item.continues = index - 1
      return
    }
    // Another quote of the same paragraph with no cue of its own: in the same
    // sentence, or right after the attributed one, it is the same speaker's.
    if (sameParagraph && !item.attribution && previous.attribution && previous.kind !== 'term') {
      item.attribution = { ...previous.attribution, rule: 'same-quote', confidence: 0.7 }
    }
  })
  for (let index = working.length - 1; index >= 0; index--) {
    const item = working[index] as Working
    if (item.continues === null) continue
    const first = working[item.continues] as Working
    if (!first.attribution && item.attribution)
      first.attribution = { ...item.attribution, rule: 'same-quote' }
  }
  working.forEach((item) => {
    if (item.continues === null || item.attribution) return
    const first = working[item.continues] as Working
    if (first.attribution)
      item.attribution = {
        ...first.attribution,
        rule: 'same-quote',
        confidence: Math.min(first.attribution.confidence, 0.85),
      }
  })
  // A paragraph that is only a quote, after a paragraph with an attributed quote or a colon introduction.
  working.forEach((item, index) => {
    if (item.attribution || item.kind !== 'statement') return
    const paragraph = paragraphOf.get(item.span.paragraph)
    if (!paragraph) return
    const prevParagraph = paragraphOf.get(item.span.paragraph - 1)
    const earlier = working
      .slice(0, index)
      .reverse()
      .find((w) => w.attribution && w.kind !== 'term')
    // "…, Schiff said. “…”": a quote opening a sentence after one that ends in an attribution.
    const lead = text.slice(paragraph.offset, item.span.open)
    const lastSentence = /([^.!?]*[.!?])\s*$/.exec(lead.replace(/\s+$/, ''))?.[1]
    if (
      lastSentence &&
      /\b(?:said|says|added|adds|wrote|writes|told|tells|continued|explained)\.$/.test(lastSentence)
    ) {
      const at = paragraph.offset + lead.lastIndexOf(lastSentence)
      const intro = cueBefore(lastSentence.replace(/\.$/, ''), at)
      if (intro) {
        item.attribution = { ...intro, rule: 'previous-quote', confidence: 0.65 }
        return
      }
    }
    if (prevParagraph && /:\s*$/.test(prevParagraph.text)) {
      const intro = cueBefore(prevParagraph.text, prevParagraph.offset)
      if (intro) {
        item.attribution = { ...intro, rule: 'colon-intro', confidence: 0.8 }
        return
      }
      // "On July 6, Sanders made the following comment:": the named subject introduces the quote.
      const subject = mainSubject(prevParagraph.text, true)
      const mention = subject ? parseSpeakerMention(subject.text) : null
      if (
        subject &&
        isUsableMention(mention, true) &&
        (mention.form === 'name' || speaksAsNominal(mention))
      ) {
        item.attribution = {
          mention,
          mentionAt: prevParagraph.offset + subject.at,
          cue: null,
          rule: 'colon-intro',
          confidence: 0.6,
        }
        return
      }
    }
    if (
      earlier &&
      (earlier.span.paragraph === item.span.paragraph - 1 ||
        earlier.span.paragraph === item.span.paragraph)
    ) {
      const own = text.slice(paragraph.offset, paragraph.offset + paragraph.text.length)
      const otherSpeaker = /\b(?:he|she)\s+(?:said|added|continued|wrote)\b/i.test(own) === false
      if (otherSpeaker && earlier.attribution)
        item.attribution = { ...earlier.attribution, rule: 'previous-quote', confidence: 0.6 }
    }
  })

  const speakers = new Map<string, Speaker>()
  const quotes: Quote[] = []
  working.forEach((item, index) => {
    const span = toOriginalSpan(article.runs, item.span.start, item.span.end)
    const id = `${article.id}#q${index}`
    const attribution = item.attribution
    let speaker: SpeakerRef | null = null
    let confidence = 0
    if (attribution && item.kind !== 'term') {
      const resolved = resolve(attribution.mention, attribution.mentionAt, registry, article.author)
      if (resolved) {
        speaker = { id: resolved.id, name: resolved.name }
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
        confidence = attribution.confidence * (attribution.mention.form === 'pronoun' ? 0.85 : 1)
      }
    }
    const evidence = (at: number, words: string): TextEvidence => ({
      text: words,
      span: toOriginalSpan(article.runs, at, at + words.length),
    })
    quotes.push({
      id,
      article: article.id,
      // A plain text is what the reader sees; a page's or Markdown's original holds
      // markup between the words (`<a href="…">`, `*…*`): their quote is the clean text.
      text: article.format === 'text' ? article.original.slice(span.start, span.end) : item.text,
      span,
      kind: item.kind,
      paragraph: item.span.paragraph,
      speaker,
      mention:
        attribution && item.kind !== 'term'
          ? evidence(attribution.mentionAt, attribution.mention.text)
          : null,
      cue:
        attribution?.cue && item.kind !== 'term'
          ? evidence(attribution.cue.at, attribution.cue.text)
          : null,
      channel: item.kind === 'term' ? null : channelOf(item.context),
      confidence: Math.round(confidence * 100) / 100,
      rule: speaker ? (attribution?.rule ?? null) : null,
      continues: item.continues === null ? null : `${article.id}#q${item.continues}`,
    })
    if (!speaker && item.kind !== 'term') {
      messages.push({
        code: 'unattributed-quote',
        severity: 'info',
        fatal: false,
        message: `no speaker found for the quote “${item.text.length > 60 ? `${item.text.slice(0, 57)}…` : item.text}”: the text does not say who said it`,
        span,
      })
    }
  })
  for (const open of scan.unclosed) {
    messages.push({
      code: 'unclosed-quote',
      severity: 'warning',
      fatal: false,
      message:
        'a quote opened here is not closed before its paragraph ends, and the next paragraph does not reopen it',
      span: toOriginalSpan(article.runs, open.open, open.open + 1),
    })
  }
  for (const at of scan.stray) {
    messages.push({
      code: 'stray-quote-mark',
      severity: 'info',
      fatal: false,
      message: 'a closing quote mark here closes no open quote',
      span: toOriginalSpan(article.runs, at, at + 1),
    })
  }
  const sortedSpeakers = [...speakers.values()].map((s) => ({
    ...s,
    aliases: [...s.aliases].sort(),
    roles: [...s.roles].sort(),
  }))
  sortedSpeakers.sort((a, b) => a.id.localeCompare(b.id))
  return { quotes, speakers: sortedSpeakers, messages }
}

/** Index of the first full stop, question or exclamation mark that ends a sentence, abbreviations and initials passed over; -1 if none. */
function firstSentenceEnd(text: string): number {
  const stop = /[.!?](?=\s|$)/g
  for (let m = stop.exec(text); m; m = stop.exec(text)) {
    const word = wordEndingAt(text, m.index + 1)
    if (m[0] === '.' && NP_ABBREVIATION.test(word.replace(/^\(/, ''))) continue
    const open = text.slice(0, m.index).split('(').length - text.slice(0, m.index).split(')').length
    if (open > 0) continue
    return m.index
  }
  return -1
}

/** `Sen. Jane Doe (D-Mo.) said.`: a whole sentence of a few words that only names a speaker and a cue. */
function isShortAttribution(after: string): boolean {
  const sentence = after.trim()
  return (
    /[.!?]$/.test(sentence) &&
    sentence.split(/\s+/).length <= 8 &&
    HAS_CUE.test(sentence) &&
    /^\p{Lu}/u.test(sentence)
  )
}

/** A quote signed with a dash after it: `…” ― Jane Doe`, `…” — Rubio`. */
function dashSignature(after: string, base: number): Attribution | null {
  const m = /^\s*[―—–]\s*/.exec(after)
  if (!m) return null
  const phrase = nounPhraseAtStart(after.slice(m[0].length)).replace(/\.$/, '')
  const mention = parseSpeakerMention(phrase)
  if (!isUsableMention(mention) || mention.form !== 'name') return null
  return { mention, mentionAt: base + m[0].length, cue: null, rule: 'cue-after', confidence: 0.85 }
}

/** A quote that ends its sentence with a full stop: whatever follows is a new sentence, not its attribution. */
function endsSentence(inner: string): boolean {
  const text = inner.trim()
  return /\.["”’)]*$/.test(text) && !/\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|U\.S|[A-Z])\.$/.test(text)
}

const TRANSCRIPT = /^(\p{Lu}[\p{Lu}.'’ -]{1,30}\p{Lu}):\s/u

/** A transcript line quoted whole: "PENCE: Well, look, …". */
function transcriptSpeaker(inner: string, at: number): Attribution | null {
  const m = TRANSCRIPT.exec(inner)
  if (!m) return null
  const name = (m[1] as string).toLowerCase().replace(/(^|[\s'’-])\p{Ll}/gu, (c) => c.toUpperCase())
  const mention = parseSpeakerMention(name)
  if (!mention || mention.form !== 'name') return null
  return {
    mention: { ...mention, text: m[1] as string },
    mentionAt: at,
    cue: null,
    rule: 'transcript',
    confidence: 0.9,
  }
}

function isTitleCase(text: string): boolean {
  const words = text.match(/[\p{L}\d][\p{L}\d'’-]*/gu) ?? []
  const major = words.filter((w) => w.length > 3 || /^\p{Lu}/u.test(w))
  const capitalized = major.filter((w) => /^[\p{Lu}\d]/u.test(w)).length
  return major.length > 0 && capitalized / major.length >= 0.75
}

function kindOf(
  item: Working,
  before: string,
  after: string,
  opensClause: boolean,
  doubleQuoted: boolean,
): QuoteKind {
  const words = wordCount(item.text)
  const inner = item.text.trim()
  const endsLikeSpeech = /[.!?,…—–-]["”’]?$/.test(inner)
  const hasCue =
    HAS_CUE.test(before) ||
    CUE_AT_START.test(after.replace(/^[\s,]+/, '')) ||
    /^[\s,]*\S+(?:\s+\S+){0,5}?\s+(?:said|says|added|wrote|told|continued|stated|explained|asked|replied|responded)\b/i.test(
      after,
    )
  if (TERM_INTRO.test(before)) return 'term'
  // Where speech is in double quotes, single quotes mark headlines and scare quotes.
  if (item.span.single && doubleQuoted) return 'term'
  if (item.span.single && !hasCue) return words >= 6 && endsLikeSpeech ? 'statement' : 'term'
  // A short quote in Title Case inside a sentence names a show, a book, an event.
  if (!opensClause && !hasCue && words <= 6 && isTitleCase(inner)) return 'term'
  if (opensClause && (endsLikeSpeech || words >= 5)) return 'statement'
  if (words >= 8 && endsLikeSpeech) return 'statement'
  if (hasCue) return words >= 12 ? 'statement' : 'fragment'
  if (words >= 6) return 'fragment'
  // Punctuation kept inside the marks ("a “strong leader,” comparing …") is how
  // news style quotes someone's words, not a name.
  if (endsLikeSpeech && !isTitleCase(inner)) return 'fragment'
  return 'term'
}

function mentionAt(textBefore: string, base: number, phrase: { text: string; at: number }) {
  return (
    base +
    phrase.at +
    (textBefore.slice(phrase.at).length - textBefore.slice(phrase.at).trimStart().length)
  )
}

const NP_ABBREVIATION =
  /^(?:\p{Lu}(?:\.\p{Lu})*|Mr|Mrs|Ms|Dr|St|Jr|Sr|Gov|Sen|Rep|Gen|Lt|Col|Sgt|Capt|Adm|Rev|Prof|Maj|Pres|Amb|Hon|Atty|Supt|Det|Insp|Del|Msgr|Fr|Cmdr|Brig|Cpl|Pvt|Gens|Reps|Sens|Govs)\.?$/u

/** The noun phrase a string starts with ("Rep. G.K. Butterfield (D-N.C.), head of …" → "Rep. G.K. Butterfield"). */
function nounPhraseAtStart(text: string): string {
  const stop = text.search(NP_AFTER_CUE_END)
  let phrase = stop < 0 ? text : text.slice(0, stop)
  // A full stop after an abbreviation or initial does not end the phrase.
  while (stop >= 0 && text[phrase.length] === '.') {
    const lastWord = phrase.split(/\s+/).pop() ?? ''
    if (!NP_ABBREVIATION.test(lastWord)) break
    const rest = text.slice(phrase.length + 1)
    const next = rest.search(NP_AFTER_CUE_END)
    phrase = `${phrase}.${next < 0 ? rest : rest.slice(0, next)}`
    if (next < 0) break
  }
  return phrase.replace(/\s*\([^)]*$/, '').trim()
}

/** `…,” he said.` / `…,” said Rubio.` / `…” Bukele stated in a post on X.` */
function cueAfter(after: string, base: number, adjacentOnly = false): Attribution | null {
  const lead = after.match(/^[\s,]*(?:[—–-]\s*)?/)?.[0] ?? ''
  const rest = after.slice(lead.length)
  const start = base + lead.length
  if (rest === '') return null
  const inverted = CUE_AT_START.exec(rest)
  if (inverted) {
    const cueText = inverted[0]
    if (/^according\s+to$/i.test(cueText)) return null
    const tail = rest.slice(cueText.length)
    const np = tail.replace(/^\s+/, '')
    const name = nounPhraseAtStart(np)
    // "said Hannah Cole, a lawyer for the tenants": the role beside the name comes along.
    const beside = /^,\s+((?:a|an|the|his|her|their|its)\s[^,.;:“”"()]+?)\s*(?:[,.;:]|$)/.exec(
      np.slice(name.length),
    )?.[1]
    const phrase = beside && ROLE_APPOSITIVE.test(beside) ? `${name}, ${beside}` : name
    const mention = parseSpeakerMention(phrase)
    if (!isUsableMention(mention) || /^(?:that|it|this)$/i.test(phrase)) return null
    return {
      mention,
      mentionAt: start + cueText.length + (tail.length - np.length),
      cue: { text: cueText, at: start },
      rule: 'cue-after',
      confidence: 0.95,
    }
  }
  CUE.lastIndex = 0
  let cue = CUE.exec(rest)
  // "one of the states suing", "11% of Republican claims": a noun, not the verb of speech.
  while (cue && isNounUse(rest, cue.index)) cue = CUE.exec(rest)
  CUE.lastIndex = 0
  if (!cue || cue.index === 0 || /^according/i.test(cue[0])) return null
  const subject = rest.slice(0, cue.index)
  if (
    subject.split(/\s+/).filter(Boolean).length > 30 ||
    /[.!?;“”"]/.test(
      subject
        .replace(/\([^)]*\)/g, '')
        .replace(/\b[RDI]-[A-Z][\p{L}.]*\.?/gu, '')
        .replace(/\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|St|Jr|Sr|Lt|Col|Del|U\.S|U\.K|[A-Z])\./g, ''),
    )
  )
    return null
  const phrase = trailingNounPhrase(subject)
  if (!phrase) return null
  // "“fair” to him, engaging in what critics called …": a cue in a later
  // clause yields to a cue before the quote.
  const subjectLead = subject.slice(0, phrase.at)
  if (adjacentOnly && /[\p{L}\p{N}]/u.test(subjectLead) && !/^[\s,]*as\s+$/i.test(subjectLead))
    return null
  const mention = parseSpeakerMention(phrase.text)
  if (!isUsableMention(mention)) return null
  return {
    mention,
    mentionAt: mentionAt(subject, start, phrase),
    cue: { text: cue[0], at: start + cue.index },
    rule: 'cue-after',
    confidence: 0.95,
  }
}

/** "After saying her foot was “…,” she was rushed …": the main clause's subject said it. */
function frontedParticipleSubject(
  before: string,
  beforeStart: number,
  after: string,
  base: number,
): Attribution | null {
  const cue = /^\s*(?:After|Before|While|When|Upon|On)\s+(\p{Ll}+ing)\b/u.exec(before)
  if (!cue || !PARTICIPLE_CUE.test(cue[1] as string) || !HAS_CUE.test(cue[1] as string)) return null
  const subject =
    /^[\s,]*((?:he|she|they|it|\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3}))\s+\p{Ll}/u.exec(
      after,
    )
  if (!subject) return null
  const mention = parseSpeakerMention(subject[1] as string)
  if (!isUsableMention(mention) || mention.form === 'nominal') return null
  return {
    mention,
    mentionAt: base + subject[0].indexOf(subject[1] as string),
    cue: { text: cue[1] as string, at: beforeStart + before.indexOf(cue[1] as string) },
    rule: 'cue-before',
    confidence: 0.7,
  }
}

function accordingToAfter(after: string, base: number): Attribution | null {
  const m = /^[\s,]*(according\s+to)\s+/i.exec(after)
  if (!m) return null
  const phrase = nounPhraseAtStart(after.slice(m[0].length))
  const mention = parseSpeakerMention(phrase)
  if (!isUsableMention(mention)) return null
  return {
    mention,
    mentionAt: base + m[0].length,
    cue: { text: m[1] as string, at: base + m[0].indexOf(m[1] as string) },
    rule: 'according-to',
    confidence: 0.9,
  }
}

/** `Rubio said, “…”` / `…, saying, “…”` / `According to X, “…”` / `Rubio said the US was “grateful”`. */
function cueBefore(before: string, base: number): Attribution | null {
  const cues: RegExpExecArray[] = []
  CUE.lastIndex = 0
  for (let m = CUE.exec(before); m; m = CUE.exec(before))
    if (!isNounUse(before, m.index)) cues.push(m)
  CUE.lastIndex = 0
  for (let i = cues.length - 1; i >= 0; i--) {
    const cue = cues[i] as RegExpExecArray
    const cueText = cue[0]
    const gap = before.slice(cue.index + cueText.length)
    const far = gap.length > 90 || /[.!?]\s/.test(gap)
    if (/^according\s+to$/i.test(cueText) || /^in\s+the\s+words\s+of$/i.test(cueText)) {
      const stop = gap.search(/[,:;—–(]|$/)
      const phrase = gap.slice(0, stop).trim()
      const mention = parseSpeakerMention(phrase)
      if (!isUsableMention(mention)) continue
      return {
        mention,
        mentionAt: base + cue.index + cueText.length + gap.indexOf(phrase),
        cue: { text: cueText, at: base + cue.index },
        rule: 'according-to',
        confidence: 0.9,
      }
    }
    const head = before.slice(0, cue.index)
    // "footage of Hillary Clinton asking, “…”": a name right before the participle is its subject.
    let adjacent = /,\s*$/.test(head) ? null : trailingNounPhrase(head)
    let adjacentMention = adjacent ? parseSpeakerMention(adjacent.text) : null
    // "The ad ends with footage of Jane Roe saying": the name after "of" alone.
    const ofName = /\bof\s+((?:\p{Lu}[\p{L}'’.-]*\s+){0,3}\p{Lu}[\p{L}'’.-]*)\s*$/u.exec(head)
    if (PARTICIPLE_CUE.test(cueText) && ofName && !isUsableMention(adjacentMention)) {
      const name = ofName[1] as string
      adjacent = { text: name, at: ofName.index + ofName[0].indexOf(name) }
      adjacentMention = parseSpeakerMention(name)
    }
    // "After saying …": a subordinator before the participle is no one.
    const subordinated = adjacent !== null && SUBORDINATOR.test(`${adjacent.text} `)
    if (
      PARTICIPLE_CUE.test(cueText) &&
      adjacent &&
      !subordinated &&
      isUsableMention(adjacentMention) &&
      adjacentMention.form === 'name'
    ) {
      return {
        mention: adjacentMention,
        mentionAt: mentionAt(head, base, adjacent),
        cue: { text: cueText, at: base + cue.index },
        rule: 'cue-before',
        confidence: 0.85,
      }
    }
    // "AFP quoted a witness as saying": the one quoted speaks, not the outlet that quotes.
    const quotedAs = PARTICIPLE_CUE.test(cueText)
      ? /\bquoted\s+((?:[\p{L}\d’'.,-]+\s+){0,7}?[\p{L}\d’'.-]+)\s+as\s+$/u.exec(head)
      : null
    if (quotedAs) {
      const phrase = quotedAs[1] as string
      const mention = parseSpeakerMention(phrase)
      if (isUsableMention(mention))
        return {
          mention,
          mentionAt: base + quotedAs.index + quotedAs[0].indexOf(phrase),
          cue: { text: cueText, at: base + cue.index },
          rule: 'cue-before',
          confidence: 0.85,
        }
    }
    if (PARTICIPLE_CUE.test(cueText)) {
      const subject = mainSubject(head)
      if (!subject) continue
      const mention = parseSpeakerMention(subject.text)
      if (!isUsableMention(mention)) continue
      return {
        mention,
        mentionAt: base + subject.at,
        cue: { text: cueText, at: base + cue.index },
        rule: 'cue-before',
        confidence: 0.85,
      }
    }
    const phrase = trailingNounPhrase(head)
    if (phrase) {
      const mention = parseSpeakerMention(phrase.text)
      if (isUsableMention(mention)) {
        const confidence = (NAMING_CUE.test(cueText) ? 0.8 : 0.9) - (far ? 0.2 : 0)
        return {
          mention,
          mentionAt: mentionAt(head, base, phrase),
          cue: { text: cueText, at: base + cue.index },
          rule: 'cue-before',
          confidence,
        }
      }
    }
    if (head.trim() === '' || /[,:]\s*$/.test(head)) {
      // "Said Rubio: “…”", or an inverted cue after a fronted clause.
      const stop = gap.search(/[,:;—–(]/)
      const np = (stop < 0 ? gap : gap.slice(0, stop)).trim()
      const mention = parseSpeakerMention(np)
      if (isUsableMention(mention) && mention.form !== 'nominal') {
        return {
          mention,
          mentionAt: base + cue.index + cueText.length + gap.indexOf(np),
          cue: { text: cueText, at: base + cue.index },
          rule: 'cue-before',
          confidence: 0.85,
        }
      }
    }
  }
  return null
}

const FINITE_VERB =
  /^(?:\p{Ll}+(?:ed|s)|told|wrote|said|went|gave|took|made|put|came|spoke|sent|held|led|met|began|ran|sought|brought|thought|felt|left|kept|stood|won|lost|paid|set|cut|hit|read|let|is|was|has|had|did)$/u

const LEADING_PREPOSITION =
  /^(?:With|Without|In|On|At|For|From|By|After|Before|During|Despite|Under|Over|Among|Amid|Like|As|Since|Until|Through|Against|About|According|Speaking|Talking)\s/

const SUBORDINATOR =
  /^\s*(?:if|when|whenever|although|though|because|since|while|unless|whether|once|until|after|before|as|even\s+if|even\s+though)\s/i

/** The subject of the clause that a participle ("…, saying") hangs from: the last name followed by a verb. */
function mainSubject(head: string, first = false): { text: string; at: number } | null {
  const pattern =
    /((?:\p{Lu}[\p{L}'’.-]*|\p{Ll}+)(?:\s+(?:\p{Lu}[\p{L}'’.-]*|of|de|van|von))*)(?:,[^,]{1,140},)?\s+((?:(?:also|then|later|once|again|still|never|not|(?!(?:family|ally|rally|assembly|supply|reply)\s)\p{Ll}+ly|has|had|have|is|was|were|are|will|would|can|could|did|does|do|should|may|might|must)\s+)*)(\p{Ll}+)\b/gu
  let found: { text: string; at: number } | null = null
  for (let m = pattern.exec(head); m; m = pattern.exec(head)) {
    const auxiliaries = m[2] as string
    const verb = m[3] as string
    const np = m[1] as string
    // The word taken for a verb may start the next subject: "The potter waved".
    pattern.lastIndex = m.index + m[0].length - verb.length
    if (
      !FINITE_VERB.test(verb) &&
      !/\b(?:has|had|have|is|was|were|are|will|would|can|could|did|does|do|should|may|might|must)\s/.test(
        auxiliaries,
      )
    )
      continue
    if (LEADING_PREPOSITION.test(`${np} `) || /^(?:his|its|this|thus|us|yes|whereas)$/.test(verb))
      continue
    // "If she did, party rules give …": the subject of a clause set before the main one.
    const lead = head.slice(0, m.index)
    if (SUBORDINATOR.test(`${lead.slice(lead.lastIndexOf(',') + 1)}${np} `)) continue
    const phrase = trailingNounPhrase(head.slice(0, m.index + np.length))
    if (!phrase) continue
    const mention = parseSpeakerMention(phrase.text)
    if (!isUsableMention(mention)) continue
    if (
      mention.form === 'nominal' &&
      !/^(?:the|a|an)\s/i.test(mention.text) &&
      !POSSESSIVE_LEAD.test(mention.text)
    )
      continue
    found = phrase
    if (first) break
    // "CNN reported that Manuel Flores … criticized the offer, saying": a clause after
    // "that" with a named subject is the one the participle hangs from.
    const thatClause = /\bthat\s+(?:\p{Lu}|(?:he|she|they)\s)/u.test(
      head.slice(m.index + m[0].length),
    )
    if ((mention.form === 'name' || mention.form === 'pronoun') && !thatClause) break
  }
  return found
}

interface Resolved {
  id: string
  name: string
  kind: Speaker['kind']
  aliases: string[]
  roles: string[]
}

function fromEntity(entity: NamedEntity, alias: string): Resolved {
  // Pronouns and role nouns ("he", "the president") are how the text refers, not names.
  // Nor is a mention that opens with a word of grammar ("What do you think of Carson", "In a … interview Trump").
  if (/^\p{Lu}/u.test(alias) && !isGrammarWord(alias.split(/\s/)[0] as string))
    entity.aliases.add(alias)
  return {
    id: speakerId(entity.name),
    name: entity.name,
    kind: entity.kind,
    aliases: [...entity.aliases],
    roles: [...entity.roles],
  }
}

function resolve(
  mention: SpeakerMention,
  at: number,
  registry: NameRegistry,
  author: Article['author'],
): Resolved | null {
  // "I said" in the writer's own sentence is the writer: the byline when there is one.
  if (mention.form === 'pronoun' && mention.name === 'i') {
    if (!author) return null
    return {
      id: speakerId(author.value),
      name: author.value,
      kind: 'person',
      aliases: [author.value],
      roles: ['author'],
    }
  }
  if (mention.form === 'pronoun') {
    const kind =
      mention.name === 'it'
        ? 'organization'
        : mention.name === 'they' || mention.name === 'we'
          ? null
          : 'person'
    const entity = registry.antecedent(at, mention.gender, kind)
    if (!entity) return null
    // "she said" of someone whose gender the text had not shown settles it.
    if (entity.kind === 'person' && entity.gender === null) entity.gender = mention.gender
    registry.spoke(entity, at)
    return fromEntity(entity, mention.text)
  }
  if (mention.form === 'nominal') {
    const entity = registry.byRole(mention.text, at)
    if (entity) return fromEntity(entity, mention.text)
    return {
      id: speakerId(mention.name),
      name: mention.name,
      kind: mention.kind,
      aliases: [mention.text],
      roles: [],
    }
  }
  const entity = registry.note(mention, at)
  registry.spoke(entity, at)
  return fromEntity(entity, mention.text)
}
