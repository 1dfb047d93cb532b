import type { Doc, Normed, StoryIndexState, StoryState, StoryWeights } from './story-state.js'

/** The IDF of a document frequency at the index's current size. */
function idfOfFrequency(state: StoryIndexState, frequency: number): number {
  let memo = state.idf
  if (frequency >= memo.readAt.length) {
    const ofFrequency = new Float64Array(Math.max(frequency + 1, memo.readAt.length * 2))
    const readAt = new Int32Array(ofFrequency.length).fill(-1)
    ofFrequency.set(memo.ofFrequency)
    readAt.set(memo.readAt)
    memo = state.idf = { ofFrequency, readAt }
  }
  const size = state.docs.length
  if (memo.readAt[frequency] !== size) {
    memo.ofFrequency[frequency] = Math.log((size + 1) / (frequency + 1)) + 1
    memo.readAt[frequency] = size
  }
  return memo.ofFrequency[frequency] as number
}

/** The IDF of term number `id` at the index's current size. */
export function idfOfTerm(state: StoryIndexState, id: number): number {
  return idfOfFrequency(state, state.df[id] as number)
}

// A norm is recomputed only when its terms changed or the corpus grew by a
// quarter since: IDF moves slowly (by ln 1.25 at most for any term), and recomputing it at every add made
// grouping quadratic in practice.
const isStale = (item: Normed, size: number) => item.normAt < 0 || item.normAt * 1.25 < size

function docNorm(state: StoryIndexState, doc: Doc): number {
  if (isStale(doc, state.docs.length)) {
    let sum = 0
    for (let i = 0; i < doc.terms.length; i++) {
      const x = (doc.weights[i] as number) * idfOfTerm(state, doc.terms[i] as number)
      sum += x * x
    }
    doc.norm = Math.sqrt(sum)
    doc.normAt = state.docs.length
  }
  return doc.norm
}

function storyNorm(state: StoryIndexState, story: StoryWeights): number {
  if (isStale(story, state.docs.length)) {
    let sum = 0
    const { terms, weights, size } = story.weights
    for (let i = 0; i < size; i++) {
      const x = (weights[i] as number) * idfOfTerm(state, terms[i] as number)
      sum += x * x
    }
    story.norm = Math.sqrt(sum)
    story.normAt = state.docs.length
  }
  return story.norm
}

/** Makes `doc` the query: its weights and squared IDF (at today's size) by term number. */
export function loadQuery(state: StoryIndexState, doc: Doc): void {
  const { queryWeight, queryIdf } = state.byTerm
  for (let i = 0; i < doc.terms.length; i++) {
    const id = doc.terms[i] as number
    queryWeight[id] = doc.weights[i] as number
    queryIdf[id] = idfOfTerm(state, id) ** 2
  }
}

export function clearQuery(state: StoryIndexState, doc: Doc): void {
  const { queryWeight, queryIdf } = state.byTerm
  for (const id of doc.terms) {
    queryWeight[id] = 0
    queryIdf[id] = 0
  }
}

// Each product is the smaller side's weight times the larger side's times the squared
// IDF, summed in the smaller side's order: a term absent from one side adds zero.
/** Cosine of the query `a` with a story. */
export function storyCosine(state: StoryIndexState, a: Doc, b: StoryState): number {
  const aNorm = docNorm(state, a)
  const bNorm = storyNorm(state, b)
  if (aNorm === 0 || bNorm === 0) return 0
  const { queryWeight, queryIdf } = state.byTerm
  let dot = 0
  // Over the smaller of the two: a one-article story need not be read term by term of a long article.
  const story = b.weights
  if (a.terms.length <= story.size) {
    for (let i = 0; i < a.terms.length; i++) {
      const id = a.terms[i] as number
      const other = story.get(id)
      if (other !== undefined) dot += (a.weights[i] as number) * other * (queryIdf[id] as number)
    }
  } else {
    for (let i = 0; i < story.size; i++) {
      const id = story.terms[i] as number
      dot += (story.weights[i] as number) * (queryWeight[id] as number) * (queryIdf[id] as number)
    }
  }
  return dot / (aNorm * bNorm)
}

/** Cosine of the query `a` with another article. */
export function docCosine(state: StoryIndexState, a: Doc, b: Doc): number {
  const aNorm = docNorm(state, a)
  const bNorm = docNorm(state, b)
  if (aNorm === 0 || bNorm === 0) return 0
  const { queryWeight, queryIdf, otherWeight } = state.byTerm
  let dot = 0
  if (a.terms.length <= b.terms.length) {
    for (let i = 0; i < b.terms.length; i++)
      otherWeight[b.terms[i] as number] = b.weights[i] as number
    for (let i = 0; i < a.terms.length; i++) {
      const id = a.terms[i] as number
      dot += (a.weights[i] as number) * (otherWeight[id] as number) * (queryIdf[id] as number)
    }
    for (const id of b.terms) otherWeight[id] = 0
  } else {
    for (let i = 0; i < b.terms.length; i++) {
      const id = b.terms[i] as number
      dot += (b.weights[i] as number) * (queryWeight[id] as number) * (queryIdf[id] as number)
    }
  }
  return dot / (aNorm * bNorm)
}

/** Cosine of an article with its story, as an add would compare them. */
export function similarity(state: StoryIndexState, doc: Doc, story: StoryState): number {
  loadQuery(state, doc)
  const score = storyCosine(state, doc, story)
  clearQuery(state, doc)
  return score
}
