import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js'
import type { ServerContext } from '../context.js'
import { largestFirst } from '../stories.js'
import { corpusSummary } from './corpus-summary.js'

export const CORPUS_URI = 'corroborate://corpus'

/** `corroborate://corpus`: a JSON summary of the corpus and its articles. */
export function registerCorpusResource(server: McpServer, context: ServerContext): void {
  server.registerResource(
    'corpus',
    CORPUS_URI,
    {
      title: 'Corpus summary',
      description:
        'JSON: how many articles, stories, quotes, speakers, shared quote clusters and disputes (by kind) the corpus holds, each story’s id, label and article count (storiesBySize, largest first), and each article’s id, outlet, title, date and story.',
      mimeType: 'application/json',
    },
    async (uri) => {
      const { reader } = context
      const count = await reader.count()
      const summary = {
        ...(await corpusSummary(reader)),
        storiesBySize: largestFirst(await reader.stories()).map((story) => ({
          id: story.id,
          label: story.label,
          articles: story.articles.length,
        })),
        sources: (await reader.sources({ offset: 0, limit: count })).items.map((source) => ({
          id: source.id,
          outlet: source.outlet,
          title: source.title,
          date: source.date,
          story: source.story || null,
        })),
      }
      return {
        contents: [
          { uri: uri.href, mimeType: 'application/json', text: JSON.stringify(summary, null, 2) },
        ],
      }
    },
  )
}
