import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import {
  extractQuotes,
  loadArticleDirectory,
  normalizeArticle,
  type QuoteExtraction,
  resolveSpeakers,
} from '../src/index.js'

const extract = (id: string, content: string): QuoteExtraction =>
  extractQuotes(normalizeArticle({ content, id }))

describe('resolveSpeakers', () => {
  it('merges a bare surname in one article with the full name and role in another', () => {
    const a = extract(
      'a',
      'The agency spoke on Monday.\n\n“We will review it,” State Department spokeswoman Tammy Bruce said.',
    )
    const b = extract('b', 'The talks went on.\n\n“The review is under way,” Bruce said.')
    const { speakers, quotes } = resolveSpeakers([a, b])
    const bruce = speakers.filter((s) => s.name === 'Tammy Bruce')
    expect(bruce).toHaveLength(1)
    expect(bruce[0]).toMatchObject({ id: 'tammy-bruce', kind: 'person' })
    expect(bruce[0]?.aliases).toEqual(expect.arrayContaining(['Bruce', 'Tammy Bruce']))
    expect(bruce[0]?.roles).toContain('State Department spokeswoman')
    expect(quotes.map((q) => q.speaker?.id)).toEqual(['tammy-bruce', 'tammy-bruce'])
  })

  it('records an affiliation after a comma as a role, but not when and where the words came', () => {
    const a = extract(
      'a',
      'The merger went to court.\n\nMary Major, in a statement released by the board on Thursday, said she “will not sign it.”\n\nJohn Doe, of the Heritage Foundation, said, “The board should sign it.”',
    )
    const { speakers } = resolveSpeakers([a])
    const roles = Object.fromEntries(speakers.map((s) => [s.name, s.roles]))
    expect(roles).toEqual({ 'Mary Major': [], 'John Doe': ['of the Heritage Foundation'] })
  })

  it('keeps two people who share a surname but not a first name apart', () => {
    const a = extract('a', 'The couple spoke.\n\n“We are fine,” Rakeyia Scott said.')
    const b = extract(
      'b',
      'Police spoke.\n\n“He had a gun,” Keith Scott said, according to police.',
    )
    const { speakers } = resolveSpeakers([a, b])
    expect(speakers.map((s) => s.name).sort()).toEqual(['Keith Scott', 'Rakeyia Scott'])
    expect(new Set(speakers.map((s) => s.id)).size).toBe(2)
  })

  it('merges organizations whatever their article, and keeps unnamed speakers per article', () => {
    const a = extract(
      'a',
      'A report came out.\n\n“The conditions are inhumane,” the Human Rights Watch said.',
    )
    const b = extract('b', 'A report came out.\n\n“It must stop,” Human Rights Watch said.')
    const c = extract('c', 'A report came out.\n\n“It is true,” a source said.')
    const d = extract('d', 'A report came out.\n\n“It is false,” a source said.')
    const { speakers } = resolveSpeakers([a, b, c, d])
    expect(speakers.filter((s) => s.kind === 'organization').map((s) => s.name)).toEqual([
      'Human Rights Watch',
    ])
    expect(speakers.filter((s) => s.name === 'a source')).toHaveLength(2)
    expect(new Set(speakers.map((s) => s.id)).size).toBe(speakers.length)
  })

  it('keeps documents per article: two outlets’ "the lawsuit" are two speakers', () => {
    const a = extract('a', 'The aide sued.\n\n“The firing was retaliation,” the lawsuit says.')
    const b = extract('b', 'The aide sued.\n\n“She was punished for speaking,” the lawsuit says.')
    const { speakers } = resolveSpeakers([a, b])
    expect(speakers.map((s) => [s.name, s.kind])).toEqual([
      ['the lawsuit', 'document'],
      ['the lawsuit', 'document'],
    ])
    expect(new Set(speakers.map((s) => s.id)).size).toBe(2)
  })

  it('gives Marco Rubio one id across all five seeds and keeps the quotes in order', async () => {
    const seeds = fileURLToPath(new URL('../../../seeds', import.meta.url))
    const { sources } = await loadArticleDirectory(seeds)
    const extractions = sources.map((source) => extractQuotes(normalizeArticle(source)))
    const { speakers, quotes } = resolveSpeakers(extractions)
    const rubio = speakers.filter((s) => s.aliases.includes('Rubio'))
    expect(rubio).toHaveLength(1)
    expect(rubio[0]?.name).toBe('Marco Rubio')
    const articlesQuotingRubio = new Set(
      quotes.filter((q) => q.speaker?.id === rubio[0]?.id).map((q) => q.article),
    )
    expect(articlesQuotingRubio.size).toBe(5)
    expect(quotes).toHaveLength(extractions.reduce((n, e) => n + e.quotes.length, 0))
    expect(resolveSpeakers(extractions)).toEqual({ speakers, quotes })
  })
})
