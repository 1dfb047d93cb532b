import { describe, expect, it } from 'vitest'
import * as lexicon from '../src/lexicon/index.js'

// Every list of words the lexicon exports, by name: arrays and sets alike.
const lists = Object.entries(lexicon).filter(
  (entry): entry is [string, readonly string[] | ReadonlySet<string>] =>
    Array.isArray(entry[1]) || entry[1] instanceof Set,
)
// The lists written as a name is (a capital first); every other list is lower case.
const CAPITALIZED = new Set([
  'ABBREVIATIONS',
  'COMMON_TITLES',
  'COURTESY_TITLES',
  'NAME_SUFFIX_ABBREVIATIONS',
  'NAME_SUFFIXES',
  'NAME_TITLES',
  'PERSON_TITLES',
  'PLACE_ABBREVIATIONS',
  'TITLE_ABBREVIATIONS',
])

describe('lexicon', () => {
  it('has lists to check', () => {
    expect(lists.length).toBeGreaterThan(30)
  })

  it.each(lists.filter(([, words]) => Array.isArray(words)))(
    '%s names each word once',
    (_, words) => {
      const list = words as readonly string[]
      expect(list.filter((word, i) => list.indexOf(word) !== i)).toEqual([])
    },
  )

  it.each(lists.filter(([name]) => !name.endsWith('_PHRASES')))(
    '%s holds words: no white space, none empty',
    (_, words) => {
      expect([...words].filter((word) => !/^\S+$/.test(word))).toEqual([])
    },
  )

  it.each(lists.filter(([name]) => !CAPITALIZED.has(name)))('%s is lower case', (_, words) => {
    expect([...words].filter((word) => word !== word.toLowerCase())).toEqual([])
  })

  it.each(lists.filter(([name]) => CAPITALIZED.has(name)))(
    '%s is written with a capital first',
    (_, words) => {
      expect([...words].filter((word) => !/^\p{Lu}/u.test(word))).toEqual([])
    },
  )
})
