export { type Corpus, createCorpus } from './create-corpus.js'
export { type LoadArticlesOptions, type LoadedArticles, loadArticles } from './load-articles.js'
export { foldText, matchesSpeaker, textMatches } from './match-text.js'
export { isShortFragment, sortQuotesByWeight } from './quote-weight.js'
export {
  SEARCH_HIT_KINDS,
  type SearchEntry,
  type SearchHit,
  type SearchHitKind,
  searchEntries,
  searchHits,
} from './search-entries.js'
