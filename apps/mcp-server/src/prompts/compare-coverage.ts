import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js'
import { z } from 'zod'

/** `compare_coverage`: the order of tool calls that compares how outlets cover one story. */
export function registerCompareCoverage(server: McpServer): void {
  server.registerPrompt(
    'compare_coverage',
    {
      title: 'Compare coverage',
      description:
        'Compare how outlets cover one story (default the largest in the corpus): shared quotes and how each words them, facts they agree or conflict on, and what each outlet alone reports or leaves out.',
      argsSchema: {
        story: z
          .string()
          .optional()
          .describe('A story id from list_stories; default the largest story.'),
        articles: z
          .string()
          .optional()
          .describe(
            'Comma-separated article ids of one story to compare (from list_sources); default all of the story.',
          ),
      },
    },
    ({ story, articles }) => {
      const chosen = [
        ...new Set(
          (articles ?? '')
            .split(',')
            .map((id) => id.trim())
            .filter((id) => id !== ''),
        ),
      ]
      const storyId = story?.trim() || undefined
      const args = {
        ...(storyId === undefined ? {} : { story: storyId }),
        ...(chosen.length > 0 ? { articles: chosen } : {}),
      }
      const text = [
        chosen.length > 0
          ? `Compare how these articles in the Corroborate corpus cover their story: ${chosen.join(', ')}.`
          : storyId
            ? `Compare how the articles of story ${storyId} in the Corroborate corpus cover it.`
            : 'Compare how the articles in the Corroborate corpus cover one story.',
        storyId || chosen.length > 0
          ? '1. Call list_sources to learn each article’s outlet, title and date.'
          : '1. Call list_stories: the corpus may hold several stories (the articles that report one event). Take the largest unless the user asked about another, then call list_sources to learn each article’s outlet, title and date.',
        Object.keys(args).length > 0
          ? `2. Call compare_sources with ${JSON.stringify(args)}.`
          : '2. Call compare_sources with the story’s id as story (without arguments it compares the largest story and says which).',
        '3. For shared quotes whose variant is truncated, substituted or omitted-words, call get_quotes with that cluster to see every outlet’s exact wording; if compare_sources says truncated: true, follow its hint.',
        `4. Call list_disputed_claims with the story${chosen.length > 0 ? ' and with article for each chosen id' : ''} for the attribution and wording disputes behind the differences.`,
        '5. Call get_speakers to see whom each outlet quotes and how often.',
        'Then write a comparison: for each outlet, what it alone reports, what it leaves out that the others carry, whom it quotes, and how its wording of shared quotes differs (cut, changed or given to another speaker). Cite article ids and quote the exact words.',
      ].join('\n')
      return { messages: [{ role: 'user', content: { type: 'text', text } }] }
    },
  )
}
