import {
  type ArticleComparison,
  CLAIM_KINDS,
  type CrossReference,
  compareArticles,
  isCorroborateError,
  QUOTE_VARIANTS,
  type Story,
  WORD_CHANGE_OPS,
  type WordChangeOp,
} from '@corroborate/core'
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js'
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js'
import { z } from 'zod'
import type { ServerContext } from '../context.js'
import type { CorpusReader } from '../reader.js'
import { fail, ok } from '../results.js'
import { integer, READ_ONLY_TOOL, spanSchema, speakerRefSchema } from '../schemas.js'
import { findStory, isStory, largestFirst, unknownStory } from '../stories.js'

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

// A fact of agreements, conflicts and updates alike: the tool's description says once what
// its fields hold, rather than each of the three lists.
const slotSchema = z.object({
  slot: z.string(),
  kind: z.enum(CLAIM_KINDS),
  unit: z.string().nullable(),
  keywords: z.array(z.string()),
  values: z.array(
    z.object({
      value: z.union([z.number(), z.string()]),
      articles: z.array(z.string()),
      wording: z.array(z.string()),
    }),
  ),
})

const coverageItem = z.object({
  id: z.string().describe('Cluster id for a quote, slot id for a fact.'),
  type: z.enum(['quote', 'fact']),
  text: z.string(),
})

type SlotEntry = z.infer<typeof slotSchema>
type CoverageItem = z.infer<typeof coverageItem>

/** The answer's fields, `truncated` and `hint` saying what a cut left out. */
const compareSourcesOutput = {
  story: z
    .object({ id: z.string(), label: z.string(), articles: integer() })
    .nullable()
    .describe('Null when the articles given are in several stories.'),
  stories: integer().describe('In the corpus.'),
  note: z.string().optional().describe('How the articles were chosen, when you did not.'),
  articles: z
    .array(z.string())
    .describe(`Compared, in corpus order (first ${MAX_LISTED_ARTICLES}).`),
  clusters: z
    .array(
      z.object({
        id: z.string(),
        canonical: z.string().describe('The fullest wording; changes are against it.'),
        speakers: z
          .array(z.object({ id: z.string(), name: z.string() }))
          .describe('More than one is a dispute.'),
        articles: z.array(z.string()),
        members: z.array(
          z.object({
            article: z.string(),
            quote: z.string(),
            text: z.string().describe('Empty when identical to the canonical text.'),
            span: spanSchema,
            speaker: speakerRefSchema,
            variant: z.enum(QUOTE_VARIANTS),
            changes: z.array(
              z.object({
                op: z.enum(WORD_CHANGE_OPS).exclude(['equal']),
                canonical: z.string(),
                member: z.string(),
              }),
            ),
          }),
        ),
      }),
    )
    .describe('Most widely quoted first.'),
  agreements: z.array(slotSchema),
  conflicts: z.array(slotSchema),
  updates: z.array(slotSchema).describe('A later article gives a newer value: no conflict.'),
  coverage: z.array(
    z.object({
      article: z.string(),
      clusters: integer(),
      slots: integer(),
      alone: z.array(coverageItem).describe('What no other article compared carries.'),
      aloneTotal: integer(),
      missing: z.array(coverageItem).describe('What most others carry and this one lacks.'),
      missingTotal: integer(),
    }),
  ),
  totals: z
    .object({
      clusters: integer(),
      agreements: integer(),
      conflicts: integer(),
      disputes: integer(),
    })
    .describe('Before any cut.'),
  truncated: z.boolean(),
  hint: z.string().optional().describe('What was cut and how to get the rest.'),
}

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
        'Compare how the articles of one story report it: the statements two or more quote (clusters: each article’s wording, its variant and the words that differ), the facts (slots: kind, unit, keywords, and each value with its articles and wording) on which they agree, conflict or update, and what each article alone carries or leaves out. Default: every article of the largest story; give story, or two or more articles. Long lists are cut (truncated, hint); get_quotes with cluster gives every member.',
      inputSchema: {
        story: z
          .string()
          .optional()
          .describe('From list_stories; default the largest, or that of the articles given.'),
        articles: z
          .array(z.string())
          .optional()
          .describe('Two or more ids from list_sources; default every article of the story.'),
      },
      outputSchema: compareSourcesOutput,
      annotations: READ_ONLY_TOOL,
    },
    async ({ story, articles }) => {
      // The answer depends only on the corpus's analysis and the articles asked for:
      // remembered per analysis, so repeated comparisons of a large corpus are instant.
      const analysisNow = await context.reader.version()
      if (memo.analysis !== analysisNow) {
        memo.analysis = analysisNow
        memo.answers.clear()
      }
      const key = JSON.stringify([story ?? null, articles ?? null])
      const remembered = memo.answers.get(key)
      if (remembered) return remembered
      const answer = await compareSources(context.reader, story, articles)
      if (memo.answers.size >= MEMO_SIZE)
        memo.answers.delete(memo.answers.keys().next().value as string)
      memo.answers.set(key, answer)
      return answer
    },
  )
}

/** The tool's answer for a story id and article ids as the client gave them (either may be absent). */
async function compareSources(
  reader: CorpusReader,
  storyId: string | undefined,
  articles: string[] | undefined,
): Promise<CallToolResult> {
  const stories = largestFirst(await reader.stories())
  const asked =
    articles === undefined
      ? undefined
      : [...new Set(articles.map((id) => id.trim()).filter((id) => id !== ''))]
  const refused = await refusal(reader, stories, storyId, asked)
  if (refused) return refused
  const analysis = await reader.analysisOf(storyId, asked)
  let comparison: ArticleComparison
  try {
    comparison = compareArticles(analysis, {
      ...(storyId === undefined ? {} : { story: storyId }),
      ...(asked === undefined ? {} : { articles: asked }),
    })
  } catch (error) {
    // The checks above leave only a story that disappeared: say how to find one.
    if (isCorroborateError(error) && error.code === 'UNKNOWN_ID' && storyId !== undefined)
      return unknownStory(storyId)
    throw error
  }
  const ids = comparison.articles
  const shared = sharedClusters(comparison)
  const { agreements, conflicts, updates } = slotsByOutcome(comparison)
  const coverage = coverageOf(comparison, analysis)
  const story = comparison.story
  const note = scopeNote(comparison, stories.length, storyId === undefined && asked === undefined)
  const data = {
    story: story && { id: story.id, label: story.label, articles: story.articles.length },
    stories: stories.length,
    ...(note === undefined ? {} : { note }),
    articles: ids.slice(0, MAX_LISTED_ARTICLES),
    clusters: shared.slice(0, MAX_CLUSTERS),
    agreements: agreements.slice(0, MAX_SLOTS),
    conflicts: conflicts.slice(0, MAX_SLOTS),
    updates: updates.slice(0, MAX_SLOTS),
    coverage,
    totals: {
      clusters: shared.length,
      agreements: agreements.length,
      conflicts: conflicts.length,
      disputes: comparison.disputes.length,
    },
  }
  cutToBudget(data, [
    data.clusters,
    data.agreements,
    data.conflicts,
    data.updates,
    ...coverage.flatMap((c) => [c.alone, c.missing]),
  ])
  const cut = cutParts(data, {
    clusters: shared.length,
    agreements: agreements.length,
    conflicts: conflicts.length,
    updates: updates.length,
    articles: ids.length,
  })
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

/** What the cuts left out, as the parts of the hint (none when nothing was cut). */
function cutParts(
  shown: {
    clusters: unknown[]
    agreements: unknown[]
    conflicts: unknown[]
    updates: unknown[]
    coverage: Array<{
      alone: unknown[]
      aloneTotal: number
      missing: unknown[]
      missingTotal: number
    }>
  },
  all: {
    clusters: number
    agreements: number
    conflicts: number
    updates: number
    articles: number
  },
): string[] {
  return [
    shown.clusters.length < all.clusters &&
      `${shown.clusters.length} of ${all.clusters} shared quote clusters (call get_quotes with cluster for every member of one)`,
    shown.agreements.length < all.agreements &&
      `${shown.agreements.length} of ${all.agreements} agreeing facts`,
    shown.conflicts.length < all.conflicts &&
      `${shown.conflicts.length} of ${all.conflicts} conflicting facts (list_disputed_claims with kind fact and the story lists them all)`,
    shown.updates.length < all.updates && `${shown.updates.length} of ${all.updates} updated facts`,
    all.articles > MAX_LISTED_ARTICLES &&
      `the first ${MAX_LISTED_ARTICLES} of ${all.articles} article ids and the coverage of the first ${MAX_COVERAGE_ARTICLES} (pass articles to compare a chosen few)`,
    shown.coverage.some(
      (c) => c.alone.length < c.aloneTotal || c.missing.length < c.missingTotal,
    ) &&
      'the first items of each article’s alone and missing lists (aloneTotal and missingTotal count them all; get_quotes with article lists every quote of an article with its clusters)',
  ].filter((part): part is string => typeof part === 'string')
}

/**
 * Why the story or the articles asked for (`asked`: trimmed, each once) cannot be
 * compared, as a failure that says what to call instead; undefined when they can.
 */
async function refusal(
  reader: CorpusReader,
  stories: readonly Story[],
  storyId: string | undefined,
  asked: string[] | undefined,
): Promise<CallToolResult | undefined> {
  const storyOf = new Map(stories.flatMap((s) => s.articles.map((id) => [id, s.id] as const)))
  if (asked !== undefined) {
    const unknown = asked.filter((id) => !storyOf.has(id))
    if (unknown.length > 0)
      return fail(
        `no article ${unknown.map((id) => `"${id}"`).join(', ')}; call list_sources for the ids of the articles in the corpus`,
      )
    if (asked.length < 2)
      return fail(
        'compare_sources needs two or more distinct article ids, e.g. ["a1","a2"]; call list_sources for the ids, or leave articles out to compare every article of a story',
      )
  }
  if (storyId !== undefined) {
    const found = await findStory(reader, storyId)
    if (!isStory(found)) return found
    const outside = asked?.find((id) => !found.articles.includes(id))
    if (outside !== undefined)
      return fail(
        `article "${outside}" is in story "${storyOf.get(outside)}", not in "${storyId}"; leave story out, or give articles of that story (list_stories lists the stories)`,
      )
    if (asked === undefined && found.articles.length < 2)
      return fail(
        `story "${storyId}" has one article; nothing to compare. Call list_stories for stories of two or more articles`,
      )
  } else if (asked === undefined) {
    if (storyOf.size < 2)
      return fail(
        `the corpus has ${storyOf.size} article${storyOf.size === 1 ? '' : 's'}; compare_sources needs two or more: add_article can add one`,
      )
    if ((stories[0]?.articles.length ?? 0) < 2)
      return fail(
        `each of the corpus’s ${stories.length} stories has one article; nothing is shared across stories. Call list_stories, or add_article to add another report of one of them`,
      )
  }
  return undefined
}

/** The shared quote clusters, their wordings and cut words clipped: the span and get_quotes give them whole. */
function sharedClusters(comparison: ArticleComparison) {
  return comparison.clusters.map((c) => ({
    id: c.id,
    canonical: clip(c.canonical, CANONICAL_CHARS),
    speakers: c.speakers,
    articles: c.articles,
    members: c.members.map((m) => ({
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
          op: step.op as Exclude<WordChangeOp, 'equal'>,
          canonical: clip(step.canonical, CHANGE_CHARS),
          member: clip(step.member, CHANGE_CHARS),
        })),
    })),
  }))
}

/** The compared fact slots sorted into those that agree, conflict or update, in slot order. */
function slotsByOutcome(comparison: ArticleComparison) {
  const agreements: SlotEntry[] = []
  const conflicts: SlotEntry[] = []
  const updates: SlotEntry[] = []
  // A conflict is what the core reports as a fact dispute; a later figure that updates an
  // earlier one is an update; other differences (two things one actor did) are neither.
  const disputed = new Set(comparison.disputes.filter((d) => d.kind === 'fact').map((d) => d.slot))
  for (const s of comparison.slots) {
    const entry: SlotEntry = {
      slot: s.id,
      kind: s.kind,
      unit: s.unit,
      keywords: s.keywords.slice(0, MAX_KEYWORDS),
      values: s.values.map((v) => ({ value: v.value, articles: v.articles, wording: v.wording })),
    }
    if (s.agrees) agreements.push(entry)
    else if (disputed.has(s.id)) conflicts.push(entry)
    else if (s.update) updates.push(entry)
  }
  return { agreements, conflicts, updates }
}

/** What each of the first compared articles carries alone and leaves out, each item labelled. */
function coverageOf(comparison: ArticleComparison, analysis: CrossReference) {
  const claimById = new Map(analysis.claims.map((c) => [c.id, c]))
  const clusterById = new Map(analysis.clusters.map((c) => [c.id, c]))
  const slotById = new Map(analysis.slots.map((s) => [s.id, s]))
  const chosen = new Set(comparison.articles)
  const clusterLabel = (id: string) => clip(clusterById.get(id)?.canonical ?? '', LABEL_CHARS)
  const slotLabel = (id: string) => {
    const s = slotById.get(id)
    if (!s) return ''
    const claim = s.claims
      .map((c) => claimById.get(c))
      .find((c) => c !== undefined && chosen.has(c.article))
    const value = s.values
      .filter((v) => v.articles.some((a) => chosen.has(a)))
      .map((v) => String(v.value))
      .join(' / ')
    return clip(`${s.kind} ${value}${claim ? `: ${claim.sentence.text}` : ''}`, LABEL_CHARS)
  }
  const items = (found: { clusters: string[]; slots: string[] }): CoverageItem[] => [
    ...found.clusters.map((id) => ({
      id,
      type: 'quote' as const,
      text: clusterLabel(id),
    })),
    ...found.slots.map((id) => ({ id, type: 'fact' as const, text: slotLabel(id) })),
  ]
  // Coverage of a few articles at a time: a thousand entries would drown the answer.
  return comparison.coverage.slice(0, MAX_COVERAGE_ARTICLES).map((entry) => {
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
}

/** How the articles were chosen, when the client did not choose them all or they span stories. */
function scopeNote(
  comparison: ArticleComparison,
  storyCount: number,
  nothingAsked: boolean,
): string | undefined {
  if (nothingAsked && storyCount > 1)
    return `No story or articles given: compared the largest of the corpus’s ${storyCount} stories. Call list_stories for the others, and pass story to compare one of them.`
  if (comparison.story === null)
    return `The articles are in ${comparison.stories.length} stories (${comparison.stories.join(', ')}); statements and facts are compared within a story, so nothing is shared across them. Pass story, or articles of one story.`
  return undefined
}

/**
 * Shortens `lists` (the answer's lists, in place) until the answer's JSON fits the budget,
 * always from whichever list weighs most; shared clusters keep at least `MIN_CLUSTERS`.
 */
function cutToBudget(answer: { clusters: unknown[] }, lists: unknown[][]): void {
  const weights = new Map(lists.map((list) => [list, JSON.stringify(list).length]))
  let size = JSON.stringify(answer).length
  while (size > BUDGET) {
    let heaviest: unknown[] | undefined
    for (const list of lists)
      if (
        list.length > (list === answer.clusters ? MIN_CLUSTERS : 0) &&
        (!heaviest || (weights.get(list) ?? 0) > (weights.get(heaviest) ?? 0))
      )
        heaviest = list
    if (!heaviest) break
    heaviest.pop()
    const weight = JSON.stringify(heaviest).length
    size -= (weights.get(heaviest) ?? 0) - weight
    weights.set(heaviest, weight)
  }
}
