import {
  BEFORE_VERB_ADVERBS,
  DEMONSTRATIVES,
  INDEFINITE_PRONOUNS,
  isReportingVerb,
  isWeekday,
  OBJECT_PRONOUNS,
  POSSESSIVE_DETERMINERS,
  RELATIVE_DAYS,
  RELATIVE_TIMES,
  STOPWORDS,
  SUBJECT_PRONOUNS,
} from '../lexicon/index.js'
import type { Found } from './found.js'
import { MONTHS, NOT_PLACE_WORDS, singular, TITLE_WORDS } from './lexicon.js'
import { DETERMINERS, type NounPhrase, PARTICLES, readNounPhrase } from './noun-phrase.js'
import { fromCapitals } from './places.js'
import { bareWord, isPossessive } from './possessive.js'
import { isCapitalized, isLowerWord, type Token, touches } from './tokens.js'
import { ingLemma, pastLemma, presentLemma } from './verb-lemmas.js'

// General English only: auxiliaries and modals, and the irregular past forms a verb
// of action takes in news. Verbs that report speech are no action (quotes cover what
// was said): the lexicon's reporting verbs.

/** Forms that stay alike in the past ("put", "cut"): a verb only after "has", "had" or as past by context. */
const SAME_PAST = new Set([
  'put',
  'set',
  'hit',
  'cut',
  'let',
  'cast',
  'hurt',
  'quit',
  'shut',
  'spread',
  'upset',
  'bid',
])

const PRONOUNS = new Set([
  ...SUBJECT_PRONOUNS,
  ...DEMONSTRATIVES,
  'there',
  'here',
  'who',
  'what',
  'which',
  ...POSSESSIVE_DETERMINERS,
  'one',
  ...INDEFINITE_PRONOUNS,
])
const OBJECTS = new Set([...OBJECT_PRONOUNS, 'this', 'that'])
const HAVE = new Set(['has', 'have', 'had'])
const BE = new Set(['is', 'are', 'was', 'were'])
/** Words between a subject and its verb that do not change who did what (with -ly adverbs, see readVerb). */
const ADVERBS = new Set([
  ...BEFORE_VERB_ADVERBS,
  'already',
  'since',
  'now',
  'just',
  'first',
  'still',
])
const NEGATIONS = new Set(['not', 'never', "didn't", 'didn’t', 'no'])
/** Words that open a sentence but are no part of a name: "Yesterday Rubio …". */
const OPENERS = new Set([
  ...RELATIVE_DAYS.filter((day) => day !== 'tomorrow'),
  ...RELATIVE_TIMES,
  ...`meanwhile however also then now still instead last next this that but and so thus`.split(' '),
])
/** Department words a title takes after "of": "Secretary of State Marco Rubio". */
const TITLE_OF = new Set(
  `State Defense Defence Homeland Security Treasury Commerce Labor Labour Health Human Services
  Education Energy Agriculture Interior Transportation Justice War Veterans Affairs Housing Urban
  Development Foreign Finance Home Staff the`.split(/\s+/),
)

const isQuoteMark = (token: Token | undefined) =>
  token?.type === 'mark' && /^["“”„«»‘’'`]$/.test(token.text)

/** The words of a name from token `first` to `last`, a full stop kept on the word it ends ("Mr.", "W."). */
function nameWords(tokens: readonly Token[], first: number, last: number): string[] {
  const parts: string[] = []
  for (let i = first; i <= last; i++) {
    const token = tokens[i] as Token
    if (token.type === 'word') parts.push(token.text)
    else if (token.text === '.' && parts.length > 0) parts[parts.length - 1] += '.'
  }
  return parts
}

interface Subject {
  first: number
  last: number
  name: string
}

const lower = (token: Token | undefined) => token?.lower ?? ''

/** The words of a subject being read. */
interface SubjectScan {
  /** The next token to read. */
  j: number
  /** Where the name begins (after the last title or role word), -1 before it; its last token. */
  nameStart: number
  last: number
  /** Capitalized words read. */
  words: number
}

/**
 * A capitalized word of the subject: a word of the name, or a title the name
 * follows ("Secretary of State Marco Rubio"). False for a word that makes it
 * no named subject: an opener ("Yesterday"), a month or day, a possessive.
 */
function takeSubjectCapital(tokens: readonly Token[], scan: SubjectScan, token: Token): boolean {
  const plain = token.lower.replace(/\.$/, '')
  if (STOPWORDS.has(plain) || OPENERS.has(plain) || MONTHS.has(plain) || isWeekday(plain))
    return false
  const word = bareWord(token.text)
  if (scan.nameStart < 0) scan.nameStart = scan.j
  scan.last = scan.j
  scan.words++
  // "Mr." and initials ("Christian K. Caruzo") keep their dot.
  if (
    tokens[scan.j + 1]?.text === '.' &&
    touches(token, tokens[scan.j + 1]) &&
    token.text.length <= 3
  )
    scan.j++
  scan.j++
  if (isPossessive(token.text)) return false
  if (TITLE_WORDS.has(word)) {
    scan.nameStart = -1
    // "Secretary of State", "Minister of Foreign Affairs"
    if (tokens[scan.j]?.text === 'of') {
      scan.j++
      while (TITLE_OF.has(tokens[scan.j]?.text ?? '')) scan.j++
    }
  }
  return true
}

/**
 * A lower-case word inside the subject, passed over: a particle between words
 * of a name ("Bank of America"), or a role word between names, which starts the
 * name afresh ("Tech billionaire Elon Musk", "State Department spokeswoman
 * Tammy Bruce"). False where the subject ends.
 */
function passSubjectLink(tokens: readonly Token[], scan: SubjectScan, token: Token): boolean {
  const next = tokens[scan.j + 1]
  if (
    token.type === 'word' &&
    PARTICLES.has(token.text) &&
    scan.nameStart >= 0 &&
    isCapitalized(next)
  ) {
    scan.j++
    return true
  }
  if (
    isLowerWord(token) &&
    scan.words > 0 &&
    !STOPWORDS.has(token.lower) &&
    isCapitalized(next) &&
    !/(?:ed|ing)$/.test(token.lower)
  ) {
    scan.nameStart = -1
    scan.j++
    return true
  }
  return false
}

/**
 * A named subject starting at token `k`: capitalized words with particles
 * ("Human Rights Watch"), a title before the name ("Secretary of State Marco
 * Rubio", "Salvadoran President Nayib Bukele") and lower-case role words
 * between capitalized ones ("Tech billionaire Elon Musk"). The name is what
 * follows the last title or role word.
 */
function readSubject(tokens: readonly Token[], k: number): Subject | null {
  const first = k
  const scan: SubjectScan = {
    j: tokens[k]?.lower === 'the' && isCapitalized(tokens[k + 1]) ? k + 1 : k,
    nameStart: -1,
    last: -1,
    words: 0,
  }
  while (scan.j < tokens.length) {
    const token = tokens[scan.j] as Token
    if (isCapitalized(token)) {
      if (!takeSubjectCapital(tokens, scan, token)) return null
    } else if (!passSubjectLink(tokens, scan, token)) {
      break
    }
  }
  let { nameStart } = scan
  const { last } = scan
  if (nameStart < 0 || last < nameStart) return null
  // "the Justice Department": a title word that names an institution's field.
  if (nameStart === last && NOT_PLACE_WORDS.has(bareWord((tokens[last] as Token).text))) {
    while (nameStart > first && isCapitalized(tokens[nameStart - 1])) nameStart--
  }
  const parts = nameWords(tokens, nameStart, last)
  // A lone word that opens the sentence: a pronoun or a plural noun ("Police", "Officials").
  if (parts.length === 1) {
    const only = (parts[0] as string).toLowerCase()
    if (PRONOUNS.has(only) || (first === 0 && singular(only) !== only)) return null
    if ((parts[0] as string).length < 2) return null
  }
  return { first, last, name: fromCapitals(parts).join(' ') }
}

interface Verb {
  at: number
  lemma: string
}

/** The main verb after a subject ending at token `k`: "visited", "has offered", "is conducting". */
function readVerb(tokens: readonly Token[], k: number): Verb | null {
  let j = k
  let aux: 'have' | 'be' | null = null
  for (let guard = 0; guard < 5 && j < tokens.length; guard++) {
    const token = tokens[j] as Token
    if (token.type !== 'word' || !isLowerWord(token)) return null
    const word = token.lower
    if (NEGATIONS.has(word)) return null
    if (ADVERBS.has(word) || (word.endsWith('ly') && word.length > 4 && !STOPWORDS.has(word))) {
      j++
      continue
    }
    if (aux === null && HAVE.has(word)) {
      aux = 'have'
      j++
      continue
    }
    if (aux === null && BE.has(word)) {
      aux = 'be'
      j++
      continue
    }
    if (aux === 'be') {
      const lemma = ingLemma(word)
      return lemma ? { at: j, lemma } : null
    }
    if (word === 'been' || STOPWORDS.has(word)) return null
    const past = pastLemma(word)
    if (past) return { at: j, lemma: past }
    if (aux === 'have' && SAME_PAST.has(word)) return { at: j, lemma: word }
    if (aux === null) {
      const present = presentLemma(word)
      const next = tokens[j + 1]
      // A present form only before a determiner or a name, so that a plural noun is not read as one.
      if (present && next && (DETERMINERS.has(next.lower) || isCapitalized(next)))
        return { at: j, lemma: present }
    }
    return null
  }
  return null
}

interface Head {
  first: number
  last: number
  value: string
  written: string
}

/**
 * The head of the object after the verb at `k`: the last word of a noun
 * phrase ("the Bukele offer" → "offer"), a whole name ("El Salvador"), or
 * the verb of an infinitive ("offered to house" → "house").
 */
function readObject(tokens: readonly Token[], k: number, text: string): Head | null {
  if (lower(tokens[k]) === 'to') return readInfinitive(tokens, k)
  if (OBJECTS.has(lower(tokens[k])) && !DETERMINERS.has(lower(tokens[k + 1]))) return null
  let j = k
  if (DETERMINERS.has(lower(tokens[j])) && !isCapitalized(tokens[j])) j++
  else if (tokens[j]?.lower === 'the') j++
  const phrase = readNounPhrase(text, tokens, j, 'verb')
  return phrase ? headOf(tokens, phrase) : null
}

/** "offered to house": the verb of the infinitive, an adverb before it passed over. */
function readInfinitive(tokens: readonly Token[], k: number): Head | null {
  let j = k
  if (/ly$/.test(lower(tokens[j + 1]))) j++
  const verb = tokens[j + 1]
  if (!isLowerWord(verb) || STOPWORDS.has(lower(verb))) return null
  const v = verb as Token
  return { first: j + 1, last: j + 1, value: v.lower, written: v.text }
}

/** The head's value: a name as written, else the common noun singular and in lower case; no pronoun. */
function headOf(tokens: readonly Token[], { first, last, written }: NounPhrase): Head | null {
  const head = tokens[first] as Token
  if (isCapitalized(head)) {
    const value = fromCapitals(nameWords(tokens, first, last)).join(' ')
    return { first, last, value, written }
  }
  if (PRONOUNS.has(head.lower)) return null
  return { first, last, value: singular(head.lower), written }
}

/** Skips an aside after a subject: "Rubio — in remarks … —", "Rubio, who commended …,". */
function afterAside(tokens: readonly Token[], k: number): number {
  const token = tokens[k]
  if (token?.type !== 'mark') return k
  const close =
    token.text === '(' ? ')' : token.text === '—' || token.text === '–' ? token.text : null
  if (close) {
    for (let j = k + 1; j < tokens.length; j++) if (tokens[j]?.text === close) return j + 1
    return k
  }
  if (token.text === ',' && tokens[k + 1]?.lower === 'who') {
    for (let j = k + 2; j < tokens.length; j++) {
      if (isQuoteMark(tokens[j])) return k
      if (tokens[j]?.text === ',') return j + 1
    }
  }
  return k
}

function actionAt(tokens: readonly Token[], k: number, text: string): Found | null {
  const subject = readSubject(tokens, k)
  if (!subject) return null
  const verb = readVerb(tokens, afterAside(tokens, subject.last + 1))
  if (!verb || isReportingVerb(verb.lemma)) return null
  const object = readObject(tokens, verb.at + 1, text)
  if (!object) return null
  for (let i = subject.first; i <= object.last; i++) if (isQuoteMark(tokens[i])) return null
  return {
    kind: 'action',
    start: (tokens[subject.first] as Token).start,
    end: (tokens[object.last] as Token).end,
    value: `${subject.name} ${verb.lemma} ${object.value}`,
    unit: null,
    noun: object.written,
    qualifier: null,
  }
}

/**
 * Who did what in a sentence's main clause: a named subject (a person or an
 * organization, titles allowed), its main verb as a lemma and the head of its
 * object, e.g. "Nayib Bukele offer house". The clause starts the sentence or
 * follows an opening phrase and a comma ("Last month, President Trump signed
 * …"). Verbs of speech, auxiliaries alone, modals, negated and passive verbs,
 * pronoun subjects and sentences that open with a quotation mark give none.
 */
export function findActions(text: string, tokens: readonly Token[]): Found[] {
  const first = tokens[0]
  if (!first || isQuoteMark(first) || first.type !== 'word') return []
  const found = actionAt(tokens, 0, text)
  if (found) return [found]
  // "During his visit to El Salvador on Monday, President Nayib Bukele …": a phrase that
  // opens with a lower-case word's capital (a preposition or a time) and ends in a comma.
  if (!STOPWORDS.has(first.lower) && !OPENERS.has(first.lower)) return []
  for (let k = 1; k < tokens.length && k < 25; k++) {
    const token = tokens[k] as Token
    if (isQuoteMark(token)) return []
    if (token.text === ',') {
      const after = actionAt(tokens, k + 1, text)
      return after ? [after] : []
    }
  }
  return []
}
