import type { Span, TextRun } from '../types.js'

function runAt(runs: readonly TextRun[], offset: number): TextRun | undefined {
  let low = 0
  let high = runs.length - 1
  let found: TextRun | undefined
  while (low <= high) {
    const mid = (low + high) >> 1
    const run = runs[mid] as TextRun
    if (run.text <= offset) {
      found = run
      low = mid + 1
    } else {
      high = mid - 1
    }
  }
  return found
}

function originalOffset(runs: readonly TextRun[], offset: number, edge: 'start' | 'end'): number {
  const run = runAt(runs, edge === 'end' && offset > 0 ? offset - 1 : offset)
  if (!run) return 0
  const inside = offset - run.text
  if (run.verbatim) return run.original + Math.min(inside, run.length)
  // A replaced run (an entity, a joined line break) maps as a whole: a range
  // that touches it covers all of the source it replaced.
  if (edge === 'start')
    return inside >= run.length ? run.original + run.originalLength : run.original
  return inside <= 0 ? run.original : run.original + run.originalLength
}

/**
 * Maps a range of an article's clean text to the span of the original it came
 * from. `runs` must be sorted by `text` (as `Article.runs` is). Offsets that
 * fall between paragraphs snap to the nearest run.
 */
export function toOriginalSpan(runs: readonly TextRun[], start: number, end: number): Span {
  if (runs.length === 0) return { start: 0, end: 0 }
  const from = originalOffset(runs, start, 'start')
  const to = originalOffset(runs, Math.max(start, end), 'end')
  return { start: from, end: Math.max(from, to) }
}
