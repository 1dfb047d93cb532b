import { singular } from '../claims/lexicon.js'
import { NEWS_WORDS, STOPWORDS } from '../lexicon/index.js'
import type { Article, Claim, Quote, Speaker } from '../types.js'
import { createSortRoom, type SortRoom, sortByCodeUnits } from './sort-by-code-units.js'

/**
 * What the story stage knows of one article: its weighted content words, the
 * long quotes it carries, when and where it was published, and whom it names.
 * Plain JSON-safe data, so that a store can keep it beside the article.
 */
export interface ArticleProfile {
  article: string
  /** Day number (days since 1970-01-01, UTC) of the publication date, or null. */
  day: number | null
  /** `YYYY-MM-DD`, or null. */
  published: string | null
  outlet: string | null
  /** The article's title, else its lead sentence, clipped: how a reader knows it. */
  label: string
  /**
   * Content words (lower case, singular) with their log-scaled frequency, the
   * title and lead counted more; at most {@link MAX_TERMS}, heaviest first.
   */
  terms: Array<[term: string, weight: number]>
  /**
   * Every run of {@link QUOTE_SHINGLE} words of the article's statements and
   * fragments, lower case and space-joined, sorted: two articles that share one
   * quote the same words.
   */
  quoteShingles: string[]
  /** Names of the people and organizations who speak in it, most quoted first. */
  people: string[]
  /** Places its claims name, in text order, each once. */
  places: string[]
}

/** Words a shared quote must run to before it counts as evidence of one story. */
export const QUOTE_SHINGLE = 8
/** The most terms kept per article: enough for a long report, bounded for a huge page. */
export const MAX_TERMS = 240
const LABEL_LENGTH = 120
// How much more a word counts in the title and in the lead than in the body:
// headline and lead state what the story is, the rest may wander.
const TITLE_WEIGHT = 3
const LEAD_WEIGHT = 2
const LEAD_SENTENCES = 3
// A word's term (lower case, singular; none for a stopword), kept across the articles of
// one call or batch (see TermMemo): the same few thousand words come back in every
// article, and reading each anew was most of the profile's cost. Written words are looked
// up where they stand in the text, by their UTF-16 code units, in an open-addressing
// table (no word is cut out of the text to be looked up), and terms are numbered, so that
// an article's counts are an array. Bounded, and a pure function of the word.
const TERM_MEMO = 200_000
// Each slot of the table is four numbers side by side, so that finding a word reads one
// slot and its letters: the word's hash, where its code units start in the pool, its
// length (0: an empty slot) and its term number. The table is kept at most half full,
// from a few hundred slots up to more than twice TERM_MEMO: the words of a corpus of a
// few thousand words stay in the processor's cache.
const STRIDE = 4
const MAX_SLOTS = 1 << 19

/** The written words read so far and their term numbers (see TERM_MEMO). */
interface WordTable {
  slots: Int32Array
  /** The written words' code units, one after another. */
  pool: Uint16Array
  poolEnd: number
  count: number
  termNames: string[]
  termNumbers: Map<string, number>
  /** Each term's count in the article being profiled; 0 between articles. */
  termCounts: Float64Array
  /** What classOf read of each code point past ASCII. */
  classOfCode: Map<number, number>
}

const createWordTable = (): WordTable => ({
  slots: new Int32Array((1 << 9) * STRIDE),
  pool: new Uint16Array(1 << 12),
  poolEnd: 0,
  count: 0,
  termNames: [],
  termNumbers: new Map(),
  termCounts: new Float64Array(256),
  classOfCode: new Map(),
})

function termOfWritten(written: string, table: WordTable): number {
  const lower = written.toLowerCase().replace(/’/g, "'").replace(/'s$/, '')
  if (lower.length < 3 || STOPWORDS.has(lower)) return -1
  const one = singular(lower)
  if (NEWS_WORDS.has(one)) return -1
  let number = table.termNumbers.get(one)
  if (number === undefined) {
    number = table.termNames.length
    table.termNumbers.set(one, number)
    table.termNames.push(one)
    if (number >= table.termCounts.length) {
      const grown = new Float64Array(table.termCounts.length * 2)
      grown.set(table.termCounts)
      table.termCounts = grown
    }
  }
  return number
}

/** Empties the table of written words (terms keep their numbers). */
function forgetWords(table: WordTable): void {
  table.slots.fill(0)
  table.poolEnd = 0
  table.count = 0
}

/** Doubles the table of written words, each slot placed again by its hash. */
function growTable(table: WordTable): void {
  const { slots } = table
  const grown = new Int32Array(slots.length * 2)
  const mask = grown.length / STRIDE - 1
  for (let at = 0; at < slots.length; at += STRIDE) {
    if (slots[at + 2] === 0) continue
    let slot = (slots[at] as number) & mask
    while (grown[slot * STRIDE + 2] !== 0) slot = (slot + 1) & mask
    grown.set(slots.subarray(at, at + STRIDE), slot * STRIDE)
  }
  table.slots = grown
}

/** The term number of text[start, end) (whose hash is `hash`, signed), or -1 when it is no term. */
function termAt(text: string, start: number, end: number, hash: number, table: WordTable): number {
  const length = end - start
  const slots = table.slots
  const mask = slots.length / STRIDE - 1
  for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
    const at = slot * STRIDE
    const known = slots[at + 2] as number
    if (known === 0) {
      if (table.count >= TERM_MEMO) {
        // Full: start again (between two words; terms keep their numbers, so no
        // article's counts are lost).
        forgetWords(table)
        return termAt(text, start, end, hash, table)
      }
      if ((table.count + 1) * 2 > mask + 1 && mask + 1 < MAX_SLOTS) {
        growTable(table)
        return termAt(text, start, end, hash, table)
      }
      const found = termOfWritten(text.slice(start, end), table)
      const { poolEnd } = table
      if (poolEnd + length > table.pool.length) {
        const grown = new Uint16Array(Math.max(table.pool.length * 2, poolEnd + length))
        grown.set(table.pool.subarray(0, poolEnd))
        table.pool = grown
      }
      const pool = table.pool
      for (let i = 0; i < length; i++) pool[poolEnd + i] = text.charCodeAt(start + i)
      slots[at] = hash
      slots[at + 1] = poolEnd
      slots[at + 2] = length
      slots[at + 3] = found
      table.poolEnd = poolEnd + length
      table.count++
      return found
    }
    if (known === length && slots[at] === hash) {
      const from = slots[at + 1] as number
      const pool = table.pool
      let i = 0
      while (i < length && pool[from + i] === text.charCodeAt(start + i)) i++
      if (i === length) return slots[at + 3] as number
    }
  }
}

// What a word is made of: a letter first, then letters, marks, apostrophes and hyphens,
// ending on a letter or a mark (/[\p{L}][\p{L}\p{M}'’-]*[\p{L}\p{M}]/u), read by a
// scan instead of a pattern: the profile reads every word of every article.
const LETTER = /\p{L}/u
const MARK = /\p{M}/u
const LETTER_CLASS = 1
const MARK_CLASS = 2
const JOINER_CLASS = 3
function classOf(code: number, table: WordTable): number {
  if (code < 128) {
    const lower = code | 32
    if (lower >= 97 && lower <= 122) return LETTER_CLASS
    return code === 39 || code === 45 ? JOINER_CLASS : 0
  }
  if (code === 0x2019) return JOINER_CLASS
  let known = table.classOfCode.get(code)
  if (known === undefined) {
    const char = String.fromCodePoint(code)
    known = LETTER.test(char) ? LETTER_CLASS : MARK.test(char) ? MARK_CLASS : 0
    if (table.classOfCode.size < 65_536) table.classOfCode.set(code, known)
  }
  return known
}

/**
 * What profiling has read, kept across the articles of one call (`crossReference`, or
 * one `profileArticle`): the written words and their term numbers; the terms of each
 * text, the term numbers of each word in order, so that a sentence many articles carry
 * is read once (valid while terms keep their numbers); the shingles of each quote text;
 * the kinds of the speakers. Never kept past that call.
 */
export interface TermMemo {
  /** The written words read and their term numbers. */
  words: WordTable
  terms: Map<string, Int32Array>
  /** A quote's shingles by its text, in the order the quote gives them. */
  shingles: Map<string, readonly string[]>
  /** The kind of each speaker of the list the articles are profiled against. */
  kinds: { speakers: readonly Speaker[]; byId: ReadonlyMap<string, Speaker['kind']> } | null
  /** Room for the keys of the profiles' sorts. */
  sortRoom: SortRoom
}

/** An empty {@link TermMemo}. */
export const createTermMemo = (): TermMemo => ({
  words: createWordTable(),
  terms: new Map(),
  shingles: new Map(),
  kinds: null,
  sortRoom: createSortRoom(),
})

/** Every run of {@link QUOTE_SHINGLE} words of a quote, in order (repeats kept). */
function shinglesOf(text: string): string[] {
  const words = quoteWords(text)
  if (words.length < QUOTE_SHINGLE) return []
  // Each run of words is a slice of the quote's words joined once (no join per run).
  const joined = words.join(' ')
  const starts: number[] = []
  let offset = 0
  for (const word of words) {
    starts.push(offset)
    offset += word.length + 1
  }
  const runs: string[] = []
  for (let i = 0; i + QUOTE_SHINGLE <= words.length; i++) {
    const end =
      i + QUOTE_SHINGLE < words.length ? (starts[i + QUOTE_SHINGLE] as number) - 1 : joined.length
    runs.push(joined.slice(starts[i], end))
  }
  return runs
}

/** Adds `weight` to the count of each term of `text`; `seen` gets the terms new to the article. */
function addWords(text: string, weight: number, seen: number[], memo: TermMemo): void {
  const table = memo.words
  const termCounts = table.termCounts
  const known = memo.terms.get(text)
  if (known) {
    for (const found of known) {
      if (termCounts[found] === 0) seen.push(found)
      termCounts[found] = (termCounts[found] as number) + weight
    }
    return
  }
  const read: number[] = []
  let at = 0
  while (at < text.length) {
    const code = text.codePointAt(at) as number
    const width = code > 0xffff ? 2 : 1
    if (classOf(code, table) !== LETTER_CLASS) {
      at += width
      continue
    }
    const start = at
    // FNV-1a over the word's code units, as far as its last letter or mark.
    let hash = Math.imul(0x811c9dc5 ^ text.charCodeAt(at), 0x01000193)
    if (width === 2) hash = Math.imul(hash ^ text.charCodeAt(at + 1), 0x01000193)
    at += width
    // The run of word characters, and where its last letter or mark ends.
    let end = -1
    let hashAtEnd = 0
    while (at < text.length) {
      const next = text.codePointAt(at) as number
      const kind = classOf(next, table)
      if (kind === 0) break
      hash = Math.imul(hash ^ text.charCodeAt(at), 0x01000193)
      if (next > 0xffff) hash = Math.imul(hash ^ text.charCodeAt(at + 1), 0x01000193)
      at += next > 0xffff ? 2 : 1
      if (kind !== JOINER_CLASS) {
        end = at
        hashAtEnd = hash
      }
    }
    if (end < 0) continue
    const found = termAt(text, start, end, hashAtEnd | 0, table)
    if (found < 0) continue
    read.push(found)
    // termAt may have grown the counts.
    const counts = table.termCounts
    if (counts[found] === 0) seen.push(found)
    counts[found] = (counts[found] as number) + weight
  }
  memo.terms.set(text, Int32Array.from(read))
}

// A word of a quote, for its shingles: letters, digits and apostrophes (/[\p{L}\p{N}']/u),
// read by a scan instead of splitting on a pattern.
const QUOTE_WORD = /[\p{L}\p{N}']/u
function inQuoteWord(code: number): boolean {
  if (code < 128)
    return (
      (code >= 97 && code <= 122) ||
      (code >= 48 && code <= 57) ||
      code === 39 ||
      (code >= 65 && code <= 90)
    )
  return QUOTE_WORD.test(String.fromCodePoint(code))
}

/** A quote's words, lower case, curly apostrophes straight: the runs of {@link inQuoteWord}. */
export function quoteWords(text: string): string[] {
  const lower = text.toLowerCase().replace(/[’‘]/g, "'")
  const words: string[] = []
  let at = 0
  while (at < lower.length) {
    let code = lower.codePointAt(at) as number
    if (!inQuoteWord(code)) {
      at += code > 0xffff ? 2 : 1
      continue
    }
    const start = at
    do {
      at += code > 0xffff ? 2 : 1
      code = lower.codePointAt(at) ?? 0
    } while (at < lower.length && inQuoteWord(code))
    words.push(lower.slice(start, at))
  }
  return words
}

/**
 * The {@link MAX_TERMS} heaviest terms with their weights, heaviest first and then by
 * name. Most words come once or twice, so terms are put in one bucket per count and
 * each bucket sorted by name: a sort of hundreds of pairs with a comparator was a
 * third of the profile's cost.
 */
function heaviestTerms(
  seen: readonly number[],
  table: WordTable,
  room: SortRoom,
): Array<[string, number]> {
  const { termCounts, termNames } = table
  const buckets = new Map<number, string[]>()
  for (const number of seen) {
    const count = termCounts[number] as number
    termCounts[number] = 0
    const bucket = buckets.get(count)
    const name = termNames[number] as string
    if (bucket) bucket.push(name)
    else buckets.set(count, [name])
  }
  const terms: Array<[string, number]> = []
  const byCount = [...buckets.keys()].sort((a, b) => b - a)
  for (let i = 0; i < byCount.length && terms.length < MAX_TERMS; ) {
    const weight = weightOf(byCount[i] as number)
    // Counts far apart round to one weight only past a few thousand: their terms are
    // then one bucket, by name.
    const names = buckets.get(byCount[i++] as number) as string[]
    while (i < byCount.length && weightOf(byCount[i] as number) === weight)
      names.push(...(buckets.get(byCount[i++] as number) as string[]))
    for (const term of sortByCodeUnits(names, room)) {
      if (terms.length === MAX_TERMS) break
      terms.push([term, weight])
    }
  }
  return terms
}

const weightOf = (count: number) => Math.round((1 + Math.log(count)) * 1000) / 1000

const clip = (text: string, max: number) => {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > max ? `${flat.slice(0, max - 1).replace(/\s+\S*$/, '')}…` : flat
}

/** Day number of an ISO date or date-time, or null when it does not read as one. */
export function dayNumber(iso: string | null | undefined): number | null {
  if (!iso) return null
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso)
  if (!match) return null
  const time = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))
  return Number.isFinite(time) ? Math.round(time / 86_400_000) : null
}

// Each article is profiled against the corpus's speakers: their kinds are read once
// per list, not once per article (at 10,000 articles that was most of the stage).
function speakerKinds(
  speakers: readonly Speaker[],
  memo: TermMemo,
): ReadonlyMap<string, Speaker['kind']> {
  if (memo.kinds?.speakers !== speakers)
    memo.kinds = { speakers, byId: new Map(speakers.map((s) => [s.id, s.kind])) }
  return memo.kinds.byId
}

/**
 * Reads what the story stage compares of one article: content words weighted
 * by place (title, lead, body), the long quotes, the publication day and
 * outlet, and the people and places the earlier stages found. Pure; linear in
 * the article's length.
 * @param quotes the article's quotes (from `extractQuotes`); others' are ignored.
 * @param claims the article's claims (from `extractClaims`); others' are ignored.
 * @param speakers speakers to name the quotes' speakers by (their kind tells people
 *   from documents); a quote's own speaker name is used when absent.
 */
export function profileArticle(
  article: Article,
  quotes: readonly Quote[] = [],
  claims: readonly Claim[] = [],
  speakers: readonly Speaker[] = [],
): ArticleProfile {
  return profileArticleReading(article, quotes, claims, speakers, createTermMemo())
}

/**
 * {@link profileArticle}, reading the words of each text through `memo` (see
 * {@link TermMemo}): the same profile.
 */
export function profileArticleReading(
  article: Article,
  quotes: readonly Quote[],
  claims: readonly Claim[],
  speakers: readonly Speaker[],
  memo: TermMemo,
): ArticleProfile {
  const table = memo.words
  // Term numbers are kept while their names are few; past that, numbered anew (and the
  // numbers read of texts are none of these).
  if (table.termNames.length >= TERM_MEMO) {
    forgetWords(table)
    table.termNames = []
    table.termNumbers = new Map()
    memo.terms.clear()
  }
  const seen: number[] = []
  if (article.title) addWords(article.title.value, TITLE_WEIGHT, seen, memo)
  for (const sentence of article.sentences)
    addWords(sentence.text, sentence.index < LEAD_SENTENCES ? LEAD_WEIGHT : 1, seen, memo)
  const terms = heaviestTerms(seen, table, memo.sortRoom)

  const shingles = new Set<string>()
  const quoted = new Map<string, number>()
  const kindOf = speakerKinds(speakers, memo)
  for (const quote of quotes) {
    if (quote.article !== article.id || quote.kind === 'term') continue
    let runs = memo.shingles.get(quote.text)
    if (!runs) {
      runs = shinglesOf(quote.text)
      memo.shingles.set(quote.text, runs)
    }
    for (const run of runs) shingles.add(run)
    if (quote.speaker && kindOf.get(quote.speaker.id) !== 'unknown')
      quoted.set(quote.speaker.name, (quoted.get(quote.speaker.name) ?? 0) + 1)
  }
  const places: string[] = []
  for (const claim of claims)
    if (claim.article === article.id && claim.kind === 'place' && typeof claim.value === 'string')
      if (!places.includes(claim.value)) places.push(claim.value)

  const lead = article.sentences[0]?.text ?? article.paragraphs[0]?.text ?? ''
  const published = article.published?.value.slice(0, 10) ?? null
  return {
    article: article.id,
    day: dayNumber(published),
    published: dayNumber(published) === null ? null : published,
    outlet: article.outlet?.value ?? null,
    label: clip(article.title?.value ?? lead, LABEL_LENGTH),
    terms,
    quoteShingles: sortByCodeUnits([...shingles], memo.sortRoom),
    people: [...quoted].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([name]) => name),
    places,
  }
}
