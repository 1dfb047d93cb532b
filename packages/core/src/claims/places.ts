import {
  isWeekday,
  PLACE_NAME_PARTICLES,
  RELATIVE_DAYS,
  RELATIVE_TIMES,
  STOPWORDS,
} from '../lexicon/index.js'
import type { Found } from './found.js'
import {
  MONTHS,
  NOT_PLACE_WORDS,
  PLACE_NAME_WORDS,
  PLACE_NOUNS,
  TITLE_WORDS,
  TRAVEL_WORDS,
  VISIT_VERBS,
} from './lexicon.js'
import { bareWord, isPossessive, withoutPossessive } from './possessive.js'
import { isCapitalized, isInnerHyphen, isLowerWord, type Token, touches } from './tokens.js'

/** Prepositions that put what follows at a place. */
const AT_PLACE = new Set([
  'in',
  'near',
  'outside',
  'across',
  'throughout',
  'inside',
  'within',
  'around',
  'at',
])
/** Prepositions that lead to a place only after a word of travel: "a visit to", "flew from". */
const ON_THE_WAY = new Set(['to', 'into', 'toward', 'towards', 'through', 'from', 'via'])
const LEADS_TO_PLACE = new Set([...AT_PLACE, ...ON_THE_WAY, ...VISIT_VERBS, 'of'])
const PARTICLES: ReadonlySet<string> = new Set(PLACE_NAME_PARTICLES)
const INITIALISM = /^(?:\p{Lu}\.)+\p{Lu}$/u
const ABBREVIATED = /^(?:St|Mt|Ft|Pt)$/
const TEMPORAL = new Set([
  ...RELATIVE_DAYS,
  ...RELATIVE_TIMES,
  ...'recently currently now then again instead alone'.split(' '),
])

interface PlaceName {
  first: number
  last: number
  value: string
}

/**
 * A name written in capitals ("SAN SALVADOR" in a dateline) in title case;
 * acronyms alone ("U.S.", "UK") stay as they are.
 */
export function fromCapitals(words: readonly string[]): string[] {
  // Plain loops rather than every, some and map: arrays from map come in two
  // element kinds, and the mix sent the optimized readPlaceName back to the
  // interpreter again and again.
  let upper = true
  let long = false
  for (const w of words) {
    if (w !== w.toUpperCase()) upper = false
    else if (/^\p{Lu}{4,}/u.test(w.replace(/[^\p{L}]/gu, ''))) long = true
  }
  const titled: string[] = []
  for (const w of words) {
    titled.push(
      upper && long
        ? w.replace(/\p{L}+/gu, (part) => part.charAt(0) + part.slice(1).toLowerCase())
        : w,
    )
  }
  return titled
}

/** A word after a name that makes the name a modifier ("Salvadoran jails", "the Trump administration"). */
function isContentWord(token: Token | undefined): boolean {
  if (!isLowerWord(token)) return false
  const word = withoutPossessive((token as Token).lower)
  if (STOPWORDS.has(word) || TEMPORAL.has(word)) return false
  // A verb or an adverb after a place ends the phrase: "in Panama called", "in Paris recently".
  if (/(?:ed|ly)$/.test(word) && word.length > 4) return false
  return true
}

/**
 * A capitalized name starting at token `k`: "San José", "the Dominican
 * Republic" (the article outside it), "Gulf of Mexico", "U.S.". Null when
 * what is there is no place: a person with a title, an institution, a month,
 * or a name used as a modifier.
 */
function readPlaceName(
  tokens: readonly Token[],
  k: number,
  requirePlaceWord: boolean,
): PlaceName | null {
  if (!isCapitalized(tokens[k])) return null
  const { words, last } = readCapitalWords(tokens, k)
  if (words.length === 0) return null
  if (!isPlaceWording(words, requirePlaceWord)) return null
  const lastWord = words[words.length - 1] as string
  if (!endsAsPlace(tokens, last, isPossessive(lastWord))) return null
  words[words.length - 1] = withoutPossessive(lastWord)
  const value = fromCapitals(words).join(' ')
  return { first: k, last, value }
}

/**
 * The capitalized words from token `k` on, with particles between them
 * ("Gulf of Mexico"), an initialism's or abbreviation's full stop ("U.S.",
 * "Ave.") and a hyphen inside a name ("Guinea-Bissau"); `last` is the last
 * token read.
 */
function readCapitalWords(tokens: readonly Token[], k: number): { words: string[]; last: number } {
  let last = k
  const words: string[] = []
  let j = k
  while (j < tokens.length) {
    const token = tokens[j] as Token
    if (isCapitalized(token)) {
      let word = token.text
      const dot = tokens[j + 1]
      if (
        dot?.text === '.' &&
        touches(token, dot) &&
        (INITIALISM.test(word) || ABBREVIATED.test(word))
      ) {
        word = `${word}.`
        j++
      }
      words.push(word)
      last = j
      j++
      // "Guinea-Bissau"
      if (isInnerHyphen(tokens, j) && isCapitalized(tokens[j + 1])) {
        words[words.length - 1] += `-${(tokens[j + 1] as Token).text}`
        last = j + 1
        j += 2
      }
      continue
    }
    if (
      token.type === 'word' &&
      PARTICLES.has(token.text) &&
      isCapitalized(tokens[j + 1]) &&
      words.length > 0
    ) {
      words.push(token.text)
      j++
      continue
    }
    break
  }
  return { words, last }
}

/** Whether a name's words may be a place's: no title, lone initial, "I", lone "The", institution, month or day; a place word in it where `requirePlaceWord`. */
function isPlaceWording(words: readonly string[], requirePlaceWord: boolean): boolean {
  const bare: string[] = []
  for (const w of words) bare.push(bareWord(w))
  const firstWord = bare[0] as string
  if (TITLE_WORDS.has(firstWord) || (firstWord.length === 1 && words.length === 1)) return false
  if (firstWord === 'I' || (firstWord === 'The' && words.length === 1)) return false
  for (const word of bare) {
    const lower = word.toLowerCase()
    if (NOT_PLACE_WORDS.has(word) || MONTHS.has(lower) || isWeekday(lower)) return false
  }
  if (requirePlaceWord) {
    let placeWord = false
    for (const w of bare) if (PLACE_NAME_WORDS.has(w)) placeWord = true
    if (!placeWord) return false
  }
  return true
}

/**
 * Whether the name ending at token `last` stands as a place, not as a
 * modifier: "El Salvador's capital" is a place, "Rubio's remarks" is not, and
 * neither is a name before a content word ("Panama Papers").
 */
function endsAsPlace(tokens: readonly Token[], last: number, possessive: boolean): boolean {
  const next = tokens[last + 1]
  if (possessive) return PLACE_NOUNS.has(next?.lower ?? '')
  return !(
    isContentWord(next) ||
    (next?.type === 'mark' && /^['’]$/.test(next.text) && touches(tokens[last], next))
  )
}

function startOf(tokens: readonly Token[], name: PlaceName): number {
  return (tokens[name.first] as Token).start
}

function endOf(tokens: readonly Token[], name: PlaceName): number {
  const token = tokens[name.last] as Token
  return isPossessive(token.text) ? token.end - 2 : token.end
}

/** A list of names joined by commas, "and" or "then", each optionally after "the". */
function readList(
  tokens: readonly Token[],
  k: number,
  requirePlaceWord: boolean,
): { names: PlaceName[]; commasOnly: boolean } {
  const names: PlaceName[] = []
  let commasOnly = true
  let conjunction = false
  let at = k
  for (;;) {
    if (tokens[at]?.text === 'the') at++
    const name = readPlaceName(tokens, at, requirePlaceWord)
    if (!name) break
    names.push(name)
    if (conjunction) commasOnly = false
    if (isPossessive((tokens[name.last] as Token).text)) break
    let j = name.last + 1
    let joined = false
    if (tokens[j]?.text === ',') {
      j++
      joined = true
    }
    const word = tokens[j]?.text
    // "visit to El Salvador, the United States signed …": after a bare comma, "the" opens a clause.
    if (joined && word === 'the') break
    conjunction = false
    if (word === 'and' || word === 'then' || word === 'or') {
      conjunction = true
      j++
      joined = true
      if (tokens[j]?.text === 'then') j++
    }
    if (!joined) break
    at = j
  }
  return { names, commasOnly }
}

/** Whether a word of travel ("visit", "trip", "flew") stands among the six tokens before token `i`. */
function afterTravel(tokens: readonly Token[], i: number): boolean {
  for (let k = Math.max(0, i - 6); k < i; k++)
    if (TRAVEL_WORDS.has((tokens[k] as Token).lower)) return true
  return false
}

/**
 * The token where a place may begin after the leading word `word` at `i`, or -1:
 * a preposition of place ("in", "at") always leads to one; a preposition of
 * the way ("to", "from") only on a journey; a verb of visiting only before a
 * capital; "of" after a place noun ("the capital of") or on a journey.
 */
function placeAfter(tokens: readonly Token[], i: number, word: string): number {
  if (AT_PLACE.has(word)) return i + 1
  if (ON_THE_WAY.has(word) && afterTravel(tokens, i)) return i + 1
  if (VISIT_VERBS.has(word) && isCapitalized(tokens[i + 1])) return i + 1
  if (
    word === 'of' &&
    ((i > 0 && PLACE_NOUNS.has((tokens[i - 1] as Token).lower)) || afterTravel(tokens, i))
  )
    return i + 1
  return -1
}

/**
 * The findings of a list of place names led to by `word` at `i`: two names
 * joined by a comma alone are one place ("San José, Costa Rica"); two or more
 * on a journey are one itinerary in the order written; any other list is one
 * place per name.
 */
function addPlacesOfList(
  found: Found[],
  tokens: readonly Token[],
  i: number,
  word: string,
  { names, commasOnly }: { names: readonly PlaceName[]; commasOnly: boolean },
): void {
  if (names.length === 2 && commasOnly) {
    const [city, region] = names as [PlaceName, PlaceName]
    found.push(
      place(startOf(tokens, city), endOf(tokens, region), `${city.value}, ${region.value}`),
    )
  } else if (names.length >= 2 && (afterTravel(tokens, i) || VISIT_VERBS.has(word))) {
    found.push({
      kind: 'itinerary',
      start: startOf(tokens, names[0] as PlaceName),
      end: endOf(tokens, names.at(-1) as PlaceName),
      value: joinValues(names, ' > '),
      unit: null,
      noun: null,
      qualifier: null,
    })
  } else {
    for (const name of names)
      found.push(place(startOf(tokens, name), endOf(tokens, name), name.value))
  }
}

/**
 * Places where something happens ("in San Salvador", "a visit to El
 * Salvador", "visited Panama"), read from prepositions and capitalization; a
 * list of two or more places after a word of travel is one itinerary in the
 * order written. "San José, Costa Rica" (two names, a comma, nothing more) is
 * one place.
 */
export function findPlaces(text: string, tokens: readonly Token[]): Found[] {
  const found: Found[] = []
  let i = 0
  while (i < tokens.length) {
    const token = tokens[i] as Token
    const word = token.lower
    // Only a few words lead to a place; most are passed over before anything else is read.
    if (token.type !== 'word' || !LEADS_TO_PLACE.has(word) || (i > 0 && isCapitalized(token))) {
      i++
      continue
    }
    const from = placeAfter(tokens, i, word)
    const list = from < 0 ? null : readList(tokens, from, word === 'at')
    if (list === null || list.names.length === 0) {
      i++
      continue
    }
    addPlacesOfList(found, tokens, i, word, list)
    i = (list.names.at(-1) as PlaceName).last + 1
  }
  return found.filter((f) => f.end > f.start && text.slice(f.start, f.end).trim() !== '')
}

// A loop, not map: see fromCapitals.
function joinValues(names: readonly PlaceName[], separator: string): string {
  let joined = ''
  for (let n = 0; n < names.length; n++)
    joined +=
      n === 0 ? (names[n] as PlaceName).value : `${separator}${(names[n] as PlaceName).value}`
  return joined
}

function place(start: number, end: number, value: string): Found {
  return { kind: 'place', start, end, value, unit: null, noun: null, qualifier: null }
}
