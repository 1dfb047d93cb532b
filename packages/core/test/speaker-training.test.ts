import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { runToEnd } from '../../../scripts/run-to-end.mjs'
import {
  foldsOf,
  guessMargin,
  overrideMargin,
  slotLogLikelihood,
  strongestWithinNoise,
} from '../../../scripts/speaker-selection.mjs'

const ids = Array.from({ length: 103 }, (_, i) => `article-${i}`)

/** A fixed stream of numbers in [0, 1): the same on every run (a linear congruential generator). */
function stream(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

describe('the folds of `pnpm train:speakers`', () => {
  it('deal the articles evenly, the same on every call', () => {
    const folds = foldsOf(ids, 5)
    expect(foldsOf(ids, 5)).toEqual(folds)
    const sizes = [0, 1, 2, 3, 4].map((f) => folds.filter((x) => x === f).length)
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1)
  })

  it('keep each article in its fold whatever the order of the file', () => {
    const folds = foldsOf(ids, 5)
    const reversed = [...ids].reverse()
    const foldOf = new Map(reversed.map((id, i) => [id, foldsOf(reversed, 5)[i]]))
    expect(ids.map((id) => foldOf.get(id))).toEqual(folds)
  })

  it('deal another split for another seed', () => {
    const a = foldsOf(ids, 5, 0)
    const b = foldsOf(ids, 5, 1)
    expect(a.filter((fold, i) => fold !== b[i]).length).toBeGreaterThan(ids.length / 2)
  })
})

describe('the L2 pick: the strongest regularization within noise of the best', () => {
  const slots = 400
  const draw = stream(7)
  const strong: number[] = Array.from({ length: slots }, () => (draw() < 0.7 ? 1 : 0))

  it('keeps the strongest setting when a weaker one is better by less than one standard error', () => {
    // The weaker setting: 12 slots made right, 9 made wrong (a lead of 3, one standard error about 4.6).
    const weak = [...strong]
    let gained = 0
    let lost = 0
    weak.forEach((ok, i) => {
      if (ok === 0 && gained < 12) [weak[i], gained] = [1, gained + 1]
      else if (ok === 1 && i % 7 === 0 && lost < 9) [weak[i], lost] = [0, lost + 1]
    })
    const pick = strongestWithinNoise([
      { setting: 0.1, scores: strong },
      { setting: 0.01, scores: weak },
    ])
    expect(pick).toEqual({ index: 0, best: 1 })
  })

  it('takes the weaker setting when it is better beyond noise', () => {
    const weak = strong.map((ok, i) => (ok === 0 && i % 2 === 0 ? 1 : ok))
    const pick = strongestWithinNoise([
      { setting: 0.1, scores: strong },
      { setting: 0.01, scores: weak },
      { setting: 0.001, scores: strong },
    ])
    expect(pick).toEqual({ index: 1, best: 1 })
  })

  it('takes the strongest of settings that tie', () => {
    const pick = strongestWithinNoise([
      { setting: 0.1, scores: strong },
      { setting: 0.01, scores: [...strong] },
    ])
    expect(pick.index).toBe(0)
  })
})

describe('the held-out log-likelihood the L2 pick reads', () => {
  it('is the log of the probability of the right candidates, 0 when none is right', () => {
    expect(slotLogLikelihood([1, 1], [true, false])).toBeCloseTo(Math.log(0.5), 12)
    expect(slotLogLikelihood([2, 0, 0], [false, true, true])).toBeCloseTo(
      Math.log((2 * Math.exp(-2)) / (1 + 2 * Math.exp(-2))),
      12,
    )
    expect(slotLogLikelihood([3, 1], [true, true])).toBe(0)
    expect(slotLogLikelihood([3, 1], [false, false])).toBe(0)
  })

  it('tells a setting unsure of its right choices from a sure one where their counts tie', () => {
    // Both rank the right candidate first in 9 slots of 10 (a tie by the count); the weaker
    // regularization is sure of it, the stronger barely.
    const slots = Array.from({ length: 10 }, (_, i) => i !== 3)
    const scored = (gap: number) =>
      slots.map((first) => slotLogLikelihood([gap, 0], [first, !first]))
    const pick = strongestWithinNoise([
      { setting: 0.1, scores: scored(0.2) },
      { setting: 0.01, scores: scored(2) },
    ])
    expect(pick).toEqual({ index: 1, best: 1 })
  })
})

describe('the pronoun override margin: the top of the smoothed held-out gain curve', () => {
  const override = (margin: number, ok: boolean) => ({ margin, ok, baseOk: !ok })

  it('is never taken where no margin gains', () => {
    expect(overrideMargin([])).toBe(Number.POSITIVE_INFINITY)
    expect(overrideMargin([0.2, 0.9, 1.7].map((margin) => override(margin, false)))).toBe(
      Number.POSITIVE_INFINITY,
    )
  })

  it('follows a broad gain, not a narrow spike of luck above it', () => {
    // From 1.0 down to 0.5 overrides gain 6 speakers, below they win as often as they lose.
    const broad = [
      ...Array.from({ length: 6 }, (_, i) => override(0.55 + i * 0.08, true)),
      ...Array.from({ length: 20 }, (_, i) => override(0.02 + i * 0.02, i % 2 === 0)),
    ]
    // Seven right in a row just above 2.0, then seven wrong just below: a peak of 7 at 2.0.
    const spike = [
      ...Array.from({ length: 7 }, (_, i) => override(2 + i * 0.01, true)),
      ...Array.from({ length: 7 }, (_, i) => override(1.92 + i * 0.01, false)),
    ]
    const margin = overrideMargin([...broad, ...spike])
    expect(margin).toBeLessThanOrEqual(1)
    expect(margin).toBe(overrideMargin(broad))
  })

  it('ignores overrides that change no right speaker', () => {
    const draw = stream(9)
    const changed = Array.from({ length: 30 }, () =>
      override(Math.round(draw() * 300) / 100, draw() < 0.6),
    )
    const same = changed.map((o) => ({ ...o, baseOk: o.ok, margin: o.margin + 0.01 }))
    expect(overrideMargin([...changed, ...same])).toBe(overrideMargin(changed))
  })
})

describe('the guess margin', () => {
  const guesses = [
    { margin: 0.1, ok: false },
    { margin: 0.2, ok: false },
    { margin: 0.5, ok: true },
    { margin: 0.9, ok: false },
    { margin: 1.2, ok: true },
  ]

  it('is the smallest margin from which guesses are right often enough', () => {
    expect(guessMargin(guesses, 0.5)).toBe(0.2)
    expect(guessMargin(guesses, 0.9)).toBe(1.2)
    expect(guessMargin(guesses.slice(0, 2), 0.5)).toBe(Number.POSITIVE_INFINITY)
  })

  it('is never 0: a tie between the two best candidates is no choice', () => {
    // From 0, the two right ties make 4 of 7 right; the smallest positive margin that is right half the time is 0.2.
    const ties = [
      { margin: 0, ok: true },
      { margin: 0, ok: true },
    ]
    expect(guessMargin([...ties, ...guesses], 0.5)).toBe(0.2)
  })
})

describe('`pnpm train:speakers`', () => {
  const dir = mkdtempSync(join(tmpdir(), 'train-speakers-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  const trainer = fileURLToPath(new URL('../../../scripts/train-speakers.mjs', import.meta.url))
  const people = [
    ['Ruth Kline', 'she'],
    ['Paul Ames', 'he'],
    ['Maria Soto', 'she'],
    ['Daniel Webb', 'he'],
  ] as const

  /** Small annotated articles: a person named, a quote of theirs, then one their pronoun introduces. */
  function gold(): string {
    const rows = Array.from({ length: 30 }, (_, i) => {
      const [name, pronoun] = people[i % people.length] as (typeof people)[number]
      const [other] = people[(i + 1 + (i % 3)) % people.length] as (typeof people)[number]
      const surname = name.split(' ')[1] as string
      const first = `We will finish the work on the bridge number ${i}`
      const second = `Nobody should doubt the plan for district ${i}`
      const text = [
        `${name} met ${other} at City Hall on Monday. ${surname} said, “${first}.”`,
        `Officials described the meeting as long. “${second},” ${pronoun} said later.`,
      ].join('\n\n')
      const at = (words: string) => text.indexOf(words)
      return JSON.stringify({
        id: `synthetic-${i}`,
        text,
        quotes: [
          {
            text: first,
            start: at(first),
            end: at(first) + first.length,
            speaker: name,
            speaker_kind: 'name',
          },
          {
            text: second,
            start: at(second),
            end: at(second) + second.length,
            speaker: pronoun,
            speaker_kind: 'pronoun',
            speaker_resolved: name,
          },
        ],
      })
    })
    const file = join(dir, 'gold.jsonl')
    writeFileSync(file, `${rows.join('\n')}\n`)
    return file
  }

  it('writes the same weights on every run, and runs on another split of the folds', async () => {
    const file = gold()
    const runs = []
    for (const [name, seed] of [
      ['a', '0'],
      ['b', '0'],
      ['c', '1'],
    ] as const) {
      const out = join(dir, `${name}.ts`)
      const run = await runToEnd(trainer, [file, '--out', out, '--fold-seed', seed])
      expect(run.stderr).toContain('wrote')
      expect(run.code).toBe(0)
      runs.push(readFileSync(out, 'utf8'))
    }
    expect(runs[0]).toContain('export const SPEAKER_WEIGHTS')
    expect(runs[1]).toBe(runs[0])
    expect(runs[2]).toContain('export const PRONOUN_MIN_MARGIN')
  }, 300_000)
})
