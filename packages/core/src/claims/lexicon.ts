import {
  MONTH_ABBREVIATIONS,
  MONTHS as MONTH_NAMES,
  NAME_TITLES,
  PERSON_TITLES,
} from '../lexicon/index.js'

/** A set of the words of `list`, split on white space. */
export const words = (list: string): Set<string> => new Set(list.trim().split(/\s+/))
// Lexicons are Maps, not objects: a word such as "constructor" must not find
// what Object.prototype holds under that name.
const lexicon = <T>(entries: Record<string, T>): ReadonlyMap<string, T> =>
  new Map(Object.entries(entries))

/** Words that bound a number: [pattern before the number, qualifier]. Checked in order, so the longer phrase wins. */
export const QUALIFIER_PATTERNS: ReadonlyArray<
  readonly [RegExp, 'about' | 'up-to' | 'more-than' | 'less-than' | 'at-least']
> = [
  [
    /\b(?:up to|as many as|as much as|a maximum of|no more than|not more than|at most|at the most)\s+$/i,
    'up-to',
  ],
  [
    /\b(?:at least|a minimum of|no fewer than|no less than|not less than|not fewer than)\s+$/i,
    'at-least',
  ],
  [
    /\b(?:more than|over|in excess of|upwards? of|above|exceeding|greater than|higher than|north of|beyond)\s+$/i,
    'more-than',
  ],
  [/\b(?:fewer than|less than|under|below|lower than|short of|shy of|south of)\s+$/i, 'less-than'],
  [
    /(?:\b(?:about|around|roughly|nearly|almost|approximately|approx\.|some|an estimated|estimated|close to|circa|ca\.|an approximate|just about|upward)\s+|~\s*)$/i,
    'about',
  ],
]

/** Spelled cardinals. */
export const SMALL_NUMBERS = lexicon<number>({
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
})

/** Words that multiply what comes before them. */
export const SCALES = lexicon<number>({
  hundred: 100,
  thousand: 1e3,
  million: 1e6,
  billion: 1e9,
  trillion: 1e12,
  lakh: 1e5,
  crore: 1e7,
})

/** Scale abbreviations written against a number, mostly with money: "$6m", "£1.2bn", "5k". */
export const SCALE_ABBREVIATIONS = lexicon<number>({
  k: 1e3,
  m: 1e6,
  mn: 1e6,
  mln: 1e6,
  b: 1e9,
  bn: 1e9,
  tn: 1e12,
  trn: 1e12,
})

/** Plural forms that stand for a vague amount: "thousands of", "dozens of". */
export const VAGUE_AMOUNTS = lexicon<number>({
  dozens: 12,
  scores: 20,
  hundreds: 100,
  thousands: 1e3,
  millions: 1e6,
  billions: 1e9,
  trillions: 1e12,
})

/** Currency signs, with the letters that may stand before a dollar sign. */
export const CURRENCY_SIGNS = lexicon<string>({
  $: 'USD',
  US$: 'USD',
  C$: 'CAD',
  CA$: 'CAD',
  A$: 'AUD',
  AU$: 'AUD',
  NZ$: 'NZD',
  HK$: 'HKD',
  S$: 'SGD',
  R$: 'BRL',
  MX$: 'MXN',
  '€': 'EUR',
  '£': 'GBP',
  '¥': 'JPY',
  '₹': 'INR',
  '₩': 'KRW',
  '₽': 'RUB',
  '₪': 'ILS',
  '₦': 'NGN',
  '₴': 'UAH',
  '₺': 'TRY',
})

/** ISO 4217 codes written as words before or after an amount. */
export const CURRENCY_CODES = words(`
  USD EUR GBP JPY CNY INR CAD AUD NZD CHF RUB KRW BRL MXN ZAR TRY SEK NOK DKK PLN ILS UAH NGN HKD SGD
`)

/** Currency names (singular) after an amount. Names shared by several currencies (peso, franc, real) are left out. */
export const CURRENCY_WORDS = lexicon<string>({
  dollar: 'USD',
  buck: 'USD',
  euro: 'EUR',
  sterling: 'GBP',
  yen: 'JPY',
  yuan: 'CNY',
  renminbi: 'CNY',
  ruble: 'RUB',
  rouble: 'RUB',
  rupee: 'INR',
  won: 'KRW',
  shekel: 'ILS',
  hryvnia: 'UAH',
  naira: 'NGN',
  rand: 'ZAR',
  lira: 'TRY',
})

export interface UnitClass {
  /** The base unit of the class: "people", "m", "kg" …; values are converted to it. */
  unit: string
  factor: number
}

const classOf = (unit: string, factor: number, list: string): Array<[string, UnitClass]> =>
  list
    .trim()
    .split(/\s+/)
    .map((word) => [word, { unit, factor }])

/**
 * Nouns (singular, lower case) that measure something a reader would compare
 * across outlets, mapped to a class and the factor to its base unit: people
 * (capacity as beds, head counts of any kind of person), distance in metres,
 * area in square metres, weight in kilograms, volume in litres, duration in
 * seconds, speed in km/h.
 */
export const UNIT_CLASSES: ReadonlyMap<string, UnitClass> = new Map<string, UnitClass>([
  ...classOf(
    'people',
    1,
    `person people individual inmate prisoner detainee bed resident citizen migrant immigrant emigrant
    refugee asylum-seeker seeker worker employee staff staffer student pupil child kid adult man woman
    boy girl baby infant teen teenager youth soldier troop officer patient victim voter member passenger
    fan protester protestor demonstrator civilian casualty death fatality dead injured wounded killed
    visitor tourist delegate lawmaker legislator senator juror convict criminal suspect offender
    applicant attendee spectator participant doctor nurse teacher user subscriber customer volunteer
    firefighter rescuer hostage captive survivor evacuee deportee player athlete pilgrim worshipper
    inhabitant soul fighter militant rebel insurgent recruit personnel guard agent official diplomat
    journalist reporter shopper consumer homeowner tenant taxpayer beneficiary recipient retiree veteran
    gang-member prisoners-of-war crew crewmember marcher rioter looter arrestee`,
  ),
  ...classOf('m', 1000, 'km kilometer kilometre kms'),
  ...classOf('m', 1609.344, 'mile mi'),
  ...classOf('m', 1, 'meter metre m'),
  ...classOf('m', 0.3048, 'foot feet ft'),
  ...classOf('m', 0.9144, 'yard yd'),
  ...classOf('m', 0.0254, 'inch'),
  ...classOf('m', 0.01, 'centimeter centimetre cm'),
  ...classOf('m', 0.001, 'millimeter millimetre mm'),
  ...classOf('m2', 10000, 'hectare ha'),
  ...classOf('m2', 4046.8564224, 'acre'),
  ...classOf('m2', 1e6, 'km²'),
  ...classOf('m2', 1, 'm²'),
  ...classOf('kg', 1, 'kg kilogram kilo kgs'),
  ...classOf('kg', 0.001, 'gram g'),
  ...classOf('kg', 1000, 'tonne t'),
  ...classOf('kg', 907.18474, 'ton'),
  ...classOf('kg', 0.45359237, 'pound lb lbs'),
  ...classOf('kg', 0.028349523125, 'ounce oz'),
  ...classOf('l', 1, 'liter litre l'),
  ...classOf('l', 0.001, 'milliliter millilitre ml'),
  ...classOf('l', 3.785411784, 'gallon'),
  ...classOf('l', 158.987294928, 'barrel'),
  ...classOf('s', 1, 'second sec'),
  ...classOf('s', 60, 'minute min'),
  ...classOf('s', 3600, 'hour hr'),
  ...classOf('s', 86400, 'day'),
  ...classOf('s', 604800, 'week'),
  ...classOf('s', 1209600, 'fortnight'),
  ...classOf('s', 2629746, 'month'),
  ...classOf('s', 31556952, 'year yr'),
  ...classOf('s', 315569520, 'decade'),
  ...classOf('s', 3155695200, 'century'),
  ...classOf('km/h', 1, 'kph km/h kmh'),
  ...classOf('km/h', 1.609344, 'mph'),
])

/** Two-word units: "square miles", "metric tons". Key: both words, the second singular. */
export const COMPOUND_UNITS: ReadonlyMap<string, UnitClass> = new Map([
  ['square kilometer', { unit: 'm2', factor: 1e6 }],
  ['square kilometre', { unit: 'm2', factor: 1e6 }],
  ['square km', { unit: 'm2', factor: 1e6 }],
  ['sq km', { unit: 'm2', factor: 1e6 }],
  ['square mile', { unit: 'm2', factor: 2589988.110336 }],
  ['sq mi', { unit: 'm2', factor: 2589988.110336 }],
  ['square meter', { unit: 'm2', factor: 1 }],
  ['square metre', { unit: 'm2', factor: 1 }],
  ['square foot', { unit: 'm2', factor: 0.09290304 }],
  ['square feet', { unit: 'm2', factor: 0.09290304 }],
  ['sq ft', { unit: 'm2', factor: 0.09290304 }],
  ['metric ton', { unit: 'kg', factor: 1000 }],
  ['cubic meter', { unit: 'l', factor: 1000 }],
  ['cubic metre', { unit: 'l', factor: 1000 }],
  ['nautical mile', { unit: 'm', factor: 1852 }],
  ['light year', { unit: 'm', factor: 9.4607e15 }],
  ['asylum seeker', { unit: 'people', factor: 1 }],
  ['police officer', { unit: 'people', factor: 1 }],
  ['gang member', { unit: 'people', factor: 1 }],
])

/** Unit abbreviations that may be written against the number: "5km", "10kg", "100m". */
export const ATTACHED_UNITS = words(
  `km kms mi m ft yd cm mm ha kg kgs g t lb lbs oz l ml kph mph kmh hr hrs`,
)

export const MONTHS: ReadonlySet<string> = new Set([...MONTH_NAMES, ...MONTH_ABBREVIATIONS])

/** Words before a number that make it a rank or an identifier: "No. 1", "number 10", "#2". */
export const IDENTIFIER_WORDS = words(
  `no nos number num pg page p pp vol chapter ch section sec art`,
)

/** Plurals without a final s, so that a phrase reads as ended after them. */
export const IRREGULAR_PLURALS = lexicon<string>({
  people: 'people',
  children: 'child',
  men: 'man',
  women: 'woman',
  police: 'police',
  staff: 'staff',
  personnel: 'personnel',
  feet: 'foot',
  teeth: 'tooth',
  mice: 'mouse',
  geese: 'goose',
  cattle: 'cattle',
  data: 'data',
  media: 'media',
  criteria: 'criterion',
  phenomena: 'phenomenon',
})

// Words ending in s that are singular.
const SINGULAR_S =
  /(?:ss|us|is|ous|ics|series|species|news|whereas|gas|bias|atlas|canvas|alias|chaos|ethos|pathos|lens|mars|texas|kansas|arkansas|christmas|always|perhaps|thus|yes|bus|plus|minus|asbestos|diabetes|herpes|measles|mumps|rabies|headquarters|means|overseas|sometimes)$/

/** A simple English singular: "prisoners" → "prisoner", "countries" → "country", "children" → "child". */
export function singular(word: string): string {
  const lower = word.toLowerCase()
  const irregular = IRREGULAR_PLURALS.get(lower)
  if (irregular) return irregular
  // Every rule below reads a final s.
  if (!lower.endsWith('s')) return lower
  if (lower.length < 4 || SINGULAR_S.test(lower)) return lower
  if (/[^aeiou]ies$/.test(lower)) return `${lower.slice(0, -3)}y`
  if (/(?:sses|shes|ches|xes|zzes)$/.test(lower)) return lower.slice(0, -2)
  if (/(?:[^s]s)$/.test(lower)) return lower.slice(0, -1)
  return lower
}

/** True when a lower-case word reads as a plural. */
export function isPlural(word: string): boolean {
  const lower = word.toLowerCase()
  return IRREGULAR_PLURALS.has(lower) || singular(lower) !== lower
}

/**
 * Generic words that signal a place: before a name ("the city of"), inside one
 * ("Lake", "Airport") or after a possessive ("El Salvador's capital").
 */
export const PLACE_NOUNS = words(`
  city town village capital province state region district county country nation island islands
  territory border borders coast outskirts suburb suburbs streets neighborhood neighbourhood area
  north south east west northeast northwest southeast southwest north-east north-west south-east
  south-west center centre heart port republic kingdom commune municipality prefecture governorate
  department oblast canton emirate
`)

/** Capitalized words that make a name a place when they are part of it. */
export const PLACE_NAME_WORDS = words(`
  Lake River Mountain Mountains Mount Mt Bay Gulf Sea Ocean Island Islands Isle Peninsula Valley Coast
  Desert Canyon Park Square Airport Port Harbor Harbour Strait Canal Bridge Base Camp Palace Plaza
  City Town County Province State Region District Republic Kingdom Territory Hills Beach Falls Cape
`)

/**
 * Capitalized words that make a name an institution, a work or an event rather
 * than a place: "in Congress", "in The Times", "in the Senate".
 */
export const NOT_PLACE_WORDS: ReadonlySet<string> = new Set([
  ...words(`
  Congress Senate House Parliament Assembly Court Committee Council Commission Department Ministry
  Agency Administration Party Government Office Bureau Service Times Post Journal News Magazine Review
  Gazette Tribune Herald Press Act Law Bill Order Treaty Agreement Accord Program Programme Project
  Initiative Foundation Institute University College School Church Company Corporation Inc Group Bank
  Fund Network Association Union League Coalition Alliance Society Board Authority Police Army Navy
  Forces Team Club Cabinet Caucus Olympics Games Cup Championship Festival Conference Summit Prize
  Award Report Constitution Amendment Bible Koran Quran God Christ Twitter Facebook Instagram
  TikTok YouTube Telegram Reddit English Spanish French German Arabic Chinese Russian Portuguese
  Italian Japanese Korean Hindi Persian Farsi Hebrew Turkish Ukrainian Latin Greek Dutch Polish
  Democrats Republicans Saint
`),
  ...PERSON_TITLES,
])

/** `NAME_TITLES` as a set: a name after one is no place. */
export const TITLE_WORDS: ReadonlySet<string> = new Set(NAME_TITLES)

/** Nouns and verbs of travel: a list of places after them is an itinerary, and "to" after them leads to a place. */
export const TRAVEL_WORDS = words(`
  tour tours toured touring trip trips visit visits visited visiting journey journeys itinerary swing
  travel travels traveled travelled traveling travelling stop stops route leg legs voyage mission
  flew fly flies flying flight arrive arrived arrives arriving arrival return returned returns
  returning head headed heading heads went go goes going move moved moving moves deported deport
  deporting deportation deportations sent send sending transferred transfer extradited extradition
  fled flee fleeing relocated relocate evacuated drove drive driving sailed marched migrated
  expedition pilgrimage road came come comes coming traveled trek
`)

/** Verbs that take a place directly: "visited Panama", "toured Guatemala". */
export const VISIT_VERBS = words(`visit visits visited visiting toured tour tours touring`)
