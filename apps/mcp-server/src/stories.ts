import type { Story } from '@corroborate/core'
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js'
import { z } from 'zod'
import type { CorpusReader } from './reader.js'
import { fail } from './results.js'

/** The `story` input field of the tools that read one story. */
export const storyField = z
  .string()
  .optional()
  .describe('A story id from list_stories; default every story.')

/** An unknown story id, as a failure that says how to find the ids. */
export const unknownStory = (id: string): CallToolResult =>
  fail(`no story "${id}"; call list_stories for the ids of the stories in the corpus`)

/**
 * The failure to return for a filter that names an article or a story the
 * corpus does not hold, saying where the ids are; null when each one given is known.
 */
export async function unknownScope(
  reader: CorpusReader,
  { story, article }: { story: string | undefined; article: string | undefined },
): Promise<CallToolResult | null> {
  if (article !== undefined && (await reader.storyOf(article)) === undefined)
    return fail(
      `no article "${article}"; call list_sources for the ids of the articles in the corpus`,
    )
  const chosen = story === undefined ? undefined : await findStory(reader, story)
  return chosen !== undefined && !isStory(chosen) ? chosen : null
}

/** The story with this id, or the failure to return when there is none. */
export async function findStory(reader: CorpusReader, id: string): Promise<Story | CallToolResult> {
  return (await reader.stories()).find((story) => story.id === id) ?? unknownStory(id)
}

export const isStory = (value: Story | CallToolResult): value is Story =>
  typeof (value as Story).id === 'string' && Array.isArray((value as Story).articles)

/** Stories, largest first (most articles, then most outlets), ties in the order they started. */
export function largestFirst(stories: readonly Story[]): Story[] {
  return [...stories].sort(
    (a, b) => b.articles.length - a.articles.length || b.outlets.length - a.outlets.length,
  )
}
