import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js'
import { z } from 'zod'
import type { ServerContext } from '../context.js'
import { pagedFrom } from '../results.js'
import { integer, pageFields, pageInputFields, READ_ONLY_TOOL } from '../schemas.js'

const source = z.object({
  id: z.string().describe('Article id, for get_article and the article filter of other tools.'),
  outlet: z.string().nullable(),
  title: z.string().nullable(),
  label: z
    .string()
    .describe(
      'How to name the article to a person: its title, else its lead sentence, clipped. Use it, and "unknown outlet" where outlet is null, rather than the id.',
    ),
  date: z
    .string()
    .nullable()
    .describe('Publication date, YYYY-MM-DD or ISO date-time, when known.'),
  quotes: integer().describe('Direct quotes found in the article (scare quotes and titles aside).'),
  disputes: integer().describe('Disputes the article takes part in.'),
  story: z
    .string()
    .describe('The story the article is in (list_stories): the articles that report one event.'),
})

/** `list_sources`: the articles of the corpus, paged. */
export function registerListSources(server: McpServer, context: ServerContext): void {
  server.registerTool(
    'list_sources',
    {
      title: 'List sources',
      description:
        'List the articles (sources) in the corpus with their id, outlet, title, date, story and how many quotes and disputes each has. Call this first to learn the article ids the other tools take.',
      inputSchema: pageInputFields,
      outputSchema: pageFields('sources', source, 'Articles in the corpus.'),
      annotations: READ_ONLY_TOOL,
    },
    async ({ limit, cursor }) =>
      pagedFrom('sources', (window) => context.reader.sources(window), limit, cursor),
  )
}
