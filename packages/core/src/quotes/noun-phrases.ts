import {
  ABBREVIATION_ALTERNATION,
  ARTICLES,
  AUXILIARY_VERBS,
  BEFORE_VERB_ADVERBS,
  capitalized,
  DOCUMENT_NOUNS,
  GROUP_NOUNS,
  genderOfGivenName,
  IRREGULAR_PASTS,
  LY_NOUN_ALTERNATION,
  MODALS,
  MONTHS,
  OBJECT_PRONOUNS,
  PLACE_PREPOSITIONS,
  PLURAL_QUANTIFIERS,
  POSSESSIVE_DETERMINERS,
  PREPOSITIONS,
  RELATIVE_DAYS,
  RELATIVE_TIMES,
  SENTENCE_ADVERBS,
  SPEECH_NOUNS,
  SUBJECT_PARTICLES,
  SUBJECT_PRONOUNS,
  verbAlternation,
  WEEKDAYS,
} from '../lexicon/index.js'
import { isGrammarWord } from './proper-name.js'
import {
  isPeopleNoun,
  isRoleWord,
  LEADING_ARTICLE,
  MENTION_OPENERS,
  parseSpeakerMention,
  type SpeakerMention,
  speakerNounKind,
} from './speaker-mention.js'
import {
  isCountOfPeople,
  isUsableMention,
  POSSESSIVE_LEAD,
  speaksAsNominal,
} from './usable-mention.js'
import { isWhiteSpace } from './white-space.js'

// Adverbs ending in -ly are the last alternative's, all but the nouns that end so.
const ADVERB = new RegExp(
  `^(?:${BEFORE_VERB_ADVERBS.join('|')}|further|earlier|often|always|never|sometimes|still|has|had|have|was|were|is|would|will|had\\s+earlier|(?!(?:${LY_NOUN_ALTERNATION})$)[a-z]+ly)$`,
  'i',
)
// (A word that starts after no letter, as in NOUN_LEAD: "Matías" ends in no "as".)
const CLAUSE_BREAK =
  /(?:[;:“”"(]|\s—\s|\s–\s|\s--\s|(?<![\p{L}\p{N}])(?:that|and|but|while|as|when|after|before|because|which|who|whom|where|whether|if|though|although|since|so|or|to)\s)/giu
// What ends the noun phrase after a cue: a mark, or a preposition, a relative word, another
// cue ("told", "adding") or a word of time (the relative days but "tomorrow").
const NP_AFTER_CUE_END = new RegExp(
  `[,.;:!?—–(“”"]|\\s(?:in|on|at|to|during|after|before|about|of|from|with|for|when|while|who|as|that|this|last|${verbAlternation(['tell'], ['past'])}|${verbAlternation(['add', 'say'], ['ing'])}|according|via|through|over|under|${RELATIVE_TIMES.join('|')}|${RELATIVE_DAYS.filter((day) => day !== 'tomorrow').join('|')}|recently|then)\\s`,
  'i',
)

// A stop that ends a sentence, read where a stop stands (sticky): closing marks, white space,
// then a capital, a quote or the end.
const SENTENCE_END_AT = /[.!?](?:["”’)]+)?\s+(?=[\p{Lu}"“‘(]|$)/uy
// A phrase that opens with a count of people: "one aide", "another official", "several lawyers".
const COUNTED_LEAD = new RegExp(
  `^(?:${MENTION_OPENERS.filter((word) => !ARTICLES.includes(word)).join('|')})\\s`,
  'i',
)
// A phrase that opens with an article or a third person's possessive: "the …", "his …".
const OWNED_LEAD = new RegExp(
  `^(?:${[...ARTICLES, ...POSSESSIVE_DETERMINERS.filter((word) => !['our', 'my', 'your'].includes(word))].join('|')})\\s`,
  'i',
)
// "the former first lady and": a role before "and" that a second role follows.
const COORDINATED_ROLE = new RegExp(
  `(?:^|\\s)((?:${ARTICLES.join('|')})\\s+(?:[\\p{L}.’'-]+\\s+){0,5}?[\\p{L}.’'-]+)\\s+and\\s+$`,
  'iu',
)
// What a noun follows: a determiner or a possessive 's (not the 's of "he's", "that's").
// The word starts after no letter at all, not at \b, which knows only ASCII letters: the "a"
// that ends "Peña" or "García" is no article ("Ana Peña said").
const NOUN_LEAD = new RegExp(
  `(?:(?<![\\p{L}\\p{N}])(?:${[...ARTICLES, 'these', 'those', ...POSSESSIVE_DETERMINERS, 'such', 'whose'].join('|')})|(?<!(?<![\\p{L}\\p{N}])(?:he|she|it|that|who|there|what|here|where))[’']s)\\s+$`,
  'iu',
)

/**
 * Where the last sentence of `text` starts: after its last full stop,
 * question or exclamation mark that a capital, a quote or the end follows;
 * 0 when there is none. "John F. Kerry", "Sen. Claire McCaskill": an initial
 * or a title's stop ends no sentence.
 */
export function lastSentenceStart(text: string): number {
  // Only the last stop that ends a sentence counts: the stops are found from the last back
  // and tested where they stand, and most texts are settled at their last one (a scan from
  // the start read the whole paragraph before each quote).
  for (let at = lastStopBefore(text, text.length); at >= 0; at = lastStopBefore(text, at)) {
    SENTENCE_END_AT.lastIndex = at
    if (SENTENCE_END_AT.test(text) && !NP_ABBREVIATION.test(wordEndingAt(text, at + 1)))
      return SENTENCE_END_AT.lastIndex
  }
  return 0
}

/** Where the last full stop, question or exclamation mark of `text` before `end` stands, or -1. */
export function lastStopBefore(text: string, end: number): number {
  // One read back that stops at the nearest stop: three `lastIndexOf` calls read a text
  // without a "!" back to its start on every call. (A negative `end` reads the first
  // character alone, as `lastIndexOf` does from a negative start.)
  if (end === 0) return -1
  for (let at = Math.max(0, Math.min(end, text.length) - 1); at >= 0; at--) {
    const code = text.charCodeAt(at)
    if (code === 0x2e || code === 0x21 || code === 0x3f) return at
  }
  return -1
}

/** The word of `text` that ends at `end`, as far back as white space: `text.slice(0, end).split(/\s+/).pop()` without splitting it all. */
function wordEndingAt(text: string, end: number): string {
  let start = end
  while (start > 0 && !isWhiteSpace(text.charCodeAt(start - 1))) start--
  return text.slice(start, end)
}

// A role beside a name: "a spokeswoman for the agency", "the group's director"; not "who …" nor a place or age.
export const ROLE_APPOSITIVE =
  /^(?!(?:who|whom|whose|which|where|when)\s)(?:(?:a|an|the|his|her|their|its)\s+)?(?:[\p{L}’'-]+\s+){0,8}[\p{L}’'.-]+$/u

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu

/** How many words `text` holds, counted no further than `limit`. */
export function wordCount(text: string, limit = Number.POSITIVE_INFINITY): number {
  let count = 0
  WORD.lastIndex = 0
  // (test, not exec: a global pattern moves on just the same, with no match to build.)
  while (count < limit && WORD.test(text)) count++
  WORD.lastIndex = 0
  return count
}

// A focus adverb, then a determiner: "even a", "only the".
const FOCUS_BEFORE_DETERMINER = new RegExp(
  `^(?:even|also|only|just)\\s+(?=(?:${[...ARTICLES, ...POSSESSIVE_DETERMINERS].join('|')})\\s)`,
  'i',
)

// Single words that open a sentence as adverbs before its subject: "Later, the senator said",
// "Outside, the protesters chanted", "Meanwhile, the mayor", "Moreover, the mayor".
const FRONTED_ADVERBS = new Set([
  ...RELATIVE_TIMES,
  ...RELATIVE_DAYS,
  ...PLACE_PREPOSITIONS,
  ...SENTENCE_ADVERBS,
])
// The endings of adverbs made from adjectives: "Similarly", "Ultimately", "Separately". Not
// "-lly", "-elly", "-erly" alone, which end surnames ("Connolly", "Donnelly", "Beverly").
const ADVERB_ENDING =
  /^\p{Lu}\p{Ll}{2,}(?:ally|ately|ently|antly|ously|ively|arly|ibly|ably|edly|ingly|fully|ctly|stly|ily)$/u

/** Whether `words` is one word that stands before a sentence's subject as an adverb, not a name. */
function isFrontedAdverb(words: string): boolean {
  if (/\s/.test(words)) return false
  return (
    isGrammarWord(words) ||
    FRONTED_ADVERBS.has(words.toLowerCase()) ||
    // (A given name in "-ly" is a name: "Emily", "Shelly".)
    (ADVERB_ENDING.test(words) && genderOfGivenName(words) === null)
  )
}

/** The noun phrase ending a stretch of text, parentheticals set off by commas or dashes skipped. */
export function trailingNounPhrase(text: string): { text: string; at: number } | null {
  let end = text.length
  // The appositive skipped on the way, which names the person's role: ", a spokeswoman for the agency,".
  let appositive = ''
  for (let guard = 0; guard < 5; guard++) {
    let trimmedEnd = end
    while (trimmedEnd > 0 && isWhiteSpace(text.charCodeAt(trimmedEnd - 1))) trimmedEnd--
    const stretch = text.slice(0, trimmedEnd)
    // Strip adverbs between the subject and the verb: "Rubio also said". (Read back from
    // the end word by word: the whole stretch is never cut into words.)
    let cut = stretch.length
    for (;;) {
      let wordStart = cut
      while (wordStart > 0 && !isWhiteSpace(stretch.charCodeAt(wordStart - 1))) wordStart--
      const word = stretch.slice(wordStart, cut)
      if (
        wordStart === 0 ||
        !(
          ADVERB.test(word) ||
          (LOWER_CASE_ADVERB.test(word) && !DETERMINER_BEFORE.test(stretch.slice(0, wordStart)))
        )
      )
        break
      cut = wordStart
      while (cut > 0 && isWhiteSpace(stretch.charCodeAt(cut - 1))) cut--
    }
    const candidate = stretch.slice(0, cut)
    const last = candidate.at(-1)
    if (last === ',' || last === '—' || last === '–' || last === ')') {
      // A parenthetical or appositive before the verb: the subject stands before it.
      const opener = last === ')' ? '(' : last
      const start = candidate.lastIndexOf(opener === ',' ? ',' : opener, candidate.length - 2)
      if (start < 0) return null
      if (guard === 0 && opener === ',') appositive = candidate.slice(start + 1, -1).trim()
      end = start
      continue
    }
    // The phrase starts after the last comma or clause break. (The breaks are looked for after
    // the comma only: none holds a comma, so a break before it ends before it.)
    const comma = candidate.lastIndexOf(',')
    let from = comma + 1
    CLAUSE_BREAK.lastIndex = from
    for (let m = CLAUSE_BREAK.exec(candidate); m; m = CLAUSE_BREAK.exec(candidate))
      if (!isAndInName(candidate, m.index, m[0])) from = m.index + m[0].length
    // Never reach back into the sentence before: "The board met. Superintendent Karen Doyle".
    const sentenceStart = lastSentenceStart(candidate)
    from = Math.max(from, sentenceStart)
    // "even a senior aide said": a focus adverb before the phrase's determiner is no part of it.
    let phrase = candidate.slice(from).trim().replace(FOCUS_BEFORE_DETERMINER, '')
    if (phrase === '' || trimmedEnd === 0) return null
    // "Tom Reyes, 22, of Flint, Mich.,", "Jean Roe, a pollster who works with Fair Vote,":
    // an age, a phrase a preposition opens or a role's relative clause goes on with the
    // appositive before it; the subject stands before that.
    if (comma >= 0 && continuesAppositive(candidate.slice(comma + 1, from), phrase)) {
      end = comma
      continue
    }
    // "the former first lady and U.S. senator": two roles of one person. (The phrase's own
    // words first: most name no role, and the pattern reads every character before them.)
    if (!OWNED_LEAD.test(phrase) && isRoleWord(phrase.split(/\s+/).pop() ?? '')) {
      const coordinated = COORDINATED_ROLE.exec(
        candidate.slice(Math.max(sentenceStart, comma + 1), from),
      )
      if (coordinated && (coordinated[1] as string).split(/\s+/).some((w) => isRoleWord(w))) {
        phrase = `${coordinated[1]} and ${phrase}`
        from = candidate.lastIndexOf(phrase, from)
      }
    }
    const at = candidate.indexOf(phrase, from)
    // "Jean Roe, the foreign minister of France": a role set after a name belongs to it.
    if (
      comma >= 0 &&
      comma + 1 === from &&
      (LEADING_ARTICLE.test(phrase) || isRoleWord(phrase.split(/\s+/)[0] ?? ''))
    ) {
      const prevStart = Math.max(
        candidate.lastIndexOf(',', comma - 1) + 1,
        lastSentenceStart(candidate.slice(0, comma)),
      )
      const name = candidate.slice(prevStart, comma).trim()
      // "At a news conference in Springfield, the mayor", "Later, the senator": a fronted
      // phrase or adverb is no name; nor is a phrase with words in lower case but "of" and a
      // name's particles ("Speaking on Good Morning Ohio, the mayor"), nor the place
      // that ends a fronted phrase ("At a forum in Dayton, Ohio, the teacher").
      const person =
        /^\p{Lu}/u.test(name) &&
        !LEADING_PREPOSITION.test(name) &&
        !isFrontedAdverb(name) &&
        !LOWER_CASE_WORD_IN_NAME.test(name) &&
        !endsFrontedPhrase(candidate, prevStart, name)
          ? parseSpeakerMention(name)
          : null
      if (person?.form === 'name' && person.kind === 'person')
        return { text: `${name}, ${phrase}`, at: candidate.indexOf(name, prevStart) }
    }
    // "a deal he says", "the maps Hale now says": a noun, then the subject of a
    // clause that tells of it without "that"; that subject speaks, not the noun.
    // (Only a phrase right before the verb: past a comma the phrase may be the subject's own,
    // "The editor I worked with, Tom Hale, said".)
    const subject = guard === 0 ? relativeSubject(phrase) : null
    if (subject) return { text: subject, at: at + phrase.length - subject.length }
    if (ROLE_APPOSITIVE.test(appositive) && /^\p{Lu}/u.test(phrase))
      return { text: `${phrase}, ${appositive}`, at }
    return { text: phrase, at }
  }
  return null
}

// Capitalized words after "of", "for" or "on", up to an "and": "of Parks and", "for Water and".
const NAME_BEFORE_AND = /\b(?:of|for|on)\s+(?:the\s+)?(?:\p{Lu}[\p{L}'’.-]*\s+){1,3}$/u
const CAPITALIZED_WORD = /^\p{Lu}[\p{L}'’-]*/u

/**
 * Whether the clause break `word` at `at` is an "and" inside a body's name: "the Office of
 * Parks and Coastal Access", "the Center for Water and Rural Policy". Not before a given
 * name, which starts a second person ("the Office of Tourism and Jane Roe").
 */
function isAndInName(text: string, at: number, word: string): boolean {
  if (word !== 'and ') return false
  const rest = text.slice(at + word.length)
  const next = CAPITALIZED_WORD.exec(rest)?.[0]
  // A title ("and Mayor Tom Hale", "and Dr. Ann Lee") or two capitalized words that end the
  // phrase without a body's noun ("and Kwame Mensah") start a person.
  const person = PERSON_AFTER_AND.exec(rest)
  return (
    next !== undefined &&
    genderOfGivenName(next) === null &&
    !isRoleWord(next.replace(/\.$/, '')) &&
    rest[next.length] !== '.' &&
    !(person && !BODY_NOUN.test(person[1] as string)) &&
    NAME_BEFORE_AND.test(text.slice(Math.max(0, at - 60), at))
  )
}

// Two capitalized words and nothing after them: "Kwame Mensah", "Human Services".
const PERSON_AFTER_AND = /^\p{Lu}[\p{L}'’-]*\s+(\p{Lu}[\p{L}'’-]*)\s*$/u
// The last word of a body's name after "and": "Human Services", "Regional Security".
const BODY_NOUN =
  /^(?:Services|Security|Affairs|Development|Policy|Access|Resources|Safety|Planning|Management|Studies|Research|Technology|Justice|Health|Welfare|Energy|Environment|Education|Commerce|Labor|Transportation|Defense|Works|Parks|Recreation|Conservation|Trade|Industry|Finance|Reform|Culture|Sport|Sports|Tourism|Housing|Innovation|Science|Sciences|Arts)$/
// A determiner that ends a stretch: a word after it is its noun, no adverb ("the first").
const DETERMINER_BEFORE = /(?:^|\s)(?:the|a|an|his|her|its|their|this|that)\s*$/i

// Words between a subject and its verb that are adverbs only in lower case ("Hale now says",
// "He himself said"; "America First" is a name).
// ("first" is none: "the first said" is a nominal.)
const LOWER_CASE_ADVERB = /^(?:now|even|already|just|too|himself|herself|themselves)$/
// A determiner, a noun and at most two words before it, then a subject pronoun: "a deal
// he", "the road they" (not "The senator said he": a verb among the words).
const PRONOUN_AFTER_NOUN =
  /^(?:[Tt]he|[Aa]n?|[Tt]hese|[Tt]hose|[Ee]very)\s+((?:\p{Ll}[\p{L}-]*\s+){1,3})(he|she|they|we|I)$/u
const VERB_WORD = new RegExp(
  `^(?:\\p{Ll}+ed|${[...IRREGULAR_PASTS, ...AUXILIARY_VERBS, ...MODALS].join('|')})$`,
  'u',
)
// A plural noun in lower case, then a name: "the maps Hale", "the fees Roe".
const NAME_AFTER_PLURAL =
  /(?:^|\s)(\p{Ll}[\p{L}-]*[^s\s]s)\s+((?:\p{Lu}[\p{L}'’.-]*\s+){0,2}\p{Lu}[\p{L}'’.-]*)$/u

// The "s" and white space that end the plural of `NAME_AFTER_PLURAL`.
const PLURAL_BEFORE_SPACE = /s\s/
/**
 * The subject that ends `phrase` after a noun it does not belong to: a pronoun, which never
 * goes on a noun phrase ("a deal he"), or a name after a plural that names no one
 * ("the maps Hale"; not "fellow senators Jane Roe"). Null otherwise.
 */
function relativeSubject(phrase: string): string | null {
  // Both patterns are asked only where their ends may stand: a pronoun ends in "e", "y" or
  // "I" ("he", "they", "I"), and a name after a plural needs an "s" and white space before it
  // ("the maps Hale"); most phrases ("Tom Hale", "the mayor") have neither.
  const last = phrase.charCodeAt(phrase.length - 1)
  const pronoun =
    last === 0x65 || last === 0x79 || last === 0x49 ? PRONOUN_AFTER_NOUN.exec(phrase) : null
  if (pronoun) {
    const words = (pronoun[1] as string).trim().split(/\s+/)
    const noun = words.at(-1) as string
    return words.some((word) => VERB_WORD.test(word)) || speakerNounKind(noun) !== null
      ? null
      : (pronoun[2] as string)
  }
  const named = PLURAL_BEFORE_SPACE.test(phrase) ? NAME_AFTER_PLURAL.exec(phrase) : null
  if (!named || speakerNounKind(named[1] as string) !== null || isRoleWord(named[1] as string))
    return null
  return named[2] as string
}

// A word in lower case that is neither "of" nor a name's particle ("de", "van").
const LOWER_CASE_WORD_IN_NAME = new RegExp(
  `(?:^|\\s)(?!(?:of|${SUBJECT_PARTICLES.join('|')})(?:\\s|$))\\p{Ll}`,
  'u',
)

/**
 * Whether the words `name`, from `start`, go on with a phrase fronted before the sentence's
 * subject as the rest of its place: the sentence opens with a preposition, its first comma
 * stands right before `start` after a place's capitalized words ("At a forum in Dayton, Ohio",
 * "At the meeting in Salem, Oregon Monday"), and `name` opens with no given name ("In Ohio,
 * Tom Hale, the county chairman" is a person and his role; "After the vote, Jane Roe, the
 * mayor" has no place before the name).
 */
function endsFrontedPhrase(text: string, start: number, name: string): boolean {
  const sentenceStart = lastSentenceStart(text.slice(0, start))
  const opening = text.slice(sentenceStart, start)
  return (
    opening.indexOf(',') === opening.length - 1 &&
    LEADING_PREPOSITION.test(opening.trimStart()) &&
    PLACE_BEFORE_COMMA.test(opening) &&
    genderOfGivenName(name.split(/\s+/)[0] as string) === null
  )
}

// A preposition of place and a capitalized word or two, then a comma: "in Dayton,", "at Salem,".
const PLACE_BEFORE_COMMA =
  /\b(?:in|at|near|from|outside|of)\s+(?:\p{Lu}[\p{L}.’'-]*\s+){0,2}\p{Lu}[\p{L}.’'-]*,$/iu

// An age, or "of", "from", "at" opening a phrase: "22", "of Flint" (not "with", "in": "…, with
// Jane Roe calling it", "…, in what Jane Roe called" hold a subject).
const APPOSITIVE_TAIL = /^(?:\d{1,3}|(?:of|from|at)\s.*)$/s
// A role and a relative word: "a pollster who".
const ROLE_RELATIVE = /^\s*(?:a|an|the)\s[^,]*\b(?:who|which)\s+$/i

/** Whether `phrase`, after `lead` and the comma before it, goes on with an appositive rather than naming anyone. */
function continuesAppositive(lead: string, phrase: string): boolean {
  return lead.trim() === '' ? APPOSITIVE_TAIL.test(phrase) : ROLE_RELATIVE.test(lead)
}

/** A cue word used as a noun: after a determiner, a possessive or "of" plus an adjective ("the states", "her claims", "of Republican claims"). */
export function isNounUse(text: string, at: number): boolean {
  const lead = text.slice(Math.max(0, at - 40), at)
  // "state senator", "state officials": an adjective before people.
  const stateOf = text.startsWith('state', at) ? /^state\s+([\p{L}-]+)/u.exec(text.slice(at)) : null
  if (stateOf && isPeopleNoun(stateOf[1] as string)) return true
  return (
    endsInNounLead(lead) ||
    (/^(?!says\b)\p{Ll}+s\b/u.test(text.slice(at)) &&
      (/\bof\s+(?:\p{Lu}[\p{L}-]*\s+)?$/u.test(lead) || QUANTIFIER_LEAD.test(lead))) ||
    isNounAfterModifiers(text, at, lead)
  )
}

/**
 * Whether `lead` ends in `NOUN_LEAD`, read off its last characters only: the determiner or the
 * "'s" ends where the white space at the end starts, and neither they nor the words their
 * lookbehinds read ("there's") stand more than 8 characters before it.
 */
function endsInNounLead(lead: string): boolean {
  let end = lead.length
  while (end > 0 && isWhiteSpace(lead.charCodeAt(end - 1))) end--
  if (end === lead.length) return false
  return NOUN_LEAD.test(end > 12 ? lead.slice(end - 12) : lead)
}

// A quantifier or a number, then at most two capitalized words: "many Western states", "three
// Baltic states", "both claims". (A plural after them takes no verb in "-s".)
const QUANTIFIER_LEAD = new RegExp(
  `\\b(?:${PLURAL_QUANTIFIERS.flatMap((word) => [word, capitalized(word)]).join('|')}|\\d{1,3})\\s+(?:\\p{Lu}[\\p{L}-]*\\s+){0,2}$`,
  'u',
)

// A determiner, then one or two words in lower case before the cue word.
const DETERMINER_THEN_WORDS =
  /\b(?:the|a|an|this|these|those|his|her|its|their|our|my|your)\s+((?:\p{Ll}[\p{L}-]*\s+){1,2})$/u

/**
 * "in her home state because", "the yearly report said", "the county’s budget": a cue word
 * that is also a noun of speech, of a writing or of a body, in its form without "-s", is that
 * noun when a possessive "’s" follows it, or after a determiner and a word or two in lower case
 * of which none names one who speaks and the last is no plural (a verb in that form follows a
 * plural: "the new rules state"); after "the mayor", "the report", "the council now" it is
 * their verb ("the report states"), and so is a form in "-s" ("Her tax plan promises").
 */
function isNounAfterModifiers(text: string, at: number, lead: string): boolean {
  const word = /^\p{Ll}+(?![\p{L}-])/u.exec(text.slice(at, at + 20))?.[0]
  if (!word) return false
  // "A Senate committee report found", "Two Senate reports concluded": a verb right after the
  // word makes it a noun, the subject's last; not after people or a pronoun, whose verb it
  // is ("Witnesses report armed men", "They report seeing").
  if (
    isSpeakerNounWord(word.endsWith('s') ? word.slice(0, -1) : word) &&
    VERB_AFTER.test(text.slice(at + word.length, at + word.length + 40)) &&
    !isPeopleOrPronoun(lead)
  )
    return true
  if (!isSpeakerNounWord(word)) return false
  if (/^['’]s\b/.test(text.slice(at + word.length, at + word.length + 3))) return true
  const modifiers = DETERMINER_THEN_WORDS.exec(lead)?.[1]?.trim().split(/\s+/)
  return (
    modifiers !== undefined &&
    !/[^s]s$/.test(modifiers.at(-1) as string) &&
    modifiers.every((w) => speakerNounKind(w) === null)
  )
}

/** A noun of speech, of a writing or of a body, singular: "claim", "report", "committee". */
function isSpeakerNounWord(word: string): boolean {
  return SPEECH_NOUNS.has(word) || DOCUMENT_NOUNS.has(word) || GROUP_NOUNS.has(word)
}

/** Whether `lead`'s last word is a noun of people or a subject pronoun: "Witnesses ", "They ". */
function isPeopleOrPronoun(lead: string): boolean {
  const words = lead.trimEnd()
  const last = words.slice(words.lastIndexOf(' ') + 1)
  return SUBJECT_PRONOUNS.includes(last.toLowerCase()) || isPeopleNoun(last)
}

/** Index of the first full stop, question or exclamation mark that ends a sentence, abbreviations and initials passed over; -1 if none. */
export function firstSentenceEnd(text: string): number {
  const stop = /[.!?](?=\s|$)/g
  // The brackets opened and not closed before the stop, counted on from the stop before
  // (counting from the start at each stop cost a long paragraph the square of its length).
  let open = 0
  let counted = 0
  for (let m = stop.exec(text); m; m = stop.exec(text)) {
    const word = wordEndingAt(text, m.index + 1)
    if (m[0] === '.' && NP_ABBREVIATION.test(word.replace(/^\(/, ''))) continue
    for (; counted < m.index; counted++) {
      const code = text.charCodeAt(counted)
      if (code === 0x28) open++
      else if (code === 0x29) open--
    }
    if (open > 0) continue
    return m.index
  }
  return -1
}

export function mentionAt(textBefore: string, base: number, phrase: { text: string; at: number }) {
  return (
    base +
    phrase.at +
    (textBefore.slice(phrase.at).length - textBefore.slice(phrase.at).trimStart().length)
  )
}

const NP_ABBREVIATION = new RegExp(
  `^(?:\\p{Lu}(?:\\.\\p{Lu})*|${ABBREVIATION_ALTERNATION})\\.?$`,
  'u',
)

/** The noun phrase a string starts with ("Rep. G.K. Butterfield (D-N.C.), head of …" → "Rep. G.K. Butterfield"). */
export function nounPhraseAtStart(text: string): string {
  const stop = text.search(NP_AFTER_CUE_END)
  let phrase = stop < 0 ? text : text.slice(0, stop)
  // A full stop after an abbreviation or initial does not end the phrase.
  while (stop >= 0 && text[phrase.length] === '.') {
    const lastWord = phrase.split(/\s+/).pop() ?? ''
    if (!NP_ABBREVIATION.test(lastWord)) break
    const rest = text.slice(phrase.length + 1)
    const next = rest.search(NP_AFTER_CUE_END)
    phrase = `${phrase}.${next < 0 ? rest : rest.slice(0, next)}`
    if (next < 0) break
  }
  // "said master of ceremonies Jane Roe, …", "said Secretary of State Jane Roe": a role whose
  // own object follows "of", then the person's name; the phrase runs on to the name's end.
  if (stop >= 0 && isRoleBeforeOf(phrase)) {
    const rest = text.slice(phrase.length)
    const ofThe = ROLE_OF_THE_THEN_NAME.exec(rest)
    const named =
      ROLE_OF_THEN_NAME.exec(rest) ??
      (ofThe && genderOfGivenName(ofThe.groups?.given as string) !== null ? ofThe : null)
    if (named) phrase += named[0]
  }
  return phrase.replace(/\s*\([^)]*$/, '').trim()
}

// " of state Jane Roe", " of State Jane Roe": "of", one word (not an article: "Bishop of the
// Oakdale Diocese" names a body, no person after it), then two or more capitalized words up to
// a comma, a stop or the end.
const ROLE_OF_THEN_NAME =
  /^\s+of\s+(?!(?:[Tt]he|[Aa]n?)\s)\p{L}[\p{L}-]*(?:\s+\p{Lu}[\p{L}'’-]*){2,}(?=[,.;:!?)]|\s*$)/u
// " of the Navy Jane Roe": past an article, only a known given name and a surname close it.
const ROLE_OF_THE_THEN_NAME =
  /^\s+of\s+(?:[Tt]he|[Aa]n?)\s+\p{Lu}[\p{L}-]*\s+(?<given>\p{Lu}[\p{L}-]*)\s+\p{Lu}[\p{L}'’-]*(?=[,.;:!?)]|\s*$)/u

/**
 * Whether a phrase that stops before "of" is a role the name comes after: words in lower case
 * ("master of ceremonies"), or one capitalized word of a role ("Secretary of State", "Minister
 * of Finance"), not a name ("Jane Roe of Ohio").
 */
function isRoleBeforeOf(phrase: string): boolean {
  if (!/\p{Lu}/u.test(phrase)) return true
  const words = phrase.trim().split(/\s+/)
  return words.length === 1 && isRoleWord(words[0] as string)
}

const FINITE_VERB = new RegExp(
  `^(?:\\p{Ll}+(?:ed|s)|${IRREGULAR_PASTS.join('|')}|is|was|has|had|did)$`,
  'u',
)

// A lower-case verb (a past, a third person's present, a participle) opening a phrase of
// capitalized words.
const OBJECT_LEAD = /^(\p{Ll}+(?:ed|s|ing))\s/u
// A possessive at a phrase's end: "Ryan’s", "Sanders’".
const POSSESSIVE_END = /(?:['’]s|s['’])$/u

export const LEADING_PREPOSITION =
  /^(?:With|Without|In|On|At|For|From|By|After|Before|During|Despite|Under|Over|Among|Amid|Amidst|Alongside|Beside|Besides|Beyond|Following|Unlike|Within|Throughout|Upon|Toward|Towards|Across|Behind|Like|As|Since|Until|Through|Against|About|According|Speaking|Talking)\s/

// ("Even before", "Shortly after", "Long before", "Just as": a word of degree may open it.)
export const SUBORDINATOR =
  /^\s*(?:(?:even|just|shortly|long|right|soon|only|immediately)\s+(?=(?:after|before|as|when|since|until|once)\s))?(?:if|when|whenever|although|though|because|since|while|unless|whether|once|until|after|before|as|even\s+if|even\s+though)\s/i

// Auxiliaries and modals, which a verb group may open with.
const AUXILIARY = [...AUXILIARY_VERBS, ...MODALS].join('|')
const AUXILIARY_BEFORE = new RegExp(`\\b(?:${AUXILIARY})\\s`)

// A subject, a party or place in parentheses ("Sen. Jane Roe (D-Ohio)"), an aside between
// commas, adverbs and auxiliaries, then a lower-case verb. (A lower-case subject is read from
// its word's first lower-case letter only: from a later one the pattern finds only what it
// finds from that first letter, which the scan reaches before.)
const MAIN_SUBJECT = `((?:\\p{Lu}[\\p{L}'’.-]*|(?<!\\p{Ll})\\p{Ll}+)(?:\\s+(?:\\p{Lu}[\\p{L}'’.-]*|${SUBJECT_PARTICLES.join('|')}))*)(?:\\s+\\([^()]{1,20}\\))?(?:,[^,]{1,140},)?\\s+((?:(?:${BEFORE_VERB_ADVERBS.join('|')}|still|never|not|(?!(?:${LY_NOUN_ALTERNATION})\\s)\\p{Ll}+ly|${AUXILIARY})\\s+)*)(\\p{Ll}+)\\b`
// After white space, a past, or an auxiliary and a word in lower case, adverbs that stand
// before a verb allowed first. (Not an auxiliary alone: in "Voters were “…”" the quote says
// what they were. Nor an adverb in "-ly": "Lee judges harshly" is Lee's verb. A past only
// before a mark, a determiner, a pronoun, a preposition or a word in "-ing": one before a bare
// noun is an adjective, "Ann Roe nurses wounded birds".)
const VERB_AFTER = new RegExp(
  `^\\s+(?:(?:${BEFORE_VERB_ADVERBS.join('|')}|still|never)\\s+)*(?:(?:${IRREGULAR_PASTS.join('|')}|\\p{Ll}{2,}ed)(?=\\s*(?:$|[^\\s\\p{L}]|(?:${[...ARTICLES, ...POSSESSIVE_DETERMINERS, ...OBJECT_PRONOUNS, 'this', 'these', 'those', 'that', ...PREPOSITIONS].join('|')})\\b|\\p{Ll}+ing\\b))|(?:${AUXILIARY})\\s+\\p{Ll})`,
  'u',
)
// The verbs of a news report, whose "that" clause tells what someone else did.
const REPORTED = /^report(?:ed|s)$/
// The words that open a verb's object clause: "ruled that", "asked whether", "say whom".
const OBJECT_CLAUSE_WORDS: ReadonlySet<string> = new Set([
  'that',
  'whether',
  'who',
  'whom',
  'what',
  'why',
  'how',
])
// A past, an object pronoun ("told them that") or a word in "-ing" ("alleging that").
const OBJECT_CLAUSE_AFTER: ReadonlySet<string> = new Set([...IRREGULAR_PASTS, ...OBJECT_PRONOUNS])
// What a verb's plain form follows: "would not say whom", "to decide whether".
const PLAIN_VERB_AFTER: ReadonlySet<string> = new Set(['to', 'not', 'never', ...MODALS])
const PREPOSITION_WORDS: ReadonlySet<string> = new Set(PREPOSITIONS)
// A word that makes the next one a noun: "the ruling", "a need", "his meeting".
const NOUN_BEFORE = new RegExp(`^(?:${[...ARTICLES, ...POSSESSIVE_DETERMINERS].join('|')})$`, 'i')

/**
 * Whether `lead`, the words before a subject, ends with a word that opens a verb's object
 * clause: "ruled that", "found in 2014 that", "told reporters that", "would not say whom",
 * "questions on who". Not "when" or "where", which open a clause of time or place ("The crowd
 * booed when Tom Hale denounced …"), nor "that" after a noun, a relative clause ("approved
 * the plan that Tom Hale had denounced").
 */
function opensObjectClause(lead: string): boolean {
  // (Only the last words are read: the clause word and the few before it.)
  const words = lead.slice(-80).trim().split(/\s+/).slice(1)
  const clauseWord = words.pop()?.toLowerCase() ?? ''
  if (!OBJECT_CLAUSE_WORDS.has(clauseWord)) return false
  // "questions on who", "a debate over whether": a question word after a preposition.
  const last = (words.at(-1) ?? '').toLowerCase()
  if (clauseWord !== 'that' && PREPOSITION_WORDS.has(last)) return true
  // The verb, right before the clause word or before a phrase of time or place or the people
  // told ("found in 2014 that", "told reporters that").
  for (let k = words.length - 1; k >= 0 && k >= words.length - 4; k--) {
    const between = words.slice(k + 1)
    if (between.length > 0 && !isTimePlaceOrListener(between)) return false
    const verb = (words[k] as string).toLowerCase()
    const before = (words[k - 1] ?? '').toLowerCase()
    // "learned that", "heard that": what someone came to know, another's act in its clause.
    if (LEARNING_VERB.test(verb)) return false
    if (
      ((/^\p{Ll}{2,}(?:ed|ing)$/u.test(verb) ||
        OBJECT_CLAUSE_AFTER.has(verb) ||
        // ("believes that" after its subject; "reviewed complaints that" holds a noun.)
        (/^\p{Ll}{2,}[^s]s$/u.test(verb) && !isVerbForm(before))) &&
        !NOUN_BEFORE.test(before)) ||
      (PLAIN_VERB_AFTER.has(before) && /^\p{Ll}+$/u.test(verb))
    )
      return true
  }
  return false
}

/** A past, a participle in "-ing" or a modal: "reviewed", "found", "making", "would". */
function isVerbForm(word: string): boolean {
  return (
    /^\p{Ll}{2,}(?:ed|ing)$/u.test(word) ||
    OBJECT_CLAUSE_AFTER.has(word) ||
    PLAIN_VERB_AFTER.has(word)
  )
}

/** Whether `words` after a verb are a phrase of time or place or its listeners: "in 2014", "last year", "reporters", "them". */
function isTimePlaceOrListener(words: string[]): boolean {
  const first = (words[0] as string).toLowerCase()
  if (PREPOSITION_WORDS.has(first)) return words.length <= 3
  if (words.every((word) => TIME_WORD.test(word))) return true
  return (
    words.length === 1 &&
    (OBJECT_PRONOUNS.includes(first) || isPeopleNoun(first) || /^\d+$|day$/.test(first))
  )
}

// The words of a time without a preposition: "last year", "earlier this month", "Monday".
const TIME_WORD = new RegExp(
  `^(?:last|this|next|earlier|later|ago|year|years|week|weeks|month|months|weekend|morning|afternoon|evening|night|today|yesterday|${[...WEEKDAYS, ...MONTHS].join('|')})$`,
  'i',
)
// Verbs of coming to know: their "that" clause tells another's act, whose subject it keeps.
const LEARNING_VERB =
  /^(?:learn(?:ed|t|s)|hears?|heard|saw|sees|read|reads|notic(?:ed|es)|discover(?:ed|s)|reali[sz](?:ed|es)|knew|knows)$/

// Built once: building it at each call cost about 3 µs, several times what running it costs.
// (Global, read from lastIndex 0 at each call; mainSubject calls nothing that runs it meanwhile.)
const MAIN_SUBJECT_PATTERN = new RegExp(MAIN_SUBJECT, 'gu')

/**
 * The subject of the clause that a participle ("…, saying") hangs from: the last name followed by a verb.
 * `first`: the first usable subject instead. `reported: false`: a clause after "that" is what the
 * subject said, not a clause to look for its speaker in ("Walter Hewlett sniped that Fiorina … was “…”").
 */
export function mainSubject(
  head: string,
  first = false,
  reported = true,
): { text: string; at: number } | null {
  const pattern = MAIN_SUBJECT_PATTERN
  pattern.lastIndex = 0
  let found: { text: string; at: number } | null = null
  // Where the verb of the subject found last stands: "The mayor emailed voters" reads
  // "emailed voters" as a subject and a verb too, but the verb of a clause is no subject.
  let foundVerbAt = -1
  // Whether the subject found is a news report's, whose "that" clause tells what others did.
  let foundReports = false
  for (let m = pattern.exec(head); m; m = pattern.exec(head)) {
    const auxiliaries = m[2] as string
    const verb = m[3] as string
    const np = m[1] as string
    // The word taken for a verb may start the next subject: "The potter waved".
    pattern.lastIndex = m.index + m[0].length - verb.length
    if (m.index === foundVerbAt) continue
    if (!FINITE_VERB.test(verb) && !AUXILIARY_BEFORE.test(auxiliaries)) continue
    // "White House officials started", "Hale aides have", "Two Senate reports found": a plural
    // of people, of writings or of bodies that a verb follows is the subject's last word, not
    // its verb.
    const subjectEnd =
      (isPeoplePlural(verb) || (verb.endsWith('s') && isSpeakerNounWord(verb.slice(0, -1)))) &&
      VERB_AFTER.test(head.slice(pattern.lastIndex + verb.length))
        ? pattern.lastIndex + verb.length
        : m.index + np.length
    if (LEADING_PREPOSITION.test(`${np} `) || /^(?:his|its|this|thus|us|yes|whereas)$/.test(verb))
      continue
    // "Reid Ribble, who …, casts Trump as", "who still backs Randolph, …, lives": a lower-case
    // verb before the name takes it as its object. (A preposition there does not: "A spokesman
    // for Platte River declined" is read back to its head.)
    const objectLead = OBJECT_LEAD.exec(np)?.[1]
    if (objectLead && !isPeopleNoun(objectLead) && !isRoleWord(objectLead)) continue
    // "Ryan’s comments": the word after a possessive is its noun, not a verb, and the phrase
    // it heads is what the clause is about, which no name here is. Set off by a comma ("In
    // response to Trump’s comments in Maine, Martin Andanar released", "The party’s presumed
    // nominee, Trump has won"), the phrase is fronted and the subject follows the comma;
    // otherwise the clause has no subject this reading can name ("One operative tried to
    // downplay Ryan’s comments, saying": not Ryan).
    if (POSSESSIVE_END.test(np)) {
      const comma = head.indexOf(',', m.index + m[0].length)
      if (comma < 0 || found) break
      pattern.lastIndex = comma + 1
      continue
    }
    // "If she did, party rules give …": the subject of a clause set before the main one.
    const lead = head.slice(0, m.index)
    if (SUBORDINATOR.test(`${lead.slice(lead.lastIndexOf(',') + 1)}${np} `)) continue
    const phrase = ownerBeforeTo(head, trailingNounPhrase(head.slice(0, subjectEnd)))
    // (Nor does a phrase that reaches back over that verb: "A clerk emailed Hale the list
    // of City workers", "the letter talked about giving voters".)
    if (!phrase || (foundVerbAt >= 0 && phrase.at <= foundVerbAt)) continue
    // "The panel decided that the county must pay", "The clerk would not say whom Roe had
    // hired": after the main clause's subject, a verb's object clause tells what was said or
    // asked, and its subject is no one who speaks here.
    if (found && !foundReports && opensObjectClause(head.slice(0, phrase.at))) continue
    const mention = parseSpeakerMention(phrase.text)
    if (!isUsableMention(mention)) continue
    // A nominal subject opens with an article or someone's possessive ("the aide", "the
    // campaign's lawyers"); a person or body after "his", "her", "its", "their" ("his chief
    // aide") or a count ("One aide at city hall", "another official") and a plural of
    // people ("protesters marched") are subjects too.
    if (
      mention.form === 'nominal' &&
      !LEADING_ARTICLE.test(mention.text) &&
      !POSSESSIVE_LEAD.test(mention.text) &&
      !(OWNED_LEAD.test(mention.text) && speaksAsNominal(mention)) &&
      !isCountOfSpeakers(mention) &&
      !isPeoplePlural(mention.text)
    )
      continue
    found = phrase
    foundReports = reported && REPORTED.test(verb)
    // (A word in "-s" may be a plural instead, the subject's own last word: "Roe's first
    // three callers ranged".)
    foundVerbAt = /s$/.test(verb) && !/^(?:is|was|has|does)$/.test(verb) ? -1 : pattern.lastIndex
    if (first) break
    // "CNN reported that Manuel Flores … criticized the offer, saying": what a report tells
    // of someone, a clause after "that" with a named subject, is the one the participle hangs
    // from; after a verb of saying or thinking ("Cardin said that Republicans rejected …,
    // calling it"), the participle is the subject's own.
    const thatClause =
      reported &&
      REPORTED.test(verb) &&
      /\bthat\s+(?:\p{Lu}|(?:he|she|they)\s)/u.test(head.slice(m.index + m[0].length))
    if ((mention.form === 'name' || mention.form === 'pronoun') && !thatClause) break
  }
  return found
}

/** Whether a subject's words open with a count of people: "One official", "about 200 protesters". */
export const isCountedSubject = (text: string): boolean =>
  COUNTED_LEAD.test(text) || isCountOfPeople(text)

/**
 * "One aide at city hall", "another official", "one of her lawyers", "about 200 protesters": a
 * count of those who speak; after "of", its last word must name them ("some of her emails have been" counts
 * writings that say nothing here).
 */
function isCountOfSpeakers(mention: SpeakerMention): boolean {
  if (isCountOfPeople(mention.text)) return true
  // ("One day the council": a count of days, then the subject.)
  if (
    !COUNTED_LEAD.test(mention.text) ||
    /^\S+\s+\S+\s+(?:the|a|an|this|that|his|her|its|their)\s/i.test(mention.text) ||
    !speaksAsNominal(mention)
  )
    return false
  const of = /^\S+\s+of\s+(?:\S+\s+)*?(\S+)$/i.exec(mention.text)
  return !of || speakerNounKind(of[1] as string) === 'person'
}

/**
 * "An aide to the mayor brushed off …": a phrase right after a noun of people and "to" is that
 * noun's object; the noun's phrase before "to" is the subject ("An aide").
 */
function ownerBeforeTo(
  head: string,
  phrase: { text: string; at: number } | null,
): { text: string; at: number } | null {
  if (!phrase) return phrase
  const lead = head.slice(Math.max(0, phrase.at - 40), phrase.at)
  const to = /([\p{L}-]+)\s+to\s+$/u.exec(lead)
  if (!to || !(isPeopleNoun(to[1] as string) || isRoleWord(to[1] as string))) return phrase
  const ownerEnd = phrase.at - lead.length + to.index + (to[1] as string).length
  return trailingNounPhrase(head.slice(0, ownerEnd)) ?? phrase
}

/** A bare plural of people: "protesters", "local officials", "lawyers for Jane Roe". */
function isPeoplePlural(text: string): boolean {
  // (Before "of" or "for" the head is the first word: "Critics of Hale".)
  const last = /^(\S+)\s+(?:of|for)\s/.exec(text)?.[1] ?? text.slice(text.lastIndexOf(' ') + 1)
  // (Not a singular in "ss": "witness", "actress".)
  return last.endsWith('s') && !last.endsWith('ss') && isPeopleNoun(last)
}
