import { readFileSync } from 'node:fs'
import type { Corpus } from '@corroborate/core'
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js'
import { type ArticleStore, createInlineStore } from './article-store.js'
import type { ServerContext } from './context.js'
import { registerPrompts } from './prompts/index.js'
import { registerResources } from './resources/index.js'
import { registerTools } from './tools/index.js'

export {
  type AddArticleInput,
  type AddOptions,
  type AddOutcome,
  type ArticleStore,
  createInlineStore,
  createWorkerStore,
  type WorkerStoreOptions,
} from './article-store.js'
export type { ServerContext } from './context.js'
export type { CorpusReader } from './reader.js'
export { createStoredArticles, type StoredArticlesOptions } from './stored-articles.js'

/** Options of {@link createServer}. */
export interface CreateServerOptions {
  /** Where log lines go; stderr by default, never stdout (it carries the protocol). */
  log?: (line: string) => void
}

export const SERVER_NAME = 'corroborate'
/** The version of the package, read from its package.json (beside dist/ and src/). */
export const SERVER_VERSION: string = String(
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version,
)

const isStore = (source: Corpus | ArticleStore): source is ArticleStore =>
  'settled' in source && typeof source.settled === 'function'

/**
 * An MCP server over a corpus, or over an article store (several servers over
 * one store share its articles and its one queue of adds): tools, resources and
 * prompts, no transport yet. A bare corpus gets an inline store, which analyses
 * added articles on the calling thread.
 */
export function createServer(
  source: Corpus | ArticleStore,
  options: CreateServerOptions = {},
): McpServer {
  const store = isStore(source) ? source : createInlineStore(source)
  const server = new McpServer(
    { name: SERVER_NAME, version: SERVER_VERSION },
    {
      instructions:
        'Corroborate answers who said what across several news reports of one story, in which words each outlet quotes it, and where the outlets disagree. The corpus may hold several stories (the articles that report one event); quotes, facts and disputes are compared within a story. Start with list_stories and list_sources, and pass a story id to compare_sources, list_disputed_claims and get_quotes; every answer points to its evidence by article id and character span in the original text.',
    },
  )
  const context: ServerContext = {
    get reader() {
      return store.reader
    },
    store,
    log: options.log ?? ((line) => process.stderr.write(`${line}\n`)),
  }
  registerTools(server, context)
  registerResources(server, context)
  registerPrompts(server)
  return server
}
