import {
  type Article,
  type Corpus,
  CorroborateError,
  type CrossReference,
  foldText,
  type SearchHit,
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
  let searchable: Array<{ hit: SearchHit; folded: string }> | null = null
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
      // As the core's corpus searches: folded first, so that a phrase in curly quotes is a phrase too.
      const phrases = [...foldText(query).matchAll(/"([^"]+)"|(\S+)/g)]
        .map((m) => (m[1] ?? m[2] ?? '').trim())
        .filter((p) => p !== '')
      if (phrases.length === 0) return []
      searchable ??= searchEntries(articles, analysis)
      return searchable
        .filter((entry) => phrases.every((p) => entry.folded.includes(p)))
        .map((entry) => entry.hit)
    },
  }
}

function searchEntries(articles: readonly Article[], analysis: CrossReference) {
  const entries: Array<{ hit: SearchHit; folded: string }> = []
  for (const article of articles)
    for (const sentence of article.sentences)
      entries.push({
        hit: {
          kind: 'sentence',
          article: article.id,
          id: null,
          text: sentence.text,
          span: sentence.span,
        },
        folded: foldText(sentence.text),
      })
  for (const quote of analysis.quotes)
    if (quote.kind !== 'term')
      entries.push({
        hit: {
          kind: 'quote',
          article: quote.article,
          id: quote.id,
          text: quote.text,
          span: quote.span,
        },
        folded: foldText(quote.text),
      })
  for (const claim of analysis.claims)
    entries.push({
      hit: {
        kind: 'claim',
        article: claim.article,
        id: claim.id,
        text: claim.text,
        span: claim.span,
      },
      folded: `${foldText(claim.text)}\n${foldText(claim.sentence.text)}`,
    })
  const order = new Map(articles.map((a, i) => [a.id, i]))
  entries.sort(
    (a, b) =>
      (order.get(a.hit.article) ?? 0) - (order.get(b.hit.article) ?? 0) ||
      a.hit.span.start - b.hit.span.start ||
      a.hit.kind.localeCompare(b.hit.kind),
  )
  return entries
}
