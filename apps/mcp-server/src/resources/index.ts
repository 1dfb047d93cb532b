import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js'
import type { ServerContext } from '../context.js'
import { registerArticleResources } from './articles.js'
import { registerCorpusResource } from './corpus.js'

/** Registers every resource and resource template of the server. */
export function registerResources(server: McpServer, context: ServerContext): void {
  registerCorpusResource(server, context)
  registerArticleResources(server, context)
}
