import type { Article } from '@corroborate/core'
import { type McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js'
import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js'
import type { ServerContext } from '../context.js'

const MAX_COMPLETIONS = 100

/** The URI of an article's clean text; ids are percent-encoded. */
export const articleUri = (id: string) => `corroborate://articles/${encodeURIComponent(id)}`

const decode = (value: string | string[] | undefined) => {
  const text = Array.isArray(value) ? value.join(',') : (value ?? '')
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

// A client shows a person outlet and title (or lead) in its list of resources, never the id.

/** `corroborate://articles/{id}` (clean text) and `corroborate://articles/{id}/original` (as ingested). */
export function registerArticleResources(server: McpServer, context: ServerContext): void {
  const complete = {
    id: async (value: string) =>
      (await context.reader.ids()).filter((id) => id.startsWith(value)).slice(0, MAX_COMPLETIONS),
  }
  const find = async (uri: URL, value: string | string[] | undefined): Promise<Article> => {
    const id = decode(value)
    const article = await context.reader.get(id)
    if (!article)
      throw new McpError(
        ErrorCode.InvalidParams,
        `no article "${id}" (${uri.href}); list the resources or call list_sources for the ids`,
      )
    return article
  }

  server.registerResource(
    'article',
    new ResourceTemplate('corroborate://articles/{id}', {
      list: async () => {
        const { reader } = context
        const { items } = await reader.sources({ offset: 0, limit: await reader.count() })
        return {
          resources: items.map((source) => ({
            uri: articleUri(source.id),
            name: source.id,
            title: `${source.outlet ?? 'unknown outlet'}: ${source.label || source.id}`,
            description: `Clean body text of article ${source.id}${source.date ? `, published ${source.date}` : ''}.`,
            mimeType: 'text/plain',
          })),
        }
      },
      complete,
    }),
    {
      title: 'Article text',
      description:
        'The clean body text of one article: boilerplate, captions and bylines taken out, paragraphs separated by a blank line.',
      mimeType: 'text/plain',
    },
    async (uri, { id }) => ({
      contents: [{ uri: uri.href, mimeType: 'text/plain', text: (await find(uri, id)).text }],
    }),
  )

  server.registerResource(
    'article-original',
    new ResourceTemplate('corroborate://articles/{id}/original', { list: undefined, complete }),
    {
      title: 'Article original',
      description:
        'One article exactly as it was ingested: every span the tools give is a range of this text.',
      mimeType: 'text/plain',
    },
    async (uri, { id }) => {
      const article = await find(uri, id)
      return {
        contents: [
          {
            uri: uri.href,
            mimeType: article.format === 'markdown' ? 'text/markdown' : 'text/plain',
            text: article.original,
          },
        ],
      }
    },
  )
}
