import {
  type Article,
  type Corpus,
  CorroborateError,
  type CrossReference,
  type SearchEntry,
  searchEntries,
  searchHits,
} from '@corroborate/core'

/**
 * A read-only corpus over articles and their cross-reference computed
 * elsewhere (the analysis worker): what the tools read between two adds.
 * Reads answer from the given analysis, never recompute it; `add` throws, as
 * adds go through the article store.
 */
export function snapshotCorpus(articles: readonly Article[], analysis: CrossReference): Corpus {
  const byId = new Map(articles.map((article) => [article.id, article]))
  const storyOf = new Map<string, string>()
  for (const story of analysis.stories)
    for (const article of story.articles) storyOf.set(article, story.id)
  let searchable: SearchEntry[] | null = null
  return {
    articles,
    get: (id) => byId.get(id),
    add() {
      throw new CorroborateError(
        'INVALID_ARGUMENT',
        'this corpus is a snapshot; add articles through the article store',
      )
    },
    stories: () => analysis.stories,
    storyOf: (article) => storyOf.get(article),
    analysis: () => analysis,
    search(query) {
      return searchHits(() => {
        searchable ??= searchEntries(articles, analysis)
        return searchable
      }, query)
    },
  }
}
