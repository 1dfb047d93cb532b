import { type ArticleMetadataInput, isCorroborateError, normalizeArticle } from '@corroborate/core'
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js'
import { z } from 'zod'
import type { ServerContext } from '../context.js'
import { corpusSummary, corpusSummarySchema } from '../resources/corpus-summary.js'
import { fail, ok } from '../results.js'

// Web pages carry their markup and inline scripts: room for the largest real ones.
const MAX_CONTENT = 8_000_000
const STEPS = 3

/** `add_article`: one more report into the corpus, cross-referenced with the rest. */
export function registerAddArticle(server: McpServer, context: ServerContext): void {
  server.registerTool(
    'add_article',
    {
      title: 'Add article',
      description:
        'Add a news article (plain text, Markdown, or a whole HTML web page) to the corpus so that its quotes, speakers and claims are cross-referenced with the other articles; disputes and clusters are recomputed. For format html the article body is extracted from the page (navigation, ads, related links, comments left out) and title, author, date and outlet are read from the page’s own metadata. Metadata you give (title, outlet, url, published, author) wins over what the content says. Returns the new article id, the story it joined (the articles that report the same event) or started, and the corpus counts. Refuses empty content, an id already in use and an article whose text is already in the corpus.',
      inputSchema: {
        content: z
          .string()
          .max(MAX_CONTENT)
          .describe(
            'The article as scraped: plain text, Markdown with format markdown, or the page’s HTML source with format html.',
          ),
        format: z
          .enum(['text', 'html', 'markdown'])
          .optional()
          .describe('How content is written: text (default), markdown or html.'),
        id: z
          .string()
          .regex(/^[\w.-]{1,100}$/)
          .optional()
          .describe(
            'Id for the new article: letters, digits, "_", "-", "."; default a hash of the content.',
          ),
        title: z.string().optional().describe('Headline.'),
        outlet: z.string().optional().describe('Publisher, e.g. "The New York Sun".'),
        url: z.string().optional().describe('Where the article was published.'),
        published: z
          .string()
          .optional()
          .describe('Publication date, ISO 8601 (2025-02-04) or an English date.'),
        author: z.string().optional().describe('Byline.'),
      },
      outputSchema: {
        id: z.string().describe('The new article’s id, for get_article and the other tools.'),
        title: z.string().nullable(),
        outlet: z.string().nullable(),
        published: z.string().nullable(),
        paragraphs: z.number().int(),
        quotes: z.number().int().describe('Direct quotes found in the new article.'),
        messages: z
          .array(z.string())
          .describe('Problems found in the article (unparsed date, unclosed quote…).'),
        story: z
          .object({
            id: z.string().describe('Story id, for the story argument of other tools.'),
            label: z.string().describe('The story’s headline.'),
            articles: z.number().int().describe('How many articles the story now holds.'),
            joined: z
              .boolean()
              .describe('True when the article joined a story; false when it started a new one.'),
          })
          .describe('The story the article is in: the articles that report the same event.'),
        corpus: corpusSummarySchema.describe('The whole corpus after the addition.'),
      },
      annotations: {
        readOnlyHint: false,
        destructiveHint: false,
        idempotentHint: false,
        openWorldHint: false,
      },
    },
    async ({ content, format = 'text', id, title, outlet, url, published, author }, extra) => {
      const { corpus } = context
      const progressToken = extra._meta?.progressToken
      const progress = async (done: number, message: string) => {
        if (progressToken === undefined) return
        await extra.sendNotification({
          method: 'notifications/progress',
          params: { progressToken, progress: done, total: STEPS, message },
        })
      }
      const cancelled = () =>
        fail('add_article was cancelled; nothing was added. Call it again to add the article.')

      if (content.trim() === '')
        return fail('content is empty; pass the article’s text (plain text, Markdown or HTML)')
      if (id !== undefined && corpus.get(id))
        return fail(
          `the corpus already has an article "${id}"; choose another id or leave id out to derive one from the content (list_sources shows the ids in use)`,
        )

      await progress(0, 'reading the article')
      const metadata: ArticleMetadataInput = {}
      if (title !== undefined) metadata.title = title
      if (outlet !== undefined) metadata.outlet = outlet
      if (url !== undefined) metadata.url = url
      if (published !== undefined) metadata.published = published
      if (author !== undefined) metadata.author = author
      let article: ReturnType<typeof normalizeArticle>
      try {
        article = normalizeArticle({
          content,
          format,
          metadata,
          ...(id === undefined ? {} : { id }),
        })
      } catch (error) {
        if (isCorroborateError(error))
          return fail(`the article could not be read: ${error.message}`)
        throw error
      }
      if (article.paragraphs.length === 0)
        return fail(
          `the article has no body text (${article.messages.find((m) => m.fatal)?.message ?? 'nothing was left after removing boilerplate'}); ${format === 'html' ? 'pass the HTML of an article page, or the story’s text with format text' : 'pass the story’s text'}`,
        )
      const same = corpus.articles.find((a) => a.text === article.text)
      if (same)
        return fail(
          `article "${same.id}" already has this text; nothing was added. Use get_article with id "${same.id}" to read it`,
        )
      if (corpus.get(article.id))
        return fail(
          `the corpus already has an article "${article.id}"; pass another id to add this one`,
        )

      await progress(1, 'adding the article')
      if (extra.signal.aborted) return cancelled()
      try {
        corpus.add(article)
      } catch (error) {
        if (isCorroborateError(error)) return fail(`the article was not added: ${error.message}`)
        throw error
      }
      context.log(`corroborate-mcp: added article ${article.id}`)

      await progress(2, 'cross-referencing the corpus')
      const summary = corpusSummary(corpus)
      const quotes = corpus
        .analysis()
        .quotes.filter((q) => q.article === article.id && q.kind !== 'term').length
      const storyId = corpus.storyOf(article.id)
      const story = corpus.stories().find((s) => s.id === storyId)
      await progress(3, 'done')
      server.sendResourceListChanged()
      return ok({
        id: article.id,
        title: article.title?.value ?? null,
        outlet: article.outlet?.value ?? null,
        published: article.published?.value ?? null,
        paragraphs: article.paragraphs.length,
        quotes,
        messages: article.messages
          .filter((m) => m.severity !== 'info' && m.code !== 'boilerplate-removed')
          .map((m) => m.message),
        story: {
          id: story?.id ?? '',
          label: story?.label ?? '',
          articles: story?.articles.length ?? 1,
          joined: (story?.articles.length ?? 1) > 1,
        },
        corpus: summary,
      })
    },
  )
}
