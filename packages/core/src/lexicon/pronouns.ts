/** Personal pronouns as subjects, lower case: "i", "you", "he", "she", "it", "we", "they". */
export const SUBJECT_PRONOUNS: readonly string[] = ['i', 'you', 'he', 'she', 'it', 'we', 'they']

/** Personal pronouns as objects, lower case: "me", "you", "him", "her", "it", "us", "them". */
export const OBJECT_PRONOUNS: readonly string[] = ['me', 'you', 'him', 'her', 'it', 'us', 'them']

/** Interrogatives, lower case: "what", "who", "whom", "which", "how", "why", "when", "where", "whether". */
export const INTERROGATIVES: readonly string[] = [
  'what',
  'who',
  'whom',
  'which',
  'how',
  'why',
  'when',
  'where',
  'whether',
]

/** Relative pronouns that open a clause after a noun: "a waiter who", "the report that". */
export const RELATIVE_PRONOUNS: readonly string[] = ['who', 'which', 'that']

/** Pronouns for a person left unnamed: "someone", "everybody", "nobody" … */
export const INDEFINITE_PRONOUNS: readonly string[] = [
  'someone',
  'somebody',
  'everyone',
  'everybody',
  'anyone',
  'nobody',
]
