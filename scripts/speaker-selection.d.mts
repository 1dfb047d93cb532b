/** The fold, 0 to `folds` − 1, of each article of `ids` (by index): dealt by a hash of `seed` and the id. */
export function foldsOf(ids: readonly string[], folds: number, seed?: number): number[]

/** The log of the probability of the right candidates of one slot, by the candidates' scores; 0 when none is right. */
export function slotLogLikelihood(scores: readonly number[], right: readonly boolean[]): number

/** One setting's held-out result: `scores[i]` is held-out slot i's score, higher is better. */
export interface HeldOutResult {
  setting: number
  scores: readonly number[]
}

/**
 * Of `results` ordered from the strongest regularization to the weakest, the index of the one
 * to train with (`index`: the strongest within one standard error of the best) and of the best.
 */
export function strongestWithinNoise(results: readonly HeldOutResult[]): {
  index: number
  best: number
}

/** A held-out override of the rules' antecedent: the challenger's lead, whether it and the rules' pick are right. */
export interface HeldOutOverride {
  margin: number
  ok: boolean
  baseOk: boolean
}

/** The margin from which the highest point of the smoothed held-out gain curve lies; Infinity if none gains. */
export function overrideMargin(overrides: readonly HeldOutOverride[]): number

/** The smallest margin from which held-out guesses are right at least `precision` of the time; Infinity if none. */
export function guessMargin(
  guesses: readonly { margin: number; ok: boolean }[],
  precision: number,
): number
