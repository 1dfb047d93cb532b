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
    (uri) => {
      const summary = {
        ...corpusSummary(context.corpus),
        storiesBySize: largestFirst(context.corpus.stories()).map((story) => ({
          id: story.id,
          label: story.label,
          articles: story.articles.length,
        })),
        sources: context.corpus.articles.map((article) => ({
          id: article.id,
          outlet: article.outlet?.value ?? null,
          title: article.title?.value ?? null,
          date: article.published?.value ?? null,
          story: context.corpus.storyOf(article.id) ?? null,
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
