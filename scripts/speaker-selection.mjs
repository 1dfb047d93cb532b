// The choices `pnpm train:speakers` makes on held-out folds (scripts/train-speakers.mjs):
// which article goes to which fold, which L2 strength, which margins. Each is a stated rule
// on a curve that a few slots more or less move only a little: the held-out differences
// between settings are a handful of slots of 1,800, so an argmax over them jumps.

/** FNV-1a, 32 bits: a hash that is the same on every machine and every run. */
function hash(text) {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0
  return h
}

/**
 * The fold of each article, by index in `ids`: the articles ordered by a hash of `seed` and
 * their id, then dealt round-robin. The folds differ in size by one at most, and an article
 * keeps its fold whatever the order of the file or the articles added to it; another
 * `seed` deals another split (to see how much a pick owes to one split).
 */
export function foldsOf(ids, folds, seed = 0) {
  const fold = new Array(ids.length)
  ids
    .map((id, index) => ({ index, key: hash(`${seed}/${id}`), id: String(id) }))
    .sort((a, b) => a.key - b.key || (a.id < b.id ? -1 : a.id > b.id ? 1 : a.index - b.index))
    .forEach(({ index }, rank) => {
      fold[index] = rank % folds
    })
  return fold
}

/**
 * The held-out log-likelihood of one slot: the log of the probability the model gives
 * its right candidates (`scores` the candidates' scores, `right[i]` whether candidate i
 * is right), as the conditional logistic fit reads it; 0 for a slot with no right
 * candidate (no setting can do anything for it, so it tells settings apart by nothing).
 */
export function slotLogLikelihood(scores, right) {
  if (!right.some(Boolean)) return 0
  const top = Math.max(...scores)
  let all = 0
  let good = 0
  scores.forEach((score, i) => {
    const e = Math.exp(score - top)
    all += e
    if (right[i]) good += e
  })
  return Math.log(good / all)
}

/**
 * The setting to train with, of `results` ordered from the strongest regularization to the
 * weakest, each `{ setting, scores }` with `scores[i]` held-out slot i's score (higher is
 * better; the trainer gives the log-likelihood, `slotLogLikelihood`): the strongest whose
 * total is within one standard error of the best's (the one-standard-error rule, on the
 * slot-by-slot differences, since every setting is scored on the same slots). A setting
 * better than the stronger ones by no more than noise is not taken over them.
 *
 * Why the log-likelihood and not the count of right slots: the settings that rank alike
 * differ by a handful of right slots of 2,000, about one standard error, so a count's pick
 * sat on the edge and another split of the folds flipped it; the log-likelihood reads how
 * sure each held-out choice is, and tells the over-regularized settings (sure of nothing)
 * from the rest by many standard errors, and the rest from each other by less than one.
 */
export function strongestWithinNoise(results) {
  const totals = results.map((r) => r.scores.reduce((sum, score) => sum + score, 0))
  let best = 0
  totals.forEach((total, index) => {
    if (total > (totals[best] ?? 0)) best = index
  })
  const bestScores = results[best]?.scores ?? []
  for (let index = 0; index < best; index++) {
    const n = bestScores.length
    const differences = bestScores.map((score, i) => score - (results[index]?.scores[i] ?? 0))
    const mean = differences.reduce((a, b) => a + b, 0) / Math.max(1, n)
    const variance = differences.reduce((a, d) => a + (d - mean) ** 2, 0) / Math.max(1, n - 1)
    // Per slot: the best's mean lead over this setting, and the standard error of that mean.
    if (mean <= Math.sqrt(variance / Math.max(1, n))) return { index, best }
  }
  return { index: best, best }
}

// The margins the override curve is read at, and how far either side of one the smoothing reaches.
const MARGIN_STEP = 0.05
const SMOOTHING = 0.5

/**
 * The margin a candidate must score above the rules' antecedent of a pronoun to replace it,
 * from held-out `overrides` (`{ margin, ok, baseOk }`: the challenger's score less the rules'
 * antecedent's, whether the model's choice and the rules' are right). The gain of a margin
 * m is the held-out speakers the overrides from m on make right less those they make wrong;
 * that curve, read every MARGIN_STEP, is averaged over SMOOTHING either side, and its highest
 * point taken (the larger margin on a tie: fewer overrides). Infinity when no margin gains.
 */
export function overrideMargin(overrides) {
  const changed = overrides.filter((o) => o.margin > 0 && o.ok !== o.baseOk)
  if (changed.length === 0) return Number.POSITIVE_INFINITY
  const top = Math.max(...changed.map((o) => o.margin))
  const steps = Math.ceil(top / MARGIN_STEP) + 1
  const margins = Array.from(
    { length: steps + 1 },
    (_, i) => Math.round(i * MARGIN_STEP * 100) / 100,
  )
  const gains = margins.map((m) =>
    changed.reduce((gain, o) => gain + (o.margin >= m ? (o.ok ? 1 : -1) : 0), 0),
  )
  const reach = Math.round(SMOOTHING / MARGIN_STEP)
  let chosen = Number.POSITIVE_INFINITY
  let best = 0
  margins.forEach((m, i) => {
    const window = gains.slice(Math.max(0, i - reach), i + reach + 1)
    const smoothed = window.reduce((a, b) => a + b, 0) / window.length
    if (smoothed > 0 && smoothed >= best) [chosen, best] = [m, smoothed]
  })
  return chosen
}

/**
 * The smallest margin over the next candidate from which held-out guesses (`{ margin, ok }`)
 * for quotes no rule attributes are right at least `precision` of the time; Infinity if none.
 * Never 0: a tie between the two best candidates is no choice, so a model with nothing to
 * tell them apart (every weight 0, two candidates alike) guesses nothing.
 */
export function guessMargin(guesses, precision) {
  const margins = [
    ...new Set(guesses.map((g) => Math.round(g.margin * 10000) / 10000).filter(Number.isFinite)),
  ]
    .filter((m) => m > 0)
    .sort((a, b) => a - b)
  for (const m of margins) {
    const taken = guesses.filter((g) => g.margin >= m)
    if (taken.length === 0) break
    if (taken.filter((g) => g.ok).length / taken.length >= precision) return m
  }
  return Number.POSITIVE_INFINITY
}
