import { DISPUTE_KINDS } from '@corroborate/core'
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js'
import { z } from 'zod'
import type { ServerContext } from '../context.js'
import { definedFields } from '../defined-fields.js'
import { pagedFrom } from '../results.js'
import {
  pageFields,
  pageInputFields,
  READ_ONLY_TOOL,
  spanSchema,
  speakerRefSchema,
} from '../schemas.js'
import { storyField, unknownScope } from '../stories.js'

const dispute = z.object({
  id: z.string(),
  kind: z.enum(DISPUTE_KINDS),
  summary: z.string().describe('What is disputed and between whom, in one line.'),
  positions: z.array(
    z.object({
      article: z.string(),
      speaker: speakerRefSchema,
      text: z.string(),
      span: spanSchema,
    }),
  ),
  confidence: z.number().describe('0–1.'),
  needsJudgement: z.boolean().describe('The evidence is only lexical: read the positions.'),
  cluster: z.string().nullable().describe('Quote cluster id (get_quotes with cluster).'),
  slot: z.string().nullable().describe('Claim slot id (compare_sources).'),
  story: z
    .string()
    .nullable()
    .describe('Story id; an attribution across stories names its first position’s.'),
})

/** `list_disputed_claims`: where the articles disagree, filtered by kind and article, paged. */
export function registerListDisputedClaims(server: McpServer, context: ServerContext): void {
  server.registerTool(
    'list_disputed_claims',
    {
      title: 'List disputed claims',
      description:
        'List where the articles disagree: the same words given to different speakers (attribution), a statement quoted in different words (wording), facts whose values do not meet (fact), a voice that denies or criticizes what another said (contested). Each has a summary, its positions (article, speaker, words, span), a confidence, and needsJudgement when you must read the evidence and decide. Found within a story, a long quote given to different speakers across stories aside. Filter by story, kind or article.',
      inputSchema: {
        story: storyField,
        kind: z.enum(DISPUTE_KINDS).optional().describe('Default all kinds.'),
        article: z.string().optional().describe('An article id that takes a position.'),
        ...pageInputFields,
      },
      outputSchema: pageFields('disputes', dispute),
      annotations: READ_ONLY_TOOL,
    },
    async ({ story, kind, article, limit, cursor }) => {
      const { reader } = context
      const unknown = await unknownScope(reader, { story, article })
      if (unknown) return unknown
      const query = definedFields({ story, kind, article })
      return pagedFrom(
        'disputes',
        (window) => reader.disputes(query, window),
        limit,
        cursor,
        (d) => ({
          id: d.id,
          kind: d.kind,
          summary: d.summary,
          positions: d.positions.map((p) => ({
            article: p.article,
            speaker: p.speaker,
            text: p.text,
            span: p.span,
          })),
          confidence: d.confidence,
          needsJudgement: d.needsJudgement,
          cluster: d.cluster,
          slot: d.slot,
          story: d.story ?? null,
        }),
      )
    },
  )
}
