import {
  ABBREVIATION_ALTERNATION,
  AUXILIARY_VERBS,
  capitalized,
  DOCUMENT_NOUNS,
  GROUP_NOUNS,
  MONTHS,
  PEOPLE_NOUNS,
  RELATIVE_DAYS,
  RELATIVE_TIMES,
  SPEECH_NOUNS,
  TITLED_WORK_NOUNS,
  WEEKDAY_ALTERNATION,
  WEEKDAYS,
} from '../lexicon/index.js'
import { CAPITALIZED_CUE, CUE, CUE_AT_START, HAS_CUE, NAMING_CUE, PARTICIPLE_CUE } from './cues.js'
import {
  firstSentenceEnd,
  isNounUse,
  lastSentenceStart,
  mainSubject,
  mentionAt,
  nounPhraseAtStart,
  ROLE_APPOSITIVE,
  SUBORDINATOR,
  trailingNounPhrase,
  wordCount,
} from './noun-phrases.js'
import { isGrammarWord } from './proper-name.js'
import type { SpeakerMention } from './speaker-mention.js'
import {
  isPeopleNoun,
  isRoleWord,
  nominalHead,
  parseSpeakerMention,
  speakerNounKind,
} from './speaker-mention.js'
import { isUsableMention, speaksAsNominal } from './usable-mention.js'
import { isWhiteSpace } from './white-space.js'
import type { Attribution } from './working.js'

/** `Sen. Jane Doe (D-Mo.) said.`: a whole sentence of a few words that only names a speaker and a cue. */
export function isShortAttribution(after: string): boolean {
  const sentence = after.trim()
  return (
    /[.!?]$/.test(sentence) &&
    sentence.split(/\s+/).length <= 8 &&
    HAS_CUE.test(sentence) &&
    /^\p{Lu}/u.test(sentence)
  )
}

/** A quote signed with a dash after it: `…” ― Jane Doe`, `…” — Rubio`. */
export function dashSignature(after: string, base: number): Attribution | null {
  const m = /^\s*[―—–]\s*/.exec(after)
  if (!m) return null
  const phrase = nounPhraseAtStart(after.slice(m[0].length)).replace(/\.$/, '')
  const mention = parseSpeakerMention(phrase)
  if (!isUsableMention(mention) || mention.form !== 'name') return null
  return { mention, mentionAt: base + m[0].length, cue: null, rule: 'cue-after', confidence: 0.85 }
}

// An abbreviation's period (or an initial's) ends no sentence.
const ENDS_IN_ABBREVIATION = new RegExp(`\\b(?:${ABBREVIATION_ALTERNATION}|[A-Z])\\.$`)
const ABBREVIATION_PERIODS = new RegExp(`\\b(?:${ABBREVIATION_ALTERNATION}|[A-Z])\\.`, 'g')

/** A quote that ends its sentence with a full stop: whatever follows is a new sentence, not its attribution. */
export function endsSentence(inner: string): boolean {
  const text = inner.trim()
  return /\.["”’)]*$/.test(text) && !ENDS_IN_ABBREVIATION.test(text)
}

export const TRANSCRIPT = /^(\p{Lu}[\p{Lu}.'’ -]{1,30}\p{Lu}):\s/u

/** A transcript line quoted whole: "PENCE: Well, look, …". */
export function transcriptSpeaker(inner: string, at: number): Attribution | null {
  const m = TRANSCRIPT.exec(inner)
  if (!m) return null
  const name = (m[1] as string).toLowerCase().replace(/(^|[\s'’-])\p{Ll}/gu, (c) => c.toUpperCase())
  const mention = parseSpeakerMention(name)
  if (mention?.form !== 'name') return null
  return {
    mention: { ...mention, text: m[1] as string },
    mentionAt: at,
    cue: null,
    rule: 'transcript',
    confidence: 0.9,
  }
}

// What ends the subject before a cue after the quote: another sentence, clause or quote.
const SUBJECT_BREAK = /[.!?;“”"]/

// A conjunction right before the cue's subject, opening a clause of its own: "“…,” but Ann Lee
// called". (Not "and" or "yet", which go on with the quoted words: "“…” and against the law,
// Roe said"; nor "but" before other words: "“…” but not yet, Roe said".)
const CONJUNCTION_LEAD = /^[\s,]*(?:but|while|whereas)\s+$/i
const SUBORDINATE_LEAD =
  /\b(?:if|when|whenever|although|though|because|since|while|unless|whether|once|until|after|before)\s+[^,]*$/i

/** `…,” he said.` / `…,” said Rubio.` / `…” Bukele stated in a post on X.` */
export function cueAfter(after: string, base: number, adjacentOnly = false): Attribution | null {
  const lead = after.match(/^[\s,]*(?:[—–-]\s*)?/)?.[0] ?? ''
  const rest = after.slice(lead.length)
  const start = base + lead.length
  if (rest === '') return null
  // ("state police said": "state" there is no inverted cue but the adjective of people.)
  const inverted = CUE_AT_START.exec(rest)
  if (inverted && !isNounUse(rest, 0)) {
    const cueText = inverted[0]
    // "“fantastic,” telling reporters …": what follows a participle is its object; the
    // participle hangs off the subject before the quote.
    if (/^according\s+to$/i.test(cueText) || PARTICIPLE_CUE.test(cueText)) return null
    const tail = rest.slice(cueText.length)
    const np = tail.replace(/^\s+/, '')
    const name = nounPhraseAtStart(np)
    // "said Hannah Cole, a lawyer for the tenants": the role beside the name comes along.
    const beside = /^,\s+((?:a|an|the|his|her|their|its)\s[^,.;:“”"()]+?)\s*(?:[,.;:]|$)/.exec(
      np.slice(name.length),
    )?.[1]
    const phrase = beside && ROLE_APPOSITIVE.test(beside) ? `${name}, ${beside}` : name
    const mention = parseSpeakerMention(phrase)
    if (!isUsableMention(mention) || /^(?:that|it|this)$/i.test(phrase)) return null
    return {
      mention,
      mentionAt: start + cueText.length + (tail.length - np.length),
      cue: { text: cueText, at: start },
      rule: 'cue-after',
      confidence: 0.95,
    }
  }
  CUE.lastIndex = 0
  let cue = CUE.exec(rest)
  // "one of the states suing", "11% of Republican claims": a noun, not the verb of speech.
  while (cue && isNounUse(rest, cue.index)) cue = CUE.exec(rest)
  CUE.lastIndex = 0
  if (!cue || cue.index === 0 || /^according/i.test(cue[0])) return null
  const subject = rest.slice(0, cue.index)
  // (31 words take at least 61 characters; and the replacements below only take characters
  // out, so a subject with no stop, semicolon or quote mark keeps none.)
  if (
    (subject.length > 60 && subject.split(/\s+/).filter(Boolean).length > 30) ||
    (SUBJECT_BREAK.test(subject) &&
      SUBJECT_BREAK.test(
        subject
          .replace(/\([^)]*\)/g, '')
          .replace(/\b[RDI]-[A-Z][\p{L}.]*\.?/gu, '')
          .replace(ABBREVIATION_PERIODS, '')
          // "Nate Silver, the polling guru who founded fivethirtyeight.com tweeted": a full
          // stop inside a word ends no sentence.
          .replace(/\.(?=[\p{L}\p{N}])/gu, ''),
      ))
  )
    return null
  // ("an adviser to Tom Hale said": the adviser speaks, see objectOfTo; only when the phrase
  // is the whole subject: not "which some voters want leaders to use to describe".)
  const plain = trailingNounPhrase(subject)
  const owned = objectOfTo(subject, plain)
  const phrase =
    owned !== plain && owned && subject.slice(0, owned.at).trim() !== '' ? plain : owned
  if (!phrase) return null
  // "“fair” to him, engaging in what critics called …": a cue in a later
  // clause yields to a cue before the quote.
  const subjectLead = subject.slice(0, phrase.at)
  if (adjacentOnly && /[\p{L}\p{N}]/u.test(subjectLead) && !/^[\s,]*as\s+$/i.test(subjectLead))
    return null
  // "“riding the fence” until Haley said she …": the cue of a subordinate clause is not the quote's;
  // nor that of a clause a conjunction opens ("was “furious,” but Ann Lee called the plan …").
  if (SUBORDINATE_LEAD.test(subject) || CONJUNCTION_LEAD.test(subjectLead)) return null
  const mention = parseSpeakerMention(phrase.text)
  if (!isUsableMention(mention)) return null
  return {
    mention,
    mentionAt: mentionAt(subject, start, phrase),
    cue: { text: cue[0], at: start + cue.index },
    rule: 'cue-after',
    confidence: 0.95,
  }
}

// A short sentence after a quote that a comma, "?" or "!" closes: its subject and a verb in the
// past that ends the sentence, or a time after it ("a visibly upset Roe objected.", "Hale
// persisted on Monday."), or the verb and then its subject ("reminisced Jane Roe, a retired
// teacher."). What the verb does with a place or thing after it is not speech ("Hale spotted
// on a billboard", "a banner Roe painted in red"), nor a clause going on after a comma
// ("a plan Roe backed, failed in the council").
const SUBJECT_THEN_PAST = new RegExp(
  `^\\s*((?:\\p{L}[\\p{L}'’.-]*\\s+){0,4}?\\p{L}[\\p{L}'’.-]*)\\s+(\\p{Ll}{2,}ed)(?:\\s+(?:on\\s+(?:${WEEKDAY_ALTERNATION})|${[...RELATIVE_DAYS, ...RELATIVE_TIMES].join('|')}|again|then))?\\s*(?:[.!?]["”’)]*\\s*$|,\\s+\\p{Ll}+ing\\b)`,
  'u',
)
const PAST_THEN_SUBJECT = /^\s*(\p{Ll}{2,}ed)\s+(?=\p{Lu})/u
// Verbs of seeing, finding out and playing: their object is a text someone read, learned or
// performed, not words they said ("“Closed until Monday,” Ann Lee noticed.").
const NOT_SPEECH =
  /^(?:noticed|spotted|discovered|learned|realized|realised|overheard|watched|viewed|glimpsed|played|performed|hummed|whistled|listed|printed|posted|sketched|displayed|showed|featured)$/

/**
 * `“The county deserves better,” a visibly upset Roe objected.`: a quote that opens its sentence
 * and closes with a comma, "?" or "!" runs on into its attribution, whatever its verb, when the
 * rest is a short clause of a person and a verb in the past (either order) that ends it. The
 * person must be named, a pronoun or a noun of people ("“Home Again,” the film opened" is no
 * one's words), the verb none of seeing, finding out or playing, and the quote more than one
 * word, not all capitalized (a title: "“The Long Road,” Roe published").
 */
export function unlistedVerbAfter(inner: string, after: string, base: number): Attribution | null {
  const words = inner.trim().split(/\s+/)
  // "“Harbor,” Tom Hale directed": a word or a title (every word capitalized) is a work's name.
  if (
    !/[,?!]$/.test(inner.trim()) ||
    words.length < 2 ||
    words.every((w) => /^\P{Ll}*\p{Lu}/u.test(w))
  )
    return null
  const end = firstSentenceEnd(after)
  const sentence = end < 0 ? after : after.slice(0, end + 1)
  if (wordCount(sentence, 13) > 12) return null
  const lead = /^\s*/.exec(sentence)?.[0].length ?? 0
  let phrase: string | null = null
  let cueText = ''
  let cueAt = 0
  let phraseAt = 0
  const inverted = PAST_THEN_SUBJECT.exec(sentence)
  if (inverted) {
    cueText = inverted[1] as string
    cueAt = lead
    phraseAt = inverted[0].length
    phrase = nounPhraseAtStart(sentence.slice(phraseAt))
  } else {
    const m = SUBJECT_THEN_PAST.exec(sentence)
    if (!m) return null
    phrase = m[1] as string
    phraseAt = lead
    cueText = m[2] as string
    cueAt = m[0].length - cueText.length
  }
  if (NOT_SPEECH.test(cueText)) return null
  const mention = parseSpeakerMention(phrase)
  if (!isUsableMention(mention)) return null
  const person =
    (mention.form === 'name' && mention.kind === 'person') ||
    (mention.form === 'pronoun' && /^(?:he|she|they|i|we)$/i.test(mention.text)) ||
    (mention.form === 'nominal' && speakerNounKind(nominalHead(mention.text)) === 'person')
  if (!person) return null
  return {
    mention,
    mentionAt: base + phraseAt,
    cue: { text: cueText, at: base + cueAt },
    rule: 'cue-after',
    confidence: 0.8,
  }
}

/**
 * `“…” for the party, said Jane Roe.`: a quote that runs on into the writer's
 * words, its sentence closed by an inverted cue after a comma. Only the last
 * clause of the sentence is read, and only a cue that names its speaker right
 * after the verb.
 */
export function invertedCueClosing(after: string, base: number): Attribution | null {
  for (const comma of after.matchAll(/,\s+/g)) {
    const at = comma.index + comma[0].length
    const rest = after.slice(at)
    const cue = CUE_AT_START.exec(rest)
    if (!cue || /^according/i.test(cue[0]) || PARTICIPLE_CUE.test(cue[0])) continue
    // The speaker and at most an appositive, then the sentence's end.
    if (!/^[^.!?“”"]*(?:\.|!|\?)?["”’)]*\s*$/.test(rest.replace(ABBREVIATION_PERIODS, ''))) continue
    const found = cueAfter(rest, base + at, true)
    if (found) return { ...found, confidence: 0.8 }
  }
  return null
}

// A name alone before a colon that opens the quote, after the sentence's start, a dash,
// "from" or an inverted cue: "… TOO EARLY - Jane Roe: “…”", "More from Roe: “…”".
const NAME_COLON =
  /(?:^(?:Said|Added|Continued|Wrote|Replied)\s+|^|\s[-–—]\s*|\bfrom\s+)((?:\p{Lu}[\p{L}.'’-]*\s+){0,3}\p{Lu}[\p{L}'’-]*(?:\s+and\s+(?:\p{Lu}[\p{L}.'’-]*\s+){0,3}\p{Lu}[\p{L}'’-]*)?):\s*$/u

// An exchange's label, the whole sentence before the colon: a name with the role words before
// it and a party after it in parentheses ("Rep. Jane Roe (D-Ohio):", "Former secretary of
// state Jane Roe:").
const LABEL_COLON =
  /^\s*(\p{Lu}[\p{L}.'’-]*(?:\s+[\p{L}.'’-]+){0,6}?\s+\p{Lu}[\p{L}'’-]*)\s*(?:\([^()]{1,20}\)\s*)?:\s*$/u
// The lower-case words a label may hold before its name: role words, what joins them and
// the "state" of a state's offices ("secretary of state", "state treasurer"), never a verb
// or a preposition ("The mayor then turned to Tom Hale:").
const LABEL_JOINER = /^(?:of|for|and|the|state)$/

/** A `LABEL_COLON` match whose lower-case words are all role words; null otherwise. */
function label(before: string): RegExpExecArray | null {
  const m = LABEL_COLON.exec(before)
  if (!m) return null
  const lowerCase = (m[1] as string).split(/\s+/).filter((word) => /^\p{Ll}/u.test(word))
  return lowerCase.every((word) => isRoleWord(word) || LABEL_JOINER.test(word)) ? m : null
}

// A writer's "here is": "Here’s Jane Roe in 1992: “…”" shows her words.
const HERE_IS_COLON =
  /^\s*Here(?:’s|'s|\s+is)\s+((?:\p{Lu}[\p{L}.'’-]*\s+){0,3}\p{Lu}[\p{L}'’-]*)[^:]*:\s*$/u

/** `Jane Roe: “…”`: a quote introduced by the speaker's name and a colon, in a sentence with no cue. */
export function nameBeforeColon(before: string, base: number): Attribution | null {
  const m = NAME_COLON.exec(before) ?? label(before) ?? HERE_IS_COLON.exec(before)
  if (!m) return null
  // "Jane Roe and John Doe: “…”": written by both, given to the first named.
  const phrase = (m[1] as string).split(/\s+and\s+/)[0] as string
  const mention = parseSpeakerMention(phrase)
  if (!isUsableMention(mention, true) || mention.form !== 'name') return null
  return {
    mention,
    mentionAt: base + m.index + m[0].indexOf(phrase),
    cue: null,
    rule: 'colon-intro',
    confidence: 0.75,
  }
}

/** "After saying her foot was “…,” she was rushed …": the main clause's subject said it. */
export function frontedParticipleSubject(
  before: string,
  beforeStart: number,
  after: string,
  base: number,
): Attribution | null {
  const cue = /^\s*(?:After|Before|While|When|Upon|On)\s+(\p{Ll}+ing)\b/u.exec(before)
  if (!cue || !PARTICIPLE_CUE.test(cue[1] as string) || !HAS_CUE.test(cue[1] as string)) return null
  const subject =
    /^[\s,]*((?:he|she|they|it|\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3}))\s+\p{Ll}/u.exec(
      after,
    )
  if (!subject) return null
  const mention = parseSpeakerMention(subject[1] as string)
  if (!isUsableMention(mention) || mention.form === 'nominal') return null
  return {
    mention,
    mentionAt: base + subject[0].indexOf(subject[1] as string),
    cue: { text: cue[1] as string, at: beforeStart + before.indexOf(cue[1] as string) },
    rule: 'cue-before',
    confidence: 0.7,
  }
}

// A naming verb in the passive right before the quote: "has been called “…”", "often labeled as a “…”".
const PASSIVE_NAMING_BEFORE =
  /\b(called|labell?ed|dubbed|termed|branded|described)(?:\s+as)?(?:\s+(?:a|an|the))?\s*$/
// A naming verb, its agent after "by", then "as" right before the quote: "described by
// colleagues as", "hailed by the mayor as a".
const AGENT_BEFORE_AS =
  /\b(called|labell?ed|dubbed|termed|branded|described|hailed|praised|touted|derided|denounced)\s+by\s+((?:the|a|an|his|her|its|their|\p{Lu}[\p{L}.'’-]*|\p{Ll}+s)(?:\s+[\p{L}.'’-]+){0,5}?)\s+as(?:\s+(?:a|an|the))?\s*$/u
// Its agent right after the quote: "by Jane Roe", "by Democrats", "by the mayor", "by colleagues".
const BY_AGENT = /^[\s,]*by\s+(?=\p{Lu}|(?:the|a|an|his|her|its|their)\s|\p{Ll}+s\b)/u
const BY_TIME = new RegExp(
  `^(?:${[...MONTHS, ...WEEKDAYS].map(capitalized).join('|')})\\b|\\b(?:Day|Eve|Night|Week|Weekend|${WEEKDAYS.map(capitalized).join('|')})$`,
)

// The naming verbs that give a work its title; "described as", "branded", "labeled" judge it.
const TITLE_VERB = /^(?:called|dubbed)$/

/**
 * Whether the agent after "by" shows itself a person or a body, not a date or a feast
 * ("by Easter", "by Thanksgiving", "by Dec. 1"): a nominal, a name with a role or a
 * gender, a body's name, or a name with its title written ("Sen. Roe"); never an abbreviation
 * before a number.
 */
function isPersonOrBody(mention: SpeakerMention, rest: string): boolean {
  if (/^\.\s*\d/.test(rest)) return false
  // "by the mayor", "by colleagues"; not "by the end of the day", "by a wide margin".
  if (mention.form === 'nominal') return speaksAsNominal(mention)
  if (mention.form !== 'name') return true
  return (
    mention.roles.length > 0 ||
    mention.gender !== null ||
    mention.kind === 'organization' ||
    // A title written with it ("Sen. Roe"). Two capitalized words the lexicon knows nothing of
    // may be a day's name ("by Rosh Hashanah", "by Mardi Gras"): they do not speak here.
    mention.text.trim() !== mention.name
  )
}

/** `… has been called “a costly gamble” by Jane Roe, …`: the agent of a passive naming verb said it. */
export function passiveAgent(
  before: string,
  beforeStart: number,
  after: string,
  base: number,
): Attribution | null {
  // "Ann Lee was described by colleagues as “tireless.”": the agent before "as".
  const byFirst = AGENT_BEFORE_AS.exec(before)
  if (byFirst) {
    const agent = byFirst[2] as string
    const mention = parseSpeakerMention(agent)
    if (isUsableMention(mention) && isPersonOrBody(mention, ''))
      return {
        mention,
        mentionAt:
          beforeStart + byFirst.index + byFirst[0].indexOf(agent, (byFirst[1] as string).length),
        cue: { text: byFirst[1] as string, at: beforeStart + byFirst.index },
        rule: 'cue-before',
        confidence: 0.85,
      }
  }
  const naming = PASSIVE_NAMING_BEFORE.exec(before)
  const by = naming && BY_AGENT.exec(after)
  if (!naming || !by) return null
  // "a new film called “Home Again” by Ann Lee": the title of a work, by its maker.
  const named = /([\p{L}-]+)\s+$/u.exec(before.slice(0, naming.index))?.[1]?.toLowerCase()
  if (named && TITLE_VERB.test(naming[1] as string) && TITLED_WORK_NOUNS.has(named)) return null
  // "by March", "by Election Day": a deadline, not an agent.
  const mention = agentAt(after, by[0].length, (phrase) => BY_TIME.test(phrase))
  if (!mention) return null
  return {
    mention,
    mentionAt: base + by[0].length,
    cue: { text: naming[1] as string, at: beforeStart + naming.index },
    // (The cue stands before the quote, its agent after it.)
    rule: 'cue-after',
    confidence: 0.85,
  }
}

/**
 * The agent whose noun phrase starts at `at` in `after` ("by the mayor", "as described by Judge
 * Jane Roe"), when it shows itself a person or a body; null otherwise, or when `isNoAgent`
 * refuses its phrase ("by March").
 */
function agentAt(
  after: string,
  at: number,
  isNoAgent: (phrase: string) => boolean = () => false,
): SpeakerMention | null {
  const phrase = nounPhraseAtStart(after.slice(at))
  if (isNoAgent(phrase)) return null
  const mention = parseSpeakerMention(phrase)
  return isUsableMention(mention) && isPersonOrBody(mention, after.slice(at + phrase.length))
    ? mention
    : null
}

// "– as described by Judge Jane Roe –" after the quote and a few words of its clause.
const AS_DESCRIBED_BY =
  /^[\s,]*(?:[^.;:!?“”"–—,()]{1,60}?)?\s*[,–—]?\s*(as\s+(?:described|characteri[sz]ed|termed|labell?ed|dubbed)\s+by)\s+/u

/**
 * `being “careless” with the funds – as described by Judge Jane Roe –`: the agent of "as
 * described by" after the quote, within a few words of its clause, said it; the agent must
 * show itself a person or a body, as for a passive naming verb.
 */
export function describedByAfter(after: string, base: number): Attribution | null {
  const m = AS_DESCRIBED_BY.exec(after)
  const mention = m && agentAt(after, m[0].length)
  if (!m || !mention) return null
  return {
    mention,
    mentionAt: base + m[0].length,
    cue: { text: m[1] as string, at: base + m[0].indexOf(m[1] as string) },
    rule: 'cue-after',
    confidence: 0.8,
  }
}

export function accordingToAfter(after: string, base: number): Attribution | null {
  const m = /^[\s,]*(according\s+to)\s+/i.exec(after)
  if (!m) return null
  const phrase = nounPhraseAtStart(after.slice(m[0].length))
  const mention = parseSpeakerMention(phrase)
  if (!isUsableMention(mention)) return null
  return {
    mention,
    mentionAt: base + m[0].length,
    cue: { text: m[1] as string, at: base + m[0].indexOf(m[1] as string) },
    rule: 'according-to',
    confidence: 0.9,
  }
}

/** The phrase after an inverted cue, up to a comma, colon, semicolon, dash or parenthesis: "According to Rubio, …", "Said Rubio: …". */
const phraseAfterCue = (gap: string): string => {
  const stop = gap.search(/[,:;—–(]/)
  return (stop < 0 ? gap : gap.slice(0, stop)).trim()
}

// What stands before a word that opens a sentence: nothing, or a full stop (a closing quote after it) and space.
const SENTENCE_BEFORE = /(?:^|[.!?]["”’]?\s+)$/

/** `Rubio said, “…”` / `…, saying, “…”` / `According to X, “…”` / `Rubio said the US was “grateful”`. */
export function cueBefore(before: string, base: number): Attribution | null {
  const cues: RegExpExecArray[] = []
  CUE.lastIndex = 0
  for (let m = CUE.exec(before); m; m = CUE.exec(before))
    if (
      !isNounUse(before, m.index) &&
      !isInClosedRelative(before, m.index) &&
      !isSoCalled(before, m)
    )
      cues.push(m)
  CUE.lastIndex = 0
  // Capitalized, a verb of speech is a cue only where it opens a sentence ("Said Comey, “…”").
  CAPITALIZED_CUE.lastIndex = 0
  let opening = false
  for (let m = CAPITALIZED_CUE.exec(before); m; m = CAPITALIZED_CUE.exec(before))
    if (SENTENCE_BEFORE.test(before.slice(Math.max(0, m.index - 4), m.index))) {
      cues.push(m)
      opening = true
    }
  CAPITALIZED_CUE.lastIndex = 0
  if (opening) cues.sort((a, b) => a.index - b.index)
  // The cue nearest the quote speaks for it; one that names no one yields to the cue before it.
  for (let i = cues.length - 1; i >= 0; i--) {
    const found = cueSpeaker(before, base, cues[i] as RegExpExecArray)
    if (found) return reporterOf(before, base, cues, i, found) ?? found
  }
  return null
}

/**
 * Whether the cue at `at` stands in a relative clause set off by commas and closed before the
 * quote: "the budget, which some critics have argued was padded, is “a fairy tale”".
 */
function isInClosedRelative(before: string, at: number): boolean {
  const opened = before.lastIndexOf(',', at)
  return (
    opened >= 0 &&
    /^,\s*(?:which|who|whom)\s/.test(before.slice(opened, opened + 8)) &&
    before.indexOf(',', at) >= 0
  )
}

/** "The so called “…”": "so-called" written apart is an adjective, no cue. */
function isSoCalled(before: string, cue: RegExpExecArray): boolean {
  return cue[0] === 'called' && /\bso\s$/i.test(before.slice(Math.max(0, cue.index - 4), cue.index))
}

// A "that" after a noun opens a relative clause ("the plan that Clinton called"), unless the noun
// is of people, whom a cue tells what follows ("told the reporters that").
const RELATIVE_THAT =
  /\b(?:the|a|an|this|that|these|those|his|her|its|their|our|my|your)\s+(\S+)\s+that\s/giu

/**
 * The speaker of an earlier cue whose "that" clause holds the cue found: "Obama said he expected
 * that Americans will say “no”" is Obama's, not the Americans'. Null when there is none.
 */
function reporterOf(
  before: string,
  base: number,
  cues: RegExpExecArray[],
  i: number,
  found: Attribution,
): Attribution | null {
  const inner = found.mentionAt - base
  for (let j = i - 1; j >= 0; j--) {
    const cue = cues[j] as RegExpExecArray
    // (What a report tells of someone is theirs: "The Ledger reported that Ana Ruiz … said".)
    if (PARTICIPLE_CUE.test(cue[0]) || /^report/i.test(cue[0])) continue
    const between = before.slice(cue.index + cue[0].length, inner)
    // A "that" clause of the earlier cue, with no comma, stop or quote mark before the name
    // found: after a comma a clause of its own may begin ("Rubio suggested that …, while Cruz
    // said that “…”", "After Trump argued that …, Rubio said").
    const complements = between.replace(RELATIVE_THAT, (phrase, noun: string) =>
      isPeopleNoun(noun) ? phrase : phrase.replace(/that\s$/i, ' '),
    )
    if (!/\bthat\s/.test(complements) || /[,.;:!?“”"]/.test(between)) continue
    const outer = cueSpeaker(before, base, cue)
    if (outer && (outer.mention?.form === 'name' || outer.mention?.form === 'pronoun')) return outer
  }
  return null
}

const SPEAKER_NOUNS = [PEOPLE_NOUNS, GROUP_NOUNS, DOCUMENT_NOUNS]

/**
 * "Roe’s campaign message to her donors notes", "A memo to the harbor board calls":
 * a phrase right after "to" is its object; the phrase before "to" says it, when that is a name
 * or a nominal that speaks and no verb ends it ("The judge pointed to a case to say").
 */
function objectOfTo(
  head: string,
  phrase: { text: string; at: number } | null,
): { text: string; at: number } | null {
  if (!phrase || !/\bto\s+$/.test(head.slice(Math.max(0, phrase.at - 4), phrase.at))) return phrase
  const found = trailingNounPhrase(head.slice(0, head.lastIndexOf('to', phrase.at)))
  // "Another official speaking to reporters said": the participle before "to" hangs off
  // the one who speaks.
  // ("with Hale taking to Twitter to call": "with" opens the phrase, no part of the name.)
  const participle = found && /\s+\p{Ll}{3,}ing$/u.exec(found.text)
  const lead = participle ? (/^with\s+/.exec(found.text)?.[0] ?? '') : ''
  const owner =
    found && participle
      ? { text: found.text.slice(lead.length, participle.index), at: found.at + lead.length }
      : found
  // "people close to Tom Hale said": the people near the name speak, the whole phrase names them.
  if (owner && /\s(?:close|closest|near|loyal)$/.test(owner.text)) {
    const whole = head.slice(owner.at, phrase.at + phrase.text.length).trim()
    const near = parseSpeakerMention(whole)
    if (near?.form === 'nominal' && isUsableMention(near)) return { text: whole, at: owner.at }
  }
  const mention = owner && parseSpeakerMention(owner.text)
  if (!owner || !isUsableMention(mention)) return phrase
  // (A nominal's last word must be the noun of one who speaks: not "migrants in the U.S. send".)
  const last = (owner.text.split(/\s+/).pop() ?? '').toLowerCase().replace(/s$/, '')
  const speaks =
    mention.form === 'name' ||
    (speaksAsNominal(mention) && SPEAKER_NOUNS.some((nouns) => nouns.has(last)))
  return speaks ? owner : phrase
}

// A relative word after a comma, then adverbs or auxiliaries, right before a cue: ", who also said".
const RELATIVE_BEFORE_CUE =
  /^,\s+(who|which)(?:\s+(?:has|had|have|also|later|then|once|again|often|long|\p{Ll}+ly))*\s+$/u

// What a relative word refers to, right before its comma: a name with its titles and where it
// is from ("Sen. Jane Roe of Ohio", "the Harbor Board"), or a determiner and a noun in lower
// case ("the mayor"); a party in parentheses may follow ("Sen. Jane Roe (D-Ohio)").
const ANTECEDENT =
  /((?:\b(?:the|a|an|his|her|its|their)\s+)?(?:\p{Lu}[\p{L}.'’-]*\s+){0,4}\p{Lu}[\p{L}'’-]*(?:\s+(?:of|from)\s+(?:the\s+)?(?:\p{Lu}[\p{L}.'’-]*\s+){0,3}\p{Lu}[\p{L}'’.-]*)?|\b(?:the|a|an|his|her|its|their)\s+(?:\p{Ll}[\p{L}-]*\s+){0,2}\p{Ll}[\p{L}-]*)(?:\s*\([^()]{1,20}\))?$/u

// A plural or a noun in lower case right before a phrase, no break between: "the reforms Tom Hale".
const RELATIVE_NOUN_BEFORE =
  /\b(?!(?:that|and|but|while|as|when|after|before|because|which|who|whom|where|whether|if|though|although|since|so|or|to|of|for|in|on|at|with|by|from|said|says|say)\s)\p{Ll}{2,}\s+$/u
// A verb in the words between a cue and its quote: "will", "are", "created".
const GAP_VERB = /\b(?:is|are|was|were|will|would|can|could|has|have|had|does|did|\p{Ll}+ed)\b/gu

// A noun of people (with its determiner) and a preposition before a name: "a lawyer for ", "Voters in ".
const PEOPLE_BEFORE_PREPOSITION =
  /((?:\b(?:the|a|an|his|her|their|its|[Tt]he|[Aa]n?)\s+)?(?:\p{Ll}[\p{L}-]*\s+)?(\p{L}[\p{L}-]*)\s+(?:of|for|in|at|to|with|from)\s+)$/u

// "had this to say", "has a lot to say", "had kind words to say": words the subject of "had" has.
const HAD_WORDS_TO =
  /\s(?:had|has|have)\s+(?:this|that|much|little|plenty|something|nothing|more|a\s+lot|(?:\p{Ll}+\s+)?words)\s+to\s+$/u

/** Whether `text` ends in white space, "to" and white space, as `HAD_WORDS_TO` does. */
function endsInTo(text: string): boolean {
  let end = text.length
  while (end > 0 && isWhiteSpace(text.charCodeAt(end - 1))) end--
  return (
    end < text.length &&
    text.charCodeAt(end - 1) === 0x6f &&
    text.charCodeAt(end - 2) === 0x74 &&
    isWhiteSpace(text.charCodeAt(end - 3))
  )
}

// A pronoun that is an object, at a phrase's start: "him", "them", "her on Friday" (not "her lawyer").
const OBJECT_PRONOUN_LEAD =
  /^(?:him|them|me|us|her(?=\s+(?:on|in|at|to|for|with|about|last|this|after|before)\s|$))\b/i

// A passive's auxiliary right before the cue, adverbs between: "was called", "has been widely hailed".
const PASSIVE_BEFORE =
  /\b(?:was|were|been|being|is|are|be)\s+(?:(?:also|often|widely|\p{Ll}+ly)\s+)*$/u
// Verbs of praise and blame that name someone as something: "hailed as", "praised as".
const PRAISE_CUE = /^(?:hail|prais|tout|laud|decri|derid|denounc|condemn)(?:ed)?(?:\s+as)?$/
// A passive naming verb right before the quote: "was hailed as a", "were widely called".
const PASSIVE_NAMING =
  /\b(?:was|were|been|being|is|are|be)\s+(?:(?:also|often|widely|\p{Ll}+ly)\s+)*(?:called|labell?ed|dubbed|termed|branded|described|hailed|praised|touted|lauded|decried|derided|denounced|condemned)(?:\s+as)?(?:\s+(?:a|an|the))?\s*$/u

/**
 * Whether `before` ends with a passive naming verb ("Tom Hale was hailed as “…”"): its subject is
 * the one named, not who named them, and no sentence subject speaks for the quote.
 */
export function endsInPassiveNaming(before: string): boolean {
  return PASSIVE_NAMING.test(before)
}

/**
 * "Residents who live near the plant said", "Hale met residents who said": the cue's subject
 * that a relative clause without commas follows, or that "who" stands for; the people named
 * right before "who", in the sentence, with no mark between. Null when none is.
 */
function subjectBeforeWho(
  head: string,
  base: number,
): { mention: Attribution['mention']; at: number } | null {
  const who = head.lastIndexOf(' who ')
  const sentenceStart = lastSentenceStart(head)
  // (After a comma "who" opens an aside about the one named before: see RELATIVE_BEFORE_CUE.)
  if (who < 0 || /[,;:“”"()]/.test(head.slice(who - 1)) || who < sentenceStart) return null
  // "Hale told reporters who asked …": the people a cue takes as its object (no preposition
  // between: not "spoke with residents who") hear it, and what the quote is follows that cue.
  if (WHO_BEFORE_CUE.test(head) && isCueObject(head.slice(sentenceStart, who))) return null
  const phrase = trailingNounPhrase(head.slice(0, who))
  if (!phrase) return null
  // "Hale fired the engineers who", "spoke with residents who": after a verb or a preposition,
  // only a plural of people right before "who", with its determiner.
  const verb = phrase.text.split(/\s+/).some((word) => VERB_BEFORE_WHO.test(word))
  const text = verb ? (PLURAL_AT_END.exec(phrase.text)?.[0] ?? '') : phrase.text
  const mention = parseSpeakerMention(text)
  if (
    !isUsableMention(mention) ||
    (verb && !(mention.form === 'nominal' && speakerNounKind(nominalHead(text)) === 'person')) ||
    (mention.form === 'nominal' && !speaksAsNominal(mention))
  )
    return null
  return { mention, at: base + phrase.at + phrase.text.length - text.length }
}

// "who" right before the cue, adverbs and auxiliaries between: "who said", "who has long argued".
const WHO_BEFORE_CUE =
  /\swho(?:\s+(?:has|had|have|also|later|then|once|again|often|long|\p{Ll}+ly))*\s+$/u

// A verb or a preposition among a phrase's words: a past, an auxiliary, "with", "to".
const VERB_BEFORE_WHO =
  /^(?:\p{Ll}+ed|met|told|saw|spoke|heard|is|was|are|were|has|had|have|with|to|for|from|among)$/u
// A plural in lower case that ends a phrase, with its determiner: "the engineers", "residents".
const PLURAL_AT_END =
  /(?:\b(?:the|some|many|several|two|three|four|five|\d+|his|her|their|its)\s+)?\p{Ll}[\p{L}-]*[^s\s]s$/u
// What opens a clause of its own after "who" ("who said they feared that …").
const CLAUSE_OPENER =
  /\b(?:that|if|whether|because|when|while|and|but|so|as|after|before|until|since|although|though)\b/

/** Whether the last cue of `clause` takes the words after it as its object: "told reporters". */
function isCueObject(clause: string): boolean {
  if (!HAS_CUE.test(clause)) return false
  let last: RegExpExecArray | null = null
  CUE.lastIndex = 0
  for (let m = CUE.exec(clause); m; m = CUE.exec(clause)) if (!isNounUse(clause, m.index)) last = m
  CUE.lastIndex = 0
  return (
    last !== null &&
    !/\b(?:with|to|at|for|about|on|in|by|from|among)\s/.test(
      clause.slice(last.index + last[0].length),
    )
  )
}

/** The speaker the cue `cue` of `before` names, as an attribution; null when it names none. */
function cueSpeaker(before: string, base: number, cue: RegExpExecArray): Attribution | null {
  const cueText = cue[0]
  const found = (
    mention: Attribution['mention'],
    at: number,
    rule: Attribution['rule'],
    confidence: number,
  ): Attribution => ({
    mention,
    mentionAt: at,
    cue: { text: cueText, at: base + cue.index },
    rule,
    confidence,
  })
  const gap = before.slice(cue.index + cueText.length)
  if (/^according\s+to$/i.test(cueText) || /^in\s+the\s+words\s+of$/i.test(cueText)) {
    const phrase = phraseAfterCue(gap)
    const mention = parseSpeakerMention(phrase)
    if (!isUsableMention(mention)) return null
    return found(
      mention,
      base + cue.index + cueText.length + gap.indexOf(phrase),
      'according-to',
      0.9,
    )
  }
  const head = before.slice(0, cue.index)
  if (PARTICIPLE_CUE.test(cueText)) {
    const subject = participleSubject(head, base, cueText)
    return subject && found(subject.mention, subject.at, 'cue-before', 0.85)
  }
  // "Hale met residents who said": "who" is the cue's subject, the people named before it;
  // "Officials who spoke to Tom Hale said": the phrase before the cue is in the relative clause,
  // and the subject stands before "who", unless a clause of its own opens after "who" ("Residents
  // who said they feared that Hale would say"). (Most heads hold no "who": none is read then.)
  const who = head.lastIndexOf(' who ')
  const whoSaid =
    who >= 0 && (WHO_BEFORE_CUE.test(head) || !CLAUSE_OPENER.test(head.slice(who + 5)))
      ? subjectBeforeWho(head, base)
      : null
  if (whoSaid) return found(whoSaid.mention, whoSaid.at, 'cue-before', 0.85)
  // "Tom Hale was called “a hero”", "was hailed as": the one named in the passive is not the
  // namer, who is the agent after "by" or no one.
  if (PASSIVE_BEFORE.test(head) && (NAMING_CUE.test(cueText) || PRAISE_CUE.test(cueText)))
    return null
  // "The ferry union had this to say: “…”": the subject of "had" says it.
  // (Asked only of a head that ends in "to": the pattern reads every white space of the head.)
  const hadWords = endsInTo(head) ? HAD_WORDS_TO.exec(head) : null
  const phrase = hadWords
    ? trailingNounPhrase(head.slice(0, hadWords.index))
    : objectOfTo(head, trailingNounPhrase(head))
  // (An object pronoun opens no subject: "the parents who met with him on Friday say".)
  // "Critics say the reforms Tom Hale says will save money are “…”": the subject of a relative
  // clause without "that" (a lower-case noun right before it) speaks only for a quote of that
  // clause, not past a second verb, the main clause's ("says are “…”" is Hale's).
  const inRelative =
    phrase !== null && RELATIVE_NOUN_BEFORE.test(head.slice(Math.max(0, phrase.at - 30), phrase.at))
  if (inRelative && (gap.match(GAP_VERB)?.length ?? 0) >= 2) return null
  if (phrase && !OBJECT_PRONOUN_LEAD.test(phrase.text)) {
    const mention = parseSpeakerMention(phrase.text)
    if (isUsableMention(mention)) {
      const far = gap.length > 90 || /[.!?]\s/.test(gap)
      const confidence = (NAMING_CUE.test(cueText) ? 0.8 : 0.9) - (far ? 0.2 : 0)
      return found(mention, mentionAt(head, base, phrase), 'cue-before', confidence)
    }
  }
  const restricted = subjectBeforeWho(head, base)
  if (restricted) return found(restricted.mention, restricted.at, 'cue-before', 0.85)
  // "The levy was opposed by Sen. Jane Roe, who said it was “…”": the relative's "who" (a
  // body's "which") is the one named before its comma.
  // (Only after the last comma: no comma stands between the relative word and its verb.)
  const comma = head.lastIndexOf(',')
  const relative = comma >= 0 ? RELATIVE_BEFORE_CUE.exec(head.slice(comma)) : null
  const antecedent = relative && ANTECEDENT.exec(head.slice(Math.max(0, comma - 80), comma))
  // "a lawyer for Tom Hale, who said", "Voters in Oakdale, who said": after a noun of people and
  // a preposition, "who" is that noun's person; the whole phrase is read.
  const owner =
    antecedent &&
    PEOPLE_BEFORE_PREPOSITION.exec(
      head.slice(Math.max(0, comma - 80), comma - antecedent[0].length),
    )
  if (relative && antecedent && owner && speakerNounKind(owner[2] as string) === 'person') {
    const lead = owner[1] as string
    const text = `${lead}${antecedent[1]}`
    const mention = parseSpeakerMention(text)
    if (isUsableMention(mention) && mention.form === 'nominal')
      return found(mention, base + comma - antecedent[0].length - lead.length, 'cue-before', 0.85)
    return null
  }
  if (relative && antecedent) {
    const mention = parseSpeakerMention(antecedent[1] as string)
    if (
      isUsableMention(mention) &&
      (mention.form === 'name' || speaksAsNominal(mention)) &&
      (relative[1] === 'who') === (mention.kind !== 'organization')
    )
      return found(mention, base + comma - antecedent[0].length, 'cue-before', 0.85)
  }
  if (head.trim() === '' || /(?:[,:]|[.!?]["”’]?)\s*$/.test(head)) {
    // "Said Rubio: “…”", or an inverted cue after a fronted clause.
    const np = phraseAfterCue(gap)
    const mention = parseSpeakerMention(np)
    if (isUsableMention(mention) && mention.form !== 'nominal')
      return found(mention, base + cue.index + cueText.length + gap.indexOf(np), 'cue-before', 0.85)
  }
  // "…, Dana Cole was greeted at the gate by Tom Hale and joked": a cue that "and" joins to a
  // verb before it is said by the name or pronoun that opens that verb's clause.
  const joined = /\band\s+$/.exec(head)
  if (joined) {
    const clauseStart = Math.max(
      head.lastIndexOf(',', joined.index) + 1,
      lastSentenceStart(head.slice(0, joined.index)),
    )
    const clause = head.slice(clauseStart, joined.index)
    const subject = mainSubject(clause, true)
    const mention = subject && parseSpeakerMention(subject.text)
    if (
      subject &&
      clause.slice(0, subject.at).trim() === '' &&
      isUsableMention(mention) &&
      (mention.form === 'name' || mention.form === 'pronoun')
    )
      return found(mention, base + clauseStart + subject.at, 'cue-before', 0.8)
  }
  return null
}

// The auxiliaries a participle's verb group may end with: "are", "were", "had been".
const PROGRESSIVE_AUXILIARIES: ReadonlySet<string> = new Set([...AUXILIARY_VERBS, 'been', 'be'])

/** Whether `head`'s last word is an auxiliary ("Hale supporters are "). */
function endsInAuxiliary(head: string): boolean {
  const words = head.trimEnd()
  return PROGRESSIVE_AUXILIARIES.has(words.slice(words.lastIndexOf(' ') + 1))
}

/**
 * Who a participle cue ("…, saying, “…”") hangs off, `head` being the words
 * before it, and where they are named: a name right before it, the one quoted
 * "as saying", or the main clause's subject. Null when none is a usable mention.
 */
function participleSubject(
  head: string,
  base: number,
  participle: string,
): { mention: Attribution['mention']; at: number } | null {
  // "the ad ends with Jane Roe saying, “…”": a name right before the participle is its subject.
  // (A comma and white space to the end, read from the end: the pattern read every comma of the head.)
  const adjacent = head.trimEnd().endsWith(',') ? null : trailingNounPhrase(head)
  const adjacentMention = adjacent ? parseSpeakerMention(adjacent.text) : null
  // "After saying …": a subordinator before the participle is no one.
  const subordinated = adjacent !== null && SUBORDINATOR.test(`${adjacent.text} `)
  if (
    adjacent &&
    !subordinated &&
    isUsableMention(adjacentMention) &&
    adjacentMention.form === 'name'
  ) {
    return { mention: adjacentMention, at: mentionAt(head, base, adjacent) }
  }
  // "AFP quoted a witness as saying": the one quoted speaks, not the outlet that quotes.
  const quotedAs = /\bquoted\s+((?:[\p{L}\d’'.,-]+\s+){0,7}?[\p{L}\d’'.-]+)\s+as\s+$/u.exec(head)
  if (quotedAs) {
    const phrase = quotedAs[1] as string
    const mention = parseSpeakerMention(phrase)
    if (isUsableMention(mention))
      return { mention, at: base + quotedAs.index + quotedAs[0].indexOf(phrase) }
  }
  // "…, Lee said, adding, “…”": a participle set after a cue and its comma goes on with
  // that cue's speaker, not with the subject of a clause before it.
  const cue = cueBeforeComma(head)
  const cued = cue && cueSpeaker(head, base, cue)
  if (cued?.mention && cued.rule === 'cue-before')
    return { mention: cued.mention, at: cued.mentionAt }
  // "Hale supporters are crying “…”": after an auxiliary the participle is the clause's own
  // verb, read with it.
  const subject = mainSubject(endsInAuxiliary(head) ? `${head}${participle}` : head)
  if (!subject) return null
  const mention = parseSpeakerMention(subject.text)
  if (!isUsableMention(mention)) return null
  return { mention, at: base + subject.at }
}

/**
 * The cue, not itself a participle, that ends `head` before a comma, alone ("Lee said, ")
 * or with the few words of an inverted cue's speaker ("said Dana Cole, "); null when none.
 */
function cueBeforeComma(head: string): RegExpExecArray | null {
  const comma = /\s*,\s*$/.exec(head)
  if (!comma) return null
  // (Only the last words are read: the cue and its speaker end at the comma.)
  let found: RegExpExecArray | null = null
  CUE.lastIndex = Math.max(0, comma.index - 60)
  for (let m = CUE.exec(head); m && m.index < comma.index; m = CUE.exec(head))
    if (/^(?:\s+[^\s,;:!?“”"()]+){0,4}$/.test(head.slice(m.index + m[0].length, comma.index)))
      found = m
  CUE.lastIndex = 0
  if (!found || PARTICIPLE_CUE.test(found[0]) || isNounUse(head, found.index)) return null
  // The main clause's cue only: nothing but its subject before it in the clause ("Lee said, ")
  // or nothing at all (inverted: "…, said Dana Cole, "); not a cue of a clause that a
  // subordinator or relative word opens ("Hale spoke after Roe testified, adding").
  const lead = head.slice(0, found.index)
  const clause = lead.slice(Math.max(lead.lastIndexOf(',') + 1, lastSentenceStart(lead))).trim()
  if (clause === '') return found
  // (A name's words all capitalized: "Mayor Tom Hale took the podium after Jane Roe" reads as a
  // name with a long role.)
  const subject = parseSpeakerMention(clause)
  return isUsableMention(subject) &&
    (subject.form === 'pronoun' ||
      (subject.form === 'name' && /^\p{Lu}\S*(?:\s+\p{Lu}\S*)*$/u.test(clause)))
    ? found
    : null
}

// Whose words a quote holds: a name's possessive ("Jane Roe’s", "Hayes’") or a possessive
// determiner, and at most three words before the noun ("her March", "his most explosive").
const POSSESSOR = String.raw`((?:\p{Lu}[\p{L}.'’-]*\s+){0,3}\p{Lu}[\p{L}.-]*?(?:['’]s|s['’])|\b[Tt]he\s+(?:[\p{L}-]+\s+){0,2}\p{Ll}+(?:['’]s|s['’])|\b(?:[Hh]is|[Hh]er|[Tt]heir))\s+((?:[\p{L}-]+\s+){0,3}?)`
// A noun of speech, and what it holds up to the quote: a "that" clause or an infinitive ("claim
// that the mayor", "pledge to be"), "of", "is that" or "was:" after a phrase a preposition opens
// ("slogan in that race was that Hale"), or a comma or colon ("In Roe’s words,").
const SPEECH_NOUN = `(?:${[...SPEECH_NOUNS].join('|')})s?`
const SPEECH_NOUN_WORD = new RegExp(String.raw`(?<![\p{L}-])${SPEECH_NOUN}(?![\p{L}-])`, 'gu')
const HELD_TO_QUOTE =
  /^(?:\s+(?:that,?|of|to(?!\s+(?:the|a|an|his|her|their|its|this|these|those)\s))\s[^.;:!?“”"(),]*|(?:\s+(?:in|on|at|for|during|about|against|from)\s[^.;:!?“”"(),]{0,60})?\s+(?:is|was)(?:\s+that\s[^.;:!?“”"(),]*|\s*:\s*)|\s*[,:]\s*)?$/u
// The possessor and the words between it and the noun, read off the end of the words before it.
const POSSESSOR_BEFORE = new RegExp(`${POSSESSOR}$`, 'du')
// The noun right after the quote: "Roe’s “floating palace” remark".
const NOUN_AFTER = new RegExp(String.raw`^\s*(${SPEECH_NOUN})(?![\p{L}-])`, 'u')
const POSSESSIVE_PRONOUNS: Record<string, string> = { his: 'he', her: 'she', their: 'they' }
const POSSESSIVE_WORD = /\b(?:his|her|their|its|my|our|your)\b|\p{L}(?:['’]s|s['’])(?:\s|$)/iu

/**
 * `Tom Hale’s claim that the mayor “lied”`, `her remark that “…”`, `Roe’s “floating
 * palace” remark`: a quote that a noun of speech holds is the words of the noun's possessor. No cue
 * may stand between the noun and the quote ("Hale’s claim that the mayor said “…”" is the mayor's).
 */
export function possessiveSpeech(before: string, base: number, after: string): Attribution | null {
  // The noun: the last of the clause's last words whose words up to the quote it holds, else
  // one right after the quote. (Only short stretches are read: the noun and what it holds,
  // the possessor and its few words are short, and most quotes have no noun of speech near.)
  const from = Math.max(0, before.length - 200)
  const tail = before.slice(from)
  let noun: { text: string; at: number; held: string } | null = null
  SPEECH_NOUN_WORD.lastIndex = 0
  for (let n = SPEECH_NOUN_WORD.exec(tail); n; n = SPEECH_NOUN_WORD.exec(tail)) {
    const held = tail.slice(n.index + n[0].length)
    if (HELD_TO_QUOTE.test(held) && !HAS_CUE.test(held)) noun = { text: n[0], at: n.index, held }
  }
  SPEECH_NOUN_WORD.lastIndex = 0
  if (!noun) {
    const next = NOUN_AFTER.exec(after)
    if (next) noun = { text: next[1] as string, at: tail.length, held: '' }
  }
  if (!noun) return null
  const lead = Math.max(0, noun.at - 100)
  const m = POSSESSOR_BEFORE.exec(tail.slice(lead, noun.at))
  if (!m?.indices) return null
  // A quote between the possessor and its noun is right after the possessor.
  if (noun.at === tail.length && m[2] !== '') return null
  // "Her budget plan promises to": after other words, a noun in -s may be a verb; only a
  // singular is read there ("her March comment"), a plural right after its possessor ("his remarks").
  if (m[2] !== '' && !SPEECH_NOUNS.has(noun.text)) return null
  // "He gave her his answer:": a possessive among the words between is the noun's own, and the
  // first ("her") an object.
  if (POSSESSIVE_WORD.test(m[2] as string)) return null
  // "Cole said that Hale’s claim … is “…”": a cue before the possessor in its clause frames
  // the words; one before a comma is another clause's ("The riders insist they …, who has been
  // hurt by Hale’s claim that her ferry was “…”").
  const possessorAt = lead + (m.indices[1]?.[0] ?? m.index)
  const clauseBefore = before.slice(0, from + possessorAt)
  const clause = clauseBefore.slice(clauseBefore.lastIndexOf(',') + 1)
  if (hasVerbCue(clause)) return null
  // "He rejected her claim: “…”": a noun held by only a colon or comma is the quote's speaker
  // only where it opens its clause ("Her answer: “…”", "In Roe’s words, “…”"); after a subject
  // and its verb, the subject answers it.
  if (
    /^\s*[,:]\s*$/.test(noun.held) &&
    !/^\s*(?:(?:in|from|to|for)\s+)?$/i.test(clause.slice(lastSentenceStart(clause)))
  )
    return null
  // "But Hale’s": a word of grammar that opens the sentence is no part of the name.
  let owner = m[1] as string
  let at = possessorAt
  for (
    let word = /^(\S+)\s+/.exec(owner);
    word && isGrammarWord(word[1] as string);
    word = /^(\S+)\s+/.exec(owner)
  ) {
    owner = owner.slice(word[0].length)
    at += word[0].length
  }
  const phrase = POSSESSIVE_PRONOUNS[owner.toLowerCase()] ?? owner.replace(/(?:['’]s|['’])$/u, '')
  const mention = parseSpeakerMention(phrase)
  // "The mayor’s reply": a role or a body that speaks, not "the bill’s promise".
  if (!isUsableMention(mention) || (mention.form === 'nominal' && !speaksAsNominal(mention)))
    return null
  return {
    // The words as written: "his", "Hale" of "Hale’s" (a role is found by its words alone).
    mention: { ...mention, text: mention.form === 'pronoun' ? owner : phrase },
    mentionAt: base + from + at,
    cue: null,
    rule: 'cue-before',
    confidence: 0.8,
  }
}

/** Whether `text` holds a cue used as a verb, not as a noun ("her claims"). */
function hasVerbCue(text: string): boolean {
  if (!HAS_CUE.test(text)) return false
  CUE.lastIndex = 0
  let found = false
  for (let m = CUE.exec(text); m && !found; m = CUE.exec(text)) found = !isNounUse(text, m.index)
  CUE.lastIndex = 0
  return found
}
