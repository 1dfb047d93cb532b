import {
  ABBREVIATION_ALTERNATION,
  ABBREVIATIONS,
  AUXILIARY_VERBS,
  BEFORE_VERB_ADVERBS,
  capitalized,
  genderOfGivenName,
  IRREGULAR_PASTS,
  MODALS,
  MONTHS,
  NAME_PARTICLES,
  PREPOSITIONS,
  RELATIVE_DAYS,
  RELATIVE_TIMES,
  REPORTING_VERBS,
  SUBJECT_PRONOUNS,
  verbAlternation,
  WEEKDAY_ALTERNATION,
} from '../lexicon/index.js'
import { bisectLeft } from '../sorted.js'
import type { SpeakerKind } from '../types.js'
import { insideSentence, isGrammarWord, isWrittenAsName } from './proper-name.js'
import {
  isPeopleNoun,
  isRoleWord,
  LEADING_ARTICLE,
  parseSpeakerMention,
  type SpeakerMention,
} from './speaker-mention.js'
import { isWhiteSpace } from './white-space.js'

const ROLE_WORD = { test: (word: string) => isRoleWord(word) }

/** One person or organization as an article names them, every form gathered. */
export interface NamedEntity {
  key: string
  name: string
  kind: SpeakerKind
  aliases: Set<string>
  roles: Set<string>
  gender: 'male' | 'female' | null
  /** Clean-text offsets where the article names them. */
  positions: number[]
  /** {@link NamedEntity.positions} as a set: whether an offset is there, without a scan of them all. */
  placed: Set<number>
  /** Offsets where they are the subject of a clause (a verb follows the name). */
  subjects: number[]
  /** Offsets where they speak: a quote's speaker, or "X said", "said X" in the writer's own sentence. */
  speeches: number[]
  /**
   * Those of {@link NamedEntity.subjects} of a relative clause on a name named in passing
   * ("praised Kate Lee, who had called …"): the main clause's subject stays the one a later
   * pronoun continues with.
   */
  minorSubjects: Set<number>
}

interface Token {
  word: string
  at: number
}

/** The token (a run of non-white-space) that starts at `at`. */
function tokenAt(text: string, at: number): Token {
  return { word: text.slice(at, tokenEnd(text, at)), at }
}

/** Where the token that starts at `at` ends. */
function tokenEnd(text: string, at: number): number {
  let end = at
  while (end < text.length && !isWhiteSpace(text.charCodeAt(end))) end++
  return end
}

/** The token after `token`, if the text has one: white space, then a run of non-white-space. */
function tokenAfter(text: string, token: Token): Token | undefined {
  let at = token.at + token.word.length
  const spaced = at
  while (at < text.length && isWhiteSpace(text.charCodeAt(at))) at++
  if (at === spaced || at === text.length) return undefined
  return tokenAt(text, at)
}

/** The token before `token`, if the text has one. */
function tokenBefore(text: string, token: Token): Token | undefined {
  let end = token.at
  while (end > 0 && isWhiteSpace(text.charCodeAt(end - 1))) end--
  if (end === 0) return undefined
  let start = end
  while (start > 0 && !isWhiteSpace(text.charCodeAt(start - 1))) start--
  return { word: text.slice(start, end), at: start }
}

// Quote marks and brackets that may open a name's first token: ( " “ ‘.
const isOpeningMark = (code: number) =>
  code === 0x28 || code === 0x22 || code === 0x201c || code === 0x2018

/** How many of `word`'s first characters are opening marks (zero or more of them at its start). */
function openingMarks(word: string): number {
  let n = 0
  while (n < word.length && isOpeningMark(word.charCodeAt(n))) n++
  return n
}

/** `CAPITALIZED.test(word.slice(from))`, with its answer for ASCII read off the first character. */
function isCapitalizedAt(word: string, from = 0): boolean {
  const code = word.charCodeAt(from)
  if (code >= 0x41 && code <= 0x5a) return true
  // Below 0x80 only A-Z is \p{Lu}, and "Mc", "O’" start with one; NaN (no character) fails too.
  if (!(code >= 0x80)) return false
  return CAPITALIZED.test(from === 0 ? word : word.slice(from))
}

// Closing marks that may follow a sentence's last stop.
const isClosingMark = (code: number) =>
  code === 0x22 || code === 0x201d || code === 0x2019 || code === 0x29

/** Whether `word` ends a sentence by its look: a stop, then closing marks or nothing (`[.!?]["”’)]*` at its end). */
function endsWithStop(word: string): boolean {
  let end = word.length
  while (end > 0 && isClosingMark(word.charCodeAt(end - 1))) end--
  const code = word.charCodeAt(end - 1)
  return code === 0x2e || code === 0x21 || code === 0x3f
}

// Punctuation stripped off a name's word: `/[,;:!?)"“”’]+$/`.
const isTrailingPunctuation = (code: number) =>
  code === 0x2c ||
  code === 0x3b ||
  code === 0x3a ||
  code === 0x21 ||
  code === 0x3f ||
  code === 0x29 ||
  code === 0x22 ||
  code === 0x201c ||
  code === 0x201d ||
  code === 0x2019

/** `word.replace(/[,;:!?)"“”’]+$/, '')`. */
function withoutTrailingPunctuation(word: string): string {
  let end = word.length
  while (end > 0 && isTrailingPunctuation(word.charCodeAt(end - 1))) end--
  return end === word.length ? word : word.slice(0, end)
}

/** `/^\p{Lu}\.$/u.test(word)`: an initial, checked only where the length allows one. */
const isInitial = (word: string) => word.length <= 3 && word.endsWith('.') && INITIAL.test(word)
const INITIAL = /^\p{Lu}\.$/u

const ABBREVIATION = new RegExp(
  `^(?:\\p{Lu}\\.(?:\\p{Lu}\\.)*|(?:${ABBREVIATION_ALTERNATION})\\.)$`,
  'u',
)
const CAPITALIZED = /^(?:\p{Lu}|Mc|O['’])/u
const NAME_PARTICLE = new RegExp(`^(?:${NAME_PARTICLES.join('|')})$`)
const NAME_PARTICLE_START = new RegExp(`^(?:${NAME_PARTICLES.join('|')})\\b`)
// The first letters of the particles: a lower-case word that starts with none of them ends a name run.
const PARTICLE_INITIALS: ReadonlySet<number> = new Set(NAME_PARTICLES.map((p) => p.charCodeAt(0)))
const STOP_AT_SENTENCE_START = new RegExp(
  `^(?:The|A|An|But|And|Or|So|Yet|It|In|On|At|For|If|As|When|While|After|Before|Since|During|This|That|These|Those|There|Here|He|She|They|We|I|You|His|Her|Their|Our|Its|What|Who|Why|How|Where|Then|Now|Still|Also|Last|Next|Some|Many|Most|All|Both|Each|Every|No|Not|One|Two|However|Meanwhile|Regarding|According|Under|Over|With|Without|By|From|To|Of|Despite|Although|Though|Because|Until|Unless|Once|Even|Only|Just|Such|Like|More|Less|Other|Another|Later|Earlier|Today|Yesterday|Tomorrow|${WEEKDAY_ALTERNATION}|${MONTHS.map(capitalized).join('|')}|Mr|Mrs|Ms)$`,
)

// A sentence may open with an auxiliary ("Had I known", "Did Rubio"): it is no part of a name.
const AUXILIARY = new RegExp(
  `^(?:${[...AUXILIARY_VERBS.filter((word) => word !== 'do'), 'would', 'could', 'should'].map(capitalized).join('|')})$`,
)
const PRONOUN_WORD = new RegExp(`^(?:${SUBJECT_PRONOUNS.map(capitalized).join('|')})$`)
// An inverted cue may open a sentence ("Said Comey, “…”", "Added Roe:"): the verb is no part of the name.
const SPEECH_AT_START = new RegExp(
  `^(?:${verbAlternation(REPORTING_VERBS, ['past']).split('|').map(capitalized).join('|')})$`,
)

/**
 * Every name of a person or organization that the article writes as two or
 * more capitalized words, with the lower-case role words before it
 * ("spokeswoman Tammy Bruce"): the people a surname or pronoun can refer to.
 */
export function collectNames(
  text: string,
  quoted: ReadonlyArray<{ start: number; end: number }> = [],
): NamedEntity[] {
  const entities = new Map<string, NamedEntity>()
  // Every alias an entity was given so far (only `add` gives them here): a name none has is
  // looked for among the entities no further, where a scan of all cost each new bearer of
  // a shared surname the article's names.
  const aliased = new Set<string>()
  // (The capitalized words are found once: names start at them, and the surnames among
  // them are placed below.)
  const words = capitalizedWords(text)
  addWrittenNames(text, words, entities, aliased)
  addSpeakingWords(text, words, entities, aliased)
  addSubjectWords(text, words, entities, aliased)
  addGivenNames(text, words, entities, aliased)
  const found = [...new Set(entities.values())]
  indexMentions(text, found, quoted, words)
  return found
}

/**
 * Adds to `entities` the names the text writes as two or more capitalized words, with the
 * role words before them. `words` are the text's capitalized words.
 */
function addWrittenNames(
  text: string,
  words: CapitalizedWord[],
  entities: Map<string, NamedEntity>,
  aliased: Set<string>,
): void {
  // Tokens are read only at the words a name may start with and around them: most of an
  // article is lower-case words, and cutting all of it into tokens cost more than the rest.
  // A name starts a token (at the text's start or after white space) with a capitalized
  // word after its opening marks, if any: "“Jane Roe had never voted" (a name may open a
  // quote). The search for the next goes on after the last token a name takes.
  let from = 0
  for (const word of words) {
    let start = word.index
    while (start > 0 && isOpeningMark(text.charCodeAt(start - 1))) start--
    if (start === 0 ? from > 0 : start - 1 < from || !isWhiteSpace(text.charCodeAt(start - 1)))
      continue
    const opening = word.index - start
    // Most capitalized words are followed by a lower-case word that starts no particle, or
    // end in punctuation a name's word is stripped of ("Rubio,", "Rubio’"), after which the
    // run ends: it would stop there, one word long, so it is not read (nor its token cut out).
    const firstEnd = tokenEnd(text, start)
    const next = whiteSpaceEnd(text, firstEnd)
    const code = text.charCodeAt(next)
    if (
      isTrailingPunctuation(text.charCodeAt(firstEnd - 1)) ||
      (next > firstEnd && code >= 0x61 && code <= 0x7a && !PARTICLE_INITIALS.has(code))
    ) {
      from = firstEnd
      continue
    }
    const first: Token = { word: text.slice(start, firstEnd), at: start }
    const run: string[] = []
    const last = readNameRun(text, first, run)
    from = last.at + last.word.length
    // (A run of one word stays one or none below: most capitalized words end here.)
    if (run.length < 2) continue
    const previous = tokenBefore(text, first)
    // A gerund opens a headline's or sentence's run only at its start and before a possessive
    // ("Debating Roe’s record"); elsewhere a word in "-ing" is a given name ("with Fielding Mellish").
    const opensGerundPhrase =
      (previous === undefined || lineBreakBefore(text, first.at) || endsWithStop(previous.word)) &&
      POSSESSIVE_END.test(last.word)
    trimNameRun(run, opensGerundPhrase)
    if (run.length < 2) continue
    if (isTailOfName(text, previous)) continue
    const lead = roleWordsBefore(text, previous)
    const name = run.join(' ')
    // (With no role words the two readings are one.)
    const mention =
      lead.length === 0
        ? parseSpeakerMention(name)
        : (parseSpeakerMention(`${lead.join(' ')} ${name}`) ?? parseSpeakerMention(name))
    const titled = mention !== null && (mention.roles.length > 0 || mention.gender !== null)
    if (
      mention &&
      mention.form === 'name' &&
      (mention.kind === 'organization' || mention.name.includes(' ') || titled)
    ) {
      add(entities, mention, first.at + opening, aliased)
    }
  }
}

/**
 * Pushes onto `run` the words of the capitalized run that starts at `first`
 * (each without its opening marks and trailing punctuation) and returns the
 * last token the run takes. The run ends at a word that is no name's, after a
 * word that ends a sentence or carries punctuation, or before a party tag.
 */
function readNameRun(text: string, first: Token, run: string[]): Token {
  let last = first
  for (let token: Token | undefined = first; token; token = tokenAfter(text, token)) {
    const word = token.word
    const code = word.charCodeAt(0)
    // "(D-Mo.)" after a name is a party tag, not more of the name; a paragraph's end ends it
    // ("a trip to the U.S.\nJane Roe added").
    if (run.length > 0 && (code === 0x28 || code === 0x5b || lineBreakBefore(text, token.at))) break
    // A lower-case word joins a name only as a particle ("Charles de Gaulle"): one that
    // does not start like a particle is turned away before the costlier tests below.
    if (run.length > 0 && code >= 0x61 && code <= 0x7a && !NAME_PARTICLE_START.test(word)) break
    const marks = openingMarks(word)
    const opened = marks === 0 ? word : word.slice(marks)
    // (Every abbreviation ends in a full stop: the cheap test first.)
    const abbreviation = opened.endsWith('.') && ABBREVIATION.test(opened)
    const endsSentence = endsWithStop(opened) && !abbreviation
    const unpunctuated = withoutTrailingPunctuation(opened)
    const bare =
      unpunctuated.endsWith('.') && !abbreviation ? unpunctuated.slice(0, -1) : unpunctuated
    // An initial after a lower-case word ("posted on X. Rubio") ends a sentence, not a name.
    if (run.length === 0 && isInitial(opened) && !isInitial(tokenAfter(text, token)?.word ?? ''))
      break
    // "an Ohio-based group", "Oscar-winning": a capitalized word joined to a lower-case one is an adjective.
    const isName =
      (isCapitalizedAt(bare) && !(bare.includes('-') && HYPHENATED_ADJECTIVE.test(bare))) ||
      (run.length > 0 && NAME_PARTICLE.test(bare))
    if (!isName) break
    run.push(bare)
    last = token
    if (endsSentence || bare !== opened) break
  }
  return last
}

/** Whether a line break stands in the white space right before `at`. */
function lineBreakBefore(text: string, at: number): boolean {
  for (let before = at - 1; before >= 0 && isWhiteSpace(text.charCodeAt(before)); before--) {
    const code = text.charCodeAt(before)
    if (code === 0x0a || code === 0x0d) return true
  }
  return false
}

// A capitalized word, a hyphen and a participle or noun that makes an adjective of it: "Ohio-based",
// "Oscar-winning". Only those: a lower-case word after a hyphen is also a given name's ("Moon Jae-in").
const HYPHENATED_ADJECTIVE =
  /^\p{Lu}[\p{L}'’]*-(?:based|born|bred|led|linked|backed|funded|owned|run|made|controlled|affiliated|aligned|allied|sponsored|inspired|nominated|winning|winner|maker|era|style|themed|leaning|friendly|centric|focused|related)(?:$|-)/u
// A word that ends in a possessive: "Roe’s", "Roe's".
const POSSESSIVE_END = /['’]s[,;:.!?)"”’]*$/
// A capitalized article, conjunction or short preposition (not "From", a surname too): inside a
// run, a headline's word, not a name's.
const HEADLINE_WORD = /^(?:A|An|The|And|Or|But|About|To|For|With|In|On|At|Of|By|Is|Are|Was)$/
// A participle or gerund in "-ing" opening a headline's run: "Judging Roe’s record".
const CAPITALIZED_ING = /^\p{Lu}\p{Ll}{2,}ing$/u

/**
 * Takes off a name run, in place, what a headline's title case adds to it (a capitalized article,
 * conjunction or short preposition inside it and the words after: "Roe Sends A Message About Taxes", "HALL The
 * team"), the particles and pronouns at its end and a sentence's opening word at its start (a
 * word of a sentence's start, "Top", a word in "-ing" that is no given name: "Judging Roe").
 */
function trimNameRun(run: string[], opensGerundPhrase: boolean): void {
  const headline = run.findIndex((word, index) => index > 0 && HEADLINE_WORD.test(word))
  if (headline > 0) run.length = headline
  // An initial or abbreviation does not end a sentence for the run, so the next
  // sentence's pronoun may join it ("Washington D.C. He"): a pronoun is never a name.
  while (
    run.length > 0 &&
    (NAME_PARTICLE.test(run.at(-1) as string) || PRONOUN_WORD.test(run.at(-1) as string))
  )
    run.pop()
  const first = run[0] ?? ''
  const head = first.endsWith('.') ? first.slice(0, -1) : first
  if (
    run.length >= 2 &&
    (STOP_AT_SENTENCE_START.test(head) ||
      AUXILIARY.test(head) ||
      SPEECH_AT_START.test(head) ||
      head === 'Top' ||
      (opensGerundPhrase && CAPITALIZED_ING.test(head) && genderOfGivenName(head) === null))
  )
    run.shift()
}

/**
 * Whether a name whose previous token is `previous` is the tail of a longer
 * name: "Commission on Presidential Debates" read from "Presidential".
 */
function isTailOfName(text: string, previous: Token | undefined): boolean {
  if (!/^(?:on|&)$/.test(previous?.word ?? '')) return false
  const beforePrevious = previous && tokenBefore(text, previous)
  return (
    CAPITALIZED.test(beforePrevious?.word ?? '') && !/[.,;:!?]$/.test(beforePrevious?.word ?? '')
  )
}

/** The lower-case role words (up to three) that end at `previous` and belong to the name after it: "spokeswoman Tammy Bruce". */
function roleWordsBefore(text: string, previous: Token | undefined): string[] {
  const lead: string[] = []
  for (let token = previous; token && lead.length < 3; token = tokenBefore(text, token)) {
    if (!/^\p{Ll}[\p{L}-]*$/u.test(token.word) || !ROLE_WORD.test(token.word)) break
    lead.unshift(token.word)
  }
  return lead
}

/**
 * Adds to `entities` the people a single capitalized word names by speaking:
 * "Melanie said", "Warren says". `words` are the text's capitalized words.
 */
function addSpeakingWords(
  text: string,
  words: CapitalizedWord[],
  entities: Map<string, NamedEntity>,
  aliased: Set<string>,
): void {
  // Such a word starts one of the capitalized words: the pattern is tried at those
  // starts only, where a scan would try it at every character.
  let after = 0
  for (const capitalized of words) {
    const index = capitalized.index
    if (index < after || !maySpeak(text, capitalized)) continue
    SPEAKER.lastIndex = index
    const m = SPEAKER.exec(text)
    if (!m) continue
    after = SPEAKER.lastIndex
    const word = m[1] as string
    if (STOP_AT_SENTENCE_START.test(word) || !isWrittenAsName(text, word)) continue
    const mention = parseSpeakerMention(word)
    if (mention && mention.form === 'name' && !entities.has(mention.key)) {
      add(entities, { ...mention, kind: 'person' }, m.index, aliased)
    }
  }
}

// A verb in the past right after a sentence's first word, adverbs between: "Roe openly
// admitted", "Hale refused", "Ruiz also addressed".
const PAST_AFTER = new RegExp(
  `[^\\S\\n\\r]+(?:(?:${BEFORE_VERB_ADVERBS.join('|')}|\\p{Ll}+ly)\\s+)*(?:\\p{Ll}+ed|${IRREGULAR_PASTS.join('|')})\\b`,
  'uy',
)
/** Where the white space with no line break that ends right before `at` starts, reading back no further than `from`. */
function lineSpaceStart(text: string, at: number, from: number): number {
  let start = at
  while (start > from) {
    const code = text.charCodeAt(start - 1)
    if (code === 0x0a || code === 0x0d || !isWhiteSpace(code)) break
    start--
  }
  return start
}

/**
 * Whether a sentence opens at `at`: the text's start, a line's start, or within the four
 * characters before it a full stop, "!" or "?", an optional closing quote mark and white space
 * on the line (`/(?:^|\n|[.!?]["”’]?[^\S\n\r]+)$/` on those four characters, read without a
 * slice or a pattern: it is asked of every capitalized word).
 */
export function opensSentenceAt(text: string, at: number): boolean {
  if (at === 0 || text.charCodeAt(at - 1) === 0x0a) return true
  const from = Math.max(0, at - 4)
  let before = lineSpaceStart(text, at, from)
  if (before === at || before === from) return false
  let code = text.charCodeAt(before - 1)
  if (code === 0x22 || code === 0x201d || code === 0x2019) {
    before--
    if (before === from) return false
    code = text.charCodeAt(before - 1)
  }
  return code === 0x2e || code === 0x21 || code === 0x3f
}

/**
 * Adds to `entities` the people a single capitalized word names as the subject of a past
 * verb that opens a sentence: "Roe openly admitted that …", when the article writes the
 * word inside a sentence too (a name, not a sentence's first word) and no entity has it.
 */
function addSubjectWords(
  text: string,
  words: CapitalizedWord[],
  entities: Map<string, NamedEntity>,
  aliased: Set<string>,
): void {
  // The words the article writes capitalized inside a sentence, read once from the capitalized
  // words (a possessive's "’s" off) when a word is first asked about: `isWrittenAsName` would
  // scan the whole text for each word.
  let inside: Set<string> | undefined
  for (const capitalized of words) {
    // A sentence's start first: it rules out most words, and reads four characters.
    if (!opensSentenceAt(text, capitalized.index)) continue
    const word = text.slice(capitalized.index, capitalized.end)
    if (!/^\p{Lu}\p{Ll}+$/u.test(word) || entities.has(word.toLowerCase())) continue
    PAST_AFTER.lastIndex = capitalized.end
    if (!PAST_AFTER.test(text)) continue
    if (
      STOP_AT_SENTENCE_START.test(word) ||
      SPEECH_AT_START.test(word) ||
      isGrammarWord(word) ||
      isPeopleNoun(word)
    )
      continue
    inside ??= wordsInsideSentences(text, words)
    if (!inside.has(word) || inside.has(`${PLACE_MARK}${word}`)) continue
    const mention = parseSpeakerMention(word)
    if (mention && mention.form === 'name' && !entities.has(mention.key))
      add(entities, { ...mention, kind: 'person' }, capitalized.index, aliased)
  }
}

// What introduces a person by a given name alone: "a nurse named Maria", or a noun of
// people and its comma, "his wife, Jane," (not a place's: "the capital, Austin,").
const GIVEN_NAME_BEFORE = /(?:\bnamed|(?<![\p{L}'’-])(\p{Ll}[\p{L}'’-]*),)[^\S\n\r]+$/u
const introducesGivenName = (before: string) => {
  const m = GIVEN_NAME_BEFORE.exec(before)
  const noun = m?.[1]
  return m !== null && (noun === undefined || isPeopleNoun(noun) || isRoleWord(noun))
}

/**
 * Adds to `entities` the people the article introduces by a given name alone ("a resident
 * named Maria", "her husband, Paul, urged"): a given name of the lexicon, after "named" or
 * set off by commas after a noun, that no entity has; its gender is the name's.
 */
function addGivenNames(
  text: string,
  words: CapitalizedWord[],
  entities: Map<string, NamedEntity>,
  aliased: Set<string>,
): void {
  for (const capitalized of words) {
    // The character after first: it rules out most words at the cost of one read.
    const next = text.charCodeAt(capitalized.end)
    if (next !== 0x2c && next !== 0x2e) continue
    const word = text.slice(capitalized.index, capitalized.end)
    if (!/^\p{Lu}\p{Ll}+$/u.test(word) || entities.has(word.toLowerCase())) continue
    const gender = genderOfGivenName(word)
    if (!gender) continue
    if (!introducesGivenName(text.slice(Math.max(0, capitalized.index - 30), capitalized.index)))
      continue
    const mention = parseSpeakerMention(word)
    if (mention && mention.form === 'name' && !entities.has(mention.key))
      add(entities, { ...mention, kind: 'person', gender }, capitalized.index, aliased)
  }
}

/**
 * The capitalized words that stand inside a sentence somewhere in `text` (see `insideSentence`),
 * each without a possessive's "’s"; and, marked with `PLACE_MARK` before them, those written
 * after a preposition of place.
 */
function wordsInsideSentences(text: string, words: CapitalizedWord[]): Set<string> {
  const inside = new Set<string>()
  for (const { index, end } of words) {
    if (!insideSentence(text, index)) continue
    const written = text.slice(index, end)
    const word = /['’]s$/.test(written) ? written.slice(0, -2) : written
    inside.add(word)
    // A word written after a preposition of place ("in Texas", "across Ohio") is a place's name.
    if (PLACE_BEFORE.test(text.slice(Math.max(0, index - 12), index)))
      inside.add(`${PLACE_MARK}${word}`)
  }
  return inside
}
const PLACE_MARK = '@'
const PLACE_BEFORE = /\b(?:in|across|near|into|throughout|outside|inside)[^\S\n\r]+$/

const SPEAKER_VERBS = `${verbAlternation(['say', 'tell', 'add', 'write', 'ask'], ['past', 'third'])}|${verbAlternation(['continue', 'explain', 'argue', 'reply', 'recall', 'note'], ['past'])}`
const SPEAKER = new RegExp(
  `\\b(?<![\\p{L}.'’-]\\s?)(\\p{Lu}\\p{Ll}[\\p{L}'’-]*)\\s+(?:${SPEAKER_VERBS})\\b`,
  'uy',
)
// The letters those verbs start with, when every alternative starts with one (null: not known).
const SPEAKER_VERB_INITIALS = SPEAKER_VERBS.split('|').every((verb) => /^[a-z]/.test(verb))
  ? new Set(SPEAKER_VERBS.split('|').map((verb) => verb.charCodeAt(0)))
  : null

/**
 * Whether `SPEAKER` may match at the capitalized word `word` (a maximal run of
 * letters, apostrophes and hyphens): its name is that whole run, so white space
 * and a verb's first letter must follow. Most words fail here, before the pattern.
 */
function maySpeak(text: string, word: CapitalizedWord): boolean {
  let at = word.end
  if (!isWhiteSpace(text.charCodeAt(at))) return false
  if (!SPEAKER_VERB_INITIALS) return true
  while (isWhiteSpace(text.charCodeAt(at))) at++
  return SPEAKER_VERB_INITIALS.has(text.charCodeAt(at))
}
// A relative clause right after the name (or its appositive) has the name for subject:
// "Sen. Jane Roe of Ohio, the panel's ranking member, who said …".
// (Sticky: read where the appositives end, without cutting the text there.)
const RELATIVE_WHO = /\s*,?\s*who\s+/y
// A negated auxiliary is a verb too: "Christie wasn't having it", "Kaine did not see"
// (the auxiliaries of the lexicon, four modals, and the "wo" of "won't").
const NEGATED_AUXILIARY = `(?:${[...AUXILIARY_VERBS, 'would', 'could', 'should', 'can', 'wo'].join('|')})(?:n['’]t|\\s+not|\\s+never)`
// What may stand between a subject and its verb: an emphatic "himself" ("Obama himself
// seemed"), a time ("Sherman last month joked", "Trump on Tuesday said").
const BEFORE_VERB_TIME = `himself|herself|itself|themselves|(?:last|this)\\s+(?:week|month|year|night)|(?:on\\s+)?(?:${WEEKDAY_ALTERNATION})|${[...RELATIVE_DAYS, ...RELATIVE_TIMES].join('|')}`
const VERB_AFTER = new RegExp(
  `(?:(?:${BEFORE_VERB_ADVERBS.join('|')}|${BEFORE_VERB_TIME}|has|had|have|was|is|would|will|did|does|\\p{Ll}+ly)\\s+)*(?:(?!(?:being|having|as|his|this|its|us|thus|across|perhaps|unless|whereas|towards|versus|plus|less|during|according|including|nothing|something|anything|everything|morning|evening)\\b)\\p{Ll}+(?:ed|s|ing)|${[...IRREGULAR_PASTS, ...MODALS].join('|')}|${NEGATED_AUXILIARY})\\b`,
  'uy',
)
const SPEECH_VERB = new RegExp(
  `\\b(?:${verbAlternation(['say', 'tell', 'write', 'add', 'argue', 'note', 'explain', 'state', 'ask', 'reply', 'respond', 'insist', 'recall', 'warn', 'claim', 'agree'], ['past', 'third'])}|${verbAlternation(['continue', 'declare', 'announce', 'acknowledge', 'admit', 'tweet', 'post', 'disagree', 'concede', 'conclude', 'predict', 'suggest', 'caution', 'complain', 'counter', 'emphasize', 'stress', 'observe', 'testify', 'urge', 'criticize', 'praise', 'blast', 'deny'], ['past'])})$`,
)
// An inverted speech verb and the role words or outlet before the name: "said 9/11 widow", "noted NBC’s"
// (after a preposition the name is where or to whom it was said: "Jane Roe said on Evening Edition").
const SPEECH_BEFORE = new RegExp(
  `[,"”]\\s*(?:${verbAlternation(['say', 'write', 'add'], ['past', 'third'])}|${verbAlternation(['argue', 'note', 'explain', 'state', 'ask', 'reply', 'respond', 'continue', 'insist', 'recall', 'warn', 'claim', 'declare', 'tweet'], ['past'])})\\s+(?!(?:on|in|at|to|from|for|with|during|after|before|about|of|by|via|over|under|through|into)\\s)(?:[\\p{L}\\d/.’'-]+\\s+){0,3}$`,
  'u',
)
// A name followed by a noun of its own ("…, said the Romney campaign would") modifies that
// noun: the name is not who the inverted speech verb makes speak.
const MODIFYING_NAME =
  /^\s+(?!(?:of|who|whose|at|in|on|for|from|and|or|to|told|during|after|before|when|while|as|with|about|via|by|last|this|that|but|because|since|earlier|later|recently|yesterday|today|tonight)\b)\p{Ll}/u
const LISTED = /^(?:and|or|nor)\b|\s(?:and|or)\s+\p{Lu}/u
const INTRODUCTION =
  /^(?:[\p{Lu}][\p{L}.'’-]*\s+){0,3}[\p{Lu}][\p{L}'’-]*,\s+((?:(?:a|an|the)\s+)?[\p{L}’'-]+(?:\s+[\p{L}’'-]+){0,5})/u
// What may stand between a name and its verb: a party tag, "of the Review", and one
// to three comma appositives or a dashed aside.
const APPOSITIVES = [1, 2, 3].map(
  (n) =>
    new RegExp(
      `(?:\\s*\\([^)]{1,40}\\))?(?:\\s+(?:at|of|from)\\s+(?:the\\s+)?(?:\\p{Lu}[\\p{L}'’.-]*\\s*){1,5}(?=\\s\\p{Ll}|,))?(?:\\s*,(?!\\s*(?:he|she|they|it|we|I)\\b)(?:(?:[^,.;“”"]|\\.(?=,)){1,180},){${n}}|\\s+[—–][^—–.“”"]{1,180}[—–])?\\s*`,
      'uy',
    ),
)
// ' and ’, before the s of a possessive.
const isApostrophe = (code: number) => code === 0x27 || code === 0x2019

/** How many commas `text` holds, counted no further than `limit`. */
function commasIn(text: string, limit: number): number {
  let count = 0
  for (let at = text.indexOf(','); at >= 0 && count < limit; at = text.indexOf(',', at + 1)) count++
  return count
}

// Only subject pronouns: "his" and "her" often point at the object of the sentence.
const PRONOUN = /\b(he|she)\b/gi

// A capitalized word starts with A-Z or a character beyond ASCII (never a trailing
// surrogate): looking for those first and testing for \p{Lu} only there is many times
// faster than a scan for \p{Lu}, which tries its Unicode class at every character.
const MAY_START_CAPITALIZED = /[A-Z\u0080-\udbff\ue000-\uffff]/g
const CAPITALIZED_WORD = /\p{Lu}[\p{L}'’-]*/uy

/** A capitalized word of the text: where it starts and ends (its text is cut out only where asked for). */
interface CapitalizedWord {
  index: number
  end: number
}

/** What a global `\p{Lu}[\p{L}'’-]*` finds in `text`, in order (test and lastIndex: no match objects). */
function capitalizedWords(text: string): CapitalizedWord[] {
  const words: CapitalizedWord[] = []
  MAY_START_CAPITALIZED.lastIndex = 0
  while (MAY_START_CAPITALIZED.test(text)) {
    // (The pattern takes one code unit: it started just before lastIndex.)
    const index = MAY_START_CAPITALIZED.lastIndex - 1
    const end = capitalizedWordEnd(text, index)
    if (end < 0) continue
    words.push({ index, end })
    MAY_START_CAPITALIZED.lastIndex = end
  }
  return words
}

/**
 * Where `CAPITALIZED_WORD` stops when it starts at `index`, or -1: read off the code units
 * for a word of ASCII letters, ' - and ’ after an A-Z capital, and for the general
 * punctuation of U+2000–U+206F (curly quotes, dashes), which holds no capital letter; the
 * pattern answers for the rest. (Most of the units the scan stops at are one or the other.)
 */
export function capitalizedWordEnd(text: string, index: number): number {
  const first = text.charCodeAt(index)
  if (first >= 0x2000 && first <= 0x206f) return -1
  if (first >= 0x41 && first <= 0x5a) {
    let end = index + 1
    for (; end < text.length; end++) {
      const code = text.charCodeAt(end)
      if (code >= 0x80 && code !== 0x2019) break
      if (!isAsciiNameChar(code) && code !== 0x2019) return end
    }
    if (end === text.length) return end
  }
  CAPITALIZED_WORD.lastIndex = index
  return CAPITALIZED_WORD.test(text) ? CAPITALIZED_WORD.lastIndex : -1
}

/**
 * Adds the places where the article names a known person by surname alone
 * ("Rubio"), marks the mentions that are subjects of a clause, and reads each
 * person's gender from the pronouns in the sentences they are the subject of.
 */
function indexMentions(
  text: string,
  entities: NamedEntity[],
  quoted: ReadonlyArray<{ start: number; end: number }>,
  words: CapitalizedWord[],
): void {
  const inQuote = quoteTest(quoted)
  placeSurnames(text, entities, words, inQuote)
  markIntroductions(text, entities, inQuote)
  // Offsets were pushed as they were found: the searches that read them want them in order.
  for (const entity of entities) {
    sortAscending(entity.positions)
    sortAscending(entity.subjects)
    sortAscending(entity.speeches)
  }
  readGenders(text, entities)
}

/** Whether an offset lies in a quote. */
type InQuote = (at: number) => boolean

/** The test of whether an offset lies inside one of the `quoted` spans. */
function quoteTest(quoted: ReadonlyArray<{ start: number; end: number }>): InQuote {
  // A name inside someone's quote is not the subject of the article's sentence.
  const inSpan = (q: { start: number; end: number }, at: number) => at >= q.start && at < q.end
  // Quotes in order and apart, as they nearly always are: only the last one opened
  // before a mention can hold it, found by binary search instead of a scan of all.
  const starts = quoted.map((q) => q.start)
  const apart = quoted.every((q, i) => i === 0 || (quoted[i - 1]?.end ?? 0) <= q.start)
  return (at: number) => {
    if (!apart) return quoted.some((q) => inSpan(q, at))
    const q = quoted[bisectLeft(starts, at + 1) - 1]
    return q !== undefined && inSpan(q, at)
  }
}

/** Who a bare surname names, read as the article's capitalized words are met in order. */
interface SurnameReader {
  /** The first letters of the surnames, lower-cased. */
  initials: Set<number>
  /** The person the surname written at `at` names, if any. */
  bearerAt(surname: string, at: number): NamedEntity | undefined
  /** Notes that `entity` is named at `at`, which may make it the first named of its surname's bearers. */
  named(entity: NamedEntity, at: number, surname: string): void
}

/** The reader of the surnames of the people among `entities`. */
function surnameReader(text: string, entities: NamedEntity[]): SurnameReader {
  const bySurname = new Map<string, NamedEntity[]>()
  for (const entity of entities) {
    if (entity.kind !== 'person') continue
    const surname = lastWord(entity.key)
    const bearers = bySurname.get(surname)
    if (bearers) bearers.push(entity)
    else bySurname.set(surname, [entity])
  }
  // Where each bearer of a shared surname was first named (the least of its positions),
  // read once and kept as mentions add positions.
  const firstNamed = new Map<NamedEntity, number>()
  const introduced = (entity: NamedEntity) => {
    let first = firstNamed.get(entity)
    if (first === undefined) {
      first = least(entity.positions)
      firstNamed.set(entity, first)
    }
    return first
  }
  // What is read once of a surname several people bear, where reading it at each mention
  // cost a page of many people of one surname the square of their number.
  const sharedSurnames = new Map<string, SharedSurname>()
  const sharedSurname = (surname: string, bearers: NamedEntity[]) => {
    let shared = sharedSurnames.get(surname)
    if (shared === undefined) {
      shared = { bearers, givens: givenNames(bearers, surname), earliest: 0, order: new Map() }
      for (const [index, entity] of bearers.entries()) {
        shared.order.set(entity, index)
        // (Ties go to the bearer listed first.)
        if (introduced(entity) < introduced(bearers[shared.earliest] as NamedEntity))
          shared.earliest = index
      }
      sharedSurnames.set(surname, shared)
    }
    return shared
  }
  // The first letters of the surnames, lower-cased: a word that starts with A-Z and with
  // none of them is no surname, and is passed over before it is lower-cased and looked up.
  const initials = new Set<number>()
  for (const surname of bySurname.keys()) initials.add(surname.charCodeAt(0))
  return {
    initials,
    // A bare surname names the bearer the story introduced first ("Keith Scott" before his
    // wife "Rakeyia Scott"): news writing names the others in full.
    bearerAt: (surname, at) => {
      const bearers = bySurname.get(surname)
      if (!bearers || bearers.length < 2) return bearers?.[0]
      const shared = sharedSurname(surname, bearers)
      // Written in full here ("Rakeyia Scott"): that bearer.
      const inFull = writtenInFull(text, at, shared.givens)
      if (inFull >= 0) return bearers[inFull]
      // The least first naming of all is also the least of those named before `at`, if any are.
      return bearers[shared.earliest]
    },
    // A mention named before the bearer's first naming makes it the bearer's first.
    named: (entity, at, surname) => {
      const first = firstNamed.get(entity)
      if (first === undefined || at >= first) return
      firstNamed.set(entity, at)
      const shared = sharedSurnames.get(surname)
      if (shared === undefined) return
      const index = shared.order.get(entity) as number
      const earliest = introduced(shared.bearers[shared.earliest] as NamedEntity)
      if (at < earliest || (at === earliest && index < shared.earliest)) shared.earliest = index
    },
  }
}

/**
 * Adds to each person the places the article names them by surname alone, and
 * marks those of the article's own sentences where the name is a clause's subject.
 */
function placeSurnames(
  text: string,
  entities: NamedEntity[],
  words: CapitalizedWord[],
  inQuote: InQuote,
): void {
  const surnames = surnameReader(text, entities)
  for (const m of words) {
    const initial = text.charCodeAt(m.index)
    if (initial >= 0x41 && initial <= 0x5a && !surnames.initials.has(initial | 0x20)) continue
    const possessive =
      m.end - m.index >= 2 &&
      text.charCodeAt(m.end - 1) === 0x73 &&
      isApostrophe(text.charCodeAt(m.end - 2))
    const surname = text.slice(m.index, possessive ? m.end - 2 : m.end).toLowerCase()
    const entity = surnames.bearerAt(surname, m.index)
    if (!entity) continue
    if (!entity.placed.has(m.index)) {
      entity.positions.push(m.index)
      entity.placed.add(m.index)
      surnames.named(entity, m.index, surname)
    }
    // A possessive ("Rubio's trip") is the subject of nothing.
    if (possessive) continue
    markSubject(text, entity, m, inQuote)
  }
}

/**
 * Marks the mention `word` of `entity` as a subject when a verb follows the name
 * (after its appositives) or an inverted speech verb comes before it, and as a
 * speech when that verb is one of speaking; a mention inside a quote is neither.
 */
function markSubject(
  text: string,
  entity: NamedEntity,
  word: CapitalizedWord,
  inQuote: InQuote,
): void {
  // The name's first word: "to Hillary Clinton being" is governed by "to". Looked
  // for only when asked, and only after a space, which the words before it end in.
  let nameStartAt: number | undefined
  const nameStart = () =>
    (nameStartAt ??=
      word.index -
      (isWhiteSpace(text.charCodeAt(word.index - 1))
        ? nameWordsBefore(text.slice(Math.max(0, word.index - 40), word.index))
        : 0))
  if (inQuote(word.index)) return
  const after = text.slice(word.end, word.end + 360)
  const verb =
    verbAfterName(after, () => opensMainClause(text, nameStart())) ??
    verbAfterNamedAppositive(text, nameStart(), after) ??
    verbAfterCompanions(after)
  // A relative clause on a name that does not open its sentence ("… his brother, Jim Hale, who said").
  const relative =
    verb !== null &&
    WHO_BEFORE_VERB.test(after.slice(0, verb.index)) &&
    !opensMainClause(text, nameStart())
  if (
    verb &&
    // Inside what a writer's sentence reports, the relative is part of the report: "Tom Hale
    // said he had phoned his brother, Jim Hale, who said he could not come."
    !(relative && reportedBefore(text, nameStart())) &&
    (isSubjectOf(text, nameStart()) ||
      closesSentence(text, nameStart(), after, verb) ||
      speaksInRelative(after, verb))
  ) {
    entity.subjects.push(word.index)
    const speech = SPEECH_VERB.test(verb[0])
    if (speech) entity.speeches.push(word.index)
    // (Not a name a copula, "there is" or an inverted verb brings in: "Among the guests was Tom
    // Hale, who runs the bakery", "Next came Tom Hale, who …" are what the text goes on about.)
    else if (
      relative &&
      !INTRODUCING_VERB_BEFORE.test(text.slice(Math.max(0, nameStart() - 12), nameStart()))
    )
      entity.minorSubjects.add(word.index)
  } else if (isTopic(text, nameStart(), after) || isInvertedSubject(text, nameStart(), after)) {
    entity.subjects.push(word.index)
  } else if (
    SPEECH_BEFORE.test(text.slice(Math.max(0, word.index - 60), word.index)) &&
    !MODIFYING_NAME.test(after)
  ) {
    // "…, said NBC's Jane Roe": the inverted speech verb makes the name its subject.
    entity.subjects.push(word.index)
    entity.speeches.push(word.index)
  }
}

// A sentence that opens with "To" or "For" and up to eight words of the name's own noun phrase
// (no preposition or conjunction: in "For black voters in states like South Carolina," the
// name is no topic).
const TOPIC_BEFORE = new RegExp(
  `(?:^|\\n|[.!?]["”’]?[^\\S\\n\\r]+)(?:To|For)[^\\S\\n\\r]+(?:(?!(?:${[...PREPOSITIONS, 'like', 'and', 'or', 'than'].join('|')})[^\\S\\n\\r])[\\p{L}.'’-]+[^\\S\\n\\r]+){0,8}$`,
  'u',
)

// A copula or a verb of coming or standing right before a name, which brings it in as the topic.
const INTRODUCING_VERB_BEFORE =
  /\b(?:is|was|are|were|['’]s|came|comes|stood|stands|sat|sits)[^\S\n\r]+$/

// "there's", "there is", "here's", "here is" (or "was") right before a name.
const THERE_IS_BEFORE = /\b(?:[Tt]here|[Hh]ere)(?:['’]s|\s+(?:is|was))\s+$/

// A copula right before a name, and an appositive after it: "Standing near the door was Ortiz,
// the bus driver.", "Across town … is Tom Hale, a 33-year-old canvasser".
const COPULA_BEFORE = /\b(?:is|was)[^\S\n\r]+$/
const APPOSITIVE_AFTER = /^,[^\S\n\r]+(?:a|an|the)[^\S\n\r]/

// The opening word of the sentence that holds the text's end (looked for within 200 characters),
// past a conjunction ("Yet there in the back was …").
const SENTENCE_OPENING_WORD =
  /(?:^|[.!?]["”’)]*\s+|\n\s*)["“‘]?(?:(?:And|But|Yet|So)\s+)?(\p{L}+)[^.!?\n]*$/u
// Words of place that open an inverted sentence besides the common prepositions: "Across town …
// is", "There in the back was".
const PLACE_OPENINGS = new Set([
  ...PREPOSITIONS,
  'across',
  'along',
  'alongside',
  'amid',
  'around',
  'behind',
  'beside',
  'beyond',
  'inside',
  'near',
  'next',
  'outside',
  'there',
  'here',
])

/**
 * Whether a name after "is" or "was" and before its appositive is the subject of an inverted
 * sentence: only when the sentence opens with a preposition or participle, which leaves the copula
 * no subject before it ("Standing near the door was Ortiz, the bus driver"). After a subject of its
 * own the name is a predicate noun: "The problem was Tom Hale, a contractor".
 */
function isInvertedSubject(text: string, nameStart: number, after: string): boolean {
  // "On the other side there is Jim Abara.", "Here's Ann Roe, who …": the existential sentence
  // brings the name in as what the text goes on about, appositive or not.
  // (Each form ends in "s" and a space: most names have neither before them.)
  if (
    text.charCodeAt(nameStart - 2) === 0x73 &&
    THERE_IS_BEFORE.test(text.slice(Math.max(0, nameStart - 14), nameStart))
  )
    return true
  if (
    !APPOSITIVE_AFTER.test(after) ||
    !COPULA_BEFORE.test(text.slice(Math.max(0, nameStart - 8), nameStart))
  )
    return false
  const opening = SENTENCE_OPENING_WORD.exec(
    text.slice(Math.max(0, nameStart - 200), nameStart),
  )?.[1]
  if (opening === undefined) return false
  return PLACE_OPENINGS.has(opening.toLowerCase()) || /^\p{Lu}\p{Ll}+(?:ing|ed)$/u.test(opening)
}

/**
 * Whether a name is the topic a sentence opens with, set off by a comma: "To Ohio historian
 * Jane Fox, the governor's long pause looked like a man giving up." It is whose view the sentence gives, and a "she said" after it is hers.
 */
function isTopic(text: string, nameStart: number, after: string): boolean {
  if (after.charCodeAt(0) !== 0x2c) return false
  const before = text.slice(Math.max(0, nameStart - 120), nameStart)
  if (!TOPIC_BEFORE.test(before)) return false
  // The word right before the name is "To"/"For" itself, a capitalized word or a role or noun of
  // people ("To Ohio professor Jane Roe,"): never a verb's ("To beat Tom Hale,").
  const word = WORD_BEFORE.exec(before)?.[1] ?? ''
  return /^(?:To|For)$|^\p{Lu}/u.test(word) || isRoleWord(word) || isPeopleNoun(word)
}

/**
 * The verb that follows a name, `after` being the text after it: right after it,
 * or after a party tag or an appositive: "Jane Roe (D-Mo.), a former chair,
 * said", "Jane Roe — who led the panel — said". Null when none does.
 * `opensSentence` tells whether the name opens its sentence.
 */
function verbAfterName(after: string, opensSentence: () => boolean): RegExpExecArray | null {
  // Every part of the patterns before their closing white space is optional and opens
  // with white space, then "(", "at", "of" or "from" and white space, "," or a dash: where
  // none follows the white space, each pattern takes the white space alone.
  const spaced = whiteSpaceEnd(after, 0)
  const plain = !mayOpenAppositive(after, spaced)
  // Stacked appositives ("Jane Roe, a developer and spokeswoman for the coalition,
  // which is made up of investors, said"): the fewest that end at a verb.
  // The n-th pattern's commas take n + 1 commas: with fewer in the text, it matches
  // what the one before it matched, whose verb was already looked for. (Where no
  // appositive may open, all take the same white space: one is tried.)
  const tried = plain
    ? 1
    : Math.max(1, Math.min(APPOSITIVES.length, commasIn(after, APPOSITIVES.length)))
  // The verb of the first rest that starts with one, read once. (A pattern that strips
  // as much as the one before it leaves the same rest: its verb is not looked for again.)
  // The patterns are sticky and always match: where one stops, the rest starts.
  let verb: RegExpExecArray | null = null
  let restAt = -1
  const commaCuts =
    !plain && after.charCodeAt(spaced) === 0x2c ? commaAppositiveEnds(after, spaced, tried) : null
  for (let n = 0; n < tried; n++) {
    let cut = plain ? spaced : (commaCuts?.[n] ?? -1)
    if (cut < 0) {
      const appositives = APPOSITIVES[n] as RegExp
      appositives.lastIndex = 0
      appositives.test(after)
      cut = appositives.lastIndex
    }
    RELATIVE_WHO.lastIndex = cut
    const at = RELATIVE_WHO.test(after) ? RELATIVE_WHO.lastIndex : cut
    if (at === restAt) continue
    restAt = at
    VERB_AFTER.lastIndex = at
    verb = VERB_AFTER.exec(after)
    // After an aside set off by commas, a participle is the name's only when the name opens
    // the sentence ("Jim Roe, asked about it, often shrugs, talking on"); elsewhere it hangs
    // from the clause around the name, whose subject is another ("Jim Roe moved Tom Hale, his
    // deputy, to the Oakdale office in May, prompting a complaint"). A finite verb further on may
    // still be the name's.
    if (verb && commaCuts !== null && isBareParticiple(verb[0]) && !opensSentence()) verb = null
    if (verb) break
  }
  return verb
}

// An -ing form with no auxiliary before it ("leading", "quickly leading"; not "was leading").
const BARE_PARTICIPLE = /^(?:\p{Ll}+ly\s+)*\p{Ll}+ing$/u

/** Whether a verb `VERB_AFTER` read is a bare participle; a cheap test of its last letters first. */
const isBareParticiple = (verb: string) => verb.endsWith('ing') && BARE_PARTICIPLE.test(verb)

// A conjunction or linking adverb that may open a sentence before its subject: "But Jim Roe, …".
const SENTENCE_LINK =
  /(?:^|\n|[.!?]["”’]?[^\S\n\r]+)(?:And|But|Yet|So|Still|Then|Now|Meanwhile),?[^\S\n\r]+$/

/** Whether the name starting at `nameStart` opens its sentence, or follows only a conjunction there. */
function opensMainClause(text: string, nameStart: number): boolean {
  return (
    opensSentenceAt(text, nameStart) ||
    SENTENCE_LINK.test(text.slice(Math.max(0, nameStart - 16), nameStart))
  )
}

// "and her backers", "and his wife": the name's own companions joined to it as one subject.
const COMPANIONS_AFTER = /^[^\S\n\r]+and[^\S\n\r]+(?:his|her|their)[^\S\n\r]+\p{Ll}+[^\S\n\r]+/uy

/** The verb after a name and its companions ("Jane Roe and her backers tried"), null if none. */
function verbAfterCompanions(after: string): RegExpExecArray | null {
  if (after.charCodeAt(1) !== 0x61) return null
  COMPANIONS_AFTER.lastIndex = 0
  if (!COMPANIONS_AFTER.test(after)) return null
  VERB_AFTER.lastIndex = COMPANIONS_AFTER.lastIndex
  const verb = VERB_AFTER.exec(after)
  return verb && !isBareParticiple(verb[0]) ? verb : null
}

// A noun phrase's last word and its comma right before a name: "Another delegate, Jim Poolman,
// said", "And a third, Dan Roe, said" (a whole lower-case word: a list of names, or a place and
// its state, "from Monsey, New York, said", is no noun phrase).
const NOUN_PHRASE_COMMA = /(?<![\p{L}'’-])\p{Ll}[\p{L}'’-]*,[^\S\n\r]+$/u
// A role written capitalized, its comma, then the name: "The Larkin Company's CFO, Ann Ruiz,
// said" (an acronym of the role lexicon; a capitalized word may be a name's).
const ACRONYM_COMMA = /(?<![\p{L}'’-])(\p{Lu}{2,5}),[^\S\n\r]+$/u
const endsWithRoleAcronym = (before: string) => {
  const m = ACRONYM_COMMA.exec(before)
  return m !== null && isRoleWord(m[1] as string)
}
// The rest of a name set off by commas, up to its verb: an optional "of/from/at" place (with
// its state's abbreviation: "of Washington, D.C."), then the closing comma.
const NAMED_APPOSITIVE_END =
  /(?:\s+(?:of|from|at)\s+(?:the\s+)?\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*){0,3}(?:,\s*(?:\p{Lu}\p{Ll}{0,3}\.)+)?)?,\s*/uy

/** Whether `text` holds a comma, then white space with no line break, right before `at` (`,[^\S\n\r]+$`). */
export function commaAndSpaceBefore(text: string, at: number): boolean {
  // Within the 40 characters the patterns read.
  const from = Math.max(0, at - 40)
  const before = lineSpaceStart(text, at, from)
  return before < at && before > from && text.charCodeAt(before - 1) === 0x2c
}

/**
 * The verb after a name that stands in apposition to the noun phrase before it ("Another
 * superdelegate, Michael Brown of Washington, D.C., explained"): the name, set off by commas,
 * names the subject of the finite verb after its closing comma. Null when the name is not so
 * set off, or a participle follows.
 */
function verbAfterNamedAppositive(
  text: string,
  nameStart: number,
  after: string,
): RegExpExecArray | null {
  // Both patterns end in a comma and white space on the name's line: most names have neither
  // before them, and the test of the characters costs less than the patterns'.
  if (!commaAndSpaceBefore(text, nameStart)) return null
  const before = text.slice(Math.max(0, nameStart - 40), nameStart)
  if (!NOUN_PHRASE_COMMA.test(before) && !endsWithRoleAcronym(before)) return null
  NAMED_APPOSITIVE_END.lastIndex = 0
  if (!NAMED_APPOSITIVE_END.test(after)) return null
  VERB_AFTER.lastIndex = NAMED_APPOSITIVE_END.lastIndex
  const verb = VERB_AFTER.exec(after)
  // A participle hangs from the clause around the phrase: "… remarks about his rival, Hillary
  // Clinton, saying": the name is an object there, not a subject.
  return verb && !verb[0].endsWith('ing') ? verb : null
}

/** Where the white space that starts at `at` in `text` ends. */
function whiteSpaceEnd(text: string, at: number): number {
  while (at < text.length && isWhiteSpace(text.charCodeAt(at))) at++
  return at
}

// After the comma, a subject pronoun opens a clause, not an appositive.
const CLAUSE_PRONOUN = /\s*(?:he|she|they|it|we|I)\b/uy
// One stretch of an appositive, closed by its comma; a full stop in it only ends an
// abbreviation before that comma ("Jane Roe, 29, of Huntsville, Ala., says").
const APPOSITIVE_STRETCH = /(?:[^,.;“”"]|\.(?=,)){1,180},/uy
// The same with a title in quote marks, after a lower-case word, in it, its closing comma inside
// the marks or after them: "Jane Roe, editor of the flyer “Oakdale Notes,” said", "Jane Roe,
// author of “Roads”, said" (a quote right after the comma is someone's words, no title). Tried
// only where the plain stretch stops short and a quote mark follows.
const QUOTED_TITLE_STRETCH =
  /(?:(?:[^,.;“”"]|\.(?=,)|(?<=\p{Ll}\s)[“"][^“”"\n,.;]{1,40}[”"]){1,180},|(?:[^,.;“”"]|\.(?=,)|(?<=\p{Ll}\s)[“"][^“”"\n,.;]{1,40}[”"]){0,180}(?<=\p{Ll}\s)[“"][^“”"\n,.;]{1,40},[”"])/uy

/** Where the appositive stretch that starts at `at` in `after` ends (past its comma), -1 if none does. */
function stretchEnd(after: string, at: number): number {
  // The characters are read first: where the stretch stops tells the plain pattern's answer
  // without it (a comma after 1 to 180 characters), and whether a quoted title may go on.
  // (The patterns count a surrogate pair as one character: a stretch that holds one is read
  // by the patterns alone.)
  const stop = Math.min(after.length, at + 181)
  let i = at
  let pairs = false
  for (; i < stop; i++) {
    const code = after.charCodeAt(i)
    if (code === 0x201c || code === 0x22 || code === 0x2c || code === 0x3b || code === 0x201d) break
    if (code === 0x2e && after.charCodeAt(i + 1) !== 0x2c) break
    if (code >= 0xd800 && code <= 0xdfff) pairs = true
  }
  const code = after.charCodeAt(i)
  if (pairs) {
    APPOSITIVE_STRETCH.lastIndex = at
    if (APPOSITIVE_STRETCH.test(after)) return APPOSITIVE_STRETCH.lastIndex
  } else if (i < stop && code === 0x2c) return i > at ? i + 1 : -1
  // The plain stretch stopped at a quote mark, a full stop, a semicolon or its length: only
  // an opening quote mark before the others is worth the longer pattern, and only after a
  // lower-case word and white space, where a title may open ("the flyer “Oakdale Notes,”").
  if (code !== 0x201c && code !== 0x22) return -1
  const before = after.charCodeAt(i - 2)
  if (!isWhiteSpace(after.charCodeAt(i - 1)) || (before < 0x80 && !isLowerAscii(before))) return -1
  QUOTED_TITLE_STRETCH.lastIndex = at
  return QUOTED_TITLE_STRETCH.test(after) ? QUOTED_TITLE_STRETCH.lastIndex : -1
}

/**
 * Where `APPOSITIVES[n - 1]` stops in `after`, for n from 1 to `count`, when a comma (after
 * white space only) stands at `comma`: past n stretches of 1 to 180 characters (no
 * , . ; “ ” " but a quoted title's) each closed by a comma, and the white space after the last; at `comma`
 * (the white space alone) when a subject pronoun follows the comma or fewer stretches
 * follow. The stretches are read once for the three patterns, each of which read them
 * all again from the comma.
 */
function commaAppositiveEnds(after: string, comma: number, count: number): number[] {
  const cuts: number[] = []
  CLAUSE_PRONOUN.lastIndex = comma + 1
  let at = CLAUSE_PRONOUN.test(after) ? -1 : comma + 1
  for (let n = 0; n < count; n++) {
    if (at >= 0) {
      at = stretchEnd(after, at)
    }
    cuts.push(at < 0 ? comma : whiteSpaceEnd(after, at))
  }
  return cuts
}

/**
 * Whether a party tag, an "at/of/from" phrase, an appositive or a dashed aside may open
 * at `at`, after the white space that ends there: "(", a comma or a dash, or "at", "of" or
 * "from" and white space.
 */
function mayOpenAppositive(text: string, at: number): boolean {
  const code = text.charCodeAt(at)
  if (code === 0x28 || code === 0x2c || code === 0x2014 || code === 0x2013) return true
  const word = code === 0x61 ? 'at' : code === 0x6f ? 'of' : code === 0x66 ? 'from' : null
  return (
    word !== null && text.startsWith(word, at) && isWhiteSpace(text.charCodeAt(at + word.length))
  )
}

/**
 * Whether a name starting at `nameStart` and followed by a verb is the verb's
 * subject, as the words before the name decide: not when a preposition governs
 * it ("with Jane Roe attacking" too) or it opens a reported clause.
 */
function isSubjectOf(text: string, nameStart: number): boolean {
  // The words before the name in its own paragraph: a headline's last word ("… Americans
  // Believe In\nJohn Kasich said") governs nothing in the paragraph after it.
  const from = lineStartWithin(text, nameStart, 30)
  // ("Secretary of State John Kerry said": that "of" is part of the title.)
  const governed =
    /\b(?:in|at|from|to|of|across|near|into|for|with|by|on|about|against)\s+(?:the\s+)?$/i.test(
      text.slice(Math.max(from, nameStart - 20), nameStart),
    ) && !/\p{Lu}[\p{L}.]*\s+of\s+$/u.test(text.slice(from, nameStart))
  if (governed) return false
  // "Rubio said President Bukele offered …": the subject of reported speech is not
  // the one a later "he" continues with; the reporter is.
  if (REPORTED_BEFORE.test(text.slice(from, nameStart))) return false
  // Nor the subject of an infinitive's question: "to explain to her who Jane Roe was".
  if (WH_BEFORE.test(text.slice(from, nameStart))) return false
  // Nor is the subject of a "that" clause further on: "Rubio claimed that … and that
  // President Obama is to blame", "Madison recalled in 2008 that before Iowa, Obama wasn't".
  return !inThatClause(text, nameStart)
}

// "who" and the white space after it, at the end of the text before a relative clause's verb.
const WHO_BEFORE_VERB = /\bwho\s+$/

// A writer's verb of reporting: "Tom Hale said he had called Jim Abara, who said …".
const REPORTING_IN_SENTENCE =
  /\b(?:said|says|told|tells|added|adds|wrote|writes|recalled|recalls|explained|explains)\s/

/**
 * Whether a verb of reporting stands before `nameStart` in its sentence: the name is then
 * inside what someone reports ("Tom Hale said he had called Jim Abara, who said he was busy"),
 * and a relative clause's speech there is part of the report, not a speaker the writer brings in.
 */
function reportedBefore(text: string, nameStart: number): boolean {
  const from = Math.max(0, nameStart - 200)
  const window = text.slice(from, nameStart)
  let start = 0
  for (const m of window.matchAll(/[.!?]["”’]?\s+|\n/g)) start = m.index + m[0].length
  return REPORTING_IN_SENTENCE.test(window.slice(start))
}

/**
 * Whether the verb after a name is a speech verb of a relative clause on it: "supported Friday by
 * Sen. Ann Ruiz of Ohio, the committee's chair, who said every line had been checked …".
 * Whatever governs the name, the name speaks there.
 */
function speaksInRelative(after: string, verb: RegExpExecArray): boolean {
  return SPEECH_VERB.test(verb[0]) && WHO_BEFORE_VERB.test(after.slice(0, verb.index))
}

// After the verb, what ends the sentence it closes: a stop (or, after a speech verb, a comma
// that opens its participle: "Jones said, adding"), a day between.
const REPORT_END = new RegExp(
  `(?:\\s+(?:on\\s+)?(?:${WEEKDAY_ALTERNATION}|${RELATIVE_DAYS.join('|')}))?\\s*[.,!?]`,
  'uy',
)
// A comma (and a closing quote mark) right before a name.
const COMMA_BEFORE = /,[”"’]?[^\S\n\r]+$/u

/**
 * Whether a name after a comma and its verb close the sentence: "…, where he is favored to win,
 * Jones said.", "Asked whether he feared that Hale …, Jones shrugged." The name is then
 * the subject of the sentence's own verb, whatever "that" or reporting verb stood earlier in
 * the clause the comma closes.
 */
function closesSentence(
  text: string,
  nameStart: number,
  after: string,
  verb: RegExpExecArray,
): boolean {
  if (!COMMA_BEFORE.test(text.slice(Math.max(0, nameStart - 4), nameStart))) return false
  REPORT_END.lastIndex = verb.index + verb[0].length
  const end = REPORT_END.exec(after)
  if (end === null) return false
  if (SPEECH_VERB.test(verb[0])) return true
  // Another verb closes a sentence only after a fronted phrase ("Asked whether …, Jones shrugged."),
  // not after the main clause's own "He said that when …, Jane Roe panicked.".
  return !end[0].endsWith(',') && opensWithFrontedPhrase(text, nameStart)
}

// A sentence's first word that opens a phrase before its main clause: a participle or a subordinator.
const FRONTED_OPENING =
  /^[\s"“]*(?:\p{Lu}\p{Ll}+(?:ed|ing)|After|Before|When|While|If|Although|Though|Because|As|Since|Once|Unless|Until)\b/u

/** Whether the sentence that holds `at` opens with a participle or a subordinator. */
function opensWithFrontedPhrase(text: string, at: number): boolean {
  const window = text.slice(Math.max(0, at - 400), at)
  let start = 0
  for (const m of window.matchAll(/[.!?]["”’]?\s+|\n/g)) start = m.index + m[0].length
  return FRONTED_OPENING.test(window.slice(start))
}

/** The offset `reach` characters before `at`, or after a line break between them: the start of what `at`'s paragraph holds of them. */
function lineStartWithin(text: string, at: number, reach: number): number {
  const from = Math.max(0, at - reach)
  for (let i = at - 1; i >= from; i--) if (isLineBreak(text.charCodeAt(i))) return i + 1
  return from
}

// A question word that opens an infinitive's object right before a name ("to explain to her who
// Jane Roe was"): the name is the subject of that clause inside another. (A question asked
// about someone, "asked why Jane Roe had", leaves the name the one a later pronoun continues with.)
const WH_BEFORE =
  /\bto[^\S\n\r]+\p{Ll}+(?:[^\S\n\r]+to)?(?:[^\S\n\r]+\p{Ll}+)?[^\S\n\r]+(?:who|whom|whether|why|how)[^\S\n\r]+$/u

// A verb that reports words or thoughts right before a name: "suggested Trump went too far",
// "told reporters Roe had".
const REPORTED_BEFORE = new RegExp(
  `\\b(?:${verbAlternation(
    REPORTING_VERBS.filter((verb) => verb !== 'report' && verb !== 'tell'),
    ['past', 'third'],
  )}|told\\s+\\p{Ll}+|believes|thinks)\\s+(?:that\\s+)?$`,
  'u',
)

// What ends a clause before a name: a sentence's end, a semicolon, a quote mark (but one of a
// few words quoted inside the sentence, `isFragmentMark`), a line break, a comma and a
// conjunction (", and", ", but") that opens a new one, or "but" before a capitalized word or
// the name itself ("argued that the deal was dead but Jim Abara insisted"; a "while" there
// may still be the reported words': "said that Roe was late while Abara was early").
const CLAUSE_BREAK = /[.;!?“”"\n]|,\s*(?:and|but|while|whereas)\s|\sbut\s(?=\p{Lu}|$)/gu

/**
 * Whether the quote mark at `at` opens or closes a few words quoted inside the writer's
 * sentence, lower-case words on both sides: "warned that the bank would call its “remaining
 * loans” unless Jane Roe paid" reads on through the marks.
 */
function isFragmentMark(text: string, at: number): boolean {
  const code = text.charCodeAt(at)
  if (code !== 0x201c && code !== 0x201d && code !== 0x22) return false
  const before = text.charCodeAt(at - 1) === 0x20 ? at - 2 : at - 1
  const after = text.charCodeAt(at + 1) === 0x20 ? at + 2 : at + 1
  return isLowerAscii(text.charCodeAt(before)) && isLowerAscii(text.charCodeAt(after))
}

const isLowerAscii = (code: number) => code >= 0x61 && code <= 0x7a
const THAT_COMMA = /\bthat,\s/g
const WORD_BEFORE = /(\S+)\s+$/
const NOT_BEFORE_THAT: ReadonlySet<string> = new Set([
  ...PREPOSITIONS,
  'like',
  'than',
  'and',
  'but',
  'or',
])

/**
 * Whether `clause` holds "that" and white space, or "that," after a lower-case word (or a day)
 * that is no preposition: "said in a statement Monday that, if the claims hold, Jane Roe is".
 * The demonstrative of "After that," opens no clause.
 */
function holdsThat(clause: string): boolean {
  if (THAT_WORD.test(clause)) return true
  // (`matchAll` copies its pattern on every call: asked only where "that," stands.)
  if (!clause.includes('that,')) return false
  for (const m of clause.matchAll(THAT_COMMA)) {
    const word = WORD_BEFORE.exec(clause.slice(0, m.index))?.[1] ?? ''
    if (/^\p{Ll}+$/u.test(word) ? !NOT_BEFORE_THAT.has(word) : WEEKDAY.test(word)) return true
  }
  return false
}
const THAT_WORD = /\bthat\s/
const WEEKDAY = new RegExp(`^(?:${WEEKDAY_ALTERNATION})$`)

/**
 * Whether the words before `nameStart` in its clause hold "that": the name is then in a
 * reported clause ("claimed that Obama is"), a relative one ("the bill that Obama
 * signed") or a noun's ("in the event that Clinton faces"). Read back 240 characters at most.
 */
function inThatClause(text: string, nameStart: number): boolean {
  const window = text.slice(Math.max(0, nameStart - 240), nameStart)
  const lastThat = window.lastIndexOf('that')
  if (lastThat < 0) return false
  // The clause starts after the last break. The breaks are read from the last "that" on
  // first, then back to the stops and marks before it, a stretch at a time: a break holds
  // white space, a comma and lower-case letters besides its one mark ("; ", ", and ",
  // " but "), so none spans a "that" or another character ("." or "A"), and a read from there
  // finds the breaks that a read from the start would. Most names have a stop between them
  // and the last "that" ("… said that. Jane Roe …"): no clause of theirs holds it. (Each
  // stretch is read with the character after it, which "but" and a capital look at.)
  let clauseStart = -1
  let from = lastThat
  let to = window.length
  for (;;) {
    const stretch = window.slice(from, to + 1)
    CLAUSE_BREAK.lastIndex = 0
    for (let m = CLAUSE_BREAK.exec(stretch); m; m = CLAUSE_BREAK.exec(stretch))
      if (from + m.index < to && !isFragmentMark(window, from + m.index))
        clauseStart = from + m.index + m[0].length
    if (clauseStart >= 0 || from === 0) break
    to = from
    from = breakFreeStart(window, Math.max(0, to - 40))
  }
  return clauseStart <= lastThat && holdsThat(window.slice(Math.max(0, clauseStart)))
}

/**
 * An offset at or before `end` where a read for clause breaks may start and find what a read
 * from the start finds: the last character from `end` back that no break holds inside it
 * (neither white space, a comma, a letter in lower case, nor half of a surrogate pair), or 0.
 */
function breakFreeStart(text: string, end: number): number {
  for (let at = end; at > 0; at--) {
    const code = text.charCodeAt(at)
    if (
      code !== 0x2c &&
      !isWhiteSpace(code) &&
      !isLowerAscii(code) &&
      (code < 0xd800 || code > 0xdfff)
    )
      return at
  }
  return 0
}

/**
 * Marks as a subject the first naming of a person introduced with their role
 * ("…concerns Henry Crespo, president of the caucus."): they are about to be quoted.
 */
function markIntroductions(text: string, entities: NamedEntity[], inQuote: InQuote): void {
  for (const entity of entities) {
    if (entity.kind !== 'person' || !entity.name.includes(' ')) continue
    const first = least(entity.positions)
    const introduction = mayIntroduce(text, first, first + 200)
      ? INTRODUCTION.exec(text.slice(first, first + 200))
      : null
    if (!introduction || inQuote(first)) continue
    // "Rick Santorum, Senator Marco Rubio, and Senator Ted Cruz": a list of names, not a role.
    const rest = text.slice(first + introduction[0].length, first + introduction[0].length + 8)
    const appositive = introduction[1] as string
    if (
      LISTED.test(appositive) ||
      (/^\p{Lu}/u.test(appositive) && /^\s*,\s*(?:and|or)\b/.test(rest))
    )
      continue
    const roleWords = appositive.split(/\s+/).slice(0, 4)
    // "late" is a role's only after an article ("the late senator"); opening the phrase it
    // tells a time: "Jim Roe thanked Tom Hale, late on Friday, for the loan".
    if (roleWords[0] === 'late') roleWords.shift()
    if (roleWords.some((w) => isRoleWord(w) || isPeopleNoun(w))) {
      const surnameAt = first + (introduction[0].indexOf(',') - entity.key.length)
      if (!entity.subjects.includes(surnameAt)) entity.subjects.push(Math.max(first, surnameAt))
    }
  }
}

/**
 * Gives each person whose gender is not known the one of the pronouns ("he",
 * "she") most used in the sentences they are the subject of, if one is.
 * `entities`' subjects must be in order.
 */
function readGenders(text: string, entities: NamedEntity[]): void {
  // Where sentences end, found once: searching the rest of the text from every
  // subject costs the square of a long sentence's length. (Both scans of the whole text
  // wait for a person whose gender is left to read: often none is.)
  let sentenceEnds: number[] | undefined
  let pronouns: PronounIndex | undefined
  let mentions: EntityMentions | undefined
  for (const entity of entities) {
    if (entity.kind !== 'person' || entity.gender || entity.subjects.length === 0) continue
    if (sentenceEnds === undefined || pronouns === undefined || mentions === undefined) {
      sentenceEnds = []
      for (const end of text.matchAll(/[.!?]["”’]?\s/g)) sentenceEnds.push(end.index)
      pronouns = pronounIndex(text)
      mentions = entityMentions(entities)
    }
    let male = 0
    let female = 0
    for (const at of entity.subjects) {
      const next = sentenceEnds[bisectLeft(sentenceEnds, at)]
      const end = next === undefined ? -1 : next - at
      // A pronoun after someone else is named in the sentence is more likely theirs
      // ("Jane Roe, who has known Trump …, worked with him as he set about …"): the
      // count stops at the next mention of another entity.
      const other = nextOtherMention(mentions, entity, at)
      const [he, she] = pronounsIn(
        text,
        pronouns,
        at,
        Math.min(text.length, end < 0 ? at + 200 : at + end, other),
      )
      male += he
      female += she
    }
    if (male > female) entity.gender = 'male'
    else if (female > male) entity.gender = 'female'
  }
}

/** Every entity's mentions, ascending by offset. */
interface EntityMentions {
  at: number[]
  entity: NamedEntity[]
}

function entityMentions(entities: NamedEntity[]): EntityMentions {
  const all: { at: number; entity: NamedEntity }[] = []
  for (const entity of entities) for (const at of entity.positions) all.push({ at, entity })
  all.sort((a, b) => a.at - b.at)
  return { at: all.map((m) => m.at), entity: all.map((m) => m.entity) }
}

/**
 * The offset of the first mention after `at` of an entity of another surname than
 * `entity`'s (infinity if none): two entities of one surname are often one person
 * ("Oscar-winner Sarandon" in a headline, "Susan Sarandon" in the body).
 */
function nextOtherMention(mentions: EntityMentions, entity: NamedEntity, at: number): number {
  const surname = lastWord(entity.key)
  for (let i = bisectLeft(mentions.at, at + 1); i < mentions.at.length; i++) {
    const other = mentions.entity[i] as NamedEntity
    if (other !== entity && lastWord(other.key) !== surname) return mentions.at[i] as number
  }
  return Number.POSITIVE_INFINITY
}

// The abbreviations a name's words may end in ("Sen.", "Jr.", "St."), those with no inner period.
const NAME_ABBREVIATIONS: ReadonlySet<string> = new Set(
  ABBREVIATIONS.filter((word) => !word.includes('.')),
)
// One to three capitalized words, initials or abbreviations, each with white space after it
// that holds no line break, ending the text. A word that ends in a full stop and is no
// initial or abbreviation ends a sentence ("… in Georgia. Joseph Hunter said"), and a line
// break a paragraph: the words before either belong to another sentence, whose
// preposition ("in Georgia") governs nothing of the name after it.
export const NAME_WORDS_BEFORE = new RegExp(
  `(?:(?:\\p{Lu}[\\p{L}'’-]*|\\p{Lu}\\.|(?:${[...NAME_ABBREVIATIONS].join('|')})\\.)[^\\S\\n\\r]+){1,3}$`,
  'u',
)

/** Whether an ASCII code unit is a line break (LF or CR). */
const isLineBreak = (code: number) => code === 0x0a || code === 0x0d

/** Whether an ASCII code unit is `\s`. */
const isAsciiSpace = (code: number) => code === 0x20 || (code >= 0x09 && code <= 0x0d)

/** Whether an ASCII code unit is in `[\p{L}'’-]`. */
const isAsciiNameChar = (code: number) =>
  ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a) || code === 0x27 || code === 0x2d

/**
 * `NAME_WORDS_BEFORE.exec(window)?.[0].length ?? 0`, read back from the window's end
 * when it is ASCII: the pattern, anchored at the end only, was tried from each of the
 * window's characters. (Its leftmost match takes the most words that fit, the first of
 * them possibly the tail of a longer word: "xMcKay" gives "McKay".)
 */
export function nameWordsBefore(window: string): number {
  for (let at = 0; at < window.length; at++)
    if (window.charCodeAt(at) >= 0x80) return NAME_WORDS_BEFORE.exec(window)?.[0].length ?? 0
  let end = window.length
  if (end === 0 || !isAsciiSpace(window.charCodeAt(end - 1))) return 0
  let start = -1
  for (let words = 0; words < 3; words++) {
    let wordEnd = end
    let lineBreak = false
    while (wordEnd > 0 && isAsciiSpace(window.charCodeAt(wordEnd - 1))) {
      lineBreak ||= isLineBreak(window.charCodeAt(wordEnd - 1))
      wordEnd--
    }
    if (wordEnd === 0 || lineBreak) break
    let wordStart = wordEnd
    while (wordStart > 0 && !isAsciiSpace(window.charCodeAt(wordStart - 1))) wordStart--
    // The word, less a full stop at its end, must end in a capital and name characters after
    // it; with the full stop, in an initial or an abbreviation (the first such tail).
    const stop = window.charCodeAt(wordEnd - 1) === 0x2e
    const body = stop ? wordEnd - 1 : wordEnd
    let run = body
    while (run > wordStart && isAsciiNameChar(window.charCodeAt(run - 1))) run--
    let capital = run
    while (
      capital < body &&
      !(
        isAsciiCapital(window.charCodeAt(capital)) &&
        (!stop || capital === body - 1 || NAME_ABBREVIATIONS.has(window.slice(capital, body)))
      )
    )
      capital++
    if (capital === body) break
    start = capital
    // Only a whole word lets the match take the word before it.
    if (capital !== wordStart) break
    end = wordStart
  }
  return start < 0 ? 0 : window.length - start
}

const isAsciiCapital = (code: number) => code >= 0x41 && code <= 0x5a

/** The least of `values` (Infinity for none), without spreading them into arguments, which a long list overflows. */
function least(values: readonly number[]): number {
  let min = Number.POSITIVE_INFINITY
  for (const value of values) if (value < min) min = value
  return min
}

/** What `indexMentions` reads once of a surname that several people bear. */
interface SharedSurname {
  /** The people who bear it, in the order the article's entities come. */
  bearers: readonly NamedEntity[]
  /** Their given names, see {@link givenNames}. */
  givens: GivenNode
  /** The index of the bearer first named (the least first position; the first listed on a tie). */
  earliest: number
  /** Each bearer's index. */
  order: Map<NamedEntity, number>
}

/** A node of a trie of given names read backwards, last character first. */
interface GivenNode {
  next: Map<number, GivenNode>
  /** The least index of a bearer whose given name ends here (Infinity for none). */
  bearer: number
}

/**
 * The given names of a surname's bearers: each alias less the surname's length at its
 * end ("Rakeyia Scott" less "scott"), white space trimmed off its end, read backwards
 * into a trie; each node that ends one knows the first bearer it names.
 */
function givenNames(bearers: readonly NamedEntity[], surname: string): GivenNode {
  const root: GivenNode = { next: new Map(), bearer: Number.POSITIVE_INFINITY }
  for (const [index, entity] of bearers.entries()) {
    for (const alias of entity.aliases) {
      const given = alias.slice(0, Math.max(0, alias.length - surname.length)).trimEnd()
      let node = root
      for (let at = given.length - 1; at >= 0; at--) {
        const code = given.charCodeAt(at)
        let next = node.next.get(code)
        if (next === undefined) {
          next = { next: new Map(), bearer: Number.POSITIVE_INFINITY }
          node.next.set(code, next)
        }
        node = next
      }
      if (node !== root) node.bearer = Math.min(node.bearer, index)
    }
  }
  return root
}

const WHITE_SPACE = /\s/

/**
 * The first bearer (by index) one of whose given names the text writes right before
 * `at`: `text.slice(Math.max(0, at - given.length - 1), at).trimEnd().endsWith(given)`
 * for some given name, that is the name ending at `at` or one white-space character
 * before it. -1 for none. One walk back through the trie, not a test of every name.
 */
function writtenInFull(text: string, at: number, givens: GivenNode): number {
  let end = at
  if (end > 0 && WHITE_SPACE.test(text.charAt(end - 1))) end--
  // (Two white-space characters leave the window too short for any name.)
  if (end < at && end > 0 && WHITE_SPACE.test(text.charAt(end - 1))) return -1
  let best = Number.POSITIVE_INFINITY
  let node: GivenNode | undefined = givens
  for (let k = end - 1; k >= 0; k--) {
    node = node.next.get(text.charCodeAt(k))
    if (node === undefined) break
    if (node.bearer < best) best = node.bearer
  }
  return best === Number.POSITIVE_INFINITY ? -1 : best
}

/** Sorts offsets in place, ascending; most lists are already in order, and are only read. */
function sortAscending(list: number[]): void {
  for (let i = 1; i < list.length; i++) {
    if ((list[i - 1] as number) > (list[i] as number)) {
      list.sort((a, b) => a - b)
      return
    }
  }
}

/**
 * Whether `INTRODUCTION` may match `text.slice(from, to)`: one to four names' words
 * (each starting with a capital) and the white space between them run up to the
 * first comma, so a word starting a-z, a fourth gap, an ASCII character that is
 * none of A-Z, a-z, . ' - or white space before it, or no comma at all rule it out.
 */
function mayIntroduce(text: string, from: number, to: number): boolean {
  const end = Math.min(to, text.length)
  let gaps = 0
  let spaced = true
  for (let at = from; at < end; at++) {
    const code = text.charCodeAt(at)
    if (code === 0x2c) return true
    if (isWhiteSpace(code)) {
      if (!spaced && ++gaps > 3) return false
      spaced = true
      continue
    }
    const wordStart = spaced
    spaced = false
    if (code >= 0x80) continue
    if (code >= 0x61 && code <= 0x7a) {
      if (wordStart) return false
      continue
    }
    if (code >= 0x41 && code <= 0x5a) continue
    if (code !== 0x2e && code !== 0x27 && code !== 0x2d) return false
  }
  return false
}

/** Every "he" and "she" of the text: starts and ends ascending, and how many of each before the i-th. */
interface PronounIndex {
  starts: number[]
  ends: number[]
  he: number[]
  she: number[]
}

function pronounIndex(text: string): PronounIndex {
  const index: PronounIndex = { starts: [], ends: [], he: [0], she: [0] }
  for (const p of text.matchAll(PRONOUN)) {
    // ("he" is two letters, "she" three.)
    const male = (p[1] as string).length === 2
    index.starts.push(p.index)
    index.ends.push(p.index + p[0].length)
    index.he.push((index.he.at(-1) as number) + (male ? 1 : 0))
    index.she.push((index.she.at(-1) as number) + (male ? 0 : 1))
  }
  return index
}

const WORD_CHAR = /[A-Za-z0-9_]/

/**
 * How many "he" and "she" `PRONOUN` finds in `text.slice(at, stop)`, counted
 * from the whole text's matches in logarithmic time. The slice's edges are word
 * boundaries where the text's may not be: a pronoun right at either edge is
 * checked on its own.
 */
function pronounsIn(text: string, index: PronounIndex, at: number, stop: number): [number, number] {
  const first = bisectLeft(index.starts, at)
  const last = Math.max(first, bisectLeft(index.ends, stop + 1))
  let he = (index.he[last] as number) - (index.he[first] as number)
  let she = (index.she[last] as number) - (index.she[first] as number)
  const count = (word: string) => {
    if (word.length === 2) he++
    else she++
  }
  let startCounted = -1
  if (at > 0 && WORD_CHAR.test(text.charAt(at - 1))) {
    const head = /^(he|she)\b/i.exec(text.slice(at, Math.min(stop, at + 4)))
    if (head) {
      count(head[1] as string)
      startCounted = at
    }
  }
  if (stop < text.length && stop > at && WORD_CHAR.test(text.charAt(stop))) {
    const from = Math.max(at, stop - 3)
    const tail = /(he|she)$/i.exec(text.slice(from, stop))
    if (tail) {
      const start = from + tail.index
      const bounded = start === at || !WORD_CHAR.test(text.charAt(start - 1))
      if (bounded && start !== startCounted) count(tail[1] as string)
    }
  }
  return [he, she]
}

/** `name.split(' ')[0].toLowerCase()`, without the array: it is asked at each mention of a known key. */
const firstName = (name: string) => {
  const space = name.indexOf(' ')
  return (space < 0 ? name : name.slice(0, space)).toLowerCase()
}

/** `key.split(' ').pop()`: a key's last word, its surname for a person. */
const lastWord = (key: string) => key.slice(key.lastIndexOf(' ') + 1)

/**
 * Adds a mention to the entities it may name. Two full names that share a
 * surname but not a first name ("Rakeyia Scott", "Keith Scott") are two
 * people: the second is keyed by its full name, and the bare surname stays with
 * the first (news writing names the others in full: after "his daughter Ivanka
 * Trump" spoke, "Trump said" is still Donald Trump). `aliased`, when given, holds
 * every alias the entities of `entities` have: a name not in it is no entity's.
 */
function add(
  entities: Map<string, NamedEntity>,
  mention: SpeakerMention,
  at: number,
  aliased?: Set<string>,
): NamedEntity {
  let existing = entities.get(mention.key)
  if (
    existing &&
    existing.kind === 'person' &&
    mention.kind === 'person' &&
    mention.name.includes(' ') &&
    existing.name.includes(' ') &&
    firstName(mention.name) !== firstName(existing.name) &&
    !existing.aliases.has(mention.name)
  ) {
    const fullKey = mention.name.toLowerCase()
    existing =
      entities.get(fullKey) ??
      (aliased && !aliased.has(mention.name)
        ? undefined
        : [...entities.values()].find((e) => e.aliases.has(mention.name)))
    if (!existing) {
      // The first bearer keeps a key of its own full name too.
      const first = entities.get(mention.key) as NamedEntity
      if (!entities.has(first.name.toLowerCase())) entities.set(first.name.toLowerCase(), first)
      const entity = newEntity({ ...mention, key: fullKey }, at)
      aliased?.add(mention.name)
      entities.set(fullKey, entity)
      return entity
    }
  }
  if (existing) {
    if (mention.name.length > existing.name.length && existing.kind === mention.kind)
      existing.name = mention.name
    existing.aliases.add(mention.name)
    aliased?.add(mention.name)
    for (const role of mention.roles) existing.roles.add(role)
    existing.gender ??= mention.gender
    if (!existing.placed.has(at)) {
      existing.positions.push(at)
      existing.placed.add(at)
    }
    return existing
  }
  const entity = newEntity(mention, at)
  aliased?.add(mention.name)
  entities.set(mention.key, entity)
  return entity
}

function newEntity(mention: SpeakerMention, at: number): NamedEntity {
  return {
    key: mention.key,
    name: mention.name,
    kind: mention.kind,
    aliases: new Set([mention.name]),
    roles: new Set(mention.roles),
    gender: mention.gender,
    positions: [at],
    placed: new Set([at]),
    subjects: [],
    speeches: [],
    minorSubjects: new Set(),
  }
}

/** The article's register of names, which quote attribution reads and extends. */
interface TimelineEntry {
  at: number
  entity: NamedEntity
}

interface IndexedEntity {
  positions: number
  subjects: number
  speeches: number
  spoken: Set<number>
}

const TIMELINE_BUCKET = 1024
// How much later than it is a speech counts, to a pronoun's antecedent: a speaker is the
// likeliest antecedent of the next pronoun.
const SPEAKER_BONUS = 60

/**
 * A list of offsets sorted, as far as the list was read (`seen` of its items), in
 * ascending runs, each run longer than the next. An offset at or after the end of the
 * last run is pushed onto it; an earlier one starts a run of its own; a run as long as
 * the one before is merged into it. Offsets come in text order within a pass, but a
 * later pass adds offsets before those of an earlier one (the speakers found quote by
 * quote after the mentions of the whole article): inserting each into one sorted list
 * moved the list's tail each time, the square of the mentions on a page of thousands of
 * quotes; with runs each offset is merged into a list at least twice as long, at most
 * log n times.
 */
interface SortedView {
  seen: number
  runs: number[][]
}

/** `run` and `next`, two ascending lists, as one. */
function mergeRuns(run: readonly number[], next: readonly number[]): number[] {
  const merged = new Array<number>(run.length + next.length)
  let i = 0
  let j = 0
  let k = 0
  while (i < run.length && j < next.length) {
    const a = run[i] as number
    const b = next[j] as number
    if (b < a) {
      merged[k++] = b
      j++
    } else {
      merged[k++] = a
      i++
    }
  }
  while (i < run.length) merged[k++] = run[i++] as number
  while (j < next.length) merged[k++] = next[j++] as number
  return merged
}

/** Adds `value` to the view's runs (see `SortedView`). */
function insertSorted(runs: number[][], value: number): void {
  const last = runs.at(-1)
  if (last && (last.length === 0 || (last.at(-1) as number) <= value)) last.push(value)
  else runs.push([value])
  while (runs.length > 1 && (runs.at(-2) as number[]).length <= (runs.at(-1) as number[]).length) {
    const next = runs.pop() as number[]
    runs.push(mergeRuns(runs.pop() as number[], next))
  }
}

const escapeRegExp = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const SURROGATE = /[\ud800-\udfff]/
const LETTER_AT = /\p{L}/uy

/** Whether the code unit at `at` is a letter (`\p{L}`), for text without surrogates; false past the end. */
function isLetterAt(text: string, at: number): boolean {
  const code = text.charCodeAt(at)
  if (code < 0x80) return (code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a
  if (!(code >= 0x80)) return false
  LETTER_AT.lastIndex = at
  return LETTER_AT.test(text)
}

/**
 * Whether `roles` holds `stem` as a whole word, bare or with "s" or "es" after it:
 * `new RegExp(`(?:^|[^\\p{L}])${escapeRegExp(stem)}(?:s|es)?(?![\\p{L}])`, 'u').test(roles)`,
 * read off the places `stem` occurs (that pattern, built per word, where either
 * holds a surrogate).
 */
function holdsWord(roles: string, stem: string): boolean {
  if (!roles.includes(stem)) return false
  if (SURROGATE.test(roles) || SURROGATE.test(stem))
    return new RegExp(`(?:^|[^\\p{L}])${escapeRegExp(stem)}(?:s|es)?(?![\\p{L}])`, 'u').test(roles)
  for (let at = roles.indexOf(stem); at >= 0; at = roles.indexOf(stem, at + 1)) {
    if (at > 0 && isLetterAt(roles, at - 1)) continue
    const end = at + stem.length
    if (!isLetterAt(roles, end)) return true
    if (roles.charCodeAt(end) === 0x73 && !isLetterAt(roles, end + 1)) return true
    if (roles.startsWith('es', end) && !isLetterAt(roles, end + 2)) return true
  }
  return false
}

export class NameRegistry {
  private readonly byKey = new Map<string, NamedEntity>()

  /** Clean-text offsets where paragraphs start, ascending. */
  private readonly paragraphStarts: number[]
  /**
   * Sorted views of entities' offsets (positions, subjects, speeches), kept as the
   * offsets are appended: "the last one before this quote" is then a bisection, where a
   * scan of every mention made each quote of a page of thousands of quotes cost the page.
   */
  private readonly views = new Map<readonly number[], SortedView>()
  // The list asked about last and its view: one candidate's features ask about the same
  // list several times in a row.
  private lastValues: readonly number[] | null = null
  private lastView: SortedView | undefined
  /**
   * Every entity's mentions and subjects by offset, in buckets of
   * `TIMELINE_BUCKET` characters, so that `antecedent` reads only the stretch
   * before a pronoun that can win, not the whole article.
   */
  private readonly timeline: Record<'subjects' | 'positions', TimelineEntry[][]> = {
    subjects: [],
    positions: [],
  }
  /** Per entity: how much of it the timeline holds, and its speeches as a set. */
  private readonly indexed = new Map<NamedEntity, IndexedEntity>()
  /** Bumped whenever a key of `byKey` changes, which may reorder or drop entities. */
  private version = 0
  private ranked: {
    version: number
    rank: Map<NamedEntity, number>
    entities: NamedEntity[]
  } | null = null
  private readonly roleTexts = new Map<
    NamedEntity,
    { roles: number; aliases: number; text: string }
  >()

  /** Each entity a key names, by its first appearance among the keys (the order ties are broken in). */
  private rank(): Map<NamedEntity, number> {
    return this.ranking().rank
  }

  /** Every entity the keys name, each once, in the order of `rank` (`new Set(byKey.values())`). */
  private entities(): readonly NamedEntity[] {
    return this.ranking().entities
  }

  private ranking(): { rank: Map<NamedEntity, number>; entities: NamedEntity[] } {
    if (this.ranked?.version !== this.version) {
      const rank = new Map<NamedEntity, number>()
      for (const entity of this.byKey.values()) if (!rank.has(entity)) rank.set(entity, rank.size)
      this.ranked = { version: this.version, rank, entities: [...rank.keys()] }
    }
    return this.ranked
  }

  constructor(entities: NamedEntity[], paragraphStarts: number[] = []) {
    this.paragraphStarts = paragraphStarts
    for (const entity of entities) {
      this.byKey.set(entity.key, entity)
      const surname = lastWord(entity.key)
      if (!this.byKey.has(surname)) this.byKey.set(surname, entity)
    }
    for (const entity of this.byKey.values()) this.sync(entity)
  }

  /** Adds what was pushed onto the entity's positions, subjects and speeches since the last sync. */
  private sync(entity: NamedEntity): void {
    let seen = this.indexed.get(entity)
    if (!seen) {
      seen = { positions: 0, subjects: 0, speeches: 0, spoken: new Set() }
      this.indexed.set(entity, seen)
    }
    for (const field of ['positions', 'subjects'] as const) {
      const buckets = this.timeline[field]
      for (; seen[field] < entity[field].length; seen[field]++) {
        const at = entity[field][seen[field]] as number
        const bucket = Math.floor(at / TIMELINE_BUCKET)
        const list = buckets[bucket]
        if (list) list.push({ at, entity })
        else buckets[bucket] = [{ at, entity }]
      }
    }
    for (; seen.speeches < entity.speeches.length; seen.speeches++)
      seen.spoken.add(entity.speeches[seen.speeches] as number)
  }

  /** Whether the article names someone by this word: a surname, a name, an organization. */
  knows(word: string): boolean {
    return this.byKey.has(word.toLowerCase())
  }

  /** Records a mention and returns the entity it names (a surname finds the full name). */
  note(mention: SpeakerMention, at: number): NamedEntity {
    const keys = [mention.key, mention.name.toLowerCase()]
    const before = keys.map((key) => this.byKey.get(key))
    const size = this.byKey.size
    const entity = add(this.byKey, mention, at)
    if (this.byKey.size !== size || keys.some((key, i) => this.byKey.get(key) !== before[i]))
      this.version++
    this.sync(entity)
    return entity
  }

  /**
   * Gives a person the body names by surname alone ("Secretary of State Rubio", "Mr.
   * Rubio") the full name another part of the article writes ("Marco Rubio" in the
   * headline), when the full name starts with a common given name.
   */
  completeName(full: string): void {
    const [given, surname, ...rest] = full.split(/\s+/)
    if (!given || !surname || rest.length > 0) return
    const gender = genderOfGivenName(given)
    if (!gender) return
    const entity = this.byKey.get(surname.toLowerCase())
    if (entity?.kind !== 'person' || entity.name.toLowerCase() !== surname.toLowerCase()) return
    entity.name = full
    entity.aliases.add(full)
    entity.gender ??= gender
  }

  /** The entity whose roles hold all the words of a nominal such as "the Salvadoran president", when exactly one does. */
  byRole(nominal: string, at = Number.POSITIVE_INFINITY): NamedEntity | undefined {
    const words = nominal
      .toLowerCase()
      .replace(LEADING_ARTICLE, '')
      .split(/\s+/)
      .filter((w) => w.length > 2)
    if (words.length === 0 || words.length > 3) return undefined
    // Whole words: "the man" is no "Manchester Rotary Club".
    const stems = words.map((w) => w.replace(/s$/, ''))
    const holds = (roles: string, i: number) => holdsWord(roles, stems[i] as string)
    // An entity stands under several keys: it is tested once, and listed under each key as before.
    const fits = new Map<NamedEntity, boolean>()
    const matches = [...this.byKey.values()].filter((entity) => {
      let fit = fits.get(entity)
      if (fit === undefined) {
        const roles = this.roleText(entity)
        fit = stems.every((_, i) => holds(roles, i))
        fits.set(entity, fit)
      }
      return fit
    })
    if (matches.length <= 1) return matches[0]
    // Several fit ("the president"): the one the text named last.
    const last = (entity: NamedEntity) => this.lastBefore(entity.positions, at)
    return matches.sort((a, b) => last(b) - last(a))[0]
  }

  /**
   * An entity's roles and aliases, lower-cased, in one string. Both sets only ever
   * grow, so their sizes tell whether the string kept from the last call still holds.
   */
  private roleText(entity: NamedEntity): string {
    const kept = this.roleTexts.get(entity)
    if (kept && kept.roles === entity.roles.size && kept.aliases === entity.aliases.size)
      return kept.text
    const text = [...entity.roles, ...entity.aliases].join(' ').toLowerCase()
    this.roleTexts.set(entity, { roles: entity.roles.size, aliases: entity.aliases.size, text })
    return text
  }

  /** The sorted runs of `values` (see `SortedView`). */
  private sortedRuns(values: readonly number[]): readonly (readonly number[])[] {
    let view = values === this.lastValues ? this.lastView : this.views.get(values)
    if (!view || view.seen > values.length) {
      view = { seen: values.length, runs: [[...values].sort((a, b) => a - b)] }
      this.views.set(values, view)
    }
    this.lastValues = values
    this.lastView = view
    for (; view.seen < values.length; view.seen++)
      insertSorted(view.runs, values[view.seen] as number)
    return view.runs
  }

  /** The largest of `values` (an entity's offsets of one sort) below `at`, or -1. */
  lastBefore(values: readonly number[], at: number): number {
    let last = -1
    for (const run of this.sortedRuns(values)) {
      const n = bisectLeft(run, at)
      if (n > 0 && (run[n - 1] as number) > last) last = run[n - 1] as number
    }
    return last
  }

  /** How many of `values` (an entity's offsets of one sort) are below `at`. */
  countBelow(values: readonly number[], at: number): number {
    let count = 0
    for (const run of this.sortedRuns(values)) count += bisectLeft(run, at)
    return count
  }

  /** Every entity the text names before `at`, each once, the most recently named first. */
  namedBefore(at: number): NamedEntity[] {
    const last = (entity: NamedEntity) => this.lastBefore(entity.positions, at)
    return this.entities()
      .map((entity) => ({ entity, at: last(entity) }))
      .filter((e) => e.at >= 0)
      .sort((a, b) => b.at - a.at || a.entity.key.localeCompare(b.entity.key))
      .map((e) => e.entity)
  }

  /** The clean-text offset where paragraph `index` starts (0 before the first). */
  paragraphStart(index: number): number {
    return index < 0 ? 0 : (this.paragraphStarts[index] ?? 0)
  }

  /** The index of the paragraph holding offset `at`, counting from 0. */
  paragraphAt(at: number): number {
    return Math.max(0, bisectLeft(this.paragraphStarts, at + 1) - 1)
  }

  /**
   * Whether the entity is named between `from` and `to` as the subject of a relative clause on
   * a name named in passing: its quote there ("praised Kate Lee, who had called the board “a
   * team,”") is not the writer's turn to it.
   */
  minorAt(entity: NamedEntity, from: number, to: number): boolean {
    for (const p of entity.minorSubjects) if (p >= from && p < to) return true
    return false
  }

  /** Records that the entity spoke at `at`: a speaker is the likeliest antecedent of the next pronoun. */
  spoke(entity: NamedEntity, at: number): void {
    entity.subjects.push(at)
    entity.speeches.push(at)
    this.sync(entity)
  }

  /**
   * How far a speech at `p` counts later than it is: `SPEAKER_BONUS` characters, but never into
   * the next paragraph, whose own subject is nearer the pronoun than a speaker before it ("…,”
   * she said. / Jane Fox, the baker on the corner, recalled …").
   */
  private speakerBonus(p: number): number {
    const next = this.paragraphStarts[bisectLeft(this.paragraphStarts, p + 1)]
    return next === undefined ? SPEAKER_BONUS : Math.min(SPEAKER_BONUS, next - 1 - p)
  }

  /**
   * The entity a pronoun at `at` refers to: the last subject of a clause
   * before it whose gender fits (a speaker counts as a subject), else the
   * last entity named at all.
   */
  antecedent(
    at: number,
    gender: 'male' | 'female' | null,
    kind: 'person' | 'organization' | null,
  ): NamedEntity | undefined {
    // Score by recency; an entity not yet shown to fit the pronoun (unknown
    // gender, never a speaker) must be much closer to win.
    const UNPROVEN = 400
    // A subject earlier in the pronoun's own paragraph outranks anyone before it.
    const SAME_PARAGRAPH = 2000
    // A relative clause's subject on a name named in passing counts as named this much earlier.
    const MINOR_SUBJECT = 300
    const paragraph = bisectLeft(this.paragraphStarts, at + 1) - 1
    const paragraphStart = paragraph < 0 ? 0 : (this.paragraphStarts[paragraph] as number)
    const pick = (field: 'subjects' | 'positions') => {
      let best: NamedEntity | undefined
      let bestScore = Number.NEGATIVE_INFINITY
      let bestOrder = Number.POSITIVE_INFINITY
      let bestAt = Number.NEGATIVE_INFINITY
      const rank = this.rank()
      const buckets = this.timeline[field]
      // Latest bucket first; entries earlier than the best score less the largest
      // bonus cannot win. Equal scores go to the later naming ("Tom Hale said … Jim Abara
      // disagreed.", both speeches counted to the paragraph's end: Abara), then to the entity
      // the registry met first.
      for (let bucket = Math.floor((at - 1) / TIMELINE_BUCKET); bucket >= 0; bucket--) {
        if ((bucket + 1) * TIMELINE_BUCKET + SPEAKER_BONUS + SAME_PARAGRAPH < bestScore) break
        for (const { at: p, entity } of buckets[bucket] ?? []) {
          if (p >= at) continue
          if (kind && entity.kind !== kind) continue
          if (gender && entity.gender && entity.gender !== gender) continue
          const order = rank.get(entity)
          if (order === undefined) continue
          const seen = this.indexed.get(entity) as IndexedEntity
          const proven = !gender || entity.gender !== null || entity.speeches.length > 0
          const score =
            p -
            (proven ? 0 : UNPROVEN) -
            (field === 'subjects' && entity.minorSubjects.has(p) ? MINOR_SUBJECT : 0) +
            (seen.spoken.has(p) ? this.speakerBonus(p) : 0) +
            (p >= paragraphStart ? SAME_PARAGRAPH : 0)
          if (
            score > bestScore ||
            (score === bestScore && (p > bestAt || (p === bestAt && order < bestOrder)))
          ) {
            best = entity
            bestScore = score
            bestOrder = order
            bestAt = p
          }
        }
      }
      return best
    }
    // Failing a subject, a mere mention will do, but only of someone shown to fit: a
    // place or a thing named in passing ("in New York") is no "he".
    const mentioned = pick('positions')
    const fits = (entity: NamedEntity) =>
      !gender || entity.gender === gender || (entity.gender === null && entity.speeches.length > 0)
    const subject = pick('subjects')
    if (subject && !fits(subject)) {
      // An unproven subject ("El Salvador marked …") yields to someone who fits and
      // was named after it ("… Marco Rubio's trip. His journey …, where he said").
      const last = subject.subjects.some((p) => p < at)
        ? this.lastBefore(subject.subjects, at)
        : Number.NEGATIVE_INFINITY
      let later: NamedEntity | undefined
      let laterAt = last
      for (const entity of this.entities()) {
        if (entity === subject || (kind && entity.kind !== kind) || !fits(entity)) continue
        const p = this.lastBefore(entity.positions, at)
        if (p >= 0 && p > laterAt) [later, laterAt] = [entity, p]
      }
      if (later) return later
    }
    return subject ?? (mentioned && fits(mentioned) ? mentioned : undefined)
  }
}
