import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { lastSentenceStart, mainSubject, trailingNounPhrase } from '../src/quotes/noun-phrases.js'

/** The start of `text`'s last sentence read the plain way: every sentence end from the start, the last one not after an abbreviation. */
function lastSentenceStartByScan(text: string): number {
  let start = 0
  for (const m of text.matchAll(/[.!?](?:["”’)]+)?\s+(?=[\p{Lu}"“‘(]|$)/gu)) {
    const word =
      text
        .slice(0, m.index + 1)
        .split(/\s+/)
        .pop() ?? ''
    if (!/^(?:\p{Lu}(?:\.\p{Lu})*|Sen|Mr|Dr|Gov|Jr|St|U\.S)\.?$/u.test(word))
      start = m.index + m[0].length
  }
  return start
}

// Words, stops of every kind, abbreviations and initials, closing and opening marks.
const PIECES =
  'He said Rubio the F. Sen. Mr. U.S. left. left! why? yes?! end." so.” him.) “We (The ‘Now . ? ok'.split(
    ' ',
  )

describe('lastSentenceStart', () => {
  it('starts after the last stop that ends a sentence', () => {
    expect(lastSentenceStart('He left. She said')).toBe(9)
    expect(lastSentenceStart('Is it? “Yes!” He said')).toBe(14)
    expect(lastSentenceStart('He left.” Then Sen. Claire McCaskill said')).toBe(10)
    expect(lastSentenceStart('John F. Kerry said')).toBe(0)
    expect(lastSentenceStart('no stop at all')).toBe(0)
    expect(lastSentenceStart('It ended. ')).toBe(10)
  })

  it('finds what a scan of every sentence end from the start finds', () => {
    const piece = fc.constantFrom(...PIECES)
    const space = fc.constantFrom(' ', '  ', '\n', '')
    fc.assert(
      fc.property(fc.array(fc.tuple(piece, space), { maxLength: 30 }), (parts) => {
        const text = parts.map(([word, gap]) => word + gap).join('')
        expect(lastSentenceStart(text)).toBe(lastSentenceStartByScan(text))
      }),
      { numRuns: 3000 },
    )
  })
})

describe('the subject a participle hangs from', () => {
  it('reads the word after a possessive as its noun, not as a verb whose subject is the possessor', () => {
    // Fronted and set off by a comma, the possessed phrase is passed over to the subject after it.
    expect(
      mainSubject(
        'In response to Tom Hale’s remarks in Dayton, city manager Dan Roe released a statement ',
      ),
    ).toMatchObject({ text: 'city manager Dan Roe' })
    expect(
      mainSubject('The party’s presumed nominee, Dan Roe has won the support of many, '),
    ).toMatchObject({
      text: 'Dan Roe',
    })
    // Heading the clause, the possessed phrase is its subject, which names no one: not the possessor.
    expect(mainSubject('Tom Hale’s aides shrugged off the remarks on Monday, ')).toBeNull()
    // A count of people heads its clause as "the aide" does, and the possessor stays an object.
    expect(mainSubject('One aide tried to downplay Hale’s comments, ')).toMatchObject({
      text: 'One aide',
    })
    // A name followed by its verb is read as before.
    expect(mainSubject('Dan Roe shrugged off Tom Hale’s remarks on Monday, ')).toMatchObject({
      text: 'Dan Roe',
    })
  })
})

describe('the subject of a sentence with no cue', () => {
  it('takes no name after a lower-case verb for a subject', () => {
    // "casts Trump as …": the verb's object, not the subject of "as …".
    expect(
      mainSubject(
        'In the call, Rep. Dan Roe, who was elected in 2010, casts Tom Hale as a liberal who ',
        false,
        false,
      ),
    ).toBeNull()
    // A people noun before the name stays part of the subject.
    expect(
      mainSubject('Democratic officials Tom Hale and Dan Roe said ', false, false),
    ).not.toBeNull()
  })
})

describe('trailingNounPhrase', () => {
  it('starts after the last comma or clause break, and keeps two roles of one person together', () => {
    const cases: Array<[string, string, number]> = [
      ['Officials said that the mayor', 'the mayor', 20],
      ['the group, which met on Monday, and its director', 'its director', 36],
      ['The board met. Superintendent Karen Doyle', 'Superintendent Karen Doyle', 15],
      ['the former first lady and U.S. senator', 'the former first lady and U.S. senator', 0],
      [
        'In a statement, the former first lady and senator',
        'the former first lady and senator',
        16,
      ],
      ['the mayor and Jane Roe', 'Jane Roe', 14],
    ]
    for (const [stretch, text, at] of cases)
      expect(trailingNounPhrase(stretch)).toEqual({ text, at })
  })
})

describe('mainSubject', () => {
  it('finds the subject before a finite verb, a lower-case word read from its start', () => {
    expect(mainSubject('The potter waved and said')).toEqual({ text: 'The potter', at: 0 })
    expect(mainSubject('Walter Hewlett sniped that Fiorina was')?.text).toBe('Walter Hewlett')
  })

  it('takes no singular in "ss" for a bare plural of people: "witness" is no "witnesses"', () => {
    expect(mainSubject('The officials met on Monday while witness testified, ')?.text).not.toBe(
      'witness',
    )
    expect(mainSubject('The officials met on Monday while witnesses testified, ')?.text).toBe(
      'witnesses',
    )
  })
})
