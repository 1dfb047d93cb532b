/**
 * Adverbs of time and addition that stand between a subject and its verb:
 * "he also said", "she later wrote", "they once again".
 */
export const BEFORE_VERB_ADVERBS: readonly string[] = ['also', 'then', 'later', 'once', 'again']

/**
 * Adverbs that open a sentence before its comma and do not end in "-ly": "Moreover, the
 * mayor said", "Otherwise, the clerk …".
 */
export const SENTENCE_ADVERBS: readonly string[] = [
  'moreover',
  'furthermore',
  'nevertheless',
  'nonetheless',
  'likewise',
  'otherwise',
  'thus',
  'hence',
  'therefore',
  'overall',
  'besides',
  'regardless',
  'anyway',
  'instead',
  'indeed',
  'still',
  'yet',
  'again',
  'however',
  'meanwhile',
]

/**
 * Words ending in "-ly" that are no adverbs ("family", "ally", "supply",
 * "July"): the rest of such words, longer than a few letters, are read as
 * adverbs ("repeatedly", "publicly").
 */
export const LY_NOUNS: readonly string[] = [
  'family',
  'ally',
  'assembly',
  'supply',
  'rally',
  'monopoly',
  'anomaly',
  'belly',
  'july',
  'italy',
  'fly',
  'reply',
  'bully',
  'jelly',
  'lily',
  'folly',
]

/** `LY_NOUNS` as a regular-expression alternation. */
export const LY_NOUN_ALTERNATION = LY_NOUNS.join('|')
