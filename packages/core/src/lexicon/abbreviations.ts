/** Courtesy titles, without their period: "Mr", "Mrs", "Ms", "Dr". */
export const COURTESY_TITLES: readonly string[] = ['Mr', 'Mrs', 'Ms', 'Dr']

/** The titles news writes most before a name: the courtesy titles, "Sen", "Rep" and "Gov". */
export const COMMON_TITLES: readonly string[] = [...COURTESY_TITLES, 'Sen', 'Rep', 'Gov']

/** Titles and ranks abbreviated before a name, without their period: "Mr", "Sen", "Gen", "Rev" … */
export const TITLE_ABBREVIATIONS: readonly string[] = [
  ...COMMON_TITLES,
  'Prof',
  'Rev',
  'Fr',
  'Msgr',
  'Pres',
  'Amb',
  'Hon',
  'Atty',
  'Del',
  'Sec',
  'Secy',
  'Gen',
  'Lt',
  'Col',
  'Sgt',
  'Capt',
  'Adm',
  'Maj',
  'Cpl',
  'Pvt',
  'Cmdr',
  'Brig',
  'Insp',
  'Det',
  'Supt',
  'Gens',
  'Reps',
  'Sens',
  'Govs',
]

/** Suffixes abbreviated after a name: "Jr", "Sr". */
export const NAME_SUFFIX_ABBREVIATIONS: readonly string[] = ['Jr', 'Sr']

/**
 * Suffixes after a name that say which one of a family it is: "Jr", "Sr"
 * (abbreviations, without their period) and "II", "III", "IV".
 */
export const NAME_SUFFIXES: readonly string[] = [...NAME_SUFFIX_ABBREVIATIONS, 'II', 'III', 'IV']

/** Abbreviations in place names: "St. Louis", "the U.S.", "the U.K.". */
export const PLACE_ABBREVIATIONS: readonly string[] = ['St', 'U.S', 'U.K']

/** Every abbreviation whose period ends no sentence, without that period. */
export const ABBREVIATIONS: readonly string[] = [
  ...TITLE_ABBREVIATIONS,
  ...NAME_SUFFIX_ABBREVIATIONS,
  ...PLACE_ABBREVIATIONS,
]

/** A regular-expression alternation of `ABBREVIATIONS` (their inner periods escaped), longest first. */
export const ABBREVIATION_ALTERNATION = [...ABBREVIATIONS]
  .sort((a, b) => b.length - a.length)
  .map((word) => word.replaceAll('.', '\\.'))
  .join('|')

/** The same for `TITLE_ABBREVIATIONS`. */
export const TITLE_ALTERNATION = [...TITLE_ABBREVIATIONS]
  .sort((a, b) => b.length - a.length)
  .join('|')
