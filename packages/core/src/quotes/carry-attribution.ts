import { IRREGULAR_PASTS, verbAlternation } from '../lexicon/index.js'
import type { Paragraph } from '../types.js'
import { cueBefore } from './attribution-rules.js'
import { lastStopBefore, mainSubject, nounPhraseAtStart } from './noun-phrases.js'
import { isPeoplePronoun, parseSpeakerMention } from './speaker-mention.js'
import { isUsableMention, speaksAsNominal } from './usable-mention.js'
import type { Attribution, Working } from './working.js'

// "… Smith said." closing a paragraph: the quote after it is someone else's.
const CUE_SENTENCE_END = new RegExp(
  `\\b(?:${verbAlternation(['say', 'add', 'write', 'tell'], ['past', 'third'])}|${verbAlternation(['continue', 'explain'], ['past'])})\\.$`,
)
/**
 * Carries attributions to the quotes that have none: a quote that is a whole
 * paragraph signed by a dash and a name in the paragraph below is that name's; the halves of a quote
 * broken by its attribution and a quote reopened in the next paragraph share
 * one speaker, and so does another quote of the same paragraph after a
 * statement, or of the same sentence after an unnamed speaker's quote; an uncued statement opening a sentence after "…, Smith said." takes
 * that cue, and one after a paragraph ending in a colon takes its introduction.
 * Any other uncued quote is left to the learned choice among the people named
 * before it (`chooseAntecedent`), which reads who spoke last among its features:
 * handing it the previous quote's speaker by rule picked worse on held-out
 * quotes-train (BENCHMARKS.md, "Issue 15: learned choice").
 */
export function carryAttributions(
  working: Working[],
  text: string,
  paragraphOf: Map<number, Paragraph>,
): void {
  signBelow(working, text, paragraphOf)
  linkContinuations(working, text)
  shareAcrossHalves(working)
  // An uncued statement, wherever it stands in its paragraph.
  working.forEach((item) => {
    if (item.attribution || item.kind !== 'statement') return
    const paragraph = paragraphOf.get(item.span.paragraph)
    if (!paragraph) return
    const carried =
      cueSentenceBefore(item, paragraph, text) ??
      colonIntroduction(paragraphOf.get(item.span.paragraph - 1))
    if (carried) item.attribution = carried
  })
}

// A paragraph that only signs the quote above it: a dash, then a name and at most an
// appositive after a comma ("- Roe.", "-Jane Roe, tweeting after the speech.").
const SIGNATURE_PARAGRAPH = /^\s*[-–—―]\s*(?=\p{Lu})([^“”"]{1,80})$/u
// What may follow the signing name: nothing but a stop, or a comma and an appositive.
const AFTER_SIGNING_NAME = /^\s*(?:[.!?]?|,.*)\s*$/u

/**
 * A quote that is a whole paragraph, signed in the paragraph below by a dash and a name (a
 * fact-check's or a notebook's layout: the quote, then "- Roe."), is that name's: the
 * dash signature of `dashSignature`, one paragraph down.
 */
function signBelow(working: Working[], text: string, paragraphOf: Map<number, Paragraph>): void {
  for (const item of working) {
    // A quote carried on from the paragraph above has its speaker there, and one that ends
    // in a colon introduces what follows (a list below it, "- Springfield.", signs nothing).
    if (item.attribution || item.span.close === null || item.span.continued) continue
    if (/:\s*$/.test(item.text)) continue
    const paragraph = paragraphOf.get(item.span.paragraph)
    const below = paragraphOf.get(item.span.paragraph + 1)
    if (!paragraph || !below) continue
    // A dash line followed by another is a list, not a signature.
    if (SIGNATURE_PARAGRAPH.test(paragraphOf.get(item.span.paragraph + 2)?.text ?? '')) continue
    const end = paragraph.offset + paragraph.text.length
    if (
      text.slice(paragraph.offset, item.span.open).trim() !== '' ||
      !/^[\s.]*$/.test(text.slice(item.span.close + 1, end))
    )
      continue
    const signature = SIGNATURE_PARAGRAPH.exec(below.text)
    if (!signature) continue
    const signed = signature[1] as string
    const read = nounPhraseAtStart(signed)
    if (!AFTER_SIGNING_NAME.test(signed.slice(signed.indexOf(read) + read.length))) continue
    const phrase = read.replace(/\.$/, '')
    const mention = parseSpeakerMention(phrase)
    if (!isUsableMention(mention) || mention.form !== 'name' || mention.kind !== 'person') continue
    // A single word signs as a person only as the surname of a full name written before
    // ("Ann Lee" … "- Lee."): alone, "— Reuters" is a wire's credit line.
    if (!phrase.includes(' ') && !surnameWrittenBefore(phrase, text.slice(0, item.span.open)))
      continue
    item.attribution = {
      mention,
      mentionAt: below.offset + below.text.indexOf(signed),
      cue: null,
      rule: 'cue-after',
      confidence: 0.85,
    }
  }
}

// A clause of its own between two quotes: a conjunction, a subject of up to five words, and a
// verb of its own that is no copula ("while Jane Roe feared", "and the inspector saw"); after
// a copula the quote describes the subject ("while Dean is “a basket case”").
const OTHER_SUBJECT_CLAUSE = new RegExp(
  `^\\s*(?:while|whereas|and|but|yet|or|as)\\s+(?:[\\p{L}’'.-]+\\s+){1,5}?(?!(?:is|was|are|were|be|been|being|remains|remained|seems|seemed)\\b)(?:\\p{Ll}+ed|\\p{Ll}+s|${IRREGULAR_PASTS.join('|')})\\b`,
  'u',
)

// The pronouns of people a cue names as the speaker: "he said", "they told".
const PERSON_PRONOUN = /^(?:he|she|they|we|i)$/i

/** Whether `text` writes `word` as the last word of a name of two or more capitalized words. */
function surnameWrittenBefore(word: string, text: string): boolean {
  let at = text.indexOf(word)
  while (at >= 0) {
    const after = text.charAt(at + word.length)
    if (
      !/[\p{L}\p{N}]/u.test(after) &&
      /\p{Lu}[\p{L}.'’-]*\s+$/u.test(text.slice(Math.max(0, at - 40), at))
    )
      return true
    at = text.indexOf(word, at + 1)
  }
  return false
}

/**
 * Marks the quotes carried on (`continues`): a continuation paragraph, the
 * second half of a quote broken by "he said.", another quote of the same
 * paragraph with no cue of its own after an attributed statement, or of the same
 * sentence after a quote of an unnamed speaker or a person's fragment, and the
 * later items of a list of quoted words after their first.
 */
function linkContinuations(working: Working[], text: string): void {
  working.forEach((item, index) => {
    // A title between two quotes of a paragraph ("…,” he said on NBC’s “Meet the Press.” “…”)
    // is no one's words: the quote before it is the one this may carry on.
    let before = index - 1
    while (
      before > 0 &&
      working[before]?.kind === 'term' &&
      working[before]?.span.paragraph === item.span.paragraph
    )
      before--
    const previous = working[before]
    if (!previous || item.kind === 'term') return
    const sameParagraph = previous.span.paragraph === item.span.paragraph
    // Both halves of a quote broken by one attribution ("…,” she wrote. “…”) share its cue.
    const sameCue =
      sameParagraph &&
      item.attribution?.cue != null &&
      previous.attribution?.cue != null &&
      item.attribution.cue.at === previous.attribution.cue.at &&
      previous.kind === 'statement'
    // After an attributed fragment ("Ames called it a “betrayal.” … “a wasted year”") an uncued
    // quote is not handed the fragment's attribution here: it is left to the learned choice
    // among the people named before, which reads who spoke last among its features and,
    // retrained without this carry, picked better on held-out quotes-train (BENCHMARKS.md,
    // "Issue 15: a stable trainer").
    // An unnamed speaker ("One source said agents would be “screaming” because “…”") is no
    // one the learned choice can pick: their next uncued quote of the same sentence stays theirs.
    const unnamed = previous.attribution?.mention
    const unnamedInSentence =
      sameParagraph &&
      !item.attribution &&
      unnamed?.form === 'nominal' &&
      speaksAsNominal(unnamed) &&
      !isPeoplePronoun(unnamed.text) &&
      previous.span.close !== null &&
      // (From the quote's last character: its full stop may sit inside the mark, "“screaming.”".)
      !/[.!?]["”’)]*\s/.test(text.slice(previous.span.close - 1, item.span.open))
    // A person's fragment read from a cue before it ("Roe said that Hale was “a lightweight”
    // while Dean is “a basket case”"): their next uncued quote of the same sentence is theirs,
    // unless a comma closes the fragment's clause ("in a clip the judge called “vile,” Ames
    // expressed …": what follows may be a clause of someone else's) or a clause of another
    // subject's own verb comes between ("… “sound” while Jane Roe feared “…”").
    const said = previous.attribution
    const personInSentence =
      sameParagraph &&
      !item.attribution &&
      previous.kind === 'fragment' &&
      said?.rule === 'cue-before' &&
      (said.mention.form === 'name' ||
        (said.mention.form === 'pronoun' && PERSON_PRONOUN.test(said.mention.text))) &&
      previous.span.close !== null &&
      !/[.!?]["”’)]*\s/.test(text.slice(previous.span.close - 1, item.span.open)) &&
      !/,["”’)]*\s+(?!(?:and|but|or)\s)/.test(
        text.slice(previous.span.close - 1, item.span.open),
      ) &&
      !OTHER_SUBJECT_CLAUSE.test(text.slice(previous.span.close + 1, item.span.open))
    if (
      sameCue ||
      item.span.continued ||
      unnamedInSentence ||
      personInSentence ||
      // The next item of a list of quoted words (“a” and “b”) carries on what its first item does.
      (item.coordinated && !item.attribution && previous.continues !== null) ||
      (sameParagraph && !item.attribution && previous.attribution && previous.kind === 'statement')
    )
      item.continues = before
  })
}

/**
 * One speaker for a quote and its continuations: a first half with none takes
 * its continuation's (last to first, so a chain passes it back), then a
 * continuation with none takes its first half's.
 */
function shareAcrossHalves(working: Working[]): void {
  for (let index = working.length - 1; index >= 0; index--) {
    const item = working[index] as Working
    if (item.continues === null) continue
    const first = working[item.continues] as Working
    if (!first.attribution && item.attribution)
      first.attribution = { ...item.attribution, rule: 'same-quote' }
  }
  working.forEach((item) => {
    if (item.continues === null || item.attribution) return
    const first = working[item.continues] as Working
    if (first.attribution)
      item.attribution = {
        ...first.attribution,
        rule: 'same-quote',
        confidence: Math.min(first.attribution.confidence, 0.85),
      }
  })
}

/** "…, Schiff said. “…”": a quote opening a sentence after one of its paragraph that ends in an attribution. */
function cueSentenceBefore(item: Working, paragraph: Paragraph, text: string): Attribution | null {
  const lead = text.slice(paragraph.offset, item.span.open).trimEnd()
  // (The last character alone: a pattern anchored at the end is tried at each character.)
  if (!/[.!?]/.test(lead.slice(-1))) return null
  // The last sentence runs on from the stop before the last one, found back from the end.
  const lastSentence = lead.slice(lastStopBefore(lead, lead.length - 1) + 1)
  if (!CUE_SENTENCE_END.test(lastSentence)) return null
  const at = paragraph.offset + lead.length - lastSentence.length
  const intro = cueBefore(lastSentence.replace(/\.$/, ''), at)
  return intro && { ...intro, rule: 'previous-quote', confidence: 0.65 }
}

/** The speaker a paragraph ending in a colon introduces (`previous`, the paragraph before the quote): by a cue, or as its named subject. */
function colonIntroduction(previous: Paragraph | undefined): Attribution | null {
  if (!previous || !/:\s*$/.test(previous.text)) return null
  const intro = cueBefore(previous.text, previous.offset)
  if (intro) return { ...intro, rule: 'colon-intro', confidence: 0.8 }
  // "On July 6, Sanders made the following comment:": the named subject introduces the quote.
  const subject = mainSubject(previous.text, true)
  const mention = subject ? parseSpeakerMention(subject.text) : null
  if (
    subject &&
    isUsableMention(mention, true) &&
    (mention.form === 'name' || speaksAsNominal(mention))
  ) {
    return {
      mention,
      mentionAt: previous.offset + subject.at,
      cue: null,
      rule: 'colon-intro',
      confidence: 0.6,
    }
  }
  return null
}
