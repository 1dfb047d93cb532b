import {
  capitalized,
  DAY_PARTS,
  PLURAL_QUANTIFIERS,
  POSSESSIVE_DETERMINERS,
  PREPOSITIONS,
  RELATIVE_DAYS,
  WEEKDAY_ALTERNATION,
} from '../lexicon/index.js'
import { HAS_CUE } from './cues.js'
import type { NameRegistry } from './name-registry.js'
import { isWrittenAsName } from './proper-name.js'
import {
  isPeopleNoun,
  isPeoplePronoun,
  MENTION_OPENERS,
  nominalHead,
  type SpeakerMention,
  speakerNounKind,
} from './speaker-mention.js'
import { isWhiteSpace } from './white-space.js'

// With the demonstratives: "this official", "these voters".
const NOMINAL_DETERMINER = new RegExp(
  `^(?:${[...MENTION_OPENERS, ...POSSESSIVE_DETERMINERS, 'this', 'that', 'these', 'those'].join('|')})\\b`,
  'i',
)
/** A noun phrase that opens with someone's possessive: "Gary Roe's doctor", "Sanders’ campaign". */
export const POSSESSIVE_LEAD = /^(?:[\p{L}.-]+\s+){0,4}[\p{L}.-]+(?:[’']s|s[’'])\s+\S/u
/** Groups and papers that speak for someone: "Roe's campaign said", "Roe's brief said". */
const GROUP_NOUN =
  /^(?:campaign|family|team|office|camp|lawyers|attorneys|spokesman|spokeswoman|brief|lawsuit|complaint|statement|letter|filing|memo|report|ruling|website)$/i

// Nouns of people that are plural without an "-s": "police said", "staff said".
const PLURAL_WITHOUT_S = /^(?:police|staff|people|men|women|children)$/i

// Writings that quote: "The piece used her words as its headline: “…”".
const WRITINGS =
  'article|piece|story|report|letter|statement|memo|complaint|filing|lawsuit|ruling|order|ad|advertisement|post|tweet|editorial|column|essay|book|study|survey|poll|document|email|message|note|brief|petition|resolution|bill'
const WRITING_NOUN = new RegExp(`^(?:${WRITINGS})$`, 'i')

// A share of people, as polls report them: "21 percent", "About four in 10", "At least half of voters"
// (of people only: not "half of the budget"; see `isShareOfPeople`).
const PROPORTION =
  /^(?:(?:about|nearly|almost|roughly|only|just|some|at\s+least|more\s+than|fewer\s+than|less\s+than|an\s+average\s+of)\s+)?(?:\d[\d.,]*\s*(?:percent|per\s+cent|%)|(?:one|two|three|four|five|six|seven|eight|nine|\d)\s+in\s+(?:10|ten|\d+)|half|a\s+third|two-thirds|a\s+quarter|three-quarters|a\s+majority|the\s+majority)(?:\s+of\s+(\S.*))?$/i

// Nouns of actions, states and qualities by their endings: "inspection", "fighting", "safety".
const ABSTRACT_NOUN =
  /\p{Ll}{3,}(?:tion|sion|ment|ness|ity|ance|ence|ism|ing|ure|cy|ship|hood|dom|ics|age|ery)s?$/u

// A number of people, as news counts a crowd: "about 200 protesters", "Hundreds of union
// members", "dozens of local officials" (of people only: not "200 pages", "thousands of dollars").
const COUNT_OF =
  /^(?:(?:about|nearly|almost|roughly|some|only|just|over|at\s+least|more\s+than|fewer\s+than|up\s+to)\s+)?(?:\d[\d,]*|hundreds|dozens|thousands|scores|millions|tens\s+of\s+thousands)\s+(?:of\s+)?\S/i

/** "about 200 protesters", "Hundreds of union members": a number of people, the last word theirs. */
export function isCountOfPeople(text: string): boolean {
  return COUNT_OF.test(text) && isPeopleNoun(text.slice(text.lastIndexOf(' ') + 1))
}

/** "21 percent", "half of voters in each state", "a majority of those surveyed"; not "half of the budget". */
function isShareOfPeople(text: string): boolean {
  const share = PROPORTION.exec(text)
  if (!share) return false
  const whole = share[1]
  return (
    whole === undefined ||
    /^(?:them|us|those(?:\s+\S+)*)$/i.test(whole) ||
    whole.split(/\s+/).some(isPeopleNoun)
  )
}

/** A nominal subject that can be the source of words: "a doctor", "the piece", "the campaign". */
export function speaksAsNominal(mention: SpeakerMention): boolean {
  return speakerNounKind(nominalHead(mention.text)) !== null
}

/** The article being read, while extraction runs: whether a bare word is a name depends on it. */
export interface Reading {
  text: string
  registry: NameRegistry
}

let reading: Reading | null = null
// What `hasSpeakerShape` answered of each mention while an article is read: attribution
// asks about the same (shared, never changed) mentions again and again. Dropped with the
// reading, so that no call sees another's.
let shapes: Map<SpeakerMention, boolean> | null = null

/** Sets the article being read and returns the one read before, to put back when done. */
export function setReading(next: Reading | null): Reading | null {
  const outer = reading
  reading = next
  shapes = next ? new Map() : null
  return outer
}

const TIME_NAME = new RegExp(
  `^(?:${WEEKDAY_ALTERNATION}|${RELATIVE_DAYS.map(capitalized).join('|')})(?:\\s+(?:${DAY_PARTS.join('|')}))?$`,
)

/**
 * A bare capitalized word the article does not write as a name ("Nothing",
 * "Transcript") names no one. `strict` where no verb of speech vouches for
 * the word ("Nothing really changed", "Transcript as follows:"): then the
 * article must name someone so, or write the word capitalized inside a sentence.
 */
function isBareCommonWord(mention: SpeakerMention, strict: boolean): boolean {
  if (!reading || mention.form !== 'name') return false
  // (A name of several words is no bare word, however its text reads.)
  if (mention.name.includes(' ')) return false
  const word = mention.text.trim().replace(/[’']s?$/, '')
  if (word !== mention.name || word.includes(' ')) return false
  return !reading.registry.knows(word) && !isWrittenAsName(reading.text, word, strict)
}

// A lower-case preposition, or "that" opening a clause ("that he had just bought …"), and
// the white space after it; not "with" nor "in", whose phrase may hold a clause's subject
// ("with Jane Roe calling it", "in what Jane Roe called").
const PREPOSITION_OPENING = new RegExp(
  `^(?:${[...PREPOSITIONS.filter((word) => word !== 'with' && word !== 'in'), 'once', 'via', 'that'].join('|')})\\s`,
)

// A phrase fronted before a sentence's subject: "In his first YouTube dispatches", "With two local TV crews".
const FRONTED_PHRASE =
  /^(?:In|With|At|On|For|From|During|After)\s+(?:a|an|his|her|their|its|one|two|three|four|five|several|many)\s/

const LAST_WORD = /([\p{L}-]+)\s*$/u
const isAsciiLetter = (code: number) => (code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a

/**
 * "the report", "her statement": a writing or group named as the head noun is not a
 * verb of speech, and is cut off with the white space after it. The same as
 * `text.replace(LAST_WORD, …)`, which tries its pattern at every character: the last
 * word is read back from the end, and the pattern runs only when a character beyond
 * ASCII may be part of it.
 */
function withoutWritingHead(text: string): string {
  const isHead = (word: string) => WRITING_NOUN.test(word) || GROUP_NOUN.test(word)
  let end = text.length
  while (end > 0 && isWhiteSpace(text.charCodeAt(end - 1))) end--
  let start = end
  while (
    start > 0 &&
    (isAsciiLetter(text.charCodeAt(start - 1)) || text.charCodeAt(start - 1) === 0x2d)
  )
    start--
  if (text.charCodeAt(start - 1) >= 0x80 || (start === end && text.charCodeAt(end - 1) >= 0x80))
    return text.replace(LAST_WORD, (head: string) => (isHead(head.trim()) ? '' : head))
  if (start === end) return text
  return isHead(text.slice(start, end)) ? text.slice(0, start) : text
}

/** Whether a parsed mention can be a speaker: a noun phrase of people, a body or a writing, not a bare common word, a day or a clause. `uncued` where no verb of speech vouches for it. */
export function isUsableMention(
  mention: SpeakerMention | null,
  uncued = false,
): mention is SpeakerMention {
  if (!mention) return false
  if (isBareCommonWord(mention, uncued)) return false
  let shaped = shapes?.get(mention)
  if (shaped === undefined) {
    shaped = hasSpeakerShape(mention)
    shapes?.set(mention, shaped)
  }
  return shaped
}

// A plural that a quantifier counts, a noun and never a verb: "both states", "many claims".
const COUNTED_PLURAL = new RegExp(
  `\\b(?:${PLURAL_QUANTIFIERS.flatMap((word) => [word, capitalized(word)]).join('|')})\\s+\\p{Ll}+s\\b`,
  'gu',
)

// A writing after a determiner and before the preposition that says whose it is, a noun and no
// verb: "A report from the Harbor Institute", "the statement by the mayor".
const WRITING_BEFORE_PREPOSITION = new RegExp(
  `^(?:a|an|the|this|that|one)\\s+(?:${WRITINGS})s?(?=\\s+(?:from|by|of|on|for|in)\\s)`,
  'i',
)

/** `text` without "of state" and with "state" taken off before a person or a title: "secretary of state", "state senator", "state Sen. Ann Lee" are offices, not statements. */
function withoutStateOffices(text: string): string {
  // (The patterns need the word, which most mentions lack: each scanned the whole text for it.)
  if (!/state/i.test(text)) return text
  return text
    .replace(/\bof\s+state\b/gi, ' ')
    .replace(/\bstate\s+(?=\p{Lu})/gu, ' ')
    .replace(/\bstate\s+([\p{L}-]+)/gu, (all, next: string) => (isPeopleNoun(next) ? next : all))
}

/** Whether a mention's words can be a speaker's, whatever the article: see {@link isUsableMention}. */
function hasSpeakerShape(mention: SpeakerMention): boolean {
  // "said on Twitter on Monday", "Cory James, 22, of Flint": what a preposition opens is
  // where, when or of what, not who; what "that" opens is a clause.
  // ("about 200 protesters" opens with a preposition's word and counts people.)
  if (mention.form === 'nominal' && isCountOfPeople(mention.text)) return true
  if (PREPOSITION_OPENING.test(mention.text) || FRONTED_PHRASE.test(mention.text)) return false
  // "released a statement Wednesday saying": a day is when, never who.
  if (mention.form === 'name' && TIME_NAME.test(mention.name)) return false
  const words = mention.text.split(/\s+/).length
  if (words > 14) return false
  // Only lower-case words can be a verb of speech: "State" in "State Department" is not.
  const lowerWords = withoutWritingHead(
    withoutStateOffices(
      mention.text.replace(COUNTED_PLURAL, ' ').replace(WRITING_BEFORE_PREPOSITION, ' '),
    ).replace(/\b\p{Lu}[\p{L}'’.-]*/gu, ' '),
  )
  // A speaker is a noun phrase: no verb of speech inside, no dangling preposition at its end.
  if (
    HAS_CUE.test(lowerWords) ||
    /\s(?:for|of|to|in|with|by|that|the|a|an|and|or|on|at|from)$/i.test(mention.text)
  ) {
    return false
  }
  if (mention.form === 'nominal') {
    const head = nominalHead(mention.text)
    const headKind = headNounKind(head)
    if (words > nominalWordLimit(mention.text, head, headKind)) return false
    // "this official", "that letter" name someone; "this week", "that" alone do not.
    if (/^(?:it|there|which|what|who)\b/i.test(mention.text)) return false
    if (/^(?:this|that)\b/i.test(mention.text) && headKind === null) return false
    // Only people, bodies and writings speak: not "the inspection", "the fighting".
    if (headKind === null && ABSTRACT_NOUN.test(head)) return false
    if (isPeoplePronoun(mention.text) || isShareOfPeople(mention.text)) return true
    const last = mention.text.split(/\s+/).pop() ?? ''
    // "Gary Roe's doctor", "the company's lawyers", "Sanders’ campaign": someone's person,
    // body or writing speaks.
    if (!NOMINAL_DETERMINER.test(mention.text) && POSSESSIVE_LEAD.test(mention.text))
      return isPeopleNoun(last) || GROUP_NOUN.test(last) || headKind !== null
    // A bare plural speaks only if it names people or bodies: "critics said", "leaders of
    // the group said", "multiple outlets reported", not "protests demand".
    if (NOMINAL_DETERMINER.test(mention.text)) return true
    if (/s$/.test(head)) return headKind !== null
    // ("police", "staff", "people": plurals without "-s".)
    // ("people close to Tom Hale": the head, before the words of nearness.)
    return (
      ((/s$/.test(mention.text) || PLURAL_WITHOUT_S.test(last)) && isPeopleNoun(last)) ||
      (PLURAL_WITHOUT_S.test(head) && isPeopleNoun(head))
    )
  }
  return true
}

/**
 * The most words a nominal mention may have: 7, or 11 for a coordination ("the senator and
 * her aides") or a person or body named within its first four words and placed by what follows
 * ("a source familiar with the agency's internal review").
 */
function nominalWordLimit(text: string, head: string, headKind: string | null): number {
  if (/\sand\s/.test(text)) return 11
  if (headKind === null || headKind === 'document') return 7
  const at = text.split(/\s+/).findIndex((word) => word.startsWith(head))
  return at >= 0 && at < 4 ? 11 : 7
}

/**
 * What the head noun of a nominal names (see `speakerNounKind`); a capitalized head must be a
 * noun of people the lexicon lists: "Leaders", not "Sanders", which only ends like "-er" nouns.
 */
function headNounKind(head: string): 'person' | 'organization' | 'document' | null {
  const kind = speakerNounKind(head)
  return kind === 'person' && /^\p{Lu}/u.test(head) && !isPeopleNoun(head) ? null : kind
}
