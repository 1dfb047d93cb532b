import { describe, expect, it } from 'vitest'
import {
  type Article,
  type CorroborateError,
  createCorpus,
  isCorroborateError,
  normalizeArticle,
} from '../src/index.js'
import { slice } from './helpers.js'

const bridge = () =>
  normalizeArticle({
    id: 'bridge',
    content:
      'Mayor Tom Baker opened the new bridge on Monday.\n\n“We finished on time and under budget,” Baker said.',
  })

const budget = () =>
  normalizeArticle({
    id: 'budget',
    content:
      'The council approved the budget on Tuesday.\n\n“The bridge cost less than planned,” said councillor Ana Ruiz.',
  })

/** The error `run` throws, or fails the test when it throws nothing. */
function thrown(run: () => unknown): CorroborateError {
  try {
    run()
  } catch (error) {
    expect(isCorroborateError(error)).toBe(true)
    return error as CorroborateError
  }
  throw new Error('expected a CorroborateError, nothing was thrown')
}

describe('createCorpus', () => {
  it('starts empty and keeps articles in the order they were added', () => {
    const corpus = createCorpus()
    expect(corpus.articles).toEqual([])
    corpus.add(budget())
    corpus.add(bridge())
    expect(corpus.articles.map((a) => a.id)).toEqual(['budget', 'bridge'])
    expect(createCorpus([bridge(), budget()]).articles.map((a) => a.id)).toEqual([
      'bridge',
      'budget',
    ])
  })

  it('gets an article by id, and undefined for an unknown id', () => {
    const article = bridge()
    const corpus = createCorpus([article])
    expect(corpus.get('bridge')).toBe(article)
    expect(corpus.get('nope')).toBeUndefined()
    expect(corpus.get('')).toBeUndefined()
  })

  it('refuses a duplicate id with DUPLICATE_ID and loses nothing', () => {
    const first = bridge()
    const corpus = createCorpus([first, budget()])
    const before = corpus.analysis()
    const error = thrown(() =>
      corpus.add(normalizeArticle({ id: 'bridge', content: 'Another story entirely.' })),
    )
    expect(error).toMatchObject({ code: 'DUPLICATE_ID', subject: 'bridge' })
    expect(error.message).toContain('another id')
    expect(corpus.articles.map((a) => a.id)).toEqual(['bridge', 'budget'])
    expect(corpus.get('bridge')).toBe(first)
    expect(corpus.analysis()).toBe(before)
  })

  it('refuses an article without body text and keeps the rest', () => {
    const corpus = createCorpus([bridge()])
    for (const content of ['', '   \n\n  ']) {
      const error = thrown(() => corpus.add(normalizeArticle({ id: 'empty', content })))
      expect(error).toMatchObject({ code: 'INVALID_ARGUMENT', subject: 'empty' })
      expect(error.message).toContain('no body text')
    }
    expect(corpus.articles.map((a) => a.id)).toEqual(['bridge'])
    expect(corpus.get('empty')).toBeUndefined()
  })

  it('refuses what is not an article', () => {
    const corpus = createCorpus()
    expect(thrown(() => corpus.add(null as unknown as Article)).code).toBe('INVALID_ARGUMENT')
    expect(thrown(() => corpus.add({} as Article)).code).toBe('INVALID_ARGUMENT')
    expect(corpus.articles).toEqual([])
  })

  it('recomputes the analysis after an add, and caches it between adds', () => {
    const corpus = createCorpus([bridge()])
    const first = corpus.analysis()
    expect(corpus.analysis()).toBe(first)
    expect(new Set(first.quotes.map((q) => q.article))).toEqual(new Set(['bridge']))
    corpus.add(budget())
    const second = corpus.analysis()
    expect(second).not.toBe(first)
    expect(new Set(second.quotes.map((q) => q.article))).toEqual(new Set(['bridge', 'budget']))
    expect(second.quotes.find((q) => q.article === 'budget')).toMatchObject({
      text: 'The bridge cost less than planned,',
      speaker: { name: 'Ana Ruiz' },
    })
  })

  it('finds every word of a query, case and accents aside, with spans into the original', () => {
    const corpus = createCorpus([bridge(), budget()])
    const hits = corpus.search('BRIDGE monday')
    // In text order; the action claim starts with its sentence and sorts first by kind,
    // the day claim is found through its sentence and starts later.
    expect(hits).toEqual([
      {
        kind: 'claim',
        article: 'bridge',
        id: 'bridge#c0',
        text: 'Mayor Tom Baker opened the new bridge',
        span: { start: 0, end: 37 },
      },
      {
        kind: 'sentence',
        article: 'bridge',
        id: null,
        text: 'Mayor Tom Baker opened the new bridge on Monday.',
        span: { start: 0, end: 48 },
      },
      {
        kind: 'claim',
        article: 'bridge',
        id: 'bridge#c1',
        text: 'on Monday',
        span: { start: 38, end: 47 },
      },
    ])
    for (const hit of corpus.search('bridge'))
      expect(slice(corpus.get(hit.article) as Article, hit.span)).toBe(hit.text)
    expect(
      createCorpus([normalizeArticle({ id: 'c', content: 'The café opened.' })]).search('CAFE'),
    ).toHaveLength(1)
  })

  it('matches a "phrase" only as written, words of it in any order otherwise', () => {
    const corpus = createCorpus([bridge(), budget()])
    const phrase = corpus.search('"under budget"')
    expect(phrase.map((h) => [h.kind, h.article])).toEqual([
      ['sentence', 'bridge'],
      ['quote', 'bridge'],
    ])
    for (const hit of phrase) {
      expect(slice(corpus.get(hit.article) as Article, hit.span)).toBe(hit.text)
      expect(hit.text).toContain('under budget')
    }
    expect(corpus.search('"budget under"')).toEqual([])
    expect(corpus.search('budget under').map((h) => h.article)).toContain('bridge')
  })

  it('orders hits by article, then position, and finds nothing for an empty query', () => {
    const corpus = createCorpus([budget(), bridge()])
    const hits = corpus.search('bridge')
    const order = hits.map((h) => h.article)
    expect(order).toEqual([...order].sort((a, b) => (a === b ? 0 : a === 'budget' ? -1 : 1)))
    for (const article of ['budget', 'bridge']) {
      const starts = hits.filter((h) => h.article === article).map((h) => h.span.start)
      expect(starts).toEqual([...starts].sort((a, b) => a - b))
    }
    expect(corpus.search('bridge')).toEqual(hits)
    expect(corpus.search('')).toEqual([])
    expect(corpus.search('   ""  ')).toEqual([])
    expect(corpus.search('zeppelin')).toEqual([])
  })
})
