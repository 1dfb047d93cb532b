/*
 * Verb forms that no rule of endings makes, and the auxiliaries around them:
 * general English, the words news uses for what people did.
 */

/**
 * Irregular past tenses common in news ("told", "went", "sought"): with the
 * regular "-ed" forms, what a finite verb after a subject looks like.
 */
export const IRREGULAR_PASTS: readonly string[] = [
  'told',
  'wrote',
  'said',
  'went',
  'gave',
  'took',
  'made',
  'put',
  'came',
  'spoke',
  'sent',
  'held',
  'led',
  'met',
  'began',
  'ran',
  'sought',
  'brought',
  'thought',
  'felt',
  'left',
  'kept',
  'stood',
  'won',
  'lost',
  'paid',
  'set',
  'cut',
  'hit',
  'read',
  'let',
]

/** Finite forms of "have", "be" and "do", which open a verb group: "has said", "was told". */
export const AUXILIARY_VERBS: readonly string[] = [
  'has',
  'had',
  'have',
  'is',
  'was',
  'were',
  'are',
  'did',
  'does',
  'do',
]

/** Modal verbs: "can", "could", "will", "would", "may", "might", "must", "should". */
export const MODALS: readonly string[] = [
  'can',
  'could',
  'will',
  'would',
  'may',
  'might',
  'must',
  'should',
]
