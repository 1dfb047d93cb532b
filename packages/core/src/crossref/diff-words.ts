import { diffArrays } from 'diff'
import type { QuoteVariant, WordChange } from '../types.js'
import type { WordToken } from './word-tokens.js'

/**
 * The word-level diff of a member against the canonical wording, computed by
 * jsdiff over the compared forms of the words (so "U.S." meets "US"); a
 * deletion next to an insertion is one replacement: "profoundly" → "incredibly".
 */
export function diffWords(
  canonical: readonly WordToken[],
  member: readonly WordToken[],
): WordChange[] {
  // A member cut out of the canonical wording (or the canonical wording cut out of it)
  // is one cut at each end, whatever shorter alignment a diff might find.
  const inside = runAt(canonical, member)
  if (inside >= 0) return edges(canonical, member, inside, 'delete')
  const around = runAt(member, canonical)
  if (around >= 0) return edges(member, canonical, around, 'insert')
  const changes = diffArrays([...canonical], [...member], {
    comparator: (left, right) => left.norm === right.norm,
  })
  const steps: WordChange[] = []
  let canonicalAt = 0
  let memberAt = 0
  for (const change of changes) {
    const count = change.count ?? change.value.length
    const canonicalWords = change.added ? [] : canonical.slice(canonicalAt, canonicalAt + count)
    const memberWords = change.removed ? [] : member.slice(memberAt, memberAt + count)
    if (!change.added) canonicalAt += count
    if (!change.removed) memberAt += count
    const step: WordChange = {
      op: change.added ? 'insert' : change.removed ? 'delete' : 'equal',
      canonical: canonicalWords.map((w) => w.text).join(' '),
      member: memberWords.map((w) => w.text).join(' '),
    }
    const previous = steps.at(-1)
    // jsdiff gives a replacement as a removal and an addition next to each other;
    // when one side is longer, only as many words as the other side has are replaced,
    // the rest stays cut or added: "We are just profoundly" / "incredibly" is a cut
    // "We are just" and "profoundly" → "incredibly".
    if (
      previous &&
      ((previous.op === 'delete' && step.op === 'insert') ||
        (previous.op === 'insert' && step.op === 'delete'))
    ) {
      const removed = (previous.op === 'delete' ? previous : step).canonical.split(' ')
      const added = (previous.op === 'insert' ? previous : step).member.split(' ')
      const n = Math.min(removed.length, added.length)
      steps.pop()
      if (removed.length > n)
        steps.push({
          op: 'delete',
          canonical: removed.slice(0, removed.length - n).join(' '),
          member: '',
        })
      if (added.length > n)
        steps.push({
          op: 'insert',
          canonical: '',
          member: added.slice(0, added.length - n).join(' '),
        })
      steps.push({
        op: 'replace',
        canonical: removed.slice(removed.length - n).join(' '),
        member: added.slice(added.length - n).join(' '),
      })
      continue
    }
    steps.push(step)
  }
  return steps
}

/** Where `needle`'s words stand one after another inside `hay`, or -1. */
function runAt(hay: readonly WordToken[], needle: readonly WordToken[]): number {
  if (needle.length === 0 || needle.length > hay.length) return -1
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++)
      if ((hay[i + j] as WordToken).norm !== (needle[j] as WordToken).norm) continue outer
    return i
  }
  return -1
}

/** The diff of a run found at `at` inside a longer wording: what lies around it is cut or added. */
function edges(
  longer: readonly WordToken[],
  shorter: readonly WordToken[],
  at: number,
  op: 'delete' | 'insert',
): WordChange[] {
  const words = (tokens: readonly WordToken[]) => tokens.map((t) => t.text).join(' ')
  const side = (tokens: readonly WordToken[]): WordChange =>
    op === 'delete'
      ? { op, canonical: words(tokens), member: '' }
      : { op, canonical: '', member: words(tokens) }
  const steps: WordChange[] = []
  if (at > 0) steps.push(side(longer.slice(0, at)))
  const run = longer.slice(at, at + shorter.length)
  steps.push(
    op === 'delete'
      ? { op: 'equal', canonical: words(run), member: words(shorter) }
      : { op: 'equal', canonical: words(shorter), member: words(run) },
  )
  if (at + shorter.length < longer.length) steps.push(side(longer.slice(at + shorter.length)))
  return steps
}

/**
 * How a member relates to the canonical wording, from its diff: no change is
 * `identical`; words cut only at the ends `truncated`; words added only
 * `extended`; words left out inside `omitted-words`; any word changed
 * `substituted`. A member the extractor read as a fragment is a `fragment`.
 */
export function classifyVariant(diff: readonly WordChange[], isFragment: boolean): QuoteVariant {
  if (diff.every((step) => step.op === 'equal')) return 'identical'
  if (isFragment) return 'fragment'
  if (diff.some((step) => step.op === 'replace')) return 'substituted'
  const inserts = diff.some((step) => step.op === 'insert')
  const deletes = diff.filter((step) => step.op === 'delete')
  if (inserts && deletes.length > 0) return 'substituted'
  if (inserts) return 'extended'
  const inner = diff.slice(1, -1)
  return inner.some((step) => step.op === 'delete') ? 'omitted-words' : 'truncated'
}
