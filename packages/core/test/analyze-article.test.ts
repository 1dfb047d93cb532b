import { describe, expect, it } from 'vitest'
import {
  analyzeArticle,
  createCorpus,
  crossReference,
  isCorroborateError,
  normalizeArticle,
} from '../src/index.js'
import { articles as seedArticles } from './seed-articles.js'

const seeds = [...seedArticles.values()]

describe('analyzeArticle and crossReference({ analyses })', () => {
  it('gives crossReference the same result as reading every article itself', () => {
    const analyses = seeds.map((article) => analyzeArticle(article))
    const fresh = crossReference(seeds)
    expect(crossReference(seeds, { analyses })).toEqual(fresh)
    // A map, and analyses in another order than the articles, are the same.
    const byId = new Map([...analyses].reverse().map((a) => [a.article, a]))
    expect(crossReference(seeds, { analyses: byId })).toEqual(fresh)
  })

  it('reads a sentence several articles carry once, with the same claims as alone', () => {
    // The same sentences on other days (Monday resolves against each), after "No."
    // (a rank, not a count), inside a quote in one article (no action there), and run on.
    const longSentence = `The mayor visited Santa Ana on March 3 and ${'then spoke of roads and schools and '.repeat(25)}left on Monday.`
    const sentences = [
      '12 teams played in Chicago on March 3.',
      'Officials said on Monday that 40,000 people attended the rally in San Salvador.',
      'The mayor visited Santa Ana on March 3.',
      longSentence,
    ].join(' ')
    const article = (id: string, content: string, published: string) =>
      normalizeArticle({ id, content, metadata: { published } })
    const articles = [
      article('a', sentences, '2025-02-03'),
      article('b', sentences, '2025-02-10'),
      article('c', `He was ranked No. ${sentences}`, '2025-02-03'),
      article(
        'd',
        `She said: "We met. The mayor visited Santa Ana on March 3. It went well."`,
        '2025-02-03',
      ),
      article('e', sentences, '2025-02-03'),
    ]
    const alone = crossReference(articles, { analyses: articles.map((a) => analyzeArticle(a)) })
    const together = crossReference(articles)
    expect(together.claims.length).toBeGreaterThan(10)
    expect(together).toEqual(alone)
  })

  it('merges speakers across articles in claims as in quotes', () => {
    const result = crossReference(seeds, { analyses: seeds.map(analyzeArticle) })
    const quoteById = new Map(result.quotes.map((quote) => [quote.id, quote]))
    const speaking = result.claims.filter((claim) => claim.speaker !== null)
    expect(speaking.length).toBeGreaterThan(0)
    for (const claim of speaking) {
      const quote = quoteById.get(claim.quote as string)
      expect(claim.speaker).toEqual({ id: quote?.speaker?.id, name: quote?.speaker?.name })
      expect(result.speakers.some((s) => s.id === claim.speaker?.id)).toBe(true)
    }
  })

  it('uses the analysis given instead of reading the article again', () => {
    const [first, ...rest] = seeds
    if (!first) throw new Error('no seeds')
    const analysis = analyzeArticle(first)
    expect(analysis.quotes.quotes.length).toBeGreaterThan(1)
    // An analysis without its last quote (and the claims inside it): the result says so.
    const dropped = analysis.quotes.quotes.at(-1)
    const trimmed = {
      ...analysis,
      quotes: { ...analysis.quotes, quotes: analysis.quotes.quotes.slice(0, -1) },
      claims: {
        ...analysis.claims,
        claims: analysis.claims.claims.filter((c) => c.quote !== dropped?.id),
      },
    }
    const result = crossReference([first, ...rest], { analyses: [trimmed] })
    const mine = result.quotes.filter((q) => q.article === first.id)
    expect(mine.map((q) => q.id)).toEqual(trimmed.quotes.quotes.map((q) => q.id))
    expect(mine.some((q) => q.id === dropped?.id)).toBe(false)
  })

  it('refuses an analysis made of another article, naming the article', () => {
    const [first, second] = seeds
    if (!first || !second) throw new Error('no seeds')
    const wrong = { ...analyzeArticle(second), article: first.id }
    let error: unknown
    try {
      crossReference([first, second], { analyses: [wrong] })
    } catch (caught) {
      error = caught
    }
    expect(isCorroborateError(error) && error.code).toBe('INVALID_ARGUMENT')
    expect(String((error as Error).message)).toContain(first.id)
  })

  it('refuses analyses that are neither a Map nor an array', () => {
    expect(() => crossReference(seeds, { analyses: 'all' as unknown as never })).toThrow(
      /options\.analyses/,
    )
  })

  it('ignores analyses of articles not given', () => {
    const other = normalizeArticle({
      id: 'elsewhere',
      content: 'A council met on Monday. "We will vote next week," the mayor, Ana Ruiz, said.',
    })
    const analyses = [...seeds.map(analyzeArticle), analyzeArticle(other)]
    expect(crossReference(seeds, { analyses })).toEqual(crossReference(seeds))
  })

  it('refuses what is not an article', () => {
    expect(() => analyzeArticle(null as never)).toThrow(/analyzeArticle expects/)
  })

  it('lets a corpus answer as crossReference does', () => {
    const corpus = createCorpus(seeds)
    expect(corpus.analysis()).toEqual(crossReference(seeds, { stories: corpus.stories() }))
  })
})
