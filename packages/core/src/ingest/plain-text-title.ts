import type { Block } from './block.js'
import {
  ADVERTISEMENT,
  BYLINE,
  CREDIT_ONLY,
  DATE_HEADER,
  DATELINE,
  PAGE_MACHINERY,
  wordCount,
} from './boilerplate-patterns.js'
import { normalizeDate } from './metadata.js'

const MIN_WORDS = 2
const MAX_WORDS = 25
const MAX_LENGTH = 200
// Headlines open with a capital, a digit or a quote mark, never mid-sentence.
const OPENS = /^[\p{Lu}\d‘’“"'¿¡#$€£]/u
// A comma, colon or semicolon at the end is a line cut off, not a headline.
const CUT_OFF = /[,;:–—-]["”’')\]]*$/
const SENTENCE_STOP = /[.?!]["”’')\]]*$/
const CREDITED = /^(?:co-?authored|written|reported|edited|compiled) by\b/i
// A stop after a lowercase word and then a capital: a second sentence. "U.S." and "Dr." are not.
const SECOND_SENTENCE = /\p{Ll}{3,}[.!?]["”’')\]]*\s+["“‘']?\p{Lu}/u
const URL = /^(?:https?:\/\/|www\.)\S+$/i

/**
 * Title Case: at least three words longer than three letters, and at least
 * `share` of them start with a capital.
 */
export function isTitleCase(line: string, share = 0.8): boolean {
  const words = line.split(/\s+/).filter((word) => /^\p{L}/u.test(word) && word.length > 3)
  const capitalized = words.filter((word) => /^\p{Lu}/u.test(word)).length
  return words.length >= 3 && capitalized / words.length >= share
}

/**
 * Whether the first block of a plain text is its headline: one line of 2–25
 * words that opens like a headline and ends without a comma, colon or
 * semicolon. A full stop, question or exclamation mark at the end, or a
 * second sentence, is allowed only on a line in Title Case throughout, since
 * a lead paragraph has them too.
 * Datelines, bylines, date headers, credits, ads and bare dates or links are
 * not headlines.
 */
export function isPlainTextTitle(block: Block): boolean {
  const text = block.text
  if (block.runs.length !== 1 || text.length > MAX_LENGTH) return false
  const words = wordCount(text)
  if (words < MIN_WORDS || words > MAX_WORDS) return false
  if (!OPENS.test(text) || CUT_OFF.test(text)) return false
  // A lead ends like this too; a headline that does is in Title Case throughout.
  const stops = SENTENCE_STOP.test(text) || SECOND_SENTENCE.test(text)
  if (stops && !isTitleCase(text, 0.9)) return false
  if (DATELINE.test(text) || BYLINE.test(text) || DATE_HEADER.test(text)) return false
  if (CREDIT_ONLY.test(text) || ADVERTISEMENT.test(text) || PAGE_MACHINERY.test(text)) return false
  if (URL.test(text) || CREDITED.test(text)) return false
  return !(words <= 8 && /\d/.test(text) && normalizeDate(text) !== null)
}
