/** The days of the week in lower case, Sunday first: a day's index is its `Date#getUTCDay()`. */
export const WEEKDAYS = [
  'sunday',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
] as const

/** The months in lower case, January first: a month's index is its `Date#getUTCMonth()`. */
export const MONTHS: readonly string[] = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
]

/** Months abbreviated, in lower case, without a period: "jan", "sept", "dec". */
export const MONTH_ABBREVIATIONS: readonly string[] = [
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
]

/** Whether a lower-case word names a day of the week. */
export const isWeekday = (word: string): boolean => (WEEKDAYS as readonly string[]).includes(word)

/** Days named from the day of writing: "yesterday", "today", "tonight", "tomorrow". */
export const RELATIVE_DAYS: readonly string[] = ['yesterday', 'today', 'tonight', 'tomorrow']

/** Times named from another time, before or after it: "earlier", "later". */
export const RELATIVE_TIMES: readonly string[] = ['earlier', 'later']

/**
 * What follows a number that is a clock time, lower case, without a final
 * period: "a.m", "pm", "o'clock" and the time zones news writes ("GMT", "EST").
 */
export const CLOCK_WORDS: readonly string[] = `
  a.m am p.m pm o'clock o’clock gmt utc et est edt pt pst pdt ct cst cdt mt mst mdt bst cet cest ist jst
  aest hrs h
`
  .trim()
  .split(/\s+/)

/** Parts of a day that follow a day's name: "Monday morning", "last night". */
export const DAY_PARTS: readonly string[] = ['morning', 'afternoon', 'evening', 'night']

/** A word with its first letter in upper case: "monday" → "Monday". */
export const capitalized = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1)

/** `WEEKDAYS` capitalized, as a regular-expression alternation: "Sunday|Monday|…". */
export const WEEKDAY_ALTERNATION = WEEKDAYS.map(capitalized).join('|')
