import { type ClaimSlot, measureCoverage, type QuoteCluster } from '@corroborate/core'
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js'
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js'
import { z } from 'zod'
import type { ServerContext } from '../context.js'
import { fail, ok } from '../results.js'
import { spanSchema, speakerRefSchema } from '../schemas.js'

const MAX_CLUSTERS = 20
const MAX_SLOTS = 20
const MAX_KEYWORDS = 8
const MAX_COVERAGE_ITEMS = 8
const MAX_CHANGES = 4
const MEMBER_CHARS = 100
const CHANGE_CHARS = 40
/** Shared clusters kept however long the answer: they are what the tool is for. */
const MIN_CLUSTERS = 3
const MEMO_SIZE = 32
const MAX_COVERAGE_ARTICLES = 10
const MAX_LISTED_ARTICLES = 20
const CANONICAL_CHARS = 200
const LABEL_CHARS = 90
// The answer carries its JSON twice (structured content, and text where every quote mark
// is escaped), so well under half of the 25,000 characters a client takes is the budget.
const BUDGET = 6000

const clip = (text: string, max: number) =>
  text.length > max ? `${text.slice(0, max - 1)}…` : text

const slotSchema = z.object({
  slot: z.string().describe('Claim slot id: the same fact across articles.'),
  kind: z.enum([
    'count',
    'percentage',
    'money',
    'year',
    'date',
    'day',
    'place',
    'itinerary',
    'action',
  ]),
  unit: z.string().nullable().describe('What is measured ("people", "USD"), or null.'),
  keywords: z.array(z.string()).describe('Content words the slot’s sentences share (first few).'),
  values: z
    .array(
      z.object({
        value: z.union([z.number(), z.string()]).describe('The normalized value.'),
        articles: z.array(z.string()).describe('Chosen articles that give this value.'),
        wording: z.array(z.string()).describe('The words that carry the value, as written.'),
      }),
    )
    .describe('One entry per distinct value (within rounding and “about”).'),
})

const coverageItem = z.object({
  id: z.string().describe('Cluster id (k…) for a quote, slot id (s…) for a fact.'),
  type: z.enum(['quote', 'fact']),
  text: z.string().describe('The statement or the fact, shortened.'),
})

type SlotEntry = z.infer<typeof slotSchema>
type CoverageItem = z.infer<typeof coverageItem>

/** `compare_sources`: what chosen articles share, where their claims meet or clash, and what each alone carries. */
export function registerCompareSources(server: McpServer, context: ServerContext): void {
  const memo: { analysis: unknown; answers: Map<string, CallToolResult> } = {
    analysis: null,
    answers: new Map(),
  }
  server.registerTool(
    'compare_sources',
    {
      title: 'Compare sources',
      description:
        'Compare how several articles report the story: the statements they both quote (quote clusters, with each article’s wording, its variant — identical, truncated, extended, substituted, omitted-words, fragment — and the words that differ), the facts whose values agree or conflict, and what each article alone carries or leaves out that the others carry. Default: all articles. Long lists are cut (truncated: true); get_quotes with cluster gives every member of a cluster.',
      inputSchema: {
        articles: z
          .string()
          .optional()
          .describe(
            'Comma-separated article ids from list_sources, at least two (e.g. "a1,a2"); default all articles.',
          ),
      },
      outputSchema: {
        articles: z
          .array(z.string())
          .describe(
            `The articles compared, in corpus order (the first ${MAX_LISTED_ARTICLES} when there are more; see hint).`,
          ),
        clusters: z
          .array(
            z.object({
              id: z.string().describe('Cluster id, for get_quotes with cluster.'),
              canonical: z
                .string()
                .describe('The fullest wording any article gives; diffs are against it.'),
              speakers: z
                .array(z.object({ id: z.string(), name: z.string() }))
                .describe(
                  'Distinct speakers the chosen articles give; more than one is a dispute.',
                ),
              articles: z.array(z.string()).describe('Chosen articles that quote it.'),
              members: z.array(
                z.object({
                  article: z.string(),
                  quote: z.string().describe('Quote id.'),
                  text: z
                    .string()
                    .describe(
                      'This article’s wording, shortened; empty when identical to the canonical text.',
                    ),
                  span: spanSchema,
                  speaker: speakerRefSchema,
                  variant: z.enum([
                    'identical',
                    'truncated',
                    'extended',
                    'substituted',
                    'omitted-words',
                    'fragment',
                  ]),
                  changes: z
                    .array(
                      z.object({
                        op: z.enum(['insert', 'delete', 'replace']),
                        canonical: z.string(),
                        member: z.string(),
                      }),
                    )
                    .describe(
                      'Word steps that differ from the canonical text; equal steps left out.',
                    ),
                }),
              ),
            }),
          )
          .describe('Statements quoted by two or more chosen articles, most widely quoted first.'),
        agreements: z
          .array(slotSchema)
          .describe('Facts two or more chosen articles give with the same value.'),
        conflicts: z
          .array(slotSchema)
          .describe('Facts the chosen articles give with different values.'),
        coverage: z.array(
          z.object({
            article: z.string(),
            clusters: z.number().int().describe('Quoted statements it carries.'),
            slots: z.number().int().describe('Facts it carries.'),
            alone: z.array(coverageItem).describe('What no other chosen article carries.'),
            aloneTotal: z.number().int(),
            missing: z
              .array(coverageItem)
              .describe('What most other chosen articles carry and this one leaves out.'),
            missingTotal: z.number().int(),
          }),
        ),
        totals: z
          .object({
            clusters: z.number().int(),
            agreements: z.number().int(),
            conflicts: z.number().int(),
          })
          .describe('Sizes of the lists before any cut.'),
        truncated: z.boolean().describe('True when some list was cut to keep the answer short.'),
        hint: z.string().optional().describe('What was cut and how to get the rest.'),
      },
      annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false },
    },
    async ({ articles }) => {
      // The answer depends only on the corpus's analysis and the articles asked for:
      // remembered per analysis, so repeated comparisons of a large corpus are instant.
      const analysisNow = context.corpus.analysis()
      if (memo.analysis !== analysisNow) {
        memo.analysis = analysisNow
        memo.answers.clear()
      }
      const key = articles ?? ''
      const remembered = memo.answers.get(key)
      if (remembered) return remembered
      const answer = compare(articles)
      if (memo.answers.size >= MEMO_SIZE)
        memo.answers.delete(memo.answers.keys().next().value as string)
      memo.answers.set(key, answer)
      return answer
    },
  )

  function compare(articles: string | undefined): CallToolResult {
    const { corpus } = context
    let ids = corpus.articles.map((a) => a.id)
    if (articles !== undefined) {
      const asked = [
        ...new Set(
          articles
            .split(',')
            .map((id) => id.trim())
            .filter((id) => id !== ''),
        ),
      ]
      const unknown = asked.filter((id) => !corpus.get(id))
      if (unknown.length > 0)
        return fail(
          `no article ${unknown.map((id) => `"${id}"`).join(', ')}; call list_sources for the ids of the articles in the corpus`,
        )
      ids = ids.filter((id) => asked.includes(id))
    }
    if (ids.length < 2)
      return fail(
        articles === undefined
          ? `the corpus has ${ids.length} article${ids.length === 1 ? '' : 's'}; compare_sources needs two or more: add_article can add one`
          : 'compare_sources needs two or more distinct article ids, separated by commas; call list_sources for the ids, or leave articles out to compare all',
      )
    const chosen = new Set(ids)
    const analysis = corpus.analysis()
    const claimById = new Map(analysis.claims.map((c) => [c.id, c]))
    const claimArticle = new Map(analysis.claims.map((c) => [c.id, c.article]))
    const inChosen = (claim: string) => chosen.has(claimArticle.get(claim) ?? '')

    const clusters: QuoteCluster[] = analysis.clusters.map((c) => ({
      ...c,
      articles: c.articles.filter((a) => chosen.has(a)),
      members: c.members.filter((m) => chosen.has(m.article)),
    }))
    const slots: ClaimSlot[] = analysis.slots.map((s) => ({
      ...s,
      claims: s.claims.filter(inChosen),
      values: s.values
        .map((v) => ({
          value: v.value,
          articles: v.articles.filter((a) => chosen.has(a)),
          claims: v.claims.filter(inChosen),
        }))
        .filter((v) => v.articles.length > 0),
    }))

    const shared = clusters
      .filter((c) => c.articles.length >= 2)
      .sort((a, b) => b.articles.length - a.articles.length)
      .map((c) => {
        const seen = new Set<string>()
        // Each article's wording once: the member closest to the canonical text.
        const rank = {
          identical: 0,
          truncated: 1,
          extended: 1,
          'omitted-words': 2,
          substituted: 2,
          fragment: 3,
        }
        const members = [...c.members]
          .sort((a, b) => rank[a.variant] - rank[b.variant])
          .filter((m) => {
            if (seen.has(m.article)) return false
            seen.add(m.article)
            return true
          })
          .sort((a, b) => a.article.localeCompare(b.article))
        const speakers = new Map<string, { id: string; name: string }>()
        for (const m of members) if (m.speaker) speakers.set(m.speaker.id, m.speaker)
        return {
          id: c.id,
          canonical: clip(c.canonical, CANONICAL_CHARS),
          speakers: [...speakers.values()],
          articles: c.articles,
          // Wordings and cut words are clipped: the span and get_quotes give them whole.
          members: members.map((m) => ({
            article: m.article,
            quote: m.quote,
            text: m.variant === 'identical' ? '' : clip(m.text, MEMBER_CHARS),
            span: m.span,
            speaker: m.speaker,
            variant: m.variant,
            changes: m.diff
              .filter((step) => step.op !== 'equal')
              .slice(0, MAX_CHANGES)
              .map((step) => ({
                op: step.op as 'insert' | 'delete' | 'replace',
                canonical: clip(step.canonical, CHANGE_CHARS),
                member: clip(step.member, CHANGE_CHARS),
              })),
          })),
        }
      })

    const agreements: SlotEntry[] = []
    const conflicts: SlotEntry[] = []
    const carriers = (s: ClaimSlot) => new Set(s.values.flatMap((v) => v.articles)).size
    for (const s of [...slots].sort((a, b) => carriers(b) - carriers(a))) {
      if (carriers(s) < 2) continue
      const entry: SlotEntry = {
        slot: s.id,
        kind: s.kind,
        unit: s.unit,
        keywords: s.keywords.slice(0, MAX_KEYWORDS),
        values: s.values.map((v) => ({
          value: v.value,
          articles: v.articles,
          wording: [...new Set(v.claims.map((c) => claimById.get(c)?.text ?? ''))].filter(
            (t) => t !== '',
          ),
        })),
      }
      ;(s.values.length === 1 ? agreements : conflicts).push(entry)
    }

    const clusterLabel = new Map(clusters.map((c) => [c.id, clip(c.canonical, LABEL_CHARS)]))
    const slotLabel = new Map(
      slots.map((s) => {
        const claim = claimById.get(s.claims[0] ?? '')
        const value = s.values.map((v) => String(v.value)).join(' / ')
        return [
          s.id,
          clip(`${s.kind} ${value}${claim ? `: ${claim.sentence.text}` : ''}`, LABEL_CHARS),
        ]
      }),
    )
    const items = (found: { clusters: string[]; slots: string[] }): CoverageItem[] => [
      ...found.clusters.map((id) => ({
        id,
        type: 'quote' as const,
        text: clusterLabel.get(id) ?? '',
      })),
      ...found.slots.map((id) => ({ id, type: 'fact' as const, text: slotLabel.get(id) ?? '' })),
    ]
    // Coverage of a few articles at a time: a thousand entries would drown the answer.
    const coverage = measureCoverage(ids, clusters, slots, claimArticle)
      .slice(0, MAX_COVERAGE_ARTICLES)
      .map((entry) => {
        const alone = items(entry.alone)
        const missing = items(entry.missing)
        return {
          article: entry.article,
          clusters: entry.clusters.length,
          slots: entry.slots.length,
          alone: alone.slice(0, MAX_COVERAGE_ITEMS),
          aloneTotal: alone.length,
          missing: missing.slice(0, MAX_COVERAGE_ITEMS),
          missingTotal: missing.length,
        }
      })

    const data = {
      articles: ids.slice(0, MAX_LISTED_ARTICLES),
      clusters: shared.slice(0, MAX_CLUSTERS),
      agreements: agreements.slice(0, MAX_SLOTS),
      conflicts: conflicts.slice(0, MAX_SLOTS),
      coverage,
      totals: {
        clusters: shared.length,
        agreements: agreements.length,
        conflicts: conflicts.length,
      },
    }
    // Cut from whichever list weighs most until the answer fits.
    const lists: unknown[][] = [
      data.clusters,
      data.agreements,
      data.conflicts,
      ...coverage.flatMap((c) => [c.alone, c.missing]),
    ]
    const weights = new Map(lists.map((list) => [list, JSON.stringify(list).length]))
    let size = JSON.stringify(data).length
    while (size > BUDGET) {
      let heaviest: unknown[] | undefined
      for (const list of lists)
        if (
          list.length > (list === data.clusters ? MIN_CLUSTERS : 0) &&
          (!heaviest || (weights.get(list) ?? 0) > (weights.get(heaviest) ?? 0))
        )
          heaviest = list
      if (!heaviest) break
      heaviest.pop()
      const weight = JSON.stringify(heaviest).length
      size -= (weights.get(heaviest) ?? 0) - weight
      weights.set(heaviest, weight)
    }
    const cut = [
      data.clusters.length < shared.length &&
        `${data.clusters.length} of ${shared.length} shared quote clusters (call get_quotes with cluster for every member of one)`,
      data.agreements.length < agreements.length &&
        `${data.agreements.length} of ${agreements.length} agreeing facts`,
      data.conflicts.length < conflicts.length &&
        `${data.conflicts.length} of ${conflicts.length} conflicting facts (list_disputed_claims with kind fact lists them all)`,
      ids.length > MAX_LISTED_ARTICLES &&
        `the first ${MAX_LISTED_ARTICLES} of ${ids.length} article ids and the coverage of the first ${MAX_COVERAGE_ARTICLES} (pass articles to compare a chosen few)`,
      coverage.some((c) => c.alone.length < c.aloneTotal || c.missing.length < c.missingTotal) &&
        'the first items of each article’s alone and missing lists (aloneTotal and missingTotal count them all; get_quotes with article lists every quote of an article with its clusters)',
    ].filter((part): part is string => typeof part === 'string')
    return ok({
      ...data,
      truncated: cut.length > 0,
      ...(cut.length > 0
        ? {
            hint: `Cut to keep the answer short; shown: ${cut.join('; ')}. Compare fewer articles at a time for more detail.`,
          }
        : {}),
    })
  }
}
