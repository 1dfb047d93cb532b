import { CorroborateError } from '../errors.js'
import type { ArticleProfile } from './article-profile.js'
import type { PackedProfile } from './packed-profile.js'
import { type Doc, internTerm, type StoryIndexState } from './story-state.js'

// Terms a block of documents' terms holds (a few hundred articles).
const ARENA = 1 << 16

export function isPacked(value: ArticleProfile | PackedProfile): value is PackedProfile {
  const p = value as PackedProfile
  return (
    !!p &&
    typeof p === 'object' &&
    p.weights instanceof Float64Array &&
    p.shingleKeys instanceof Uint32Array &&
    Array.isArray(p.terms) &&
    p.terms.length === p.weights.length
  )
}

function isProfile(value: unknown): value is ArticleProfile {
  const p = value as ArticleProfile
  return (
    !!p &&
    typeof p === 'object' &&
    typeof p.article === 'string' &&
    Array.isArray(p.terms) &&
    Array.isArray(p.quoteShingles)
  )
}

/** A packed profile's fields without the terms and quotes, which the index keeps its own way. */
function unpackedFields(packed: PackedProfile): ArticleProfile {
  return {
    article: packed.article,
    day: packed.day,
    published: packed.published,
    outlet: packed.outlet,
    label: packed.label,
    terms: [],
    quoteShingles: [],
    people: packed.people,
    places: packed.places,
  }
}

/** Checks a profile and records it as a document of no story yet, its terms numbered and counted. */
export function enterArticle(state: StoryIndexState, given: ArticleProfile | PackedProfile): Doc {
  const packed = isPacked(given) ? given : null
  if (!packed && !isProfile(given))
    throw new CorroborateError(
      'INVALID_ARGUMENT',
      'add expects an article profile from profileArticle (article, terms, quoteShingles)',
    )
  const profile = packed ? unpackedFields(packed) : (given as ArticleProfile)
  if (state.byArticle.has(profile.article))
    throw new CorroborateError(
      'DUPLICATE_ID',
      `the story index already has an article "${profile.article}"`,
      { subject: profile.article },
    )
  const length = packed ? packed.terms.length : profile.terms.length
  const arena = state.arena
  if (arena.end + length > arena.terms.length) {
    // A new block: documents keep views of the old one.
    arena.terms = new Int32Array(Math.max(ARENA, length))
    arena.weights = new Float64Array(arena.terms.length)
    arena.end = 0
  }
  const terms = arena.terms.subarray(arena.end, arena.end + length)
  const weights = arena.weights.subarray(arena.end, arena.end + length)
  const df = state.df
  let n = 0
  for (let i = 0; i < length; i++) {
    const pair = packed ? null : (profile.terms[i] as [string, number])
    const term = pair ? pair[0] : ((packed as PackedProfile).terms[i] as string)
    const w = pair ? pair[1] : ((packed as PackedProfile).weights[i] as number)
    const id = internTerm(state, term)
    // Read after interning, which may have grown them.
    const { otherHas, positionOf } = state.byTerm
    // A term twice in a hand-made profile counts once, at its first place with its
    // last weight, as a Map of words did.
    if (otherHas[id]) {
      weights[positionOf[id] as number] = w
      continue
    }
    df[id] = (df[id] as number) + 1
    otherHas[id] = 1
    positionOf[id] = n
    terms[n] = id
    weights[n] = w
    n++
  }
  for (let i = 0; i < n; i++) state.byTerm.otherHas[terms[i] as number] = 0
  arena.end += n
  const doc: Doc = {
    profile,
    terms: n < length ? terms.subarray(0, n) : terms,
    weights: n < length ? weights.subarray(0, n) : weights,
    story: -1,
    norm: 0,
    normAt: -1,
  }
  state.byArticle.set(profile.article, state.docs.length)
  state.docs.push(doc)
  return doc
}
