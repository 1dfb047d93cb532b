import { type Article, articleLabel } from '@corroborate/core'
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

// What a client shows a person in its list of resources: outlet and title (or lead), never the id.
const label = (article: Article) =>
  `${article.outlet?.value ?? 'unknown outlet'}: ${articleLabel(article) || article.id}`

/** `corroborate://articles/{id}` (clean text) and `corroborate://articles/{id}/original` (as ingested). */
export function registerArticleResources(server: McpServer, context: ServerContext): void {
  const complete = {
    id: (value: string) =>
      context.corpus.articles
        .map((a) => a.id)
        .filter((id) => id.startsWith(value))
        .slice(0, MAX_COMPLETIONS),
  }
  const find = (uri: URL, value: string | string[] | undefined): Article => {
    const id = decode(value)
    const article = context.corpus.get(id)
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
      list: () => ({
        resources: context.corpus.articles.map((article) => ({
          uri: articleUri(article.id),
          name: article.id,
          title: label(article),
          description: `Clean body text of article ${article.id}${article.published ? `, published ${article.published.value}` : ''}.`,
          mimeType: 'text/plain',
        })),
      }),
      complete,
    }),
    {
      title: 'Article text',
      description:
        'The clean body text of one article: boilerplate, captions and bylines taken out, paragraphs separated by a blank line.',
      mimeType: 'text/plain',
    },
    (uri, { id }) => ({
      contents: [{ uri: uri.href, mimeType: 'text/plain', text: find(uri, id).text }],
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
    (uri, { id }) => {
      const article = find(uri, id)
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
