import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js'
import type { ServerContext } from '../context.js'
import { registerGetArticle } from './get-article.js'
import { registerGetQuotes } from './get-quotes.js'
import { registerListSources } from './list-sources.js'

/** Registers every tool of the server. */
export function registerTools(server: McpServer, context: ServerContext): void {
  registerListSources(server, context)
  registerGetArticle(server, context)
  registerGetQuotes(server, context)
}
