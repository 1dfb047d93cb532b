import type { Speaker } from '../types.js'

const APOSTROPHES = /[‘’‚‛′ʼ`´]/g
const DOUBLE_QUOTES = /[“”„‟″«»]/g
const DASHES = /[‐‑‒–—―−]/g

/**
 * Text as people match it: accents and other combining marks dropped
 * (compatibility forms too: "ﬁ" is "fi"), lower case, curly apostrophes and
 * quote marks straight, dashes as a hyphen, runs of white space as one space.
 * The result is for comparing only; its offsets are not the input's.
 */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(APOSTROPHES, "'")
    .replace(DOUBLE_QUOTES, '"')
    .replace(DASHES, '-')
    .replace(/\s+/g, ' ')
}

/** Whether `text` holds `query` once both are folded (see `foldText`); an empty query matches nothing. */
export function textMatches(text: string, query: string): boolean {
  const wanted = foldText(query).trim()
  return wanted !== '' && foldText(text).includes(wanted)
}

/**
 * Whether a speaker is the one a person asked for: `query` is the speaker's
 * id, or part of its name, of one of its aliases or of one of its roles
 * ("Rubio", "bukele", "Secretary of State", "Nayib Bukéle"), folded.
 */
export function matchesSpeaker(
  speaker: Pick<Speaker, 'id' | 'name'> & Partial<Pick<Speaker, 'aliases' | 'roles'>>,
  query: string,
): boolean {
  if (speaker.id === query) return true
  return [speaker.name, ...(speaker.aliases ?? []), ...(speaker.roles ?? [])].some((name) =>
    textMatches(name, query),
  )
}
