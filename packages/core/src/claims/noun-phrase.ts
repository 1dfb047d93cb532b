import {
  ARTICLES,
  DEMONSTRATIVES,
  isWeekday,
  LY_NOUNS,
  PLACE_NAME_PARTICLES,
  POSSESSIVE_DETERMINERS,
  QUANTIFIERS,
  STOPWORDS,
} from '../lexicon/index.js'
import { isPlural, MONTHS, SMALL_NUMBERS, singular, TITLE_WORDS, UNIT_CLASSES } from './lexicon.js'
import { bareWord, isPossessive, withoutPossessive } from './possessive.js'
import { isCapitalized, isInnerHyphen, isLowerWord, type Token, touches } from './tokens.js'

/** Words that open a noun phrase before its modifiers and head: "the", "his", "these", "several", "two". */
export const DETERMINERS: ReadonlySet<string> = new Set([
  ...ARTICLES,
  ...POSSESSIVE_DETERMINERS,
  ...DEMONSTRATIVES,
  ...QUANTIFIERS,
  // "two criminal gangs": a number word up to ten opens a noun phrase as a determiner does.
  ...[...SMALL_NUMBERS].filter(([, n]) => n >= 2 && n <= 10).map(([word]) => word),
])

// The particles of place names serve the names of those who act as well: "Bank of America".
export const PARTICLES: ReadonlySet<string> = new Set(PLACE_NAME_PARTICLES)

/** Determiners after the "of" of a part: "thousands of the nation's criminals", "hundreds of such cases". */
const PARTITIVE_DETERMINERS = new Set([
  ...ARTICLES,
  ...POSSESSIVE_DETERMINERS,
  ...DEMONSTRATIVES,
  'such',
])
/** Words of degree before a modifier after "of": "thousands of the most dangerous criminals". */
const DEGREE_WORDS = new Set(['most', 'more', 'least', 'very'])
const NOT_ADVERBS = new Set(LY_NOUNS)
/** Words that follow a measure and are no part of what it counts: "40 km away", "3 hours long". */
const AFTER_MEASURE = new Set(
  'away ago apart long wide high tall deep old each apiece alone later earlier overall total'.split(
    ' ',
  ),
)
const DEMONYM_PLURAL = /^\p{Lu}[\p{Ll}’'-]+(?<!ss)s$/u
const STREET =
  /^(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Way|Place|Pl|Court|Ct|Square|Sq|Terrace|Highway|Hwy|Parkway|Pkwy|Plaza)$/

const lower = (token: Token | undefined) => token?.lower ?? ''
const isVerbForm = (word: string) =>
  /(?:ed|ing)$/.test(word) && !UNIT_CLASSES.has(word) && word.length > 4

/**
 * What a noun phrase follows: the object after a verb ("offered to house
 * the gang members") or what a number counts ("40,000 inmates").
 */
export type PhraseAfter = 'verb' | 'number'

/**
 * Where the rules of the two kinds of phrase differ, and why. An object is
 * read to find who or what was acted on, so its head may be a name and a
 * verb form ends it only where it opens a clause; what a number counts is
 * read to find a unit, so a name makes the number part of it, and units,
 * measures and the number of the noun bound it.
 */
interface PhraseRules {
  /** Most tokens read from the phrase's start (an object), or most words and marks read (a count). */
  maxTokens: number
  maxSteps: number
  /** Whether "of" and a determiner may open the phrase: "thousands of the nation's criminals". */
  partitive: boolean
  /**
   * 'parts': a number or an inner hyphen is passed over, each part of a compound
   * a word ("an anti-crime law" → "law"); 'whole': a number ends the phrase and
   * a hyphenated compound is one word ("gang-affiliated", "asylum-seekers").
   */
  compounds: 'parts' | 'whole'
  /** 'name': a name can be the head ("visited El Salvador"); 'demonym': only a plural demonym is counted ("500 Venezuelans"), another name takes the number in ("10 Downing Street"). */
  capitals: 'name' | 'demonym'
  /**
   * 'clause': a gerund before a determiner opens a clause, and an -ed, -ing or
   * -ly word after the head ends the phrase unless a lower-case word follows
   * ("an order labelling the gangs"); 'modifier': an -ly adverb ends it, and a
   * verb form or a singular after a plural after its first word ("3 people
   * killed", "5 votes today").
   */
  verbs: 'clause' | 'modifier'
  /**
   * Whether the measure's own bounds hold: a unit ends the phrase ("40 km
   * away"), so do words after a measure ("ago", "long"), a word with an
   * apostrophe inside and a third word; a possessive right after the number is
   * the head ("5 children's"), a plural's bare apostrophe is a possessive
   * ("workers'"), and a later possessive keeps the head read so far until
   * another. Without them a word in no lower-case letter ends the phrase.
   */
  measures: boolean
}

const RULES: Readonly<Record<PhraseAfter, PhraseRules>> = {
  verb: {
    maxTokens: 10,
    maxSteps: Number.POSITIVE_INFINITY,
    partitive: false,
    compounds: 'parts',
    capitals: 'name',
    verbs: 'clause',
    measures: false,
  },
  number: {
    maxTokens: Number.POSITIVE_INFINITY,
    maxSteps: 6,
    partitive: true,
    compounds: 'whole',
    capitals: 'demonym',
    verbs: 'modifier',
    measures: true,
  },
}

/** A noun phrase's head. */
export interface NounPhrase {
  /** The head's first and last tokens: one word, a hyphenated compound, or a whole name. */
  first: number
  last: number
  /** The head as written; a possessive that ends the phrase is left out ("5 children's" → "children"). */
  written: string
  /** The common words of the phrase since it last started afresh, lower case, the head last. */
  words: string[]
  /** Whether the head is a demonym: "500 Venezuelans". */
  proper: boolean
}

/** A noun phrase being read, token by token. */
interface PhraseScan {
  readonly tokens: readonly Token[]
  readonly from: number
  readonly rules: PhraseRules
  /** The phrase opened with "of": "thousands of the nation's criminals". */
  readonly partitive: boolean
  /** The next token to read, and how many tokens were read as steps. */
  k: number
  steps: number
  /** The head's first and last tokens so far, -1 when there is none yet. */
  first: number
  last: number
  /** Words and name words read since the phrase (re)started. */
  content: number
  /** The common words since the phrase (re)started. */
  words: Token[]
  /** Whether the head read so far is a name, and the last common noun before that name (-1 if none). */
  inName: boolean
  common: number
  proper: boolean
  /** Whether the head is a possessive that ends the phrase. */
  owner: boolean
}

/** What a token says of the phrase: go on, it ended, there is none, or the number is part of a name. */
type Step = 'more' | 'end' | 'none' | 'name'

/**
 * The head of the noun phrase from token `from` on: after a verb the last
 * common noun or a whole name (a title or a possessive starts it afresh); after
 * a number the noun it counts, its modifiers before it ("thousands of the
 * nation's most dangerous criminals", "two criminal gangs"). Null when there is
 * none or a gerund opens a clause instead; 'name' when a capitalized word makes
 * the number part of a name or an address ("10 Downing Street").
 */
export function readNounPhrase(
  text: string,
  tokens: readonly Token[],
  from: number,
  after: 'verb',
): NounPhrase | null
export function readNounPhrase(
  text: string,
  tokens: readonly Token[],
  from: number,
  after: 'number',
): NounPhrase | 'name' | null
export function readNounPhrase(
  text: string,
  tokens: readonly Token[],
  from: number,
  after: PhraseAfter,
): NounPhrase | 'name' | null {
  const scan = openPhrase(tokens, from, RULES[after])
  const { rules } = scan
  while (scan.k < tokens.length && scan.k - from < rules.maxTokens && scan.steps < rules.maxSteps) {
    const token = tokens[scan.k] as Token
    scan.steps++
    let step: Step
    if (token.type !== 'word') step = passInsideWord(scan, token)
    else if (!isCapitalized(token)) step = readCommonWord(scan, token)
    else step = rules.capitals === 'name' ? readNameWord(scan, token) : readDemonym(scan, token)
    if (step === 'name' || step === 'none') return step === 'name' ? 'name' : null
    if (step === 'end') break
  }
  return closePhrase(text, scan)
}

/** A scan from `from`, past the "of" and determiner of a part where the rules allow one. */
function openPhrase(tokens: readonly Token[], from: number, rules: PhraseRules): PhraseScan {
  const partitive = rules.partitive && lower(tokens[from]) === 'of'
  let k = from
  if (partitive) {
    k++
    if (PARTITIVE_DETERMINERS.has(lower(tokens[k]))) k++
  }
  return {
    tokens,
    from,
    rules,
    partitive,
    k,
    steps: 0,
    first: -1,
    last: -1,
    content: 0,
    words: [],
    inName: false,
    common: -1,
    proper: false,
    owner: false,
  }
}

/** The phrase starts afresh after a title or a possessive: "President Barack Obama", "the Bukele offer". */
function restart(scan: PhraseScan): void {
  scan.first = -1
  scan.last = -1
  scan.content = 0
  scan.inName = false
  scan.common = -1
  scan.words = []
}

/** A number or a mark: "40,000-bed", "anti-crime" pass where each part of a compound is a word; else the phrase ends. */
function passInsideWord(scan: PhraseScan, token: Token): Step {
  if (
    scan.rules.compounds === 'parts' &&
    (token.type === 'number' || isInnerHyphen(scan.tokens, scan.k))
  ) {
    scan.k++
    return 'more'
  }
  return 'end'
}

/** A capitalized word: part of a name, a title ("President Barack Obama") or a possessive that starts the phrase afresh. */
function readNameWord(scan: PhraseScan, token: Token): Step {
  const { tokens } = scan
  const stem = bareWord(token.text).toLowerCase()
  if (MONTHS.has(stem) || isWeekday(stem)) return 'end'
  if (STOPWORDS.has(token.lower) && scan.first < 0) return 'end'
  // A title is no part of the name: "President Barack Obama", "Wells Fargo CEO John Stumpf".
  const title =
    TITLE_WORDS.has(bareWord(token.text)) &&
    (isCapitalized(tokens[scan.k + 1]) ||
      (tokens[scan.k + 1]?.text === '.' && isCapitalized(tokens[scan.k + 2])))
  if (!scan.inName) {
    scan.common = scan.first
    scan.first = scan.k
  }
  scan.inName = true
  scan.last = scan.k
  scan.content++
  scan.k++
  // "Mr.", "George W. Bush"
  if (
    tokens[scan.k]?.text === '.' &&
    touches(token, tokens[scan.k]) &&
    token.text.length <= 3 &&
    isCapitalized(tokens[scan.k + 1])
  ) {
    scan.last = scan.k
    scan.k++
  }
  if (title || isPossessive(token.text)) restart(scan)
  return 'more'
}

/** A capitalized word after a number: a demonym it counts ("500 Venezuelans"), else a name the number belongs to. */
function readDemonym(scan: PhraseScan, token: Token): Step {
  if (scan.words.length > 0) return 'end'
  if (MONTHS.has(token.lower) && !scan.partitive) return 'name'
  if (DEMONYM_PLURAL.test(token.text) && !STREET.test(scan.tokens[scan.k + 1]?.text ?? '')) {
    scan.first = scan.k
    scan.last = scan.k
    scan.proper = true
    return 'end'
  }
  return scan.partitive ? 'none' : 'name'
}

/**
 * A lower-case word: a particle inside a name, a modifier or the head, a
 * possessive that starts the phrase afresh, or a word that ends it; each rule
 * in turn.
 */
function readCommonWord(scan: PhraseScan, token: Token): Step {
  const { tokens, k } = scan
  if (PARTICLES.has(token.text) && scan.inName && isCapitalized(tokens[k + 1])) {
    scan.k++
    return 'more'
  }
  if (STOPWORDS.has(token.lower) || !isNounLike(scan, token)) return passDegreeWord(scan, token)
  const verbs = scan.rules.verbs === 'clause' ? endsAtClause(scan, token) : endsAtVerb(scan, token)
  if (verbs !== 'more') return verbs
  if (isOwner(scan, token)) return readPossessive(scan, token)
  if (scan.rules.measures && AFTER_MEASURE.has(token.lower)) return 'end'
  return takeWord(scan, token)
}

/** Whether a word not in the stopwords can be part of the phrase: lower case after a verb, no apostrophe inside after a number. */
function isNounLike({ rules }: PhraseScan, token: Token): boolean {
  return rules.measures ? !/['’]/.test(withoutPossessive(token.lower)) : isLowerWord(token)
}

/** "of the most dangerous": a word of degree after the "of" of a part goes on; any other stopword ends the phrase. */
function passDegreeWord(scan: PhraseScan, token: Token): Step {
  if (DEGREE_WORDS.has(token.lower) && scan.partitive && scan.tokens[scan.k + 1]?.type === 'word') {
    scan.k++
    return 'more'
  }
  return 'end'
}

/**
 * After a verb: a gerund opens a clause, not a noun phrase ("prioritized
 * accelerating the …"); a verb or an adverb after the phrase ends it ("an
 * order labelling the gangs"), a modifier goes on to a noun ("dangerous
 * convicted criminals").
 */
function endsAtClause(scan: PhraseScan, token: Token): Step {
  const word = token.lower
  const next = scan.tokens[scan.k + 1]
  if (scan.content === 0 && word.endsWith('ing') && DETERMINERS.has(lower(next))) return 'none'
  if (
    scan.content > 0 &&
    /(?:ing|ed|ly)$/.test(word) &&
    !(isLowerWord(next) && !STOPWORDS.has((next as Token).lower))
  )
    return 'end'
  return 'more'
}

/** After a number: an adverb ends the phrase, and so do a verb form or a singular after a plural past its first word. */
function endsAtVerb(scan: PhraseScan, token: Token): Step {
  const word = token.lower
  if (/ly$/.test(word) && word.length > 4 && !NOT_ADVERBS.has(word)) return 'end'
  const previous = scan.words.at(-1)
  if (previous) {
    if (isVerbForm(word)) return 'end'
    if (isPlural(previous.text) && !isPlural(word)) return 'end'
  }
  return 'more'
}

/** A possessive "'s", or after a number a plural's bare apostrophe: "workers' union". */
function isOwner({ rules, tokens, k }: PhraseScan, token: Token): boolean {
  // After a number the word is read in lower case, so that "'S" is a possessive too.
  if (isPossessive(token.text) || (rules.measures && isPossessive(token.lower))) return true
  const apostrophe = tokens[k + 1]
  return (
    rules.measures &&
    apostrophe !== undefined &&
    /^['’]$/.test(apostrophe.text) &&
    touches(token, apostrophe) &&
    !touches(apostrophe, tokens[k + 2])
  )
}

/**
 * A possessive starts the phrase afresh: "the Bukele offer's terms", "the
 * nation's most dangerous criminals"; right after a number it is what the
 * number counts ("5 children's").
 */
function readPossessive(scan: PhraseScan, token: Token): Step {
  if (!scan.rules.measures) {
    restart(scan)
    scan.k++
    return 'more'
  }
  if (scan.words.length === 0 && !scan.partitive && scan.k === scan.from) {
    scan.first = scan.k
    scan.last = scan.k
    scan.owner = true
    return 'end'
  }
  scan.words = []
  scan.k += isPossessive(token.lower) ? 1 : 2
  return 'more'
}

/** A modifier or the head; after a number a unit ends the phrase ("40 km away"), a compound is one word and three words are all. */
function takeWord(scan: PhraseScan, token: Token): Step {
  const { tokens } = scan
  scan.words.push(token)
  scan.first = scan.k
  scan.last = scan.k
  scan.inName = false
  scan.content++
  if (!scan.rules.measures) {
    scan.k++
    return 'more'
  }
  const measure = UNIT_CLASSES.get(singular(token.lower))
  if (scan.words.length === 1 && measure && measure.unit !== 'people') {
    scan.k++
    return 'end'
  }
  // A hyphenated compound ("gang-affiliated", "asylum-seekers") reads as one word.
  while (isInnerHyphen(tokens, scan.last + 1) && tokens[scan.last + 2]?.type === 'word')
    scan.last += 2
  scan.k = scan.last + 1
  return scan.words.length >= 3 ? 'end' : 'more'
}

/** The head read: a name after common nouns starts another phrase ("cited disparaging remarks Trump made"). */
function closePhrase(text: string, scan: PhraseScan): NounPhrase | null {
  const { tokens } = scan
  if (scan.inName && scan.common >= 0) {
    scan.first = scan.common
    scan.last = scan.common
  }
  if (scan.first < 0) return null
  const span = text.slice((tokens[scan.first] as Token).start, (tokens[scan.last] as Token).end)
  const written = scan.owner ? withoutPossessive(span) : span
  // "5 remaining": a verb form alone is no noun a number counts.
  if (scan.rules.measures && scan.words.length === 1 && isVerbForm(written.toLowerCase()))
    return null
  // A loop, not map: see fromCapitals in places.ts.
  const words: string[] = []
  for (const word of scan.words) words.push(word.lower)
  return { first: scan.first, last: scan.last, written, words, proper: scan.proper }
}
