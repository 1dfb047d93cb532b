import { describe, expect, it } from 'vitest'
import { predictedQuotes, scoredSpeaker } from '../../../scripts/predicted-quotes.mjs'
import { extractQuotes, normalizeArticle } from '../src/index.js'

const run = (...paragraphs: string[]) =>
  extractQuotes(normalizeArticle({ content: paragraphs.join('\n\n'), id: 'a' }))

// The quote scorer's gold gives a speaker as the text does: a name, a pronoun with its
// antecedent beside it, or a role ("the judge") as written. The eval adapter must give it
// the same, while the core resolves the role to the person the article names.
describe('the speaker the quote scorer reads', () => {
  const extraction = run(
    'Judge Nora Whitcombe heard the case on Monday in Springfield.',
    '"This is not over," the judge said. "We will meet again," Whitcombe added.',
    '"I disagree," she said.',
  )

  it('is the role as written when the core resolved a role to a named person', () => {
    const [byRole] = extraction.quotes
    expect(byRole?.speaker?.name).toBe('Nora Whitcombe')
    expect(byRole?.mention?.text).toBe('the judge')
    expect(byRole && scoredSpeaker(byRole)).toBe('the judge')
  })

  it('is the resolved name for a surname and for a pronoun', () => {
    expect(predictedQuotes(extraction, () => ({})).map((quote) => quote.speaker)).toEqual([
      'the judge',
      'Nora Whitcombe',
      'Nora Whitcombe',
    ])
  })

  it('is the mention as written when it holds the whole name and more ("Gov. Jane Roe")', () => {
    const [byTitle, , bySurname] = run(
      'Lawmakers met in the capital on Tuesday.',
      '"We have the votes," said Secretary of State Carla Mendes. "The bill passes."',
      '"Not yet," Mendes said later.',
    ).quotes
    expect(byTitle?.mention?.text).toBe('Secretary of State Carla Mendes')
    expect(byTitle && scoredSpeaker(byTitle)).toBe('Secretary of State Carla Mendes')
    expect(bySurname && scoredSpeaker(bySurname)).toBe('Carla Mendes')
  })

  it('is the resolved name for a possessive pronoun ("his claim that …")', () => {
    expect(scoredSpeaker({ speaker: { name: 'Tom Hale' }, mention: { text: 'his' } })).toBe(
      'Tom Hale',
    )
  })

  it('is null when the core found no speaker, whatever mention is beside it', () => {
    expect(scoredSpeaker({ speaker: null, mention: { text: 'the judge' } })).toBeNull()
  })
})
