import {
  AUXILIARY_VERBS,
  DAY_PARTS,
  isReportingVerb,
  isWeekday,
  MODALS,
  pastOf,
  RELATIVE_DAYS,
  RELATIVE_TIMES,
  STOPWORDS,
  SUBJECT_PRONOUNS,
  thirdPersonOf,
} from '../lexicon/index.js'
import { bisectLeft } from '../sorted.js'
import type { Claim } from '../types.js'
import { singular, TITLE_WORDS, words } from './lexicon.js'
import { isPossessive, withoutPossessive } from './possessive.js'
import { isCapitalized, startOf, type Token, tokenize } from './tokens.js'
import { ingLemma, pastLemma, presentLemma } from './verb-lemmas.js'

/**
 * What a claim's value is the value of, read from the clause it stands in, so
 * that only claims about one fact are compared: "people killed at the
 * Bataclan" apart from "people killed in all", "CECOT's capacity", "the day
 * Bukele made the offer".
 */
export interface Measure {
  /**
   * For numbers: what is counted, a concept ("dead", "injured", "critical",
   * "capacity") or the predicate and the noun ("cost", "raise", "mobilize
   * staff"). For days, dates, years and places: "event".
   */
  what: string
  /**
   * For days, dates, years and places: the events the value is the time or
   * place of, read from a verb or the subject of "came", "took place"
   * ("offer", "visit").
   */
  events: string[]
  /** For numbers: true when a predicate says what is counted ("were killed", "can hold"), not a noun alone. */
  predicated: boolean
  /** Events named only by a noun beside the value ("his visit on Monday", "the April 19 primary"): weaker. */
  nouns: string[]
  /**
   * Whose it is: the surname or name of the clause's named subject or owner,
   * lower case; for a thing as subject its words after "#" ("#fox news poll");
   * "?" for a pronoun or a subject out of sight ("he said", "…, after
   * suspending"), someone not named; null when the clause names no subject.
   */
  actor: string | null
  /** What restricts it: places and times after "at", "in", "during" … ("bataclan", "february"), sorted. */
  scope: string[]
  /** True for a total: "in all", "in total", "overall", a death toll. */
  total: boolean
  /** True when the clause reports a change to a figure: "has risen to", "climbed to", "now stands at". */
  update: boolean
}

// A claim is read within this many characters of its sentence on each side, so that a
// run-on sentence of any length costs the same per claim.
const WINDOW = 360

const HARD_BREAK = /^(?:[;:()[\]“”"«»‘’!?]|—|–|\.)$/
// A comma followed by one of these opens another clause.
const CLAUSE_OPENERS = words(
  'and but while whereas which who whom whose where when although though including according as or because after before since if unless so yet compared',
)
const AUXILIARIES = new Set([
  ...AUXILIARY_VERBS,
  ...MODALS,
  ...'be been being shall now also already reportedly still just since then'.split(' '),
])
/** Words between a number and what it counts, or its predicate, that say nothing of what it is. */
const QUANTITY_FILLER = words(
  'at least most more than about nearly some up to over almost around roughly an estimated a the of by only just approximately fewer less under below as many much another additional further another whopping mere record new',
)
const TOTAL_WORDS = new Set(['total', 'overall', 'altogether', 'combined', 'cumulative'])
/** Verbs that move a figure: a new value of the same measure, later. */
const UPDATE_VERBS = words(
  'rise climb increase jump grow reach stand hit swell soar mount top surpass pass exceed balloon double triple edge creep spike',
)
/** Forms of the verbs that move a figure, irregular ones with them: "rose", "risen", "stood". */
const UPDATE_FORMS =
  /^(?:ris(?:e|es|en|ing)|rose|climb(?:s|ed|ing)?|increas(?:e|es|ed|ing)|jump(?:s|ed|ing)?|gr(?:ow|ows|ew|own|owing)|reach(?:es|ed|ing)?|stand(?:s|ing)?|stood|swell(?:s|ed|ing)?|swollen|soar(?:s|ed|ing)?|mount(?:s|ed|ing)|top(?:s|ped)|surpass(?:es|ed)|exceed(?:s|ed)|doubl(?:e|es|ed)|tripl(?:e|es|ed)|spik(?:e|es|ed))$/
/** Verbs of a state, not an event: "Clinton held a lead on Wednesday" dates no event. */
const STATE_VERBS = new Set(
  `be have remain stay keep seem appear continue own know want need like think believe lead trail
  face lack hope feel become expect enjoy retain maintain top`.split(/\s+/),
)
/** Verbs whose event is their object: "held a rally", "hosted talks", "staged a protest". */
const HOLDING_VERBS = words('hold host stage give deliver attend organize organise')
const PRONOUN_SUBJECTS = new Set(SUBJECT_PRONOUNS)
const SUBORDINATORS = words('after before while since upon by when until without')
/** Words a fronted phrase of time or place opens with: "During his visit on Monday, …". */
const FRONTED_OPENERS = new Set([
  ...words('on during after before at in last early late this since by until following'),
  ...RELATIVE_TIMES,
])
/** Forms of verbs of speech that the stopword list holds or that are irregular. */
const SPEECH_FORMS = new RegExp(
  `^(?:${['say', 'tell', 'write', 'speak'].flatMap((verb) => [pastOf(verb), thirdPersonOf(verb)]).join('|')})$`,
)
/** Words after which a verb stands in its base form: "will meet", "to visit", "did say". */
const BEFORE_BARE_VERB = new Set([...MODALS, ...'shall to did does do'.split(' ')])
/** Verbs that stand for the event their subject names: "the offer came", "the attack happened". */
const LIGHT_VERBS = words('come happen occur take begin start follow unfold emerge')
/** Forms of the light verbs, some of them stopwords: "came", "took place". */
const LIGHT_FORMS =
  /^(?:c(?:ame|ome|omes)|happen(?:s|ed)|occur(?:s|red)|took|takes|began|begins|start(?:s|ed)|unfold(?:s|ed)|emerg(?:e|es|ed))$/
/** Verbs that lead to the verb of the event: "is set to meet", "plans to visit". */
const LEAD_VERBS = words(
  'set expect schedule due go plan poise slate aim hope want try seek decide intend prepare',
)
/** Words of time or of a document that are no event of their own. */
const NOT_EVENTS = new Set([
  ...DAY_PARTS,
  ...RELATIVE_DAYS,
  ...`day week month year time weekend hour minute date period season term report statement
  release article story interview post tweet remark comment decade century earlier later ago`.split(
    /\s+/,
  ),
])
/** Verbs and nouns of one event, to one name: "proposal" is an "offer", "talks" a "meeting". */
const EVENT_CLASSES = new Map<string, string>(
  Object.entries({
    offer: 'offer',
    proposal: 'offer',
    propose: 'offer',
    proposition: 'offer',
    invitation: 'offer',
    invite: 'offer',
    meet: 'meet',
    meeting: 'meet',
    talk: 'meet',
    summit: 'meet',
    visit: 'visit',
    trip: 'visit',
    tour: 'visit',
    arrive: 'arrive',
    arrival: 'arrive',
    attack: 'attack',
    shooting: 'attack',
    shoot: 'attack',
    bombing: 'attack',
    bomb: 'attack',
    blast: 'attack',
    explosion: 'attack',
    assault: 'attack',
    open: 'open',
    opening: 'open',
    inaugurate: 'open',
    inauguration: 'open',
    launch: 'open',
    sign: 'sign',
    signing: 'sign',
    announce: 'announce',
    announcement: 'announce',
    elect: 'vote',
    election: 'vote',
    vote: 'vote',
    ballot: 'vote',
    primary: 'vote',
    caucus: 'vote',
    die: 'die',
    death: 'die',
    kill: 'die',
    arrest: 'arrest',
    detain: 'arrest',
    resign: 'resign',
    resignation: 'resign',
    debate: 'debate',
    crash: 'crash',
    collapse: 'crash',
  }),
)
/** Nouns that name an event of their own: what a day or a place may be the time or place of. */
const EVENT_NOUNS = new Set(
  `ceremony rally conference hearing trial protest march speech briefing concert match game funeral
  raid strike fire flood storm earthquake hurricane accident riot parade festival inauguration
  session convention primary caucus summit election referendum deal agreement treaty launch
  landing flight departure crackdown operation ruling verdict sentencing indictment`.split(/\s+/),
)
const NOMINAL = /(?:tion|sion|ment|ence|ance|ival|osal)$/
/** What a predicate counts, to one name: "killed", "died", "fatalities" are the dead. */
const COUNT_CONCEPTS = new Map<string, string>(
  Object.entries({
    kill: 'dead',
    die: 'dead',
    dead: 'dead',
    death: 'dead',
    fatality: 'dead',
    murder: 'dead',
    slay: 'dead',
    perish: 'dead',
    body: 'dead',
    injure: 'injured',
    injured: 'injured',
    wound: 'injured',
    wounded: 'injured',
    hurt: 'injured',
    injury: 'injured',
    hold: 'capacity',
    house: 'capacity',
    accommodate: 'capacity',
    capacity: 'capacity',
    bed: 'capacity',
    fit: 'capacity',
    hospitalize: 'hospitalized',
    arrest: 'arrested',
    detain: 'arrested',
    evacuate: 'evacuated',
    rescue: 'rescued',
    missing: 'missing',
  }),
)
/** Nouns that count anyone: what they count is what the predicate says. */
const GENERIC_NOUNS = new Set(['people', 'person', 'individual', 'other', 'more', 'total'])
/** Nouns that name what a following number measures: "a death toll of 130", "capacity for 40,000". */
const MEASURE_NOUNS = words(
  'toll capacity cost price budget turnout population fee salary bill deficit debt total tally count number figure revenue sale profit loss fine bail ransom',
)
const PREPOSITIONS_OF_SCOPE = new Set(['at', 'in', 'inside', 'outside', 'near', 'during'])
const PLACE_ALIASES = new Map<string, string>(
  Object.entries({
    us: 'united states',
    'u.s': 'united states',
    'u.s.': 'united states',
    usa: 'united states',
    'u.s.a': 'united states',
    'u.s.a.': 'united states',
    'united states': 'united states',
    'united states of america': 'united states',
    america: 'united states',
    uk: 'united kingdom',
    'u.k': 'united kingdom',
    'u.k.': 'united kingdom',
    britain: 'united kingdom',
    'great britain': 'united kingdom',
    'united kingdom': 'united kingdom',
  }),
)

/**
 * One name for one place: "U.S.", "US", "USA", "United States" and
 * "America" are the United States; "UK", "U.K." and "Britain" the United
 * Kingdom. Other names are lower-cased, "the" left out.
 */
export function canonicalPlace(name: string): string {
  const lower = name
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/\s+/g, ' ')
    .trim()
  return PLACE_ALIASES.get(lower) ?? PLACE_ALIASES.get(lower.replace(/\.$/, '')) ?? lower
}

const EVENT_KINDS = new Set<Claim['kind']>(['day', 'date', 'year', 'place', 'itinerary'])

const isBreak = (token: Token | undefined) =>
  token === undefined || (token.type === 'mark' && HARD_BREAK.test(token.text))

/** The lemma of a verb form ("killed", "rising", "stands"), or null when the word is none. */
function verbLemma(token: Token, before?: Token): string | null {
  if (token.type !== 'word' || isCapitalized(token)) return null
  // "electronically-limited", "well-known": the end of a compound adjective is no verb.
  if (before?.text === '-' && before.end === token.start) return null
  const word = token.lower
  if (STOPWORDS.has(word) || AUXILIARIES.has(word)) return null
  return pastLemma(word) ?? ingLemma(word) ?? null
}

/** A verb's lemma as an event name: "inaugurate" is "open", "build" stays "build". */
const verbEvent = (lemma: string) =>
  EVENT_CLASSES.get(lemma) ?? (NOT_EVENTS.has(lemma) || STOPWORDS.has(lemma) ? null : lemma)

/** A noun or verb as one event name: "meetings" and "met" are "meet", "proposal" an "offer". */
function eventName(word: string): string | null {
  const lower = word.toLowerCase()
  if (STOPWORDS.has(lower) || lower.length < 3) return null
  const base = singular(lower)
  const lemma =
    EVENT_CLASSES.get(base) ??
    EVENT_CLASSES.get(pastLemma(lower) ?? '') ??
    EVENT_CLASSES.get(ingLemma(lower) ?? '') ??
    EVENT_CLASSES.get(presentLemma(lower) ?? '')
  if (lemma) return lemma
  const verb = pastLemma(lower) ?? ingLemma(lower)
  if (!verb && !EVENT_NOUNS.has(base) && !(NOMINAL.test(base) && base.length > 6)) return null
  const name = verb ?? base
  return NOT_EVENTS.has(name) || NOT_EVENTS.has(base) ? null : name
}

/** True for "and" or "but" before a verb: "… and has capacity", "but were injured". */
function opensClause(tokens: readonly Token[], k: number): boolean {
  const word = tokens[k]?.lower
  if (word !== 'and' && word !== 'but') return false
  const next = tokens[k + 1]
  return next !== undefined && (AUXILIARIES.has(next.lower) || verbLemma(next) !== null)
}

/** Where the clause that holds tokens `[from, to]` starts and ends. */
function clauseOf(tokens: readonly Token[], from: number, to: number): [number, number] {
  let start = from
  while (start > 0) {
    const before = tokens[start - 1] as Token
    if (isBreak(before) || opensClause(tokens, start - 1)) break
    if (before.text === ',' && CLAUSE_OPENERS.has(tokens[start]?.lower ?? '')) break
    if (CLAUSE_OPENERS.has(before.lower) && before.lower !== 'as' && start - 1 < from - 1) {
      // "… and 13 percent": a conjunction right before opens the clause of the claim.
      if (tokens[start - 2]?.text === ',' || before.lower === 'while' || before.lower === 'which')
        break
    }
    start--
  }
  let end = to
  while (end + 1 < tokens.length) {
    const after = tokens[end + 1] as Token
    if (isBreak(after)) break
    if (after.text === ',' && CLAUSE_OPENERS.has(tokens[end + 2]?.lower ?? '')) break
    // "opened in 2023 and has capacity for …": a conjunction before a verb opens another clause.
    if (opensClause(tokens, end + 1)) break
    end++
  }
  return [start, end]
}

/** The name of a person or organization standing right before token `at`: its last word, lower case. */
function actorBefore(tokens: readonly Token[], at: number, stop: number): string | null {
  let k = at - 1
  while (k >= stop && AUXILIARIES.has((tokens[k] as Token).lower)) k--
  const token = tokens[k]
  if (k < stop || !token || token.type !== 'word' || !isCapitalized(token)) return null
  const bare = withoutPossessive(token.text)
  if (TITLE_WORDS.has(bare) || STOPWORDS.has(bare.toLowerCase())) return null
  return canonicalPlace(bare)
}

/** Places and times after "at", "in", "during" …, lower case: what restricts a count or an event. */
function scopeOf(tokens: readonly Token[], start: number, end: number, skip: [number, number]) {
  const scope = new Set<string>()
  for (let k = start; k <= end; k++) {
    const token = tokens[k] as Token
    if (k >= skip[0] && k <= skip[1]) continue
    if (!PREPOSITIONS_OF_SCOPE.has(token.lower)) continue
    let j = k + 1
    if (/^(?:the|a|an)$/.test(tokens[j]?.lower ?? '')) j++
    const words: string[] = []
    while (j <= end && j < tokens.length) {
      const word = tokens[j] as Token
      if (j >= skip[0] && j <= skip[1]) break
      if (word.type === 'word' && isCapitalized(word)) words.push(withoutPossessive(word.text))
      else if (word.text === '.' && words.length > 0 && /^\p{Lu}$/u.test(words.at(-1) ?? ''))
        words[words.length - 1] += '.'
      else break
      j++
    }
    if (words.length > 0) {
      const first = (words[0] as string).toLowerCase()
      if (!isWeekday(first)) scope.add(canonicalPlace(words.join(' ')))
      continue
    }
    const next = tokens[k + 1]
    if (
      next?.type === 'number' &&
      /^\d{4}$/.test(next.text) &&
      !(k + 1 >= skip[0] && k + 1 <= skip[1])
    )
      scope.add(next.text)
  }
  return scope
}

// Sentences longer than this are read once and their windows cut from the whole;
// shorter ones are read window by window, as they always were.
const LONG_SENTENCE = 4 * WINDOW
/**
 * What {@link measureOf} keeps between the claims of one batch (one alignment): the
 * last sentence read whole. Claims come in text order, so the claims of one sentence
 * (a figure, its date, its place) read it once. Its tokens are never changed.
 */
export interface MeasureReading {
  lastRead: { text: string; tokens: Token[] } | null
}

/** An empty {@link MeasureReading}, for one batch of claims. */
export const createMeasureReading = (): MeasureReading => ({ lastRead: null })

function tokensOfWhole(sentence: string, reading: MeasureReading): Token[] {
  if (reading.lastRead?.text !== sentence)
    reading.lastRead = { text: sentence, tokens: tokenize(sentence) }
  return reading.lastRead.tokens
}

/** The tokens wholly within [from, to), found by bisection. */
function windowOf(tokens: readonly Token[], from: number, to: number): Token[] {
  const low = bisectLeft(tokens, from, startOf)
  let stop = low
  while (stop < tokens.length && (tokens[stop] as Token).end <= to) stop++
  return tokens.slice(low, stop)
}

function tokensOf(
  claim: Claim,
  reading: MeasureReading,
): { tokens: Token[]; first: number; last: number } | null {
  const sentence = claim.sentence.text
  let start = claim.span.start - claim.sentence.span.start
  let end = claim.span.end - claim.sentence.span.start
  if (start < 0 || end > sentence.length || sentence.slice(start, end) !== claim.text) {
    start = sentence.indexOf(claim.text)
    if (start < 0) return null
    end = start + claim.text.length
  }
  let from = Math.max(0, start - WINDOW)
  const to = Math.min(sentence.length, end + WINDOW)
  let tokens: Token[]
  if (sentence.length > LONG_SENTENCE) {
    // A run-on sentence of thousands of claims is read once, not once per claim: its
    // words about each claim are the whole words within the window.
    tokens = windowOf(tokensOfWhole(sentence, reading), from, to)
    from = 0
  } else if (from === 0 && to === sentence.length) tokens = tokensOfWhole(sentence, reading)
  else tokens = tokenize(sentence.slice(from, to))
  let first = -1
  let last = -1
  tokens.forEach((token, i) => {
    if (token.end + from > start && token.start + from < end) {
      if (first < 0) first = i
      last = i
    }
  })
  return first < 0 ? null : { tokens, first, last }
}

/** What the words around a number say of it, read step by step. */
interface CountSaid {
  /** A total: "in all", "overall", a death toll. */
  total: boolean
  /** A change to a figure: "has risen to". */
  update: boolean
  /** Of people in critical condition: "3 critically injured". */
  critical: boolean
  /** The verb or measure noun that says what is counted: "kill", "capacity", "dead". */
  predicate: string | null
  actor: string | null
}

/** The measure of a number: what it counts, whose, where and whether it reports a change. */
function quantity(
  claim: Claim,
  tokens: readonly Token[],
  first: number,
  last: number,
): Measure | null {
  const [start, end] = clauseOf(tokens, first, last)
  const said: CountSaid = {
    total: false,
    update: false,
    critical: false,
    predicate: null,
    actor: null,
  }
  readBeforeNumber(said, tokens, first, start)
  readAfterCount(said, tokens, last, end)
  if (!said.total) said.total = saysInAll(tokens)
  const scope = scopeOf(tokens, start, end, [first, last])
  const doing = said.predicate ? (COUNT_CONCEPTS.get(said.predicate) ?? said.predicate) : ''
  const what = countedWhat(claim, doing, said.critical)
  if (what === null) return null
  return {
    what,
    predicated: doing !== '',
    events: [],
    nouns: [],
    actor: said.actor,
    scope: [...scope].sort(),
    total: said.total,
    update: said.update,
  }
}

/**
 * Left of the number, back to the start of its clause: words of a total or of
 * a change ("the death toll has risen to 130"), the verb or measure noun that
 * says what is counted ("killed at least 129", "capacity for") and whose.
 */
function readBeforeNumber(
  said: CountSaid,
  tokens: readonly Token[],
  first: number,
  start: number,
): void {
  for (let k = first - 1; k >= start; k--) {
    const token = tokens[k] as Token
    const word = token.lower
    if (token.type === 'number') return
    if (token.type !== 'word') {
      if (token.text === ',') return
      continue
    }
    if (TOTAL_WORDS.has(word)) {
      said.total = true
      continue
    }
    if (QUANTITY_FILLER.has(word) || AUXILIARIES.has(word) || word === 'to' || word === 'for')
      continue
    if (isCapitalized(token)) {
      said.actor ??= actorBefore(tokens, k + 1, start)
      return
    }
    if (UPDATE_FORMS.test(word)) {
      said.update = true
      continue
    }
    const lemma = lemmaBeforeNumber(tokens, k)
    if (lemma && UPDATE_VERBS.has(lemma)) {
      said.update = true
      continue
    }
    if (lemma && !MEASURE_NOUNS.has(singular(word))) {
      if (!isReportingVerb(lemma)) {
        said.predicate = lemma
        said.actor = actorBefore(tokens, k, start)
      }
      return
    }
    if (!STOPWORDS.has(word)) readMeasureNoun(said, tokens, k, start)
    return
  }
}

/** A word before a number as a verb's lemma: "killed", "can hold"; a present form not after a determiner ("the holds"). */
function lemmaBeforeNumber(tokens: readonly Token[], k: number): string | null {
  const token = tokens[k] as Token
  const word = token.lower
  const before = tokens[k - 1]?.lower ?? ''
  return (
    verbLemma(token, tokens[k - 1]) ??
    (BEFORE_BARE_VERB.has(before) ? word : null) ??
    (/^(?:the|a|an|his|her|its|their|our)$/.test(before)
      ? null
      : /(?:us|is|ss)$/.test(word)
        ? null
        : presentLemma(word))
  )
}

/** A noun that names what the number measures: "a death toll of 130" (the dead, in all), "capacity for 40,000". */
function readMeasureNoun(
  said: CountSaid,
  tokens: readonly Token[],
  k: number,
  start: number,
): void {
  const noun = singular((tokens[k] as Token).lower)
  if (!MEASURE_NOUNS.has(noun)) return
  const modifier = tokens[k - 1]?.lower ?? ''
  said.predicate = noun === 'toll' && /^death/.test(modifier) ? 'dead' : noun
  if (noun === 'toll' || noun === 'total' || noun === 'tally') said.total = true
  said.actor = actorBefore(tokens, k - (modifier && !STOPWORDS.has(modifier) ? 1 : 0), start)
}

/** Right of what the number counts: "129 people were killed", "3 in critical condition", "in all". */
function readAfterCount(
  said: CountSaid,
  tokens: readonly Token[],
  last: number,
  end: number,
): void {
  for (let k = last + 1; k <= end && k <= last + 8; k++) {
    const token = tokens[k] as Token
    const word = token.lower
    if (token.type !== 'word') return
    if (word === 'in' && /^(?:all|total)$/.test(tokens[k + 1]?.lower ?? '')) {
      said.total = true
      return
    }
    if (TOTAL_WORDS.has(word)) {
      said.total = true
      continue
    }
    if (word === 'critically' || word === 'seriously' || word === 'gravely') {
      said.critical = true
      continue
    }
    if (
      word === 'in' &&
      ['critical', 'serious', 'grave'].includes(
        tokens[k + 1]?.lower === 'a' ? (tokens[k + 2]?.lower ?? '') : (tokens[k + 1]?.lower ?? ''),
      )
    ) {
      said.critical = true
      return
    }
    if (AUXILIARIES.has(word) || word === 'who' || word === 'that' || /ly$/.test(word)) continue
    const lemma = verbLemma(token) ?? (word === 'dead' || word === 'missing' ? word : null)
    if (lemma && !isReportingVerb(lemma) && said.predicate === null) said.predicate = lemma
    return
  }
}

/** "In all, 129 people were killed": a total said anywhere in the sentence. */
function saysInAll(tokens: readonly Token[]): boolean {
  for (let k = 0; k + 1 < tokens.length; k++)
    if (
      tokens[k]?.lower === 'in' &&
      /^(?:all|total)$/.test(tokens[k + 1]?.lower ?? '') &&
      !/^(?:of|the)$/.test(tokens[k + 2]?.lower ?? '')
    )
      return true
  return false
}

/**
 * What a number counts, from the concept of its predicate (`doing`) and of its
 * noun: "dead", "capacity", "critical injured", "mobilize staff"; null when
 * nothing says.
 */
function countedWhat(claim: Claim, doing: string, critical: boolean): string | null {
  const noun = claim.noun ? singular((claim.noun.split(/[\s-]+/).at(-1) ?? '').toLowerCase()) : ''
  const thing = GENERIC_NOUNS.has(noun) ? '' : noun
  const counted = COUNT_CONCEPTS.get(thing) ?? thing
  let what: string
  if (critical && (doing === 'injured' || counted === 'injured' || doing === '')) what = 'critical'
  else if (
    doing === 'capacity' &&
    (claim.unit === 'people' || counted === 'capacity' || thing === '')
  )
    what = 'capacity'
  else if (doing !== '' && (counted === '' || counted === doing)) what = doing
  // A size or a count with nothing that says of what ("a 16-inch screen", "two states") is
  // no fact to compare; a crowd of a kind of people ("80,000 fans") is.
  else if (doing === '' && counted !== '' && claim.unit === 'people') what = counted
  else if (doing !== '' && counted !== '') what = `${doing} ${counted}`
  else return null
  return critical && what !== 'critical' ? `critical ${what}` : what
}

/** Who a clause's subject is, read back from its verb at `k`: a name, "?" for a pronoun, or null. */
function subjectBefore(tokens: readonly Token[], k: number, stop: number): string | null {
  let j = k - 1
  while (
    j >= stop &&
    (AUXILIARIES.has((tokens[j] as Token).lower) || /ly$/.test((tokens[j] as Token).lower))
  )
    j--
  let token = tokens[j]
  if (j < stop || !token) return null
  // "Cruz, after suspending his campaign": the subject stands before the comma.
  if (SUBORDINATORS.has(token.lower) && tokens[j - 1]?.text === ',' && j - 2 >= stop) {
    j -= 2
    token = tokens[j]
    if (!token) return null
    return isCapitalized(token) ? actorBefore(tokens, j + 1, stop) : '?'
  }
  // A clause whose subject is elsewhere ("…, after suspending", "to visit") names someone unseen.
  if (SUBORDINATORS.has(token.lower) || token.lower === 'to') return '?'
  // "Jeb Bush, a former Florida governor, dropped out": the name before the apposition.
  if (token.text === ',') {
    for (let n = j - 1; n >= stop && n >= j - 12; n--)
      if (tokens[n]?.text === ',') {
        j = n - 1
        token = tokens[j]
        break
      }
    if (!token || token.text === ',') return null
  }
  if (PRONOUN_SUBJECTS.has(token.lower)) return '?'
  const name = actorBefore(tokens, j + 1, stop)
  if (name !== null || token.type !== 'word' || STOPWORDS.has(token.lower)) return name
  // A thing as subject ("the minister arrived", "the Fox News poll was conducted"): its
  // words, marked with "#", say whose event it is as a name would.
  const words: string[] = []
  for (let n = j; n >= stop && n > j - 3; n--) {
    const word = tokens[n] as Token
    if (word.type !== 'word' || STOPWORDS.has(word.lower)) break
    words.unshift(word.lower)
  }
  return `#${words.join(' ')}`
}

/** The events read around a day, date, year or place, and whose they are. */
interface OccasionScan {
  readonly tokens: readonly Token[]
  /** Where the clause of the claim starts. */
  readonly start: number
  events: string[]
  nouns: string[]
  actor: string | null
  /** Whether a verb was read: the event is its, or there is none. */
  sawVerb: boolean
}

const addName = (list: string[], name: string | null) => {
  if (name && !list.includes(name)) list.push(name)
}

/** The event a day, date, year or place belongs to, read from the verb or noun it goes with. */
function occasion(tokens: readonly Token[], first: number, last: number): Measure | null {
  const [start] = clauseOf(tokens, first, last)
  const scan: OccasionScan = { tokens, start, events: [], nouns: [], actor: null, sawVerb: false }
  const claim = tokens[last] as Token
  // "Saturday's Wyoming caucuses", "the April 19 primary": the day of the noun it stands before.
  const possessive = isPossessive(claim.text) || tokens[last + 1]?.text === "'"
  if (!possessive && readBeforeClaim(scan, first) === 'speech') return null
  if (!scan.sawVerb && scan.events.length + scan.nouns.length === 0) readNounAfter(scan, last)
  if (!scan.sawVerb && isFronted(scan, first)) readMainClauseAfter(scan, last)
  const { events, nouns, actor } = scan
  if (events.length + nouns.length === 0) return null
  return {
    what: 'event',
    predicated: true,
    events,
    nouns,
    actor,
    scope: [],
    total: false,
    update: false,
  }
}

/**
 * Left of the claim, back to the start of its clause: the verb whose time or
 * place it is ("visited … on Monday", "the offer came on Tuesday") or the
 * nouns of events before it ("his visit on Monday"). 'speech' for a verb of
 * speech: a day said of a statement is no event's.
 */
function readBeforeClaim(scan: OccasionScan, first: number): 'speech' | 'read' {
  const { tokens } = scan
  for (let k = first - 1; k >= scan.start && scan.events.length + scan.nouns.length < 3; k--) {
    const token = tokens[k] as Token
    if (token.type !== 'word') {
      if (token.text === ',') break
      continue
    }
    const word = token.lower
    if (LIGHT_FORMS.test(word)) {
      readSubjectEvent(scan, k)
      scan.sawVerb = true
      break
    }
    if (isCapitalized(token) || STOPWORDS.has(word) || AUXILIARIES.has(word)) {
      // "Bukele's offer": a possessive name owns the event after it.
      if (isCapitalized(token) && isPossessive(token.text) && scan.nouns.length > 0)
        scan.actor ??= canonicalPlace(withoutPossessive(token.text))
      continue
    }
    const lemma = verbLemma(token, tokens[k - 1])
    if (lemma) {
      if (isReportingVerb(lemma)) return 'speech'
      readVerbEvent(scan, k, lemma)
      scan.sawVerb = true
      break
    }
    addName(scan.nouns, eventName(word))
  }
  return 'read'
}

/** The event of the verb at `k`: its subject's for a light verb, its object's for a verb of holding, else its own; whose, from its subject. */
function readVerbEvent(scan: OccasionScan, k: number, lemma: string): void {
  if (LIGHT_VERBS.has(lemma)) {
    readSubjectEvent(scan, k)
    return
  }
  if (HOLDING_VERBS.has(lemma)) readObjectEvent(scan, k)
  else if (!STATE_VERBS.has(lemma)) addName(scan.events, verbEvent(lemma))
  scan.actor ??= subjectBefore(scan.tokens, k, 0)
}

/** "The offer came in meetings on Tuesday": the subject of a light verb names the event. */
function readSubjectEvent(scan: OccasionScan, verb: number): void {
  const { tokens, start } = scan
  for (let j = verb - 1; j >= start; j--) {
    const subject = tokens[j] as Token
    if (subject.type !== 'word' || STOPWORDS.has(subject.lower)) continue
    if (isCapitalized(subject)) {
      scan.actor ??= actorBefore(tokens, j + 1, start)
      continue
    }
    addName(scan.events, eventName(subject.text))
    return
  }
}

/** "held a rally", "hosted talks": a verb of no event of its own takes its object's. */
function readObjectEvent(scan: OccasionScan, verb: number): void {
  const { tokens } = scan
  for (let j = verb + 1; j < tokens.length && j <= verb + 4; j++) {
    const object = tokens[j] as Token
    if (object.type !== 'word' || STOPWORDS.has(object.lower) || isCapitalized(object)) continue
    const name = eventName(object.text)
    if (
      name &&
      (EVENT_NOUNS.has(singular(object.lower)) || EVENT_CLASSES.has(singular(object.lower)))
    )
      addName(scan.events, name)
    return
  }
}

/** The noun the claim stands before: "Tuesday's contests", "the April 19 primary". */
function readNounAfter(scan: OccasionScan, last: number): void {
  const { tokens } = scan
  for (let k = last + 1; k < tokens.length && k <= last + 4; k++) {
    const token = tokens[k] as Token
    if (token.type !== 'word') {
      if (token.text === "'") continue
      return
    }
    if (isCapitalized(token)) {
      scan.actor ??= canonicalPlace(token.text)
      continue
    }
    addName(scan.nouns, eventName(token.text))
    return
  }
}

/** Whether the claim stands in a phrase that opens the sentence: "On Monday, …", "During his visit … on Monday, …". */
function isFronted({ tokens, start }: OccasionScan, first: number): boolean {
  const opener = tokens[start]
  return (
    (start === 0 || isBreak(tokens[start - 1])) &&
    (start === first || (opener !== undefined && FRONTED_OPENERS.has(opener.lower)))
  )
}

/** A fronted phrase ("During his visit … on Monday, President Bukele said that …") belongs to the main clause after its comma. */
function readMainClauseAfter(scan: OccasionScan, last: number): void {
  const { tokens } = scan
  let comma = -1
  for (let k = last + 1; k < tokens.length && k <= last + 12; k++) {
    const token = tokens[k] as Token
    if (token.text === ',') comma = k
    if (comma >= 0 || isBreak(token) || verbLemma(token)) break
  }
  if (comma <= 0) return
  const main = mainClause(tokens, comma + 1)
  if (!main) return
  for (const event of main.events) addName(scan.events, event)
  scan.actor ??= main.actor
}

/**
 * The subject of a clause starting at `k` and the token after it: a pronoun
 * ("he", "they") is an actor not named ('?'); otherwise the last capitalized
 * word of a name within eight tokens, past titles and initials' full stops
 * ("Foreign Minister J. Ortega"); null when the clause opens with neither.
 */
function clauseSubject(
  tokens: readonly Token[],
  k: number,
): { actor: string | null; next: number } {
  if (PRONOUN_SUBJECTS.has(tokens[k]?.lower ?? '')) return { actor: '?', next: k + 1 }
  let j = k
  let actor: string | null = null
  while (j < tokens.length && j < k + 8) {
    const token = tokens[j] as Token
    if (token.type !== 'word') {
      if (token.text === '.' && isCapitalized(tokens[j - 1])) {
        j++
        continue
      }
      break
    }
    if (!isCapitalized(token)) break
    const bare = withoutPossessive(token.text)
    if (!TITLE_WORDS.has(bare) && !STOPWORDS.has(bare.toLowerCase())) actor = canonicalPlace(bare)
    j++
  }
  return { actor, next: j }
}

/** "said that … would be willing to house": words of willingness within 40 tokens after a verb of speech make the statement an offer. */
function makesOffer(tokens: readonly Token[], verb: number): boolean {
  for (let n = verb + 1; n < tokens.length && n < verb + 40; n++) {
    const word = (tokens[n] as Token).lower
    if (word === 'willing' || word === 'offer' || word === 'offered' || word === 'ready')
      return true
  }
  return false
}

/**
 * The event the verb of a clause names, from token `j` (after its subject)
 * on, past up to six auxiliaries and adverbs: a lead verb gives way to the
 * one it leads ("plans to visit" is a visit); a verb of speech is an event
 * only as an offer, a verb of state or holding never.
 */
function clauseEvent(tokens: readonly Token[], j: number): string | null {
  for (let guard = 0; guard < 6 && j < tokens.length; guard++) {
    const token = tokens[j] as Token
    if (token.type !== 'word' || isCapitalized(token)) return null
    if (AUXILIARIES.has(token.lower) || /ly$/.test(token.lower)) {
      j++
      continue
    }
    let lemma = SPEECH_FORMS.test(token.lower)
      ? 'say'
      : (verbLemma(token) ?? presentLemma(token.lower) ?? token.lower)
    if (LEAD_VERBS.has(lemma) && tokens[j + 1]?.lower === 'to' && tokens[j + 2]) {
      lemma = (tokens[j + 2] as Token).lower
      j += 2
    }
    if (isReportingVerb(lemma)) return makesOffer(tokens, j) ? 'offer' : null
    if (STATE_VERBS.has(lemma) || HOLDING_VERBS.has(lemma)) return null
    return verbEvent(lemma)
  }
  return null
}

/** The subject and verb of a clause starting at `k`; a verb of speech whose words make an offer is an offer. */
function mainClause(
  tokens: readonly Token[],
  k: number,
): { events: string[]; actor: string | null } | null {
  const { actor, next } = clauseSubject(tokens, k)
  if (actor === null) return null
  const event = clauseEvent(tokens, next)
  return event ? { events: [event], actor } : null
}

/**
 * The measure of a claim, or null when its clause does not say what the value
 * is the value of (a number with no noun and no predicate, a day said of a
 * statement): such a claim is compared with no other. Actions have none; they
 * meet by who did what. Claims measured one after another share a `reading`
 * (see {@link MeasureReading}); the measure is the same without one.
 */
export function measureOf(
  claim: Claim,
  reading: MeasureReading = createMeasureReading(),
): Measure | null {
  if (claim.kind === 'action') return null
  const read = tokensOf(claim, reading)
  if (!read) return null
  const { tokens, first, last } = read
  return EVENT_KINDS.has(claim.kind)
    ? occasion(tokens, first, last)
    : quantity(claim, tokens, first, last)
}

/** A measure in words, for a reader: "dead at bataclan", "offer (bukele)". */
export function describeMeasure(measure: Measure): string {
  const head =
    measure.what === 'event' ? [...measure.events, ...measure.nouns].join('/') : measure.what
  const scope = measure.scope.length > 0 ? ` in ${measure.scope.join(', ')}` : ''
  const total = measure.total ? ' in all' : ''
  const actor =
    measure.actor && measure.actor !== '?' ? ` (${measure.actor.replace(/^#/, '')})` : ''
  return `${head}${scope}${total}${actor}`
}
