import { SPEAKER_KINDS } from '@corroborate/core'
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js'
import { z } from 'zod'
import type { ServerContext } from '../context.js'
import { paged } from '../results.js'
import { integer, pageFields, pageInputFields, READ_ONLY_TOOL } from '../schemas.js'

const speaker = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(SPEAKER_KINDS),
  aliases: z.array(z.string()).describe('Every form the articles use.'),
  roles: z.array(z.string()),
  quotes: integer(),
  articles: z.array(z.object({ article: z.string(), quotes: integer() })),
})

/** `get_speakers`: canonical people and organizations, most quoted first, paged. */
export function registerGetSpeakers(server: McpServer, context: ServerContext): void {
  server.registerTool(
    'get_speakers',
    {
      title: 'Get speakers',
      description:
        'List the people and organizations quoted, one entry per speaker across outlets ("Rubio", "Secretary of State Marco Rubio" and "Mr. Rubio" are one), with aliases, roles and quotes per article; most quoted first. Ids and names go to get_quotes.',
      inputSchema: pageInputFields,
      outputSchema: pageFields('speakers', speaker),
      annotations: READ_ONLY_TOOL,
    },
    async ({ limit, cursor }) => {
      const all = (await context.reader.speakers())
        .map((s) => ({
          id: s.id,
          name: s.name,
          kind: s.kind,
          aliases: s.aliases,
          roles: s.roles,
          quotes: s.articles.reduce((sum, entry) => sum + entry.quotes, 0),
          articles: s.articles,
        }))
        .sort((a, b) => b.quotes - a.quotes || a.id.localeCompare(b.id))
      return paged('speakers', all, limit, cursor)
    },
  )
}
