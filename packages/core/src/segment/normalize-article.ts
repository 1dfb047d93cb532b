import { type IngestArticleOptions, ingestArticle } from '../ingest/ingest-article.js'
import { toOriginalSpan } from '../ingest/text-runs.js'
import type { Article, ArticleSource, Sentence } from '../types.js'
import { MAX_PARSE_LENGTH, splitSentences } from './split-sentences.js'

export type NormalizeArticleOptions = IngestArticleOptions

/**
 * Ingests an article and splits its body into sentences: the whole
 * normalization stage. Sentences never cross paragraphs; each has a span into
 * `original` and an `offset` into `text`. Never throws on content (see
 * `ingestArticle`); the same input always gives a deep-equal article.
 */
export function normalizeArticle(
  source: ArticleSource,
  options: NormalizeArticleOptions = {},
): Article {
  const article = ingestArticle(source, options)
  const sentences: Sentence[] = []
  for (const paragraph of article.paragraphs) {
    if (paragraph.text.length > MAX_PARSE_LENGTH) {
      article.messages.push({
        code: 'long-paragraph',
        severity: 'warning',
        message: `paragraph ${paragraph.index + 1} is ${paragraph.text.length.toLocaleString('en-US')} characters long; it was split into sentences in pieces, so a sentence may be cut where a piece ends`,
        span: paragraph.span,
      })
    }
    for (const range of splitSentences(paragraph.text)) {
      const start = paragraph.offset + range.start
      const end = paragraph.offset + range.end
      sentences.push({
        index: sentences.length,
        paragraph: paragraph.index,
        text: article.text.slice(start, end),
        span: toOriginalSpan(article.runs, start, end),
        offset: start,
      })
    }
  }
  return { ...article, sentences }
}
