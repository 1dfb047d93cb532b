import { describe, expect, it } from 'vitest'
import {
  type CorroborateError,
  compareArticles,
  crossReference,
  normalizeArticle,
} from '../src/index.js'
import type { Article } from '../src/types.js'
import { IDS, seed } from './seed-articles.js'

// Two stories: a bridge opened in one city, and months later a library vote in another.
const BRIDGE = {
  north:
    'Mayor Tom Baker opened the new river bridge on Monday after two years of work.\n\n“We finished the bridge on time and under budget, and the city should be proud of it,” Baker said.\n\nThe bridge cost $40 million, city officials said.\n\nCouncilwoman Ana Ruiz criticized the project. “The bridge was a waste of money,” Ruiz said.',
  south:
    'The new river bridge opened on Monday.\n\n“We finished the bridge on time and under budget, and the city should be proud,” said city engineer Lee Park.\n\nThe bridge cost $55 million, according to the city.\n\nThe mayor thanked the workers.',
  east: 'Residents crossed the new river bridge for the first time on Monday.\n\n“The bridge was a waste of money,” said Councilwoman Ana Ruiz, who voted against it.\n\nThe bridge cost $40 million.',
}
const LIBRARY = {
  'lib-gazette':
    'The Hillview school board voted 5-2 on Thursday to close the Elm Street library branch next spring.\n\n“Our children deserve a library within walking distance of every school in Hillview,” said board member Grace Okoye, who voted against the closure.\n\nThe district expects to save $300,000 a year.',
  'lib-courier':
    'Parents protested outside the Hillview school board meeting on Thursday before members voted to close the Elm Street library branch.\n\n“Our children deserve a library within walking distance of every school in Hillview,” board member Grace Okoye told the meeting.\n\nOfficials said the closure would save $300,000 a year.',
}
const OUTLETS: Record<string, string> = {
  north: 'North Post',
  south: 'South Herald',
  east: 'East Times',
  'lib-gazette': 'Hillview Gazette',
  'lib-courier': 'Valley Courier',
}

function article(id: string, content: string, published: string): Article {
  return normalizeArticle({ id, content, metadata: { outlet: OUTLETS[id] ?? id, published } })
}

const twoStories = () =>
  crossReference([
    ...Object.entries(BRIDGE).map(([id, text]) => article(id, text, '2025-03-03')),
    ...Object.entries(LIBRARY).map(([id, text]) => article(id, text, '2025-09-18')),
  ])

const thrown = (run: () => unknown): CorroborateError => {
  try {
    run()
  } catch (error) {
    return error as CorroborateError
  }
  throw new Error('expected a CorroborateError')
}

describe('compareArticles on two stories', () => {
  const analysis = twoStories()
  const [bridge, library] = analysis.stories

  it('reads two stories, the bridge first', () => {
    expect(analysis.stories.map((s) => s.articles)).toEqual([
      ['north', 'south', 'east'],
      ['lib-gazette', 'lib-courier'],
    ])
  })

  it('compares the largest story by default, each article’s wording and diff', () => {
    const comparison = compareArticles(analysis)
    expect(comparison.story?.id).toBe(bridge?.id)
    expect(comparison.stories).toEqual([bridge?.id])
    expect(comparison.articles).toEqual(['north', 'south', 'east'])
    expect(comparison.clusters.map((c) => c.articles)).toEqual([
      ['north', 'south'],
      ['east', 'north'],
    ])
    expect(comparison.clusters[0]).toMatchObject({
      canonical:
        'We finished the bridge on time and under budget, and the city should be proud of it,',
      speakers: [
        { id: 'tom-baker', name: 'Tom Baker' },
        { id: 'lee-park', name: 'Lee Park' },
      ],
      members: [
        { article: 'north', variant: 'identical' },
        {
          article: 'south',
          variant: 'truncated',
          diff: expect.arrayContaining([{ op: 'delete', canonical: 'of it', member: '' }]),
        },
      ],
    })
    // $40 million in north and east, $55 million in south: one slot that conflicts.
    const money = comparison.slots.find((s) => s.kind === 'money')
    expect(money).toMatchObject({
      agrees: false,
      values: [
        { value: 40_000_000, articles: ['east', 'north'], wording: ['$40 million'] },
        { value: 55_000_000, articles: ['south'], wording: ['$55 million'] },
      ],
    })
    expect(comparison.coverage.map((c) => [c.article, c.story])).toEqual([
      ['north', bridge?.id],
      ['south', bridge?.id],
      ['east', bridge?.id],
    ])
    expect(comparison.disputes.map((d) => d.kind).sort()).toEqual(['attribution', 'fact'])
    for (const dispute of comparison.disputes) expect(dispute.story).toBe(bridge?.id)
  })

  it('restricts everything to the chosen articles: north and east agree on the cost', () => {
    const comparison = compareArticles(analysis, { articles: ['east', 'north'] })
    expect(comparison.articles).toEqual(['north', 'east'])
    expect(comparison.story?.id).toBe(bridge?.id)
    expect(comparison.clusters.map((c) => c.canonical)).toEqual([
      'The bridge was a waste of money,',
    ])
    const money = comparison.slots.find((s) => s.kind === 'money')
    expect(money).toMatchObject({
      agrees: true,
      values: [{ value: 40_000_000, articles: ['east', 'north'] }],
    })
    for (const slot of comparison.slots)
      for (const value of slot.values)
        for (const id of value.articles) expect(['north', 'east']).toContain(id)
    // south's attribution and fact disputes are not between north and east.
    expect(comparison.disputes).toEqual([])
    expect(comparison.coverage.map((c) => c.article)).toEqual(['north', 'east'])
    // Among north and east, the engineer's statement is north's alone.
    const north = comparison.coverage[0]
    expect(north?.alone.clusters).toContain(analysis.clusters[0]?.id)
  })

  it('compares a story chosen by id, and nothing across stories', () => {
    const comparison = compareArticles(analysis, { story: library?.id as string })
    expect(comparison.articles).toEqual(['lib-gazette', 'lib-courier'])
    expect(comparison.clusters).toHaveLength(1)
    expect(comparison.clusters[0]?.speakers.map((s) => s.name)).toEqual(['Grace Okoye'])
    expect(comparison.clusters[0]?.story).toBe(library?.id)
    expect(comparison.slots.find((s) => s.kind === 'money')).toMatchObject({ agrees: true })
    expect(comparison.disputes).toEqual([])

    const across = compareArticles(analysis, { articles: ['north', 'lib-gazette'] })
    expect(across.story).toBeNull()
    expect(across.stories).toEqual([bridge?.id, library?.id])
    expect(across.clusters).toEqual([])
    expect(across.slots).toEqual([])
    expect(across.disputes).toEqual([])
  })

  it('throws UNKNOWN_ID for an unknown story or article, INVALID_ARGUMENT for too few or a mismatch', () => {
    expect(thrown(() => compareArticles(analysis, { story: 'st-nope' }))).toMatchObject({
      code: 'UNKNOWN_ID',
      subject: 'st-nope',
    })
    expect(thrown(() => compareArticles(analysis, { articles: ['north', 'nope'] }))).toMatchObject({
      code: 'UNKNOWN_ID',
      subject: 'nope',
    })
    expect(thrown(() => compareArticles(analysis, { articles: ['north', 'north'] }))).toMatchObject(
      { code: 'INVALID_ARGUMENT', message: expect.stringContaining('two or more') },
    )
    expect(
      thrown(() =>
        compareArticles(analysis, {
          story: bridge?.id as string,
          articles: ['north', 'lib-gazette'],
        }),
      ),
    ).toMatchObject({ code: 'INVALID_ARGUMENT', subject: 'lib-gazette' })
    expect(
      thrown(() => compareArticles({} as unknown as ReturnType<typeof crossReference>)),
    ).toMatchObject({ code: 'INVALID_ARGUMENT' })
  })

  it('compares nothing in an empty corpus', () => {
    expect(compareArticles(crossReference([]))).toEqual({
      story: null,
      stories: [],
      articles: [],
      clusters: [],
      slots: [],
      coverage: [],
      disputes: [],
    })
  })
})

describe('compareArticles on the seeds', () => {
  const analysis = crossReference(IDS.map(seed))

  it('compares the one story of all five as the cross-reference has it', () => {
    const comparison = compareArticles(analysis)
    expect(analysis.stories).toHaveLength(1)
    expect(comparison.story?.id).toBe(analysis.stories[0]?.id)
    expect(comparison.articles).toEqual([...IDS])
    expect(comparison.clusters.map((c) => c.id).sort()).toEqual(
      analysis.clusters
        .filter((c) => c.articles.length >= 2)
        .map((c) => c.id)
        .sort(),
    )
    expect(comparison.coverage).toEqual(analysis.coverage)
    expect(comparison.disputes).toEqual(analysis.disputes)
    for (const cluster of comparison.clusters) {
      const articles = cluster.members.map((m) => m.article)
      expect(new Set(articles).size).toBe(articles.length)
      expect(articles).toEqual(IDS.filter((id) => articles.includes(id)))
      expect([...articles].sort()).toEqual(cluster.articles)
    }
    for (const slot of comparison.slots) {
      expect(new Set(slot.values.flatMap((v) => v.articles)).size).toBeGreaterThanOrEqual(2)
      expect(slot.agrees).toBe(slot.values.length === 1)
    }
  })

  it('restricts two seeds to what they carry, and is deterministic', () => {
    const pair = ['004_cbbd90037d08fd37', '002_14d3067ffab1f62e']
    const comparison = compareArticles(analysis, { articles: pair })
    expect(comparison.articles).toEqual(['002_14d3067ffab1f62e', '004_cbbd90037d08fd37'])
    expect(comparison.clusters.length).toBeGreaterThan(0)
    for (const cluster of comparison.clusters)
      expect(cluster.articles).toEqual(['002_14d3067ffab1f62e', '004_cbbd90037d08fd37'])
    for (const slot of comparison.slots)
      for (const value of slot.values) {
        for (const id of value.articles) expect(pair).toContain(id)
        for (const claim of value.claims) expect(pair).toContain(claim.split('#')[0])
        expect(value.wording.length).toBeGreaterThan(0)
      }
    for (const dispute of comparison.disputes)
      expect(dispute.positions.filter((p) => pair.includes(p.article)).length).toBeGreaterThan(0)
    expect(compareArticles(analysis, { articles: pair })).toEqual(comparison)
  })
})
