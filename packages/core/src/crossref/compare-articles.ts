import { CorroborateError } from '../errors.js'
import type {
  ArticleCoverage,
  ClaimSlot,
  ClusterMember,
  Dispute,
  QuoteCluster,
  QuoteVariant,
  SpeakerRef,
  Story,
} from '../types.js'
import { measureCoverage } from './coverage.js'
import type { CrossReference } from './cross-reference.js'

/** Options of {@link compareArticles}: which articles to compare. */
export interface CompareArticlesOptions {
  /**
   * A story id: compare its articles (all of them, or those of `articles`,
   * which must then be in it). Default: the story `articles` are in, else the
   * largest story.
   */
  story?: string
  /** Two or more article ids; default every article of the story. */
  articles?: readonly string[]
}

/** One distinct value of a compared slot, with the words that carry it in the chosen articles. */
export interface ComparedValue {
  value: number | string
  articles: string[]
  claims: string[]
  /** The claims' words as written ("$40 million", "on Monday"), each once. */
  wording: string[]
}

/** A claim slot restricted to the chosen articles. */
export interface ComparedSlot extends ClaimSlot {
  values: ComparedValue[]
}

/** What several articles share and where they part, from one cross-reference. */
export interface ArticleComparison {
  /**
   * The story compared: the one asked for, the one every chosen article is in,
   * or the largest; null when the chosen articles are in several stories or
   * the cross-reference has none.
   */
  story: Story | null
  /** Ids of the stories the chosen articles are in, in the cross-reference's story order. */
  stories: string[]
  /** The articles compared, in the cross-reference's article order. */
  articles: string[]
  /**
   * Statements two or more chosen articles quote, most widely quoted first:
   * `articles` and `speakers` are the chosen ones', and `members` holds one
   * wording per article (the closest to `canonical`), in article order, each
   * with its variant and word diff against `canonical`.
   */
  clusters: QuoteCluster[]
  /**
   * Facts two or more chosen articles give, most widely given first; `agrees`
   * is true when they give one value (within tolerance), false when they conflict.
   */
  slots: ComparedSlot[]
  /**
   * Per chosen article, in article order: what it carries, what no other
   * chosen article carries, and what most other chosen articles carry and it
   * leaves out (see `measureCoverage`), counted among the chosen articles only.
   */
  coverage: ArticleCoverage[]
  /**
   * The disputes between the chosen articles: those with positions in two or
   * more of them (a fact dispute only when their values differ, an attribution
   * dispute only when they name different speakers), and those held within one
   * chosen article (a voice contesting another); each as the cross-reference
   * gives it, every position kept.
   */
  disputes: Dispute[]
}

// Which of an article's wordings of a statement stands for it: the closest to the canonical text.
const RANK: Record<QuoteVariant, number> = {
  identical: 0,
  truncated: 1,
  extended: 1,
  'omitted-words': 2,
  substituted: 2,
  fragment: 3,
}

function isCrossReference(value: unknown): value is CrossReference {
  const x = value as CrossReference
  return (
    !!x &&
    typeof x === 'object' &&
    Array.isArray(x.articles) &&
    Array.isArray(x.stories) &&
    Array.isArray(x.clusters) &&
    Array.isArray(x.slots) &&
    Array.isArray(x.claims) &&
    Array.isArray(x.disputes)
  )
}

/**
 * Compares chosen articles of a cross-reference: the statements they share
 * with each one's wording and word diff, the facts on which they agree or
 * conflict, what each alone carries or leaves out, and the disputes between
 * them. With no options, the largest story (most articles; the first started
 * on a tie) is compared. Pure; costs about the size of the chosen articles'
 * stories, not of the corpus.
 * @throws CorroborateError `INVALID_ARGUMENT` when `analysis` is not a
 *   `crossReference` result, fewer than two distinct `articles` are given, or
 *   an article is not in the `story` given; `UNKNOWN_ID` when `story` or an
 *   article id is not in `analysis` (`subject` is the id).
 */
export function compareArticles(
  analysis: CrossReference,
  options: CompareArticlesOptions = {},
): ArticleComparison {
  if (!isCrossReference(analysis))
    throw new CorroborateError(
      'INVALID_ARGUMENT',
      'compareArticles expects the result of crossReference (articles, stories, clusters, slots, claims, disputes)',
    )
  const storyOf = new Map<string, Story>()
  for (const story of analysis.stories) for (const id of story.articles) storyOf.set(id, story)
  const asked = askedStory(analysis, options)
  const { ids, story: largest } =
    options.articles !== undefined
      ? { ids: askedArticles(analysis, options.articles, asked, storyOf), story: asked }
      : largestStoryArticles(analysis, asked)
  let story = largest
  const chosen = new Set(ids)
  const storyIds = new Set(ids.map((id) => storyOf.get(id)?.id))
  const stories = analysis.stories.filter((s) => storyIds.has(s.id))
  if (!story && stories.length === 1) story = stories[0] as Story
  // Clusters and slots are within one story: only the chosen articles' stories can hold shared ones.
  const inStories = (item: { story?: string }) =>
    item.story === undefined || storyIds.has(item.story)
  const order = new Map(ids.map((id, i) => [id, i]))
  const clusters = analysis.clusters
    .filter(inStories)
    .map((cluster) => comparedCluster(cluster, chosen, order))
  const claimArticle = new Map(analysis.claims.map((c) => [c.id, c.article]))
  const slots = comparedSlots(analysis, analysis.slots.filter(inStories), chosen, claimArticle)
  const carriers = (slot: ComparedSlot) => new Set(slot.values.flatMap((v) => v.articles)).size
  const coverage = measureCoverage(ids, clusters, slots, claimArticle).map((entry) => {
    const of = storyOf.get(entry.article)?.id
    return of === undefined ? entry : { ...entry, story: of }
  })
  return {
    story,
    stories: stories.map((s) => s.id),
    articles: ids,
    clusters: clusters
      .filter((c) => c.articles.length >= 2)
      .sort((a, b) => b.articles.length - a.articles.length),
    slots: slots.filter((s) => carriers(s) >= 2).sort((a, b) => carriers(b) - carriers(a)),
    coverage,
    disputes: disputesBetween(analysis.disputes, chosen, clusters, slots),
  }
}

/** The story `options.story` names, or null when none is named. */
function askedStory(analysis: CrossReference, options: CompareArticlesOptions): Story | null {
  if (options.story === undefined) return null
  const story = analysis.stories.find((s) => s.id === options.story) ?? null
  if (!story)
    throw new CorroborateError(
      'UNKNOWN_ID',
      `compareArticles: no story "${options.story}"; the stories' ids are in crossReference's stories`,
      { subject: options.story },
    )
  return story
}

/** The articles asked for, in article order: two or more known ids, all in `story` when one is named. */
function askedArticles(
  analysis: CrossReference,
  articles: readonly string[],
  story: Story | null,
  storyOf: ReadonlyMap<string, Story>,
): string[] {
  if (!Array.isArray(articles))
    throw new CorroborateError(
      'INVALID_ARGUMENT',
      `compareArticles: articles must be an array of article ids, got ${typeof articles}`,
    )
  const asked = new Set(articles)
  const known = new Set(analysis.articles)
  for (const id of asked)
    if (!known.has(id))
      throw new CorroborateError('UNKNOWN_ID', `compareArticles: no article "${id}"`, {
        subject: String(id),
      })
  if (asked.size < 2)
    throw new CorroborateError(
      'INVALID_ARGUMENT',
      `compareArticles needs two or more distinct article ids, got ${asked.size}`,
    )
  if (story) {
    const inStory = new Set(story.articles)
    for (const id of asked)
      if (!inStory.has(id))
        throw new CorroborateError(
          'INVALID_ARGUMENT',
          `compareArticles: article "${id}" is in story "${storyOf.get(id)?.id ?? 'none'}", not in "${story.id}"`,
          { subject: id },
        )
  }
  return analysis.articles.filter((id) => asked.has(id))
}

/** The articles of the story named, else of the largest (most articles; the first started on a tie). */
function largestStoryArticles(
  analysis: CrossReference,
  asked: Story | null,
): { ids: string[]; story: Story | null } {
  let story = asked
  if (!story)
    for (const s of analysis.stories)
      if (!story || s.articles.length > story.articles.length) story = s
  const inStory = new Set(story?.articles ?? [])
  return { ids: analysis.articles.filter((id) => inStory.has(id)), story }
}

/** A cluster among the chosen articles: their speakers, and each article's wording closest to the canonical text. */
function comparedCluster(
  cluster: QuoteCluster,
  chosen: ReadonlySet<string>,
  order: ReadonlyMap<string, number>,
): QuoteCluster {
  const members = cluster.members.filter((m) => chosen.has(m.article))
  const speakers = new Map<string, SpeakerRef>()
  for (const m of members)
    if (m.speaker && !speakers.has(m.speaker.id)) speakers.set(m.speaker.id, m.speaker)
  const closest = new Map<string, ClusterMember>()
  for (const m of members) {
    const seen = closest.get(m.article)
    if (!seen || RANK[m.variant] < RANK[seen.variant]) closest.set(m.article, m)
  }
  return {
    ...cluster,
    speakers: [...speakers.values()],
    articles: cluster.articles.filter((a) => chosen.has(a)),
    members: [...closest.values()].sort(
      (a, b) => (order.get(a.article) ?? 0) - (order.get(b.article) ?? 0),
    ),
  }
}

/** Slots among the chosen articles: their values, claims and wordings; agreeing when one value is left. */
function comparedSlots(
  analysis: CrossReference,
  slots: readonly ClaimSlot[],
  chosen: ReadonlySet<string>,
  claimArticle: ReadonlyMap<string, string>,
): ComparedSlot[] {
  const claimById = new Map(analysis.claims.map((c) => [c.id, c]))
  const inChosen = (claim: string) => chosen.has(claimArticle.get(claim) ?? '')
  return slots.map((slot) => {
    const values = slot.values
      .map((v) => ({
        value: v.value,
        articles: v.articles.filter((a) => chosen.has(a)),
        claims: v.claims.filter(inChosen),
        wording: [
          ...new Set(v.claims.filter(inChosen).map((c) => claimById.get(c)?.text ?? '')),
        ].filter((text) => text !== ''),
      }))
      .filter((v) => v.articles.length > 0)
    return { ...slot, claims: slot.claims.filter(inChosen), values, agrees: values.length <= 1 }
  })
}

/**
 * The disputes with positions in two or more chosen articles (or held within one).
 * Two chosen articles that give the same value, or the same speaker, do not disagree.
 */
function disputesBetween(
  disputes: readonly Dispute[],
  chosen: ReadonlySet<string>,
  clusters: readonly QuoteCluster[],
  slots: readonly ComparedSlot[],
): Dispute[] {
  const slotById = new Map(slots.map((s) => [s.id, s]))
  const clusterById = new Map(clusters.map((c) => [c.id, c]))
  return disputes.filter((dispute) => {
    const sides = new Set(dispute.positions.map((p) => p.article))
    let inside = 0
    for (const article of sides) if (chosen.has(article)) inside++
    if (inside < Math.min(2, sides.size)) return false
    const slot = dispute.slot === null ? undefined : slotById.get(dispute.slot)
    if (dispute.kind === 'fact' && slot) return !slot.agrees
    const cluster = dispute.cluster === null ? undefined : clusterById.get(dispute.cluster)
    if (dispute.kind === 'attribution' && cluster) return cluster.speakers.length > 1
    return true
  })
}
