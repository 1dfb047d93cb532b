#!/usr/bin/env node
// Learns the weights of the pronoun antecedent model (packages/core/src/quotes/
// choose-antecedent.ts) from annotated articles and writes them to
// packages/core/src/quotes/speaker-weights.ts. Deterministic: same data, same file.
//
// For every quote whose speaker is a pronoun, the built core proposes the
// entities named before it with their features; a candidate is right when its
// surname is the gold speaker's (for a pronoun, the annotated antecedent).
// A conditional logistic regression (or, with --learner perceptron, an averaged
// perceptron) ranks the candidates. Five folds by article (scripts/speaker-selection.mjs:
// dealt by a hash of the article id, the same on every run) pick the L2 strength (by the
// held-out log-likelihood; the perceptron's number of epochs by the held-out accuracy) and
// the margins, and report the held-out accuracy; with
// --cv-pred FILE the held-out predictions of every fold are written for
// ../shared/eval/score-quotes.mjs, so the train figure is never measured on
// articles the weights were fitted to.
//
// Usage: pnpm train:speakers [GOLD.jsonl] [--cv-pred FILE] [--epochs N] [--learner logistic|perceptron]
//   [--fold-seed N] [--out FILE]
// The data is read where it lies; nothing of it is written into the repository.
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { normalizeArticle } from '@corroborate/core'
import { antecedentModel } from '../packages/core/dist/quotes/choose-antecedent.js'
import { extractQuotesWith } from '../packages/core/dist/quotes/extract-quotes.js'
import { predictedQuotes } from './predicted-quotes.mjs'
import {
  foldsOf,
  guessMargin,
  overrideMargin,
  slotLogLikelihood,
  strongestWithinNoise,
} from './speaker-selection.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const args = process.argv.slice(2)
const option = (name) => {
  const i = args.indexOf(name)
  return i >= 0 ? args[i + 1] : undefined
}
const positional = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'))
const goldFile = positional[0] ?? join(root, '..', 'shared', 'eval', 'quotes-train', 'gold.jsonl')
const cvPred = option('--cv-pred')
const fixedEpochs = option('--epochs') ? Number(option('--epochs')) : undefined
const FOLDS = 5
// --fold-seed N: another split of the articles into folds (0 is the one the shipped weights
// are picked on), to see how much a pick owes to one split.
const foldSeed = Number(option('--fold-seed') ?? 0)
// --out FILE: where the weights are written (the shipped module by default).
const out = option('--out') ?? join(root, 'packages', 'core', 'src', 'quotes', 'speaker-weights.ts')
// --drop A,B: leave out the features whose names contain A or B (to measure what each brings).
const dropped = (option('--drop') ?? '').split(',').filter(Boolean)
const keep = (feature) => !dropped.some((d) => feature.includes(d))
// --slots unattributed: learn only the fallback for quotes no rule attributes. By default the
// pronoun model is learned too: it may replace the rules' antecedent of "he", "she", "they"
// when it scores above it by a margin picked on held-out folds, never name one where
// the rules find none.
const slots = option('--slots') ?? 'all'
// A guess for a quote no rule attributes must be right at least this often on held-out folds.
const GUESS_PRECISION = 0.5
// --learner perceptron|logistic: the logistic fit is the default (see trainLogistic).
const LEARNER = option('--learner') ?? 'logistic'
const LOGISTIC_STEPS = 300
const LOGISTIC_RATE = 0.5
// For the perceptron, epochs; for the logistic fit, the L2 strength: from the strongest
// regularization to the weakest, the order the tie rule reads them in.
const EPOCH_CHOICES = LEARNER === 'logistic' ? [0.1, 0.03, 0.01, 0.003, 0.001] : [1, 2, 4, 8, 16]

const rows = readFileSync(goldFile, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line))

const tokens = (s) =>
  String(s ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[‘’`´]/g, "'")
    .replace(/[^a-z0-9' ]+/g, ' ')
    .split(/\s+/)
    .filter(Boolean)
const MODIFIER = /\s(?:of|at|for|from|with|who|which|in|on|to|and|about|during|after|before)\s.*$/
/** The surnames a gold speaker string offers: the last word of each comma-separated part. */
function surnames(speaker) {
  return String(speaker ?? '')
    .replace(/\([^)]*\)/g, ' ')
    .split(/[,;]/)
    .map((part) =>
      tokens(part.replace(MODIFIER, ''))
        .filter((w) => !/^(?:jr|sr|ii|iii|iv)$/.test(w))
        .at(-1),
    )
    .filter((w) => w !== undefined && w.length > 1)
    .map((w) => w.replace(/'s$/, '').replace(/'/g, ''))
}
function isSpeaker(entityName, gold) {
  const last = tokens(entityName)
    .filter((w) => !/^(?:jr|sr|ii|iii|iv)$/.test(w))
    .at(-1)
    ?.replace(/'s$/, '')
    .replace(/'/g, '')
  return last !== undefined && surnames(gold).includes(last)
}

/** The gold quote a clean-text quote is: the same words, the nearest by offset. */
function goldQuote(row, article, quote) {
  const words = tokens(article.text.slice(quote.start, quote.end)).join(' ')
  let best = null
  for (const g of row.quotes ?? []) {
    const overlap = Math.min(g.end, quote.end) - Math.max(g.start, quote.start)
    const same = tokens(g.text).join(' ') === words
    if (!same && overlap <= 0) continue
    const score = (same ? 1e6 : 0) - Math.abs(g.start - quote.start)
    if (!best || score > best.score) best = { g, score }
  }
  return best?.g ?? null
}

// Candidates proposed while the rules alone choose (all weights 0), so that
// what is learned does not depend on the weights shipped today.
const instances = []
const folds = foldsOf(
  rows.map((row) => String(row.id)),
  FOLDS,
  foldSeed,
)
rows.forEach((row, articleIndex) => {
  const article = normalizeArticle({ content: String(row.text ?? ''), id: String(row.id) })
  const choices = []
  extractQuotesWith(article, { model: antecedentModel({}, (choice) => choices.push(choice)) })
  for (const choice of choices) {
    if (slots !== 'all' && choice.slot.mention !== null) continue
    const g = goldQuote(row, article, choice.slot.quote)
    if (!g) continue
    const target = g.speaker_kind === 'pronoun' ? g.speaker_resolved : g.speaker
    if (!target) continue
    const right = choice.candidates.map((c) => isSpeaker(c.entity.name, target))
    instances.push({
      fold: folds[articleIndex],
      features: choice.candidates.map((c) => c.features.filter(keep)),
      right,
      baseline: choice.baseline,
      always: choice.always,
      pronoun: choice.slot.mention !== null,
    })
  }
})

function score(weights, features) {
  let s = 0
  for (const f of features) s += weights.get(f) ?? 0
  return s
}

/** The candidate chosen as the core chooses: the baseline wins ties, none without one unless a score is positive. */
function choose(weights, instance) {
  let chosen = instance.baseline
  let best = chosen < 0 ? Number.NEGATIVE_INFINITY : score(weights, instance.features[chosen])
  instance.features.forEach((features, index) => {
    const s = score(weights, features)
    if (s > best) [chosen, best] = [index, s]
  })
  if (instance.baseline < 0 && !instance.always && best <= 0) return -1 // as the core does with a margin of 0
  return chosen
}

/**
 * Conditional logistic regression over each slot's candidates (the right ones' probability
 * summed), L2-regularized, fitted by full-batch gradient descent with Adagrad steps: a convex
 * fit, so a few instances more or less move the weights a little, where the perceptron's
 * order of updates moves them a lot. `strength` is the L2 weight per instance.
 */
function trainLogistic(data, strength) {
  const used = data.filter((instance) => instance.right.some(Boolean))
  const index = new Map()
  const encoded = used.map((instance) => ({
    right: instance.right,
    features: instance.features.map((features) =>
      features.map((f) => {
        if (!index.has(f)) index.set(f, index.size)
        return index.get(f)
      }),
    ),
  }))
  const w = new Float64Array(index.size)
  const squares = new Float64Array(index.size).fill(1e-8)
  const n = Math.max(1, encoded.length)
  for (let step = 0; step < LOGISTIC_STEPS; step++) {
    const gradient = new Float64Array(index.size)
    for (const { right, features } of encoded) {
      const scores = features.map((fs) => fs.reduce((sum, f) => sum + w[f], 0))
      const top = Math.max(...scores)
      const exp = scores.map((x) => Math.exp(x - top))
      const all = exp.reduce((a, b) => a + b, 0)
      const good = exp.reduce((a, e, i) => a + (right[i] ? e : 0), 0)
      features.forEach((fs, i) => {
        const delta = exp[i] / all - (right[i] ? exp[i] / good : 0)
        for (const f of fs) gradient[f] += delta / n
      })
    }
    for (let f = 0; f < w.length; f++) {
      const g = gradient[f] + strength * w[f]
      squares[f] += g * g
      w[f] -= (LOGISTIC_RATE * g) / Math.sqrt(squares[f])
    }
  }
  const weights = new Map()
  for (const [feature, f] of index) {
    const value = Math.round(w[f] * 10000) / 10000
    if (value !== 0) weights.set(feature, value)
  }
  return weights
}

const train = (data, setting) =>
  LEARNER === 'logistic' ? trainLogistic(data, setting) : trainPerceptron(data, setting)

/** Averaged perceptron over rankings: on a wrong choice, toward the best right candidate, away from the chosen. */
function trainPerceptron(data, epochs) {
  const weights = new Map()
  const total = new Map()
  const stamp = new Map()
  let step = 0
  const add = (feature, delta) => {
    const w = weights.get(feature) ?? 0
    total.set(feature, (total.get(feature) ?? 0) + w * (step - (stamp.get(feature) ?? 0)))
    stamp.set(feature, step)
    weights.set(feature, w + delta)
  }
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (const instance of data) {
      step++
      if (!instance.right.some(Boolean)) continue
      const chosen = choose(weights, instance)
      if (chosen >= 0 && instance.right[chosen]) continue
      let gold = -1
      let goldScore = Number.NEGATIVE_INFINITY
      instance.features.forEach((features, index) => {
        if (!instance.right[index]) return
        const s = score(weights, features)
        if (s > goldScore) [gold, goldScore] = [index, s]
      })
      for (const f of instance.features[gold]) add(f, 1)
      if (chosen >= 0) for (const f of instance.features[chosen]) add(f, -1)
    }
  }
  step++
  const averaged = new Map()
  for (const [feature, w] of weights) {
    const sum = (total.get(feature) ?? 0) + w * (step - (stamp.get(feature) ?? 0))
    const value = Math.round((sum / step) * 10000) / 10000
    if (value !== 0) averaged.set(feature, value)
  }
  return averaged
}

const accuracy = (weights, data) =>
  data.filter((instance) => {
    const chosen = choose(weights, instance)
    return chosen >= 0 && instance.right[chosen]
  }).length / Math.max(1, data.length)

/** How far the best candidate's score stands above the next one's (above 0 when alone). */
function margin(weights, instance) {
  const scores = instance.features.map((f) => score(weights, f)).sort((a, b) => b - a)
  return scores.length < 2 ? scores[0] : scores[0] - scores[1]
}
/**
 * The held-out choices of one setting: for every slot whether it is right (`ok`) and the
 * log-likelihood of its right candidates (`logLikelihood`), for the quotes no rule
 * attributes each guess's margin, for the pronouns with a resolved antecedent each
 * override's margin over it; and the accuracy over all slots, pronouns, unattributed.
 */
const crossValidate = (epochs) => {
  const ok = new Array(instances.length).fill(0)
  const logLikelihood = new Array(instances.length).fill(0)
  const guesses = []
  const overrides = []
  for (let fold = 0; fold < FOLDS; fold++) {
    const weights = train(
      instances.filter((i) => i.fold !== fold),
      epochs,
    )
    instances.forEach((i, n) => {
      if (i.fold !== fold) return
      const chosen = choose(weights, i)
      const right = chosen >= 0 && i.right[chosen]
      ok[n] = right ? 1 : 0
      logLikelihood[n] = slotLogLikelihood(
        i.features.map((features) => score(weights, features)),
        i.right,
      )
      if (!i.pronoun) guesses.push({ margin: margin(weights, i), ok: right })
      else if (i.baseline >= 0) {
        const base = score(weights, i.features[i.baseline])
        overrides.push({
          margin: score(weights, i.features[chosen] ?? []) - base,
          ok: right,
          baseOk: i.right[i.baseline],
        })
      }
    })
  }
  const rightOf = (pronoun) =>
    instances.filter((i, n) => i.pronoun === pronoun && ok[n] === 1).length
  const pronouns = instances.filter((i) => i.pronoun).length
  const rates = [
    (rightOf(true) + rightOf(false)) / instances.length,
    rightOf(true) / pronouns,
    rightOf(false) / (instances.length - pronouns),
  ]
  return { setting: epochs, ok, logLikelihood, guesses, overrides, rates }
}
const report = ({ setting, logLikelihood, rates: [all, pronouns, unattributed] }) =>
  process.stderr.write(
    `  ${LEARNER === 'logistic' ? `L2 ${setting}` : `${setting} epochs`}: ${FOLDS}-fold held-out accuracy ${all.toFixed(3)} (pronouns ${pronouns.toFixed(3)}, unattributed ${unattributed.toFixed(3)})${LEARNER === 'logistic' ? `, log-likelihood ${logLikelihood.reduce((a, b) => a + b, 0).toFixed(1)}` : ''}\n`,
  )

for (const [label, data] of [
  ['pronoun speakers', instances.filter((i) => i.pronoun)],
  ['quotes no rule attributes', instances.filter((i) => !i.pronoun)],
])
  process.stderr.write(
    `${label}: ${data.length} (a right candidate among them: ${data.filter((i) => i.right.some(Boolean)).length}); rules alone right: ${accuracy(new Map(), data).toFixed(3)}\n`,
  )
// The setting: the strongest regularization within one standard error of the best held out,
// by the log-likelihood the logistic fit maximizes (steady: see strongestWithinNoise), by
// the count of right slots for the perceptron (whose scores are no probabilities).
let picked
if (fixedEpochs === undefined) {
  const results = EPOCH_CHOICES.map((setting) => crossValidate(setting))
  for (const result of results) report(result)
  const { index, best } = strongestWithinNoise(
    results.map((r) => ({
      setting: r.setting,
      scores: LEARNER === 'logistic' ? r.logLikelihood : r.ok,
    })),
  )
  picked = results[index]
  if (index !== best)
    process.stderr.write(
      `  picked ${picked.setting}: the strongest within one standard error of the best (${results[best].setting})\n`,
    )
} else {
  picked = crossValidate(fixedEpochs)
  report(picked)
}
const epochs = picked.setting
const { guesses, overrides } = picked

// The margin over the rules' antecedent that a pronoun's candidate needs to replace it: the
// highest point of the smoothed held-out gain curve (never, if no margin gains).
const pronounMargin = overrideMargin(overrides)
if (overrides.length > 0) {
  const rulesRight = overrides.filter((o) => o.baseOk).length
  const modelRight = overrides.filter((o) => (o.margin >= pronounMargin ? o.ok : o.baseOk)).length
  process.stderr.write(
    `  pronouns with a resolved antecedent: ${overrides.length}; held out, the rules get ${rulesRight} right, the model overriding them from a margin of ${pronounMargin}: ${modelRight}\n`,
  )
}

// The smallest margin above which held-out guesses are right often enough.
const minMargin = guessMargin(guesses, GUESS_PRECISION)
if (Number.isFinite(minMargin)) {
  const taken = guesses.filter((g) => g.margin >= minMargin)
  process.stderr.write(
    `  guesses with a margin of ${minMargin} or more: ${taken.length} of ${guesses.length}, right ${(taken.filter((g) => g.ok).length / taken.length).toFixed(3)} held out\n`,
  )
}

if (cvPred) {
  const lines = new Array(rows.length)
  for (let fold = 0; fold < FOLDS; fold++) {
    const weights = Object.fromEntries(
      train(
        instances.filter((i) => i.fold !== fold),
        epochs,
      ),
    )
    const model = antecedentModel(weights, null, minMargin, pronounMargin)
    rows.forEach((row, articleIndex) => {
      if (folds[articleIndex] !== fold) return
      const id = String(row.id)
      const article = normalizeArticle({ content: String(row.text ?? ''), id })
      const quotes = predictedQuotes(extractQuotesWith(article, { model }), (q) => ({
        rule: q.rule,
        mention: q.mention?.text ?? null,
      }))
      lines[articleIndex] = JSON.stringify({ id, quotes })
    })
  }
  writeFileSync(cvPred, `${lines.join('\n')}\n`)
  process.stderr.write(`held-out predictions of every fold: ${cvPred}\n`)
}

const weights = train(instances, epochs)
const body = [...weights.entries()]
  .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
  .map(([feature, w]) => `  '${feature.replace(/['\\]/g, '\\$&')}': ${w},`)
  .join('\n')
writeFileSync(
  out,
  `// Generated by \`pnpm train:speakers\` from ../shared/eval/quotes-train (${rows.length} articles,\n// ${instances.length} slots, ${LEARNER === 'logistic' ? `conditional logistic regression, L2 ${epochs}` : `averaged perceptron, ${epochs} epochs`}): do not edit.\nimport type { SpeakerWeights } from './choose-antecedent.js'\n\n/** Weights of the speaker model, feature → weight. */\nexport const SPEAKER_WEIGHTS: SpeakerWeights = {\n${body}\n}\n\n/** How far a guess for a quote no rule attributes must score above the next candidate. */\nexport const UNATTRIBUTED_MIN_MARGIN = ${Number.isFinite(minMargin) ? minMargin : 'Number.POSITIVE_INFINITY'}\n\n/** How far a pronoun's candidate must score above the rules' antecedent to replace it. */\nexport const PRONOUN_MIN_MARGIN = ${Number.isFinite(pronounMargin) ? pronounMargin : 'Number.POSITIVE_INFINITY'}\n`,
)
process.stderr.write(`wrote ${weights.size} weights to ${out}\n`)
