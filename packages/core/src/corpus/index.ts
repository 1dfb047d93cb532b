export { type Corpus, createCorpus, type SearchHit } from './create-corpus.js'
