import type { Dispute, Quote, Speaker, Story } from '../types.js'
import { mayBeOneSpeaker } from './same-speaker-name.js'
import { isSureAttribution } from './sure-attribution.js'
import { wordTokensOf } from './word-tokens.js'

/** Options of {@link findCrossStoryAttributions}. */
export interface CrossStoryAttributionOptions {
  /** Words a statement must run to. Default 8: shorter words travel as stock phrases. */
  minWords?: number
  /** How sure both attributions must be, 0–1. Default 0.8. */
  minConfidence?: number
}

const SHINGLE = 8
// A shingle found in more statements than this is a stock phrase, not one quote travelling.
const COMMON = 6

/**
 * The one dispute reported across stories: the same long statement, word for
 * word or nearly, given to different named speakers in articles of different
 * stories, because a misattributed quote travels. Both attributions must be
 * sure and name a person or organization (not "a spokesman"); the statements
 * must share nearly all their words in order (one holds the other, or they
 * differ in at most one word in ten). Linear in the statements' words, through
 * an index of eight-word runs. Ids are `x<n>`; each dispute names the story of
 * its first position.
 */
export function findCrossStoryAttributions(
  quotes: readonly Quote[],
  speakers: readonly Speaker[],
  stories: readonly Story[],
  options: CrossStoryAttributionOptions = {},
): Dispute[] {
  const minWords = Math.max(SHINGLE, options.minWords ?? SHINGLE)
  const minConfidence = options.minConfidence ?? 0.8
  const storyOf = new Map<string, string>()
  for (const story of stories) for (const article of story.articles) storyOf.set(article, story.id)
  const named = new Set(
    speakers.filter((s) => s.kind === 'person' || s.kind === 'organization').map((s) => s.id),
  )
  const sure = (quote: Quote) =>
    quote.kind === 'statement' &&
    quote.speaker !== null &&
    named.has(quote.speaker.id) &&
    isSureAttribution(quote, minConfidence)
  const candidates = quotes
    .filter(sure)
    .map((quote) => ({ quote, words: wordTokensOf(quote.text).map((t) => t.norm) }))
    .filter((entry) => entry.words.length >= minWords)
  const byShingle = new Map<string, number[]>()
  candidates.forEach((entry, i) => {
    const seen = new Set<string>()
    for (let k = 0; k + SHINGLE <= entry.words.length; k++)
      seen.add(entry.words.slice(k, k + SHINGLE).join(' '))
    for (const shingle of seen) {
      const list = byShingle.get(shingle)
      if (list) list.push(i)
      else byShingle.set(shingle, [i])
    }
  })
  const pairs = new Map<string, [number, number]>()
  for (const list of byShingle.values()) {
    if (list.length > COMMON) continue
    for (const i of list)
      for (const j of list) {
        if (i >= j) continue
        const a = candidates[i] as (typeof candidates)[number]
        const b = candidates[j] as (typeof candidates)[number]
        if (mayBeOneSpeaker(a.quote.speaker?.name ?? '', b.quote.speaker?.name ?? '')) continue
        const sa = storyOf.get(a.quote.article)
        const sb = storyOf.get(b.quote.article)
        if (sa === undefined || sb === undefined || sa === sb) continue
        pairs.set(`${i},${j}`, [i, j])
      }
  }
  const disputes: Dispute[] = []
  const reported = new Set<string>()
  for (const [i, j] of [...pairs.values()].sort((x, y) => x[0] - y[0] || x[1] - y[1])) {
    const a = candidates[i] as (typeof candidates)[number]
    const b = candidates[j] as (typeof candidates)[number]
    if (!nearlySame(a.words, b.words)) continue
    const key =
      [a.quote.speaker?.id, b.quote.speaker?.id].sort().join('|') +
      `|${a.words.slice(0, SHINGLE).join(' ')}`
    if (reported.has(key)) continue
    reported.add(key)
    const short = a.quote.text.length > 70 ? `${a.quote.text.slice(0, 69)}…` : a.quote.text
    disputes.push({
      id: `x${disputes.length}`,
      kind: 'attribution',
      summary: `“${short}” is given to ${a.quote.speaker?.name} (${a.quote.article}) and to ${b.quote.speaker?.name} (${b.quote.article}), in two stories`,
      positions: [a, b].map(({ quote }) => ({
        article: quote.article,
        speaker: quote.speaker,
        text: quote.text,
        span: quote.span,
      })),
      confidence: Math.round(Math.min(a.quote.confidence, b.quote.confidence) * 100) / 100,
      needsJudgement: true,
      cluster: null,
      slot: null,
      story: storyOf.get(a.quote.article) as string,
    })
  }
  return disputes
}

/**
 * The same statement: of lengths within a tenth, and differing in at most one
 * word in ten. One that only holds the other ("Crooked Hillary … 'were extremely
 * careless …'") is someone quoting the other's words, not the same statement.
 */
function nearlySame(a: readonly string[], b: readonly string[]): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a]
  if (long.length - short.length > Math.ceil(long.length / 10)) return false
  if (` ${long.join(' ')} `.includes(` ${short.join(' ')} `)) return true
  // Same length within a tenth: count positions that differ after aligning the starts.
  let differ = long.length - short.length
  for (let k = 0; k < short.length; k++) if (short[k] !== long[k]) differ++
  return differ <= Math.ceil(long.length / 10)
}
