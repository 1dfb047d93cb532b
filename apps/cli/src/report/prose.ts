import type { Claim, ClaimSlot, Corroboration, CrossReference, Dispute } from '@corroborate/core'
import { readableDate } from './names.js'

// The words around a value that a reader needs to see what it is of.
const EXCERPT = 140

/**
 * The text with every article id in it replaced by the name the report gives
 * that article: the core's summaries name articles by id. Longer ids first,
 * so that an id inside another is not replaced half.
 */
export function withNames(text: string, names: ReadonlyMap<string, string>): string {
  let out = text
  for (const id of [...names.keys()].sort((a, b) => b.length - a.length))
    out = out.split(id).join(names.get(id) as string)
  return out
}

const clip = (text: string, max: number) =>
  text.length > max ? `${text.slice(0, max - 1).replace(/\s+\S*$/, '')}…` : text

/** A claim's value as a reader writes it: "40,000 people", "4 Feb 2025", "Tuesday", "San José → Panama City". */
export function readableValue(
  slot: Pick<ClaimSlot, 'kind' | 'unit'>,
  value: number | string,
): string | null {
  if (typeof value === 'number') {
    const number = value.toLocaleString('en-US', { maximumFractionDigits: 2 })
    if (slot.kind === 'year') return String(value)
    if (slot.kind === 'percentage') return `${number}%`
    return slot.unit ? `${number} ${slot.unit}` : number
  }
  if (slot.kind === 'date' || (slot.kind === 'day' && /^\d{4}-/.test(value)))
    return readableDate(value)
  if (slot.kind === 'day') return value.charAt(0).toUpperCase() + value.slice(1)
  if (slot.kind === 'itinerary') return value.split(' > ').join(' → ')
  // An action's value is lemmas ("Nayib Bukele offer house"): its sentence says it better.
  if (slot.kind === 'action') return null
  return value
}

/** The part of a claim's sentence around its own words, at most `max` characters. */
function excerpt(claim: Claim, max = EXCERPT): string {
  const sentence = claim.sentence.text.replace(/\s+/g, ' ').trim()
  if (sentence.length <= max) return sentence
  const at = Math.max(0, sentence.indexOf(claim.text))
  const start = Math.max(0, Math.min(at - Math.floor(max / 2), sentence.length - max))
  const piece = sentence.slice(start, start + max)
  const head = start > 0 ? `…${piece.replace(/^\S*\s+/, '')}` : piece
  return start + max < sentence.length ? `${head.replace(/\s+\S*$/, '')}…` : head
}

const KIND_NOUNS: Record<ClaimSlot['kind'], string> = {
  count: 'numbers',
  percentage: 'shares',
  money: 'amounts',
  year: 'years',
  date: 'dates',
  day: 'days',
  place: 'places',
  itinerary: 'routes',
  action: 'accounts of what was done',
}

/**
 * A dispute's line for a reader: for a fact, the values each side gives as
 * readers write them ("They give different days: Monday (…) against 4 Feb
 * 2025 (…)"); otherwise the core's summary with articles named.
 */
export function disputeSummary(
  dispute: Dispute,
  corpus: Pick<CrossReference, 'slots'>,
  names: ReadonlyMap<string, string>,
): string {
  const slot = dispute.kind === 'fact' ? corpus.slots.find((s) => s.id === dispute.slot) : undefined
  if (!slot || slot.values.length < 2) return withNames(dispute.summary, names)
  const sides = slot.values.map(
    (v) =>
      `${readableValue(slot, v.value) ?? String(v.value)} (${[...new Set(v.articles.map((a) => names.get(a) ?? a))].join(', ')})`,
  )
  return `They give different ${KIND_NOUNS[slot.kind]}: ${sides.join(' against ')}`
}

/**
 * One agreement as a sentence: "5 outlets quote Nayib Bukele: “We have
 * offered …”", "4 outlets agree: 40,000 people — “The prison can hold 40,000
 * inmates.”" (the shortest of their sentences). `outlets` counts the distinct
 * names the report gives the articles.
 */
export function agreementSentence(
  agreement: Corroboration,
  corpus: Pick<CrossReference, 'clusters' | 'slots' | 'claims'>,
  names: ReadonlyMap<string, string>,
): string {
  const count = new Set(agreement.articles.map((id) => names.get(id) ?? id)).size
  const outlets = `${count} outlet${count === 1 ? '' : 's'}`
  const cluster =
    agreement.kind === 'quote' ? corpus.clusters.find((c) => c.id === agreement.cluster) : undefined
  if (cluster) {
    // The speaker the agreeing articles give (the most of them), not every name in the cluster.
    const given = new Map<string, number>()
    for (const member of cluster.members)
      if (member.speaker && agreement.articles.includes(member.article))
        given.set(member.speaker.name, (given.get(member.speaker.name) ?? 0) + 1)
    const speaker = [...given].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'an unnamed speaker'
    return `${outlets} quote ${speaker}: “${clip(cluster.canonical, 100)}”`
  }
  const slot = corpus.slots.find((s) => s.id === agreement.slot)
  if (!slot) return withNames(agreement.summary, names)
  const wanted = new Set(agreement.articles)
  const value =
    slot.values.find(
      (v) => v.articles.length === wanted.size && v.articles.every((a) => wanted.has(a)),
    ) ?? slot.values[0]
  if (!value) return withNames(agreement.summary, names)
  const claimIds = new Set(value.claims)
  const shortest = corpus.claims
    .filter((claim) => claimIds.has(claim.id))
    .sort((a, b) => a.sentence.text.length - b.sentence.text.length)[0]
  const what = readableValue(slot, value.value)
  if (!shortest) return `${outlets} agree: ${what ?? String(value.value)}`
  return `${outlets} agree: ${what ? `${what} — ` : ''}“${excerpt(shortest)}”`
}
