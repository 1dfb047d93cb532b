import { articleLabel } from '@corroborate/core'
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js'
import { z } from 'zod'
import type { ServerContext } from '../context.js'
import { paged } from '../results.js'
import { cursorField, limitField, nextCursorField } from '../schemas.js'

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
  quotes: z
    .number()
    .int()
    .describe('Direct quotes found in the article (scare quotes and titles aside).'),
  disputes: z.number().int().describe('Disputes the article takes part in.'),
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
      inputSchema: { limit: limitField, cursor: cursorField },
      outputSchema: {
        sources: z.array(source),
        total: z.number().int().describe('Articles in the corpus.'),
        nextCursor: nextCursorField,
      },
      annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false },
    },
    async ({ limit, cursor }) => {
      const analysis = context.corpus.analysis()
      const quotes = new Map<string, number>()
      for (const quote of analysis.quotes)
        if (quote.kind !== 'term') quotes.set(quote.article, (quotes.get(quote.article) ?? 0) + 1)
      const disputes = new Map<string, number>()
      for (const dispute of analysis.disputes)
        for (const article of new Set(dispute.positions.map((p) => p.article)))
          disputes.set(article, (disputes.get(article) ?? 0) + 1)
      const all = context.corpus.articles.map((article) => ({
        id: article.id,
        outlet: article.outlet?.value ?? null,
        title: article.title?.value ?? null,
        label: articleLabel(article),
        date: article.published?.value ?? null,
        quotes: quotes.get(article.id) ?? 0,
        disputes: disputes.get(article.id) ?? 0,
        story: context.corpus.storyOf(article.id) ?? '',
      }))
      return paged('sources', all, limit, cursor)
    },
  )
}
