import { z } from 'zod'
import type { CorpusReader } from '../reader.js'
import { integer } from '../schemas.js'

/** The shape of {@link corpusSummary}, for tool output schemas. */
export const corpusSummarySchema = z.object({
  articles: integer(),
  stories: integer(),
  quotes: integer().describe('Scare quotes and titles aside.'),
  speakers: integer(),
  claims: integer(),
  clusters: integer().describe('Statements quoted by two or more articles.'),
  disputes: integer(),
  disputesByKind: z.object({
    attribution: integer(),
    wording: integer(),
    fact: integer(),
    contested: integer(),
  }),
})

export type CorpusSummary = z.infer<typeof corpusSummarySchema>

/** Counts of what the corpus holds and what cross-referencing found. */
export async function corpusSummary(reader: CorpusReader): Promise<CorpusSummary> {
  return reader.counts()
}
