import { CorroborateError } from '../errors.js'
import type { Story, StoryMember } from '../types.js'
import type { ArticleProfile } from './article-profile.js'
import { assignArticle } from './assign-article.js'
import { describeStory } from './describe-story.js'
import { enterArticle, isPacked } from './enter-article.js'
import { joinStory, startStory } from './join-story.js'
import { type PackedProfile, shingleKeys } from './packed-profile.js'
import { keysOf } from './shingle-index.js'
import { readSnapshotInSteps, writeSnapshot } from './snapshot.js'
import {
  createStoryIndexState,
  type Doc,
  internTerm,
  type Postings,
  type StoryIndexState,
} from './story-state.js'
import { clearQuery, loadQuery } from './term-cosine.js'

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

/** Creates an empty, incremental story index. */
export function createStoryIndex(options: StoryIndexOptions = {}): StoryIndex {
  return storyIndexOver(createStoryIndexState(options))
}

/** The index whose state is `state`: each method one step over it. */
function storyIndexOver(state: StoryIndexState): StoryIndex {
  return {
    get size() {
      return state.docs.length
    },
    storyOf(article) {
      const at = state.byArticle.get(article)
      return at === undefined ? undefined : state.stories[(state.docs[at] as Doc).story]?.id
    },
    add(profile) {
      return addArticle(state, profile)
    },
    place(profile, story, member) {
      placeArticle(state, profile, story, member)
    },
    stories() {
      return state.stories.map((story) => describeStory(state, story))
    },
    story(id) {
      const at = state.storyAt.get(id)
      const story = at === undefined ? undefined : state.stories[at]
      return story && describeStory(state, story)
    },
    snapshot() {
      return writeSnapshot(state)
    },
  }
}

function addArticle(state: StoryIndexState, profile: ArticleProfile): StoryAssignment {
  if (isPacked(profile))
    throw new CorroborateError(
      'INVALID_ARGUMENT',
      'add expects the profile from profileArticle: a packed profile has no quote text to name a shared quote by (place takes one)',
    )
  const doc = enterArticle(state, profile)
  loadQuery(state, doc)
  try {
    const keys = keysOf(shingleKeys(profile.quoteShingles))
    const { story, member } = assignArticle(state, doc, profile, keys)
    return { story: story.id, joined: story.docs.length > 1, member }
  } finally {
    clearQuery(state, doc)
  }
}

function placeArticle(
  state: StoryIndexState,
  profile: ArticleProfile | PackedProfile,
  storyId: string,
  member: StoryMember,
): void {
  if (!member || member.article !== profile?.article)
    throw new CorroborateError(
      'INVALID_ARGUMENT',
      `place expects the member of the profile's own article, got ${member ? `"${member.article}"` : String(member)}`,
    )
  const doc = enterArticle(state, profile)
  const at = state.storyAt.get(storyId) ?? startStory(state, storyId)
  const copy = { ...member, sharedTerms: [...member.sharedTerms] }
  const keys = keysOf(
    isPacked(profile)
      ? profile.shingleKeys
      : shingleKeys((profile as ArticleProfile).quoteShingles),
  )
  joinStory(state, doc, at, copy, keys)
}

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
  const state = createStoryIndexState(options)
  yield* loadSnapshotInSteps(state, bytes)
  return storyIndexOver(state)
}

/** Fills an empty index's state with a snapshot's, pausing as the snapshot's read does. */
function* loadSnapshotInSteps(
  state: StoryIndexState,
  bytes: Uint8Array,
): Generator<void, void, void> {
  const read = yield* readSnapshotInSteps(bytes)
  for (const [n, term] of read.termNames.entries()) {
    internTerm(state, term)
    if (n % 4096 === 4095) yield
  }
  for (let id = 0; id < read.df.length; id++) state.df[id] = read.df[id] as number
  for (let id = 0; id < read.postings.length; id++)
    state.postings[id] = read.postings[id] as Postings
  for (const [n, doc] of read.docs.entries()) {
    state.byArticle.set(doc.profile.article, n)
    state.docs.push(doc)
  }
  for (const story of read.stories) {
    state.storyAt.set(story.id, state.stories.length)
    state.stories.push(story)
  }
  for (const [key, entry] of read.shingles) state.shingles.set(key, entry)
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
