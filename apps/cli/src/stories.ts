import type { CrossReference, Story } from '@corroborate/core'
import { countPerStory } from '@corroborate/store'

/** One story as the report lists it. */
export interface StoryRow {
  id: string
  /** The story's headline (or lead sentence). */
  label: string
  /** Ids of its articles, in the order they joined it. */
  articles: string[]
  outlets: string[]
  /** First and last publication day, `YYYY-MM-DD`; null when no article is dated. */
  first: string | null
  last: string | null
  people: string[]
  /** Statements two or more of its articles quote. */
  clusters: number
  disputes: number
  /** True for the story this report is about. */
  reported: boolean
}

/** Stories, largest first (most articles, then most outlets), ties in the order they started. */
export function largestFirst(stories: readonly Story[]): Story[] {
  return [...stories].sort(
    (a, b) => b.articles.length - a.articles.length || b.outlets.length - a.outlets.length,
  )
}

/** The story with this id, the largest when `id` is null, or undefined when there is no such story. */
export function chooseStory(corpus: CrossReference, id: string | null): Story | undefined {
  if (id === null) return largestFirst(corpus.stories)[0]
  return corpus.stories.find((story) => story.id === id)
}

/** Each story of the corpus as a row, largest first, with its counts of shared statements and disputes. */
export function storyRows(corpus: CrossReference, reported: string | null): StoryRow[] {
  const counts = countPerStory(corpus)
  return largestFirst(corpus.stories).map((story) => ({
    id: story.id,
    label: story.label,
    articles: [...story.articles],
    outlets: [...story.outlets],
    first: story.dates.first,
    last: story.dates.last,
    people: [...story.people],
    clusters: counts.get(story.id)?.clusters ?? 0,
    disputes: counts.get(story.id)?.disputes ?? 0,
    reported: story.id === reported,
  }))
}

/**
 * The cross-reference of one story: its articles, their quotes and claims,
 * and the clusters, slots, disputes, agreements and coverage within it (an
 * attribution dispute across stories is kept when one of its positions is in
 * the story). Ids stay those of the whole corpus.
 */
export function storyCrossReference(corpus: CrossReference, story: Story): CrossReference {
  const members = new Set(story.articles)
  const inStory = (item: { story?: string }) => item.story === story.id
  const quotes = corpus.quotes.filter((q) => members.has(q.article))
  const quoted = new Set(quotes.flatMap((q) => (q.speaker ? [q.speaker.id] : [])))
  return {
    articles: corpus.articles.filter((id) => members.has(id)),
    stories: [story],
    speakers: corpus.speakers.filter((s) => quoted.has(s.id)),
    quotes,
    claims: corpus.claims.filter((c) => members.has(c.article)),
    clusters: corpus.clusters.filter(inStory),
    slots: corpus.slots.filter(inStory),
    agreements: corpus.agreements.filter(inStory),
    updates: corpus.updates.filter(inStory),
    disputes: corpus.disputes.filter(
      (d) => inStory(d) || d.positions.some((p) => members.has(p.article)),
    ),
    coverage: corpus.coverage.filter((c) => members.has(c.article)),
    messages: corpus.messages.filter((m) => members.has(m.article)),
  }
}
