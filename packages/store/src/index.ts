export {
  analyseStory,
  countPerStory,
  quoteRank,
  type StoredQuote,
  type StoryAnalysis,
  type StoryAnalysisInput,
  type StorySpeaker,
  scopeIds,
  speakersWithArticles,
  storedAnalysisText,
} from './analyse-story.js'
export { ANALYSIS_VERSION } from './analysis-version.js'
export { defaultDataDir } from './default-data-dir.js'
export { type IngestOptions, type IngestSummary, ingest } from './ingest.js'
export { SCHEMA_VERSION } from './migrations.js'
export { type OpenStoreOptions, openStore, type StoreLocation } from './open-store.js'
export {
  contentHash,
  type PreparedArticle,
  prepareArticle,
  type SerializedArticle,
  serializeArticle,
} from './prepare-article.js'
export type {
  AddResult,
  ArticleSummary,
  DisputeFilter,
  Page,
  PageOptions,
  QuoteFilter,
  SourceSummary,
  Store,
  StoredArticle,
  StoreSearchHit,
  StoreTotals,
  StoryInput,
  StoryPieces,
  Window,
} from './types.js'
