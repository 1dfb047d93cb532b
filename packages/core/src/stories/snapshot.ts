import { CorroborateError } from '../errors.js'
import type { StoryMember } from '../types.js'
import type { ArticleProfile } from './article-profile.js'
import { nextStoryIn } from './shingle-index.js'
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
  const headBytes = encoder.encode(JSON.stringify(headOf(state)))
  const stream = shingleStream(state.shingles)
  const counts = countsOf(state, headBytes.length, stream.length)
  const layout = sectionsOf(counts)
  const bytes = new Uint8Array(layout.end)
  const view = new DataView(bytes.buffer)
  for (const [n, name] of COUNTS.entries()) view.setUint32(n * 4, counts[name], true)
  bytes.set(headBytes, HEADER)
  const doubles = new Float64Array(
    bytes.buffer,
    layout.doubles,
    counts.docTerms + counts.storyTerms,
  )
  writeDoubles(doubles, state)
  writeInts(new Int32Array(bytes.buffer, layout.ints, layout.intCount), state, stream)
  return bytes
}

/** The head: term names, each document's small fields, each story's id and members. */
function headOf({ termNames, docs, stories }: SnapshotState): Head {
  return {
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
}

/**
 * The shingles as one run of integers: per key, the key and how many entries; per
 * entry, its check and how many stories; per story, its number, how many articles
 * and the articles.
 */
function shingleStream(shingles: ReadonlyMap<number, ShingleEntry>): number[] {
  const stream: number[] = []
  for (const [key, first] of shingles) {
    const at = stream.length
    stream.push(key, 0)
    for (let entry: ShingleEntry | null = first; entry; entry = entry.next) {
      ;(stream[at + 1] as number)++
      // The entry's run is this section's layout already.
      stream.push(entry.check, entry.storyCount)
      for (let k = entry.at; k < entry.at + entry.length; k++) stream.push(entry.block[k] as number)
    }
  }
  return stream
}

/** The header's counts of a state whose head and shingle stream are this long. */
function countsOf(state: SnapshotState, head: number, shingles: number): Counts {
  const { termNames, postings, docs, stories } = state
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
  return {
    magic: MAGIC,
    version: VERSION,
    head,
    terms: termNames.length,
    docs: docs.length,
    stories: stories.length,
    docTerms,
    storyTerms,
    postings: postingInts,
    storyDocs,
    days,
    shingles,
  }
}

/** The documents' weights, then the stories'. */
function writeDoubles(doubles: Float64Array, { docs, stories }: SnapshotState): void {
  let d = 0
  for (const doc of docs) {
    doubles.set(doc.weights, d)
    d += doc.weights.length
  }
  for (const story of stories) {
    doubles.set(story.weights.weights.subarray(0, story.weights.size), d)
    d += story.weights.size
  }
}

/** The integers, in the order the counts name their sections (see `readSnapshotInSteps`). */
function writeInts(ints: Int32Array, state: SnapshotState, stream: readonly number[]): void {
  const { df, postings, docs, stories } = state
  let i = 0
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

// Far above any real weight (a term's count over millions of articles), and far below one
// whose square overflows a double.
const MAX_WEIGHT = 1e100

// Weights checked between two pauses: a few milliseconds.
const WEIGHTS_STEP = 1 << 19

/** Whether `doubles[from..to)` are all weights: numbers from 0 to {@link MAX_WEIGHT}. */
function allWeights(doubles: Float64Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const weight = doubles[i] as number
    if (!(weight >= 0 && weight <= MAX_WEIGHT)) return false
  }
  return true
}

// Items read between two pauses of a stepwise read: a few milliseconds of work.
const STEP = 1024

/** A snapshot being read: its counts, head and sections, and how far its integers are read. */
interface SnapshotReader {
  counts: Counts
  head: Head
  doubles: Float64Array
  ints: Int32Array
  /** The next integer to read. */
  at: number
}

/** The next `n` integers of the snapshot, as a view. */
function take(reader: SnapshotReader, n: number): Int32Array {
  if (reader.at + n > reader.ints.length) throw malformed('its integers end early')
  const out = reader.ints.subarray(reader.at, reader.at + n)
  reader.at += n
  return out
}

/**
 * A length read from the integers, checked against what is left of its section: a snapshot
 * damaged on disk fails here, as malformed, instead of asking for gigabytes.
 */
function lengthIn(length: number, at: number, end: number, what: string): number {
  if (!(length >= 0 && at + length <= end)) throw malformed(`${what} runs past its section`)
  return length
}

/**
 * A snapshot's state, its documents' and stories' norms to be measured again,
 * read in steps: the generator pauses every few thousand items (documents, terms'
 * postings, shingles) so that its caller can let other work go between them.
 */
export function* readSnapshotInSteps(given: Uint8Array): Generator<void, SnapshotState, void> {
  const reader = yield* openSnapshot(given)
  const { counts } = reader
  const df = arrayOf(take(reader, counts.terms), 0, counts.terms)
  const docs = yield* readDocs(reader)
  const postings = yield* readPostings(reader)
  const stories = yield* readStories(reader)
  const stream = take(reader, counts.shingles)
  const shingles = yield* readShingles(stream)
  if (
    reader.at !== reader.ints.length ||
    counts.docTerms + counts.storyTerms !== reader.doubles.length
  )
    throw malformed('its sections are not the lengths its header says')
  // Every document, story and term it names is one it holds: a damaged number would otherwise
  // pass here and fail at the next add, far from the cause.
  const named = (numbers: ArrayLike<number>, end: number, what: string, step = 1) => {
    for (let k = 0; k < numbers.length; k += step) {
      const number = numbers[k] as number
      if (!(number >= 0 && number < end)) throw malformed(`${what} names one it does not hold`)
    }
  }
  for (const doc of docs) {
    named([doc.story], stories.length, 'a document')
    named(doc.terms, counts.terms, 'a document')
  }
  for (const story of stories) {
    if (story.docs.length === 0) throw malformed('a story holds no document')
    named(story.docs, docs.length, 'a story')
  }
  // Weights are sums of positive term weights: a damaged one (NaN, negative, or so large
  // that its square overflows) would make every cosine with it NaN, and the next add would
  // find no member to join. Millions of them in a large index: read in steps of their own.
  const { doubles } = reader
  for (let from = 0; from < doubles.length; from += WEIGHTS_STEP) {
    yield
    if (!allWeights(doubles, from, Math.min(doubles.length, from + WEIGHTS_STEP)))
      throw malformed('a weight is not a weight')
  }
  // A posting is pairs: a story, and the term's place among that story's weights.
  for (const posting of postings) named(posting, stories.length, 'a posting', 2)
  for (let entry of shingles.values())
    for (; entry; entry = entry.next as ShingleEntry) {
      const { block, at, length } = entry
      for (let k = at; k < at + length; k = nextStoryIn(block, k)) {
        named([block[k] as number], stories.length, 'a shingle')
        named(block.subarray(k + 2, k + 2 + (block[k + 1] as number)), docs.length, 'a shingle')
      }
    }
  return { termNames: reader.head.terms, df, postings, docs, stories, shingles }
}

/** Checks a snapshot's header and length and reads its head (decoded, then parsed, each its own step). */
function* openSnapshot(given: Uint8Array): Generator<void, SnapshotReader, void> {
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
  // The head is megabytes of JSON in a large index.
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
  return { counts, head, doubles, ints, at: 0 }
}

/** The documents: their small fields from the head, their terms and weights from the sections. */
function* readDocs(reader: SnapshotReader): Generator<void, Doc[], void> {
  const { counts, head } = reader
  const docStory = take(reader, counts.docs)
  const docLength = take(reader, counts.docs)
  // The documents' terms and weights: one block each (copied, so the snapshot can go).
  const termBlock = take(reader, counts.docTerms).slice()
  yield
  const weightBlock = reader.doubles.slice(0, counts.docTerms)
  yield
  const docs: Doc[] = []
  let at = 0
  for (const [n, fields] of head.docs.entries()) {
    const [article, day, published, outlet, label, people, places] = fields
    const length = lengthIn(docLength[n] as number, at, counts.docTerms, 'a document')
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
  return docs
}

function* readPostings(reader: SnapshotReader): Generator<void, Postings[], void> {
  const postingLength = take(reader, reader.counts.terms)
  const postingInts = take(reader, reader.counts.postings)
  const postings: Postings[] = []
  let at = 0
  for (const given of postingLength) {
    const length = lengthIn(given, at, postingInts.length, "a term's postings")
    postings.push(arrayOf(postingInts, at, at + length))
    at += length
    if (postings.length % STEP === 0) yield
  }
  return postings
}

/** The stories: ids and members from the head, documents, weights, counts and days from the sections. */
function* readStories(reader: SnapshotReader): Generator<void, StoryState[], void> {
  const { counts, head } = reader
  const storyDocCount = take(reader, counts.stories)
  const storyDocs = take(reader, counts.storyDocs)
  const storyTermCount = take(reader, counts.stories)
  const storyTerms = take(reader, counts.storyTerms)
  const storyCounts = take(reader, counts.storyTerms)
  const storyDayCount = take(reader, counts.stories)
  const storyDays = take(reader, counts.days)
  // The stories' weights follow the documents'.
  const { doubles } = reader
  const d = counts.docTerms
  const stories: StoryState[] = []
  let docAt = 0
  let termAt = 0
  let dayAt = 0
  for (const [n, [id, members]] of head.stories.entries()) {
    const docCount = lengthIn(storyDocCount[n] as number, docAt, storyDocs.length, 'a story')
    const termCount = lengthIn(storyTermCount[n] as number, termAt, storyTerms.length, 'a story')
    const dayCount = lengthIn(storyDayCount[n] as number, dayAt, storyDays.length, 'a story')
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
  return stories
}

/**
 * The shingles of a stream that `shingleStream` wrote. Their runs stay where they are in
 * one copy of the stream (the bytes read are not kept), each entry's room its length.
 */
function* readShingles(given: Int32Array): Generator<void, Map<number, ShingleEntry>, void> {
  const stream = given.slice()
  const shingles = new Map<number, ShingleEntry>()
  let s = 0
  while (s < stream.length) {
    const key = stream[s++] as number
    // Each entry takes two integers at the least, each of its stories two.
    const entries = lengthIn(stream[s++] as number, 0, (stream.length - s) / 2, 'a shingle')
    let previous: ShingleEntry | null = null
    for (let e = 0; e < entries; e++) {
      const check = stream[s++] as number
      const storyCount = lengthIn(stream[s++] as number, 0, (stream.length - s) / 2, 'a shingle')
      const at = s
      for (let k = 0; k < storyCount; k++) {
        s++
        const articles = lengthIn(stream[s++] as number, s, stream.length, 'a shingle')
        s += articles
      }
      const entry: ShingleEntry = {
        check,
        storyCount,
        block: stream,
        at,
        length: s - at,
        room: s - at,
        next: null,
      }
      if (previous) previous.next = entry
      else shingles.set(key, entry)
      previous = entry
    }
    if (shingles.size % STEP === 0) yield
  }
  if (s !== stream.length) throw malformed('its sections are not the lengths its header says')
  return shingles
}
