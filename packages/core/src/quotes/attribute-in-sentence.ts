import { AUXILIARY_VERBS, IRREGULAR_PASTS, MODALS } from '../lexicon/index.js'
import type { Paragraph } from '../types.js'
import {
  accordingToAfter,
  cueAfter,
  cueBefore,
  dashSignature,
  describedByAfter,
  endsInPassiveNaming,
  endsSentence,
  frontedParticipleSubject,
  invertedCueClosing,
  isShortAttribution,
  nameBeforeColon,
  passiveAgent,
  possessiveSpeech,
  transcriptSpeaker,
  unlistedVerbAfter,
} from './attribution-rules.js'
import { PARTICIPLE_CUE } from './cues.js'
import {
  firstSentenceEnd,
  isCountedSubject,
  lastSentenceStart,
  mainSubject,
  SUBORDINATOR,
} from './noun-phrases.js'
import { kindOf } from './quote-kind.js'
import { parseSpeakerMention } from './speaker-mention.js'
import { isUsableMention, speaksAsNominal } from './usable-mention.js'
import type { Attribution, Working } from './working.js'

const COORDINATION = /^[\s,]*(?:(?:and|or|but|as well as|nor)\s+)?(?:(?:a|an|the)\s+)?$/i
// Words that end with a comma or colon right before the quote, as a cue's do: "responded: ".
const INTRODUCED = /[\p{L}.)][,:]\s*$/u
// What may stand between a cue and the quote it takes: nothing, or a short object ("it", "the
// plan", "the vote as") with no mark.
const OBJECT_BETWEEN = /^\s*(?:[^\s,;:“”"]+\s+){0,3}$/
// A clause of time right after a quote: "as Tom Hale spoke", "while the mayor watched".
const TIME_CLAUSE_AFTER = /^[\s,]*(?:as|while|when)\s/
const LOOSE_COORDINATION = /^[^.;:!?“”"]{1,40}\s(?:but|yet|and|or)\s+(?:(?:a|an|the)\s+)?$/i

/** Finds each quote's kind and, from the words of its own sentence, its speaker: cues after and before, according-to, a dash signature, a transcript line, the sentence's subject. */
export function attributeInSentence(
  working: Working[],
  text: string,
  paragraphOf: Map<number, Paragraph>,
  doubleQuoted: boolean,
): void {
  working.forEach((item, index) => {
    const paragraph = paragraphOf.get(item.span.paragraph)
    if (!paragraph) return
    const clause = clauseAround(working, index, text, paragraph)
    const { samePrevious, before, after } = clause
    item.context = `${before} ${after}`
    if (samePrevious && isCoordinated(samePrevious, item, text)) {
      // “disgusting” and “a con”: a list of quoted words shares its first item's kind and speaker.
      item.kind = samePrevious.kind
      item.coordinated = true
      if (samePrevious.attribution || item.kind !== 'fragment') {
        item.attribution = samePrevious.attribution
          ? { ...samePrevious.attribution, rule: 'same-quote' }
          : null
        return
      }
      // “a crisis” and “a disgrace,” Dean said: a list of quoted words has its cue after its
      // last item, past the clauses of the items before it, and the cue speaks for them too.
      item.attribution = cuedAttribution(item, clause)
      const shared = item.attribution && { ...item.attribution, rule: 'same-quote' as const }
      for (let k = index - 1; shared && k >= 0; k--) {
        const earlier = working[k] as Working
        earlier.attribution = shared
        if (!earlier.coordinated) break
      }
      return
    }
    const opensClause = before.trim() === '' || /[:,]\s*$/.test(before)
    item.kind = kindOf(item, before, after, opensClause, doubleQuoted)
    if (item.kind === 'term') return
    const titled = titledClause(working, index, text, paragraph, clause)
    const found = titled && (cuedAttribution(item, titled) ?? subjectAttribution(text, titled))
    // A title is never part of the speaker's words: "The Boss" in "Ann Lee, a judge on the
    // county’s TV show, “The Boss,” who …, said" names no one.
    item.attribution =
      found && !titleWithin(working, index, found)
        ? found
        : (cuedAttribution(item, clause) ??
          // "Tom Hale was hailed as “a hero”": the one named is no speaker of the naming.
          (endsInPassiveNaming(clause.before) ? null : subjectAttribution(text, clause)))
  })
}

/** A quote's own clause: the words before it in its sentence, and after it to its sentence's end. */
interface QuoteClause {
  /** The quote just before it, when it stands in the same paragraph. */
  samePrevious: Working | null
  /** Where the clause may start at the earliest: just after that quote, else the paragraph's start. */
  clauseFloor: number
  clauseStart: number
  before: string
  afterStart: number
  after: string
}

/**
 * The clause of `working[index]`: from the start of its sentence (no earlier than the end
 * of the quote before it in the paragraph) to the quote, and from the quote to the end of
 * its sentence (no later than the next quote of the paragraph).
 */
function clauseAround(
  working: Working[],
  index: number,
  text: string,
  paragraph: Paragraph,
): QuoteClause {
  const item = working[index] as Working
  const previous = working[index - 1]
  const next = working[index + 1]
  const samePrevious = previous && previous.span.paragraph === item.span.paragraph ? previous : null
  const clauseFloor = samePrevious
    ? (samePrevious.span.close ?? samePrevious.span.end) + 1
    : paragraph.offset
  const clauseStart = clauseFloor + lastSentenceStart(text.slice(clauseFloor, item.span.open))
  const before = text.slice(clauseStart, item.span.open)
  const paragraphEnd = paragraph.offset + paragraph.text.length
  const afterStart = (item.span.close ?? item.span.end) + 1
  const nextOpen =
    next && next.span.paragraph === item.span.paragraph ? next.span.open : paragraphEnd
  let afterEnd = Math.min(nextOpen, paragraphEnd)
  const sentenceEnd = firstSentenceEnd(text.slice(afterStart, afterEnd))
  if (sentenceEnd >= 0) afterEnd = afterStart + sentenceEnd + 1
  const after = item.span.close === null ? '' : text.slice(Math.min(afterStart, afterEnd), afterEnd)
  return { samePrevious, clauseFloor, clauseStart, before, afterStart, after }
}

/**
 * The clause of `working[index]` read on past the titles quoted before it in its sentence
 * ("The flyer, titled “Who Pays?”, argues that …", "The union printed a “Fair Rent Now”
 * leaflet calling …"): a title is words of the clause, not a quote that opens a clause of its
 * own. Its marks read as white space. Null when no title stands right before the quote in
 * its sentence.
 */
function titledClause(
  working: Working[],
  index: number,
  text: string,
  paragraph: Paragraph,
  clause: QuoteClause,
): QuoteClause | null {
  const item = working[index] as Working
  const titles: Working[] = []
  let previousAt = index - 1
  for (
    let earlier = working[previousAt];
    earlier?.kind === 'term' &&
    earlier.span.paragraph === item.span.paragraph &&
    earlier.span.close !== null;
    earlier = working[--previousAt]
  )
    titles.push(earlier)
  if (titles.length === 0 || clause.clauseStart > clause.clauseFloor) return null
  const previous = working[previousAt]
  const samePrevious = previous?.span.paragraph === item.span.paragraph ? previous : null
  const clauseFloor = samePrevious
    ? (samePrevious.span.close ?? samePrevious.span.end) + 1
    : paragraph.offset
  let lead = text.slice(clauseFloor, item.span.open)
  for (const title of titles)
    for (const mark of [title.span.open, title.span.close as number])
      lead = `${lead.slice(0, mark - clauseFloor)} ${lead.slice(mark - clauseFloor + 1)}`
  const clauseStart = clauseFloor + lastSentenceStart(lead)
  // A title in a sentence before the quote's leaves the clause as it was.
  if (titles.some((title) => title.span.open < clauseStart)) return null
  return {
    ...clause,
    samePrevious,
    clauseFloor,
    clauseStart,
    before: lead.slice(clauseStart - clauseFloor),
  }
}

/** Whether the mention of `found` reaches into a quote before `working[index]` in its paragraph. */
function titleWithin(working: Working[], index: number, found: Attribution): boolean {
  const item = working[index] as Working
  const end = found.mentionAt + found.mention.text.length
  for (let k = index - 1; k >= 0; k--) {
    const title = working[k] as Working
    if (title.span.paragraph !== item.span.paragraph) break
    if (title.span.open < end && (title.span.close ?? title.span.end) >= found.mentionAt)
      return true
  }
  return false
}

/** Whether `item` is the next of a list of quoted words that `previous` starts (“a” and “b”). */
function isCoordinated(previous: Working, item: Working, text: string): boolean {
  if (previous.kind === 'term' || previous.span.close === null) return false
  const between = text.slice(previous.span.close + 1, item.span.open)
  return (
    COORDINATION.test(between) ||
    // “relatively low” for the United States but “significant for us”
    (previous.kind === 'fragment' && LOOSE_COORDINATION.test(between))
  )
}

/**
 * The speaker its clause's words name: a transcript line, a dash signature, a cue after,
 * a possessor's noun of speech, the agent of a passive naming verb ("called “…” by X"), a
 * cue before, a fronted participle, according-to, an inverted cue, a name before a colon;
 * in that order, a quote that ends its sentence taking a cue after it only when short.
 */
function cuedAttribution(
  item: Working,
  { before, clauseStart, after, afterStart }: QuoteClause,
): Attribution | null {
  // (Whether the quote ends its sentence is read once, when first asked.)
  let ends: boolean | undefined
  const endsItsSentence = () => (ends ??= endsSentence(item.text))
  // (The cue before the quote is read once too.)
  let own: Attribution | null | undefined
  const ownCue = (): Attribution | null => {
    if (own === undefined) own = cueBefore(before, clauseStart)
    return own
  }
  // "Protesters chanted “Shame!” as Tom Hale spoke.": after a verb of speech whose object the
  // quote is, a clause that "as", "while" or "when" opens tells when, not who. (Not after a
  // participle, whose subject is only inferred: "…, praising “…” as he promised".)
  const timeClauseAfterOwnCue = () => {
    if (!TIME_CLAUSE_AFTER.test(after)) return false
    const cue = ownCue()?.cue
    return (
      cue !== undefined &&
      cue !== null &&
      !PARTICIPLE_CUE.test(cue.text) &&
      // (Right before it, or with only its short object between: "called it “…”".)
      OBJECT_BETWEEN.test(before.slice(cue.at + cue.text.length - clauseStart))
    )
  }
  // "Ward replied: “Why does it matter now?” Her critics cited it …": a cue right
  // before a quote that closes its own sentence speaks for it over a sentence after it.
  const introduced = INTRODUCED.test(before) && /[.?!]["”’)]*\s*$/.test(item.text)
  const introducer = introduced ? cueBefore(before, clauseStart) : null
  if (
    introducer?.cue &&
    introducer.cue.at + introducer.cue.text.length >= clauseStart + before.length - 30 &&
    // "When Jane Roe asked about it, “Why?” he replied.": the cue of a clause that a
    // subordinator opens yields to a cue right after the quote.
    (isMainClauseCue(before, introducer.cue.at - clauseStart, introducer.cue.text.length) ||
      !cueAfter(after, afterStart, true))
  )
    return (
      transcriptSpeaker(item.text, item.span.start) ??
      possessiveSpeech(before, clauseStart, after) ??
      introducer
    )
  return (
    transcriptSpeaker(item.text, item.span.start) ??
    dashSignature(after, afterStart) ??
    // "Tom Hale said the plan was “fair.” Ann Lee agreed.": a quote that ends its sentence takes
    // a short sentence after it only when no cue before it in its own sentence names someone.
    (endsItsSentence() && (!isShortAttribution(after) || ownCue() !== null)
      ? null
      : timeClauseAfterOwnCue()
        ? null
        : cueAfter(after, afterStart, true)) ??
    possessiveSpeech(before, clauseStart, after) ??
    passiveAgent(before, clauseStart, after, afterStart) ??
    ownCue() ??
    frontedParticipleSubject(before, clauseStart, after, afterStart) ??
    (endsItsSentence() ? null : cueAfter(after, afterStart)) ??
    accordingToAfter(after, afterStart) ??
    describedByAfter(after, afterStart) ??
    (endsItsSentence() ? null : invertedCueClosing(after, afterStart)) ??
    nameBeforeColon(before, clauseStart) ??
    (before.trim() === '' && item.kind === 'statement'
      ? unlistedVerbAfter(item.text, after, afterStart)
      : null)
  )
}

// A subordinate clause in the words between a cue and the quote: "shouted questions as he left, ".
// A subordinator opens one only with a verb of its own after it: "before the vote", "once more"
// and "as well" are phrases of the main clause.
const SUBORDINATE_CLAUSE_AFTER_CUE = new RegExp(
  `\\b(?:as|when|while|after|before|because|since|until|if|once)\\s+(?:[^,;:]*?\\s)?(?:\\p{Ll}+ed|${[...IRREGULAR_PASTS, ...AUXILIARY_VERBS, ...MODALS].join('|')})\\b`,
  'iu',
)

/**
 * Whether the cue at `at` (of `length` characters) in `before` is the main clause's cue
 * that introduces the quote: no subordinator opens its clause ("As reporters shouted",
 * "After Roe spoke") or stands between it and the quote ("shouted as he left, ").
 */
function isMainClauseCue(before: string, at: number, length: number): boolean {
  const lead = before.slice(0, at)
  const clause = lead.slice(Math.max(lead.lastIndexOf(',') + 1, lastSentenceStart(lead)))
  return (
    !SUBORDINATOR.test(`${clause.trim()} `) &&
    !SUBORDINATE_CLAUSE_AFTER_CUE.test(before.slice(at + length))
  )
}

// A copula right before the quote, adverbs and an article between.
const COPULA_BEFORE_QUOTE =
  /(?<![\p{L}\p{N}])(?:is|was|were|are|am|been|seemed|seems|appeared|appears|became|becomes|remained|remains|looked|looks|sounded|sounds|felt|feels)\s+(?:(?:also|still|so|very|too|just|now|not|never|\p{Ll}+ly)\s+)*(?:(?:a|an|the)\s+)?$/iu

// A clause joined by "and", "but" or "while" whose few words before a copula are its own subject:
// "died and another was".
const JOINED_COPULA =
  /(?<![\p{L}\p{N}])(?:and|but|while)\s+(?:[\p{L}'’-]+\s+){1,3}(?:is|was|were|are|seemed|seems|appeared|appears|became|becomes|remained|remains)\s+(?:(?:also|still|so|very|too|just|now|\p{Ll}+ly)\s+)*(?:(?:a|an|the)\s+)?$/iu
// A copula right after a subject, past an aside between commas and adverbs: "Tom Hale was also",
// "The mayor, in his view, had been".
const COPULA_AFTER_SUBJECT =
  /^(?:\s*,[^,]*,)?\s*(?:(?:also|still|now|then|once|long|never|\p{Ll}+ly)\s+)*(?:was|were|is|are|am|had\s+been|has\s+been|have\s+been|seemed|seems|became|becomes|remained|remains|appeared|appears)\b/iu

/** The speaker of an uncued quote from a sentence's subject: its own sentence's, else the one before. */
function subjectAttribution(
  text: string,
  { samePrevious, clauseFloor, clauseStart, before }: QuoteClause,
): Attribution | null {
  // The subject of the sentence speaks for an uncued quote only when no earlier quote shares the
  // sentence. A quote closed by its own full stop ends its sentence ("Ann Roe said the clinic
  // would “open in spring.” The county declined to give the building’s “…”"), but what the next
  // sentence's subject is or was ("… “open in spring.” Tom Hale was “a great help.”") may go on
  // with the first speaker's words: the subject of a copula does not take it.
  const afterClosedQuote =
    samePrevious !== null &&
    clauseStart === clauseFloor &&
    endsSentence(samePrevious.text) &&
    /^\s*\p{Lu}/u.test(before)
  if (before.trim() !== '' && (!samePrevious || clauseStart > clauseFloor || afterClosedQuote)) {
    const subject = sentenceSubject(before, clauseStart, {
      first: false,
      nominal: true,
      confidence: 0.5,
    })
    const rest = subject
      ? before.slice(subject.mentionAt - clauseStart + subject.mention.text.length)
      : ''
    // What a count of people is ("One official was “furious.”") or what another subject joined
    // to it is ("One man died and another was “badly hurt.”") describes them in someone else's
    // words, as after a closed quote (above) what anyone is does.
    const counted = subject !== null && isCountedSubject(subject.mention.text)
    if (
      subject &&
      !(afterClosedQuote && COPULA_AFTER_SUBJECT.test(rest)) &&
      !(
        counted &&
        COPULA_BEFORE_QUOTE.test(before) &&
        (COPULA_AFTER_SUBJECT.test(rest) || JOINED_COPULA.test(rest))
      )
    )
      return subject
  }
  // A quote that opens a sentence after the writer's sentence about someone, with no quote
  // before it in the paragraph ("Bolton distanced himself … if asked. “I’m going to …”"),
  // is that person's: the subject of the sentence just before.
  if (!samePrevious && before.trim() === '' && clauseStart > clauseFloor) {
    const previousStart = clauseFloor + lastSentenceStart(text.slice(clauseFloor, clauseStart - 1))
    return sentenceSubject(text.slice(previousStart, clauseStart), previousStart, {
      first: true,
      nominal: false,
      confidence: 0.4,
    })
  }
  return null
}

/**
 * The main subject of `sentence` (which stands at `base` in the text) as the speaker of an
 * uncued quote, by rule `sentence-subject`. `first`: the sentence's first subject rather
 * than its last; `nominal`: whether a nominal subject that can be a source of words
 * ("the doctor") counts, or only names and pronouns.
 */
function sentenceSubject(
  sentence: string,
  base: number,
  options: { first: boolean; nominal: boolean; confidence: number },
): Attribution | null {
  const subject = mainSubject(sentence, options.first, false)
  const mention = subject ? parseSpeakerMention(subject.text) : null
  if (!subject || !isUsableMention(mention, true)) return null
  if (mention.form === 'nominal' && !(options.nominal && speaksAsNominal(mention))) return null
  return {
    mention,
    mentionAt: base + subject.at,
    cue: null,
    rule: 'sentence-subject',
    confidence: options.confidence,
  }
}
