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
export { defaultDataDir } from './default-data-dir.js'
export { type IngestOptions, type IngestSummary, ingest } from './ingest.js'
export { SCHEMA_VERSION } from './migrations.js'
export {
  type AddResult,
  type ArticleSummary,
  type DisputeFilter,
  type OpenStoreOptions,
  openStore,
  type Page,
  type PageOptions,
  type QuoteFilter,
  type SourceSummary,
  type Store,
  type StoredArticle,
  type StoreLocation,
  type StoreSearchHit,
  type StoreTotals,
  type StoryInput,
  type Window,
} from './open-store.js'
export {
  ANALYSIS_VERSION,
  contentHash,
  type PreparedArticle,
  prepareArticle,
  type SerializedArticle,
  serializeArticle,
} from './prepare-article.js'
