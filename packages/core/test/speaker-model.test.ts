import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { extractQuotes, normalizeArticle } from '../src/index.js'
import { type AntecedentModel, antecedentModel } from '../src/quotes/choose-antecedent.js'
import { extractQuotesWith } from '../src/quotes/extract-quotes.js'
import {
  PRONOUN_MIN_MARGIN,
  SPEAKER_WEIGHTS,
  UNATTRIBUTED_MIN_MARGIN,
} from '../src/quotes/speaker-weights.js'

const blocks = (...paragraphs: string[]) => paragraphs.join('\n\n')
const run = (...paragraphs: string[]) =>
  extractQuotes(normalizeArticle({ content: blocks(...paragraphs), id: 'a' }))
const runWith = (model: AntecedentModel, ...paragraphs: string[]) =>
  extractQuotesWith(normalizeArticle({ content: blocks(...paragraphs), id: 'a' }), { model })

describe('the learned speaker model', () => {
  it('ships as small data: slot-named features with finite weights, a margin for guesses', () => {
    const entries = Object.entries(SPEAKER_WEIGHTS)
    expect(entries.length).toBeGreaterThan(10)
    expect(entries.length).toBeLessThan(500)
    for (const [feature, weight] of entries) {
      expect(feature).toMatch(/^(?:pronoun|unattributed)\/[a-z:-]+=\S+$/)
      expect(Number.isFinite(weight)).toBe(true)
    }
    expect(UNATTRIBUTED_MIN_MARGIN).toBeGreaterThan(0)
    // The pronoun model ships too: it overrides the rules' antecedent only by a finite margin.
    expect(entries.some(([feature]) => feature.startsWith('pronoun/'))).toBe(true)
    expect(Number.isFinite(PRONOUN_MIN_MARGIN)).toBe(true)
    expect(PRONOUN_MIN_MARGIN).toBeGreaterThanOrEqual(0)
  })

  it('makes no guess where no one was named before the quote', () => {
    const result = run('“We will not cut a single teacher, not one, in this city.”')
    expect(result.quotes[0]?.speaker).toBeNull()
    expect(result.messages.map((m) => m.code)).toContain('unattributed-quote')
  })

  it('leaves an uncued fragment after an attributed one to the learned choice', () => {
    const result = run(
      'Treasurer Paul Ames spoke first on Monday.',
      'Council member Ruth Kline called the budget a “betrayal” of families. The vote on Thursday would be “a wasted year” for the district.',
    )
    expect(result.quotes[0]).toMatchObject({ kind: 'fragment', rule: 'cue-before' })
    expect(result.quotes[1]?.kind).toBe('fragment')
    // Not the fragment's attribution carried over, its mention and cue with it: a guess or no one.
    expect(result.quotes[1]).toMatchObject({ mention: null, cue: null })
    expect([null, 'nearest-speaker']).toContain(result.quotes[1]?.rule)
  })

  it('guesses nothing when the weights are all 0: no candidate clears the margin', () => {
    const result = runWith(
      antecedentModel({}),
      'Council member Ruth Kline spoke to reporters at City Hall on Monday about the budget.',
      '“We will not cut a single teacher, not one, in this city.”',
    )
    expect(result.quotes[0]?.speaker).toBeNull()
  })

  it('reports every choice to a tracer, with the same candidates each time', () => {
    const paragraphs = [
      'Mayor Ruth Kline met union leaders on Monday. Treasurer Paul Ames said the deal was close.',
      '“We will not cut a single teacher, not one, in this city.”',
    ]
    const seen: string[][] = []
    const model = antecedentModel(null, (choice) =>
      seen.push(choice.candidates.map((c) => `${c.entity.name} ${c.features.join(' ')}`)),
    )
    for (let i = 0; i < 2; i++) runWith(model, ...paragraphs)
    expect(seen.length).toBe(2)
    expect(seen[0]).toEqual(seen[1])
    expect(seen[0]?.map((c) => c.split(' unattributed/')[0])).toEqual(
      expect.arrayContaining(['Ruth Kline', 'Paul Ames']),
    )
  })

  it('tells the model how often each candidate speaks in the article, after the quote too', () => {
    const features = new Map<string, string[]>()
    const model = antecedentModel(null, (choice) => {
      if (choice.slot.mention !== null) return
      for (const c of choice.candidates) features.set(c.entity.name, c.features)
    })
    runWith(
      model,
      'Treasurer Paul Ames and council member Ruth Kline met on Monday.',
      '“We will not cut a single teacher, not one, in this city.”',
      'Kline said the vote would come on Thursday.',
    )
    expect(features.get('Paul Ames')).toContain('unattributed/speaks=0')
    expect(features.get('Ruth Kline')).toContain('unattributed/speaks=1')
  })

  it('marks every guess as one, on any text (property)', () => {
    const names = ['Ruth Kline', 'Paul Ames', 'the council']
    const words = ['said', 'met', 'on Monday', 'he', 'she']
    const quotes = ['“we will win this,”', '“never again.”']
    const word = fc.constantFrom(...names, ...words, ...quotes, 'and', '.')
    const paragraph = fc.array(word, { minLength: 1, maxLength: 14 }).map((w) => w.join(' '))
    let guesses = 0
    fc.assert(
      fc.property(fc.array(paragraph, { minLength: 1, maxLength: 5 }), (paragraphs) => {
        const result = run(...paragraphs)
        const ids = new Set(result.speakers.map((s) => s.id))
        for (const quote of result.quotes) {
          if (quote.rule !== 'nearest-speaker') continue
          guesses++
          expect(quote).toMatchObject({ mention: null, cue: null, confidence: 0.3 })
          expect(ids.has(quote.speaker?.id ?? '')).toBe(true)
        }
      }),
      { numRuns: 200, seed: 15 },
    )
    // The texts drawn do lead to guesses: the property is not checked on none.
    expect(guesses).toBeGreaterThan(0)
  })
})
