import { capitalized, SUBJECT_PRONOUNS } from '../lexicon/index.js'
import type { AttributionRule, QuoteKind } from '../types.js'
import type { NamedEntity, NameRegistry } from './name-registry.js'
import { isGrammarWord } from './proper-name.js'
import type { SpeakerMention } from './speaker-mention.js'
import { PRONOUN_MIN_MARGIN, SPEAKER_WEIGHTS, UNATTRIBUTED_MIN_MARGIN } from './speaker-weights.js'
import { isWhiteSpace } from './white-space.js'

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

// The pronouns a name is swept up with ("Washington D.C. He", "Had I"): the subject
// pronouns but "you", and "his", "her" and "him".
const PRONOUN_WORD = new RegExp(
  `^(?:${[...SUBJECT_PRONOUNS.filter((word) => word !== 'you'), 'his', 'her', 'him'].map(capitalized).join('|')})$`,
)

// The most recently named entities compete; further back, a pronoun rarely reaches.
const MAX_CANDIDATES = 12

// The model's features, each a family and a value ("pronoun/gender=agree"): a candidate
// lists one value per family, in this order, which is also the order its weights are summed in.
const FAMILIES = [
  'baseline',
  'gender',
  'kind',
  'recency',
  'subject',
  'speech',
  'distance',
  'paragraphs',
  'named',
  'full-name',
  'role',
  'proven',
  'shape',
  'words',
  'named-in-quote',
  'introduced',
  'subject-in-paragraph',
  'gender-subject',
  'rule-baseline',
  'gender-recency',
  'speaks',
] as const

/** Per slot prefix, per family, value → weight: scoring reads a value's weight without writing out the feature's name. */
type CompiledWeights = Readonly<
  Record<'pronoun/' | 'unattributed/', readonly ReadonlyMap<string, number>[]>
>

function compile(model: SpeakerWeights): CompiledWeights {
  const compiled: Record<'pronoun/' | 'unattributed/', Map<string, number>[]> = {
    'pronoun/': FAMILIES.map(() => new Map()),
    'unattributed/': FAMILIES.map(() => new Map()),
  }
  for (const [feature, weight] of Object.entries(model)) {
    for (const prefix of ['pronoun/', 'unattributed/'] as const) {
      if (!feature.startsWith(prefix)) continue
      const equals = feature.indexOf('=', prefix.length)
      if (equals < 0) continue
      const family = FAMILIES.indexOf(
        feature.slice(prefix.length, equals) as (typeof FAMILIES)[number],
      )
      // A feature of no family is never a candidate's: it weighs nothing, as before.
      if (family >= 0) compiled[prefix][family]?.set(feature.slice(equals + 1), weight)
    }
  }
  return compiled
}

/** The speaker model a choice is made with, read only: its weights compiled, its margins, and who is told of each choice. */
export interface AntecedentModel {
  readonly compiled: CompiledWeights
  /** How far a guess for a quote no rule attributes must score above the next candidate. */
  readonly minMargin: number
  /** How far a pronoun's candidate must score above the rules' antecedent to replace it. */
  readonly overrideMargin: number
  /** Whether the weights score pronouns at all: without, their candidates need no features. */
  readonly pronounModel: boolean
  /** Receives every choice made (null: none). */
  readonly trace: ((choice: AntecedentChoice) => void) | null
}

/**
 * A speaker model: the weights to score with (null: the shipped ones), a
 * function that receives every choice (null: none) and the two margins (null:
 * the shipped ones). For training and cross-validation, which pass it to
 * `extractQuotesWith`; extraction itself uses {@link SHIPPED_MODEL}.
 */
export function antecedentModel(
  weights: SpeakerWeights | null = null,
  onChoice: ((choice: AntecedentChoice) => void) | null = null,
  margin: number | null = null,
  pronounMargin: number | null = null,
): AntecedentModel {
  const model = weights ?? SPEAKER_WEIGHTS
  return {
    compiled: compile(model),
    minMargin: margin ?? UNATTRIBUTED_MIN_MARGIN,
    overrideMargin: pronounMargin ?? PRONOUN_MIN_MARGIN,
    pronounModel: hasPronounWeights(model),
    trace: onChoice,
  }
}

// Without weights for pronouns (the shipped model has none) their candidates need no features.
function hasPronounWeights(model: SpeakerWeights): boolean {
  return Object.keys(model).some((feature) => feature.startsWith('pronoun/'))
}

/** The model extraction uses: the shipped weights and margins, compiled once, no one told of the choices. */
export const SHIPPED_MODEL: AntecedentModel = antecedentModel()

const RANKS = ['0', '1', '2', '3', '4'] as const
const rank = (index: number) => (index < 0 ? 'none' : (RANKS[Math.min(index, 4)] as string))

/** Joins two values by ":" ("agree:0"). */
type Pair = (a: string, b: string) => string

// Each pair written once in a call: the crossed features' values come from small sets, and
// a string made once is looked up faster than one made per candidate. (Per call: no memo
// outlives one.)
function pairsOnce(): Pair {
  const joined = new Map<string, Map<string, string>>()
  return (a, b) => {
    let byB = joined.get(a)
    if (!byB) {
      byB = new Map()
      joined.set(a, byB)
    }
    let value = byB.get(b)
    if (value === undefined) {
      value = `${a}:${b}`
      byB.set(b, value)
    }
    return value
  }
}

/** The first and last of a name's words and how many there are, as `name.split(/\s+/)` gives them. */
function nameWords(name: string): { first: string; last: string; count: number } {
  let count = 1
  let firstEnd = -1
  let lastStart = 0
  for (let at = 0; at < name.length; ) {
    if (!isWhiteSpace(name.charCodeAt(at))) {
      at++
      continue
    }
    if (firstEnd < 0) firstEnd = at
    while (at < name.length && isWhiteSpace(name.charCodeAt(at))) at++
    lastStart = at
    count++
  }
  return {
    first: firstEnd < 0 ? name : name.slice(0, firstEnd),
    last: name.slice(lastStart),
    count,
  }
}

/** Entities ordered by their last offset of one sort before `at`; those without one left out. */
function orderBy(
  entities: NamedEntity[],
  field: 'subjects' | 'speeches',
  at: number,
  registry: NameRegistry,
): NamedEntity[] {
  return entities
    .map((entity) => ({ entity, last: registry.lastBefore(entity[field], at) }))
    .filter((e) => e.last >= 0)
    .sort((a, b) => b.last - a.last)
    .map((e) => e.entity)
}

/**
 * The features of each candidate antecedent of a pronoun: agreement in gender
 * and kind, how far back and how many paragraphs back it was named, its rank
 * by recency as a mention, as a clause subject and as a speaker, how often it
 * is named, whether the recency rules pick it, the shape of its name, how
 * often the article shows it speaking. Each
 * feature is named for the slot (`pronoun/…`, `unattributed/…`): two models
 * in one table of weights.
 */
export function antecedentFeatures(
  slot: SpeakerSlot,
  entities: NamedEntity[],
  baseline: NamedEntity | undefined,
  registry: NameRegistry,
): AntecedentCandidate[] {
  return named(slot, entities, featureValues(slot, entities, baseline, registry))
}

/** Candidates with their features written out: `prefix` `family` = `value`. */
function named(
  slot: SpeakerSlot,
  entities: NamedEntity[],
  values: string[][],
): AntecedentCandidate[] {
  const p = slotPrefix(slot)
  return values.map((row, index) => ({
    entity: entities[index] as NamedEntity,
    features: row.map((value, family) => `${p}${FAMILIES[family]}=${value}`),
  }))
}

// A pronoun and a quote with no mention at all are two models: each feature is named for its slot.
const slotPrefix = (slot: SpeakerSlot) => (slot.mention ? 'pronoun/' : 'unattributed/')

/** Each candidate's value of every feature family, in the order of `FAMILIES`. */
function featureValues(
  slot: SpeakerSlot,
  entities: NamedEntity[],
  baseline: NamedEntity | undefined,
  registry: NameRegistry,
): string[][] {
  const { at } = slot
  const pronoun = slot.mention?.name ?? 'none'
  const pronounGender = slot.mention?.gender ?? null
  const bySubject = orderBy(entities, 'subjects', at, registry)
  const bySpeech = orderBy(entities, 'speeches', at, registry)
  const paragraph = registry.paragraphAt(at)
  const pair = pairsOnce()
  return entities.map((entity, recency) => {
    const last = registry.lastBefore(entity.positions, at)
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
    const named = Math.min(4, registry.countBelow(entity.positions, at))
    const isBaseline = entity === baseline ? 'yes' : 'no'
    const proven = entity.gender !== null || entity.speeches.length > 0 ? 'yes' : 'no'
    const words = nameWords(entity.name)
    // A name swept up with a word beside it ("Washington D.C. He", "Had I") is seldom anyone.
    const shape = PRONOUN_WORD.test(words.last)
      ? 'pronoun-tail'
      : isGrammarWord(words.first)
        ? 'grammar-head'
        : 'name'
    // Named inside the quote: the last naming before its end is not before its start.
    const quoted = registry.lastBefore(entity.positions, slot.quote.end) >= slot.quote.start
    const first = entity.positions[0] ?? last
    const introduced = Math.min(3, paragraph - registry.paragraphAt(first))
    const subjectHere =
      registry.lastBefore(entity.subjects, at) >= registry.paragraphStart(paragraph)
    return [
      isBaseline,
      gender,
      pair(pronoun, entity.kind),
      r,
      subject,
      speech,
      String(distance),
      String(paragraphs),
      String(named),
      entity.name.includes(' ') ? 'yes' : 'no',
      entity.roles.size > 0 ? 'yes' : 'no',
      proven,
      shape,
      RANKS[Math.min(3, words.count)] as string,
      quoted ? 'yes' : 'no',
      String(introduced),
      subjectHere ? 'yes' : 'no',
      pair(gender, subject),
      pair(slot.rule ?? 'none', isBaseline),
      pair(gender, r),
      // How often the article shows them speaking: the quotes attributed to them so far, and
      // "Ames said" anywhere in the writer's own sentences, after the slot too.
      RANKS[Math.min(3, entity.speeches.length)] as string,
    ]
  })
}

/** The sum of the weights of a candidate's feature values, in the order of `FAMILIES`. */
function scoreValues(values: string[], table: readonly ReadonlyMap<string, number>[]): number {
  let score = 0
  for (let family = 0; family < values.length; family++)
    score += table[family]?.get(values[family] as string) ?? 0
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
 * `model` is {@link SHIPPED_MODEL} but in training.
 */
export function chooseAntecedent(
  slot: SpeakerSlot,
  registry: NameRegistry,
  baseline: NamedEntity | undefined,
  model: AntecedentModel,
): NamedEntity | undefined {
  const { compiled, minMargin, overrideMargin, pronounModel, trace } = model
  if (slot.mention !== null && !pronounModel && !trace) return baseline
  // The model reorders the rules' candidates for a pronoun; where they find none, none it is.
  if (slot.mention !== null && !baseline && !trace) return undefined
  // "He" never means someone the text shows to be a woman, nor "she" a man: such a
  // candidate is left out, whatever else speaks for it.
  const gender = slot.mention?.gender ?? null
  const before = registry.namedBefore(slot.at)
  const entities = (
    gender === null ? before : before.filter((e) => e.gender === null || e.gender === gender)
  ).slice(0, MAX_CANDIDATES)
  if (baseline && !entities.includes(baseline)) entities.push(baseline)
  if (entities.length === 0) return baseline
  const values = featureValues(slot, entities, baseline, registry)
  const table = compiled[slotPrefix(slot)]
  const scores = values.map((v) => scoreValues(v, table))
  const baselineIndex = baseline ? entities.indexOf(baseline) : -1
  const always = slot.mention === null
  let chosen = baselineIndex
  let best = chosen < 0 ? Number.NEGATIVE_INFINITY : (scores[chosen] ?? 0)
  // A lone candidate is measured against no one at all, who scores 0.
  let second = scores.length < 2 ? 0 : Number.NEGATIVE_INFINITY
  scores.forEach((score, index) => {
    if (score > best) [chosen, best, second] = [index, score, best]
    else if (index !== chosen && score > second) second = score
  })
  // A pronoun the rules resolve to no one stays unresolved: the model only reorders their candidates.
  if (baselineIndex < 0 && !always) chosen = -1
  trace?.({
    slot,
    candidates: named(slot, entities, values),
    baseline: baselineIndex,
    chosen,
    always,
  })
  // The rules' antecedent yields only to a candidate that clearly beats it, and, for "he" or
  // "she", that the text shows to fit: of that gender, or a speaker ("Port Elgin marked …" is no "he").
  const challenger = entities[chosen]
  if (
    baselineIndex >= 0 &&
    chosen !== baselineIndex &&
    (best - (scores[baselineIndex] ?? 0) < overrideMargin ||
      (gender !== null && challenger?.gender !== gender && challenger?.speeches.length === 0))
  )
    return baseline
  // With no mention at all, a guess stands only when it clearly beats the next candidate.
  if (always && best - second < minMargin) return undefined
  return chosen < 0 ? undefined : entities[chosen]
}
