export { type Corpus, createCorpus } from './create-corpus.js'
export { foldText, matchesSpeaker, textMatches } from './match-text.js'
export {
  SEARCH_HIT_KINDS,
  type SearchEntry,
  type SearchHit,
  type SearchHitKind,
  searchEntries,
  searchHits,
} from './search-entries.js'
