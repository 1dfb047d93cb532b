import type { WordChange } from '@corroborate/core'

/**
 * A piece of one outlet's wording against the fullest wording of the statement:
 * `same` words, words it `added`, words it `changed` (its own, in place of
 * others), and words it is `missing` (the fullest wording's, not its own).
 */
export interface MarkedWords {
  mark: 'same' | 'added' | 'changed' | 'missing'
  text: string
}

// Words as the cross-reference compares them: letters and digits, with inner
// hyphens, apostrophes, periods and digit commas ("mega-prison", "U.S", "1,000").
const WORD = /[\p{L}\p{N}]+(?:[-.'’,][\p{L}\p{N}]+)*/gu

const count = (words: string) => (words.trim() === '' ? 0 : words.trim().split(/\s+/).length)

/**
 * Splits an outlet's wording into marked pieces along its word diff. The
 * member's own text is kept as written (punctuation included) wherever its
 * words can be lined up with the diff; otherwise the diff's words are used.
 */
export function markWords(text: string, diff: readonly WordChange[]): MarkedWords[] {
  const tokens = [...text.matchAll(WORD)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
  }))
  const needed = diff.reduce((sum, step) => sum + count(step.member), 0)
  const pieces: MarkedWords[] = []
  const push = (mark: MarkedWords['mark'], piece: string) => {
    if (piece === '') return
    const last = pieces[pieces.length - 1]
    // Missing words from two steps in a row are two runs of words: keep them apart.
    if (last && last.mark === mark) last.text += mark === 'missing' ? ` ${piece}` : piece
    else pieces.push({ mark, text: piece })
  }
  if (needed !== tokens.length) {
    // Words that do not line up (a tokenizer difference): show the diff's own words.
    diff.forEach((step, index) => {
      const space = index > 0 ? ' ' : ''
      if (step.op === 'equal') push('same', space + step.member)
      else if (step.op === 'insert') push('added', space + step.member)
      else if (step.op === 'delete') push('missing', space + step.canonical)
      else {
        push('missing', space + step.canonical)
        push('changed', ` ${step.member}`)
      }
    })
    return pieces
  }
  let next = 0
  let at = 0
  for (const step of diff) {
    if (step.op === 'delete') {
      push('missing', step.canonical)
      continue
    }
    const n = count(step.member)
    if (n === 0) continue
    const first = tokens[next] as { start: number; end: number }
    const last = tokens[next + n - 1] as { start: number; end: number }
    push('same', text.slice(at, first.start))
    if (step.op === 'replace') push('missing', step.canonical)
    push(
      step.op === 'equal' ? 'same' : step.op === 'insert' ? 'added' : 'changed',
      text.slice(first.start, last.end),
    )
    at = last.end
    next += n
  }
  push('same', text.slice(at))
  return pieces
}

/**
 * An outlet's wording as one line from its marked pieces, each already written
 * in the output's format: the spaces set around missing words folded, and none
 * left before punctuation.
 */
export const joinMarked = (written: readonly string[]) =>
  written
    .join('')
    .replace(/ {2,}/g, ' ')
    .replace(/ ([.,;:!?])/g, '$1')
    .trim()
