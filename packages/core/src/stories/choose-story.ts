import { bisectLeft } from '../sorted.js'
import type { ArticleProfile } from './article-profile.js'
import type { Candidates } from './gather-candidates.js'
import { articlesOf } from './shingle-index.js'
import type { Doc, ShingleEntry, StoryIndexState, StoryState } from './story-state.js'
import { storyCosine } from './term-cosine.js'

/** The story an article joins, its score, and the quote it shares with a member, if any. */
export interface ChosenStory {
  /** A story number; -1 when no candidate passes and the article starts a story. */
  story: number
  score: number
  quote: SharedQuote | null
}

/** A long quote shared with a member: the member's document number and the quote's shingle. */
export interface SharedQuote {
  doc: number
  shingle: string
}

/**
 * The candidate the query `doc` is most similar to among those within its dates and
 * above the threshold (the lower one for a story it shares a long quote with), the
 * first of equals in candidate order.
 */
export function chooseStory(
  state: StoryIndexState,
  doc: Doc,
  profile: ArticleProfile,
  candidates: Candidates,
): ChosenStory {
  const { threshold, quoteThreshold } = state.settings
  const { isQuoted } = state.byStory
  const chosen: ChosenStory = { story: -1, score: 0, quote: null }
  for (const s of candidates.stories) {
    const story = state.stories[s] as StoryState
    if (!fitsDates(state, story, profile.day)) continue
    const score = storyCosine(state, doc, story)
    // A long quote shared with a member published near it is strong evidence.
    const quote = isQuoted[s] ? sharedQuote(state, profile, candidates.found, s) : null
    const passes = score >= threshold || (quote !== null && score >= quoteThreshold)
    if (passes && (score > chosen.score || chosen.story < 0)) {
      chosen.story = s
      chosen.score = score
      chosen.quote = quote
    }
  }
  return chosen
}

/** Whether an article of this day may join the story: near a dated member, within its longest span. */
export function fitsDates(state: StoryIndexState, story: StoryState, day: number | null): boolean {
  if (day === null || story.first === null || story.last === null) return true
  const { linkDays, maxSpanDays } = state.settings
  if (Math.max(story.last, day) - Math.min(story.first, day) > maxSpanDays) return false
  return nearestDay(story, day) <= linkDays
}

// The story's dated members' days are kept sorted: the nearest is found by bisection.
function nearestDay(story: StoryState, day: number): number {
  const at = bisectLeft(story.days, day)
  const after = story.days[at]
  const before = story.days[at - 1]
  return Math.min(
    after === undefined ? Number.POSITIVE_INFINITY : after - day,
    before === undefined ? Number.POSITIVE_INFINITY : day - before,
  )
}

/** The first member of story `s` (by shingle, then by add) that shares a long quote and a near day. */
function sharedQuote(
  state: StoryIndexState,
  profile: ArticleProfile,
  found: readonly (ShingleEntry | null)[],
  s: number,
): SharedQuote | null {
  const { linkDays } = state.settings
  for (let k = 0; k < found.length; k++) {
    const entry = found[k]
    for (const d of (entry && articlesOf(entry, s)) ?? []) {
      const day = (state.docs[d] as Doc).profile.day
      if (profile.day !== null && day !== null && Math.abs(day - profile.day) > linkDays) continue
      return { doc: d, shingle: profile.quoteShingles[k] as string }
    }
  }
  return null
}
