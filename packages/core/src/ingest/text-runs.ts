import { bisectRight } from '../sorted.js'
import type { Span, TextRun } from '../types.js'

const textOffsetOf = (run: TextRun) => run.text

/** The last run that starts at or before clean-text `offset` (runs in text order). */
function runAt(runs: readonly TextRun[], offset: number): TextRun | undefined {
  return runs[bisectRight(runs, offset, textOffsetOf) - 1]
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
