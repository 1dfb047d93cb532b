import type { Claim, ClaimSlot } from '../types.js'

/** Options of {@link alignClaims}. */
export interface AlignClaimsOptions {
  /** Relative difference under which two numbers are the same value (rounding). Default 0.05. */
  tolerance?: number
  /** Content words two claims' sentences must share to be about the same thing. Default 2. */
  minSharedKeywords?: number
}

interface Slot {
  kind: Claim['kind']
  unit: string | null
  claims: Claim[]
  keywords: Map<string, number>
  articles: Set<string>
  /** Smallest and largest number of the slot, to keep its values within a factor of ten. */
  low: number
  high: number
}

/** Numbers of one slot stay within a factor of ten; beyond that they measure different things. */
function withinTen(slot: Slot, value: number): boolean {
  if (slot.low === Number.POSITIVE_INFINITY) return true
  const low = Math.min(slot.low, Math.abs(value))
  const high = Math.max(slot.high, Math.abs(value))
  return low === 0 ? high === 0 : high / low <= 10
}

/**
 * Whether two claims give the same value, allowing for rounding and for the
 * bounds the text sets: "about 40,000" meets 40,500, "up to 40,000" meets
 * 35,000, "more than 20" meets 25; an unresolved weekday meets a date that
 * falls on it.
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
  // "San José, Costa Rica" and "Costa Rica" name the same place at two scales.
  if (a.kind === 'place' || a.kind === 'itinerary') {
    const parts = (v: string) => v.split(/\s*(?:,|>)\s*/)
    if (parts(x).some((p) => parts(y).includes(p))) return true
  }
  // "monday" (no article date) and 2025-02-03 (a Monday) may be the same day.
  const weekday = (iso: string) =>
    /^\d{4}-\d{2}-\d{2}$/.test(iso)
      ? ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'][
          new Date(`${iso}T00:00:00Z`).getUTCDay()
        ]
      : null
  return weekday(x) === y || weekday(y) === x
}

/**
 * Aligns the claims of several articles into slots: the same kind and unit
 * of value, said of the same thing (their sentences share content words).
 * Candidates come from an inverted index of keywords within each kind and
 * unit. Each slot lists its distinct values (within tolerance) with the
 * articles that give them; `agrees` is false when articles disagree. Slots
 * come in the order of their first claim.
 */
export function alignClaims(
  claims: readonly Claim[],
  options: AlignClaimsOptions = {},
): ClaimSlot[] {
  const tolerance = options.tolerance ?? 0.05
  const minShared = options.minSharedKeywords ?? 2
  const slots: Slot[] = []
  // kind|unit → keyword → slots holding it.
  const index = new Map<string, Map<string, number[]>>()
  for (const claim of claims) {
    // The value's own words ("tuesday", "inmates") say nothing about what it is the value of.
    const own = new Set(claim.text.toLowerCase().split(/[^\p{L}\p{N}]+/u))
    const keywords = [...new Set(claim.keywords)].filter(
      (word) => !own.has(word) && !own.has(`${word}s`),
    )
    const bucketKey = `${claim.kind}|${claim.unit ?? ''}`
    let bucket = index.get(bucketKey)
    if (!bucket) {
      bucket = new Map()
      index.set(bucketKey, bucket)
    }
    const votes = new Map<number, number>()
    for (const word of keywords)
      for (const slot of bucket.get(word) ?? []) votes.set(slot, (votes.get(slot) ?? 0) + 1)
    let chosen = -1
    let best = 0
    for (const [slotIndex, shared] of votes) {
      const slot = slots[slotIndex] as Slot
      // A place is named in many sentences: only close ones speak of the same where.
      const wanted = claim.kind === 'place' ? minShared + 2 : minShared
      const needed = Math.min(wanted, keywords.length, slot.keywords.size)
      if (shared < Math.max(1, needed) || shared <= best) continue
      // One value per article in a slot, and values within a factor of ten of each other.
      if (slot.articles.has(claim.article)) continue
      if (typeof claim.value === 'number' && !withinTen(slot, claim.value)) continue
      chosen = slotIndex
      best = shared
    }
    if (chosen < 0) {
      chosen = slots.length
      slots.push({
        kind: claim.kind,
        unit: claim.unit,
        claims: [],
        keywords: new Map(),
        articles: new Set(),
        low: Number.POSITIVE_INFINITY,
        high: Number.NEGATIVE_INFINITY,
      })
    }
    const slot = slots[chosen] as Slot
    slot.claims.push(claim)
    slot.articles.add(claim.article)
    if (typeof claim.value === 'number') {
      slot.low = Math.min(slot.low, Math.abs(claim.value))
      slot.high = Math.max(slot.high, Math.abs(claim.value))
    }
    for (const word of keywords) {
      const seen = slot.keywords.get(word)
      slot.keywords.set(word, (seen ?? 0) + 1)
      if (seen !== undefined) continue
      const list = bucket.get(word)
      if (list) list.push(chosen)
      else bucket.set(word, [chosen])
    }
  }
  return slots.map((slot, i) => {
    const values: ClaimSlot['values'] = []
    const owners: Claim[] = []
    for (const claim of slot.claims) {
      const at = owners.findIndex((owner) => sameValue(owner, claim, tolerance))
      if (at < 0) {
        owners.push(claim)
        values.push({ value: claim.value, articles: [claim.article], claims: [claim.id] })
      } else {
        const entry = values[at] as ClaimSlot['values'][number]
        if (!entry.articles.includes(claim.article)) entry.articles.push(claim.article)
        entry.claims.push(claim.id)
      }
    }
    for (const entry of values) entry.articles.sort()
    const shared = [...slot.keywords.entries()]
      .filter(([, count]) => slot.claims.length === 1 || count > 1)
      .map(([word]) => word)
      .sort()
    return {
      id: `s${i}`,
      kind: slot.kind,
      unit: slot.unit,
      keywords: shared,
      claims: slot.claims.map((c) => c.id),
      values,
      agrees: values.length <= 1,
    }
  })
}
