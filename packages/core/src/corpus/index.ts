export { type Corpus, createCorpus } from './create-corpus.js'
export { foldText, matchesSpeaker, textMatches } from './match-text.js'
export {
  type SearchEntry,
  type SearchHit,
  searchEntries,
  searchHits,
} from './search-entries.js'
