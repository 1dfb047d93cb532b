// The English parsers alone: the package's root also loads fifteen other locales, 0.4 s of
// every process's start, for the same `strict` parser (the root re-exports English's).
import * as chrono from 'chrono-node/en'
import {
  capitalized,
  pastOf,
  RELATIVE_DAYS,
  STOPWORDS,
  WEEKDAY_ALTERNATION,
  WEEKDAYS,
} from '../lexicon/index.js'
import { bisectLeft, bisectRight } from '../sorted.js'
import type { Found } from './found.js'

/** A calendar day as UTC midnight milliseconds; only the date part ever matters. */
type Day = number

const DAY_MS = 86_400_000
const pad = (n: number) => String(n).padStart(2, '0')

/** The article's publication day, or null when it has none or it is not an ISO date. */
export function publicationDay(published: string | null | undefined): Day | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(published ?? '')
  if (!m) return null
  const day = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))
  return Number.isNaN(day) ? null : day
}

const isoDay = (day: Day) => {
  const date = new Date(day)
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`
}

/** A date the text gives without a year, in an article that has no date to lend it one. */
export interface Unresolved {
  start: number
  end: number
}

const MONTH_NAME =
  /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b/i
const NUMERIC_DATE = /\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}/
const MONTH_DAY_SLASH = /^\d{1,2}\/\d{1,2}$/
const LEADING_TIME = /^at\s+\d{1,2}(?:[:.]\d{2})?(?:\s*[ap]\.?m\.?)?\s+/i
const LEADING_PREPOSITION = /^(?:on|by|from|until|till|since|as of|through)\s+/i
// What every date kept below has somewhere in it: a digit, and a month name or a
// numeric date. A sentence without them cannot yield one, so chrono (the
// costliest reader by far) is not run on it. A month name keeps its word
// boundaries in the sentence: chrono's month readers start after a non-word
// character and end before one.
const mayHoldDate = (text: string) =>
  /\d/.test(text) && (MONTH_NAME.test(text) || NUMERIC_DATE.test(text))
const TRAILING_TIME =
  /(?:,?\s+at\s+\d{1,2}(?:[:.]\d{2})?(?:\s*[ap]\.?m\.?)?|,?\s+\d{1,2}(?:[:.]\d{2})?\s*[ap]\.?m\.?)$/i

/**
 * Calendar dates with a day and a month ("February 3, 2025", "3 Feb",
 * "2025-02-03"), read by chrono's strict parser against the publication day
 * (never the clock). A date without a year takes the one chrono infers from
 * the publication day; without that day it is reported instead.
 */
function findCalendarDates(text: string, published: Day | null, unresolved: Unresolved[]): Found[] {
  const found: Found[] = []
  if (!mayHoldDate(text)) return found
  // Noon keeps the reference on the same calendar day in every time zone chrono may use.
  const reference = new Date((published ?? Date.UTC(2000, 0, 1)) + DAY_MS / 2)
  let results: chrono.ParsedResult[]
  try {
    results = chrono.strict.parse(text, reference)
  } catch {
    return found
  }
  for (const result of results) {
    const written = result.text
    // "9/11", "24/7": a month and day with a slash and no year is a name or a ratio.
    if (MONTH_DAY_SLASH.test(written)) continue
    // Only a date that is written out counts: chrono's strict mode also reads "a day after".
    if (!/\d/.test(written) || !(MONTH_NAME.test(written) || NUMERIC_DATE.test(written))) continue
    const known = result.start
    if (!known.isCertain('day') || !known.isCertain('month')) continue
    // The claim is the date: a time of day and a leading preposition stay out of it.
    const time = LEADING_TIME.exec(written)?.[0].length ?? 0
    const lead = LEADING_PREPOSITION.exec(written.slice(time))?.[0].length ?? 0
    const trail = TRAILING_TIME.exec(written)?.[0].length ?? 0
    const start = result.index + time + lead
    const end = Math.max(start, result.index + written.length - trail)
    if (!known.isCertain('year') && published === null) {
      unresolved.push({ start, end })
      continue
    }
    const year = known.get('year')
    const month = known.get('month')
    const day = known.get('day')
    if (year === null || month === null || day === null || year < 1000 || year > 2999) continue
    found.push({
      kind: 'date',
      start,
      end,
      value: `${year}-${pad(month)}-${pad(day)}`,
      unit: null,
      noun: null,
      qualifier: null,
    })
  }
  return found
}

const WEEKDAY = new RegExp(
  `(?:\\b(on|last|next|this|past|coming|until|by|from|since|early|late)\\s+)?\\b(${WEEKDAY_ALTERNATION})(?:['’]s)?\\b`,
  'gi',
)
const RELATIVE = new RegExp(
  `\\b(${[...RELATIVE_DAYS, ...RELATIVE_DAYS.map(capitalized)].join('|')})\\b(?!['’]s)`,
  'g',
)
// A sentence about what is yet to happen, with no past-tense reporting verb that would anchor it.
const FUTURE =
  /\b(?:will|shall|is|are|was|were)\s+(?:(?:set|scheduled|expected|due|slated|poised|going)\s+to\b)|\bwill\b|\bplans?\s+to\b|\bis\s+to\b/i
const PAST_REPORT = new RegExp(
  `\\b(?:${['say', 'tell', 'announce', 'add', 'write', 'state', 'report', 'confirm', 'declare'].map(pastOf).join('|')})\\b`,
  'i',
)
// Every weekday and relative day has one of these in it; most sentences have none.
const DAY_WORD = /day|tonight|tomorrow/i
const SHOWN_TEXT = new Set(['on', 'last', 'next', 'this', 'past', 'coming'])

const CLAUSE_BREAK = /[,;:—–()]|\s(?:that|but|and|while|after|before|when|because)\s/g

/**
 * Whether the clause a day stands in speaks of what is yet to happen ("will
 * meet on Thursday", "is set to visit"), with no past-tense reporting verb in
 * it. A fronted "On Tuesday," is read with the clause after it.
 */
function speaksOfFuture(
  text: string,
  breaks: readonly number[],
  start: number,
  end: number,
): boolean {
  // `breaks` is sorted and starts with 0 and ends with the text's length: binary searches
  // keep a run-on sentence of many days linear.
  const from = breaks[bisectRight(breaks, start) - 1] as number
  let next = bisectLeft(breaks, end)
  let to = breaks[next] as number
  const rest = `${text.slice(from, start)} ${text.slice(end, to)}`
  if (!/\p{L}{3,}\s+\p{L}+/u.test(rest.replace(/^[\s,;:—–()]*\p{L}*\s*$/u, ''))) {
    while (next < breaks.length - 1 && (breaks[next] as number) <= to) next++
    to = breaks[next] as number
  }
  const clause = text.slice(from, to)
  return FUTURE.test(clause) && !PAST_REPORT.test(clause)
}

/** "Super Tuesday", "Good Friday": a capitalized word (not a stopword) just before the day makes it a name. */
function namesDay(text: string, nameAt: number): boolean {
  const word = /(\p{L}[\p{L}'’-]*)\s+$/u.exec(text.slice(0, nameAt))
  const before = word?.[1] ?? ''
  return /^\p{Lu}/u.test(before) && !STOPWORDS.has(before.toLowerCase())
}

/**
 * Days from `published` to the weekday a modifier names: "next" and "coming"
 * look ahead, "last" and "past" back (a week when it is the same weekday); null
 * for any other, whose clause says which way (see {@link speaksOfFuture}).
 */
function modifiedShift(modifier: string | null, back: number, ahead: number): number | null {
  if (modifier === 'next' || modifier === 'coming') return ahead === 0 ? 7 : ahead
  if (modifier === 'last' || modifier === 'past') return -(back === 0 ? 7 : back)
  return null
}

/** Where a sentence's clauses break, read once for all its days: 0, each break, its length. */
interface ClauseBreaks {
  breaks: number[] | undefined
}

/**
 * A weekday match of {@link WEEKDAY} as a day claim, or null when it is no
 * day (lower case, or part of a name). Its value is the day's date when the
 * publication day is known, its name otherwise.
 */
function readWeekday(
  text: string,
  m: RegExpExecArray,
  published: Day | null,
  clauses: ClauseBreaks,
): Found | null {
  const modifier = m[1]?.toLowerCase() ?? null
  const name = m[2] as string
  const nameAt = m.index + m[0].indexOf(name)
  if (!/^\p{Lu}/u.test(name)) return null
  if (modifier === null && namesDay(text, nameAt)) return null
  const start = modifier !== null && SHOWN_TEXT.has(modifier) ? m.index : nameAt
  const weekday = WEEKDAYS.indexOf(name.toLowerCase() as (typeof WEEKDAYS)[number])
  let value: string = name.toLowerCase()
  if (published !== null) {
    const from = new Date(published).getUTCDay()
    const back = (from - weekday + 7) % 7
    const ahead = (weekday - from + 7) % 7
    let shift = modifiedShift(modifier, back, ahead)
    if (shift === null) {
      clauses.breaks ??= [0, ...[...text.matchAll(CLAUSE_BREAK)].map((b) => b.index), text.length]
      shift = speaksOfFuture(text, clauses.breaks, m.index, nameAt + name.length) ? ahead : -back
    }
    value = isoDay(published + shift * DAY_MS)
  }
  return {
    kind: 'day',
    start,
    end: nameAt + name.length,
    value,
    unit: null,
    noun: null,
    qualifier: null,
  }
}

/**
 * "yesterday", "today", "tonight", "tomorrow" as the day they name from the
 * publication day. A capitalized one counts only when it opens the sentence:
 * elsewhere it is part of a name ("USA Today").
 */
function addRelativeWords(found: Found[], text: string, published: Day): void {
  for (const m of text.matchAll(RELATIVE)) {
    const word = (m[1] as string).toLowerCase()
    if (/^\p{Lu}/u.test(m[1] as string) && text.slice(0, m.index).trim() !== '') continue
    const shift = word === 'yesterday' ? -1 : word === 'tomorrow' ? 1 : 0
    found.push({
      kind: 'day',
      start: m.index,
      end: m.index + word.length,
      value: isoDay(published + shift * DAY_MS),
      unit: null,
      noun: null,
      qualifier: null,
    })
  }
}

/**
 * Weekdays and relative days, resolved against the publication day: "on
 * Monday" is the most recent Monday on or before it, or the next one on or
 * after it when the sentence speaks of the future; "next Monday" is after,
 * "last Monday" before. Without a publication day a weekday keeps its name
 * and a relative day is left out.
 */
function findRelativeDays(text: string, published: Day | null): Found[] {
  const found: Found[] = []
  if (!DAY_WORD.test(text)) return found
  const clauses: ClauseBreaks = { breaks: undefined }
  for (const m of text.matchAll(WEEKDAY)) {
    const day = readWeekday(text, m, published, clauses)
    if (day) found.push(day)
  }
  if (published !== null) addRelativeWords(found, text, published)
  return found
}

/**
 * Whether {@link findDates} on `text` depends on the publication day: only a sentence
 * that may hold a calendar date or names a day ("Monday", "yesterday") reads it; any
 * other gives no dates whatever the day.
 */
export const readsPublicationDay = (text: string): boolean =>
  mayHoldDate(text) || DAY_WORD.test(text)

/** Dates and days in one sentence, with the dates that could not be placed in a year. */
export function findDates(
  text: string,
  published: Day | null,
): { found: Found[]; unresolved: Unresolved[] } {
  const unresolved: Unresolved[] = []
  const found = [
    ...findCalendarDates(text, published, unresolved),
    ...findRelativeDays(text, published),
  ]
  return { found, unresolved }
}
