export { ARTICLES, DEMONSTRATIVES, POSSESSIVE_DETERMINERS, QUANTIFIERS } from './determiners.js'
export {
  IRREGULAR_SPEECH_FORMS,
  pastOf,
  SPEECH_PHRASES,
  SPEECH_VERBS,
  speechForms,
  thirdPersonOf,
  verbForms,
} from './speech-verbs.js'
