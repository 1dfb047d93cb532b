import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js'
import { z } from 'zod'

/** `compare_coverage`: the order of tool calls that compares how outlets cover the story. */
export function registerCompareCoverage(server: McpServer): void {
  server.registerPrompt(
    'compare_coverage',
    {
      title: 'Compare coverage',
      description:
        'Compare how outlets cover the story: shared quotes and how each words them, facts they agree or conflict on, and what each outlet alone reports or leaves out.',
      argsSchema: {
        articles: z
          .string()
          .optional()
          .describe('Comma-separated article ids to compare (from list_sources); default all.'),
      },
    },
    ({ articles }) => {
      const chosen = articles?.trim()
      const text = [
        chosen
          ? `Compare how these articles in the Corroborate corpus cover the story: ${chosen}.`
          : 'Compare how the articles in the Corroborate corpus cover the story.',
        '1. Call list_sources to learn each article’s outlet, title and date.',
        chosen
          ? `2. Call compare_sources with articles "${chosen}".`
          : '2. Call compare_sources without arguments to compare all articles.',
        '3. For shared quotes whose variant is truncated, substituted or omitted-words, call get_quotes with that cluster to see every outlet’s exact wording; if compare_sources says truncated: true, follow its hint.',
        `4. Call list_disputed_claims${chosen ? ' with article for each chosen id' : ''} for the attribution and wording disputes behind the differences.`,
        '5. Call get_speakers to see whom each outlet quotes and how often.',
        'Then write a comparison: for each outlet, what it alone reports, what it leaves out that the others carry, whom it quotes, and how its wording of shared quotes differs (cut, changed or given to another speaker). Cite article ids and quote the exact words.',
      ].join('\n')
      return { messages: [{ role: 'user', content: { type: 'text', text } }] }
    },
  )
}
