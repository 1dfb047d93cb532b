import type { AttributionRule, QuoteKind } from '../types.js'
import { countBelow, lastBefore, type NamedEntity, type NameRegistry } from './name-registry.js'
import { isGrammarWord } from './proper-name.js'
import type { SpeakerMention } from './speaker-mention.js'
import { PRONOUN_MIN_MARGIN, SPEAKER_WEIGHTS, UNATTRIBUTED_MIN_MARGIN } from './speaker-weights.js'

/**
 * Where a quote's speaker is to be found among the entities named before: a
 * pronoun that names them, or no mention at all (a quote no rule attributes).
 */
export interface SpeakerSlot {
  /** The pronoun; null for a quote no rule attributes. */
  mention: SpeakerMention | null
  /** Clean-text offset of the pronoun, or of the quote's opening mark. */
  at: number
  /** The rule that found the pronoun; null for a quote no rule attributes. */
  rule: AttributionRule | null
  /** Clean-text offsets of the quote's words. */
  quote: { start: number; end: number }
  quoteKind: QuoteKind
}

/** One candidate antecedent and the features the model scores it by. */
export interface AntecedentCandidate {
  entity: NamedEntity
  features: string[]
}

/** Every choice made, for `pnpm train:speakers` to label against gold speakers. */
export interface AntecedentChoice {
  slot: SpeakerSlot
  candidates: AntecedentCandidate[]
  /** Index of the candidate the recency rules pick (`NameRegistry.antecedent`), -1 when they find none. */
  baseline: number
  /** Whether the best candidate is taken even with no baseline and a score of 0 or less. */
  always: boolean
  chosen: number
}

/** Feature name → weight; a feature not listed weighs 0. */
export type SpeakerWeights = Readonly<Record<string, number>>

const PRONOUN_WORD = /^(?:He|She|I|It|They|We|His|Her|Him)$/

// The most recently named entities compete; further back, a pronoun rarely reaches.
const MAX_CANDIDATES = 12

let weights: SpeakerWeights = SPEAKER_WEIGHTS
// The same weights in a Map: a lookup per feature of every candidate of every pronoun.
let weightMap = new Map(Object.entries(SPEAKER_WEIGHTS))
let minMargin = UNATTRIBUTED_MIN_MARGIN
let overrideMargin = PRONOUN_MIN_MARGIN
let pronounModel = hasPronounWeights(SPEAKER_WEIGHTS)
let trace: ((choice: AntecedentChoice) => void) | null = null

/**
 * Replaces the weights the model scores with (null: the shipped ones) and sets
 * a function that receives every choice (null: none). For training and
 * cross-validation only: extraction itself never calls it.
 */
export function setAntecedentModel(
  next: SpeakerWeights | null,
  onChoice: ((choice: AntecedentChoice) => void) | null = null,
  margin: number | null = null,
  pronounMargin: number | null = null,
): void {
  weights = next ?? SPEAKER_WEIGHTS
  weightMap = new Map(Object.entries(weights))
  minMargin = margin ?? UNATTRIBUTED_MIN_MARGIN
  overrideMargin = pronounMargin ?? PRONOUN_MIN_MARGIN
  pronounModel = hasPronounWeights(weights)
  trace = onChoice
}

// Without weights for pronouns (the shipped model has none) their candidates need no features.
function hasPronounWeights(model: SpeakerWeights): boolean {
  return Object.keys(model).some((feature) => feature.startsWith('pronoun/'))
}

const rank = (index: number) => (index < 0 ? 'none' : String(Math.min(index, 4)))

/** Entities ordered by their last offset of one sort before `at`; those without one left out. */
function orderBy(
  entities: NamedEntity[],
  field: 'subjects' | 'speeches',
  at: number,
): NamedEntity[] {
  return entities
    .map((entity) => ({ entity, last: lastBefore(entity[field], at) }))
    .filter((e) => e.last >= 0)
    .sort((a, b) => b.last - a.last)
    .map((e) => e.entity)
}

/**
 * The features of each candidate antecedent of a pronoun: agreement in gender
 * and kind, how far back and how many paragraphs back it was named, its rank
 * by recency as a mention, as a clause subject and as a speaker, how often it
 * is named, whether the recency rules pick it, the shape of its name. Each
 * feature is named for the slot (`pronoun/…`, `unattributed/…`): two models
 * in one table of weights.
 */
export function antecedentFeatures(
  slot: SpeakerSlot,
  entities: NamedEntity[],
  baseline: NamedEntity | undefined,
  registry: NameRegistry,
): AntecedentCandidate[] {
  const { at } = slot
  const pronoun = slot.mention?.name ?? 'none'
  const pronounGender = slot.mention?.gender ?? null
  const bySubject = orderBy(entities, 'subjects', at)
  const bySpeech = orderBy(entities, 'speeches', at)
  const paragraph = registry.paragraphAt(at)
  // A pronoun and a quote with no mention at all are two models: each feature is named for its slot.
  const p = slot.mention ? 'pronoun/' : 'unattributed/'
  return entities.map((entity, recency) => {
    const last = lastBefore(entity.positions, at)
    const gender =
      pronounGender === null
        ? 'none'
        : entity.gender === null
          ? 'unknown'
          : entity.gender === pronounGender
            ? 'agree'
            : 'clash'
    const r = rank(recency)
    const subject = rank(bySubject.indexOf(entity))
    const speech = rank(bySpeech.indexOf(entity))
    const distance = Math.min(8, Math.floor(Math.log2(1 + (at - last) / 25)))
    const paragraphs = Math.min(3, paragraph - registry.paragraphAt(last))
    const named = Math.min(4, countBelow(entity.positions, at))
    const isBaseline = entity === baseline ? 'yes' : 'no'
    const proven = entity.gender !== null || entity.speeches.length > 0 ? 'yes' : 'no'
    const words = entity.name.split(/\s+/)
    // A name swept up with a word beside it ("Washington D.C. He", "Had I") is seldom anyone.
    const shape = PRONOUN_WORD.test(words.at(-1) ?? '')
      ? 'pronoun-tail'
      : isGrammarWord(words[0] ?? '')
        ? 'grammar-head'
        : 'name'
    const quoted =
      countBelow(entity.positions, slot.quote.end) > countBelow(entity.positions, slot.quote.start)
    const first = entity.positions[0] ?? last
    const introduced = Math.min(3, paragraph - registry.paragraphAt(first))
    const subjectHere = lastBefore(entity.subjects, at) >= registry.paragraphStart(paragraph)
    return {
      entity,
      features: [
        `${p}baseline=${isBaseline}`,
        `${p}gender=${gender}`,
        `${p}kind=${pronoun}:${entity.kind}`,
        `${p}recency=${r}`,
        `${p}subject=${subject}`,
        `${p}speech=${speech}`,
        `${p}distance=${distance}`,
        `${p}paragraphs=${paragraphs}`,
        `${p}named=${named}`,
        `${p}full-name=${entity.name.includes(' ') ? 'yes' : 'no'}`,
        `${p}role=${entity.roles.size > 0 ? 'yes' : 'no'}`,
        `${p}proven=${proven}`,
        `${p}shape=${shape}`,
        `${p}words=${Math.min(3, words.length)}`,
        `${p}named-in-quote=${quoted ? 'yes' : 'no'}`,
        `${p}introduced=${introduced}`,
        `${p}subject-in-paragraph=${subjectHere ? 'yes' : 'no'}`,
        `${p}gender-subject=${gender}:${subject}`,
        `${p}rule-baseline=${slot.rule ?? 'none'}:${isBaseline}`,
        `${p}gender-recency=${gender}:${r}`,
      ],
    }
  })
}

function scoreFeatures(features: string[]): number {
  let score = 0
  for (const feature of features) score += weightMap.get(feature) ?? 0
  return score
}

/** The sum of the weights of a candidate's features. */
export function scoreCandidate(features: string[], model: SpeakerWeights): number {
  let score = 0
  for (const feature of features) score += model[feature] ?? 0
  return score
}

/**
 * The person or body a quote's speaker is, of the entities named before the
 * slot: the one a linear model learned on annotated news (`pnpm
 * train:speakers`) scores highest. For a pronoun `baseline`, what the recency
 * rules pick, wins ties; a quote no rule attributes takes the best candidate.
 */
export function chooseAntecedent(
  slot: SpeakerSlot,
  registry: NameRegistry,
  baseline: NamedEntity | undefined,
): NamedEntity | undefined {
  if (slot.mention !== null && !pronounModel && !trace) return baseline
  // The model reorders the rules' candidates for a pronoun; where they find none, none it is.
  if (slot.mention !== null && !baseline && !trace) return undefined
  const entities = registry.namedBefore(slot.at).slice(0, MAX_CANDIDATES)
  if (baseline && !entities.includes(baseline)) entities.push(baseline)
  if (entities.length === 0) return baseline
  const candidates = antecedentFeatures(slot, entities, baseline, registry)
  const baselineIndex = baseline ? entities.indexOf(baseline) : -1
  const always = slot.mention === null
  let chosen = baselineIndex
  let best =
    chosen < 0 ? Number.NEGATIVE_INFINITY : scoreFeatures(candidates[chosen]?.features ?? [])
  // A lone candidate is measured against no one at all, who scores 0.
  let second = candidates.length < 2 ? 0 : Number.NEGATIVE_INFINITY
  candidates.forEach((candidate, index) => {
    const score = scoreFeatures(candidate.features)
    if (score > best) [chosen, best, second] = [index, score, best]
    else if (index !== chosen && score > second) second = score
  })
  // A pronoun the rules resolve to no one stays unresolved: the model only reorders their candidates.
  if (baselineIndex < 0 && !always) chosen = -1
  trace?.({ slot, candidates, baseline: baselineIndex, chosen, always })
  // The rules' antecedent yields only to a candidate that clearly beats it.
  if (
    baselineIndex >= 0 &&
    chosen !== baselineIndex &&
    best - scoreFeatures(candidates[baselineIndex]?.features ?? []) < overrideMargin
  )
    return baseline
  // With no mention at all, a guess stands only when it clearly beats the next candidate.
  if (always && best - second < minMargin) return undefined
  return chosen < 0 ? undefined : candidates[chosen]?.entity
}
