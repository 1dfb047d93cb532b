import { DEMONSTRATIVES, INTERROGATIVES, PREPOSITIONS, SUBJECT_PRONOUNS } from '../lexicon/index.js'

// Words that are never a name, even capitalized: interrogatives, pronouns,
// conjunctions, adverbs of the sentence, quantifiers that stand alone and
// prepositions ("Nothing really changed", "When asked").
const NEVER_A_NAME = new RegExp(
  `^(?:${[
    ...INTERROGATIVES,
    ...DEMONSTRATIVES,
    ...SUBJECT_PRONOUNS,
    ...PREPOSITIONS,
    ...`whose whatever whoever nothing nobody none noone everything something anything there here
    such but and or so yet if as while however meanwhile also then now still even just only indeed
    instead perhaps maybe yes no not all both each every either neither much more less any other`.split(
      /\s+/,
    ),
  ].join('|')})$`,
  'i',
)

/** A word of grammar, capitalized or not: an interrogative, a pronoun, a preposition ("What", "In"). */
export function isGrammarWord(word: string): boolean {
  return NEVER_A_NAME.test(word)
}

/**
 * Whether a single capitalized word that stands where a speaker goes may be a
 * name. Never a word of grammar ("Nothing", "When", "There"). Where a verb of
 * speech vouches for it ("…,” Sharp said") that is all; `strict`, where
 * nothing does ("Nothing really changed", "Transcript as follows:"), the
 * article must also write it capitalized inside a sentence ("…, Sharp
 * said", "told Young"): a common word capitalized only where sentences start
 * is no name. Acronyms ("AFP") pass.
 */
export function isWrittenAsName(text: string, word: string, strict = false): boolean {
  if (NEVER_A_NAME.test(word)) return false
  if (/^\p{Lu}{2,}s?$/u.test(word)) return true
  if (!strict) return true
  return occurrences(text, word).some((at) => insideSentence(text, at))
}

/** Where `word` stands in `text` as a whole word. */
function occurrences(text: string, word: string): number[] {
  const found: number[] = []
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    if (/[\p{L}\p{N}]/u.test(text.charAt(at - 1))) continue
    if (/[\p{L}\p{N}]/u.test(text.charAt(at + word.length))) continue
    found.push(at)
  }
  return found
}

/** Whether the word at `at` stands inside a sentence: a word, a comma or a dash before it, or a quote closed after one. */
export function insideSentence(text: string, at: number): boolean {
  let before = at - 1
  while (before >= 0 && /[ \t\u00a0]/.test(text.charAt(before))) before--
  if (before < 0) return false
  let mark = text.charAt(before)
  // A closing quote: what stands before it decides ("…,” Sharp said", "….” Sharp").
  if (/["”’]/.test(mark)) {
    const inner = text.charAt(before - 1)
    if (mark === '"' && (before === 0 || /\s/.test(inner))) return false
    mark = inner
  }
  return /[\p{L}\p{N},;–—-]/u.test(mark)
}
