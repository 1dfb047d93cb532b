import { CorroborateError } from '../errors.js'
import { bisectLeft } from '../sorted.js'
import type { Story, StoryMember } from '../types.js'
import type { ArticleProfile } from './article-profile.js'

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
   * @throws CorroborateError as `add` does, and `INVALID_ARGUMENT` when
   *   `member.article` is not the profile's article.
   */
  place(profile: ArticleProfile, story: string, member: StoryMember): void
  /** Every story, in the order they were started. */
  stories(): Story[]
  /**
   * One story, as {@link StoryIndex.stories} describes it, without describing
   * the others: what a store writes after an add.
   */
  story(id: string): Story | undefined
  /** The id of the story an article is in, if it was added. */
  storyOf(article: string): string | undefined
  /** How many articles were added. */
  readonly size: number
}

/** Term weights and their norm under the IDF of a corpus size (refreshed as the corpus grows). */
interface Weighted {
  /** Weight by term number (numbers are cheaper keys than words). */
  weights: Map<number, number>
  norm: number
  /** Corpus size the norm was computed at; -1 when stale. */
  normAt: number
}

interface Doc extends Weighted {
  profile: ArticleProfile
  story: number
}

/**
 * The stories whose articles carry a term, as pairs (story, articles that carry it) in
 * the order the term came to them; a story may recur (its votes add up). Appending
 * or counting on the last pair is all a join does: most articles join a story that
 * has the term already.
 */
type Postings = number[]

interface StoryState extends Weighted {
  id: string
  docs: number[]
  members: StoryMember[]
  first: number | null
  last: number | null
  /** Dated members' days, sorted, to find the nearest one. */
  days: number[]
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

function hash(text: string): string {
  // FNV-1a, 32 bits: a short, stable id for a story from its first article's id.
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return (h >>> 0).toString(16).padStart(8, '0')
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
  const intern = (term: string) => {
    let id = termIds.get(term)
    if (id === undefined) {
      id = df.length
      termIds.set(term, id)
      termNames.push(term)
      df.push(0)
      postings.push([])
    }
    return id
  }
  // A long quote's shingle → the stories whose articles carry it → those articles, in
  // order: a quote retold by a hundred articles is one story to compare, not a hundred.
  const shingles = new Map<string, Map<number, number[]>>()
  const stories: StoryState[] = []
  const ids = new Set<string>()

  const idfOf = (frequency: number) => Math.log((docs.length + 1) / (frequency + 1)) + 1
  const idf = (id: number) => idfOf(df[id] as number)
  // A norm is recomputed only when its terms changed or the corpus grew by a
  // quarter since: IDF moves slowly (by ln 1.25 at most for any term), and recomputing it at every add made
  // grouping quadratic in practice.
  const normOf = (item: Weighted) => {
    if (item.normAt < 0 || item.normAt * 1.25 < docs.length) {
      let sum = 0
      for (const [term, w] of item.weights) {
        const x = w * idf(term)
        sum += x * x
      }
      item.norm = Math.sqrt(sum)
      item.normAt = docs.length
    }
    return item.norm
  }
  /** Cosine of the new article (its terms' squared IDF given) with a document or story. */
  const cosine = (a: Weighted, squaredIdf: ReadonlyMap<number, number>, b: Weighted) => {
    const aNorm = normOf(a)
    const bNorm = normOf(b)
    if (aNorm === 0 || bNorm === 0) return 0
    let dot = 0
    // Over the smaller of the two: a one-article story need not be read term by term of a long article.
    const [small, large] = a.weights.size <= b.weights.size ? [a, b] : [b, a]
    for (const [term, w] of small.weights) {
      const other = large.weights.get(term)
      if (other !== undefined) dot += w * other * (squaredIdf.get(term) ?? 0)
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
  const sharedQuote = (profile: ArticleProfile, s: number) => {
    for (const shingle of profile.quoteShingles)
      for (const d of shingles.get(shingle)?.get(s) ?? []) {
        const day = (docs[d] as Doc).profile.day
        if (profile.day !== null && day !== null && Math.abs(day - profile.day) > linkDays) continue
        return { doc: d, shingle }
      }
    return null
  }

  const similarity = (a: Weighted, b: Weighted) => {
    const squared = new Map<number, number>()
    for (const term of a.weights.keys()) squared.set(term, idf(term) ** 2)
    return cosine(a, squared, b)
  }

  const storyAt = new Map<string, number>()
  const startStory = (id: string) => {
    ids.add(id)
    storyAt.set(id, stories.length)
    stories.push({
      id,
      docs: [],
      members: [],
      weights: new Map(),
      norm: 0,
      normAt: -1,
      first: null,
      last: null,
      days: [],
    })
    return stories.length - 1
  }
  /** Checks a profile and records it as a document of no story yet. */
  const enter = (profile: ArticleProfile): Doc => {
    if (!isProfile(profile))
      throw new CorroborateError(
        'INVALID_ARGUMENT',
        'add expects an article profile from profileArticle (article, terms, quoteShingles)',
      )
    if (byArticle.has(profile.article))
      throw new CorroborateError(
        'DUPLICATE_ID',
        `the story index already has an article "${profile.article}"`,
        { subject: profile.article },
      )
    const weights = new Map<number, number>()
    for (const [term, w] of profile.terms) {
      const id = intern(term)
      // A term twice in a hand-made profile counts once, as a Map of words did.
      if (!weights.has(id)) df[id] = (df[id] as number) + 1
      weights.set(id, w)
    }
    const doc: Doc = { profile, weights, story: -1, norm: 0, normAt: -1 }
    byArticle.set(profile.article, docs.length)
    docs.push(doc)
    return doc
  }
  /** Puts a document in a story and indexes its terms and quotes. */
  const join = (doc: Doc, chosen: number, member: StoryMember): StoryState => {
    const at = byArticle.get(doc.profile.article) as number
    const story = stories[chosen] as StoryState
    const { profile, weights } = doc
    doc.story = chosen
    story.docs.push(at)
    story.members.push(member)
    // The story's norm follows its new weights term by term (under today's IDF) instead of
    // being read again over all its terms at the next comparison: a story of hundreds of
    // articles has thousands of terms, and most adds compare with the largest stories.
    let squaredNorm = story.normAt < 0 ? 0 : story.norm * story.norm
    for (const [term, w] of weights) {
      const before = story.weights.get(term) ?? 0
      story.weights.set(term, before + w)
      const x = idf(term)
      squaredNorm += ((before + w) ** 2 - before ** 2) * x * x
    }
    if (story.normAt >= 0) story.norm = Math.sqrt(squaredNorm)
    if (profile.day !== null) {
      story.first = story.first === null ? profile.day : Math.min(story.first, profile.day)
      story.last = story.last === null ? profile.day : Math.max(story.last, profile.day)
      story.days.splice(bisectLeft(story.days, profile.day), 0, profile.day)
    }
    for (const id of weights.keys()) {
      const pairs = postings[id] as Postings
      if (pairs[pairs.length - 2] === chosen) pairs[pairs.length - 1] = (pairs.at(-1) as number) + 1
      else pairs.push(chosen, 1)
    }
    for (const shingle of profile.quoteShingles) {
      const inStories = shingles.get(shingle)
      if (!inStories) shingles.set(shingle, new Map([[chosen, [at]]]))
      else {
        const list = inStories.get(chosen)
        if (list) list.push(at)
        else inStories.set(chosen, [at])
      }
    }
    // Its terms are in `weights` and its shingles indexed: a store of 10,000 articles
    // would otherwise hold each twice.
    doc.profile = { ...profile, terms: [], quoteShingles: [] }
    return story
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
      const doc = enter(profile)
      const { weights } = doc
      const squaredIdf = new Map<number, number>()
      for (const term of weights.keys()) squaredIdf.set(term, idf(term) ** 2)

      // Candidates: stories holding the article's rarer heavy terms, or one of its long quotes.
      const common = Math.max(MIN_COMMON, COMMON_SHARE * docs.length)
      const votes = new Map<number, number>()
      const lookups: Array<[term: string, weight: number, id: number]> = []
      for (const [id, w] of weights) {
        const frequency = df[id] as number
        if (frequency > 1 && frequency <= common)
          lookups.push([termNames[id] as string, w * Math.sqrt(squaredIdf.get(id) ?? 0), id])
      }
      lookups.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      lookups.length = Math.min(lookups.length, LOOKUP_TERMS)
      // A story's vote is the term's weight for each of its articles that carry it.
      for (const [, w, id] of lookups) {
        const pairs = postings[id] as Postings
        for (let i = 0; i < pairs.length; i += 2) {
          const story = pairs[i] as number
          votes.set(story, (votes.get(story) ?? 0) + w * (pairs[i + 1] as number))
        }
      }
      // A story that carries one of its long quotes comes first, whatever its words.
      const quoted = new Set<number>()
      for (const shingle of profile.quoteShingles)
        for (const story of shingles.get(shingle)?.keys() ?? []) quoted.add(story)
      for (const story of quoted) votes.set(story, (votes.get(story) ?? 0) + 1e6)
      const candidates = [...votes]
        .sort((a, b) => b[1] - a[1] || a[0] - b[0])
        .slice(0, MAX_CANDIDATES)
        .map(([story]) => story)

      let chosen = -1
      let chosenScore = 0
      let chosenQuote: { doc: number; shingle: string } | null = null
      for (const s of candidates) {
        const story = stories[s] as StoryState
        if (!fitsDates(story, profile.day)) continue
        const score = cosine(doc, squaredIdf, story)
        // A long quote shared with a member published near it is strong evidence.
        const quote = quoted.has(s) ? sharedQuote(profile, s) : null
        const passes = score >= threshold || (quote !== null && score >= quoteThreshold)
        if (passes && (score > chosenScore || chosen < 0)) {
          chosen = s
          chosenScore = score
          chosenQuote = quote
        }
      }

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
            const score = cosine(doc, squaredIdf, docs[d] as Doc)
            if (score > closestScore) {
              closest = d
              closestScore = score
            }
          }
        const other = (docs[closest] as Doc).weights
        const shared = [...weights]
          .filter(([term]) => other.has(term))
          .map(([term, w]): [string, number] => [
            termNames[term] as string,
            w * (other.get(term) ?? 0) * (squaredIdf.get(term) ?? 0),
          ])
          .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
          .slice(0, WHY_TERMS)
          .map(([term]) => term)
        member = {
          article: profile.article,
          closest: (docs[closest] as Doc).profile.article,
          score: Math.round(chosenScore * 1000) / 1000,
          sharedTerms: shared,
          sharedQuote: chosenQuote?.shingle ?? null,
        }
      }
      const story = join(doc, chosen, member)
      return { story: story.id, joined: story.docs.length > 1, member }
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
      join(doc, at, { ...member, sharedTerms: [...member.sharedTerms] })
    },
    stories() {
      return stories.map((story) => describeStory(story, docs, similarity))
    },
    story(id) {
      const story = stories.find((s) => s.id === id)
      return story && describeStory(story, docs, similarity)
    },
  }
  return index
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
  similarity: (a: Weighted, b: Weighted) => number,
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
