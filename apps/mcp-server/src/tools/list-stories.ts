import { type Story, textMatches } from '@corroborate/core'
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js'
import { z } from 'zod'
import type { ServerContext } from '../context.js'
import { decodeCursor } from '../paging.js'
import type { CorpusReader } from '../reader.js'
import { fail, paged } from '../results.js'
import { cursorField, integer, pageFields, READ_ONLY_TOOL } from '../schemas.js'
import { largestFirst } from '../stories.js'

// A page of stories stays well under the 25,000 characters a client takes, its JSON given twice.
const DEFAULT_STORIES = 10
const MAX_STORIES = 50
const MAX_ARTICLES = 4
const MAX_NAMES = 5
const LABEL_CHARS = 70
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a day as YYYY-MM-DD')
  .optional()

const story = z.object({
  id: z.string(),
  label: z.string().describe('Headline (or lead) of its central article.'),
  size: integer().describe('Articles in it.'),
  articles: z
    .array(z.object({ id: z.string(), label: z.string(), outlet: z.string().nullable() }))
    .describe(`The first ${MAX_ARTICLES}.`),
  outlets: z.array(z.string()).describe(`The first ${MAX_NAMES}.`),
  dates: z
    .object({ first: z.string().nullable(), last: z.string().nullable() })
    .describe('Publication days (YYYY-MM-DD).'),
  people: z.array(z.string()).describe('Quoted in most of its articles.'),
  places: z.array(z.string()).describe('Named in most of its articles.'),
  clusters: integer().describe('Statements two or more of its articles quote.'),
  disputes: integer(),
})

const DESCRIPTION =
  'List the stories, largest first: a story is the articles that report one event, and quotes, facts and disputes are compared within it. Each has its id, headline, first articles, outlets, dates, main people and places, and counts of shared statements and disputes. Filter by words, outlet, person or dates. Pass a story id to compare_sources, list_disputed_claims or get_quotes.'

const inputSchema = {
  query: z
    .string()
    .max(500)
    .optional()
    .describe('Words all in its label, people or places, e.g. "El Salvador prison".'),
  outlet: z.string().optional().describe('Part of an outlet’s name.'),
  person: z
    .string()
    .optional()
    .describe('A person or organization it quotes or names (any name, alias or role).'),
  from: day.describe('YYYY-MM-DD: an article on or after it (undated stories left out).'),
  to: day.describe('YYYY-MM-DD: an article on or before it (undated stories left out).'),
  limit: z
    .number()
    .int()
    .min(1)
    .max(MAX_STORIES)
    .optional()
    .describe(`Default ${DEFAULT_STORIES}.`),
  cursor: cursorField,
}

type StoryFilters = Pick<
  z.infer<z.ZodObject<typeof inputSchema>>,
  'query' | 'outlet' | 'person' | 'from' | 'to'
>

/** `list_stories`: the stories of the corpus (the articles that report one event), largest first, filtered and paged. */
export function registerListStories(server: McpServer, context: ServerContext): void {
  server.registerTool(
    'list_stories',
    {
      title: 'List stories',
      description: DESCRIPTION,
      inputSchema,
      outputSchema: pageFields('stories', story),
      annotations: READ_ONLY_TOOL,
    },
    async (filters) => {
      const { from, to, limit, cursor } = filters
      if (from !== undefined && to !== undefined && from > to)
        return fail(`from (${from}) is after to (${to}); give the earlier day as from`)
      const { reader } = context
      const matches = await storyFilter(filters, reader)
      const counts = await reader.storyCounts()
      const matching = largestFirst(await reader.stories()).filter(matches)
      // Labels only for the stories of this page (the most a page can hold), not for every story.
      const offset = cursor === undefined ? 0 : (decodeCursor(cursor) ?? 0)
      const shown = matching.slice(offset, offset + MAX_STORIES)
      const labels = await reader.labels(
        shown.flatMap((s) => s.articles.slice(0, MAX_ARTICLES)),
        LABEL_CHARS,
      )
      return paged('stories', matching, limit ?? DEFAULT_STORIES, cursor, (s) =>
        storyRow(s, labels, counts),
      )
    },
  )
}

/** Whether a story passes every filter given: words, outlet, person and dates. */
async function storyFilter(
  { query, outlet, person, from, to }: StoryFilters,
  reader: CorpusReader,
): Promise<(story: Story) => boolean> {
  const words = query?.split(/\s+/).filter((word) => word !== '') ?? []
  // A person matches by any of their names across the corpus, then by who a story quotes.
  let quotedIn: Set<string> | null = null
  if (person !== undefined && person.trim() !== '') quotedIn = await reader.quotedIn(person)
  return (s: Story) => {
    const text = [s.label, ...s.people, ...s.places].join('\n')
    if (!words.every((word) => textMatches(text, word))) return false
    if (outlet !== undefined && !s.outlets.some((name) => textMatches(name, outlet))) return false
    if (
      quotedIn !== null &&
      !s.people.some((name) => textMatches(name, person ?? '')) &&
      !s.articles.some((id) => quotedIn?.has(id))
    )
      return false
    if (from !== undefined && (s.dates.last === null || s.dates.last < from)) return false
    if (to !== undefined && (s.dates.first === null || s.dates.first > to)) return false
    return true
  }
}

/** One story as the page lists it: its first articles, names and dates cut to a few. */
function storyRow(
  s: Story,
  labels: Awaited<ReturnType<CorpusReader['labels']>>,
  counts: Awaited<ReturnType<CorpusReader['storyCounts']>>,
) {
  return {
    id: s.id,
    label: s.label,
    size: s.articles.length,
    articles: s.articles.slice(0, MAX_ARTICLES).map((id) => ({
      id,
      label: labels.get(id)?.label || id,
      outlet: labels.get(id)?.outlet ?? null,
    })),
    outlets: s.outlets.slice(0, MAX_NAMES),
    dates: s.dates,
    people: s.people.slice(0, MAX_NAMES),
    places: s.places.slice(0, MAX_NAMES),
    clusters: counts.get(s.id)?.clusters ?? 0,
    disputes: counts.get(s.id)?.disputes ?? 0,
  }
}
