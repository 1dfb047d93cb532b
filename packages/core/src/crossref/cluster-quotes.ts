import type { ClusterMember, Quote, QuoteCluster, SpeakerRef } from '../types.js'
import { classifyVariant, diffWords } from './diff-words.js'
import { isStopWord, type WordToken, withWordMemo, wordTokensOf } from './word-tokens.js'

/** Options of {@link clusterQuotes}. */
export interface ClusterQuotesOptions {
  /**
   * Share of a quote's word triples that a cluster must hold (or of the
   * cluster's wording that the quote must hold) for the quote to join it.
   * Default 0.5: an outlet may cut, extend or reword half a statement.
   */
  minOverlap?: number
}

interface Prepared {
  quote: Quote
  order: number
  tokens: readonly WordToken[]
  /** Word triples with a content word, or for a short quote its content words. */
  keys: string[]
  short: boolean
}

interface Working {
  members: Prepared[]
  representative: Prepared
  keys: Set<string>
  words: Set<string>
  /** Speaker ids of the members, and each article's member offsets: kept so a large cluster is not scanned per quote. */
  speakers: Set<string>
  offsets: Map<string, number[]>
}

const SHORT = 3

function prepare(quote: Quote, order: number): Prepared {
  const tokens = wordTokensOf(quote.text)
  const norms = tokens.map((t) => t.norm)
  const short = tokens.length < SHORT
  const keys = new Set<string>()
  if (short) {
    for (const norm of norms) if (!isStopWord(norm)) keys.add(norm)
  } else {
    for (let i = 0; i + SHORT <= norms.length; i++) {
      const gram = norms.slice(i, i + SHORT)
      if (gram.some((w) => !isStopWord(w))) keys.add(gram.join(' '))
    }
  }
  return { quote, order, tokens, keys: [...keys], short }
}

/** True when `needle`'s words stand one after another inside `hay`. */
function containsRun(hay: readonly WordToken[], needle: readonly WordToken[]): boolean {
  if (needle.length === 0 || needle.length > hay.length) return false
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++)
      if ((hay[i + j] as WordToken).norm !== (needle[j] as WordToken).norm) continue outer
    return true
  }
  return false
}

/** True when `needle` stands inside `hay` with at most one word changed, a content word kept. */
function containsNearRun(hay: readonly WordToken[], needle: readonly WordToken[]): boolean {
  if (needle.length < 2 || needle.length > hay.length) return false
  for (let i = 0; i + needle.length <= hay.length; i++) {
    let changed = 0
    let keptContent = false
    for (let j = 0; j < needle.length && changed <= 1; j++) {
      const word = (needle[j] as WordToken).norm
      if ((hay[i + j] as WordToken).norm === word) keptContent ||= !isStopWord(word)
      else changed++
    }
    if (changed <= 1 && keptContent) return true
  }
  return false
}

const sameSpeaker = (cluster: Working, item: Prepared) =>
  item.quote.speaker !== null && cluster.speakers.has(item.quote.speaker.id)

/** 0 for a member of the same article right beside the quote, towards 1 far away or elsewhere. */
function nearness(cluster: Working, item: Prepared): number {
  let distance = Number.POSITIVE_INFINITY
  for (const start of cluster.offsets.get(item.quote.article) ?? [])
    distance = Math.min(distance, Math.abs(start - item.quote.span.start))
  return distance === Number.POSITIVE_INFINITY ? 1 : distance / (distance + 2000)
}

/** Clusters by the keys and by the content words they hold: callers post a cluster only under keys it did not have yet, so postings stay distinct. */
interface ClusterIndex {
  byKey: Map<string, number[]>
  byWord: Map<string, number[]>
}

function post(index: Map<string, number[]>, key: string, cluster: number): void {
  const list = index.get(key)
  if (list) list.push(cluster)
  else index.set(key, [cluster])
}

/**
 * The statement a quoted word or two (`item`, short) is cut from, or the same words
 * elsewhere, or -1; “incredibly grateful” beside the same speaker's “profoundly
 * grateful” joins with one word changed. The same speaker weighs most, then the
 * exact words, then the nearest statement of the same article, then the shortest.
 */
function statementOfFragment(
  item: Prepared,
  clusters: readonly Working[],
  { byWord }: ClusterIndex,
): number {
  let chosen = -1
  let bestRank = Number.NEGATIVE_INFINITY
  const seen = new Set<number>()
  for (const key of item.keys) {
    for (const index of byWord.get(key) ?? []) {
      if (seen.has(index)) continue
      seen.add(index)
      const cluster = clusters[index] as Working
      const same = sameSpeaker(cluster, item)
      const exact =
        item.keys.every((word) => cluster.words.has(word)) &&
        containsRun(cluster.representative.tokens, item.tokens)
      if (!exact && !(same && containsNearRun(cluster.representative.tokens, item.tokens))) continue
      // Last, the statement the words are most of: "profoundly grateful" is more of
      // "profoundly grateful for the offer" than of a paragraph that holds those words.
      const coverage = item.tokens.length / cluster.representative.tokens.length
      const rank = (same ? 2 : 0) + (exact ? 1 : 0) - nearness(cluster, item) + coverage / 100
      if (rank > bestRank) {
        bestRank = rank
        chosen = index
      }
    }
  }
  return chosen
}

/**
 * The cluster that shares the most of its word triples with `item` (at least
 * `minOverlap` of the quote's or of the cluster's wording), or -1. Among equal
 * overlaps, the same speaker's statement nearest in the same article.
 */
function clusterSharingKeys(
  item: Prepared,
  clusters: readonly Working[],
  { byKey }: ClusterIndex,
  minOverlap: number,
): number {
  const votes = new Map<number, number>()
  for (const key of item.keys)
    for (const index of byKey.get(key) ?? []) votes.set(index, (votes.get(index) ?? 0) + 1)
  let chosen = -1
  let bestRank = Number.NEGATIVE_INFINITY
  for (const [index, shared] of votes) {
    const cluster = clusters[index] as Working
    const ofQuote = shared / item.keys.length
    const ofCluster = shared / Math.max(1, cluster.representative.keys.length)
    const score = Math.max(ofQuote, ofCluster)
    if (score < minOverlap) continue
    const rank = score * 10 + (sameSpeaker(cluster, item) ? 1 : 0) - nearness(cluster, item)
    if (rank > bestRank) {
      bestRank = rank
      chosen = index
    }
  }
  return chosen
}

/** Adds `item` to cluster `chosen`, posting the cluster once per new key and word, so that votes count distinct keys. */
function join(cluster: Working, chosen: number, item: Prepared, index: ClusterIndex): void {
  cluster.members.push(item)
  if (item.quote.speaker) cluster.speakers.add(item.quote.speaker.id)
  const offsets = cluster.offsets.get(item.quote.article)
  if (offsets) offsets.push(item.quote.span.start)
  else cluster.offsets.set(item.quote.article, [item.quote.span.start])
  for (const key of item.keys) {
    if (cluster.keys.has(key)) continue
    cluster.keys.add(key)
    post(index.byKey, key, chosen)
  }
  for (const token of item.tokens) {
    if (isStopWord(token.norm) || cluster.words.has(token.norm)) continue
    cluster.words.add(token.norm)
    post(index.byWord, token.norm, chosen)
  }
}

/**
 * Groups the same statement across articles: each quote joins the cluster
 * whose wording shares enough word triples with it (candidates come from an
 * inverted index of those triples, never from comparing all pairs), and a
 * quoted fragment of one to two words joins the statement it stands in, word
 * for word. Terms (scare quotes, titles) are left out. Clusters come in the
 * order of their first member in `quotes`; members keep that order too, each
 * with its word diff against the cluster's canonical (fullest) wording.
 */
export function clusterQuotes(
  quotes: readonly Quote[],
  options: ClusterQuotesOptions = {},
): QuoteCluster[] {
  return withWordMemo(() => {
    const minOverlap = options.minOverlap ?? 0.5
    const prepared = quotes
      .filter((quote) => quote.kind !== 'term')
      .map(prepare)
      .filter((p) => p.tokens.length > 0)
    // Full statements first, so that fragments and cut versions meet the fullest wording.
    const byLength = [...prepared].sort(
      (a, b) => b.tokens.length - a.tokens.length || a.order - b.order,
    )
    const clusters: Working[] = []
    const index: ClusterIndex = { byKey: new Map(), byWord: new Map() }
    for (const item of byLength) {
      let chosen = item.short
        ? statementOfFragment(item, clusters, index)
        : clusterSharingKeys(item, clusters, index, minOverlap)
      if (chosen < 0) {
        chosen = clusters.length
        clusters.push({
          members: [],
          representative: item,
          keys: new Set(),
          words: new Set(),
          speakers: new Set(),
          offsets: new Map(),
        })
      }
      join(clusters[chosen] as Working, chosen, item, index)
    }
    const ordered = clusters
      .map((cluster) => ({
        ...cluster,
        members: [...cluster.members].sort((a, b) => a.order - b.order),
      }))
      .sort((a, b) => (a.members[0] as Prepared).order - (b.members[0] as Prepared).order)
    return ordered.map((cluster, index) => toCluster(cluster, index))
  })
}

function toCluster(cluster: Working, index: number): QuoteCluster {
  // The canonical wording: the longest member that is not a fragment, else the longest.
  const full = cluster.members.filter((m) => m.quote.kind !== 'fragment')
  const pool = full.length > 0 ? full : cluster.members
  const canonical = [...pool].sort(
    (a, b) => b.tokens.length - a.tokens.length || a.order - b.order,
  )[0] as Prepared
  const speakers: SpeakerRef[] = []
  for (const member of cluster.members) {
    const speaker = member.quote.speaker
    if (speaker && !speakers.some((s) => s.id === speaker.id)) speakers.push(speaker)
  }
  const members: ClusterMember[] = cluster.members.map((member) => {
    const diff = diffWords(canonical.tokens, member.tokens)
    return {
      quote: member.quote.id,
      article: member.quote.article,
      text: member.quote.text,
      span: member.quote.span,
      speaker: member.quote.speaker,
      variant: classifyVariant(diff, member.quote.kind === 'fragment'),
      diff,
    }
  })
  return {
    id: `k${index}`,
    canonical: canonical.quote.text,
    speakers,
    articles: [...new Set(members.map((m) => m.article))].sort(),
    members,
  }
}
