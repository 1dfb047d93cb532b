const POSSESSIVE = /['’]s$/

/** Whether a word ends in a possessive "'s": "Salvador's", "nation’s". */
export const isPossessive = (word: string): boolean => POSSESSIVE.test(word)

/** A word without its possessive "'s": "Salvador's" → "Salvador". */
export const withoutPossessive = (word: string): string => word.replace(POSSESSIVE, '')

/** A word without its possessive "'s" and a full stop: "Salvador's" → "Salvador", "Mr." → "Mr". */
export const bareWord = (word: string): string => withoutPossessive(word).replace(/\.$/, '')
