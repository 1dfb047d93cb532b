import type { ArticleCoverage, ClaimSlot, QuoteCluster } from '../types.js'

/**
 * For each article: the quote clusters and claim slots it carries, those it
 * alone carries, and those it leaves out that most other articles carry (more
 * than half of the others, and at least two).
 */
export function measureCoverage(
  articleIds: readonly string[],
  clusters: readonly QuoteCluster[],
  slots: readonly ClaimSlot[],
  claimArticle: ReadonlyMap<string, string>,
): ArticleCoverage[] {
  const slotArticles = new Map(
    slots.map((slot) => [
      slot.id,
      [...new Set(slot.claims.map((id) => claimArticle.get(id)).filter((a): a is string => !!a))],
    ]),
  )
  return articleIds.map((article) => {
    const others = articleIds.length - 1
    const most = (carriers: readonly string[]) =>
      !carriers.includes(article) && carriers.length >= 2 && carriers.length > others / 2
    const carried = clusters.filter((c) => c.articles.includes(article))
    const carriedSlots = slots.filter((s) => slotArticles.get(s.id)?.includes(article))
    return {
      article,
      clusters: carried.map((c) => c.id),
      slots: carriedSlots.map((s) => s.id),
      alone: {
        clusters: carried.filter((c) => c.articles.length === 1).map((c) => c.id),
        slots: carriedSlots.filter((s) => slotArticles.get(s.id)?.length === 1).map((s) => s.id),
      },
      missing: {
        clusters: clusters.filter((c) => most(c.articles)).map((c) => c.id),
        slots: slots.filter((s) => most(slotArticles.get(s.id) ?? [])).map((s) => s.id),
      },
    }
  })
}
