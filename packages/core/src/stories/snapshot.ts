import { CorroborateError } from '../errors.js'
import type { StoryMember } from '../types.js'
import type { ArticleProfile } from './article-profile.js'
import type { Doc, Postings, ShingleEntry, StoryState } from './story-state.js'
import { TermWeights } from './term-weights.js'

/** What a snapshot holds of an index: its state less what is measured again (norms). */
export interface SnapshotState {
  termNames: readonly string[]
  df: readonly number[]
  postings: readonly Postings[]
  docs: readonly Doc[]
  stories: readonly StoryState[]
  shingles: ReadonlyMap<number, ShingleEntry>
}

// Layout, little-endian: the header's counts (u32 each); the head (UTF-8 JSON: term names,
// each document's small fields, each story's id and members), padded to 8 bytes; the
// doubles (documents' then stories' weights); the integers (i32), in HEADER_FIELDS' order
// after the counts. Typed arrays are read whole from it, not one number at a time.
const MAGIC = 0x58495343
const VERSION = 1
const COUNTS = [
  'magic',
  'version',
  'head',
  'terms',
  'docs',
  'stories',
  'docTerms',
  'storyTerms',
  'postings',
  'storyDocs',
  'days',
  'shingles',
] as const
type Counts = Record<(typeof COUNTS)[number], number>
const HEADER = COUNTS.length * 4

const encoder = new TextEncoder()
const decoder = new TextDecoder('utf-8', { fatal: true })
const pad8 = (n: number) => (n + 7) & ~7

/** `ints[from..to)` as an array (Array.from walks a typed array through its iterator). */
function arrayOf(ints: Int32Array, from: number, to: number): number[] {
  const out = new Array<number>(to - from)
  for (let k = from; k < to; k++) out[k - from] = ints[k] as number
  return out
}

type DocHead = [
  article: string,
  day: number | null,
  published: string | null,
  outlet: string | null,
  label: string,
  people: string[],
  places: string[],
]
interface Head {
  terms: string[]
  docs: DocHead[]
  stories: Array<[id: string, members: StoryMember[]]>
}

/** An index's state as bytes (see `StoryIndex.snapshot`). */
export function writeSnapshot(state: SnapshotState): Uint8Array {
  const { termNames, df, postings, docs, stories, shingles } = state
  const head: Head = {
    terms: [...termNames],
    docs: docs.map(({ profile: p }) => [
      p.article,
      p.day,
      p.published,
      p.outlet,
      p.label,
      p.people,
      p.places,
    ]),
    stories: stories.map((story) => [story.id, story.members]),
  }
  const headBytes = encoder.encode(JSON.stringify(head))
  let docTerms = 0
  for (const doc of docs) docTerms += doc.terms.length
  let storyTerms = 0
  let storyDocs = 0
  let days = 0
  for (const story of stories) {
    storyTerms += story.weights.size
    storyDocs += story.docs.length
    days += story.days.length
  }
  let postingInts = 0
  for (const list of postings) postingInts += list.length
  const stream: number[] = []
  for (const [key, first] of shingles) {
    const at = stream.length
    stream.push(key, 0)
    for (let entry: ShingleEntry | null = first; entry; entry = entry.next) {
      ;(stream[at + 1] as number)++
      stream.push(entry.check, entry.stories.length)
      for (let n = 0; n < entry.stories.length; n++) {
        const articles = entry.articles[n] as number[]
        stream.push(entry.stories[n] as number, articles.length)
        for (let k = 0; k < articles.length; k++) stream.push(articles[k] as number)
      }
    }
  }
  const counts: Counts = {
    magic: MAGIC,
    version: VERSION,
    head: headBytes.length,
    terms: termNames.length,
    docs: docs.length,
    stories: stories.length,
    docTerms,
    storyTerms,
    postings: postingInts,
    storyDocs,
    days,
    shingles: stream.length,
  }
  const layout = sectionsOf(counts)
  const bytes = new Uint8Array(layout.end)
  const view = new DataView(bytes.buffer)
  for (const [n, name] of COUNTS.entries()) view.setUint32(n * 4, counts[name], true)
  bytes.set(headBytes, HEADER)
  const doubles = new Float64Array(bytes.buffer, layout.doubles, docTerms + storyTerms)
  const ints = new Int32Array(bytes.buffer, layout.ints, layout.intCount)
  let d = 0
  let i = 0
  for (const doc of docs) {
    doubles.set(doc.weights, d)
    d += doc.weights.length
  }
  for (const story of stories) {
    doubles.set(story.weights.weights.subarray(0, story.weights.size), d)
    d += story.weights.size
  }
  const put = (value: number) => {
    ints[i++] = value
  }
  for (const n of df) put(n)
  for (const doc of docs) put(doc.story)
  for (const doc of docs) put(doc.terms.length)
  for (const doc of docs) {
    ints.set(doc.terms, i)
    i += doc.terms.length
  }
  for (const list of postings) put(list.length)
  for (const list of postings) for (const n of list) put(n)
  for (const story of stories) put(story.docs.length)
  for (const story of stories) for (const n of story.docs) put(n)
  for (const story of stories) put(story.weights.size)
  for (const story of stories) {
    ints.set(story.weights.terms.subarray(0, story.weights.size), i)
    i += story.weights.size
  }
  for (const story of stories) {
    ints.set(story.counts.subarray(0, story.weights.size), i)
    i += story.weights.size
  }
  for (const story of stories) put(story.days.length)
  for (const story of stories) for (const n of story.days) put(n)
  ints.set(stream, i)
  return bytes
}

/** Where the doubles and integers of a snapshot of these counts start, and its length. */
function sectionsOf(counts: Counts) {
  const doubles = pad8(HEADER + counts.head)
  const ints = doubles + (counts.docTerms + counts.storyTerms) * 8
  const intCount =
    counts.terms * 2 +
    counts.docs * 2 +
    counts.docTerms +
    counts.postings +
    counts.stories * 3 +
    counts.storyDocs +
    counts.storyTerms * 2 +
    counts.days +
    counts.shingles
  return { doubles, ints, intCount, end: ints + intCount * 4 }
}

const malformed = (what: string) =>
  new CorroborateError(
    'INVALID_ARGUMENT',
    `restoreStoryIndex expects bytes from StoryIndex.snapshot: ${what}`,
  )

// Items read between two pauses of a stepwise read: a few milliseconds of work.
const STEP = 1024

/**
 * A snapshot's state, its documents' and stories' norms to be measured again,
 * read in steps: the generator pauses every few thousand items (documents, terms'
 * postings, shingles) so that its caller can let other work go between them.
 */
export function* readSnapshotInSteps(given: Uint8Array): Generator<void, SnapshotState, void> {
  if (!(given instanceof Uint8Array) || given.length < HEADER)
    throw malformed(
      `got ${given instanceof Uint8Array ? `${given.length} bytes` : typeof given}, fewer than a header`,
    )
  // Typed arrays are read in place: a copy when the bytes do not start on 8.
  const bytes = given.byteOffset % 8 === 0 ? given : given.slice()
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const counts = Object.fromEntries(
    COUNTS.map((name, n) => [name, view.getUint32(n * 4, true)]),
  ) as Counts
  if (counts.magic !== MAGIC || counts.version !== VERSION)
    throw malformed(`version ${counts.version} (this core reads version ${VERSION})`)
  const layout = sectionsOf(counts)
  if (bytes.length !== layout.end)
    throw malformed(`${bytes.length} bytes where its header says ${layout.end}`)
  // The head (megabytes of JSON in a large index) is decoded, then parsed, each its own step.
  let text: string
  try {
    text = decoder.decode(bytes.subarray(HEADER, HEADER + counts.head))
  } catch (error) {
    throw malformed(`its head is not JSON (${(error as Error).message})`)
  }
  yield
  let head: Head
  try {
    head = JSON.parse(text)
  } catch (error) {
    throw malformed(`its head is not JSON (${(error as Error).message})`)
  }
  yield
  if (
    !head ||
    head.terms?.length !== counts.terms ||
    head.docs?.length !== counts.docs ||
    head.stories?.length !== counts.stories
  )
    throw malformed('its head does not list what its header counts')
  const doubles = new Float64Array(
    bytes.buffer,
    bytes.byteOffset + layout.doubles,
    counts.docTerms + counts.storyTerms,
  )
  const ints = new Int32Array(bytes.buffer, bytes.byteOffset + layout.ints, layout.intCount)
  let i = 0
  let d = 0
  const take = (n: number) => {
    if (i + n > ints.length) throw malformed('its integers end early')
    const out = ints.subarray(i, i + n)
    i += n
    return out
  }
  const df = arrayOf(take(counts.terms), 0, counts.terms)
  const docStory = take(counts.docs)
  const docLength = take(counts.docs)
  // The documents' terms and weights: one block each (copied, so the snapshot can go).
  const termBlock = take(counts.docTerms).slice()
  yield
  const weightBlock = doubles.slice(0, counts.docTerms)
  d = counts.docTerms
  yield
  const docs: Doc[] = []
  let at = 0
  for (const [n, fields] of head.docs.entries()) {
    const [article, day, published, outlet, label, people, places] = fields
    const length = docLength[n] as number
    const profile: ArticleProfile = {
      article,
      day,
      published,
      outlet,
      label,
      terms: [],
      quoteShingles: [],
      people,
      places,
    }
    docs.push({
      profile,
      story: docStory[n] as number,
      terms: termBlock.subarray(at, at + length),
      weights: weightBlock.subarray(at, at + length),
      norm: 0,
      normAt: -1,
    })
    at += length
    if (n % STEP === STEP - 1) yield
  }
  if (at !== counts.docTerms) throw malformed('its documents do not hold the terms it counts')
  const postingLength = take(counts.terms)
  const postingInts = take(counts.postings)
  const postings: Postings[] = []
  at = 0
  for (const length of postingLength) {
    postings.push(arrayOf(postingInts, at, at + length))
    at += length
    if (postings.length % STEP === 0) yield
  }
  const storyDocCount = take(counts.stories)
  const storyDocs = take(counts.storyDocs)
  const storyTermCount = take(counts.stories)
  const storyTerms = take(counts.storyTerms)
  const storyCounts = take(counts.storyTerms)
  const storyDayCount = take(counts.stories)
  const storyDays = take(counts.days)
  const stories: StoryState[] = []
  let docAt = 0
  let termAt = 0
  let dayAt = 0
  for (const [n, [id, members]] of head.stories.entries()) {
    const docCount = storyDocCount[n] as number
    const termCount = storyTermCount[n] as number
    const dayCount = storyDayCount[n] as number
    const counted = new Int32Array(Math.max(64, termCount))
    counted.set(storyCounts.subarray(termAt, termAt + termCount))
    const days = arrayOf(storyDays, dayAt, dayAt + dayCount)
    stories.push({
      id,
      docs: arrayOf(storyDocs, docAt, docAt + docCount),
      members,
      weights: TermWeights.of(
        storyTerms.subarray(termAt, termAt + termCount),
        doubles.subarray(d + termAt, d + termAt + termCount),
      ),
      norm: 0,
      normAt: -1,
      first: days[0] ?? null,
      last: days[days.length - 1] ?? null,
      days,
      counts: counted,
    })
    docAt += docCount
    termAt += termCount
    dayAt += dayCount
    // A story's terms run to thousands: fewer stories than items between two pauses.
    if (n % 16 === 15) yield
  }
  const stream = take(counts.shingles)
  const shingles = new Map<number, ShingleEntry>()
  let s = 0
  while (s < stream.length) {
    const key = stream[s++] as number
    const entries = stream[s++] as number
    let previous: ShingleEntry | null = null
    for (let e = 0; e < entries; e++) {
      const check = stream[s++] as number
      const storyCount = stream[s++] as number
      const entry: ShingleEntry = {
        check,
        stories: new Array<number>(storyCount),
        articles: new Array<number[]>(storyCount),
        next: null,
      }
      for (let k = 0; k < storyCount; k++) {
        entry.stories[k] = stream[s++] as number
        const articles = stream[s++] as number
        entry.articles[k] = arrayOf(stream, s, s + articles)
        s += articles
      }
      if (previous) previous.next = entry
      else shingles.set(key, entry)
      previous = entry
    }
    if (shingles.size % STEP === 0) yield
  }
  if (i !== ints.length || s !== stream.length || d + counts.storyTerms !== doubles.length)
    throw malformed('its sections are not the lengths its header says')
  return { termNames: head.terms, df, postings, docs, stories, shingles }
}
