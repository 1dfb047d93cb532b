import {
  canonicalPlace,
  createMeasureReading,
  describeMeasure,
  type Measure,
  type MeasureReading,
  measureOf,
} from '../claims/measure.js'
import { WEEKDAYS } from '../lexicon/index.js'
import type { Claim, ClaimSlot, ClaimUpdate } from '../types.js'

/** Options of {@link alignClaims}. */
export interface AlignClaimsOptions {
  /** Relative difference under which two numbers are the same value (rounding). Default 0.05. */
  tolerance?: number
  /**
   * Content words two claims' clauses must share to be about the same thing,
   * when what they measure is a predicate of any kind ("cost", "raise") rather
   * than a count a story turns on (the dead, the injured, a capacity) or an
   * event. Default 1.
   */
  minSharedKeywords?: number
  /**
   * The publication day (`YYYY-MM-DD`) of each article by id: a figure that a
   * later article gives differently is an update, not a conflict.
   */
  published?: Readonly<Record<string, string | null | undefined>>
}

interface Slot {
  kind: Claim['kind']
  unit: string | null
  claims: Claim[]
  /** The measure of the slot's first claim: every other claim must be compatible with it. */
  measure: Measure | null
  /** {@link NO_ACTORS} until a claim names one. */
  actors: ReadonlySet<string>
  /**
   * Content words of the claims' clauses, with how many claims have each; null while
   * the slot holds one claim and nothing asked (most claims stay alone): its words are
   * then {@link Slot.firstContext}, once each.
   */
  context: Map<string, number> | null
  /** The content words of the first claim's clause. */
  firstContext: readonly string[]
  articles: Set<string>
  /**
   * One claim for each way of giving a value the slot holds (see {@link valueForm}):
   * whether the slot holds a claim's value is asked of these, not of every claim. Null
   * while the slot holds one claim.
   */
  forms: Map<string, Claim> | null
  /** The measure of each of {@link Slot.claims}, in order. */
  measures: (Measure | null)[]
  /** Smallest and largest number of the slot, to keep its values within a factor of ten. */
  low: number
  high: number
}

// Counts a story turns on: two outlets' figures for them are one fact whatever else their clauses say.
const STORY_COUNTS = new Set([
  'dead',
  'injured',
  'critical',
  'capacity',
  'hospitalized',
  'arrested',
  'evacuated',
  'rescued',
  'missing',
])
// Candidates a claim is compared with, the latest first: a bound that keeps alignment linear.
const MAX_CANDIDATES = 64

/** Numbers of one slot stay within a factor of ten; beyond that they measure different things. */
function withinTen(slot: Slot, value: number): boolean {
  if (slot.low === Number.POSITIVE_INFINITY) return true
  const low = Math.min(slot.low, Math.abs(value))
  const high = Math.max(slot.high, Math.abs(value))
  return low === 0 ? high === 0 : high / low <= 10
}

const NAMED_WEEKDAY = new RegExp(WEEKDAYS.join('|'), 'i')

/** The first weekday a claim's text names, in lower case, or "" when it names none. */
const weekdayNamed = (claim: Claim): string =>
  NAMED_WEEKDAY.exec(claim.text)?.[0].toLowerCase() ?? ''

/**
 * Whether two claims give the same value, allowing for rounding and for the
 * bounds the text sets: "about 40,000" meets 40,500, "up to 40,000" meets
 * 35,000, "more than 20" meets 25; an unresolved weekday meets a date that
 * falls on it; "U.S." meets "United States".
 */
export function sameValue(a: Claim, b: Claim, tolerance = 0.05): boolean {
  if (typeof a.value === 'number' && typeof b.value === 'number') {
    const x = a.value
    const y = b.value
    if (Math.abs(x - y) <= tolerance * Math.max(Math.abs(x), Math.abs(y))) return true
    const fits = (bounded: Claim, value: number) => {
      const bound = bounded.value as number
      switch (bounded.qualifier) {
        case 'about':
          return Math.abs(value - bound) <= 0.15 * Math.abs(bound)
        case 'up-to':
          return value <= bound
        case 'more-than':
        case 'at-least':
          return value >= bound
        case 'less-than':
          return value <= bound
        default:
          return false
      }
    }
    return fits(a, y) || fits(b, x)
  }
  const x = String(a.value).toLowerCase()
  const y = String(b.value).toLowerCase()
  if (x === y) return true
  // "San José, Costa Rica" and "Costa Rica" name the same place at two scales;
  // "U.S." and "the United States" one place in two spellings.
  if (a.kind === 'place' || a.kind === 'itinerary') {
    const parts = (v: string) => v.split(/\s*(?:,|>)\s*/).map(canonicalPlace)
    const ys = parts(y)
    if (parts(x).some((p) => ys.includes(p))) return true
  }
  // "Tuesday" read as last Tuesday by one article and as next Tuesday by another, a week
  // apart, is one weekday whose week the words do not settle.
  if (
    a.kind === 'day' &&
    b.kind === 'day' &&
    /^\d{4}-\d{2}-\d{2}$/.test(x) &&
    /^\d{4}-\d{2}-\d{2}$/.test(y)
  ) {
    const apart = Math.abs(Date.parse(x) - Date.parse(y)) / 86_400_000
    const named = weekdayNamed(a)
    if (apart === 7 && named !== '' && named === weekdayNamed(b)) return true
  }
  // "monday" (no article date) and 2025-02-03 (a Monday) may be the same day.
  const weekday = (iso: string) =>
    /^\d{4}-\d{2}-\d{2}$/.test(iso) ? WEEKDAYS[new Date(`${iso}T00:00:00Z`).getUTCDay()] : null
  return weekday(x) === y || weekday(y) === x
}

/**
 * What {@link sameValue} reads of a claim: two claims of one form meet the same claims.
 * A slot of a figure that a hundred articles give holds a few forms, not a hundred.
 */
function valueForm(claim: Claim): string {
  const named = claim.kind === 'day' ? weekdayNamed(claim) : ''
  return `${claim.kind}\u0000${claim.qualifier ?? ''}\u0000${typeof claim.value}\u0000${String(claim.value)}\u0000${named}`
}

/** The subject and verb of an action claim ("Nayib Bukele offer"), its object left out. */
function actionKey(claim: Claim): string {
  const words = String(claim.value).split(' ')
  const objectWords = claim.noun ? claim.noun.split(/\s+/).length : 1
  return words.slice(0, Math.max(1, words.length - objectWords)).join(' ')
}

// A claim's measure is read from its sentence, and one sentence is often in many articles
// of a story (an agency's copy, a figure every outlet repeats): within one alignment, each
// sentence's measures are kept with what of the claim they read (its place, text, kind,
// noun and unit), so that a sentence is read once. A sentence holds a few claims: they
// are found by a scan, with no key to build. Bounded; measures are shared, never changed.
const MEASURED_SENTENCES = 20_000
// The own words of as many claim texts (see contextOf).
const WORDED_TEXTS = 10_000

/** What one alignment has read of its claims' texts, so that a text repeated is read once. */
interface ReadTexts {
  measuresOfSentence: Map<string, MeasuredClaim[]>
  ownWordsOf: Map<string, readonly string[]>
  /**
   * The sentence text asked about last and its measures: the claims of a sentence come
   * one after another with one string for its text (see extractClaims), which is then
   * the same string, found without comparing a long sentence character by character
   * (as a lookup by text does) once per claim.
   */
  lastSentence: string | null
  lastMeasured: MeasuredClaim[]
  /** What measureOf keeps between the claims of this alignment. */
  measureReading: MeasureReading
}

interface MeasuredClaim {
  start: number
  end: number
  kind: Claim['kind']
  noun: string | null
  unit: string | null
  text: string
  measure: Measure | null
}

/** {@link measureOf}, read once for claims alike in all it reads of them. */
function measureOfClaim(claim: Claim, read: ReadTexts): Measure | null {
  const { measuresOfSentence } = read
  if (claim.kind === 'action') return null
  const { sentence } = claim
  const start = claim.span.start - sentence.span.start
  const end = claim.span.end - sentence.span.start
  let measured =
    sentence.text === read.lastSentence ? read.lastMeasured : measuresOfSentence.get(sentence.text)
  if (measured === undefined) {
    if (measuresOfSentence.size >= MEASURED_SENTENCES) measuresOfSentence.clear()
    measured = []
    measuresOfSentence.set(sentence.text, measured)
  }
  read.lastSentence = sentence.text
  read.lastMeasured = measured
  for (const known of measured)
    if (
      known.start === start &&
      known.end === end &&
      known.kind === claim.kind &&
      known.noun === claim.noun &&
      known.unit === claim.unit &&
      known.text === claim.text
    )
      return known.measure
  const measure = measureOf(claim, read.measureReading)
  measured.push({
    start,
    end,
    kind: claim.kind,
    noun: claim.noun,
    unit: claim.unit,
    text: claim.text,
    measure,
  })
  return measure
}

/**
 * Content words of a claim's sentence, the value's own words ("tuesday", "inmates") left
 * out. The own words ("40,000 inmates": "40", "000", "inmates") are kept by text: a figure
 * is written alike in many claims.
 */
function contextOf(claim: Claim, { ownWordsOf }: ReadTexts): string[] {
  let own = ownWordsOf.get(claim.text)
  if (own === undefined) {
    own = [...new Set(claim.text.toLowerCase().split(/[^\p{L}\p{N}]+/u))]
    if (ownWordsOf.size >= WORDED_TEXTS) ownWordsOf.clear()
    ownWordsOf.set(claim.text, own)
  }
  const words = own
  // "inmate" is the value's own word when the value says "inmates".
  const isOwn = (word: string) => {
    for (const w of words)
      if (w === word || (w.length === word.length + 1 && w.endsWith('s') && w.startsWith(word)))
        return true
    return false
  }
  const context: string[] = []
  // Keywords come sorted without repeats from the claims stage; others are made so here.
  const keywords = ascending(claim.keywords) ? claim.keywords : [...new Set(claim.keywords)]
  for (const word of keywords) if (!isOwn(word)) context.push(word)
  return context
}

/** True when every word is after the one before it (so none repeats). */
function ascending(words: readonly string[]): boolean {
  for (let i = 1; i < words.length; i++)
    if (!((words[i - 1] as string) < (words[i] as string))) return false
  return true
}

/**
 * Two names of one owner: the same, or one the other's last words ("prison" and
 * "lakeview prison", "rubio" and "marco rubio"): outlets name a subject more or
 * less fully.
 */
function oneOwner(a: string, b: string): boolean {
  if (a === b) return true
  const x = a.replace(/^#/, '').split(/\s+/)
  const y = b.replace(/^#/, '').split(/\s+/)
  const [short, long] = x.length <= y.length ? [x, y] : [y, x]
  return short.every((word, i) => long[long.length - short.length + i] === word)
}

const NO_ACTORS: ReadonlySet<string> = new Set()

/** The slot's content words with their counts, made from its first claim's when still none. */
function contextOfSlot(slot: Slot): Map<string, number> {
  if (slot.context === null) {
    slot.context = new Map()
    for (const word of slot.firstContext) slot.context.set(word, 1)
  }
  return slot.context
}

function wordsInCommon(slot: Slot, context: readonly string[]): number {
  const words = contextOfSlot(slot)
  let shared = 0
  for (const word of context) if (words.has(word)) shared++
  return shared
}

/**
 * Whether a claim with measure `m` may join a slot: the same thing measured
 * (what, scope, total, or a shared event), of the same named owner, and for
 * a measure of any kind some words of their clauses in common.
 */
function fits(
  slot: Slot,
  claim: Claim,
  m: Measure | null,
  context: readonly string[],
  minShared: number,
) {
  if (slot.articles.has(claim.article)) return -1
  if (typeof claim.value === 'number' && !withinTen(slot, claim.value)) return -1
  // The words in common are counted only once the measures allow the claim: most
  // candidates part on what they measure or whose it is.
  if (claim.kind === 'action') return wordsInCommon(slot, context)
  const founder = slot.measure
  if (!m || !founder) return -1
  // Both named: the same name. "?" (a pronoun) is someone, never known to be the same one.
  // A thing as subject ("#bridge": "the bridge opened") may be what a named actor acted on
  // ("Baker opened the bridge"): it differs only from another thing.
  const named = m.actor !== null && m.actor !== '?'
  if (m.actor === '?' || slot.actors.has('?')) return -1
  const thing = (actor: string) => actor.startsWith('#')
  if (named)
    for (const actor of slot.actors)
      if (!oneOwner(actor, m.actor as string) && thing(actor) === thing(m.actor as string))
        return -1
  if (m.what === 'event') {
    // One event by a verb on both sides ("the offer came", "said … willing to"), or, named
    // only by nouns ("in a speech Sunday"), one event of one named actor. Where something
    // happened is compared only for one named actor's event.
    const place = claim.kind === 'place' || claim.kind === 'itinerary'
    if (!place && m.events.some((event) => founder.events.includes(event))) {
      // Two events with no person named on either side ("the poll was conducted") are one
      // only when their sentences share more than the event.
      const shared = wordsInCommon(slot, context)
      const nobody = m.actor === null && slot.actors.size === 0
      return nobody && shared < 2 ? -1 : shared
    }
    const all = [...founder.events, ...founder.nouns]
    const same = [...m.events, ...m.nouns].some((event) => all.includes(event))
    return same && named && slot.actors.has(m.actor as string) ? wordsInCommon(slot, context) : -1
  }
  // A figure of any other kind than a story's counts ("gave $10 million", "raised $4 million
  // in February") is someone's: one side naming whose and the other not is no sign of one fact.
  if (!STORY_COUNTS.has(m.what) && named !== slot.actors.size > 0) return -1
  // A share of something ("37 percent") is someone's: both name the same one.
  if (claim.kind === 'percentage' && (!named || !slot.actors.has(m.actor as string))) return -1
  const shared = wordsInCommon(slot, context)
  if (STORY_COUNTS.has(m.what)) return shared
  // A crowd of a kind ("80,000 fans") with no predicate needs more of the sentence in common.
  const needed = Math.min(
    m.predicated ? minShared : minShared + 1,
    context.length,
    slot.context === null ? slot.firstContext.length : slot.context.size,
  )
  return shared >= needed ? shared : -1
}

/** Whether one of the slot's claims gives the claim's value (within tolerance). */
function holdsValue(slot: Slot, claim: Claim, tolerance: number): boolean {
  if (slot.forms === null) return sameValue(slot.claims[0] as Claim, claim, tolerance)
  for (const other of slot.forms.values()) if (sameValue(other, claim, tolerance)) return true
  return false
}

const NO_MEASURES: ReadonlyMap<string, Measure | null> = new Map()

/** The measures of a slot's claims by id, where an update may be read from them (two values). */
function measuresOf(slot: Slot, values: ClaimSlot['values']): ReadonlyMap<string, Measure | null> {
  if (values.length !== 2) return NO_MEASURES
  return new Map(slot.claims.map((claim, k) => [claim.id, slot.measures[k] ?? null]))
}

/** A slot's distinct values (within tolerance), each with the articles and claims that give it. */
function valuesOf(slot: Slot, tolerance: number): ClaimSlot['values'] {
  const first = slot.claims[0] as Claim
  // Claims of one form give one value (most slots: one claim, or one figure retold).
  if (slot.forms === null || slot.forms.size === 1) {
    const articles = new Set<string>()
    for (const claim of slot.claims) articles.add(claim.article)
    return [
      { value: first.value, articles: [...articles].sort(), claims: slot.claims.map((c) => c.id) },
    ]
  }
  const values: ClaimSlot['values'] = []
  const owners: Claim[] = []
  // Each value's articles as a set while they are gathered: a figure a hundred articles give.
  const articlesOf: Set<string>[] = []
  // Claims of one form find the same owner (the first whose value theirs meets).
  const ownerOfForm = new Map<string, number>()
  slot.claims.forEach((claim) => {
    const form = valueForm(claim)
    let at = ownerOfForm.get(form)
    if (at === undefined) {
      at = owners.findIndex((owner) => sameValue(owner, claim, tolerance))
      ownerOfForm.set(form, at < 0 ? owners.length : at)
    }
    if (at < 0) {
      owners.push(claim)
      articlesOf.push(new Set([claim.article]))
      values.push({ value: claim.value, articles: [], claims: [claim.id] })
    } else {
      ;(articlesOf[at] as Set<string>).add(claim.article)
      ;(values[at] as ClaimSlot['values'][number]).claims.push(claim.id)
    }
  })
  values.forEach((entry, at) => {
    entry.articles = [...(articlesOf[at] as Set<string>)].sort()
  })
  return values
}

/**
 * Aligns the claims of several articles into slots: one fact each, the same
 * kind and unit of value said of the same thing. What a claim measures is
 * read from its clause (see the claims stage's measure): the count of the
 * dead at one venue never meets the count of the dead in all, the injured
 * never the critically injured, a security force never a stadium crowd; a day
 * meets another day only when both are the time of one event by one actor
 * ("the offer", by Bukele). A claim whose clause does not say what its value
 * measures stays alone. Actions meet by subject and verb. Candidates come
 * from an index of measures, at most a fixed number per claim, so alignment
 * stays linear. Each slot lists its distinct values (within tolerance) with
 * the articles that give them; `agrees` is false when they differ, and
 * `update` says when the later value updates the earlier one ("the death toll
 * has risen to 130", or a later publication day). Slots come in the order of
 * their first claim.
 */
export function alignClaims(
  claims: readonly Claim[],
  options: AlignClaimsOptions = {},
): ClaimSlot[] {
  const tolerance = options.tolerance ?? 0.05
  const minShared = options.minSharedKeywords ?? 1
  const alignment = createAlignment()
  for (const claim of claims) {
    const m = measureOfClaim(claim, alignment.read)
    const context = contextOf(claim, alignment.read)
    const buckets = bucketsOf(claim, m)
    const claimNumber = alignment.claimCount++
    const articleNumber = articleNumberOf(alignment, claim.article)
    // Beside the latest slots of its buckets, those that already hold its very value: a
    // page that gives one event many days may hold the twin further back than the bound.
    const valueKey =
      typeof claim.value === 'string' || typeof claim.value === 'number'
        ? `\u0000${claim.value}`
        : null
    const candidate = { claim, m, context, claimNumber, articleNumber }
    let chosen = bestSlot(alignment, candidate, buckets, valueKey, tolerance, minShared)
    if (chosen < 0) chosen = openSlot(alignment, candidate, buckets)
    if (valueKey) postValue(alignment, buckets, valueKey, chosen)
    joinSlot(alignment, chosen, candidate)
  }
  const published = options.published ?? {}
  return alignment.slots.map((slot, i) => claimSlotOf(slot, i, tolerance, published))
}

/** What one alignment keeps while it places claims in slots, one after another. */
interface Alignment {
  slots: Slot[]
  /** bucket → slot indexes; for events, one bucket per event name. */
  index: Map<string, number[]>
  /** bucket and value → the slots holding that value, in order. */
  byValue: Map<string, number[]>
  /** Which slots a claim was already compared with: the claim's number, by slot. */
  seenBy: Int32Array
  /**
   * The number of the article whose claim each slot took last: a slot never takes a
   * second claim of an article, and claims come article by article, so that most
   * candidates that hold one of the claim's article are passed over by this alone,
   * without reading the slot.
   */
  lastArticle: Int32Array
  articleNumbers: Map<string, number>
  claimCount: number
  read: ReadTexts
}

/** A claim being placed, with what alignment read of it. */
interface Candidate {
  claim: Claim
  m: Measure | null
  context: string[]
  claimNumber: number
  articleNumber: number
}

function createAlignment(): Alignment {
  return {
    slots: [],
    index: new Map(),
    byValue: new Map(),
    seenBy: new Int32Array(1024).fill(-1),
    lastArticle: new Int32Array(1024).fill(-1),
    articleNumbers: new Map(),
    claimCount: 0,
    read: {
      measuresOfSentence: new Map(),
      ownWordsOf: new Map(),
      lastSentence: null,
      lastMeasured: [],
      measureReading: createMeasureReading(),
    },
  }
}

/** The index buckets a claim is looked up and posted under: by action, by event, or by measure. */
function bucketsOf(claim: Claim, m: Measure | null): string[] {
  if (claim.kind === 'action') return [`action|${actionKey(claim)}`]
  if (m && m.what === 'event')
    return [...m.events, ...m.nouns].map((e) => `${claim.kind}|event|${e}`)
  if (m)
    // A count said "in all" meets one said with no restriction: both are the whole.
    return [
      `${claim.kind}|${claim.unit ?? ''}|${m.what}|${m.scope.join(',')}|${m.total && m.scope.length > 0 ? 'total' : ''}`,
    ]
  return []
}

/** The number of an article, by the order its first claim came in. */
function articleNumberOf(alignment: Alignment, article: string): number {
  let number = alignment.articleNumbers.get(article)
  if (number === undefined) {
    number = alignment.articleNumbers.size
    alignment.articleNumbers.set(article, number)
  }
  return number
}

/**
 * The slot the claim fits best among each bucket's latest slots, then its slots of the
 * same value (at most {@link MAX_CANDIDATES} of each); -1 when none fits.
 */
function bestSlot(
  alignment: Alignment,
  { claim, m, context, claimNumber, articleNumber }: Candidate,
  buckets: readonly string[],
  valueKey: string | null,
  tolerance: number,
  minShared: number,
): number {
  const { slots, index, byValue, seenBy, lastArticle } = alignment
  let chosen = -1
  let best = -1
  for (let k = 0; k < 2 * buckets.length; k++) {
    const bucket = buckets[k >> 1] as string
    const list =
      (k % 2 === 0 ? index.get(bucket) : valueKey && byValue.get(bucket + valueKey)) || []
    for (let n = list.length - 1; n >= 0 && n >= list.length - MAX_CANDIDATES; n--) {
      const at = list[n] as number
      if (seenBy[at] === claimNumber) continue
      seenBy[at] = claimNumber
      // (`fits` would say -1: the slot holds a claim of this article.)
      if (lastArticle[at] === articleNumber) continue
      let score = fits(slots[at] as Slot, claim, m, context, minShared)
      // Where two slots fit as well, the one that already holds the same value wins:
      // one article telling of several days of one event ("counted on 1 March …, and
      // on 2 March …") must meet its twin in another article, not a neighbour of it.
      if (score >= 0 && score >= best - 1 && holdsValue(slots[at] as Slot, claim, tolerance))
        score += 0.5
      if (score > best || (score === best && score >= 0 && at < chosen)) {
        best = score
        chosen = at
      }
    }
  }
  return best < 0 ? -1 : chosen
}

/** A new, empty slot for the claim, posted under its buckets; its index. */
function openSlot(
  alignment: Alignment,
  { claim, m, context }: Candidate,
  buckets: readonly string[],
): number {
  const { slots, index } = alignment
  const at = slots.length
  if (at >= alignment.seenBy.length) {
    const grown = new Int32Array(alignment.seenBy.length * 2).fill(-1)
    grown.set(alignment.seenBy)
    alignment.seenBy = grown
    const last = new Int32Array(alignment.lastArticle.length * 2).fill(-1)
    last.set(alignment.lastArticle)
    alignment.lastArticle = last
  }
  slots.push({
    kind: claim.kind,
    unit: claim.unit,
    claims: [],
    measure: m,
    actors: NO_ACTORS,
    context: null,
    firstContext: context,
    articles: new Set(),
    forms: null,
    measures: [],
    low: Number.POSITIVE_INFINITY,
    high: Number.NEGATIVE_INFINITY,
  })
  for (const bucket of buckets) {
    const list = index.get(bucket)
    if (list) list.push(at)
    else index.set(bucket, [at])
  }
  return at
}

/** Posts the slot under the claim's value in each of its buckets (once each). */
function postValue(
  alignment: Alignment,
  buckets: readonly string[],
  valueKey: string,
  at: number,
): void {
  const { byValue } = alignment
  for (const bucket of buckets) {
    const list = byValue.get(bucket + valueKey)
    if (!list) byValue.set(bucket + valueKey, [at])
    else if (list.at(-1) !== at) list.push(at)
  }
}

/** The claim joins the slot: its value's form, measure, article, actor, range and words. */
function joinSlot(
  alignment: Alignment,
  at: number,
  { claim, m, context, articleNumber }: Candidate,
): void {
  const slot = alignment.slots[at] as Slot
  const joins = slot.claims.length > 0
  if (joins) {
    const first = slot.claims[0] as Claim
    slot.forms ??= new Map([[valueForm(first), first]])
    const form = valueForm(claim)
    if (!slot.forms.has(form)) slot.forms.set(form, claim)
  }
  slot.claims.push(claim)
  slot.measures.push(m)
  slot.articles.add(claim.article)
  alignment.lastArticle[at] = articleNumber
  if (m?.actor) {
    if (slot.actors === NO_ACTORS) slot.actors = new Set()
    ;(slot.actors as Set<string>).add(m.actor)
  }
  if (typeof claim.value === 'number') {
    slot.low = Math.min(slot.low, Math.abs(claim.value))
    slot.high = Math.max(slot.high, Math.abs(claim.value))
  }
  if (joins) {
    const words = contextOfSlot(slot)
    for (const word of context) words.set(word, (words.get(word) ?? 0) + 1)
  }
}

/** A slot as alignment gives it: its distinct values, shared keywords and update. */
function claimSlotOf(
  slot: Slot,
  i: number,
  tolerance: number,
  published: Readonly<Record<string, string | null | undefined>>,
): ClaimSlot {
  const values = valuesOf(slot, tolerance)
  // One claim: all its words (once each); more: the words more than one has.
  const shared =
    slot.claims.length === 1
      ? [...slot.firstContext].sort()
      : [...contextOfSlot(slot).entries()]
          .filter(([, count]) => count > 1)
          .map(([word]) => word)
          .sort()
  return {
    id: `s${i}`,
    kind: slot.kind,
    unit: slot.unit,
    measure: slot.measure ? describeMeasure(slot.measure) : null,
    keywords: shared,
    claims: slot.claims.map((c) => c.id),
    values,
    agrees: values.length <= 1,
    update: findUpdate({ values }, measuresOf(slot, values), published),
  }
}

/**
 * When a slot's values differ because the figure changed: the later value
 * in words of change ("has risen to 130", "now stands at"), or every article
 * that gives one value published before every article that gives the other.
 * Null when the values agree, when there are more than two, or when nothing
 * says which came later.
 */
export function findUpdate(
  slot: Pick<ClaimSlot, 'values'>,
  measures: ReadonlyMap<string, Measure | null>,
  published: Readonly<Record<string, string | null | undefined>>,
): ClaimUpdate | null {
  if (slot.values.length !== 2 || typeof slot.values[0]?.value !== 'number') return null
  const [a, b] = slot.values as [ClaimSlot['values'][number], ClaimSlot['values'][number]]
  const day = (articles: readonly string[]) =>
    articles.map((id) => published[id]?.slice(0, 10) ?? null)
  const span = (articles: readonly string[]) => {
    const days = day(articles)
    if (days.some((d) => d === null)) return null
    const sorted = (days as string[]).sort()
    return { first: sorted[0] as string, last: sorted.at(-1) as string }
  }
  const side = (entry: typeof a) => {
    const dates = span(entry.articles)
    return { value: entry.value, articles: entry.articles, published: dates?.last ?? null }
  }
  const worded = (entry: typeof a) => entry.claims.find((id) => measures.get(id)?.update) ?? null
  const aWords = worded(a)
  const bWords = worded(b)
  if ((aWords === null) !== (bWords === null)) {
    const [from, to] = aWords ? [b, a] : [a, b]
    return {
      from: side(from),
      to: side(to),
      evidence: 'wording',
      claim: aWords ?? bWords,
    }
  }
  const spanA = span(a.articles)
  const spanB = span(b.articles)
  if (!spanA || !spanB) return null
  if (spanA.last < spanB.first)
    return { from: side(a), to: side(b), evidence: 'dates', claim: null }
  if (spanB.last < spanA.first)
    return { from: side(b), to: side(a), evidence: 'dates', claim: null }
  return null
}
