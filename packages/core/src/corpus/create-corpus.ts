import {
  type CrossReference,
  type CrossReferenceOptions,
  crossReference,
} from '../crossref/index.js'
import { CorroborateError } from '../errors.js'
import type { Article, Span } from '../types.js'

/** Where a word or phrase was found: a sentence, a quote or a claim, with its span. */
export interface SearchHit {
  kind: 'sentence' | 'quote' | 'claim'
  article: string
  /** The quote's or claim's id; null for a sentence. */
  id: string | null
  text: string
  span: Span
}

/** A growing set of articles and what cross-referencing them finds: the index the MCP server reads. */
export interface Corpus {
  /** The articles in the order they were added. */
  readonly articles: readonly Article[]
  get(id: string): Article | undefined
  /**
   * Adds an article; the analysis is recomputed on the next read.
   * @throws CorroborateError `DUPLICATE_ID` when an article has that id already, or
   *   `INVALID_ARGUMENT` when the article's body is empty. Nothing already in the corpus is lost.
   */
  add(article: Article): void
  /** The cross-reference of every article: quotes, speakers, claims, clusters, disputes, coverage. */
  analysis(): CrossReference
  /**
   * Sentences, quotes and claims holding every word of `query` (case and accents
   * aside), a phrase in double quotes as written; in article order.
   */
  search(query: string): SearchHit[]
}

const fold = (text: string) =>
  text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[’‘]/g, "'")

/** Creates a corpus from normalized articles (see `normalizeArticle`). */
export function createCorpus(
  articles: readonly Article[] = [],
  options: CrossReferenceOptions = {},
): Corpus {
  const list: Article[] = []
  const byId = new Map<string, Article>()
  let cached: CrossReference | null = null
  // Every searchable text folded once per analysis, so that a search only scans strings.
  let searchable: Array<{ hit: SearchHit; folded: string }> | null = null
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
          `article "${article.id}" has no body text: ${article.messages.find((m) => m.fatal)?.message ?? 'nothing was left after cleaning'}`,
          { subject: article.id },
        )
      list.push(article)
      byId.set(article.id, article)
      cached = null
      searchable = null
    },
    analysis() {
      cached ??= crossReference(list, options)
      return cached
    },
    search(query) {
      const phrases = [...query.matchAll(/"([^"]+)"|(\S+)/g)]
        .map((m) => fold((m[1] ?? m[2] ?? '').trim()))
        .filter((p) => p !== '')
      if (phrases.length === 0) return []
      if (!searchable) {
        const analysis = corpus.analysis()
        const entries: Array<{ hit: SearchHit; folded: string }> = []
        for (const article of list)
          for (const sentence of article.sentences)
            entries.push({
              hit: {
                kind: 'sentence',
                article: article.id,
                id: null,
                text: sentence.text,
                span: sentence.span,
              },
              folded: fold(sentence.text),
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
              folded: fold(quote.text),
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
            folded: `${fold(claim.text)}\n${fold(claim.sentence.text)}`,
          })
        const order = new Map(list.map((a, i) => [a.id, i]))
        entries.sort(
          (a, b) =>
            (order.get(a.hit.article) ?? 0) - (order.get(b.hit.article) ?? 0) ||
            a.hit.span.start - b.hit.span.start ||
            a.hit.kind.localeCompare(b.hit.kind),
        )
        searchable = entries
      }
      return searchable
        .filter((entry) => phrases.every((p) => entry.folded.includes(p)))
        .map((entry) => entry.hit)
    },
  }
  for (const article of articles) corpus.add(article)
  return corpus
}
