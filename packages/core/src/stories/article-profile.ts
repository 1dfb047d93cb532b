import { STOPWORDS, singular } from '../claims/lexicon.js'
import { COURTESY_TITLES, WEEKDAYS } from '../lexicon/index.js'
import type { Article, Claim, Quote, Speaker } from '../types.js'

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
// Words that are common in news whatever the story: they say nothing of which one.
const NEWS_WORDS = new Set([
  ...`year years time times day days week weeks month months people percent new news report reports
  reported told statement official officials people thing things way ways lot part today yesterday
  tomorrow`.split(/\s+/),
  ...WEEKDAYS,
  ...COURTESY_TITLES.map((title) => title.toLowerCase()),
])

// A word's term (lower case, singular; "" when it is no term), kept across articles:
// the same few thousand words come back in every article, and reading each anew was
// most of the profile's cost. Bounded, and a pure function of the word.
const termOf = new Map<string, string>()
const TERM_MEMO = 200_000

function term(written: string): string {
  const known = termOf.get(written)
  if (known !== undefined) return known
  const lower = written.toLowerCase().replace(/’/g, "'").replace(/'s$/, '')
  let found = ''
  if (lower.length >= 3 && !STOPWORDS.has(lower)) {
    const one = singular(lower)
    if (!NEWS_WORDS.has(one)) found = one
  }
  if (termOf.size >= TERM_MEMO) termOf.clear()
  termOf.set(written, found)
  return found
}

// What a word is made of: a letter first, then letters, marks, apostrophes and hyphens,
// ending on a letter or a mark (/[\p{L}][\p{L}\p{M}'’-]*[\p{L}\p{M}]/u), read by a
// scan instead of a pattern: the profile reads every word of every article.
const LETTER = /\p{L}/u
const MARK = /\p{M}/u
const LETTER_CLASS = 1
const MARK_CLASS = 2
const JOINER_CLASS = 3
const classOfCode = new Map<number, number>()
function classOf(code: number): number {
  if (code < 128) {
    const lower = code | 32
    if (lower >= 97 && lower <= 122) return LETTER_CLASS
    return code === 39 || code === 45 ? JOINER_CLASS : 0
  }
  if (code === 0x2019) return JOINER_CLASS
  let known = classOfCode.get(code)
  if (known === undefined) {
    const char = String.fromCodePoint(code)
    known = LETTER.test(char) ? LETTER_CLASS : MARK.test(char) ? MARK_CLASS : 0
    if (classOfCode.size < 65_536) classOfCode.set(code, known)
  }
  return known
}

function addWords(text: string, weight: number, counts: Map<string, number>): void {
  let at = 0
  while (at < text.length) {
    const code = text.codePointAt(at) as number
    const width = code > 0xffff ? 2 : 1
    if (classOf(code) !== LETTER_CLASS) {
      at += width
      continue
    }
    const start = at
    at += width
    // The run of word characters, and where its last letter or mark ends.
    let end = -1
    while (at < text.length) {
      const next = text.codePointAt(at) as number
      const kind = classOf(next)
      if (kind === 0) break
      at += next > 0xffff ? 2 : 1
      if (kind !== JOINER_CLASS) end = at
    }
    if (end < 0) continue
    const found = term(text.slice(start, end))
    if (found !== '') counts.set(found, (counts.get(found) ?? 0) + weight)
  }
}

/**
 * The {@link MAX_TERMS} heaviest terms with their weights, heaviest first and then by
 * name. Most words come once or twice, so terms are put in one bucket per count and
 * each bucket sorted by name: a sort of hundreds of pairs with a comparator was a
 * third of the profile's cost.
 */
function heaviestTerms(counts: ReadonlyMap<string, number>): Array<[string, number]> {
  const buckets = new Map<number, string[]>()
  for (const [term, count] of counts) {
    const bucket = buckets.get(count)
    if (bucket) bucket.push(term)
    else buckets.set(count, [term])
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
    // The default sort compares UTF-16 code units, as `<` does.
    for (const term of names.sort()) {
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
const kindsOf = new WeakMap<readonly Speaker[], ReadonlyMap<string, Speaker['kind']>>()
function speakerKinds(speakers: readonly Speaker[]): ReadonlyMap<string, Speaker['kind']> {
  let kinds = kindsOf.get(speakers)
  if (!kinds) {
    kinds = new Map(speakers.map((s) => [s.id, s.kind]))
    kindsOf.set(speakers, kinds)
  }
  return kinds
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
  const counts = new Map<string, number>()
  if (article.title) addWords(article.title.value, TITLE_WEIGHT, counts)
  for (const sentence of article.sentences)
    addWords(sentence.text, sentence.index < LEAD_SENTENCES ? LEAD_WEIGHT : 1, counts)
  const terms = heaviestTerms(counts)

  const shingles = new Set<string>()
  const quoted = new Map<string, number>()
  const kindOf = speakerKinds(speakers)
  for (const quote of quotes) {
    if (quote.article !== article.id || quote.kind === 'term') continue
    const words = quote.text
      .toLowerCase()
      .replace(/[’‘]/g, "'")
      .split(/[^\p{L}\p{N}']+/u)
      .filter(Boolean)
    // Each run of words is a slice of the quote's words joined once (no join per run).
    if (words.length >= QUOTE_SHINGLE) {
      const joined = words.join(' ')
      const starts: number[] = []
      let offset = 0
      for (const word of words) {
        starts.push(offset)
        offset += word.length + 1
      }
      for (let i = 0; i + QUOTE_SHINGLE <= words.length; i++) {
        const end =
          i + QUOTE_SHINGLE < words.length
            ? (starts[i + QUOTE_SHINGLE] as number) - 1
            : joined.length
        shingles.add(joined.slice(starts[i], end))
      }
    }
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
    quoteShingles: [...shingles].sort(),
    people: [...quoted].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([name]) => name),
    places,
  }
}
