import {
  type ArticleAnalysis,
  analyzeArticle,
  type CrossReference,
  type CrossReferenceOptions,
  crossReference,
} from '../crossref/index.js'
import { CorroborateError } from '../errors.js'
import { createStoryIndex, profileArticle } from '../stories/index.js'
import type { Article, Story } from '../types.js'
import { type SearchEntry, type SearchHit, searchEntries, searchHits } from './search-entries.js'

/** A growing set of articles and what cross-referencing them finds: the index the MCP server reads. */
export interface Corpus {
  /** The articles in the order they were added. */
  readonly articles: readonly Article[]
  get(id: string): Article | undefined
  /**
   * Adds an article and assigns it to a story (an existing one or a new one,
   * without regrouping the others); the analysis is recomputed on the next read.
   * @throws CorroborateError `DUPLICATE_ID` when an article has that id already, or
   *   `INVALID_ARGUMENT` when the article's body is empty. Nothing already in the corpus is lost.
   */
  add(article: Article): void
  /**
   * The stories of the corpus: each article joined one when it was added, and
   * stays there. Cheap: no cross-referencing is done.
   */
  stories(): Story[]
  /** The story an article is in. */
  storyOf(article: string): string | undefined
  /** The cross-reference of every article: quotes, speakers, claims, clusters, disputes, coverage. */
  analysis(): CrossReference
  /**
   * Sentences, quotes and claims holding every word of `query` (case and accents
   * aside), a phrase in double quotes as written; in article order.
   */
  search(query: string): SearchHit[]
}

/** Creates a corpus from normalized articles (see `normalizeArticle`). */
export function createCorpus(
  articles: readonly Article[] = [],
  options: CrossReferenceOptions = {},
): Corpus {
  const list: Article[] = []
  const byId = new Map<string, Article>()
  let cached: CrossReference | null = null
  const storyIndex = createStoryIndex(options)
  const analyses = new Map<string, ArticleAnalysis>()
  let stories: Story[] | null = null
  // Every searchable text folded once per analysis, so that a search only scans strings.
  let searchable: SearchEntry[] | null = null
  const corpus: Corpus = {
    get articles() {
      return list
    },
    get: (id) => byId.get(id),
    add(article) {
      if (!article || typeof article !== 'object' || typeof article.id !== 'string')
        throw new CorroborateError(
          'INVALID_ARGUMENT',
          'add expects an article from normalizeArticle',
        )
      if (byId.has(article.id))
        throw new CorroborateError(
          'DUPLICATE_ID',
          `the corpus already has an article "${article.id}"; give the new one another id`,
          { subject: article.id },
        )
      if (article.paragraphs.length === 0)
        throw new CorroborateError(
          'INVALID_ARGUMENT',
          `article "${article.id}" has no body text: ${article.messages.find((m) => m.severity === 'error')?.message ?? 'nothing was left after cleaning'}`,
          { subject: article.id },
        )
      // Read once: the story profile and every later analysis share it.
      const analysis = analyzeArticle(article)
      const { quotes, speakers } = analysis.quotes
      storyIndex.add(profileArticle(article, quotes, analysis.claims.claims, speakers))
      analyses.set(article.id, analysis)
      list.push(article)
      byId.set(article.id, article)
      cached = null
      stories = null
      searchable = null
    },
    stories() {
      stories ??= storyIndex.stories()
      return stories
    },
    storyOf: (article) => storyIndex.storyOf(article),
    analysis() {
      cached ??= crossReference(list, { ...options, stories: corpus.stories(), analyses })
      return cached
    },
    search(query) {
      return searchHits(() => {
        searchable ??= searchEntries(list, corpus.analysis())
        return searchable
      }, query)
    },
  }
  for (const article of articles) corpus.add(article)
  return corpus
}
