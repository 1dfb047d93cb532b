import { ARTICLE_FORMATS, type Article, type Evidence } from '@corroborate/core'
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js'
import { z } from 'zod'
import type { ServerContext } from '../context.js'
import { fail, ok } from '../results.js'
import { integer, READ_ONLY_TOOL, spanSchema } from '../schemas.js'

const DEFAULT_CHARS = 8000
const MAX_CHARS = 20000
// Longest caption, credit or pull quote returned, in characters; its span leads to the whole.
const ASIDE_CHARS = 300
const clip = (text: string, max: number) =>
  text.length > max ? `${text.slice(0, max - 1)}…` : text

// Seven metadata fields share this shape: the tool's description says once what source holds.
const evidence = z
  .object({ value: z.string(), source: z.string(), span: spanSchema.nullable() })
  .nullable()

const toEvidence = (field: Evidence<string> | null) =>
  field ? { value: field.value, source: field.source, span: field.span ?? null } : null

const DESCRIPTION =
  'Read one article: its clean body text (ads, sidebars and footers removed), or with original=true the text as given, which every span [start, end) of every tool points into; in pages of max_chars characters. Each metadata field is null or {value, source: where it was read (caller, sidecar, front-matter, meta, json-ld or text), span}. Ids from list_sources.'

const inputSchema = {
  id: z.string().describe('An article id from list_sources.'),
  offset: z
    .number()
    .int()
    .min(0)
    .optional()
    .describe('Default 0; nextOffset of the previous page.'),
  max_chars: z
    .number()
    .int()
    .min(100)
    .max(MAX_CHARS)
    .optional()
    .describe(`Default ${DEFAULT_CHARS}.`),
  original: z.boolean().optional().describe('Default false: the clean text.'),
}

const outputSchema = {
  id: z.string(),
  text: z.string().describe('This page.'),
  offset: integer(),
  length: integer().describe('Of the whole text.'),
  nextOffset: integer().optional(),
  original: z.boolean(),
  title: evidence,
  author: evidence,
  outlet: evidence,
  published: evidence,
  url: evidence,
  dateline: evidence,
  language: evidence.describe('As an HTML page declares it, e.g. "fr-FR".'),
  format: z.enum(ARTICLE_FORMATS),
  paragraphs: integer(),
  captions: z
    .array(z.object({ text: z.string(), credit: z.string().nullable(), span: spanSchema }))
    .describe(`Kept apart from the body; the first 20, clipped to ${ASIDE_CHARS} characters.`),
  pullQuotes: z
    .array(z.object({ text: z.string(), span: spanSchema }))
    .describe(`Kept apart from the body; the first 20, clipped to ${ASIDE_CHARS} characters.`),
  removed: integer().describe('Boilerplate blocks left out of the clean text.'),
}

/** `get_article`: one article's clean text (or its original), paged by characters, with metadata and evidence. */
export function registerGetArticle(server: McpServer, context: ServerContext): void {
  server.registerTool(
    'get_article',
    {
      title: 'Get article',
      description: DESCRIPTION,
      inputSchema,
      outputSchema,
      annotations: READ_ONLY_TOOL,
    },
    async ({ id, offset = 0, max_chars = DEFAULT_CHARS, original = false }) => {
      const article = await articleAfterAdds(context, id)
      if (!article)
        return fail(
          `no article "${id}"; call list_sources for the ids of the articles in the corpus`,
        )
      const whole = original ? article.original : article.text
      if (offset > whole.length)
        return fail(
          `offset ${offset} is past the end of article "${id}" (${whole.length} characters); start at 0`,
        )
      const end = Math.min(whole.length, offset + max_chars)
      return ok({
        id,
        text: whole.slice(offset, end),
        offset,
        length: whole.length,
        ...(end < whole.length ? { nextOffset: end } : {}),
        original,
        ...metadataEvidence(article),
        format: article.format,
        paragraphs: article.paragraphs.length,
        ...clippedAsides(article),
        removed: article.removed.length,
      })
    },
  )
}

/** The article, waiting for the adds in progress when it is not there yet. */
async function articleAfterAdds(context: ServerContext, id: string) {
  const article: Article | undefined = await context.reader.get(id)
  if (article) return article
  // An id not there yet may be on its way: a get sent after an add sees the add's article.
  await context.store.settled()
  return context.reader.get(id)
}

/** Each metadata field with where it was read. */
const metadataEvidence = (article: Article) => ({
  title: toEvidence(article.title),
  author: toEvidence(article.author),
  outlet: toEvidence(article.outlet),
  published: toEvidence(article.published),
  url: toEvidence(article.url),
  dateline: toEvidence(article.dateline),
  language: toEvidence(article.language),
})

// At most 20 of each, each clipped: a page's junk must not outgrow the text asked for.
const clippedAsides = (article: Article) => ({
  captions: article.captions.slice(0, 20).map(({ text, credit, span }) => ({
    text: clip(text, ASIDE_CHARS),
    credit: credit === null ? null : clip(credit, ASIDE_CHARS),
    span,
  })),
  pullQuotes: article.pullQuotes
    .slice(0, 20)
    .map(({ text, span }) => ({ text: clip(text, ASIDE_CHARS), span })),
})
