import { TITLED_WORK_NOUNS, verbAlternation } from '../lexicon/index.js'
import type { QuoteKind } from '../types.js'
import { CUE_AT_START, HAS_CUE, TERM_INTRO, WORK_BEFORE } from './cues.js'
import { wordCount } from './noun-phrases.js'
import type { Working } from './working.js'

// A verb of speech within a few words after the quote: "…,” the mayor said.
const CUE_SOON_AFTER = new RegExp(
  `^[\\s,]*\\S+(?:\\s+\\S+){0,5}?\\s+(?:${verbAlternation(['say'], ['past', 'third'])}|${verbAlternation(['add', 'write', 'tell', 'continue', 'state', 'explain', 'ask', 'reply', 'respond'], ['past'])})\\b`,
  'i',
)

// A capitalized owner, "on" or "interview with" right before the quote: "MSNBC’s", "on Friday’s",
// "an interview with".
const PROGRAMME = /(?:\p{Lu}[\p{L}\d.&-]*['’]s|\bon|\binterview with)\s*$/u

// A newsletter's headline credited to a writer of an outlet: "“Museum to close in May,” by
// Times’ Ben Sisario: …". The words are the headline's, not anyone's speech.
const CREDITED_HEADLINE =
  /^\s*by\s+(?:\p{Lu}[\p{L}\d.&-]*\s+){0,4}\p{Lu}[\p{L}\d.&-]*['’]s?\s+\p{Lu}/u

// A work of a kind that carries a title, then "called": "a film called “Home Again”" names the
// film; "called it a “gesture”" is someone's words, and so is the work's title in lower case.
const TITLED_WORK_CALLED = new RegExp(
  `\\b(?:${[...TITLED_WORK_NOUNS].join('|')})s?,?\\s+called\\s*$`,
  'i',
)

function isTitleCase(text: string): boolean {
  const words = text.match(/[\p{L}\d][\p{L}\d'’-]*/gu) ?? []
  const major = words.filter((w) => w.length > 3 || /^\p{Lu}/u.test(w))
  const capitalized = major.filter((w) => /^[\p{Lu}\d]/u.test(w)).length
  return major.length > 0 && capitalized / major.length >= 0.75
}

export function kindOf(
  item: Working,
  before: string,
  after: string,
  opensClause: boolean,
  doubleQuoted: boolean,
): QuoteKind {
  // (No test below asks about more than 12 words: a long quote is not counted to its end.
  // Counted only when first asked: most quotes open their clause and end like speech,
  // statements whatever their length.)
  let counted: number | undefined
  const words = () => (counted ??= wordCount(item.text, 12))
  const inner = item.text.trim()
  const endsLikeSpeech = /[.!?,…—–-]["”’]?$/.test(inner)
  // Whether a verb of speech stands beside the quote, asked only where the answer counts:
  // most quotes open their clause and end like speech, statements whatever it is.
  let cued: boolean | undefined
  const hasCue = () =>
    (cued ??=
      HAS_CUE.test(before) ||
      CUE_AT_START.test(after.replace(/^[\s,]+/, '')) ||
      CUE_SOON_AFTER.test(after))
  if (TERM_INTRO.test(before)) return 'term'
  if ((WORK_BEFORE.test(before) || TITLED_WORK_CALLED.test(before)) && isTitleCase(inner))
    return 'term'
  if (inner.endsWith(',') && CREDITED_HEADLINE.test(after)) return 'term'
  // "said on NBC’s “Meet the Press”", "host of MSNBC’s “Morning Joe”": a programme, a
  // show or a slogan named by its owner, even beside a cue. (The pattern first: it costs
  // less than counting the words, and most quotes are never counted after it.)
  if (PROGRAMME.test(before) && words() <= 8 && isTitleCase(inner)) return 'term'
  // Where speech is in double quotes, single quotes mark headlines and scare quotes.
  if (item.span.single && doubleQuoted) return 'term'
  if (item.span.single && !hasCue()) return words() >= 6 && endsLikeSpeech ? 'statement' : 'term'
  // A short quote in Title Case inside a sentence names a show, a book, an event.
  if (!opensClause && !hasCue() && words() <= 6 && isTitleCase(inner)) return 'term'
  if (opensClause && (endsLikeSpeech || words() >= 5)) return 'statement'
  if (endsLikeSpeech && words() >= 8) return 'statement'
  if (hasCue()) return words() >= 12 ? 'statement' : 'fragment'
  if (words() >= 6) return 'fragment'
  // Punctuation kept inside the marks ("a “strong leader,” comparing …") is how
  // news style quotes someone's words, not a name.
  if (endsLikeSpeech && !isTitleCase(inner)) return 'fragment'
  // A lower-case phrase of three words or more is someone's wording ("decried the GOP for
  // “turning its back”"); one or two words ("the “establishment” candidate") are as often a
  // scare quote as words said (on quotes-train, 56 of 68 such phrases of three words or more
  // are annotated quotes, 48 of 80 of two words).
  if (words() >= 3 && /^\p{Ll}/u.test(inner)) return 'fragment'
  return 'term'
}
