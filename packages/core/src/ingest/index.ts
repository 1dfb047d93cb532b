export { contentId, fileStemId, uniqueArticleIds } from './article-id.js'
export { decodeArticleBytes, decodeHtmlBytes } from './decode-article-bytes.js'
export {
  DEFAULT_MAX_HTML_LENGTH,
  DEFAULT_MAX_LENGTH,
  type IngestArticleOptions,
  type IngestedArticle,
  ingestArticle,
} from './ingest-article.js'
export {
  type ArticleLoadFailure,
  DEFAULT_MAX_BYTES,
  DEFAULT_MAX_HTML_BYTES,
  describeFileError,
  formatOfPath,
  type LoadArticleFileOptions,
  loadArticleDirectory,
  loadArticleFile,
} from './load-article-file.js'
export { normalizeDate } from './metadata.js'
export {
  type ArticleSources,
  type ReadArticleSourcesOptions,
  readArticleSources,
} from './read-article-sources.js'
export { toOriginalSpan } from './text-runs.js'
