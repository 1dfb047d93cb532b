import { CorroborateError } from '../errors.js'
import type { ArticleProfile } from './article-profile.js'

/**
 * An article profile as {@link StoryIndex.place} reads it back from a store: the
 * terms' weights in a typed array and the quote shingles as the hashes the index
 * keys them by, instead of 8-word strings. What {@link unpackProfile} returns.
 */
export interface PackedProfile {
  article: string
  day: number | null
  published: string | null
  outlet: string | null
  label: string
  /** The profile's terms, in its order (heaviest first). */
  terms: string[]
  /** Each term's weight, aligned with `terms`; the profile's values exactly. */
  weights: Float64Array
  /**
   * Two 30-bit FNV-1a hashes (a key and a check) per quote shingle, in the
   * profile's order: `[key0, check0, key1, check1, …]`.
   */
  shingleKeys: Uint32Array
  people: string[]
  places: string[]
}

/**
 * Long quotes' shingles as two small integers each (FNV-1a hashes, 30 bits each: a key
 * and a check), `[key0, check0, key1, check1, …]`: ten thousand articles carry millions
 * of shingles, and the index needs only to know which stories share one. Small integers
 * are the cheapest keys a Map has, and the check keeps a false match among them below
 * one in a billion per lookup.
 */
export function shingleKeys(shingles: readonly string[]): Uint32Array {
  const keys = new Uint32Array(shingles.length * 2)
  for (let n = 0; n < shingles.length; n++) {
    const text = shingles[n] as string
    let key = 0x811c9dc5
    let check = 0x01000193
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i)
      key = Math.imul(key ^ code, 0x01000193)
      check = Math.imul(check ^ code, 0x5bd1e995)
    }
    keys[2 * n] = key >>> 2
    keys[2 * n + 1] = check >>> 2
  }
  return keys
}

// Layout, little-endian: version (u8), weight form (u8), 0 (u16), head length in bytes
// (u32), terms (u32), shingles (u32); the head (UTF-8 JSON: the profile's small fields
// and its term names); the weights (u16 thousandths, or f64); the shingles' key and
// check (u32 each). The terms are in the JSON: JSON.parse gives them as interned strings,
// which the index looks up faster than strings split from one text (restores 15-30% faster).
const VERSION = 1
const HEADER = 16
// Weights from profileArticle are thousandths below 65.536 (a term counted 10^28 times):
// two bytes each, and read back as the same doubles.
const THOUSANDTHS = 1
const DOUBLES = 2

const encoder = new TextEncoder()
const decoder = new TextDecoder('utf-8', { fatal: true })

/**
 * A profile as bytes: what a store keeps so that a restart reads a fraction of the
 * profile's JSON and places it without hashing its quotes again. Pure; the same
 * profile gives the same bytes. {@link unpackProfile} reads them back.
 */
export function packProfile(profile: ArticleProfile): Uint8Array {
  const { article, day, published, outlet, label, people, places } = profile
  const terms = profile.terms.map(([term]) => term)
  const head = encoder.encode(
    JSON.stringify({ article, day, published, outlet, label, people, places, terms }),
  )
  const thousandths = profile.terms.every(([, w]) => {
    const m = Math.round(w * 1000)
    return m >= 0 && m <= 0xffff && m / 1000 === w && !Object.is(w, -0)
  })
  const weightBytes = thousandths ? 2 : 8
  const shingles = profile.quoteShingles.length
  const bytes = new Uint8Array(HEADER + head.length + terms.length * weightBytes + shingles * 8)
  const view = new DataView(bytes.buffer)
  view.setUint8(0, VERSION)
  view.setUint8(1, thousandths ? THOUSANDTHS : DOUBLES)
  view.setUint32(4, head.length, true)
  view.setUint32(8, terms.length, true)
  view.setUint32(12, shingles, true)
  bytes.set(head, HEADER)
  let at = HEADER + head.length
  for (const [, w] of profile.terms) {
    if (thousandths) view.setUint16(at, Math.round(w * 1000), true)
    else view.setFloat64(at, w, true)
    at += weightBytes
  }
  for (const key of shingleKeys(profile.quoteShingles)) {
    view.setUint32(at, key, true)
    at += 4
  }
  return bytes
}

const malformed = (what: string) =>
  new CorroborateError('INVALID_ARGUMENT', `unpackProfile expects bytes from packProfile: ${what}`)

/**
 * Reads bytes made by {@link packProfile}: the profile's fields, its weights as
 * the same numbers, its shingles as their keys.
 * @throws CorroborateError `INVALID_ARGUMENT` when the bytes are not a packed
 *   profile of this version (cut short, another version, a head that is not its JSON).
 */
export function unpackProfile(bytes: Uint8Array): PackedProfile {
  if (!(bytes instanceof Uint8Array) || bytes.length < HEADER)
    throw malformed(
      `got ${bytes instanceof Uint8Array ? `${bytes.length} bytes` : typeof bytes}, fewer than a header`,
    )
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const version = view.getUint8(0)
  const form = view.getUint8(1)
  if (version !== VERSION || (form !== THOUSANDTHS && form !== DOUBLES))
    throw malformed(`version ${version}, weight form ${form} (this core reads version ${VERSION})`)
  const headLength = view.getUint32(4, true)
  const count = view.getUint32(8, true)
  const shingles = view.getUint32(12, true)
  const weightBytes = form === THOUSANDTHS ? 2 : 8
  const expected = HEADER + headLength + count * weightBytes + shingles * 8
  if (bytes.length !== expected)
    throw malformed(`${bytes.length} bytes where its header says ${expected}`)
  let head: Omit<PackedProfile, 'weights' | 'shingleKeys'>
  try {
    head = JSON.parse(decoder.decode(bytes.subarray(HEADER, HEADER + headLength)))
  } catch (error) {
    throw malformed(`its head is not JSON (${(error as Error).message})`)
  }
  if (!head || !Array.isArray(head.terms) || head.terms.length !== count)
    throw malformed(`its head names ${head?.terms?.length ?? 'no'} terms where it counts ${count}`)
  const weights = new Float64Array(count)
  let at = HEADER + headLength
  for (let i = 0; i < count; i++, at += weightBytes)
    weights[i] = form === THOUSANDTHS ? view.getUint16(at, true) / 1000 : view.getFloat64(at, true)
  const shingleKeys = new Uint32Array(shingles * 2)
  for (let i = 0; i < shingleKeys.length; i++, at += 4) shingleKeys[i] = view.getUint32(at, true)
  return {
    article: head.article,
    day: head.day,
    published: head.published,
    outlet: head.outlet,
    label: head.label,
    terms: head.terms,
    weights,
    shingleKeys,
    people: head.people,
    places: head.places,
  }
}
