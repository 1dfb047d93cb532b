export { type AlignClaimsOptions, alignClaims, sameValue } from './align-claims.js'
export { type ArticleAnalysis, analyzeArticle } from './analyze-article.js'
export { type ClusterQuotesOptions, clusterQuotes } from './cluster-quotes.js'
export {
  type ArticleComparison,
  type CompareArticlesOptions,
  type ComparedSlot,
  type ComparedValue,
  compareArticles,
} from './compare-articles.js'
export { measureCoverage } from './coverage.js'
export {
  type CorpusMessage,
  type CrossReference,
  type CrossReferenceOptions,
  crossReference,
} from './cross-reference.js'
export { classifyVariant, diffWords } from './diff-words.js'
export { type DisputeInput, type FactUpdate, findDisputes } from './find-disputes.js'
export { type WordToken, wordTokens } from './word-tokens.js'
