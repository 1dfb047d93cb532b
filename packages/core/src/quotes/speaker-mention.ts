import {
  ARTICLES,
  AUXILIARY_VERBS,
  BEFORE_VERB_ADVERBS,
  CARDINALS,
  COMMON_TITLES,
  DAY_PARTS,
  DOCUMENT_NOUNS,
  GROUP_NOUNS,
  genderOfGivenName,
  INDEFINITE_PRONOUNS,
  INTERROGATIVES,
  IRREGULAR_PASTS,
  LY_NOUN_ALTERNATION,
  MODALS,
  NAME_SUFFIX_ABBREVIATIONS,
  NAME_SUFFIXES,
  NOT_AGENT_NOUNS,
  PEOPLE_NOUNS,
  PLACE_PREPOSITIONS,
  POSSESSIVE_DETERMINERS,
  PREPOSITIONS,
  QUANTIFIERS,
  RELATIVE_PRONOUNS,
  RELATIVE_TIMES,
  ROLE_WORDS,
  SURNAME_PARTICLES,
  TITLE_ALTERNATION,
  WEEKDAY_ALTERNATION,
} from '../lexicon/index.js'
import type { SpeakerKind } from '../types.js'
import { isWhiteSpace } from './white-space.js'

/** A speaker as one passage names them, read apart into name, roles and kind. */
export interface SpeakerMention {
  /** The words as written: "Secretary of State Marco Rubio", "he", "a spokeswoman". */
  text: string
  form: 'name' | 'pronoun' | 'nominal'
  kind: SpeakerKind
  /** The name without titles: "Marco Rubio"; for a nominal, its words; for a pronoun, the pronoun. */
  name: string
  /** Last word of a person's name ("Rubio"), or the whole name of an organization, lower-cased: the key that links mentions. */
  key: string
  roles: string[]
  gender: 'male' | 'female' | null
}

const PRONOUNS: Record<string, 'male' | 'female' | null> = {
  he: 'male',
  him: 'male',
  she: 'female',
  her: 'female',
  they: null,
  it: null,
  we: null,
  i: null,
}
const HONORIFIC_PREFIX = new RegExp(`^(?:${COMMON_TITLES.join('|')})\\.?\\s+\\p{Lu}`, 'u')
const PERSON_OF_ORGANIZATION = new RegExp(
  `^(.*?\\b(?:(?:${COMMON_TITLES.join('|')})\\.?\\s+)?\\p{Lu}[\\p{L}'’-]+)\\s+of\\s+(?:the\\s+)?\\p{Lu}.*$`,
  'u',
)
// A role that opens with a question word is a clause: "what the senator called …".
const QUESTION_START = new RegExp(`^(?:${INTERROGATIVES.join('|')})\\b`, 'i')
const HONORIFIC = new RegExp(`^(?:${TITLE_ALTERNATION}|Miss|Mx|Sir|Dame|Lord|Lady)\\.?$`)
const TITLE_WORDS: ReadonlySet<string> = new Set(ROLE_WORDS)
const FEMALE =
  /\b(?:Mrs|Ms|Miss|Dame|Lady|Queen|Princess|Sister|spokeswoman|chairwoman|congresswoman|councilwoman|assemblywoman|businesswoman|actress|wife|mother|daughter|sister|grandmother|widow|girlfriend|woman|she)\b/i
const MALE =
  /\b(?:Mr|Sir|Lord|King|Prince|Father|Brother|spokesman|chairman|congressman|councilman|assemblyman|businessman|actor|husband|father|son|brother|grandfather|widower|boyfriend|man|he)\b/i
const ORG_WORDS =
  /\b(?:Department|Ministry|Office|Agency|Administration|Commission|Committee|Council|Bureau|Service|Services|Court|Congress|Senate|House|Parliament|Government|Party|Campaign|Association|Union|Federation|League|Coalition|Alliance|Foundation|Institute|Institution|Center|Centre|University|College|School|Hospital|Company|Corporation|Corp|Inc|Group|Bank|Fund|Network|News|Times|Post|Journal|Herald|Tribune|Gazette|Press|Magazine|Watch|International|Organization|Organisation|Society|Trust|Board|Authority|Police|Army|Navy|Military|Forces|Guard|Team|Club|Church|Embassy|Mission|Secretariat|Cabinet|Reuters|Associated|Agence|Presse|Radio|Television|TV|Broadcasting|Channel|Times|Republicans|Democrats|Labour|Conservatives|Caucus|Commission|Chamber|Cooperative|Act|Law|Bill|Amendment|Treaty|Accord|Agreement|Program|Programme|Plan|Report|Street|Avenue|Road|Square|River|Mountain|Ocean|Sea|Lake|Island|Islands|Coast|Valley|County|State|States|City|Province|Region|Republic|Kingdom|Empire|Airport|Station|Park|Bridge|Tower|Hall|Stadium|Prize|Award|Day|Week|Month|Year)\b/
// A name's suffix, an abbreviation with or without its period: "Jr.", "Sr", "III".
const SUFFIX_ALTERNATION = NAME_SUFFIXES.map((suffix) =>
  NAME_SUFFIX_ABBREVIATIONS.includes(suffix) ? `${suffix}\\.?` : suffix,
).join('|')
const NAME_TOKEN = new RegExp(
  `^(?:\\p{Lu}[\\p{L}'’-]*\\.?|(?:\\p{Lu}\\.)+|(?:${SURNAME_PARTICLES.join('|')}|St\\.)|${SUFFIX_ALTERNATION}|O[’']\\p{Lu}\\p{L}+|Mc\\p{Lu}\\p{L}+|\\p{Lu}\\p{L}*-\\p{Lu}\\p{L}*)$`,
  'u',
)
/**
 * `NAME_TOKEN.test(word)`, answered without the pattern for the commonest name
 * token: an ASCII capital and ASCII letters ("Rubio"), which its first
 * alternative always takes.
 */
function isNameToken(word: string): boolean {
  const first = word.charCodeAt(0)
  if (first >= 0x41 && first <= 0x5a) {
    let at = 1
    for (; at < word.length; at++) {
      const code = word.charCodeAt(at) | 0x20
      if (code < 0x61 || code > 0x7a) break
    }
    if (at === word.length) return true
  }
  return NAME_TOKEN.test(word)
}
const INITIALS = /^\p{Lu}\.(?:\p{Lu}\.)*$/u
const PARTICLE = new RegExp(`^(?:${SURNAME_PARTICLES.join('|')})$`)
const SUFFIX = new RegExp(`^(?:${SUFFIX_ALTERNATION})$`)
/** An article opening a phrase, with the white space after it: "the ", "A ". */
export const LEADING_ARTICLE = new RegExp(`^(?:${ARTICLES.join('|')})\\s+`, 'i')
/** Words a nominal mention opens with and no name does: "the spokeswoman", "two officials", "several aides". */
export const MENTION_OPENERS: readonly string[] = [
  ...ARTICLES,
  ...CARDINALS.slice(0, 3),
  ...QUANTIFIERS.filter((word) => !['any', 'every', 'each', 'no', 'both'].includes(word)),
]
// With "this", "that", "other" and the possessives but "my" and "your": "this official", "their lawyer".
const DETERMINER = new RegExp(
  `^(?:${[
    ...MENTION_OPENERS,
    'this',
    'that',
    'other',
    ...POSSESSIVE_DETERMINERS.filter((word) => word !== 'my' && word !== 'your'),
  ].join('|')})$`,
  'i',
)
const ACRONYM = /^\p{Lu}{2,}s?$/u
// The determiners of someone not named: "a", "an", "another", "one".
const INDEFINITE = /^(?:a|an|another|one)$/i

// Words that stand for people left unnamed: "another said", "some argued".
const PEOPLE_PRONOUNS = new RegExp(
  `^(?:${[
    ...CARDINALS,
    ...QUANTIFIERS.filter((word) => !['any', 'every', 'no'].includes(word)),
    ...INDEFINITE_PRONOUNS.filter((word) => word !== 'anyone' && word !== 'nobody'),
    'others',
    'most',
    'few',
    'either',
    'neither',
  ].join('|')})$`,
  'i',
)

/** "Someone", "another", "others": a word that stands for people left unnamed. */
export function isPeoplePronoun(word: string): boolean {
  return PEOPLE_PRONOUNS.test(word)
}

// Agent nouns the lexicon may lack: "questioner", "neurosurgeon", "strategist", "46-year-old".
const AGENT_NOUN =
  /^[\p{Ll}\d-]{3,}(?:er|or|ist|ian|ee|eer|man|men|woman|women|person|people|-old)s?$/u

// (Each replacement takes off an "s": a word that does not end in one is its own singular.)
const singular = (word: string) =>
  word.endsWith('s')
    ? word
        .replace(/ies$/, 'y')
        .replace(/(?:ches|shes|sses|xes)$/, (end) => end.slice(0, -2))
        .replace(/s$/, '')
    : word

/** What a noun that heads a speaker mention names: a person, a body of people, a writing; null for anything else ("the test", "the inspection"). */
export function speakerNounKind(word: string): 'person' | 'organization' | 'document' | null {
  const lower = word.toLowerCase().replace(/[’']s?$/, '')
  const one = singular(lower)
  if (DOCUMENT_NOUNS.has(lower) || DOCUMENT_NOUNS.has(one)) return 'document'
  if (GROUP_NOUNS.has(lower) || GROUP_NOUNS.has(one)) return 'organization'
  if (
    isPeopleNoun(lower) ||
    PEOPLE_PRONOUNS.test(lower) ||
    // "neurosurgeon", "co-founder": a compound whose last part is a person.
    PEOPLE_SUFFIX.test(lower) ||
    (AGENT_NOUN.test(lower) && !NOT_AGENT_NOUNS.has(lower) && !NOT_AGENT_NOUNS.has(one))
  )
    return 'person'
  return null
}

const CLAUSE_AFTER_HEAD = new RegExp(`^(?:${[...RELATIVE_PRONOUNS, 'whose'].join('|')})$`, 'i')
const HEAD_PREPOSITION = new RegExp(
  `^(?:${[
    ...PLACE_PREPOSITIONS,
    ...'of for with to about among by behind within under over against into across'.split(' '),
  ].join('|')})$`,
  'i',
)

/**
 * The noun that heads a nominal mention: its last word before a preposition
 * or a relative pronoun ("a waiter at Petit Cambodge" → "waiter", "the
 * religious test for refugees" → "test", "the campaign's manager" → "manager").
 */
export function nominalHead(text: string): string {
  const words = text.split(/\s+/).filter(Boolean)
  let end = words.findIndex(
    (word, index) => index > 0 && (HEAD_PREPOSITION.test(word) || CLAUSE_AFTER_HEAD.test(word)),
  )
  if (end < 0) end = words.length
  // "a source close to", "one Democrat familiar with": the adjective before the preposition is no head.
  while (
    end > 1 &&
    /^(?:close|familiar|near|aware|loyal|\p{Ll}+ed|known)$/u.test(words[end - 1] as string)
  )
    end--
  return (words[end - 1] ?? '').replace(/[,;:.]+$/, '').replace(/[’']s$/, '')
}

const PEOPLE_SUFFIX = new RegExp(
  `.(?:${[...PEOPLE_NOUNS].filter((noun) => noun.length >= 5).join('|')})s?$`,
)

/** A noun for a person or a group of people ("critics", "residents", "officials"), plural or not. */
export function isPeopleNoun(word: string): boolean {
  const lower = word.toLowerCase()
  if (
    PEOPLE_NOUNS.has(lower) ||
    TITLE_WORDS.has(lower) ||
    /^(?:men|women|children|people|police|staff|youth)$/.test(lower)
  )
    return true
  // The other forms take an "s" off the end: a word without one has no other.
  if (!lower.endsWith('s')) return false
  const withoutS = lower.slice(0, -1)
  const singular = lower.replace(/(?:ies)$/, 'y').replace(/(?:es|s)$/, '')
  return PEOPLE_NOUNS.has(singular) || PEOPLE_NOUNS.has(withoutS) || TITLE_WORDS.has(withoutS)
}

/** A word that names a role or title: "spokeswoman", "president". */
export function isRoleWord(word: string): boolean {
  return TITLE_WORDS.has(word.toLowerCase())
}

/** `word` without a possessive ’s or 's at its end. */
function stripPossessive(word: string): string {
  const apostrophe = word.charCodeAt(word.length - 2)
  return word.endsWith('s') && (apostrophe === 0x2019 || apostrophe === 0x27)
    ? word.slice(0, -2)
    : word
}

/**
 * `words.slice(from, to).map(stripPossessive)`, pushed into one array literal: every
 * list it gives has the same shape, where `map` and `slice` give an empty one another,
 * and each new shape met by index made V8 compile `readSpeakerMention` again.
 */
function strippedWords(words: readonly string[], from: number, to: number): string[] {
  const stripped: string[] = []
  for (let i = from; i < to; i++) stripped.push(stripPossessive(words[i] as string))
  return stripped
}

// What parseSpeakerMention has answered while withMentionMemo runs; null the rest of the time.
let memo: Map<string, SpeakerMention | null> | null = null

/**
 * Runs `task` with parseSpeakerMention remembering its answers: attribution
 * reads the same names over and over. The memory is dropped when `task`
 * returns, so one call never sees another's. The mentions are shared between
 * the places that ask for the same text: `task` must not change them.
 */
export function withMentionMemo<T>(task: () => T): T {
  if (memo) return task()
  memo = new Map()
  try {
    return task()
  } finally {
    memo = null
  }
}

/**
 * Reads a speaker mention: strips titles and roles off a name ("Secretary of
 * State Marco Rubio" → "Marco Rubio", role "Secretary of State"), tells
 * people from organizations and pronouns from nominals ("a source").
 */
export function parseSpeakerMention(raw: string): SpeakerMention | null {
  if (!memo) return readSpeakerMention(raw)
  let mention = memo.get(raw)
  if (mention === undefined) {
    mention = readSpeakerMention(raw)
    memo.set(raw, mention)
  }
  return mention
}

function readSpeakerMention(raw: string): SpeakerMention | null {
  const text = cleanedMentionText(raw)
  if (text === '' || text.length > 160) return null
  return plainPersonName(text) ?? readMentionShapes(text)
}

/**
 * A nominal mention read on past its head noun into the clause that noun is the subject of
 * ("The senator emailed", "a reporter can be heard", "an official who"), as the words before
 * that clause; any other mention as it is. Applied to a speaker already chosen: the cut words
 * would make a speaker of phrases the whole clause rules out ("the men were wearing").
 */
export function withoutClauseAfterHead(mention: SpeakerMention): SpeakerMention {
  if (mention.form !== 'nominal') return mention
  const cut = beforeClauseAfterHead(mention.text)
  const read = cut === null ? null : parseSpeakerMention(cut)
  return read?.form === 'nominal' ? read : mention
}

// What opens a clause right after a noun of people, a body or a writing: a verb in the past,
// an auxiliary or a modal, a relative pronoun, an adverb before a verb.
const CLAUSE_OPENER = new RegExp(
  `^(?:${[...AUXILIARY_VERBS, ...MODALS, ...IRREGULAR_PASTS, ...RELATIVE_PRONOUNS, ...BEFORE_VERB_ADVERBS, 'first', 'still', 'never'].join('|')}|\\p{Ll}{2,}ed|(?!(?:${LY_NOUN_ALTERNATION})$)\\p{Ll}{3,}ly)$`,
  'u',
)
// A preposition after a participle makes it part of the phrase: "officials involved in the talks".
const AFTER_PARTICIPLE = /^(?:by|in|with|to|at|from|for|on|of|about|as)$/

/** A noun of people, a body or a writing in lower case: "senator", "campaign"; not "one", "Sanders". */
function isSpeakerNoun(word: string): boolean {
  return /^\p{Ll}/u.test(word) && !PEOPLE_PRONOUNS.test(word) && speakerNounKind(word) !== null
}

/**
 * "The senator emailed", "a reporter can be heard", "an official who": a nominal mention
 * read on past its head noun into the clause that noun is the subject of, cut before that
 * clause; null when no clause follows a noun of people, a body or a writing.
 */
function beforeClauseAfterHead(text: string): string | null {
  const words = text.split(/\s+/)
  for (let i = 1; i < words.length; i++) {
    const word = words[i] as string
    if (!CLAUSE_OPENER.test(word)) continue
    // A participle that ends the mention or opens a phrase of its own is part of it: "a
    // source involved", "officials involved in the talks", "the order released Friday".
    const next = words[i + 1]
    if (
      word.endsWith('ed') &&
      (next === undefined || AFTER_PARTICIPLE.test(next) || /^\p{Lu}/u.test(next))
    )
      continue
    const noun = words[i - 1] as string
    // A possessive ("The bank’s quarterly report said") owns a noun after it: it heads nothing.
    if (/['’]s?$/.test(noun)) continue
    if (!isSpeakerNoun(noun)) continue
    return words.slice(0, i).join(' ')
  }
  return null
}

// Two capitalized words of plain letters: the shape of most names a text writes ("Marco Rubio").
const PLAIN_TWO_WORDS = /^([A-Z][a-z]+) ([A-Z][a-z]+)$/

/**
 * "Marco Rubio": a person named by two plain capitalized words, none of them a word
 * `readMentionShapes` reads apart (a title, an honorific, a suffix, a determiner, a
 * time, an organization's word), read straight off as that reader reads it; null for
 * any other text. Most mentions are such names, and the general reader tries every
 * shape a mention can have on each (the test of this function compares the two on
 * names made of the lexicon's words).
 */
export function plainPersonName(text: string): SpeakerMention | null {
  const words = PLAIN_TWO_WORDS.exec(text)
  if (!words) return null
  const given = words[1] as string
  const surname = words[2] as string
  // (A surname that holds the given name, "Lee Leeson", would put a role before it.)
  if (!isPlainNameWord(given) || !isPlainNameWord(surname) || surname.includes(given)) return null
  return {
    text,
    form: 'name',
    kind: 'person',
    name: text,
    key: surname.toLowerCase(),
    roles: [],
    gender: gender(text) ?? genderOfGivenName(given),
  }
}

/** Whether a capitalized word is none of those a mention's reader treats apart from a name's. */
function isPlainNameWord(word: string): boolean {
  return !(
    HONORIFIC.test(word) ||
    TITLE_WORDS.has(word.toLowerCase()) ||
    SUFFIX.test(word) ||
    DETERMINER.test(word) ||
    TRAILING_TIME_WORDS.has(word) ||
    ORG_WORDS.test(word)
  )
}

/**
 * A mention (cleaned of the marks around it) read by every shape a mention can have: a
 * time after it, an appositive, a person of an organization, a place, a pronoun, a name
 * with the roles before it, an organization, a nominal.
 */
export function readMentionShapes(text: string): SpeakerMention | null {
  // "The Security Council on Friday": when it spoke is not part of its name.
  const untimed = textBeforeTrailingTime(text)
  if (untimed !== null) {
    const mention = parseSpeakerMention(untimed)
    return mention && { ...mention, text }
  }
  const appositive = withAppositive(text)
  if (appositive) return appositive
  const ofOrganization = personOfOrganization(text)
  if (ofOrganization) return ofOrganization
  const words = text.split(/\s+/)
  const placed = withPlace(text, words)
  if (placed) return placed
  // (Only a single word can be a pronoun or stand for people.)
  if (words.length === 1) {
    const single = oneWordMention(text)
    if (single) return single
  }
  return namedMention(text, words)
}

/** `raw` trimmed of white space and of the , ; : around it, and of the full stop after a lower-case word. */
function cleanedMentionText(raw: string): string {
  // (Trimmed of white space, only a text that starts or ends with , ; or : has more to lose.)
  const spaced = raw.trim()
  const trimmed =
    isClauseMark(spaced.charCodeAt(0)) || isClauseMark(spaced.charCodeAt(spaced.length - 1))
      ? spaced.replace(/^[,;:\s]+|[,;:\s]+$/g, '')
      : spaced
  // (The full stop is looked for first: the pattern alone is tried at every character.)
  return trimmed.endsWith('.') ? trimmed.replace(/(\p{Ll}{2,})\.$/u, '$1') : trimmed
}

/** The text before a time that ends `text` ("on Friday", "last week"); null when none does, or nothing precedes it. */
function textBeforeTrailingTime(text: string): string | null {
  const timed = endsInTimeWord(text) ? TRAILING_TIME.exec(text) : null
  return timed && timed.index > 0 ? text.slice(0, timed.index) : null
}

/**
 * "Mr. Morgan of the Sierra Club": a titled or first-named person of an
 * organization is the person, the organization a role. Null for any other shape.
 */
function personOfOrganization(text: string): SpeakerMention | null {
  // (Only a text with " of " in it can match: the pattern alone backtracks through any text.)
  const ofOrg = /\sof\s/.test(text) && PERSON_OF_ORGANIZATION.exec(text)
  if (!ofOrg || !HONORIFIC_PREFIX.test(ofOrg[1] as string)) return null
  const person = parseSpeakerMention(ofOrg[1] as string)
  if (person?.kind !== 'person') return null
  return {
    ...person,
    text,
    roles: [...person.roles, text.slice((ofOrg[1] as string).length).trim()],
  }
}

/** A one-word mention that is a pronoun ("he", "He's") or stands for people left unnamed ("Officials", "others"); null for any other word. */
function oneWordMention(text: string): SpeakerMention | null {
  const lower = text.toLowerCase()
  // "He's said": the pronoun with its verb.
  const pronoun = lower.replace(/[’']s$/, '')
  // (Its own keys only: `in` took "constructor" for a pronoun, inherited from Object.)
  if (Object.hasOwn(PRONOUNS, pronoun)) {
    return {
      text,
      form: 'pronoun',
      kind: pronoun === 'it' ? 'organization' : 'person',
      name: pronoun,
      key: pronoun,
      roles: [],
      gender: PRONOUNS[pronoun] ?? null,
    }
  }
  // "Officials", "Others" opening a sentence: people left unnamed, no name.
  if (
    (/^(?:\p{Lu}\p{Ll}+s|People|Staff)$/u.test(text) &&
      isPeopleNoun(text) &&
      !ORG_WORDS.test(text)) ||
    PEOPLE_PRONOUNS.test(text)
  ) {
    return {
      text,
      form: 'nominal',
      kind: 'unknown',
      name: text,
      key: lower,
      roles: [],
      gender: null,
    }
  }
  return null
}

/** Where a mention's name stands among its words, and what is left of it once its titles come off. */
interface NameRun {
  /** The index of the run's first word: the longest trailing run of name tokens. */
  start: number
  /** The index after its last word, trailing "," and "." left out. */
  end: number
  /** The run's words, possessives stripped, with titles and particles taken off the front; empty when only a role is left. */
  nameWords: string[]
  /** Whether the run follows a title and "of": "Secretary of State Marco Rubio". */
  titleOf: boolean
}

/**
 * A mention read as a name with the words before it: a person ("Secretary of
 * State Marco Rubio"), an organization ("the Ministry of Health"), or, when no
 * name is left, a nominal ("the foreign minister of France").
 */
function namedMention(text: string, words: string[]): SpeakerMention | null {
  const run = nameRun(text, words)
  const { end, nameWords } = run
  const orgStart = organizationStart(words, run)
  const isOrg = orgStart >= 0
  // "the foreign minister of France": a role of a place, no name.
  const roleOfPlace = run.titleOf && DETERMINER.test(words[0] as string) && !isOrg
  if (roleOfPlace || nameWords.length === 0 || nameWords.every((w) => DETERMINER.test(w)))
    return nominalMention(text, words)
  // "a Texas Democrat", "another New Hampshire Republican", "one Iowan": capitalized words
  // after "a", "another" or "one" describe someone unnamed; no name follows an indefinite.
  if (run.start <= 1 && words.length > 1 && INDEFINITE.test(words[0] as string) && !isOrg)
    return nominalMention(text, words)
  // "The editor I was talking to", "In the piece I wrote": the first person closing a
  // phrase is a clause's subject, the writer or a quoted speaker, never a name.
  if (nameWords.length === 1 && nameWords[0] === 'I') return null
  if (isOrg) return organizationMention(text, words, orgStart, end)
  const leading = words.slice(0, end - nameWords.length).join(' ')
  return personMention(text, nameWords, leading)
}

/** The longest trailing run of name tokens, the name; what precedes it is the role. */
function nameRun(text: string, words: string[]): NameRun {
  let end = words.length
  while (end > 0 && /^[,.]$/.test(words[end - 1] as string)) end--
  let start = end
  while (start > 0) {
    const word = words[start - 1] as string
    if (!isNameToken(word)) break
    start--
  }
  // "of State" belongs to the role before it when a name follows: Secretary of State Marco Rubio.
  const nameWords = strippedWords(words, start, end)
  const honorific = HONORIFIC.test(nameWords[0] ?? '')
  // A lone capitalized "Dean" or "King" written where a name goes is a surname.
  const loneCapitalized = words.length === 1 && /^\p{Lu}\p{Ll}+$/u.test(text)
  // Titles come off the front, but an honorific keeps its surname: "Mr. King".
  while (
    nameWords.length > 0 &&
    (HONORIFIC.test(nameWords[0] as string) ||
      TITLE_WORDS.has((nameWords[0] as string).toLowerCase())) &&
    !(nameWords.length === 1 && (honorific || loneCapitalized))
  ) {
    nameWords.shift()
  }
  while (nameWords.length > 0 && PARTICLE.test(nameWords[0] as string)) nameWords.shift()
  // "Secretary of State Rubio": the word right after "of" completes the title.
  const titleOf =
    words[start - 1] === 'of' && TITLE_WORDS.has((words[start - 2] ?? '').toLowerCase())
  if (titleOf && nameWords.length > 1 && nameWords.length === end - start) nameWords.shift()
  // "Governor", "the Chief" alone are roles; "Charlie King" is a name.
  if (
    nameWords.length > 0 &&
    TITLE_WORDS.has((nameWords[nameWords.length - 1] as string).toLowerCase()) &&
    !(nameWords.length >= 2 && genderOfGivenName(nameWords[0] as string) !== null) &&
    !(honorific && nameWords.length === 1) &&
    !loneCapitalized
  ) {
    nameWords.length = 0
  }
  return { start, end, nameWords, titleOf }
}

/**
 * Where the organization a name run names starts among the words, or -1 when the
 * run names none. An organization is named by the head of its capitalized run:
 * the last word ("Human Rights Watch") or the word before "of" ("Ministry of
 * Health"); "Police Chief Omar Reed" is a person with a role.
 */
function organizationStart(words: string[], { start, end, nameWords }: NameRun): number {
  let orgStart = start
  while (
    orgStart > 1 &&
    /^(?:of|for|on|and|the)$/.test(words[orgStart - 1] as string) &&
    isNameToken(words[orgStart - 2] as string)
  ) {
    orgStart -= 2
    while (orgStart > 0 && isNameToken(words[orgStart - 1] as string)) orgStart--
  }
  const orgRun = strippedWords(words, orgStart, end)
  const head = orgRun[orgRun.length - 1] ?? ''
  const beforeOf = orgRun[orgRun.indexOf('of') - 1] ?? ''
  // "Linda Park", "Tom Bridge": a known given name before a place-like word makes a person.
  const givenName =
    nameWords.length >= 2 &&
    nameWords.length <= 3 &&
    genderOfGivenName(nameWords[0] as string) !== null
  const isOrg =
    (!givenName &&
      (ORG_WORDS.test(head) ||
        (ORG_WORDS.test(orgRun[orgRun.length - 2] ?? '') &&
          !orgRun.some((w) => TITLE_WORDS.has(w.toLowerCase()))))) ||
    (orgRun.includes('of') && ORG_WORDS.test(beforeOf)) ||
    (nameWords.length === 1 && ACRONYM.test(nameWords[0] as string))
  return isOrg ? orgStart : -1
}

/** A mention with no name left in it, only a role or a noun: "the spokeswoman", "the foreign minister of France". */
function nominalMention(text: string, words: string[]): SpeakerMention {
  const nominal = words.filter((w, i) => i > 0 || !DETERMINER.test(w)).join(' ')
  const head = speakerNounKind(nominalHead(text))
  // A body's name inside the phrase does not make its person or writing a body: "a State
  // Department official", "One Club for Growth ad".
  return {
    text,
    form: 'nominal',
    kind:
      head === 'document'
        ? 'document'
        : head === 'organization' || (head === null && ORG_WORDS.test(text))
          ? 'organization'
          : 'unknown',
    name: text,
    key: nominal.toLowerCase(),
    roles: [],
    gender: gender(text),
  }
}

/** An organization named by the words from `start` to `end`: "Human Rights Watch", "the Ministry of Health". */
function organizationMention(
  text: string,
  words: string[],
  start: number,
  end: number,
): SpeakerMention {
  const orgName = words
    .slice(start, end)
    .map(stripPossessive)
    .join(' ')
    .replace(/^The\s+(?=\p{Lu})/u, '')
  return {
    text,
    form: 'name',
    kind: 'organization',
    name: orgName,
    key: orgName.toLowerCase().replace(/^the\s+/, ''),
    roles: [],
    gender: null,
  }
}

/**
 * A person named by `nameWords`, the role the text gives them before the name;
 * null when the name is a day ("Wednesday"). `leading` is the mention's words
 * before the name, read for the person's gender.
 */
function personMention(text: string, nameWords: string[], leading: string): SpeakerMention | null {
  const person = personName(nameWords)
  // "Wednesday", "Friday night": when, never who.
  if (person.every((w) => DAY.test(w))) return null
  const name = person.join(' ')
  const surname = person.findLast((w) => !SUFFIX.test(w)) ?? name
  return {
    text,
    form: 'name',
    kind: 'person',
    name,
    key: surname.toLowerCase().replace(/\.$/, ''),
    roles: rolesBefore(text, person[0] as string),
    gender:
      (leading === '' ? gender(text) : gender(`${leading} ${text}`)) ??
      (person.length > 1 ? genderOfGivenName(person[0] as string) : null),
  }
}

/**
 * A person's name out of a run of name words: the last two words, with initials,
 * particles and suffixes kept ("Christian K. Caruzo", "Martin Luther King Jr.");
 * earlier capitalized words are roles or epithets ("Republican Donald Trump").
 */
function personName(nameWords: string[]): string[] {
  let from = nameWords.length
  let kept = 0
  while (from > 0) {
    const w = nameWords[from - 1] as string
    const minor = SUFFIX.test(w) || PARTICLE.test(w) || (w.endsWith('.') && INITIALS.test(w))
    if (!minor) {
      if (kept === 2) break
      kept++
    }
    from--
  }
  // A known given name before the last two words belongs to the name: "Keith Lamont Scott".
  if (from > 0 && genderOfGivenName(nameWords[from - 1] as string) !== null) from--
  return nameWords.slice(from)
}

/** The role written before a person's name (`firstName`, its first word) in `text`, as a list of none or one. */
function rolesBefore(text: string, firstName: string): string[] {
  const written = text.slice(0, Math.max(0, text.lastIndexOf(firstName))).trim()
  // Most mentions open with the name: nothing before it, no role (and no pattern to run).
  if (written === '') return []
  const roleText = written
    .replace(/^(?:(?:said|says|told|according|to|by|from|added|wrote|with|and|as)\s+)+/i, '')
    .replace(/^(?:\p{Ll}[\p{L}'’-]*\s+)+/u, (lead) =>
      lead.split(/\s+/).some((w) => TITLE_WORDS.has(w.toLowerCase())) ? lead : '',
    )
    .replace(LEADING_ARTICLE, '')
    .replace(/[,’']$/, '')
    .trim()
  // A role says what someone is: "what" (from "in what Rubio called") or "at" says nothing.
  return roleText &&
    !DETERMINER.test(roleText) &&
    !HONORIFIC.test(roleText) &&
    !QUESTION_START.test(roleText) &&
    roleText
      .split(/\s+/)
      .some((w) => /^\p{Lu}/u.test(w) || isPeopleNoun(w) || speakerNounKind(w) !== null)
    ? [roleText]
    : []
}

// A preposition before a name a mention goes with: where one is, or whom one serves ("an adviser to").
const PLACE_PREPOSITION = new RegExp(
  `^(?:${[...PLACE_PREPOSITIONS, 'of', 'with', 'for', 'to'].join('|')})$`,
)
// A plural noun of people opening a sentence: "Critics", "Lawyers".
const PEOPLE_PLURAL = /^\p{Lu}\p{Ll}+s$/u
// Adjectives of nearness between a noun of people and its preposition: "close to", "familiar with".
const NEARNESS = /^(?:close|closest|familiar|near|loyal|allied)$/

const LOCATIVE = new RegExp(`^(?:${PLACE_PREPOSITIONS.join('|')})$`)

/**
 * A mention with a name after a preposition: "Ted Cruz of Texas" is Ted Cruz,
 * "a waiter at Petit Cambodge" and "an adviser to Hillary Clinton" are
 * the waiter and the adviser (the name is where they are or whom they serve),
 * and "was eating at Petit Cambodge" names a place, no one. Null when the
 * mention has no such shape.
 */
function withPlace(text: string, words: string[]): SpeakerMention | null {
  // The preposition, then a name within a few words: "for committee Democrats", "at the State Department".
  const at = words.findIndex(
    (word, index) =>
      index > 0 &&
      PLACE_PREPOSITION.test(word) &&
      words
        .slice(index + 1, index + 4)
        .some(
          (next, offset) =>
            /^\p{Lu}/u.test(next) &&
            words.slice(index + 1, index + 1 + offset).every((w) => /^\p{Ll}[\p{L}-]*$/u.test(w)),
        ),
  )
  if (at < 0) return null
  const before = words.slice(0, at)
  const after = words.slice(at)
  const previous = before[before.length - 1] as string
  if (/^\p{Lu}/u.test(previous)) {
    const person = parseSpeakerMention(before.join(' '))
    // "Republicans on Capitol Hill", "Democrats in Congress": a body, then where it sits.
    if (
      (person?.kind === 'organization' || person?.form === 'nominal') &&
      /^(?:on|in|at)$/.test(words[at] as string) &&
      after.length <= 4
    )
      return { ...person, text, roles: [] }
    // "Critics of Tom Hale", "Lawyers for Roe": people left unnamed, capitalized only because
    // they open the sentence, and the name is whom they oppose or serve, not who speaks.
    if (before.length === 1 && person?.form === 'nominal' && PEOPLE_PLURAL.test(previous))
      return unnamedNominal(text)
    // "Ted Cruz of Texas": a person's full or titled name, then where they are from.
    if (at < 2 || !/^(?:of|from|at|in|with)$/.test(words[at] as string)) return null
    if (
      person?.form !== 'name' ||
      person.kind !== 'person' ||
      (!person.name.includes(' ') && !HONORIFIC_PREFIX.test(before.join(' ')))
    )
      return null
    return { ...person, text, roles: [...person.roles, after.join(' ')] }
  }
  // Lower-case words before the preposition: a noun phrase, or no name at all. ("People close
  // to Tom Hale": a plural of people may open the sentence capitalized.)
  const lead = DETERMINER.test(before[0] as string) ? before.slice(1) : before
  const opensCapitalized = /^\p{Lu}/u.test(lead[0] ?? '') && isPeopleNoun(lead[0] as string)
  if (lead.some((word, index) => /^\p{Lu}/u.test(word) && !(index === 0 && opensCapitalized)))
    return null
  // "former secretary of state Hillary Clinton", "chief of staff Denis McDonough": the role
  // ends with its own object, a lower-case noun, and a person's name closes the mention.
  if (isRoleBeforeName(after)) return null
  // "a source close to Tom Hale", "people familiar with Hale": an adjective of nearness before
  // the preposition, the noun before it the one who speaks, the name whom they are near.
  const head =
    before.length >= 2 && NEARNESS.test(previous) ? (before[before.length - 2] as string) : previous
  const kind = speakerNounKind(head)
  if (kind === null) {
    if (!LOCATIVE.test(words[at] as string)) return null
    return unnamedNominal(text)
  }
  return {
    text,
    form: 'nominal',
    kind: kind === 'person' ? 'unknown' : kind,
    name: text,
    key: words
      .filter((w, i) => i > 0 || !DETERMINER.test(w))
      .join(' ')
      .toLowerCase(),
    roles: [],
    gender: gender(before.join(' ')),
  }
}

/**
 * Whether `after` (a preposition and the words after it) is a role's object then a person's
 * name to the end: "of state Hillary Clinton", "of ceremonies Asab Al-Tabchi"; not "of France",
 * "for the Democratic National Committee", "at the State Department".
 */
function isRoleBeforeName(after: string[]): boolean {
  const object = after[1]
  if (object === undefined || !/^\p{Ll}/u.test(object) || DETERMINER.test(object)) return false
  const name = after.slice(2)
  return name.length >= 2 && name.every(isNameToken) && !name.some((word) => ORG_WORDS.test(word))
}

const DAY = new RegExp(`^(?:${WEEKDAY_ALTERNATION})(?:[’']s)?$`)

const TRAILING_TIME = new RegExp(
  `\\s+(?:on|last|this|early|late)\\s+(?:(?:${WEEKDAY_ALTERNATION})(?:\\s+(?:${DAY_PARTS.join('|')}))?|week|month|year|${DAY_PARTS.join('|')})$|\\s+(?:today|yesterday|${RELATIVE_TIMES.join('|')})$|(?<=[\\p{L}.])\\s+(?:${WEEKDAY_ALTERNATION})$`,
  'u',
)

// The words `TRAILING_TIME` can end with, each after white space: the pattern, which is
// tried at every character, runs only when the text's last word is one of them.
const TRAILING_TIME_WORDS = new Set([
  ...WEEKDAY_ALTERNATION.split('|'),
  ...DAY_PARTS,
  'week',
  'month',
  'year',
  'today',
  'yesterday',
  ...RELATIVE_TIMES,
])

/** Whether `text`'s last word, after white space, is one a trailing time ends with. */
function endsInTimeWord(text: string): boolean {
  let start = text.length
  while (start > 0 && !isWhiteSpace(text.charCodeAt(start - 1))) start--
  return start > 0 && TRAILING_TIME_WORDS.has(text.slice(start))
}

// , ; and : (a mention may be cut out with the punctuation around it).
const isClauseMark = (code: number) => code === 0x2c || code === 0x3b || code === 0x3a

// What a tail after a comma opens when it is a clause, no role: "…, who leads the panel", "…, and".
const RELATIVE_START = new RegExp(`^(?:${RELATIVE_PRONOUNS.join('|')})\\b`, 'i')
const CLAUSE_START = new RegExp(
  `^(?:${[...RELATIVE_PRONOUNS, 'and', 'or', 'but'].join('|')})\\b`,
  'i',
)

// A tail that opens with a preposition of time, place or manner says how the words came
// ("in a statement", "at a rally", "during the debate"); "of", "with", "from" and "for"
// name an affiliation ("of the Heritage Foundation"), which is a role.
const CIRCUMSTANCE_START = new RegExp(
  `^(?:${PREPOSITIONS.filter((word) => !['of', 'with', 'from', 'for'].includes(word)).join('|')})\\s`,
)

/**
 * "Scott Pruitt, the attorney general of Oklahoma" and "the campaign's
 * manager, Kellyanne Conway": a name and a role set beside it by a comma are
 * one person, the role recorded.
 */
function withAppositive(text: string): SpeakerMention | null {
  const comma = text.indexOf(', ')
  if (comma < 0) return null
  const head = text.slice(0, comma)
  const tail = text.slice(comma + 2).replace(/,$/, '')
  if (/,/.test(tail) || CLAUSE_START.test(tail)) {
    // "Jane Roe, who leads the panel": the clause is no role, the name stands.
    const first = RELATIVE_START.test(tail) ? parseSpeakerMention(head) : null
    return first && first.form === 'name' ? { ...first, text } : null
  }
  // Party tags and places after a name are not roles: "Paul Ryan, R-Wis.", "Smith, 52".
  if (/^(?:[RDI]-[\p{L}.]+|\d+|Jr\.?|Sr\.?)$/u.test(tail)) {
    const first = parseSpeakerMention(head)
    return first && first.form === 'name' ? { ...first, text } : null
  }
  // The mention as written is the name; the appositive becomes a role.
  const first = parseSpeakerMention(head.replace(/\s*\([^)]{1,30}\)$/, ''))
  const role = (words: string) => words.replace(LEADING_ARTICLE, '')
  if (first?.form === 'name' && first.kind === 'person') {
    if (!/^\p{Ll}/u.test(tail) && !/[’']s\s/.test(tail)) return { ...first, text: head }
    // "Jane Roe, in a statement released by the campaign": when and where she spoke, no role.
    if (CIRCUMSTANCE_START.test(tail)) return { ...first, text: head }
    return {
      ...first,
      text: head,
      roles: [...first.roles, role(tail)],
      gender: first.gender ?? gender(tail),
    }
  }
  const second = parseSpeakerMention(tail)
  if (first?.form === 'nominal' && second?.form === 'name' && second.kind === 'person') {
    return {
      ...second,
      text,
      roles: [...second.roles, role(head)],
      gender: second.gender ?? gender(head),
    }
  }
  return null
}

function gender(text: string): 'male' | 'female' | null {
  const female = FEMALE.test(text)
  const male = MALE.test(text)
  return female === male ? null : female ? 'female' : 'male'
}

/** `text` as a nominal mention of someone the text leaves unnamed, of no clear kind: "Critics of Tom Hale". */
function unnamedNominal(text: string): SpeakerMention {
  return {
    text,
    form: 'nominal',
    kind: 'unknown',
    name: text,
    key: text.toLowerCase(),
    roles: [],
    gender: null,
  }
}
