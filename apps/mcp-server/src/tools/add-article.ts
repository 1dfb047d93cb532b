import { ARTICLE_FORMATS, type ArticleMetadataInput } from '@corroborate/core'
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js'
import type { RequestHandlerExtra } from '@modelcontextprotocol/sdk/shared/protocol.js'
import type { ServerNotification, ServerRequest } from '@modelcontextprotocol/sdk/types.js'
import { z } from 'zod'
import type { AddArticleInput, AddOutcome } from '../article-store.js'
import type { ServerContext } from '../context.js'
import { DEFAULT_ANALYSIS_BUDGET_MS, MAX_MESSAGE_BYTES, METADATA_LIMITS } from '../limits.js'
import type { CorpusReader } from '../reader.js'
import { corpusSummary, corpusSummarySchema } from '../resources/corpus-summary.js'
import { fail, ok } from '../results.js'
import { integer } from '../schemas.js'

// Web pages carry their markup and inline scripts: room for the largest real ones.
const MAX_CONTENT = 8_000_000
const STEPS = 3

const DESCRIPTION = `Add a news article (plain text, Markdown, or a whole HTML page, from which body, title, author, date and outlet are read) to the corpus, its quotes, speakers and claims cross-referenced with the other articles; metadata you give wins. Returns the new id, the story it joined or started, and the corpus counts. Refuses empty content, text with no words, an id in use, a text already in the corpus, and an analysis over the server's time limit (${DEFAULT_ANALYSIS_BUDGET_MS / 1000} s by default). Content up to ${MAX_CONTENT.toLocaleString('en-US')} characters, the request up to ${MAX_MESSAGE_BYTES / 1024 / 1024} MiB of UTF-8 JSON (fewer characters of non-ASCII text or escaped markup): pass only the article's part of a larger page.`

const inputSchema = {
  content: z
    .string()
    .max(MAX_CONTENT)
    .describe('The article as scraped, or the page’s HTML source with format html.'),
  format: z.enum(ARTICLE_FORMATS).optional().describe('Default text.'),
  id: z
    .string()
    .regex(/^[\w.-]{1,100}$/, 'an id is 1 to 100 letters, digits, "_", "-" or "."')
    .refine((value) => value !== '.' && value !== '..', 'an id cannot be "." or ".."')
    .optional()
    .describe('Default a hash of the content.'),
  title: z.string().max(METADATA_LIMITS.title).optional().describe('Headline.'),
  outlet: z.string().max(METADATA_LIMITS.outlet).optional().describe('e.g. "The New York Sun".'),
  url: z.string().max(METADATA_LIMITS.url).optional().describe('Where it was published.'),
  published: z
    .string()
    .max(METADATA_LIMITS.published)
    .optional()
    .describe('ISO 8601 (2025-02-04) or an English date.'),
  author: z.string().max(METADATA_LIMITS.author).optional().describe('Byline.'),
}

const outputSchema = {
  id: z.string(),
  title: z.string().nullable(),
  outlet: z.string().nullable(),
  published: z.string().nullable(),
  paragraphs: integer(),
  quotes: integer(),
  messages: z.array(z.string()).describe('Problems found (unparsed date, unclosed quote…).'),
  story: z.object({
    id: z.string(),
    label: z.string(),
    articles: integer(),
    joined: z.boolean().describe('False when it started a new story.'),
    pending: z
      .literal(true)
      .optional()
      .describe(
        'The story is too large to wait for: its clusters and disputes (and the corpus counts) catch up once adds pause or the story is read.',
      ),
  }),
  corpus: corpusSummarySchema.describe('After the addition.'),
}

type AddArticleArgs = z.infer<z.ZodObject<typeof inputSchema>>
type ToolExtra = RequestHandlerExtra<ServerRequest, ServerNotification>

/** `add_article`: one more report into the corpus, cross-referenced with the rest. */
export function registerAddArticle(server: McpServer, context: ServerContext): void {
  server.registerTool(
    'add_article',
    {
      title: 'Add article',
      description: DESCRIPTION,
      inputSchema,
      outputSchema,
      annotations: {
        readOnlyHint: false,
        destructiveHint: false,
        idempotentHint: false,
        openWorldHint: false,
      },
    },
    async (args, extra) => {
      const progress = progressNotices(extra)
      // In the queue before any await, so that a call sent after this one sees the article;
      // the store checks and adds in one step once the progress notices are out.
      const notices = (async () => {
        await progress(0, 'reading the article')
        await progress(1, 'analysing and adding the article')
      })()
      const outcome = await context.store.add(addInput(args), {
        signal: extra.signal,
        after: notices.catch(() => {}),
      })
      if ('refused' in outcome) return fail(outcome.refused)
      context.log(`corroborate-mcp: added article ${outcome.article.id}`)
      await progress(2, 'cross-referencing the corpus')
      const answer = await describeAddition(outcome, context.reader)
      await progress(3, 'done')
      server.sendResourceListChanged()
      return ok(answer)
    },
  )
}

/** Sends progress notices of the {@link STEPS} steps, to a client that asked for them only. */
function progressNotices(extra: ToolExtra) {
  const progressToken = extra._meta?.progressToken
  return async (done: number, message: string) => {
    if (progressToken === undefined) return
    await extra.sendNotification({
      method: 'notifications/progress',
      params: { progressToken, progress: done, total: STEPS, message },
    })
  }
}

/** The store's input: the metadata the caller gave, and no key for what they left out. */
function addInput({
  content,
  format = 'text',
  id,
  title,
  outlet,
  url,
  published,
  author,
}: AddArticleArgs): AddArticleInput {
  const metadata: ArticleMetadataInput = {}
  if (title !== undefined) metadata.title = title
  if (outlet !== undefined) metadata.outlet = outlet
  if (url !== undefined) metadata.url = url
  if (published !== undefined) metadata.published = published
  if (author !== undefined) metadata.author = author
  return { content, format, metadata, ...(id === undefined ? {} : { id }) }
}

/**
 * The answer for an added article: its quotes and story as the store told them, else as
 * the reader now has them, and the corpus counts after the addition.
 */
async function describeAddition(
  outcome: Exclude<AddOutcome, { refused: string }>,
  reader: CorpusReader,
) {
  const { article, warnings } = outcome
  const summary = await corpusSummary(reader)
  const quotes =
    outcome.quotes ?? (await reader.quotes({ article: article.id }, { offset: 0, limit: 1 })).total
  const storyId = outcome.story?.id ?? (await reader.storyOf(article.id))
  const story = outcome.story ?? (await reader.stories()).find((s) => s.id === storyId)
  return {
    id: article.id,
    title: article.title,
    outlet: article.outlet,
    published: article.published,
    paragraphs: article.paragraphs,
    quotes,
    messages: [...warnings, ...article.messages],
    story: {
      id: story?.id ?? '',
      label: story?.label ?? '',
      articles: story?.articles.length ?? 1,
      joined: (story?.articles.length ?? 1) > 1,
      ...(outcome.pending ? { pending: true as const } : {}),
    },
    corpus: summary,
  }
}
