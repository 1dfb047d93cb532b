import { canonicalPlace } from '../claims/measure.js'
import type { WordChange } from '../types.js'
import { isStopWord, type WordToken, wordTokensOf } from './word-tokens.js'

/** One change that matters: the canonical words and the member's words in their place (either may be empty). */
type MaterialChange = { canonical: string; member: string }

/** A word without its inflection ending: "jails" → "jail", "residents" → "resident". */
export const stem = (word: string) => word.replace(/(?:ies|es|s|ed|ing|ly)$/, '')

/** Two words of one stem written apart ("residents", "residency"): a long common beginning. */
function sameStem(a: string, b: string): boolean {
  if (a === b) return true
  const shorter = Math.min(a.length, b.length)
  let n = 0
  while (n < shorter && a[n] === b[n]) n++
  return n >= 5 && n >= 0.75 * shorter
}

// Words that reverse a statement when one takes the other's place, in pairs:
// "under budget" → "over budget". Function words, yet never mere style.
const POLAR_PAIRS = `under:over in:out up:down more:less more:fewer before:after for:against
  increase:decrease increased:decreased rise:fall rose:fell higher:lower above:below win:lose
  won:lost with:without early:late can:cannot can:can't will:won't yes:no always:never all:none
  first:last open:closed legal:illegal possible:impossible best:worst most:least majority:minority
  accept:reject support:oppose guilty:innocent approve:reject allow:ban inside:outside
  on:off true:false right:wrong success:failure agree:disagree likely:unlikely`
const OPPOSITES = new Map<string, string[]>()
for (const pair of POLAR_PAIRS.split(/\s+/).filter(Boolean)) {
  const [a, b] = pair.split(':') as [string, string]
  OPPOSITES.set(a, [...(OPPOSITES.get(a) ?? []), b])
  OPPOSITES.set(b, [...(OPPOSITES.get(b) ?? []), a])
}
const NEGATION = /^(?:not|no|never|nothing|nobody|none|neither|nor|without|\p{L}+n't)$/u

const SCALE_WORDS: ReadonlyMap<string, number> = new Map([
  ['100', 100],
  ['thousand', 1e3],
  ['million', 1e6],
  ['billion', 1e9],
])

/** The number a run of number words and digits says ("three hundred", "300"), or null. */
function numberOf(words: readonly WordToken[]): number | null {
  if (words.length === 0) return null
  let total = 0
  let current = 0
  for (const word of words) {
    const scale = SCALE_WORDS.get(word.norm)
    if (scale !== undefined && current > 0) {
      current *= scale
      if (scale >= 1e3) {
        total += current
        current = 0
      }
    } else if (/^\d+(?:\.\d+)?$/.test(word.norm)) current += Number(word.norm)
    else return null
  }
  return total + current
}

// Words a speaker fills a sentence with; an outlet that leaves them out changes nothing said.
const FILLER =
  /^(?:i mean|you know|uh|um|er|ah|oh|well|look|okay|ok|so|frankly|honestly|basically|actually|really|you see|of course)$/

/** How many negations a stretch holds: one put in or left out reverses what it says. */
const negations = (words: readonly WordToken[]) => words.filter((w) => NEGATION.test(w.norm)).length

/** True when a word of one side has its opposite on the other: "under" and "over". */
function reversed(before: readonly WordToken[], after: readonly WordToken[]): boolean {
  const now = new Set(after.map((w) => w.norm))
  return before.some((w) => (OPPOSITES.get(w.norm) ?? []).some((o) => now.has(o)))
}

/**
 * The changed stretches of a diff (runs of steps that are not equal) that
 * change what the words say: content words of the member's own in place of
 * the canonical ones, a reversed word ("under" → "over") or a negation added
 * or dropped, and a content word left out or put in inside the quote (not at
 * its ends, and not where the member marks a cut with an ellipsis). Not a
 * cut at the ends, an inflection or a derived form ("jail" → "jails",
 * "residents" → "residency"), a spelling ("organised" → "organized",
 * "mega-prison" → "mega prison", "three" → "3"), or one place written two
 * ways ("U.S." → "United States").
 */
export function materialChanges(diff: readonly WordChange[], member = ''): MaterialChange[] {
  const found: MaterialChange[] = []
  // A member that marks its own cuts (an ellipsis, brackets) is aligned across them by
  // chance: only a word replaced for another, between equal words, says it was reworded.
  const elided = /…|\.\s?\.\s?\.|\[|\]/.test(member)
  const steps = [...diff]
  for (const [start, end] of changedStretches(steps)) {
    const change = stretchChange(steps, start, end, elided)
    if (change) found.push(change)
  }
  return found
}

/** Each run of steps that are not equal, as its first and last index, in order. */
function changedStretches(steps: readonly WordChange[]): Array<[number, number]> {
  const stretches: Array<[number, number]> = []
  for (let start = 0; start < steps.length; start++) {
    if (steps[start]?.op === 'equal') continue
    let end = start
    while (end + 1 < steps.length && steps[end + 1]?.op !== 'equal') end++
    stretches.push([start, end])
    start = end
  }
  return stretches
}

/**
 * What the stretch of steps `[start, end]` changes, or null when it changes
 * nothing said. `elided`: the member marks its own cuts.
 */
function stretchChange(
  steps: readonly WordChange[],
  start: number,
  end: number,
  elided: boolean,
): MaterialChange | null {
  const stretch = steps.slice(start, end + 1)
  const inner = start > 0 && end < steps.length - 1 && !slidesToEdge(steps, start, end)
  const { before, after } = sidesOf(stretch)
  if (writtenAlike(before, after)) return null
  // "We are just" cut beside "profoundly" → "incredibly": the swap alone is the change.
  const swapped = swappedPart(stretch)
  if (swapped.length > 0) {
    const sides = sidesOf(swapped)
    if (reworded(sides.before, sides.after)) return !elided || inner ? changeOf(swapped) : null
  }
  if (!inner || elided) return null
  // "thousands" cut and "of" → "new": one rewording, "thousands of" → "new".
  const swaps = stretch.filter((s) => s.op === 'replace')
  const cut = sidesOf(stretch.filter((s) => s.op !== 'replace'))
  if (swaps.length > 0)
    return isMaterialCut(cut.before.length > 0 ? cut.before : cut.after) ? changeOf(stretch) : null
  return isMaterialCut(before.length > 0 ? before : after) ? changeOf(stretch) : null
}

/** The steps from the first replaced word of a stretch to its last, or none. */
function swappedPart(stretch: readonly WordChange[]): readonly WordChange[] {
  const first = stretch.findIndex((s) => s.op === 'replace')
  const last = stretch.length - 1 - [...stretch].reverse().findIndex((s) => s.op === 'replace')
  return first < 0 ? [] : stretch.slice(first, last + 1)
}

/** The canonical words and the member's words of some steps. */
function sidesOf(steps: readonly WordChange[]): {
  before: readonly WordToken[]
  after: readonly WordToken[]
} {
  const join = (which: 'canonical' | 'member') =>
    wordTokensOf(
      steps
        .map((s) => s[which])
        .filter(Boolean)
        .join(' '),
    )
  return { before: join('canonical'), after: join('member') }
}

function changeOf(steps: readonly WordChange[]): MaterialChange {
  const { before, after } = sidesOf(steps)
  return {
    canonical: before.map((t) => t.text).join(' '),
    member: after.map((t) => t.text).join(' '),
  }
}

/** The stems of the words that carry meaning. */
function contentWords(tokens: readonly WordToken[]): Set<string> {
  return new Set(
    tokens
      .filter((t) => !isStopWord(t.norm))
      .map((t) => stem(t.norm))
      .filter((w) => !isStopWord(w)),
  )
}

/** One thing written two ways: spelling, hyphens, a number in words, a place's two names. */
function writtenAlike(before: readonly WordToken[], after: readonly WordToken[]): boolean {
  const joined = (tokens: readonly WordToken[]) => tokens.map((t) => t.norm).join('')
  if (joined(before) === joined(after)) return true
  const amount = numberOf(before)
  if (amount !== null && amount === numberOf(after)) return true
  const place = (tokens: readonly WordToken[]) =>
    canonicalPlace(tokens.map((t) => t.text.replace(/\.$/, '')).join(' '))
  return before.length > 0 && after.length > 0 && place(before) === place(after)
}

/** Words put in place of others that change what is said. */
function reworded(before: readonly WordToken[], after: readonly WordToken[]): boolean {
  if (writtenAlike(before, after)) return false
  if (reversed(before, after) || negations(before) !== negations(after)) return true
  const was = contentWords(before)
  const now = contentWords(after)
  return was.size > 0 && now.size > 0 && [...now].some((w) => ![...was].some((v) => sameStem(v, w)))
}

/** Words left out or put in inside the quote that matter: a negation, or a few words with a content word. */
function isMaterialCut(words: readonly WordToken[]): boolean {
  if (words.length === 0 || words.length > 4) return false
  if (FILLER.test(words.map((w) => w.norm).join(' '))) return false
  return negations(words) > 0 || contentWords(words).size > 0
}

/**
 * True when the words cut at steps `[from, to]` could as well be cut at an end
 * of the quote: "in [our country? In] Tulsa" is "[in our country?] In Tulsa",
 * a member that starts at "In Tulsa", aligned by chance on the earlier "in".
 */
function slidesToEdge(steps: readonly WordChange[], from: number, to: number): boolean {
  const words = (text: string) => (text === '' ? [] : wordTokensOf(text).map((t) => t.norm))
  const cut = steps.slice(from, to + 1)
  if (cut.some((s) => s.op === 'replace')) return false
  const gone = cut.flatMap((s) => words(s.canonical || s.member))
  const before = steps.slice(0, from)
  const after = steps.slice(to + 1)
  const endsWith = (run: string[], tail: string[]) =>
    run.length <= tail.length && run.every((w, k) => tail[tail.length - run.length + k] === w)
  const startsWith = (run: string[], head: string[]) =>
    run.length <= head.length && run.every((w, k) => head[k] === w)
  // The equal words just before the cut are words the cut also ends with, and before them
  // the quote is only cut (or begins): the cut slides to the start. The same after it.
  const previous = before.at(-1)
  if (
    previous?.op === 'equal' &&
    before.slice(0, -1).every((s) => s.op === 'delete') &&
    endsWith(words(previous.canonical), gone)
  )
    return true
  const next = after[0]
  return (
    next?.op === 'equal' &&
    after.slice(1).every((s) => s.op === 'delete') &&
    startsWith(words(next.canonical), gone)
  )
}
