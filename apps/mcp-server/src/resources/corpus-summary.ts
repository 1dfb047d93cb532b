import type { Corpus, DisputeKind } from '@corroborate/core'
import { z } from 'zod'

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

/** Counts of what the corpus holds and what cross-referencing found; computes the analysis if it is stale. */
export function corpusSummary(corpus: Corpus): CorpusSummary {
  const analysis = corpus.analysis()
  const disputesByKind: Record<DisputeKind, number> = {
    attribution: 0,
    wording: 0,
    fact: 0,
    contested: 0,
  }
  for (const dispute of analysis.disputes) disputesByKind[dispute.kind] += 1
  return {
    articles: corpus.articles.length,
    stories: corpus.stories().length,
    quotes: analysis.quotes.filter((q) => q.kind !== 'term').length,
    speakers: analysis.speakers.length,
    claims: analysis.claims.length,
    clusters: analysis.clusters.filter((c) => c.articles.length >= 2).length,
    disputes: analysis.disputes.length,
    disputesByKind,
  }
}
