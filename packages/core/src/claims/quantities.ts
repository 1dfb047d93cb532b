import { CLOCK_WORDS, STOPWORDS } from '../lexicon/index.js'
import type { ClaimQualifier, NumericClaimKind } from '../types.js'
import type { Found } from './found.js'
import {
  ATTACHED_UNITS,
  COMPOUND_UNITS,
  CURRENCY_CODES,
  CURRENCY_SIGNS,
  CURRENCY_WORDS,
  IDENTIFIER_WORDS,
  isPlural,
  MONTHS,
  QUALIFIER_PATTERNS,
  SCALE_ABBREVIATIONS,
  SCALES,
  SMALL_NUMBERS,
  singular,
  UNIT_CLASSES,
  VAGUE_AMOUNTS,
} from './lexicon.js'
import { type NounPhrase, readNounPhrase } from './noun-phrase.js'
import { isPossessive } from './possessive.js'
import { isCapitalized, isInnerHyphen, type Token, touches } from './tokens.js'

// Floating point products ("1.1 million") are rounded back to what was written.
const tidy = (n: number) => Number(n.toPrecision(12))

const DIGITS = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/
const YEAR_PREPOSITIONS = new Set(
  'in since by until till from during before after through between circa and or of year fiscal mid early late to'.split(
    ' ',
  ),
)
const CLOCK: ReadonlySet<string> = new Set(CLOCK_WORDS)
const FRACTION =
  /^(?:halves|thirds?|quarters?|fourths?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?)$/i
const COUNTRY_DOLLARS: ReadonlyMap<string, string> = new Map([
  ['us', 'USD'],
  ['u.s', 'USD'],
  ['american', 'USD'],
  ['canadian', 'CAD'],
  ['australian', 'AUD'],
  ['singapore', 'SGD'],
  ['taiwan', 'TWD'],
  ['zealand', 'NZD'],
  ['kong', 'HKD'],
])

interface Core {
  value: number
  first: number
  last: number
  vague: boolean
  /** The digits as written, for a number written in digits. */
  digits: string | null
}

const lower = (token: Token | undefined) => (token ? token.lower : '')

function atSentenceStart(tokens: readonly Token[], index: number): boolean {
  for (let k = index - 1; k >= 0; k--) {
    const t = tokens[k] as Token
    if (t.type !== 'mark' || !/^["“‘'([]$/.test(t.text)) return false
  }
  return true
}

/** A spelled number word; capitalized only at the start of a sentence ("Five people …", never "Air Force One"). */
function numberWord(tokens: readonly Token[], index: number): string | null {
  const token = tokens[index]
  if (token?.type !== 'word') return null
  if (/^\p{Lu}/u.test(token.text) && !atSentenceStart(tokens, index)) return null
  if (token.text.length > 1 && token.text === token.text.toUpperCase()) return null
  return token.lower
}

/** "half a million": half of a scale word of a thousand or more, never "half an hour". */
function readHalfScale(tokens: readonly Token[], i: number): Core | null {
  if (!/^an?$/.test(lower(tokens[i + 1]))) return null
  const scale = SCALES.get(lower(tokens[i + 2]))
  if (scale && scale >= 1e3)
    return { value: scale / 2, first: i, last: i + 2, vague: false, digits: null }
  return null
}

/** What a spelled number adds up to so far, and the kind of word read last. */
interface Spelling {
  total: number
  current: number
  /** The last token of the number so far; -1 before its first word. */
  last: number
  previous: 'small' | 'tens' | 'hundred' | 'scale' | 'a' | null
}

/**
 * Adds the number word `word` (token `j`) to `s`; false when it cannot go on
 * the number. Words follow the order English writes them in: "a" only first
 * and only before a scale or "dozen" ("a million", not "a five"); a unit only
 * after a tens word ("twenty five", never "five six"); "hundred" and
 * "dozen" multiply what stands before them, a scale closes a group.
 */
function addNumberWord(s: Spelling, word: string, tokens: readonly Token[], j: number): boolean {
  const small = SMALL_NUMBERS.get(word)
  const scale = SCALES.get(word)
  if ((word === 'a' || word === 'an') && s.previous === null) {
    const nextWord = lower(tokens[j + 1])
    if (!SCALES.has(nextWord) && nextWord !== 'dozen') return false
    s.current = 1
    s.previous = 'a'
  } else if (small !== undefined) {
    const joinsTens = s.previous === 'tens' && small < 10
    if (s.previous === 'small' || (s.previous === 'tens' && !joinsTens) || s.previous === 'a')
      return false
    s.current += small
    s.previous = small >= 20 && small % 10 === 0 ? 'tens' : 'small'
  } else if (word === 'hundred') {
    s.current = (s.current || 1) * 100
    s.previous = 'hundred'
  } else if (scale !== undefined) {
    s.total += (s.current || 1) * scale
    s.current = 0
    s.previous = 'scale'
  } else if (word === 'dozen') {
    s.current = (s.current || 1) * 12
    s.previous = 'hundred'
  } else {
    return false
  }
  return true
}

/** "twenty-five": a hyphen between a tens word and a unit keeps the number going. */
function hyphenJoinsUnit(s: Spelling, tokens: readonly Token[], j: number): boolean {
  return (
    s.previous === 'tens' &&
    isInnerHyphen(tokens, j + 1) &&
    (SMALL_NUMBERS.get(lower(tokens[j + 2])) ?? 10) < 10
  )
}

/** A number written in words from token `i` on: "two hundred and five", "a dozen", "half a million". */
function readSpelled(tokens: readonly Token[], i: number): Core | null {
  const first = numberWord(tokens, i)
  if (first === null) return null
  if (first === 'half') return readHalfScale(tokens, i)
  const s: Spelling = { total: 0, current: 0, last: -1, previous: null }
  let j = i
  while (j < tokens.length) {
    const word = j === i ? first : numberWord(tokens, j)
    if (word === null) break
    // "two hundred and five": "and" joins a unit or tens word to a hundred or a scale.
    if (word === 'and' && (s.previous === 'hundred' || s.previous === 'scale')) {
      if (SMALL_NUMBERS.get(lower(tokens[j + 1])) === undefined) break
      j++
      continue
    }
    if (!addNumberWord(s, word, tokens, j)) break
    s.last = j
    j += hyphenJoinsUnit(s, tokens, j) ? 2 : 1
  }
  if (s.last < 0 || s.previous === 'a') return null
  const value = s.total + s.current
  // A lone "one" is a pronoun or an article far more often than a count.
  if (value <= 1 && s.last === i) return null
  return { value, first: i, last: s.last, vague: false, digits: null }
}

function readVague(tokens: readonly Token[], i: number): Core | null {
  const word = numberWord(tokens, i)
  if (word === null) return null
  // "tens of thousands", "hundreds of millions"
  if ((word === 'tens' || word === 'hundreds') && lower(tokens[i + 1]) === 'of') {
    const inner = VAGUE_AMOUNTS.get(lower(tokens[i + 2]))
    if (inner && inner >= 1e3)
      return {
        value: (word === 'tens' ? 10 : 100) * inner,
        first: i,
        last: i + 2,
        vague: true,
        digits: null,
      }
  }
  const amount = VAGUE_AMOUNTS.get(word)
  if (amount !== undefined) return { value: amount, first: i, last: i, vague: true, digits: null }
  // "several thousand", "a few hundred", "many millions"
  const scaleWord = word === 'a' && lower(tokens[i + 1]) === 'few' ? i + 2 : i + 1
  if (word === 'several' || word === 'many' || (word === 'a' && scaleWord === i + 2)) {
    const next = lower(tokens[scaleWord])
    const scale = SCALES.get(next) ?? VAGUE_AMOUNTS.get(next) ?? (next === 'dozen' ? 12 : undefined)
    if (scale !== undefined)
      return { value: scale, first: i, last: scaleWord, vague: true, digits: null }
  }
  return null
}

// The words a spelled or vague amount can open with (see readVague and
// readSpelled); every other word is passed over without reading further.
const OPENING_WORDS = new Set([
  ...SMALL_NUMBERS.keys(),
  ...SCALES.keys(),
  ...VAGUE_AMOUNTS.keys(),
  'a',
  'an',
  'half',
  'dozen',
  'tens',
  'several',
  'many',
])

/** Whether an amount can start at this token: digits or a word in OPENING_WORDS. */
const opensAmount = (token: Token | undefined): token is Token =>
  token !== undefined &&
  (token.type === 'number' || (token.type === 'word' && OPENING_WORDS.has(token.lower)))

function readCore(tokens: readonly Token[], i: number): Core | null {
  const token = tokens[i]
  if (!opensAmount(token)) return null
  if (token.type === 'number') {
    if (!DIGITS.test(token.text)) return null
    let value = Number(token.text.replace(/,/g, ''))
    let last = i
    const next = tokens[i + 1]
    const scale = SCALES.get(lower(next))
    if (scale !== undefined && next?.type === 'word' && next.text === next.lower) {
      value = tidy(value * scale)
      last = i + 1
    }
    return { value, first: i, last, vague: false, digits: token.text }
  }
  return readVague(tokens, i) ?? readSpelled(tokens, i)
}

function qualifierBefore(text: string, at: number): { qualifier: ClaimQualifier; start: number } {
  const before = text.slice(Math.max(0, at - 40), at)
  for (const [pattern, qualifier] of QUALIFIER_PATTERNS) {
    const m = pattern.exec(before)
    if (m) return { qualifier, start: at - before.length + m.index }
  }
  return { qualifier: null, start: at }
}

function unitOf(phrase: NounPhrase): { unit: string; factor: number } {
  if (phrase.proper) return { unit: 'people', factor: 1 }
  const [first, second] = phrase.words
  if (first && second) {
    const compound = COMPOUND_UNITS.get(`${first} ${singular(second)}`)
    if (compound) return compound
  }
  const key = singular(phrase.written.toLowerCase())
  const known = UNIT_CLASSES.get(key) ?? UNIT_CLASSES.get(key.split('-').pop() ?? key)
  if (known) return known
  return { unit: key, factor: 1 }
}

type Outcome = { found: Found | null; next: number }

/** A quantity being read, step by step: its tokens so far and what they say. */
interface Reading {
  readonly text: string
  readonly tokens: readonly Token[]
  readonly core: Core
  /** First token: the number's, or a currency sign's before it. */
  start: number
  /** Last token of the number and of what is attached to it ("5bn", "40km"). */
  last: number
  /** Last token of the whole quantity, the noun it counts included. */
  end: number
  value: number
  kind: NumericClaimKind
  unit: string | null
  noun: string | null
  factor: number
  currency: string | null
  /** "May 2024": a year after a month, never a count. */
  monthYear: boolean
}

/** What a step says of the number: not a quantity, a quantity read to its end, or go on. */
type Step = 'skip' | 'done' | 'more'

/**
 * Reads the quantity that starts at token `i`, if one does: the number, what
 * is written around it (currency, percent, unit, the noun it counts) and the
 * words that bound it. `next` is the token to go on from. Each step reads one
 * thing around the number, in this order.
 */
function readQuantity(text: string, tokens: readonly Token[], i: number): Outcome | null {
  const core = readCore(tokens, i)
  if (!core) return null
  const reading: Reading = {
    text,
    tokens,
    core,
    start: core.first,
    last: core.last,
    end: core.last,
    value: core.value,
    kind: 'count',
    unit: null,
    noun: null,
    factor: 1,
    currency: null,
    monthYear: false,
  }
  readCurrencySign(reading)
  reading.kind = reading.currency ? 'money' : 'count'
  reading.unit = reading.currency
  if (!standsAlone(reading) || isRatio(reading) || !readAttached(reading))
    return { found: null, next: core.last + 1 }
  reading.end = reading.last
  for (const step of [readPercentage, readCurrencyWord, readCompound, readCountedNoun]) {
    const said = step(reading)
    if (said === 'skip') return { found: null, next: core.last + 1 }
    if (said === 'done') return finish(reading)
  }
  if (
    reading.noun === null &&
    reading.unit === null &&
    core.digits !== null &&
    /^\d{4}$/.test(core.digits) &&
    inYearRange(reading)
  )
    return finishYear(reading)
  // "(1)", a list marker inside a sentence.
  if (
    reading.noun === null &&
    tokens[core.first - 1]?.text === '(' &&
    tokens[core.last + 1]?.text === ')'
  )
    return { found: null, next: core.last + 1 }
  return finish(reading)
}

/** A currency sign or code right before the number: "$", "US$", "EUR 5". */
function readCurrencySign(reading: Reading): void {
  const { tokens } = reading
  const sign = tokens[reading.start - 1]
  if (
    sign?.type === 'mark' &&
    touches(sign, tokens[reading.start]) &&
    CURRENCY_SIGNS.get(sign.text)
  ) {
    reading.start--
    reading.currency = CURRENCY_SIGNS.get(sign.text) as string
    const prefix = tokens[reading.start - 1]
    const combined = prefix ? CURRENCY_SIGNS.get(`${prefix.text}${sign.text}`) : undefined
    if (prefix && combined && touches(prefix, sign)) {
      reading.start--
      reading.currency = combined
    }
  } else if (sign?.type === 'word' && CURRENCY_CODES.has(sign.text)) {
    reading.start--
    reading.currency = sign.text
  }
}

/**
 * Whether the number stands on its own: not glued to a word or a sign ("A4",
 * "#3", "v2.0"), not an identifier ("No. 5", "Title 42", "Boeing 737"); a
 * month before a four-digit year marks a month and year.
 */
function standsAlone(reading: Reading): boolean {
  const { tokens, core, start } = reading
  const before = tokens[start - 1]
  const first = tokens[start] as Token
  if (touches(before, first) && before) {
    if (before.type === 'word') return false
    if (before.text === '-') {
      const word = lower(tokens[start - 2])
      if (touches(tokens[start - 2], before) && !/^(?:mid|early|late|pre|post)$/.test(word))
        return false
    }
    if (/^[#/:.@+^&=_\\*]$/.test(before.text)) return false
  }
  if (
    before?.type === 'mark' &&
    before.text === '.' &&
    IDENTIFIER_WORDS.has(lower(tokens[start - 2]))
  )
    return false
  if (before?.type === 'word') {
    const word = before.lower
    if (IDENTIFIER_WORDS.has(word) && (isCapitalized(before) || word === 'number')) return false
    if (isCapitalized(before) && MONTHS.has(word)) {
      if (!(core.digits && /^\d{4}$/.test(core.digits))) return false
      reading.monthYear = true
    } else if (
      isCapitalized(before) &&
      !isPossessive(word) &&
      !STOPWORDS.has(word) &&
      !CURRENCY_CODES.has(before.text) &&
      !QUALIFIER_PATTERNS.some(([pattern]) => pattern.test(`${word} `))
    ) {
      // "Apollo 11", "Title 42", "Boeing 737": a number after a name is part of it.
      return false
    }
  }
  return true
}

/** "one in five", "1 out of 3": a ratio, not a count. */
function isRatio({ tokens, start }: Reading): boolean {
  const before = tokens[start - 1]
  if (lower(before) === 'in' || (lower(before) === 'of' && lower(tokens[start - 2]) === 'out')) {
    const k = lower(before) === 'in' ? start - 2 : start - 3
    if (tokens[k]?.type === 'number' || SMALL_NUMBERS.has(lower(tokens[k]))) return true
  }
  return false
}

/**
 * What touches the number after it: a scale ("5bn"), a unit ("40km"); false
 * for what makes it no quantity ("18th", "1990s", "3/4", "10:30", a list
 * marker "1." opening a sentence) and for a time of day ("10 am").
 */
function readAttached(reading: Reading): boolean {
  const { tokens, core } = reading
  const after = tokens[reading.last + 1]
  if (touches(tokens[reading.last], after) && after) {
    const word = after.lower
    if (after.type === 'word') {
      const scale = SCALE_ABBREVIATIONS.get(word)
      if (scale !== undefined && (reading.currency || word !== 'm')) {
        reading.value = tidy(reading.value * scale)
        reading.last++
      } else if (ATTACHED_UNITS.has(word)) {
        const known = UNIT_CLASSES.get(word)
        if (known) {
          reading.unit = known.unit
          reading.factor = known.factor
          reading.noun = after.text
        }
        reading.last++
      } else {
        // "18th", "1990s", "3D", "10am"
        return false
      }
    } else if (after.text === '/' || after.text === ':') {
      return false
    } else if (after.text === '-' && touches(after, tokens[reading.last + 2])) {
      if (tokens[reading.last + 2]?.type === 'number') return false
    } else if (after.text === '.' || after.text === ')') {
      // "1." or "1)" opening a sentence is a list marker.
      if (core.first === 0 || (after.text === ')' && atSentenceStart(tokens, core.first)))
        return false
    }
  }
  const next = tokens[reading.last + 1]
  return !(next?.type === 'word' && CLOCK.has(next.lower) && core.digits)
}

/** "40%", "40 percent", "3 percentage points", with what it is a percentage of. */
function readPercentage(reading: Reading): Step {
  const { tokens } = reading
  const at = (k: number) => lower(tokens[k])
  const { end } = reading
  if (tokens[end + 1]?.text === '%') {
    reading.end++
  } else if (at(end + 1) === 'percent' || at(end + 1) === 'pct') {
    reading.end++
  } else if (at(end + 1) === 'per' && at(end + 2) === 'cent') {
    reading.end += 2
  } else if (at(end + 1) === 'percentage' && /^points?$/.test(at(end + 2))) {
    reading.kind = 'percentage'
    reading.unit = 'percentage-point'
    reading.end += 2
  }
  if (reading.end === end) return 'more'
  if (reading.kind !== 'percentage') {
    reading.kind = 'percentage'
    reading.unit = 'percent'
  }
  const phrase =
    at(reading.end + 1) === 'of'
      ? readNounPhrase(reading.text, tokens, reading.end + 1, 'number')
      : null
  if (phrase && phrase !== 'name') reading.noun = phrase.written
  return 'done'
}

/**
 * A currency named after the amount ("6 million dollars", "5 billion euros",
 * "US dollars", "20 cents"), with the noun the money is for.
 */
function readCurrencyWord(reading: Reading): Step {
  const { tokens } = reading
  const at = (k: number) => lower(tokens[k])
  if (!reading.currency) {
    let k = reading.end + 1
    let currency: string | null = null
    const country = COUNTRY_DOLLARS.get(at(k))
    if (country && /^dollars?$/.test(at(k + (tokens[k + 1]?.text === '.' ? 2 : 1)))) {
      currency = country
      k += tokens[k + 1]?.text === '.' ? 2 : 1
    } else if (at(k) === 'hong' && at(k + 1) === 'kong' && /^dollars?$/.test(at(k + 2))) {
      currency = 'HKD'
      k += 2
    } else if (at(k) === 'new' && at(k + 1) === 'zealand' && /^dollars?$/.test(at(k + 2))) {
      currency = 'NZD'
      k += 2
    }
    const word = at(k)
    if (currency) {
      reading.end = k
    } else if (CURRENCY_WORDS.get(singular(word)) && (word !== 'won' || reading.value >= 1000)) {
      currency = CURRENCY_WORDS.get(singular(word)) as string
      reading.end = k
    } else if (/^pounds?$/.test(word) && at(k + 1) === 'sterling') {
      currency = 'GBP'
      reading.end = k + 1
    } else if (tokens[k] && CURRENCY_CODES.has(tokens[k]?.text ?? '')) {
      currency = tokens[k]?.text ?? null
      reading.end = k
    } else if (/^cents?$/.test(word)) {
      currency = 'USD'
      reading.value = tidy(reading.value / 100)
      reading.end = k
    }
    if (currency) {
      reading.currency = currency
      reading.kind = 'money'
      reading.unit = currency
    }
  }
  if (reading.kind !== 'money') return 'more'
  const phrase = readNounPhrase(reading.text, tokens, reading.end + 1, 'number')
  if (phrase && phrase !== 'name' && !phrase.words.some((w) => UNIT_CLASSES.has(singular(w))))
    reading.noun = phrase.written
  return 'done'
}

/** "40,000-bed", "five-stop", "34-year-old", "10-day": a compound adjective names the unit. */
function readCompound(reading: Reading): Step {
  const { tokens } = reading
  if (reading.noun !== null) return 'more'
  if (
    !(
      tokens[reading.end + 1]?.text === '-' && touches(tokens[reading.end], tokens[reading.end + 1])
    )
  )
    return 'more'
  let k = reading.end + 1
  const parts: string[] = []
  while (isInnerHyphen(tokens, k) && tokens[k + 1]?.type === 'word') {
    parts.push((tokens[k + 1] as Token).text)
    k += 2
  }
  if (parts.length === 0) return 'more'
  let head = parts[0] as string
  const scale = SCALES.get(head.toLowerCase())
  if (scale !== undefined && scale >= 1e3) {
    reading.value = tidy(reading.value * scale)
    parts.shift()
    head = parts[0] ?? ''
  }
  const compound = parts.join('-')
  // "two-thirds": a fraction, not a count.
  if (FRACTION.test(compound)) return 'skip'
  if (/^(?:year|years)-old$/i.test(compound)) {
    reading.unit = 'age'
    reading.noun = compound
  } else if (/^(?:percent|per-cent)$/i.test(compound)) {
    reading.kind = 'percentage'
    reading.unit = 'percent'
  } else if (head !== '') {
    const known = UNIT_CLASSES.get(singular(head))
    reading.unit = known ? known.unit : singular(head)
    reading.factor = known ? known.factor : 1
    reading.noun = compound
  }
  reading.end = k - 1
  if (reading.currency) reading.kind = 'money'
  return 'done'
}

/** The noun the number counts ("40,000 inmates"); a number in a name ("10 Downing Street") is none. */
function readCountedNoun(reading: Reading): Step {
  if (reading.noun !== null) return 'more'
  const phrase = readNounPhrase(reading.text, reading.tokens, reading.end + 1, 'number')
  if (phrase === 'name') return 'skip'
  if (phrase) {
    const { digits } = reading.core
    const isYearish = digits !== null && /^\d{4}$/.test(digits)
    const measured = unitOf(phrase)
    const known = UNIT_CLASSES.has(singular(phrase.written.toLowerCase())) || phrase.proper
    if (!(isYearish && (!known || !isPlural(phrase.written)) && inYearRange(reading))) {
      reading.noun = phrase.written
      reading.unit = measured.unit
      reading.factor = measured.factor
      reading.end = phrase.last
    }
  }
  return 'more'
}

function inYearRange({ tokens, start, monthYear, value, core }: Reading): boolean {
  const previous = lower(tokens[start - 1])
  const loose = YEAR_PREPOSITIONS.has(previous) || monthYear
  return value >= (loose ? 1000 : 1900) && value <= 2100 && core.digits !== null && !core.vague
}

function finishYear({ tokens, start, monthYear, core }: Reading): Outcome {
  const from = monthYear ? (tokens[start - 1] as Token).start : (tokens[start] as Token).start
  return {
    found: {
      kind: 'year',
      start: from,
      end: (tokens[core.last] as Token).end,
      value: core.value,
      unit: null,
      noun: null,
      qualifier: null,
    },
    next: core.last + 1,
  }
}

function finish(reading: Reading): Outcome {
  const { text, tokens, core, start, end } = reading
  if (reading.monthYear) return { found: null, next: core.last + 1 }
  const bound = qualifierBefore(text, (tokens[start] as Token).start)
  // "over 10 years" is a span of time, not more than ten years.
  const during = reading.unit === 's' && /^over\s/i.test(text.slice(bound.start))
  const { qualifier, start: from } = during
    ? { qualifier: null, start: (tokens[start] as Token).start }
    : bound
  const headEnd = (tokens[end] as Token).end
  return {
    found: {
      kind: reading.kind,
      start: from,
      end: trimPossessive(text, headEnd),
      value: tidy(reading.value * reading.factor),
      unit: reading.unit,
      noun: reading.noun,
      qualifier: qualifier ?? (core.vague ? 'more-than' : null),
    },
    next: end + 1,
  }
}

function trimPossessive(text: string, end: number): number {
  return isPossessive(text.slice(0, end)) ? end - 2 : end
}

/** Numbers with what they count or measure, money, percentages and years, in text order. */
export function findQuantities(text: string, tokens: readonly Token[], before = ''): Found[] {
  const found: Found[] = []
  let i = 0
  // "No. 1 seed": a sentence split after "No." starts with a rank, not a count.
  if (tokens[0]?.type === 'number' && /\b(?:No|Nos|Number|Vol|Art)\.?\s*$|#\s*$/i.test(before))
    i = 1
  while (i < tokens.length) {
    const outcome = opensAmount(tokens[i]) ? readQuantity(text, tokens, i) : null
    if (!outcome) {
      i++
      continue
    }
    if (outcome.found && outcome.found.end > outcome.found.start) found.push(outcome.found)
    i = Math.max(i + 1, outcome.next)
  }
  return found
}
