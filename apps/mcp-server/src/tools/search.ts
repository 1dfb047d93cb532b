import { SEARCH_HIT_KINDS } from '@corroborate/core'
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js'
import { z } from 'zod'
import type { ServerContext } from '../context.js'
import { fail, pagedFrom } from '../results.js'
import { pageFields, pageInputFields, READ_ONLY_TOOL, spanSchema } from '../schemas.js'

/** `search`: words or a quoted phrase over the sentences, quotes and claims of every article. */
export function registerSearch(server: McpServer, context: ServerContext): void {
  server.registerTool(
    'search',
    {
      title: 'Search',
      description:
        'Find the sentences, direct quotes and factual claims holding every word of the query (case and accents aside) or a phrase in double quotes ("mega-prison"), each with its article and span: to locate a claim or a name before get_quotes, list_disputed_claims or get_article.',
      inputSchema: {
        query: z
          .string()
          .min(1)
          .max(500)
          .describe('Words that must all occur, e.g. prison fee, or "a phrase as written".'),
        ...pageInputFields,
      },
      outputSchema: pageFields(
        'hits',
        z.object({
          kind: z.enum(SEARCH_HIT_KINDS),
          article: z.string(),
          id: z.string().nullable().describe('The quote’s or claim’s id; null for a sentence.'),
          text: z.string(),
          span: spanSchema,
        }),
      ),
      annotations: READ_ONLY_TOOL,
    },
    async ({ query, limit, cursor }) => {
      if (query.replaceAll('"', '').trim() === '')
        return fail('the query has no words; give one or more words, or a phrase in double quotes')
      return pagedFrom(
        'hits',
        (window) => context.reader.search(query, window),
        limit,
        cursor,
        (h) => ({
          kind: h.kind,
          article: h.article,
          id: h.id,
          text: h.text,
          span: h.span,
        }),
      )
    },
  )
}
