import { SMALL_NUMBERS } from '../claims/lexicon.js'
import { FUNCTION_WORDS } from '../lexicon/index.js'

/** A word of a quote as written, and the form two outlets' words are compared in. */
export interface WordToken {
  text: string
  /**
   * Lower case, straight apostrophes, dots, hyphens and edge punctuation out,
   * one spelling for British and American forms and digits for number words:
   * "U.S." → "us", "1,000" → "1000", "organised" → "organized",
   * "mega-prison" → "megaprison", "three" → "3".
   */
  norm: string
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.,&-]*[\p{L}\p{N}]|[\p{L}\p{N}]/gu

// Spelled numbers as digits: the claims' cardinals (one to twenty, the tens), zero and hundred.
const NUMBER_WORDS: ReadonlyMap<string, string> = new Map([
  ['zero', '0'],
  ...[...SMALL_NUMBERS].map(([word, n]) => [word, String(n)] as const),
  ['hundred', '100'],
])

// British spellings whose American form is not a rule of endings.
const SPELLINGS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    defence: 'defense',
    offence: 'offense',
    licence: 'license',
    pretence: 'pretense',
    grey: 'gray',
    programme: 'program',
    programmes: 'programs',
    judgement: 'judgment',
    ageing: 'aging',
    sceptical: 'skeptical',
    sceptic: 'skeptic',
    cheque: 'check',
    tyre: 'tire',
    tyres: 'tires',
    mould: 'mold',
    plough: 'plow',
    aluminium: 'aluminum',
    manoeuvre: 'maneuver',
    enrol: 'enroll',
    fulfil: 'fulfill',
    whilst: 'while',
    amongst: 'among',
    storey: 'story',
    kerb: 'curb',
    pyjamas: 'pajamas',
    jewellery: 'jewelry',
    anaesthetic: 'anesthetic',
    paediatric: 'pediatric',
    oestrogen: 'estrogen',
    foetus: 'fetus',
    gaol: 'jail',
  }),
)

/**
 * One spelling for a word that British and American English write apart:
 * -ise/-ize, -yse/-yze, -our/-or, -tre/-ter, -ogue/-og, a doubled l before
 * -ed and -ing ("travelled"), and a list of other pairs. Both sides of a
 * comparison go through it, so only a merge of two distinct words would
 * matter, and the rules keep to endings where that does not happen.
 */
export function americanSpelling(word: string): string {
  const listed = SPELLINGS.get(word)
  if (listed) return listed
  if (word.length < 5) return word
  return word
    .replace(/(?<=\p{L}{3})is(e|es|ed|ing|ation|ations|er|ers)$/u, 'iz$1')
    .replace(/(?<=\p{L}{2})ys(e|es|ed|ing)$/u, 'yz$1')
    .replace(/(?<=\p{L}{2}[^aeiou\s])our(s|ed|ing|ite|ites|able|er|ers)?$/u, 'or$1')
    .replace(/(?<=\p{L}{3})tre(s)?$/u, 'ter$1')
    .replace(/(?<=\p{L}{4})ogue(s)?$/u, 'og$1')
    .replace(/(?<=\p{L}{3}[ae])ll(ed|ing|er|ers)$/u, 'l$1')
}

/** What the cross-reference stages have read of words and texts while {@link withWordMemo} runs. */
interface WordMemo {
  /**
   * Words recur across a corpus: each written form is normalized once. Cleared when it
   * grows large, so that memory stays bounded on any input.
   */
  normalized: Map<string, string>
  /**
   * A story's quotes are read by clustering and again, several times each, by the
   * disputes: the last few thousand texts' words are kept (shared, never changed),
   * cleared when full.
   */
  readTexts: Map<string, readonly WordToken[]>
}

// The memo of the withWordMemo call running; null the rest of the time.
let memo: WordMemo | null = null

/**
 * Runs `task` with the words of each text and each written word read once: the
 * cross-reference stages read the same quotes over and over. The memory is dropped
 * when `task` returns, so one call never sees another's; `task` must not change the
 * tokens {@link wordTokensOf} gives.
 */
export function withWordMemo<T>(task: () => T): T {
  if (memo) return task()
  memo = { normalized: new Map(), readTexts: new Map() }
  try {
    return task()
  } finally {
    memo = null
  }
}

/** The form a word is compared in: see {@link WordToken.norm}. */
function normalize(raw: string): string {
  if (!memo) return normalizeWord(raw)
  const { normalized } = memo
  const known = normalized.get(raw)
  if (known !== undefined) return known
  if (normalized.size > 100_000) normalized.clear()
  const norm = normalizeWord(raw)
  normalized.set(raw, norm)
  return norm
}

function normalizeWord(raw: string): string {
  const plain = raw
    .toLowerCase()
    .replace(/’/g, "'")
    .replace(/(?<=\p{N}),(?=\p{N})/gu, '')
    .replace(/\.(?!\p{N})/gu, '')
    .replace(/,/g, '')
  if (plain === '') return plain
  const joined = plain.includes('-') ? plain.replace(/-/g, '') : plain
  return NUMBER_WORDS.get(joined) ?? americanSpelling(joined)
}

/** The words of a text, punctuation aside, each with its comparison form. */
export function wordTokens(text: string): WordToken[] {
  return wordTokensOf(text).map((token) => ({ ...token }))
}

/**
 * {@link wordTokens}, shared and read-only: what the cross-reference stages read
 * (within {@link withWordMemo}, each text once).
 */
export function wordTokensOf(text: string): readonly WordToken[] {
  const readTexts = memo?.readTexts
  const known = readTexts?.get(text)
  if (known) return known
  const tokens: WordToken[] = []
  for (const m of text.matchAll(WORD)) {
    const raw = m[0].replace(/[.,]+$/, '')
    const norm = normalize(raw)
    if (norm !== '') tokens.push({ text: raw, norm })
  }
  if (readTexts) {
    if (readTexts.size >= 4_000) readTexts.clear()
    readTexts.set(text, tokens)
  }
  return tokens
}

/** A word too common to identify a statement by itself. */
export function isStopWord(norm: string): boolean {
  return FUNCTION_WORDS.has(norm)
}
