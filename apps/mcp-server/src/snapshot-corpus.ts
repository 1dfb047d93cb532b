import {
  type Article,
  type Corpus,
  CorroborateError,
  type CrossReference,
  type SearchEntry,
  searchEntries,
  searchHits,
} from '@corroborate/core'
import { nextTurn } from './list-parts.js'

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
  const snapshot: Corpus = {
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
  let preparing: Promise<void> | null = null
  searchPreparers.set(snapshot, () => {
    preparing ??= entriesInSteps(articles, analysis).then((entries) => {
      searchable ??= entries
    })
    return preparing
  })
  return snapshot
}

const searchPreparers = new WeakMap<Corpus, () => Promise<void>>()

/**
 * Resolves once `corpus.search` answers without building its entries in one
 * turn: a snapshot's are built a few hundred at a time between other calls
 * (the first search after a 1,000,000-character article folded 40,000
 * sentences, quotes and claims in one turn, 0.6 to 1 s); any other corpus at once.
 */
export function prepareSearch(corpus: Corpus): Promise<void> {
  return searchPreparers.get(corpus)?.() ?? Promise.resolve()
}

// Sentences, quotes or claims folded in one turn: a few milliseconds.
const STEP = 100

/**
 * What `searchEntries(articles, analysis)` gives, built by calls of it on a
 * few items each with a turn given up between them: the same entries in the
 * same order, since its sort is stable and the items go in in its own order
 * (every sentence, then the quotes, then the claims).
 */
async function entriesInSteps(
  articles: readonly Article[],
  analysis: CrossReference,
): Promise<SearchEntry[]> {
  const none = { ...analysis, quotes: [], claims: [] }
  const withoutSentences = articles.map((article) => ({ ...article, sentences: [] }))
  const pieces: SearchEntry[][] = []
  for (const article of articles)
    for (let at = 0; at < article.sentences.length; at += STEP) {
      const sentences = article.sentences.slice(at, at + STEP)
      pieces.push(searchEntries([{ ...article, sentences }], none))
      await nextTurn()
    }
  for (const key of ['quotes', 'claims'] as const)
    for (let at = 0; at < analysis[key].length; at += STEP) {
      pieces.push(
        searchEntries(withoutSentences, { ...none, [key]: analysis[key].slice(at, at + STEP) }),
      )
      await nextTurn()
    }
  const order = new Map(articles.map((article, i) => [article.id, i]))
  return pieces
    .flat()
    .sort(
      (a, b) =>
        (order.get(a.hit.article) ?? 0) - (order.get(b.hit.article) ?? 0) ||
        a.hit.span.start - b.hit.span.start ||
        a.hit.kind.localeCompare(b.hit.kind),
    )
}
