export {
  ABBREVIATION_ALTERNATION,
  ABBREVIATIONS,
  NAME_SUFFIX_ABBREVIATIONS,
  PLACE_ABBREVIATIONS,
  TITLE_ABBREVIATIONS,
  TITLE_ALTERNATION,
} from './abbreviations.js'
export { LY_NOUN_ALTERNATION, LY_NOUNS } from './adverbs.js'
export { ARTICLES, DEMONSTRATIVES, POSSESSIVE_DETERMINERS, QUANTIFIERS } from './determiners.js'
export { genderOfGivenName } from './given-names.js'
export {
  IRREGULAR_SPEECH_FORMS,
  pastOf,
  SPEECH_PHRASES,
  SPEECH_VERBS,
  speechForms,
  thirdPersonOf,
  type VerbForm,
  verbAlternation,
  verbForm,
  verbForms,
} from './speech-verbs.js'
