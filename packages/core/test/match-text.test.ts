import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  createCorpus,
  extractQuotes,
  foldText,
  isShortFragment,
  matchesSpeaker,
  normalizeArticle,
  resolveSpeakers,
  sortQuotesByWeight,
  textMatches,
} from '../src/index.js'

const bukele = {
  id: 'nayib-bukele',
  name: 'Nayib Bukele',
  aliases: ['Bukele', 'Nayib Bukele'],
  roles: ['President', 'Salvadoran President'],
}

describe('foldText and textMatches', () => {
  it('folds curly quote marks and apostrophes to straight ones', () => {
    expect(foldText('the country’s “mega-prison”')).toBe(`the country's "mega-prison"`)
  })

  // Rows of tables/match-text.json: whether each text matches each query.
  const rows: Array<{
    title: string
    examples: Array<{ text: string; query: string; matches: boolean }>
  }> = JSON.parse(readFileSync(new URL('./tables/match-text.json', import.meta.url), 'utf8'))
  it.each(rows.map((row) => [row.title, row] as const))('%s', (_title, { examples }) => {
    for (const { text, query, matches } of examples)
      expect(textMatches(text, query), `${text} ~ ${query}`).toBe(matches)
  })

  it('finds any piece of a text in its folded form, whatever the text (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.nat(), fc.nat(), (text, a, b) => {
        const folded = foldText(text)
        const piece = folded.slice(Math.min(a, b) % (folded.length + 1), Math.max(a, b))
        expect(foldText(folded)).toBe(folded)
        if (piece.trim() !== '') expect(textMatches(text, piece)).toBe(true)
      }),
    )
  })
})

describe('matchesSpeaker', () => {
  it('matches the id, part of the name or an alias, and a role, accents and case aside', () => {
    expect(matchesSpeaker(bukele, 'nayib-bukele')).toBe(true)
    expect(matchesSpeaker(bukele, 'bukele')).toBe(true)
    expect(matchesSpeaker(bukele, 'Bukéle')).toBe(true)
    expect(matchesSpeaker(bukele, 'salvadoran president')).toBe(true)
    expect(matchesSpeaker(bukele, 'Rubio')).toBe(false)
    expect(matchesSpeaker(bukele, '')).toBe(false)
    expect(matchesSpeaker({ id: 'x', name: 'Nayib Bukele' }, 'Nayib')).toBe(true)
  })

  it('finds a speaker of real articles by the role the articles give', () => {
    const one = normalizeArticle({
      id: 'one',
      content:
        '“We will open the bridge in March,” said Mayor Zoë Fernández.\n\nThe council agreed.',
    })
    const two = normalizeArticle({
      id: 'two',
      content: 'Fernández said the bridge “will carry twenty thousand cars a day.”',
    })
    const { speakers } = resolveSpeakers([extractQuotes(one), extractQuotes(two)])
    const mayor = speakers.find((s) => s.name.includes('Fern'))
    expect(mayor).toBeDefined()
    if (!mayor) return
    expect(matchesSpeaker(mayor, 'zoe fernandez')).toBe(true)
    expect(matchesSpeaker(mayor, 'mayor')).toBe(true)
  })
})

describe('search folds as textMatches does', () => {
  it('finds curly apostrophes for a straight one and a phrase in curly quotes', () => {
    const corpus = createCorpus([
      normalizeArticle({
        id: 'a',
        content: 'He offered the country’s mega-prison.\n\nThe offer stands.',
      }),
    ])
    expect(corpus.search("country's").map((h) => h.text)).toEqual([
      'He offered the country’s mega-prison.',
    ])
    expect(corpus.search('“country’s mega-prison”')).toHaveLength(1)
    expect(corpus.search('“mega-prison country’s”')).toEqual([])
  })
})

describe('sortQuotesByWeight', () => {
  it('puts statements first, then fragments, then fragments of one or two words, then terms', () => {
    const quotes = [
      { kind: 'term', text: 'mega jail' },
      { kind: 'fragment', text: 'incredible' },
      { kind: 'fragment', text: 'the safest country in the hemisphere' },
      { kind: 'statement', text: 'We will house them.' },
      { kind: 'fragment', text: 'relatively — low' },
      { kind: 'statement', text: 'It is a generous offer.' },
    ] as const
    expect(sortQuotesByWeight(quotes).map((quote) => quote.text)).toEqual([
      'We will house them.',
      'It is a generous offer.',
      'the safest country in the hemisphere',
      'incredible',
      'relatively — low',
      'mega jail',
    ])
    expect(quotes.map(isShortFragment)).toEqual([false, true, false, false, true, false])
  })
})
