import type { ArticleCoverage, ClaimSlot, QuoteCluster } from '../types.js'

/**
 * For each article: the quote clusters and claim slots it carries, those it
 * alone carries, and those it leaves out that most other articles carry (more
 * than half of the others, and at least two). Linear in the corpus: each
 * cluster and slot is visited once, not once per article.
 */
export function measureCoverage(
  articleIds: readonly string[],
  clusters: readonly QuoteCluster[],
  slots: readonly ClaimSlot[],
  claimArticle: ReadonlyMap<string, string>,
): ArticleCoverage[] {
  const coverage = new Map<string, ArticleCoverage>(
    articleIds.map((article) => [
      article,
      {
        article,
        clusters: [],
        slots: [],
        alone: { clusters: [], slots: [] },
        missing: { clusters: [], slots: [] },
      },
    ]),
  )
  const others = articleIds.length - 1
  // Carried by most: then every article that does not carry it leaves it out.
  const widelyCarried = (carriers: ReadonlySet<string>) =>
    carriers.size >= 2 && carriers.size > others / 2
  const visit = (id: string, carriers: ReadonlySet<string>, field: 'clusters' | 'slots') => {
    for (const article of carriers) {
      const entry = coverage.get(article)
      if (!entry) continue
      entry[field].push(id)
      if (carriers.size === 1) entry.alone[field].push(id)
    }
    if (widelyCarried(carriers))
      for (const [article, entry] of coverage)
        if (!carriers.has(article)) entry.missing[field].push(id)
  }
  for (const cluster of clusters) visit(cluster.id, new Set(cluster.articles), 'clusters')
  for (const slot of slots) {
    const carriers = new Set<string>()
    for (const claim of slot.claims) {
      const article = claimArticle.get(claim)
      if (article) carriers.add(article)
    }
    visit(slot.id, carriers, 'slots')
  }
  return [...coverage.values()]
}
