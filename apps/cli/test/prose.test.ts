import { crossReference, normalizeArticle } from '@corroborate/core'
import { describe, expect, it } from 'vitest'
import { sourceNames } from '../src/report/names.js'
import { agreementSentence, readableValue, withNames } from '../src/report/prose.js'

describe('the report’s prose', () => {
  it('writes values as readers do', () => {
    expect(readableValue({ kind: 'count', unit: 'people' }, 40000)).toBe('40,000 people')
    expect(readableValue({ kind: 'percentage', unit: null }, 12.5)).toBe('12.5%')
    expect(readableValue({ kind: 'year', unit: null }, 2023)).toBe('2023')
    expect(readableValue({ kind: 'money', unit: 'USD' }, 6000000)).toBe('6,000,000 USD')
    expect(readableValue({ kind: 'day', unit: null }, 'monday')).toBe('Monday')
    expect(readableValue({ kind: 'day', unit: null }, '2025-02-04')).toBe('4 Feb 2025')
    expect(readableValue({ kind: 'itinerary', unit: null }, 'Panama > San José')).toBe(
      'Panama → San José',
    )
    expect(readableValue({ kind: 'action', unit: null }, 'Nayib Bukele offer house')).toBeNull()
  })

  it('names articles instead of their ids, the longer id first', () => {
    const names = new Map([
      ['a1', 'Lake Post'],
      ['a10', 'Valley News'],
    ])
    expect(withNames('given in a10 and a1', names)).toBe('given in Valley News and Lake Post')
  })

  it('writes an agreement on a fact as a sentence from the articles’ own words', () => {
    const fromOutlet = (id: string, outlet: string, ...paragraphs: string[]) =>
      normalizeArticle({ id, content: paragraphs.join('\n\n'), metadata: { outlet } })
    const articles = [
      fromOutlet(
        'lake-2025',
        'Lake Post',
        'The Lakeview prison opened in 2021, officials said.',
        'It holds inmates from three counties.',
      ),
      fromOutlet(
        'valley-2025',
        'Valley News',
        'Officials said on Monday that the Lakeview prison was full.',
        'The prison opened in 2021.',
      ),
    ]
    const corpus = crossReference(articles)
    const sentences = corpus.agreements.map((a) =>
      agreementSentence(a, corpus, sourceNames(articles)),
    )
    expect(sentences).toContainEqual(
      expect.stringMatching(/^2 outlets agree: 2021 — “[^”]*2021[^”]*”$/),
    )
    for (const sentence of sentences) expect(sentence).not.toMatch(/lake-2025|valley-2025/)
  })
})
