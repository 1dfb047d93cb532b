import { bisectLeft } from '../sorted.js'
import type { StoryMember } from '../types.js'
import { indexShingle } from './shingle-index.js'
import type { Doc, Postings, ShingleKey, StoryIndexState, StoryState } from './story-state.js'
import { idfOfTerm } from './term-cosine.js'
import { TermWeights } from './term-weights.js'

/** Starts an empty story of this id; returns its number. */
export function startStory(state: StoryIndexState, id: string): number {
  const { stories } = state
  state.storyAt.set(id, stories.length)
  stories.push({
    id,
    docs: [],
    members: [],
    weights: new TermWeights(),
    norm: 0,
    normAt: -1,
    first: null,
    last: null,
    days: [],
    counts: new Int32Array(64),
  })
  return stories.length - 1
}

/** Puts an entered document in story number `chosen` and indexes its terms and quotes. */
export function joinStory(
  state: StoryIndexState,
  doc: Doc,
  chosen: number,
  member: StoryMember,
  keys: readonly ShingleKey[],
): StoryState {
  const at = state.byArticle.get(doc.profile.article) as number
  const story = state.stories[chosen] as StoryState
  const { profile } = doc
  doc.story = chosen
  story.docs.push(at)
  story.members.push(member)
  addWeights(state, story, doc, chosen)
  if (profile.day !== null) {
    story.first = story.first === null ? profile.day : Math.min(story.first, profile.day)
    story.last = story.last === null ? profile.day : Math.max(story.last, profile.day)
    story.days.splice(bisectLeft(story.days, profile.day), 0, profile.day)
  }
  for (const key of keys) indexShingle(state, key, chosen, at)
  // Its terms are in `weights` and its shingles indexed: a store of 10,000 articles
  // would otherwise hold each twice.
  doc.profile = { ...profile, terms: [], quoteShingles: [] }
  return story
}

/** Adds a document's weights to its story's, counting its terms and posting the new ones. */
function addWeights(state: StoryIndexState, story: StoryState, doc: Doc, chosen: number): void {
  const { terms, weights } = doc
  // The story's norm follows its new weights term by term (under today's IDF) instead of
  // being read again over all its terms at the next comparison: a story of hundreds of
  // articles has thousands of terms, and most adds compare with the largest stories.
  let squaredNorm = story.normAt < 0 ? 0 : story.norm * story.norm
  for (let i = 0; i < terms.length; i++) {
    const term = terms[i] as number
    const w = weights[i] as number
    const known = story.weights.size
    const k = story.weights.place(term)
    const before = story.weights.weights[k] as number
    story.weights.weights[k] = before + w
    const x = idfOfTerm(state, term)
    squaredNorm += ((before + w) ** 2 - before ** 2) * x * x
    if (k === known) {
      if (k >= story.counts.length) {
        const grown = new Int32Array(story.counts.length * 2)
        grown.set(story.counts)
        story.counts = grown
      }
      story.counts[k] = 1
      ;(state.postings[term] as Postings).push(chosen, k)
    } else story.counts[k] = (story.counts[k] as number) + 1
  }
  if (story.normAt >= 0) story.norm = Math.sqrt(squaredNorm)
}
