import { CorroborateError } from '../errors.js'
import { bisectLeft } from '../sorted.js'
import type { Story, StoryMember } from '../types.js'
import type { ArticleProfile } from './article-profile.js'
import { type PackedProfile, shingleKeys } from './packed-profile.js'
import { readSnapshotInSteps, writeSnapshot } from './snapshot.js'
import { TermWeights } from './term-weights.js'

/** Options of {@link createStoryIndex} and {@link groupStories}. */
export interface StoryIndexOptions {
  /**
   * Cosine similarity (TF-IDF over weighted content words) between an article
   * and a story's centroid from which the article joins the story. Default 0.3.
   */
  threshold?: number
  /**
   * The lower similarity that is enough when the article shares a quote of
   * eight or more words with one of the story's articles. Default 0.08.
   */
  quoteThreshold?: number
  /**
   * Days between a dated article and the nearest dated article of a story it
   * joins. Default 4. An article without a date is judged by its words alone.
   */
  linkDays?: number
  /** The longest a story may run, first to last dated article, in days. Default 30. */
  maxSpanDays?: number
}

/** Where one article went: the story it joined or started, and why. */
export interface StoryAssignment {
  story: string
  /** False when the article started a new story. */
  joined: boolean
  member: StoryMember
}

/**
 * The stories of a growing corpus. Adding an article assigns it once, to an
 * existing story or a new one, and never moves earlier articles: the result
 * depends on the order of adds and is deterministic for a given order.
 */
export interface StoryIndex {
  /**
   * Assigns one article. Costs about the number of its terms times the
   * postings of its rarer terms, not the size of the corpus.
   * @throws CorroborateError `DUPLICATE_ID` when the article was added before,
   *   `INVALID_ARGUMENT` when `profile` is not a profile from `profileArticle`.
   */
  add(profile: ArticleProfile): StoryAssignment
  /**
   * Records an article where an earlier `add` put it (its story id and member,
   * as stored), without seeking a story: what a store replays after a restart,
   * at a fraction of the cost of `add`. Articles are placed in the order they
   * were added; a story id not seen yet starts that story. Later `add`s assign
   * as they would have, except that term norms are recomputed at the current size.
   * The profile may be the one `add` took or its {@link unpackProfile} form
   * (what a store keeps): both place the article alike.
   * @throws CorroborateError as `add` does, and `INVALID_ARGUMENT` when
   *   `member.article` is not the profile's article.
   */
  place(profile: ArticleProfile | PackedProfile, story: string, member: StoryMember): void
  /** Every story, in the order they were started. */
  stories(): Story[]
  /**
   * One story, as {@link StoryIndex.stories} describes it, without describing
   * the others: what a store writes after an add.
   */
  story(id: string): Story | undefined
  /**
   * The index as bytes, for {@link restoreStoryIndex}: what a store keeps so that a
   * restart reads one value instead of placing every stored profile again. Pure; the
   * same index gives the same bytes. Cached norms are left out: the restored index
   * is the one that placing the same members in the same order gives.
   */
  snapshot(): Uint8Array
  /** The id of the story an article is in, if it was added. */
  storyOf(article: string): string | undefined
  /** How many articles were added. */
  readonly size: number
}

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

// Candidate stories come through an article's rarer terms: at most this many
// terms are looked up, and a term found in more than a share of the corpus
// (every politics story says "campaign") is no lookup at all.
const LOOKUP_TERMS = 30
const COMMON_SHARE = 0.05
const MIN_COMMON = 40
const MAX_CANDIDATES = 24
const WHY_TERMS = 6
const CLOSEST_AMONG = 16
// Terms a block of documents' terms holds (a few hundred articles).
const ARENA = 1 << 16

function hash(text: string): string {
  // FNV-1a, 32 bits: a short, stable id for a story from its first article's id.
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return (h >>> 0).toString(16).padStart(8, '0')
}

interface ShingleKey {
  key: number
  check: number
}

/** Shingles as the keys the index looks them up by (see {@link shingleKeys}). */
function keysOf(pairs: Uint32Array): ShingleKey[] {
  const keys: ShingleKey[] = []
  for (let i = 0; i + 1 < pairs.length; i += 2)
    keys.push({ key: pairs[i] as number, check: pairs[i + 1] as number })
  return keys
}

function isPacked(value: ArticleProfile | PackedProfile): value is PackedProfile {
  const p = value as PackedProfile
  return (
    !!p &&
    typeof p === 'object' &&
    p.weights instanceof Float64Array &&
    p.shingleKeys instanceof Uint32Array &&
    Array.isArray(p.terms) &&
    p.terms.length === p.weights.length
  )
}

/**
 * The stories whose articles carry one shingle, in the order the shingle came to them,
 * and those articles in order: two short arrays, where a shingle is in one story or a
 * few (a Map each was most of the index's memory and of reading its shingles).
 */
export interface ShingleEntry {
  check: number
  stories: number[]
  /** The articles of each of {@link ShingleEntry.stories}. */
  articles: number[][]
  /** Another shingle of the same key. */
  next: ShingleEntry | null
}

/** The articles of story `s` that carry the shingle of `entry`, if any. */
function articlesOf(entry: ShingleEntry, s: number): number[] | undefined {
  const at = entry.stories.lastIndexOf(s)
  return at < 0 ? undefined : entry.articles[at]
}

function isProfile(value: unknown): value is ArticleProfile {
  const p = value as ArticleProfile
  return (
    !!p &&
    typeof p === 'object' &&
    typeof p.article === 'string' &&
    Array.isArray(p.terms) &&
    Array.isArray(p.quoteShingles)
  )
}

/** Creates an empty, incremental story index. */
export function createStoryIndex(options: StoryIndexOptions = {}): StoryIndex {
  const threshold = options.threshold ?? 0.3
  const quoteThreshold = options.quoteThreshold ?? 0.08
  const linkDays = options.linkDays ?? 4
  const maxSpan = options.maxSpanDays ?? 30
  const docs: Doc[] = []
  const byArticle = new Map<string, number>()
  // Terms are numbered once: the document frequency and the postings are then arrays,
  // and an add looks each of its terms up once instead of in three maps.
  const termIds = new Map<string, number>()
  const termNames: string[] = []
  const df: number[] = []
  const postings: Postings[] = []
  // Dense arrays over term numbers, zero but while in use: the article being compared
  // (its weight and squared IDF of each of its terms: the "query"), and one other
  // article spread out to be read by term number. Comparing is then reading arrays.
  let queryWeight = new Float64Array(1024)
  let queryIdf = new Float64Array(1024)
  let otherWeight = new Float64Array(1024)
  let otherHas = new Uint8Array(1024)
  let positionOf = new Int32Array(1024)
  // Documents' terms and weights are views of large blocks, filled in the order they
  // come: one typed array each per article was an allocation the collector tracked.
  let termArena = new Int32Array(0)
  let weightArena = new Float64Array(0)
  let arenaEnd = 0
  const intern = (term: string) => {
    let id = termIds.get(term)
    if (id === undefined) {
      id = df.length
      termIds.set(term, id)
      termNames.push(term)
      df.push(0)
      postings.push([])
      const needed = id + 1
      if (needed > queryWeight.length) {
        const grown = (length: number) => Math.max(length * 2, needed)
        const copy = <T extends Float64Array | Uint8Array | Int32Array>(from: T, to: T) => {
          to.set(from)
          return to
        }
        queryWeight = copy(queryWeight, new Float64Array(grown(queryWeight.length)))
        queryIdf = copy(queryIdf, new Float64Array(grown(queryIdf.length)))
        otherWeight = copy(otherWeight, new Float64Array(grown(otherWeight.length)))
        otherHas = copy(otherHas, new Uint8Array(grown(otherHas.length)))
        positionOf = copy(positionOf, new Int32Array(grown(positionOf.length)))
      }
    }
    return id
  }
  // A long quote's shingle (as its key) → the stories whose articles carry it → those
  // articles, in order: a quote retold by a hundred articles is one story to compare,
  // not a hundred.
  const shingles = new Map<number, ShingleEntry>()
  const findShingle = ({ key, check }: ShingleKey) => {
    let entry: ShingleEntry | null | undefined = shingles.get(key)
    while (entry && entry.check !== check) entry = entry.next
    return entry ?? null
  }
  const stories: StoryState[] = []
  const ids = new Set<string>()

  // The IDF of each document frequency at the corpus size it was last read at: a norm
  // reads thousands of terms at one size, most of them of a few small frequencies.
  let idfOfFrequency = new Float64Array(64)
  let idfReadAt = new Int32Array(64).fill(-1)
  const idfOf = (frequency: number) => {
    if (frequency >= idfReadAt.length) {
      const values = new Float64Array(Math.max(frequency + 1, idfReadAt.length * 2))
      const readAt = new Int32Array(values.length).fill(-1)
      values.set(idfOfFrequency)
      readAt.set(idfReadAt)
      idfOfFrequency = values
      idfReadAt = readAt
    }
    if (idfReadAt[frequency] !== docs.length) {
      idfOfFrequency[frequency] = Math.log((docs.length + 1) / (frequency + 1)) + 1
      idfReadAt[frequency] = docs.length
    }
    return idfOfFrequency[frequency] as number
  }
  const idf = (id: number) => idfOf(df[id] as number)
  // A norm is recomputed only when its terms changed or the corpus grew by a
  // quarter since: IDF moves slowly (by ln 1.25 at most for any term), and recomputing it at every add made
  // grouping quadratic in practice.
  const stale = (item: Normed) => item.normAt < 0 || item.normAt * 1.25 < docs.length
  const docNorm = (doc: Doc) => {
    if (stale(doc)) {
      let sum = 0
      for (let i = 0; i < doc.terms.length; i++) {
        const x = (doc.weights[i] as number) * idf(doc.terms[i] as number)
        sum += x * x
      }
      doc.norm = Math.sqrt(sum)
      doc.normAt = docs.length
    }
    return doc.norm
  }
  const storyNorm = (story: StoryWeights) => {
    if (stale(story)) {
      let sum = 0
      const { terms, weights, size } = story.weights
      for (let i = 0; i < size; i++) {
        const x = (weights[i] as number) * idf(terms[i] as number)
        sum += x * x
      }
      story.norm = Math.sqrt(sum)
      story.normAt = docs.length
    }
    return story.norm
  }

  /** Makes `doc` the query: its weights and squared IDF (at today's size) by term number. */
  const loadQuery = (doc: Doc) => {
    for (let i = 0; i < doc.terms.length; i++) {
      const id = doc.terms[i] as number
      queryWeight[id] = doc.weights[i] as number
      queryIdf[id] = idf(id) ** 2
    }
  }
  const clearQuery = (doc: Doc) => {
    for (const id of doc.terms) {
      queryWeight[id] = 0
      queryIdf[id] = 0
    }
  }
  // Each product is the smaller side's weight times the larger side's times the squared
  // IDF, summed in the smaller side's order: a term absent from one side adds zero.
  /** Cosine of the query `a` with a story. */
  const storyCosine = (a: Doc, b: StoryState) => {
    const aNorm = docNorm(a)
    const bNorm = storyNorm(b)
    if (aNorm === 0 || bNorm === 0) return 0
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
  const docCosine = (a: Doc, b: Doc) => {
    const aNorm = docNorm(a)
    const bNorm = docNorm(b)
    if (aNorm === 0 || bNorm === 0) return 0
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
  // The story's dated members' days are kept sorted: the nearest is found by bisection.
  const nearestDay = (story: StoryState, day: number) => {
    const at = bisectLeft(story.days, day)
    const after = story.days[at]
    const before = story.days[at - 1]
    return Math.min(
      after === undefined ? Number.POSITIVE_INFINITY : after - day,
      before === undefined ? Number.POSITIVE_INFINITY : day - before,
    )
  }
  const fitsDates = (story: StoryState, day: number | null) => {
    if (day === null || story.first === null || story.last === null) return true
    if (Math.max(story.last, day) - Math.min(story.first, day) > maxSpan) return false
    return nearestDay(story, day) <= linkDays
  }

  /** The first member of story `s` (by shingle, then by add) that shares a long quote and a near day. */
  const sharedQuote = (
    profile: ArticleProfile,
    found: readonly (ShingleEntry | null)[],
    s: number,
  ) => {
    for (let k = 0; k < found.length; k++) {
      const entry = found[k]
      for (const d of (entry && articlesOf(entry, s)) ?? []) {
        const day = (docs[d] as Doc).profile.day
        if (profile.day !== null && day !== null && Math.abs(day - profile.day) > linkDays) continue
        return { doc: d, shingle: profile.quoteShingles[k] as string }
      }
    }
    return null
  }

  /** Cosine of an article with its story, as an add would compare them. */
  const similarity = (doc: Doc, story: StoryState) => {
    loadQuery(doc)
    const score = storyCosine(doc, story)
    clearQuery(doc)
    return score
  }

  const storyAt = new Map<string, number>()
  const startStory = (id: string) => {
    ids.add(id)
    storyAt.set(id, stories.length)
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
  /** Checks a profile and records it as a document of no story yet. */
  const enter = (given: ArticleProfile | PackedProfile): Doc => {
    const packed = isPacked(given) ? given : null
    if (!packed && !isProfile(given))
      throw new CorroborateError(
        'INVALID_ARGUMENT',
        'add expects an article profile from profileArticle (article, terms, quoteShingles)',
      )
    // A packed profile is its fields without the terms and quotes, which the index keeps its own way.
    const profile: ArticleProfile = packed
      ? {
          article: packed.article,
          day: packed.day,
          published: packed.published,
          outlet: packed.outlet,
          label: packed.label,
          terms: [],
          quoteShingles: [],
          people: packed.people,
          places: packed.places,
        }
      : (given as ArticleProfile)
    if (byArticle.has(profile.article))
      throw new CorroborateError(
        'DUPLICATE_ID',
        `the story index already has an article "${profile.article}"`,
        { subject: profile.article },
      )
    const length = packed ? packed.terms.length : profile.terms.length
    if (arenaEnd + length > termArena.length) {
      // A new block: documents keep views of the old one.
      termArena = new Int32Array(Math.max(ARENA, length))
      weightArena = new Float64Array(termArena.length)
      arenaEnd = 0
    }
    const terms = termArena.subarray(arenaEnd, arenaEnd + length)
    const weights = weightArena.subarray(arenaEnd, arenaEnd + length)
    let n = 0
    for (let i = 0; i < length; i++) {
      const pair = packed ? null : (profile.terms[i] as [string, number])
      const term = pair ? pair[0] : ((packed as PackedProfile).terms[i] as string)
      const w = pair ? pair[1] : ((packed as PackedProfile).weights[i] as number)
      const id = intern(term)
      // A term twice in a hand-made profile counts once, at its first place with its
      // last weight, as a Map of words did.
      if (otherHas[id]) {
        weights[positionOf[id] as number] = w
        continue
      }
      df[id] = (df[id] as number) + 1
      otherHas[id] = 1
      positionOf[id] = n
      terms[n] = id
      weights[n] = w
      n++
    }
    for (let i = 0; i < n; i++) otherHas[terms[i] as number] = 0
    arenaEnd += n
    const doc: Doc = {
      profile,
      terms: n < length ? terms.subarray(0, n) : terms,
      weights: n < length ? weights.subarray(0, n) : weights,
      story: -1,
      norm: 0,
      normAt: -1,
    }
    byArticle.set(profile.article, docs.length)
    docs.push(doc)
    return doc
  }
  /** Puts a document in a story and indexes its terms and quotes. */
  const join = (doc: Doc, chosen: number, member: StoryMember, keys: readonly ShingleKey[]) => {
    const at = byArticle.get(doc.profile.article) as number
    const story = stories[chosen] as StoryState
    const { profile, terms, weights } = doc
    doc.story = chosen
    story.docs.push(at)
    story.members.push(member)
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
      const x = idf(term)
      squaredNorm += ((before + w) ** 2 - before ** 2) * x * x
      if (k === known) {
        if (k >= story.counts.length) {
          const grown = new Int32Array(story.counts.length * 2)
          grown.set(story.counts)
          story.counts = grown
        }
        story.counts[k] = 1
        ;(postings[term] as Postings).push(chosen, k)
      } else story.counts[k] = (story.counts[k] as number) + 1
    }
    if (story.normAt >= 0) story.norm = Math.sqrt(squaredNorm)
    if (profile.day !== null) {
      story.first = story.first === null ? profile.day : Math.min(story.first, profile.day)
      story.last = story.last === null ? profile.day : Math.max(story.last, profile.day)
      story.days.splice(bisectLeft(story.days, profile.day), 0, profile.day)
    }
    for (const key of keys) {
      const entry = findShingle(key)
      if (!entry) {
        const next = shingles.get(key.key) ?? null
        shingles.set(key.key, { check: key.check, stories: [chosen], articles: [[at]], next })
      } else {
        const list = articlesOf(entry, chosen)
        if (list) list.push(at)
        else {
          entry.stories.push(chosen)
          entry.articles.push([at])
        }
      }
    }
    // Its terms are in `weights` and its shingles indexed: a store of 10,000 articles
    // would otherwise hold each twice.
    doc.profile = { ...profile, terms: [], quoteShingles: [] }
    return story
  }

  /** The terms that weigh most between the query and another article: why they are close. */
  const sharedTerms = (doc: Doc, other: Doc) => {
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

  const index: StoryIndex = {
    get size() {
      return docs.length
    },
    storyOf(article) {
      const at = byArticle.get(article)
      return at === undefined ? undefined : stories[(docs[at] as Doc).story]?.id
    },
    add(profile) {
      if (isPacked(profile))
        throw new CorroborateError(
          'INVALID_ARGUMENT',
          'add expects the profile from profileArticle: a packed profile has no quote text to name a shared quote by (place takes one)',
        )
      const doc = enter(profile)
      loadQuery(doc)
      try {
        const { story, member } = assign(doc, profile, keysOf(shingleKeys(profile.quoteShingles)))
        return { story: story.id, joined: story.docs.length > 1, member }
      } finally {
        clearQuery(doc)
      }
    },
    place(profile, storyId, member) {
      if (!member || member.article !== profile?.article)
        throw new CorroborateError(
          'INVALID_ARGUMENT',
          `place expects the member of the profile's own article, got ${member ? `"${member.article}"` : String(member)}`,
        )
      const doc = enter(profile)
      let at = storyAt.get(storyId)
      if (at === undefined) at = startStory(storyId)
      join(
        doc,
        at,
        { ...member, sharedTerms: [...member.sharedTerms] },
        keysOf(
          isPacked(profile)
            ? profile.shingleKeys
            : shingleKeys((profile as ArticleProfile).quoteShingles),
        ),
      )
    },
    stories() {
      return stories.map((story) => describeStory(story, docs, similarity))
    },
    story(id) {
      const at = storyAt.get(id)
      const story = at === undefined ? undefined : stories[at]
      return story && describeStory(story, docs, similarity)
    },
    snapshot() {
      return writeSnapshot({ termNames, df, postings, docs, stories, shingles })
    },
  }
  loaders.set(index, function* load(bytes) {
    const read = yield* readSnapshotInSteps(bytes)
    for (const [n, term] of read.termNames.entries()) {
      intern(term)
      if (n % 4096 === 4095) yield
    }
    for (let id = 0; id < read.df.length; id++) df[id] = read.df[id] as number
    for (let id = 0; id < read.postings.length; id++) postings[id] = read.postings[id] as Postings
    for (const [n, doc] of read.docs.entries()) {
      byArticle.set(doc.profile.article, n)
      docs.push(doc)
    }
    for (const story of read.stories) {
      ids.add(story.id)
      storyAt.set(story.id, stories.length)
      stories.push(story)
    }
    for (const [key, entry] of read.shingles) shingles.set(key, entry)
  })

  // Votes by story number, zero but while an add gathers its candidates.
  let votes = new Float64Array(64)
  let hasVote = new Uint8Array(64)
  // Stories that carry one of the query's long quotes, marked by story number while it is added.
  let isQuoted = new Uint8Array(64)
  // Room to find the LOOKUP_TERMS-th weight in, kept between adds.
  let weightRoom = new Float64Array(256)
  /** Finds the story of an entered document (the query) and joins it, or starts one. */
  function assign(doc: Doc, profile: ArticleProfile, keys: readonly ShingleKey[]) {
    const { terms, weights } = doc
    // Candidates: stories holding the article's rarer heavy terms, or one of its long quotes.
    const common = Math.max(MIN_COMMON, COMMON_SHARE * docs.length)
    // The heaviest rarer terms, by weight and then by name: only the few that can be
    // among the first LOOKUP_TERMS are sorted with names (most articles have hundreds).
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
      if (weightRoom.length < rare.length) weightRoom = new Float64Array(rare.length * 2)
      const sorted = weightRoom.subarray(0, rare.length)
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
    // A story's vote is the term's weight for each of its articles that carry it, summed
    // by story number in an array: a term's postings run to hundreds of pairs.
    if (votes.length < stories.length) {
      votes = new Float64Array(stories.length * 2)
      hasVote = new Uint8Array(stories.length * 2)
      isQuoted = new Uint8Array(stories.length * 2)
    }
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
    // A story that carries one of its long quotes comes first, whatever its words.
    const quoted: number[] = []
    const found = keys.map(findShingle)
    for (const entry of found)
      if (entry)
        for (const story of entry.stories)
          if (!isQuoted[story]) {
            isQuoted[story] = 1
            quoted.push(story)
          }
    for (const story of quoted) vote(story, 1e6)
    const candidates = mostVoted(voted, votes, MAX_CANDIDATES)
    for (const story of voted) {
      votes[story] = 0
      hasVote[story] = 0
    }

    let chosen = -1
    let chosenScore = 0
    let chosenQuote: { doc: number; shingle: string } | null = null
    for (const s of candidates) {
      const story = stories[s] as StoryState
      if (!fitsDates(story, profile.day)) continue
      const score = storyCosine(doc, story)
      // A long quote shared with a member published near it is strong evidence.
      const quote = isQuoted[s] ? sharedQuote(profile, found, s) : null
      const passes = score >= threshold || (quote !== null && score >= quoteThreshold)
      if (passes && (score > chosenScore || chosen < 0)) {
        chosen = s
        chosenScore = score
        chosenQuote = quote
      }
    }
    for (const story of quoted) isQuoted[story] = 0

    let member: StoryMember
    if (chosen < 0) {
      let id = `st-${hash(profile.article)}`
      for (let n = 2; ids.has(id); n++) id = `st-${hash(profile.article)}-${n}`
      chosen = startStory(id)
      member = {
        article: profile.article,
        closest: null,
        score: 1,
        sharedTerms: [],
        sharedQuote: null,
      }
    } else {
      const story = stories[chosen] as StoryState
      // Why: the member closest to the article, and the terms that weigh most between them.
      let closest = chosenQuote?.doc ?? -1
      let closestScore = -1
      // Among the latest members only: a story of a thousand articles must not make
      // every add a thousand comparisons, and a developing story's news is its latest.
      if (closest < 0)
        for (const d of story.docs.slice(-CLOSEST_AMONG)) {
          const score = docCosine(doc, docs[d] as Doc)
          if (score > closestScore) {
            closest = d
            closestScore = score
          }
        }
      const near = docs[closest] as Doc
      member = {
        article: profile.article,
        closest: near.profile.article,
        score: Math.round(chosenScore * 1000) / 1000,
        sharedTerms: sharedTerms(doc, near),
        sharedQuote: chosenQuote?.shingle ?? null,
      }
    }
    return { story: join(doc, chosen, member, keys), member }
  }
  return index
}

// What restoreStoryIndex fills a fresh index with, in steps (the index's state is its closure's).
const loaders = new WeakMap<StoryIndex, (bytes: Uint8Array) => Generator<void, void, void>>()

/**
 * An index as {@link StoryIndex.snapshot} saved it: the same stories, members and
 * terms, and later adds assign as they do after placing the same members in the same
 * order (norms are measured again at the current size).
 * @throws CorroborateError `INVALID_ARGUMENT` when the bytes are not a snapshot of
 *   this version (cut short, another version, inconsistent counts).
 */
export function restoreStoryIndex(bytes: Uint8Array, options: StoryIndexOptions = {}): StoryIndex {
  const steps = restoreStoryIndexInSteps(bytes, options)
  for (;;) {
    const step = steps.next()
    if (step.done) return step.value
  }
}

/**
 * {@link restoreStoryIndex} in steps of a few milliseconds each: the generator
 * pauses between them (every thousand or so documents, terms or shingles) and
 * returns the index when done, so that a server can answer between two steps
 * instead of holding its thread for the whole restore. The index is not seen
 * before it is whole.
 * @throws CorroborateError as {@link restoreStoryIndex} does, from the step that
 *   finds the bytes malformed.
 */
export function* restoreStoryIndexInSteps(
  bytes: Uint8Array,
  options: StoryIndexOptions = {},
): Generator<void, StoryIndex, void> {
  const index = createStoryIndex(options)
  yield* (loaders.get(index) as (bytes: Uint8Array) => Generator<void, void, void>)(bytes)
  return index
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

const ISO = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10)

function mostNamed(lists: readonly (readonly string[])[], max: number): string[] {
  const counts = new Map<string, { n: number; first: number }>()
  lists.forEach((list, i) => {
    for (const name of new Set(list)) {
      const seen = counts.get(name)
      if (seen) seen.n++
      else counts.set(name, { n: 1, first: i })
    }
  })
  return [...counts]
    .sort((a, b) => b[1].n - a[1].n || a[1].first - b[1].first)
    .slice(0, max)
    .map(([name]) => name)
}

function describeStory(
  story: StoryState,
  docs: readonly Doc[],
  similarity: (doc: Doc, story: StoryState) => number,
): Story {
  const members = story.docs.map((d) => docs[d] as Doc)
  // The label: the headline (or lead) of the member nearest the story's centre.
  let label = members[0]?.profile.label ?? ''
  if (members.length > 2) {
    let best = -1
    for (const doc of members) {
      const score = similarity(doc, story) + (doc.profile.label ? 0 : -1)
      if (score > best) {
        best = score
        label = doc.profile.label
      }
    }
  }
  const outlets: string[] = []
  for (const doc of members)
    if (doc.profile.outlet && !outlets.includes(doc.profile.outlet))
      outlets.push(doc.profile.outlet)
  return {
    id: story.id,
    label,
    articles: members.map((doc) => doc.profile.article),
    outlets,
    dates: {
      first: story.first === null ? null : ISO(story.first),
      last: story.last === null ? null : ISO(story.last),
    },
    people: mostNamed(
      members.map((doc) => doc.profile.people),
      8,
    ),
    places: mostNamed(
      members.map((doc) => doc.profile.places),
      8,
    ),
    members: story.members.map((member) => ({ ...member, sharedTerms: [...member.sharedTerms] })),
  }
}

/**
 * Groups articles into stories: the articles that report one event or one
 * developing story. Adds the profiles in the order given to a fresh
 * {@link createStoryIndex}; deterministic for a given order.
 */
export function groupStories(
  profiles: readonly ArticleProfile[],
  options: StoryIndexOptions = {},
): Story[] {
  if (!Array.isArray(profiles))
    throw new CorroborateError(
      'INVALID_ARGUMENT',
      `groupStories expects an array of article profiles, got ${profiles === null ? 'null' : typeof profiles}`,
    )
  const index = createStoryIndex(options)
  for (const profile of profiles) index.add(profile)
  return index.stories()
}
