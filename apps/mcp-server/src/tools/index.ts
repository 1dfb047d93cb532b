import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js'
import type { ServerContext } from '../context.js'
import { registerAddArticle } from './add-article.js'
import { registerCompareSources } from './compare-sources.js'
import { registerGetArticle } from './get-article.js'
import { registerGetQuotes } from './get-quotes.js'
import { registerGetSpeakers } from './get-speakers.js'
import { registerListDisputedClaims } from './list-disputed-claims.js'
import { registerListSources } from './list-sources.js'
import { registerListStories } from './list-stories.js'
import { registerSearch } from './search.js'

/** Registers every tool of the server. */
export function registerTools(server: McpServer, context: ServerContext): void {
  registerListSources(server, context)
  registerListStories(server, context)
  registerGetArticle(server, context)
  registerGetQuotes(server, context)
  registerGetSpeakers(server, context)
  registerSearch(server, context)
  registerCompareSources(server, context)
  registerListDisputedClaims(server, context)
  registerAddArticle(server, context)
}
