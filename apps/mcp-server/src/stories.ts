import type { Corpus, CrossReference, Dispute, Story } from '@corroborate/core'
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js'
import { z } from 'zod'
import { fail } from './results.js'

/** The `story` input field of the tools that read one story. */
export const storyField = z
  .string()
  .optional()
  .describe(
    'Only this story: a story id (st-…) from list_stories. Default: every story of the corpus.',
  )

/** An unknown story id, as a failure that says how to find the ids. */
export const unknownStory = (id: string): CallToolResult =>
  fail(`no story "${id}"; call list_stories for the ids of the stories in the corpus`)

/** The story with this id, or the failure to return when there is none. */
export function findStory(corpus: Corpus, id: string): Story | CallToolResult {
  return corpus.stories().find((story) => story.id === id) ?? unknownStory(id)
}

export const isStory = (value: Story | CallToolResult): value is Story =>
  typeof (value as Story).id === 'string' && Array.isArray((value as Story).articles)

/**
 * Whether a dispute concerns a story: it is in it, or one of its positions is
 * (an attribution across stories concerns both).
 */
export function disputeInStory(dispute: Dispute, story: Story, members: ReadonlySet<string>) {
  return dispute.story === story.id || dispute.positions.some((p) => members.has(p.article))
}

/** Stories, largest first (most articles, then most outlets), ties in the order they started. */
export function largestFirst(stories: readonly Story[]): Story[] {
  return [...stories].sort(
    (a, b) => b.articles.length - a.articles.length || b.outlets.length - a.outlets.length,
  )
}

/** How many shared statements (clusters of two or more articles) and disputes each story holds. */
export function storyCounts(
  analysis: CrossReference,
): Map<string, { clusters: number; disputes: number }> {
  const counts = new Map(analysis.stories.map((s) => [s.id, { clusters: 0, disputes: 0 }]))
  const storyOf = new Map<string, string>()
  for (const story of analysis.stories) for (const id of story.articles) storyOf.set(id, story.id)
  for (const cluster of analysis.clusters) {
    const entry = cluster.story === undefined ? undefined : counts.get(cluster.story)
    if (entry && cluster.articles.length >= 2) entry.clusters++
  }
  for (const dispute of analysis.disputes) {
    const stories = new Set(dispute.positions.map((p) => storyOf.get(p.article)))
    if (dispute.story !== undefined) stories.add(dispute.story)
    for (const id of stories) {
      const entry = id === undefined ? undefined : counts.get(id)
      if (entry) entry.disputes++
    }
  }
  return counts
}
