import { z } from 'zod'
import type { CorpusReader } from '../reader.js'

/** The shape of {@link corpusSummary}, for tool output schemas. */
export const corpusSummarySchema = z.object({
  articles: z.number().int(),
  stories: z.number().int().describe('Stories: articles grouped by the event they report.'),
  quotes: z.number().int().describe('Direct quotes, scare quotes and titles aside.'),
  speakers: z.number().int(),
  claims: z.number().int(),
  clusters: z.number().int().describe('Statements quoted by two or more articles.'),
  disputes: z.number().int(),
  disputesByKind: z.object({
    attribution: z.number().int(),
    wording: z.number().int(),
    fact: z.number().int(),
    contested: z.number().int(),
  }),
})

export type CorpusSummary = z.infer<typeof corpusSummarySchema>

/** Counts of what the corpus holds and what cross-referencing found. */
export async function corpusSummary(reader: CorpusReader): Promise<CorpusSummary> {
  return reader.counts()
}
