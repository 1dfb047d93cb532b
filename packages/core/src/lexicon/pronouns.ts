/** Personal pronouns as subjects, lower case: "i", "you", "he", "she", "it", "we", "they". */
export const SUBJECT_PRONOUNS: readonly string[] = ['i', 'you', 'he', 'she', 'it', 'we', 'they']

/** Personal pronouns as objects, lower case: "me", "you", "him", "her", "it", "us", "them". */
export const OBJECT_PRONOUNS: readonly string[] = ['me', 'you', 'him', 'her', 'it', 'us', 'them']

/** Pronouns for a person left unnamed: "someone", "everybody", "nobody" … */
export const INDEFINITE_PRONOUNS: readonly string[] = [
  'someone',
  'somebody',
  'everyone',
  'everybody',
  'anyone',
  'nobody',
]
