export { type ClaimExtraction, extractClaims } from './claims/index.js'
export { type ResolvedSpeakers, resolveSpeakers } from './entities/index.js'
export { CorroborateError, type CorroborateErrorCode, isCorroborateError } from './errors.js'
export {
  type ArticleLoadFailure,
  contentId,
  DEFAULT_MAX_BYTES,
  DEFAULT_MAX_LENGTH,
  decodeArticleBytes,
  fileStemId,
  formatOfPath,
  type IngestArticleOptions,
  type IngestedArticle,
  ingestArticle,
  type LoadArticleFileOptions,
  loadArticleDirectory,
  loadArticleFile,
  normalizeDate,
  toOriginalSpan,
} from './ingest/index.js'
export {
  extractQuotes,
  parseSpeakerMention,
  type QuoteExtraction,
  type SpeakerMention,
} from './quotes/index.js'
export { type NormalizeArticleOptions, normalizeArticle, splitSentences } from './segment/index.js'
export type {
  Article,
  ArticleFormat,
  ArticleMessage,
  ArticleMetadataInput,
  ArticleSource,
  AttributionRule,
  BoilerplateKind,
  Caption,
  Evidence,
  EvidenceSource,
  MessageCode,
  MessageSeverity,
  Paragraph,
  Quote,
  QuoteChannel,
  QuoteKind,
  RemovedText,
  Sentence,
  Span,
  Speaker,
  SpeakerKind,
  SpeakerRef,
  TextEvidence,
  TextRun,
} from './types.js'
