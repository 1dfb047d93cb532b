export { type Corpus, createCorpus, type SearchHit } from './create-corpus.js'
export { foldText, matchesSpeaker, textMatches } from './match-text.js'
