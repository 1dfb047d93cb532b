import type { StoryMember } from '../types.js'
import type { ArticleProfile } from './article-profile.js'
import type { ChosenStory } from './choose-story.js'
import type { Doc, StoryIndexState, StoryState } from './story-state.js'
import { docCosine } from './term-cosine.js'

const WHY_TERMS = 6
const CLOSEST_AMONG = 16

function hash(text: string): string {
  // FNV-1a, 32 bits: a short, stable id for a story from its first article's id.
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return (h >>> 0).toString(16).padStart(8, '0')
}

/** The id of a story the article starts: from its id, numbered past the ids taken. */
export function newStoryId(state: StoryIndexState, article: string): string {
  let id = `st-${hash(article)}`
  for (let n = 2; state.storyAt.has(id); n++) id = `st-${hash(article)}-${n}`
  return id
}

/** The member an article is as the first of its story. */
export function firstMember(profile: ArticleProfile): StoryMember {
  return { article: profile.article, closest: null, score: 1, sharedTerms: [], sharedQuote: null }
}

/**
 * The member the query `doc` is in the story it joins, and why: the member closest to
 * it (the one it shares a quote with, else the most similar of the latest), and the
 * terms that weigh most between them.
 */
export function joiningMember(
  state: StoryIndexState,
  doc: Doc,
  profile: ArticleProfile,
  chosen: ChosenStory,
): StoryMember {
  const story = state.stories[chosen.story] as StoryState
  let closest = chosen.quote?.doc ?? -1
  let closestScore = -1
  // Among the latest members only: a story of a thousand articles must not make
  // every add a thousand comparisons, and a developing story's news is its latest.
  if (closest < 0)
    for (const d of story.docs.slice(-CLOSEST_AMONG)) {
      const score = docCosine(state, doc, state.docs[d] as Doc)
      if (score > closestScore) {
        closest = d
        closestScore = score
      }
    }
  const near = state.docs[closest] as Doc
  return {
    article: profile.article,
    closest: near.profile.article,
    score: Math.round(chosen.score * 1000) / 1000,
    sharedTerms: sharedTerms(state, doc, near),
    sharedQuote: chosen.quote?.shingle ?? null,
  }
}

/** The terms that weigh most between the query and another article: why they are close. */
function sharedTerms(state: StoryIndexState, doc: Doc, other: Doc): string[] {
  const { otherWeight, otherHas, queryIdf } = state.byTerm
  const { termNames } = state
  for (let i = 0; i < other.terms.length; i++) {
    otherWeight[other.terms[i] as number] = other.weights[i] as number
    otherHas[other.terms[i] as number] = 1
  }
  // The heaviest WHY_TERMS, heaviest first and then by name, kept in order as they come
  // (the shared terms of two long articles run to hundreds).
  const names: string[] = []
  const products: number[] = []
  for (let i = 0; i < doc.terms.length; i++) {
    const id = doc.terms[i] as number
    if (!otherHas[id]) continue
    const name = termNames[id] as string
    const product =
      (doc.weights[i] as number) * (otherWeight[id] as number) * (queryIdf[id] as number)
    const before = (k: number) => {
      const other = products[k] as number
      return product > other || (product === other && name < (names[k] as string))
    }
    if (names.length === WHY_TERMS && !before(WHY_TERMS - 1)) continue
    let at = names.length === WHY_TERMS ? WHY_TERMS - 1 : names.length
    while (at > 0 && before(at - 1)) {
      names[at] = names[at - 1] as string
      products[at] = products[at - 1] as number
      at--
    }
    names[at] = name
    products[at] = product
  }
  for (const id of other.terms) {
    otherWeight[id] = 0
    otherHas[id] = 0
  }
  return names
}
