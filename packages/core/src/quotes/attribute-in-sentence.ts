import type { Paragraph } from '../types.js'
import {
  accordingToAfter,
  cueAfter,
  cueBefore,
  dashSignature,
  endsSentence,
  frontedParticipleSubject,
  invertedCueClosing,
  isShortAttribution,
  nameBeforeColon,
  transcriptSpeaker,
} from './attribution-rules.js'
import { CUE } from './cues.js'
import { firstSentenceEnd, lastSentenceStart, mainSubject } from './noun-phrases.js'
import { kindOf } from './quote-kind.js'
import { parseSpeakerMention } from './speaker-mention.js'
import { isUsableMention, speaksAsNominal } from './usable-mention.js'
import type { Attribution, Working } from './working.js'

const COORDINATION = /^[\s,]*(?:(?:and|or|but|as well as|nor)\s+)?(?:(?:a|an|the)\s+)?$/i
const LOOSE_COORDINATION = /^[^.;:!?“”"]{1,40}\s(?:but|yet|and|or)\s+(?:(?:a|an|the)\s+)?$/i
const PASSIVE_CUE_END = new RegExp(
  `\\b(?:is|are|was|were|be|been|being)\\s+(?:\\p{Ll}+ly\\s+)?${CUE.source}\\s+(?:as\\s+)?(?:(?:a|an|the)\\s+)?$`,
  'u',
)

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
    const previous = working[index - 1]
    const next = working[index + 1]
    const samePrevious =
      previous && previous.span.paragraph === item.span.paragraph ? previous : null
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
    const after =
      item.span.close === null ? '' : text.slice(Math.min(afterStart, afterEnd), afterEnd)
    item.context = `${before} ${after}`

    const coordinated =
      samePrevious !== null &&
      samePrevious.kind !== 'term' &&
      samePrevious.span.close !== null &&
      (COORDINATION.test(text.slice(samePrevious.span.close + 1, item.span.open)) ||
        // “relatively low” for the United States but “significant for us”
        (samePrevious.kind === 'fragment' &&
          LOOSE_COORDINATION.test(text.slice(samePrevious.span.close + 1, item.span.open))))
    if (coordinated && samePrevious) {
      // “disgusting” and “a con”: a list of quoted words shares its first item's kind and speaker.
      item.kind = samePrevious.kind
      item.attribution = samePrevious.attribution
        ? { ...samePrevious.attribution, rule: 'same-quote' }
        : null
      item.coordinated = true
      return
    }
    const opensClause = before.trim() === '' || /[:,]\s*$/.test(before)
    item.kind = kindOf(item, before, after, opensClause, doubleQuoted)
    if (item.kind === 'term') return
    item.attribution =
      transcriptSpeaker(item.text, item.span.start) ??
      dashSignature(after, afterStart) ??
      (endsSentence(item.text) && !isShortAttribution(after)
        ? null
        : cueAfter(after, afterStart, true)) ??
      cueBefore(before, clauseStart) ??
      frontedParticipleSubject(before, clauseStart, after, afterStart) ??
      (endsSentence(item.text) ? null : cueAfter(after, afterStart)) ??
      accordingToAfter(after, afterStart) ??
      (endsSentence(item.text) ? null : invertedCueClosing(after, afterStart)) ??
      nameBeforeColon(before, clauseStart)
    // The subject of the sentence speaks for an uncued quote only when no earlier quote shares the sentence.
    const startsSentence = !samePrevious || clauseStart > clauseFloor
    // "in what is being criticized as a “…”": a passive cue with no agent names no speaker.
    const agentless = PASSIVE_CUE_END.test(before)
    if (!item.attribution && before.trim() !== '' && startsSentence && !agentless)
      item.attribution = sentenceSubject(before, clauseStart, {
        first: false,
        nominal: true,
        confidence: 0.5,
      })
    // A quote that opens a sentence after the writer's sentence about someone, with no quote
    // before it in the paragraph ("Bolton distanced himself … if asked. “I’m going to …”"),
    // is that person's: the subject of the sentence just before.
    if (!item.attribution && !samePrevious && before.trim() === '' && clauseStart > clauseFloor) {
      const previousStart =
        clauseFloor + lastSentenceStart(text.slice(clauseFloor, clauseStart - 1))
      item.attribution = sentenceSubject(text.slice(previousStart, clauseStart), previousStart, {
        first: true,
        nominal: false,
        confidence: 0.4,
      })
    }
  })
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
