import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  capitalizedWordEnd,
  collectNames,
  commaAndSpaceBefore,
  NAME_WORDS_BEFORE,
  NameRegistry,
  nameWordsBefore,
  opensSentenceAt,
} from '../src/quotes/name-registry.js'

// Texts of the characters the two tests below turn on: stops, quote marks, commas, white space
// with and without line breaks, words in both cases.
const EDGE_TEXT = fc
  .array(
    fc.constantFrom(
      '.',
      '!',
      '?',
      '"',
      '”',
      '’',
      ' ',
      '\n',
      '\r',
      '\u2028',
      '\u00a0',
      '\t',
      ',',
      'a',
      'A',
      'CEO',
      'ab',
    ),
    { maxLength: 14 },
  )
  .map((parts) => parts.join(''))

describe('the character reads that stand for patterns', () => {
  it('opensSentenceAt answers as the pattern of a sentence end on the four characters before', () => {
    const pattern = /(?:^|\n|[.!?]["”’]?[^\S\n\r]+)$/u
    fc.assert(
      fc.property(EDGE_TEXT, (text) => {
        for (let at = 0; at <= text.length; at++)
          expect(opensSentenceAt(text, at)).toBe(pattern.test(text.slice(Math.max(0, at - 4), at)))
      }),
      { numRuns: 3000 },
    )
  })

  it('commaAndSpaceBefore holds wherever a comma and white space end the 40 characters before', () => {
    const pattern = /,[^\S\n\r]+$/u
    fc.assert(
      fc.property(EDGE_TEXT, fc.string({ maxLength: 40 }), (text, lead) => {
        const whole = lead + text
        for (let at = 0; at <= whole.length; at++)
          expect(commaAndSpaceBefore(whole, at)).toBe(
            pattern.test(whole.slice(Math.max(0, at - 40), at)),
          )
      }),
      { numRuns: 3000 },
    )
  })
})

describe('NameRegistry offsets', () => {
  it('answers lastBefore and countBelow as a scan of the offsets does, however they are added', () => {
    const offset = fc.nat({ max: 400 })
    const step = fc.oneof(
      fc.record({ add: fc.array(offset, { maxLength: 12 }) }),
      fc.record({ ask: offset }),
    )
    fc.assert(
      fc.property(fc.array(offset), fc.array(step, { maxLength: 60 }), (first, steps) => {
        const registry = new NameRegistry([])
        const values = [...first]
        for (const step of steps) {
          if ('add' in step) {
            values.push(...step.add)
            continue
          }
          const below = values.filter((value) => value < step.ask)
          expect(registry.countBelow(values, step.ask)).toBe(below.length)
          expect(registry.lastBefore(values, step.ask)).toBe(
            below.reduce((last, value) => Math.max(last, value), -1),
          )
        }
      }),
      { numRuns: 300 },
    )
  })
})

// Text made of what names are made of, and what stands beside them: capitals, letters,
// apostrophes, hyphens, full stops, white space of each kind, accented and non-Latin
// letters, curly quotes and dashes, digits and punctuation.
const namePieces = fc.constantFrom(
  ...'AZMcKyaz'.split(''),
  "'",
  '’',
  '-',
  '.',
  ' ',
  '\t',
  '\n',
  '\r',
  '\u00a0',
  'É',
  'é',
  'Ø',
  'Ж',
  'ж',
  '“',
  '”',
  '—',
  '\u2009',
  '7',
  ',',
  '(',
)
const nameLikeText = fc
  .array(
    fc.oneof(
      namePieces,
      fc.constantFrom('Jean-Luc ', "O'Brien ", 'Sen. ', 'J. ', 'Georgia. ', 'USen. ', 'Jr. '),
    ),
    {
      maxLength: 48,
    },
  )
  .map((pieces) => pieces.join(''))

describe('the name registry’s words read by hand', () => {
  it('takes no word of the sentence or paragraph before as a word of the name', () => {
    // "… manager in Georgia.\n\nJoseph Hunter, a blogger, said": "in" governs Georgia, not Hunter.
    expect(nameWordsBefore('manager in Georgia.\n\nJoseph ')).toBe('Joseph '.length)
    expect(nameWordsBefore('manager in Georgia. Joseph ')).toBe('Joseph '.length)
    expect(nameWordsBefore('a Protest in Chicago\nJoseph ')).toBe('Joseph '.length)
    // Initials and abbreviations stay words of the name.
    expect(nameWordsBefore('said Sen. John F. ')).toBe('Sen. John F. '.length)
  })

  it('finds the capitalized words before a surname as its reference pattern does', () => {
    // The reference is the pattern itself, which the function reads non-ASCII windows with.
    fc.assert(
      fc.property(nameLikeText, (window) => {
        expect(nameWordsBefore(window)).toBe(NAME_WORDS_BEFORE.exec(window)?.[0].length ?? 0)
      }),
      { numRuns: 5000 },
    )
  })

  it('ends a capitalized word where the pattern it replaced does', () => {
    const pattern = /\p{Lu}[\p{L}'’-]*/uy
    fc.assert(
      fc.property(nameLikeText, fc.nat(), (text, at) => {
        const index = text.length === 0 ? 0 : at % text.length
        pattern.lastIndex = index
        const end = pattern.test(text) ? pattern.lastIndex : -1
        expect(capitalizedWordEnd(text, index)).toBe(end)
      }),
      { numRuns: 5000 },
    )
  })
})

describe('name registry: speakers after an inverted speech verb', () => {
  const named = (text: string, name: string) => collectNames(text).find((e) => e.name === name)

  it('reads no speaker in a name a preposition governs: "said on Evening Edition" is where it was said', () => {
    const text = '“We were treated well,” Sasha Okonkwo, 66, said on Evening Edition.'
    expect(named(text, 'Evening Edition')?.speeches ?? []).toEqual([])
    expect(named(text, 'Evening Edition')?.subjects ?? []).toEqual([])
    expect(named(text, 'Sasha Okonkwo')?.speeches.length).toBeGreaterThan(0)
  })

  it('keeps the speaker after role words or an outlet: "said NBC’s Sasha Okonkwo"', () => {
    const text = '“We were treated well,” said NBC’s Sasha Okonkwo.'
    expect(named(text, 'Sasha Okonkwo')?.speeches.length).toBeGreaterThan(0)
  })
})
