/** Articles: "a", "an", "the". */
export const ARTICLES: readonly string[] = ['a', 'an', 'the']

/** Possessive determiners: "his offer", "their jails". */
export const POSSESSIVE_DETERMINERS: readonly string[] = [
  'his',
  'her',
  'its',
  'their',
  'our',
  'my',
  'your',
]

/** Demonstratives: "this", "that", "these", "those". */
export const DEMONSTRATIVES: readonly string[] = ['this', 'that', 'these', 'those']

/**
 * Words that count a plural before it: "many states", "both claims", "two calls". A plural
 * after them is a noun, never a verb in "-s". (Not "other": "the other claims it is …".)
 */
export const PLURAL_QUANTIFIERS: readonly string[] = [
  'many',
  'several',
  'some',
  'all',
  'both',
  'most',
  'few',
  'two',
  'three',
  'four',
  'five',
]

/** Quantifiers that open a noun phrase: "some", "every", "several", "no" … */
export const QUANTIFIERS: readonly string[] = [
  'some',
  'any',
  'every',
  'each',
  'another',
  'no',
  'both',
  'several',
  'many',
]

/** Cardinal numbers from one to ten, spelled: "two officials said", "one of them". */
export const CARDINALS: readonly string[] = [
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
]
