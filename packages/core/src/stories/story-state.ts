import type { StoryMember } from '../types.js'
import type { ArticleProfile } from './article-profile.js'
import type { StoryIndexOptions } from './story-index.js'
import type { TermWeights } from './term-weights.js'

/** Term weights and their norm under the IDF of a corpus size (refreshed as the corpus grows). */
export interface Normed {
  norm: number
  /** Corpus size the norm was computed at; -1 when stale. */
  normAt: number
}

/**
 * An article's terms as two aligned arrays, in its profile's order (heaviest first):
 * a 240-term article is 3 KB of typed arrays instead of a 10 KB Map, and comparing
 * two articles is a loop over arrays with no hashing.
 */
export interface Doc extends Normed {
  profile: ArticleProfile
  story: number
  terms: Int32Array
  weights: Float64Array
}

/** A story's summed term weights, growing with every member. */
export interface StoryWeights extends Normed {
  weights: TermWeights
}

/**
 * The stories whose articles carry a term, as pairs (story, the term's place in the
 * story's weights) in the order the term came to them, one pair per story: how many of
 * the story's articles carry it is the story's to count ({@link StoryState.counts}),
 * beside its weight, so that an article joining a story writes nothing here but for
 * its terms new to the story. A term's postings are as long as the stories that carry
 * it, not its articles, so gathering a new article's candidates does not grow with
 * the largest stories.
 */
export type Postings = number[]

export interface StoryState extends StoryWeights {
  id: string
  docs: number[]
  members: StoryMember[]
  first: number | null
  last: number | null
  /** Dated members' days, sorted, to find the nearest one. */
  days: number[]
  /** For each of the story's terms (by place in its weights), how many of its articles carry it. */
  counts: Int32Array
}

/**
 * The stories whose articles carry one shingle, in the order the shingle came to them,
 * and those articles in order, as a run of integers in `block` from `at`: per story,
 * its number, how many articles and the articles. Arrays of their own (two per shingle
 * and one per story) were two thirds of a restored index's heap at 10,000 articles
 * (37 of 54 MB, for 106,268 shingles).
 */
export interface ShingleEntry {
  check: number
  /** How many stories the run holds. */
  storyCount: number
  /** A block of runs, shared with other shingles (see {@link ShingleArena}). */
  block: Int32Array
  /** Where in `block` the run starts. */
  at: number
  /** How many integers the run takes. */
  length: number
  /**
   * How many integers from `at` are the run's to grow into (at least `length`); past
   * them the run moves. A restored run's room is its length.
   */
  room: number
  /** Another shingle of the same key. */
  next: ShingleEntry | null
}

/**
 * The block new runs are put in, filled from its start. A run that outgrows its room
 * moves to the end of this block with room to double; where it was is not reused
 * (at most the size of the runs moved), and a restore packs the runs again.
 */
export interface ShingleArena {
  block: Int32Array
  end: number
}

/** A long quote's shingle as the two hashes the index looks it up by (see `shingleKeys`). */
export interface ShingleKey {
  key: number
  check: number
}

/** The options of a story index with their defaults filled in. */
export interface StorySettings {
  threshold: number
  quoteThreshold: number
  linkDays: number
  maxSpanDays: number
}

/**
 * Dense arrays over term numbers, zero but while in use: the article being compared
 * (its weight and squared IDF of each of its terms: the "query"), and one other
 * article spread out to be read by term number. Comparing is then reading arrays.
 * Grown with the terms (see `internTerm`), so read them again after interning.
 */
export interface ByTerm {
  queryWeight: Float64Array
  queryIdf: Float64Array
  otherWeight: Float64Array
  otherHas: Uint8Array
  positionOf: Int32Array
}

/** Arrays by story number, zero but while an add gathers its candidates. */
export interface ByStory {
  votes: Float64Array
  hasVote: Uint8Array
  /** Stories that carry one of the query's long quotes, marked while it is added. */
  isQuoted: Uint8Array
  /** Room to find the LOOKUP_TERMS-th weight in, kept between adds. */
  weightRoom: Float64Array
}

/**
 * Documents' terms and weights are views of large blocks, filled in the order they
 * come: one typed array each per article was an allocation the collector tracked.
 */
export interface DocArena {
  terms: Int32Array
  weights: Float64Array
  end: number
}

/**
 * The IDF of each document frequency at the corpus size it was last read at: a norm
 * reads thousands of terms at one size, most of them of a few small frequencies.
 */
export interface IdfMemo {
  ofFrequency: Float64Array
  readAt: Int32Array
}

/**
 * Everything a story index holds, as plain data that the steps of an add (enter,
 * gather candidates, choose, join) read and write. Terms are numbered once: the
 * document frequency and the postings are then arrays, and an add looks each of its
 * terms up once instead of in three maps.
 */
export interface StoryIndexState {
  settings: StorySettings
  docs: Doc[]
  byArticle: Map<string, number>
  termIds: Map<string, number>
  termNames: string[]
  df: number[]
  postings: Postings[]
  stories: StoryState[]
  storyAt: Map<string, number>
  /**
   * A long quote's shingle (as its key) → the stories whose articles carry it → those
   * articles, in order: a quote retold by a hundred articles is one story to compare,
   * not a hundred.
   */
  shingles: Map<number, ShingleEntry>
  shingleArena: ShingleArena
  arena: DocArena
  byTerm: ByTerm
  byStory: ByStory
  idf: IdfMemo
}

/** An empty index's state under these options. */
export function createStoryIndexState(options: StoryIndexOptions): StoryIndexState {
  return {
    settings: {
      threshold: options.threshold ?? 0.3,
      quoteThreshold: options.quoteThreshold ?? 0.08,
      linkDays: options.linkDays ?? 4,
      maxSpanDays: options.maxSpanDays ?? 30,
    },
    docs: [],
    byArticle: new Map(),
    termIds: new Map(),
    termNames: [],
    df: [],
    postings: [],
    stories: [],
    storyAt: new Map(),
    shingles: new Map(),
    shingleArena: { block: new Int32Array(0), end: 0 },
    arena: { terms: new Int32Array(0), weights: new Float64Array(0), end: 0 },
    byTerm: {
      queryWeight: new Float64Array(1024),
      queryIdf: new Float64Array(1024),
      otherWeight: new Float64Array(1024),
      otherHas: new Uint8Array(1024),
      positionOf: new Int32Array(1024),
    },
    byStory: {
      votes: new Float64Array(64),
      hasVote: new Uint8Array(64),
      isQuoted: new Uint8Array(64),
      weightRoom: new Float64Array(256),
    },
    idf: { ofFrequency: new Float64Array(64), readAt: new Int32Array(64).fill(-1) },
  }
}

/** The number of `term`, numbered now (with no documents) when new. */
export function internTerm(state: StoryIndexState, term: string): number {
  let id = state.termIds.get(term)
  if (id === undefined) {
    id = state.df.length
    state.termIds.set(term, id)
    state.termNames.push(term)
    state.df.push(0)
    state.postings.push([])
    if (id + 1 > state.byTerm.queryWeight.length) growByTerm(state.byTerm, id + 1)
  }
  return id
}

function growByTerm(byTerm: ByTerm, needed: number): void {
  const length = Math.max(byTerm.queryWeight.length * 2, needed)
  const grown = <T extends Float64Array | Uint8Array | Int32Array>(from: T, to: T) => {
    to.set(from)
    return to
  }
  byTerm.queryWeight = grown(byTerm.queryWeight, new Float64Array(length))
  byTerm.queryIdf = grown(byTerm.queryIdf, new Float64Array(length))
  byTerm.otherWeight = grown(byTerm.otherWeight, new Float64Array(length))
  byTerm.otherHas = grown(byTerm.otherHas, new Uint8Array(length))
  byTerm.positionOf = grown(byTerm.positionOf, new Int32Array(length))
}
