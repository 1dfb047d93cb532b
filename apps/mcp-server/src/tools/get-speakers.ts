import { SPEAKER_KINDS } from '@corroborate/core'
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js'
import { z } from 'zod'
import type { ServerContext } from '../context.js'
import { paged } from '../results.js'
import { integer, pageFields, pageInputFields, READ_ONLY_TOOL } from '../schemas.js'

const speaker = z.object({
  id: z.string().describe('Speaker id, for the speaker filter of get_quotes.'),
  name: z.string().describe('Canonical name.'),
  kind: z.enum(SPEAKER_KINDS),
  aliases: z.array(z.string()).describe('Every form the articles use, the name included.'),
  roles: z.array(z.string()).describe('Titles and roles seen beside the name.'),
  quotes: integer().describe('Quotes attributed to this speaker over all articles.'),
  articles: z
    .array(z.object({ article: z.string(), quotes: integer() }))
    .describe('Quotes attributed to the speaker in each article that quotes them.'),
})

/** `get_speakers`: canonical people and organizations, most quoted first, paged. */
export function registerGetSpeakers(server: McpServer, context: ServerContext): void {
  server.registerTool(
    'get_speakers',
    {
      title: 'Get speakers',
      description:
        'List the people and organizations quoted in the corpus, one entry per real speaker across outlets (e.g. "Rubio", "Secretary of State Marco Rubio" and "Mr. Rubio" are one), with every alias and role and how many quotes each article gives them; most quoted first. Use it to learn who speaks in the story and the ids or names for get_quotes.',
      inputSchema: pageInputFields,
      outputSchema: pageFields('speakers', speaker, 'Speakers in the corpus.'),
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
