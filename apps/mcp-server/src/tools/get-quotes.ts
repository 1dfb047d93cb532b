import { matchesSpeaker, QUOTE_KINDS } from '@corroborate/core'
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js'
import { z } from 'zod'
import type { ServerContext } from '../context.js'
import { definedFields } from '../defined-fields.js'
import type { CorpusReader } from '../reader.js'
import { fail, pagedFrom } from '../results.js'
import {
  pageFields,
  pageInputFields,
  READ_ONLY_TOOL,
  spanSchema,
  speakerRefSchema,
} from '../schemas.js'
import { storyField, unknownScope } from '../stories.js'

const DESCRIPTION =
  'Find direct quotes: who said what in which article (statements, then fragments, then terms), with its span and the clusters (the same statement in other articles) it belongs to; speaker null when the text does not say who spoke. Filter by story, speaker (any name, alias or role, e.g. "Rubio" or "Secretary of State"), article, words, kind or cluster.'

const inputSchema = {
  story: storyField,
  speaker: z
    .string()
    .optional()
    .describe('Part of a name, alias or role, or an id from get_speakers.'),
  article: z.string().optional().describe('An article id.'),
  contains: z
    .string()
    .optional()
    .describe('Words as written (case, accents and apostrophe forms aside).'),
  kind: z
    .enum(QUOTE_KINDS)
    .optional()
    .describe(
      'statement: quoted speech; fragment: a few quoted words in the writer’s sentence; term: scare quotes and titles. Default: statements and fragments.',
    ),
  cluster: z.string().optional().describe('A cluster id from compare_sources.'),
  ...pageInputFields,
}

const outputSchema = pageFields(
  'quotes',
  z.object({
    id: z.string(),
    text: z.string(),
    speaker: speakerRefSchema,
    article: z.string(),
    span: spanSchema,
    kind: z.enum(QUOTE_KINDS),
    clusters: z.array(z.string()),
  }),
)

type GetQuotesArgs = z.infer<z.ZodObject<typeof inputSchema>>

/** `get_quotes`: direct quotes, filtered by speaker (any alias), article, words, kind or cluster. */
export function registerGetQuotes(server: McpServer, context: ServerContext): void {
  server.registerTool(
    'get_quotes',
    {
      title: 'Get quotes',
      description: DESCRIPTION,
      inputSchema,
      outputSchema,
      annotations: READ_ONLY_TOOL,
    },
    (args) => getQuotes(context.reader, args),
  )
}

/** One page of the quotes the filters keep, or why a filter names nothing there is. */
async function getQuotes(
  reader: CorpusReader,
  { story, speaker, article, contains, kind, cluster, limit, cursor }: GetQuotesArgs,
) {
  const unknown = await unknownScope(reader, { story, article })
  if (unknown) return unknown
  if (
    cluster !== undefined &&
    (await reader.quotes({ cluster }, { offset: 0, limit: 1 })).total === 0
  )
    return fail(`no cluster "${cluster}"; call compare_sources for cluster ids`)
  let speakers: string[] | undefined
  if (speaker !== undefined) {
    speakers = (await reader.speakers()).filter((s) => matchesSpeaker(s, speaker)).map((s) => s.id)
    if (speakers.length === 0)
      return fail(`no speaker matches "${speaker}"; call get_speakers for names and aliases`)
  }
  const query = definedFields({ story, article, kind, speakers, contains, cluster })
  return pagedFrom(
    'quotes',
    (window) => reader.quotes(query, window),
    limit,
    cursor,
    (q) => ({
      id: q.id,
      text: q.text,
      speaker: q.speaker,
      article: q.article,
      span: q.span,
      kind: q.kind,
      clusters: q.clusters,
    }),
  )
}
