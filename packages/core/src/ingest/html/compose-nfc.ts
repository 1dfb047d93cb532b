import type { TextRun } from '../../types.js'

/** A stretch of a block's text that NFC composes, and what it composes to. */
interface Cluster {
  start: number
  end: number
  composed: string
  /** Whether its one replaced run has been written out. */
  done: boolean
}

/**
 * Composes a block's text to NFC where pieces met that compose across their
 * border ("cafe" then "&#769;"): each such cluster of characters becomes one
 * replaced run covering all the markup it came from; other runs keep their
 * mapping, shifted.
 */
export function composeNfc(
  text: string,
  runs: readonly TextRun[],
): { text: string; runs: TextRun[] } {
  const clusters = mergeOverlapping(widenToReplacedRuns(uncomposedClusters(text), runs))
  for (const cluster of clusters)
    cluster.composed = text.slice(cluster.start, cluster.end).normalize('NFC')
  const composedRuns = remapRuns(runs, clusters)
  return { text: composedText(text, clusters), runs: composedRuns }
}

/** Each letter with the combining marks after it that NFC would change, in text order. */
function uncomposedClusters(text: string): Cluster[] {
  const clusters: Cluster[] = []
  for (let index = 0; index < text.length; ) {
    let end = index + 1
    while (end < text.length && /\p{M}/u.test(text[end] as string)) end++
    if (end - index > 1) {
      const cluster = text.slice(index, end)
      if (cluster.normalize('NFC') !== cluster)
        clusters.push({ start: index, end, composed: '', done: false })
    }
    index = end
  }
  return clusters
}

// A replaced run maps only as a whole: a cluster that touches one takes it in.
function widenToReplacedRuns(clusters: Cluster[], runs: readonly TextRun[]): Cluster[] {
  for (const cluster of clusters)
    for (const run of runs)
      if (!run.verbatim && run.text < cluster.end && run.text + run.length > cluster.start) {
        cluster.start = Math.min(cluster.start, run.text)
        cluster.end = Math.max(cluster.end, run.text + run.length)
      }
  return clusters
}

/** Clusters in text order, those that overlap after widening made one. */
function mergeOverlapping(clusters: readonly Cluster[]): Cluster[] {
  const merged: Cluster[] = []
  for (const cluster of clusters) {
    const last = merged[merged.length - 1]
    if (last && cluster.start <= last.end) last.end = Math.max(last.end, cluster.end)
    else merged.push(cluster)
  }
  return merged
}

/** How far composing the clusters that end at or before `position` moves it. */
function shiftAt(clusters: readonly Cluster[], position: number): number {
  let delta = 0
  for (const cluster of clusters)
    if (cluster.end <= position) delta += cluster.composed.length - (cluster.end - cluster.start)
  return delta
}

/**
 * Where text offset `position` is in the markup, as the start or the end of a
 * range: inside a replaced run only its whole extent is known.
 */
function originalAt(runs: readonly TextRun[], position: number, edge: 'start' | 'end'): number {
  for (const run of runs) {
    const inside =
      edge === 'start'
        ? run.text <= position && position < run.text + run.length
        : run.text < position && position <= run.text + run.length
    if (!inside) continue
    if (run.verbatim) return run.original + (position - run.text)
    return edge === 'start' ? run.original : run.original + run.originalLength
  }
  return 0
}

/** One replaced run for a whole cluster, from the markup of its first character to that of its last. */
function clusterRun(
  cluster: Cluster,
  runs: readonly TextRun[],
  clusters: readonly Cluster[],
): TextRun {
  const start = originalAt(runs, cluster.start, 'start')
  return {
    text: cluster.start + shiftAt(clusters, cluster.start),
    length: cluster.composed.length,
    original: start,
    originalLength: originalAt(runs, cluster.end, 'end') - start,
    verbatim: false,
  }
}

/** The part `[from, stop)` of `run`, moved to where it is in the composed text. */
function shiftedPiece(run: TextRun, from: number, stop: number, shift: number): TextRun {
  return run.verbatim
    ? {
        text: from + shift,
        length: stop - from,
        original: run.original + (from - run.text),
        originalLength: stop - from,
        verbatim: true,
      }
    : { ...run, text: from + shift }
}

/** The runs of the composed text: clusters as one run each, the rest cut around them and shifted. */
function remapRuns(runs: readonly TextRun[], clusters: readonly Cluster[]): TextRun[] {
  const out: TextRun[] = []
  for (const run of runs) {
    let from = run.text
    const to = run.text + run.length
    while (from < to) {
      const cluster = clusters.find((c) => c.end > from)
      if (cluster && cluster.start <= from) {
        if (!cluster.done) {
          out.push(clusterRun(cluster, runs, clusters))
          cluster.done = true
        }
        from = cluster.end
        continue
      }
      const stop = cluster ? Math.min(to, cluster.start) : to
      out.push(shiftedPiece(run, from, stop, shiftAt(clusters, from)))
      from = stop
    }
  }
  return out
}

function composedText(text: string, clusters: readonly Cluster[]): string {
  let composed = ''
  let at = 0
  for (const cluster of clusters) {
    composed += text.slice(at, cluster.start) + cluster.composed
    at = cluster.end
  }
  return composed + text.slice(at)
}
