import { findShingle, storiesOf } from './shingle-index.js'
import type {
  Doc,
  Postings,
  ShingleEntry,
  ShingleKey,
  StoryIndexState,
  StoryState,
} from './story-state.js'

// Candidate stories come through an article's rarer terms: at most this many
// terms are looked up, and a term found in more than a share of the corpus
// (every politics story says "campaign") is no lookup at all.
const LOOKUP_TERMS = 30
const COMMON_SHARE = 0.05
const MIN_COMMON = 40
const MAX_CANDIDATES = 24
// A story that carries one of the article's long quotes comes first, whatever its words.
const QUOTED_VOTE = 1e6

/** The stories an add compares its article with. */
export interface Candidates {
  /** At most MAX_CANDIDATES story numbers, most voted first and then by number. */
  stories: number[]
  /** The entry of each of the article's shingles (null where none), in its profile's order. */
  found: (ShingleEntry | null)[]
  /** The stories that carry one of its long quotes, marked in `byStory.isQuoted` until the add unmarks them. */
  quoted: number[]
}

/**
 * The candidates of the query `doc` (loaded, see `loadQuery`): stories holding its
 * rarer heavy terms, or one of its long quotes.
 */
export function gatherCandidates(
  state: StoryIndexState,
  doc: Doc,
  keys: readonly ShingleKey[],
): Candidates {
  const lookups = lookupTerms(state, doc)
  const { stories, postings } = state
  const byStory = state.byStory
  if (byStory.votes.length < stories.length) {
    byStory.votes = new Float64Array(stories.length * 2)
    byStory.hasVote = new Uint8Array(stories.length * 2)
    byStory.isQuoted = new Uint8Array(stories.length * 2)
  }
  const { votes, hasVote, isQuoted } = byStory
  // A story's vote is the term's weight for each of its articles that carry it, summed
  // by story number in an array: a term's postings run to hundreds of pairs.
  const voted: number[] = []
  const vote = (story: number, weight: number) => {
    if (!hasVote[story]) {
      hasVote[story] = 1
      voted.push(story)
    }
    votes[story] = (votes[story] as number) + weight
  }
  for (const [, w, id] of lookups) {
    const pairs = postings[id] as Postings
    for (let i = 0; i < pairs.length; i += 2) {
      const story = pairs[i] as number
      vote(story, w * ((stories[story] as StoryState).counts[pairs[i + 1] as number] as number))
    }
  }
  const quoted: number[] = []
  const found = keys.map((key) => findShingle(state, key))
  for (const entry of found)
    if (entry)
      for (const story of storiesOf(entry))
        if (!isQuoted[story]) {
          isQuoted[story] = 1
          quoted.push(story)
        }
  for (const story of quoted) vote(story, QUOTED_VOTE)
  const candidates = mostVoted(voted, votes, MAX_CANDIDATES)
  for (const story of voted) {
    votes[story] = 0
    hasVote[story] = 0
  }
  return { stories: candidates, found, quoted }
}

/**
 * The query's heaviest rarer terms (in more than one article and at most a share of
 * the corpus), at most LOOKUP_TERMS, by weight times IDF and then by name: only the few
 * that can be among the first LOOKUP_TERMS are sorted with names (most articles have hundreds).
 */
function lookupTerms(
  state: StoryIndexState,
  doc: Doc,
): Array<[term: string, weight: number, id: number]> {
  const { terms, weights } = doc
  const { df, termNames } = state
  const { queryIdf } = state.byTerm
  const common = Math.max(MIN_COMMON, COMMON_SHARE * state.docs.length)
  const rare: number[] = []
  const rareWeight: number[] = []
  for (let i = 0; i < terms.length; i++) {
    const id = terms[i] as number
    const frequency = df[id] as number
    if (frequency > 1 && frequency <= common) {
      rare.push(id)
      rareWeight.push((weights[i] as number) * Math.sqrt(queryIdf[id] as number))
    }
  }
  let least = Number.NEGATIVE_INFINITY
  if (rare.length > LOOKUP_TERMS) {
    const byStory = state.byStory
    if (byStory.weightRoom.length < rare.length)
      byStory.weightRoom = new Float64Array(rare.length * 2)
    const sorted = byStory.weightRoom.subarray(0, rare.length)
    sorted.set(rareWeight)
    least = sorted.sort()[rare.length - LOOKUP_TERMS] as number
  }
  const lookups: Array<[term: string, weight: number, id: number]> = []
  for (let i = 0; i < rare.length; i++)
    if ((rareWeight[i] as number) >= least)
      lookups.push([
        termNames[rare[i] as number] as string,
        rareWeight[i] as number,
        rare[i] as number,
      ])
  lookups.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
  lookups.length = Math.min(lookups.length, LOOKUP_TERMS)
  return lookups
}

/**
 * The `max` stories of most votes, most first and then by story number: the first
 * `max` of all `voted` sorted so, without sorting them all (an article's rarer terms
 * may reach hundreds of stories).
 */
function mostVoted(voted: readonly number[], votes: Float64Array, max: number): number[] {
  const before = (a: number, b: number) => {
    const x = votes[a] as number
    const y = votes[b] as number
    return x > y || (x === y && a < b)
  }
  const top: number[] = []
  for (const story of voted) {
    if (top.length === max && !before(story, top[max - 1] as number)) continue
    let at = top.length === max ? max - 1 : top.length
    while (at > 0 && before(story, top[at - 1] as number)) {
      top[at] = top[at - 1] as number
      at--
    }
    top[at] = story
  }
  return top
}
