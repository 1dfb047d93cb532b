import { NAME_SUFFIXES } from '../lexicon/index.js'

// Name suffixes that say nothing of who: "James Kennedy Jr." is "James Kennedy".
const SUFFIXES = new Set(NAME_SUFFIXES.map((suffix) => suffix.toLowerCase()))

/** A name's words, accents and case folded, initials and suffixes left out. */
function nameWords(name: string): string[] {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .filter((w) => w.length > 1 && !SUFFIXES.has(w))
}

/**
 * Whether two speaker names may be one person, so that words given to both are
 * no attribution dispute: the same surname and, when both give one, the same
 * first name ("Felipe Calderón" and "Felipe Calderon", "Trump" and "Donald J.
 * Trump", "James P. Kennedy Jr" and "James Kennedy"); "Keith Scott" and
 * "Rakeyia Scott" are two. A name with no words at all proves no one else spoke.
 * One rule for every dispute, in a story and across stories.
 */
export function mayBeOneSpeaker(a: string, b: string): boolean {
  const x = nameWords(a)
  const y = nameWords(b)
  if (x.length === 0 || y.length === 0) return true
  if (x.at(-1) !== y.at(-1)) return false
  return x.length === 1 || y.length === 1 || x[0] === y[0]
}
