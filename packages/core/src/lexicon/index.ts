export {
  ABBREVIATION_ALTERNATION,
  ABBREVIATIONS,
  COMMON_TITLES,
  COURTESY_TITLES,
  NAME_SUFFIX_ABBREVIATIONS,
  NAME_SUFFIXES,
  PLACE_ABBREVIATIONS,
  TITLE_ABBREVIATIONS,
  TITLE_ALTERNATION,
} from './abbreviations.js'
export {
  BEFORE_VERB_ADVERBS,
  LY_NOUN_ALTERNATION,
  LY_NOUNS,
  SENTENCE_ADVERBS,
} from './adverbs.js'
export {
  ARTICLES,
  CARDINALS,
  DEMONSTRATIVES,
  PLURAL_QUANTIFIERS,
  POSSESSIVE_DETERMINERS,
  QUANTIFIERS,
} from './determiners.js'
export { genderOfGivenName } from './given-names.js'
export {
  NAME_PARTICLES,
  PLACE_NAME_PARTICLES,
  SUBJECT_PARTICLES,
  SURNAME_PARTICLES,
} from './name-particles.js'
export {
  DOCUMENT_NOUNS,
  GROUP_NOUNS,
  NOT_AGENT_NOUNS,
  PEOPLE_NOUNS,
  SPEECH_NOUNS,
  TITLED_WORK_NOUNS,
} from './nouns.js'
export { PLACE_PREPOSITIONS, PREPOSITIONS } from './prepositions.js'
export {
  INDEFINITE_PRONOUNS,
  INTERROGATIVES,
  OBJECT_PRONOUNS,
  RELATIVE_PRONOUNS,
  SUBJECT_PRONOUNS,
} from './pronouns.js'
export {
  IRREGULAR_SPEECH_FORMS,
  isReportingVerb,
  pastOf,
  REPORTING_VERBS,
  SPEECH_PHRASES,
  SPEECH_VERBS,
  speechForms,
  thirdPersonOf,
  type VerbForm,
  verbAlternation,
  verbForm,
  verbForms,
} from './speech-verbs.js'
export { COMMON_SPOKEN_WORDS, FUNCTION_WORDS, NEWS_WORDS, STOPWORDS } from './stopwords.js'
export {
  CLOCK_WORDS,
  capitalized,
  DAY_PARTS,
  isWeekday,
  MONTH_ABBREVIATIONS,
  MONTHS,
  RELATIVE_DAYS,
  RELATIVE_TIMES,
  WEEKDAY_ALTERNATION,
  WEEKDAYS,
} from './time-words.js'
export { NAME_TITLES, PERSON_TITLES, ROLE_WORDS } from './titles.js'
export { AUXILIARY_VERBS, IRREGULAR_PASTS, MODALS } from './verbs.js'
