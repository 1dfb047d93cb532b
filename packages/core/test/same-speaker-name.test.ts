import { describe, expect, it } from 'vitest'
import { mayBeOneSpeaker } from '../src/crossref/same-speaker-name.js'

describe('mayBeOneSpeaker: one rule for attribution disputes in a story and across stories', () => {
  it.each([
    ['Felipe Calderón', 'Felipe Calderon', true],
    ['Trump', 'Donald J. Trump', true],
    ['James P. Kennedy Jr', 'James Kennedy', true],
    ['MARCO RUBIO', 'Marco Rubio', true],
    ['', 'Marco Rubio', true],
    ['Keith Scott', 'Rakeyia Scott', false],
    ['Marco Rubio', 'Nayib Bukele', false],
    ['Rubio', 'Bukele', false],
    ['Tammy Bruce', 'Marco Rubio', false],
  ])('%j and %j: %j', (a, b, expected) => {
    expect(mayBeOneSpeaker(a, b)).toBe(expected)
    expect(mayBeOneSpeaker(b, a)).toBe(expected)
  })
})
