import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js'
import { z } from 'zod'
import type { ServerContext } from '../context.js'
import { pagedFrom } from '../results.js'
import { integer, pageFields, pageInputFields, READ_ONLY_TOOL } from '../schemas.js'

const source = z.object({
  id: z.string(),
  outlet: z.string().nullable(),
  title: z.string().nullable(),
  label: z
    .string()
    .describe(
      'How to name the article to a person (title, else lead sentence), rather than the id; say "unknown outlet" where outlet is null.',
    ),
  date: z.string().nullable().describe('YYYY-MM-DD or ISO date-time.'),
  quotes: integer().describe('Direct quotes (scare quotes and titles aside).'),
  disputes: integer(),
  story: z.string().describe('Story id (list_stories).'),
})

/** `list_sources`: the articles of the corpus, paged. */
export function registerListSources(server: McpServer, context: ServerContext): void {
  server.registerTool(
    'list_sources',
    {
      title: 'List sources',
      description:
        'List the articles (sources) with their id, outlet, title, date, story, and counts of quotes and disputes. Call it first for the article ids the other tools take.',
      inputSchema: pageInputFields,
      outputSchema: pageFields('sources', source),
      annotations: READ_ONLY_TOOL,
    },
    async ({ limit, cursor }) =>
      pagedFrom('sources', (window) => context.reader.sources(window), limit, cursor),
  )
}
