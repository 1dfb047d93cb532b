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
  id: z.string().describe('Dispute id (d0, d1, …).'),
  kind: z
    .enum(DISPUTE_KINDS)
    .describe(
      'attribution: the same words given to different speakers; wording: the same statement quoted in different words; fact: values that do not meet; contested: a voice that denies or criticizes what another said.',
    ),
  summary: z.string().describe('One line for a reader: what is disputed and between whom.'),
  positions: z
    .array(
      z.object({
        article: z.string(),
        speaker: speakerRefSchema,
        text: z.string().describe('The words of this side, as the article gives them.'),
        span: spanSchema,
      }),
    )
    .describe('Each side of the dispute with its evidence.'),
  confidence: z.number().describe('0–1.'),
  needsJudgement: z
    .boolean()
    .describe('True when the evidence is only lexical: read the positions and decide.'),
  cluster: z
    .string()
    .nullable()
    .describe('The quote cluster it is about (get_quotes with cluster), or null.'),
  slot: z
    .string()
    .nullable()
    .describe('The claim slot it is about (see compare_sources), or null.'),
  story: z
    .string()
    .nullable()
    .describe(
      'The story it is in (list_stories); an attribution across stories names its first position’s.',
    ),
})

/** `list_disputed_claims`: where the articles disagree, filtered by kind and article, paged. */
export function registerListDisputedClaims(server: McpServer, context: ServerContext): void {
  server.registerTool(
    'list_disputed_claims',
    {
      title: 'List disputed claims',
      description:
        'List where the articles disagree: words given to different speakers (attribution), a statement quoted in different words (wording), facts with values that do not meet (fact), and voices that deny or criticize what another said (contested). Each dispute has its positions with article, speaker, text and span, a confidence, and needsJudgement when you must read the evidence and decide. Disputes are found within a story (the articles that report one event), the same long quote given to different speakers across stories aside. Use it to fact-check a story; filter by story id (list_stories), kind or article id.',
      inputSchema: {
        story: storyField,
        kind: z
          .enum(DISPUTE_KINDS)
          .optional()
          .describe('Only disputes of this kind; default all kinds.'),
        article: z
          .string()
          .optional()
          .describe('Only disputes this article id takes a position in (ids from list_sources).'),
        ...pageInputFields,
      },
      outputSchema: pageFields(
        'disputes',
        dispute,
        'Disputes matching the filters, over all pages.',
      ),
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
