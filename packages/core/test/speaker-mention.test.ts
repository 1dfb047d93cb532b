import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  ARTICLES,
  CARDINALS,
  capitalized,
  DAY_PARTS,
  MONTHS,
  NAME_SUFFIXES,
  PEOPLE_NOUNS,
  PERSON_TITLES,
  POSSESSIVE_DETERMINERS,
  QUANTIFIERS,
  RELATIVE_TIMES,
  ROLE_WORDS,
  TITLE_ALTERNATION,
  WEEKDAY_ALTERNATION,
} from '../src/lexicon/index.js'
import {
  parseSpeakerMention,
  plainPersonName,
  readMentionShapes,
} from '../src/quotes/speaker-mention.js'
import { isUsableMention } from '../src/quotes/usable-mention.js'

// Capitalized words of every sort a mention's reader treats apart, and plain names beside them.
const WORDS = [
  ...PERSON_TITLES,
  ...TITLE_ALTERNATION.split('|'),
  ...ROLE_WORDS.map(capitalized),
  ...[...PEOPLE_NOUNS].slice(0, 40).map(capitalized),
  ...NAME_SUFFIXES,
  ...WEEKDAY_ALTERNATION.split('|'),
  ...[...DAY_PARTS, ...RELATIVE_TIMES, 'today', 'yesterday', 'week', 'month', 'year'].map(
    capitalized,
  ),
  ...MONTHS.map(capitalized),
  ...[...ARTICLES, ...CARDINALS, ...QUANTIFIERS, ...POSSESSIVE_DETERMINERS].map(capitalized),
  ...['This', 'That', 'Other', 'Department', 'House', 'Times', 'Park', 'Bridge', 'Party', 'Day'],
  ...['Miss', 'Mx', 'Dame', 'Father', 'Brother', 'Sister', 'Mother', 'Widow', 'Man', 'Woman'],
  ...['Marco', 'Rubio', 'Jane', 'Roe', 'Linda', 'Lee', 'Leeson', 'Ali', 'Alison', 'Nayib'],
  ...['Bukele', 'Keith', 'Scott', 'Hillary', 'Clinton', 'Tammy', 'Bruce', 'Dean', 'Smith'],
].filter((word) => /^[A-Z][a-z]+$/.test(word))

describe('parseSpeakerMention: names of two plain words', () => {
  it('reads "Marco Rubio" straight off, as the general reader does', () => {
    expect(plainPersonName('Marco Rubio')).toEqual(readMentionShapes('Marco Rubio'))
    expect(plainPersonName('Marco Rubio')).toMatchObject({ name: 'Marco Rubio', key: 'rubio' })
  })

  it('leaves to the general reader the words it reads apart', () => {
    for (const text of ['President Bukele', 'Marco Rubio Jr', 'Rubio Monday', 'The Times'])
      expect(plainPersonName(text)).toBeNull()
  })

  it('gives what the general reader gives, for every pair of the lexicon words', () => {
    let read = 0
    for (const first of WORDS) {
      for (const second of WORDS) {
        const text = `${first} ${second}`
        const plain = plainPersonName(text)
        if (plain === null) continue
        read++
        expect(plain, text).toEqual(readMentionShapes(text))
      }
    }
    // Most pairs are no plain name, but the plain names among them are read.
    expect(read).toBeGreaterThan(100)
  })

  it('gives what the general reader gives, for any two capitalized words', () => {
    const word = fc.oneof(fc.constantFrom(...WORDS), fc.stringMatching(/^[A-Z][a-z]{1,8}$/))
    fc.assert(
      fc.property(word, word, (first, second) => {
        const text = `${first} ${second}`
        const plain = plainPersonName(text)
        if (plain !== null) expect(plain).toEqual(readMentionShapes(text))
      }),
      { numRuns: 2000 },
    )
  })
})

describe('isUsableMention: shares', () => {
  it('takes a share of people for a speaker, not a share of something else', () => {
    const usable = (text: string) => isUsableMention(parseSpeakerMention(text))
    expect(usable('At least half of voters')).toBe(true)
    expect(usable('About four in 10')).toBe(true)
    expect(usable('half of the budget')).toBe(false)
  })
})

describe('parseSpeakerMention: pronouns', () => {
  it('reads "he" and "She" as pronouns with their gender', () => {
    expect(parseSpeakerMention('he')).toMatchObject({ form: 'pronoun', gender: 'male' })
    expect(parseSpeakerMention('She')).toMatchObject({ form: 'pronoun', gender: 'female' })
  })

  it('reads no word an object inherits ("constructor", "valueOf") as a pronoun', () => {
    for (const word of ['constructor', 'Constructor', 'valueOf', 'hasOwnProperty', '__proto__'])
      expect(parseSpeakerMention(word)?.form, word).not.toBe('pronoun')
  })
})
