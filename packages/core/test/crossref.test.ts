import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { describeMeasure, measureOf } from '../src/claims/measure.js'
import {
  alignClaims,
  classifyVariant,
  clusterQuotes,
  diffWords,
  findDisputes,
  measureCoverage,
  sameValue,
  wordTokens,
} from '../src/crossref/index.js'
import {
  type CrossReference,
  crossReference,
  extractClaims,
  extractQuotes,
  normalizeArticle,
  resolveSpeakers,
} from '../src/index.js'
import type { Article, Claim, ClaimSlot, Quote, QuoteCluster } from '../src/types.js'
import { expectDiffsReadBack, quoteOf, slice } from './helpers.js'

const NUM_RUNS = 100

const diff = (canonical: string, member: string) =>
  diffWords(wordTokens(canonical), wordTokens(member))

// What crossReference gives, its fields typed by it, with the articles themselves instead of their ids.
interface Corpus
  extends Pick<
    CrossReference,
    'quotes' | 'clusters' | 'claims' | 'slots' | 'disputes' | 'agreements'
  > {
  articles: Article[]
}

/** The crossref pipeline over plain-text articles given as their paragraphs, keyed by id. */
function corpus(texts: Record<string, string[]>, claims: Claim[] = []): Corpus {
  const articles = Object.entries(texts).map(([id, paragraphs]) =>
    normalizeArticle({ content: paragraphs.join('\n\n'), id }),
  )
  const { quotes } = resolveSpeakers(articles.map((article) => extractQuotes(article)))
  const clusters = clusterQuotes(quotes)
  const slots = alignClaims(claims)
  const { disputes, agreements } = findDisputes({ articles, quotes, clusters, claims, slots })
  return { articles, quotes, clusters, claims, slots, disputes, agreements }
}

// Port Minister Karl Vogt's harbor plan, which several outlets report.
const PORT_MEETING = 'The port authority met on Monday.'
const HARBOR_PLAN =
  '“The harbor plan will bring thousands of jobs to the coast,” Port Minister Karl Vogt said.'
const VOGT_IN_PORT = 'Vogt spoke in the port.'

/** The one agreement of articles a, b and c on the quote of cluster k0, by `speaker`. */
const quoteAgreement = (speaker: string) => ({
  id: 'a0',
  kind: 'quote',
  summary: expect.stringContaining(speaker),
  articles: ['a', 'b', 'c'],
  cluster: 'k0',
  slot: null,
})

/** The only cluster holding the quote with this id. */
function clusterOf(result: Corpus, quote: string): QuoteCluster {
  const found = result.clusters.filter((c) => c.members.some((m) => m.quote === quote))
  expect(found).toHaveLength(1)
  return found[0] as QuoteCluster
}

/** Ids count from d0, kinds come in order, every position slices back into its article. */
function expectWellFormed(result: Corpus) {
  const order = ['attribution', 'wording', 'fact', 'contested']
  result.disputes.forEach((dispute, index) => {
    expect(dispute.id).toBe(`d${index}`)
    const next = result.disputes[index + 1]
    if (next) expect(order.indexOf(next.kind)).toBeGreaterThanOrEqual(order.indexOf(dispute.kind))
    expect(dispute.confidence).toBeGreaterThanOrEqual(0)
    expect(dispute.confidence).toBeLessThanOrEqual(1)
    expect(typeof dispute.needsJudgement).toBe('boolean')
    expect(dispute.positions.length).toBeGreaterThanOrEqual(2)
    for (const position of dispute.positions) {
      const article = result.articles.find((a) => a.id === position.article)
      expect(article).toBeDefined()
      if (article) expect(slice(article, position.span)).toBe(position.text)
    }
  })
  result.agreements.forEach((agreement, index) => {
    expect(agreement.id).toBe(`a${index}`)
  })
}

// Distributed over Claim's kinds, so that a spec's kind and value belong together.
type ClaimFields = Claim extends infer C
  ? C extends Claim
    ? Pick<C, 'kind' | 'value'> & Partial<Omit<C, 'id' | 'article'>>
    : never
  : never

/** Claims of one article, each found by the words that carry its value, numbered c0, c1 … */
function claimsOf(article: Article, specs: Array<[text: string, fields: ClaimFields]>): Claim[] {
  return specs.map(([text, fields], index) => {
    const start = article.original.indexOf(text)
    expect(start).toBeGreaterThanOrEqual(0)
    const sentence = article.sentences.find((s) => s.span.start <= start && start < s.span.end)
    expect(sentence).toBeDefined()
    return {
      id: `${article.id}#c${index}`,
      article: article.id,
      text,
      span: { start, end: start + text.length },
      unit: null,
      noun: null,
      qualifier: null,
      sentence: {
        text: sentence?.text ?? '',
        span: sentence?.span ?? { start: 0, end: 0 },
      },
      keywords: [],
      quote: null,
      speaker: null,
      ...fields,
    }
  })
}

/** Two one-sentence articles `a` and `b`, one claim each, through the pipeline. */
function factPair(
  [aText, aValue, aFields]: [string, string, ClaimFields],
  [bText, bValue, bFields]: [string, string, ClaimFields],
): Corpus {
  const a = normalizeArticle({ id: 'a', content: aText })
  const b = normalizeArticle({ id: 'b', content: bText })
  const claims = [...claimsOf(a, [[aValue, aFields]]), ...claimsOf(b, [[bValue, bFields]])]
  return corpus({ a: [aText], b: [bText] }, claims)
}

describe('crossref: word diffs', () => {
  it('gives a changed word as one replacement: "profoundly" → "incredibly"', () => {
    expect(
      diff(
        'We are just profoundly grateful to the people',
        'We are just incredibly grateful to the people',
      ),
    ).toEqual([
      { op: 'equal', canonical: 'We are just', member: 'We are just' },
      { op: 'replace', canonical: 'profoundly', member: 'incredibly' },
      { op: 'equal', canonical: 'grateful to the people', member: 'grateful to the people' },
    ])
  })

  it('keeps the words a cut fragment leaves out as deletions around the replacement', () => {
    expect(diff('We are just profoundly grateful to the people', 'incredibly grateful')).toEqual([
      { op: 'delete', canonical: 'We are just', member: '' },
      { op: 'replace', canonical: 'profoundly', member: 'incredibly' },
      { op: 'equal', canonical: 'grateful', member: 'grateful' },
      { op: 'delete', canonical: 'to the people', member: '' },
    ])
  })

  it('compares words in their written-alike form: "U.S." meets "US", case and curly apostrophes aside', () => {
    const steps = diff(
      'He sent them to the U.S. last year, and it’s done',
      "he sent them to the US last year and it's done",
    )
    expect(steps.map((s) => s.op)).toEqual(['equal'])
    expect(classifyVariant(steps, false)).toBe('identical')
    expect(wordTokens('U.S. 1,000 it’s').map((t) => t.norm)).toEqual(['us', '1000', "it's"])
  })

  it('gives an inflected word ("jail" → "jails") as a replacement of that word only', () => {
    expect(
      diff('He will house them in his jail for years', 'He will house them in his jails for years'),
    ).toEqual([
      { op: 'equal', canonical: 'He will house them in his', member: 'He will house them in his' },
      { op: 'replace', canonical: 'jail', member: 'jails' },
      { op: 'equal', canonical: 'for years', member: 'for years' },
    ])
  })

  const CANONICAL = 'The budget will fund new parks and better roads'
  const classes: Array<[string, string, boolean, string]> = [
    ['identical', 'The budget will fund new parks and better roads.', false, 'identical'],
    ['truncated at the end', 'The budget will fund new parks', false, 'truncated'],
    ['truncated at the start', 'new parks and better roads', false, 'truncated'],
    ['extended', `${CANONICAL} next year`, false, 'extended'],
    ['substituted', 'The budget will fund new gardens and better roads', false, 'substituted'],
    ['omitted-words', 'The budget will fund parks and roads', false, 'omitted-words'],
    ['fragment', 'better roads', true, 'fragment'],
    ['fragment with a word changed', 'safer roads', true, 'fragment'],
  ]
  for (const [name, member, isFragment, variant] of classes) {
    it(`classifies a hand-written pair as ${name}`, () => {
      expect(classifyVariant(diff(CANONICAL, member), isFragment)).toBe(variant)
    })
  }

  it('a fragment that is the whole canonical wording is identical', () => {
    expect(classifyVariant(diff('better roads', 'better roads'), true)).toBe('identical')
  })

  it('a cut at the start stays one cut when the first kept word also stands earlier', () => {
    const steps = diff(
      'We have offered the city the chance to build a new school',
      'the chance to build a new school',
    )
    expect(steps).toEqual([
      { op: 'delete', canonical: 'We have offered the city', member: '' },
      {
        op: 'equal',
        canonical: 'the chance to build a new school',
        member: 'the chance to build a new school',
      },
    ])
    expect(classifyVariant(steps, false)).toBe('truncated')
  })
})

describe('crossref: quote clusters', () => {
  it('groups one statement cut, reworded and quoted as a two-word fragment, with their variants', () => {
    const result = corpus({
      a: [
        'Mayor Daniel Okafor spoke at the depot on Monday.',
        '“We will rebuild the old harbor bridge before the winter storms arrive, and we will pay for it without new taxes,” Okafor said.',
      ],
      b: [
        'The mayor visited the harbor.',
        '“We will rebuild the old harbor bridge before the winter storms arrive,” Mayor Daniel Okafor said on Monday.',
      ],
      c: [
        'The council met on Monday.',
        '“We will repair the old harbor bridge before the winter storms arrive, and we will pay for it without new taxes,” Okafor told reporters.',
      ],
      d: ['Okafor said the bridge would be ready before the “winter storms” came.'],
    })
    expect(result.clusters).toHaveLength(1)
    const [cluster] = result.clusters
    expect(cluster).toMatchObject({
      id: 'k0',
      canonical:
        'We will rebuild the old harbor bridge before the winter storms arrive, and we will pay for it without new taxes,',
      speakers: [{ name: 'Daniel Okafor' }],
      articles: ['a', 'b', 'c', 'd'],
    })
    expect(cluster?.members.map((m) => [m.quote, m.variant])).toEqual([
      ['a#q0', 'identical'],
      ['b#q0', 'truncated'],
      ['c#q0', 'substituted'],
      ['d#q0', 'fragment'],
    ])
    expect(cluster?.members[1]?.diff.filter((s) => s.op !== 'equal')).toEqual([
      { op: 'delete', canonical: 'and we will pay for it without new taxes', member: '' },
    ])
    expect(cluster?.members[2]?.diff.filter((s) => s.op !== 'equal')).toEqual([
      { op: 'replace', canonical: 'rebuild', member: 'repair' },
    ])
    for (const member of cluster?.members ?? []) {
      const article = result.articles.find((a) => a.id === member.article)
      if (article) expect(slice(article, member.span)).toBe(member.text)
    }
  })

  it('takes the extended wording as canonical, and the shorter one as its cut', () => {
    const result = corpus({
      a: [
        'The council met.',
        '“The new library will open in the spring,” Councilwoman Rita Hale said.',
      ],
      b: [
        'The council met.',
        '“The new library will open in the spring, with longer hours for students,” Rita Hale said.',
      ],
    })
    expect(result.clusters).toHaveLength(1)
    expect(result.clusters[0]).toMatchObject({
      canonical: 'The new library will open in the spring, with longer hours for students,',
      articles: ['a', 'b'],
    })
    expect(result.clusters[0]?.members.map((m) => m.variant)).toEqual(['truncated', 'identical'])
  })

  it('keeps two different statements of one speaker in two clusters', () => {
    const result = corpus({
      a: [
        'The council met.',
        '“The new library will open in the spring,” Councilwoman Rita Hale said.',
        '“Parking downtown will stay free on weekends,” Hale added.',
      ],
      b: [
        'The council met.',
        '“The new library will open in the spring,” Hale said. “Parking downtown will stay free on weekends.”',
      ],
    })
    expect(result.clusters.map((c) => c.members.map((m) => m.quote))).toEqual([
      ['a#q0', 'b#q0'],
      ['a#q1', 'b#q1'],
    ])
    expect(result.clusters.map((c) => c.id)).toEqual(['k0', 'k1'])
  })

  it('never clusters scare quotes and other terms', () => {
    const result = corpus({
      a: ['The so-called “rain tax” passed on Tuesday.'],
      b: ['Voters rejected the so-called “rain tax” in March.'],
    })
    expect(result.quotes.map((q) => q.kind)).toEqual(['term', 'term'])
    expect(result.clusters).toEqual([])

    const quote = (id: string, kind: Quote['kind']) =>
      quoteOf({ id, article: id.slice(0, 1), text: 'the new harbor bridge will open in May', kind })
    const clusters = clusterQuotes([quote('a#q0', 'statement'), quote('b#q0', 'term')])
    expect(clusters.map((c) => c.members.map((m) => m.quote))).toEqual([['a#q0']])
  })

  // A statement, a fragment of it with one word changed, and the same two words of another speaker.
  const GRATEFUL = {
    a: [
      'The mayor spoke.',
      '“We are deeply grateful to the people of the valley for their patience,” Mayor Daniel Okafor said.',
    ],
    b: ['Okafor said the city was “truly grateful” to residents.'],
    c: ['Farmer Luis Reyes said the growers were “truly grateful” for the rain.'],
  }

  it('a two-word fragment with one word changed joins only a statement of the same speaker', () => {
    const result = corpus(GRATEFUL)
    expect(result.clusters.map((c) => c.members.map((m) => m.quote))).toEqual([
      ['a#q0', 'b#q0'],
      ['c#q0'],
    ])
    expect(clusterOf(result, 'b#q0').members[1]).toMatchObject({
      variant: 'fragment',
      diff: [
        { op: 'delete', canonical: 'We are', member: '' },
        { op: 'replace', canonical: 'deeply', member: 'truly' },
        { op: 'equal', canonical: 'grateful', member: 'grateful' },
        { op: 'delete', canonical: 'to the people of the valley for their patience', member: '' },
      ],
    })
  })

  it('where a fragment goes does not depend on which article comes first', () => {
    const result = corpus({ a: GRATEFUL.a, c: GRATEFUL.c, b: GRATEFUL.b })
    expect(result.clusters.map((c) => c.members.map((m) => m.quote))).toEqual([
      ['a#q0', 'b#q0'],
      ['c#q0'],
    ])
  })
})

describe('crossref: disputes over quotes', () => {
  it.each([
    [
      'a pronoun carried from another paragraph',
      'Campaign manager Ruth Okafor released a memo on Monday.',
      'She writes that the campaign has “built a nearly insurmountable lead among both delegates and actual voters.”',
    ],
    [
      'a speaker carried from an earlier sentence',
      'Governor Elena Marsh spoke after the vote.',
      'When the count ended — “We built a nearly insurmountable lead among both delegates and actual voters” — the hall cheered.',
    ],
  ])(
    'attribution: no dispute when one side is %s, not named in the quote’s sentence',
    (_, lead, quoted) => {
      const result = corpus({
        a: [
          'The primary count ended overnight.',
          '“We built a nearly insurmountable lead among both delegates and actual voters,” Senator Tomas Reyes said.',
        ],
        b: ['The primary count ended overnight.', lead, quoted],
      })
      expect(result.disputes.filter((d) => d.kind === 'attribution')).toEqual([])
    },
  )

  it('attribution: the same words given to different speakers by different outlets', () => {
    const result = corpus({
      a: [
        'The drought eased this week.',
        '“The reservoir will be full again by the end of March,” Governor Elena Marsh said.',
      ],
      b: [
        'The drought eased this week.',
        '“The reservoir will be full again by the end of March,” water board chair Tomas Reyes said.',
      ],
    })
    expectWellFormed(result)
    const text = 'The reservoir will be full again by the end of March,'
    expect(result.disputes).toEqual([
      {
        id: 'd0',
        kind: 'attribution',
        summary: expect.stringContaining('Elena Marsh'),
        positions: [
          {
            article: 'a',
            speaker: { id: expect.any(String), name: 'Elena Marsh' },
            text,
            span: expect.any(Object),
          },
          {
            article: 'b',
            speaker: { id: expect.any(String), name: 'Tomas Reyes' },
            text,
            span: expect.any(Object),
          },
        ],
        confidence: expect.any(Number),
        needsJudgement: expect.any(Boolean),
        cluster: 'k0',
        slot: null,
      },
    ])
    expect(result.disputes[0]?.summary).toContain('Tomas Reyes')
    // Two outlets disagreeing on who spoke is no corroboration.
    expect(result.agreements).toEqual([])
  })

  it('wording: a content word changed between outlets, with both wordings as positions', () => {
    const result = corpus({
      a: [
        'Inspectors visited the tunnel.',
        '“Our engineers found serious cracks in the eastern tunnel wall,” Governor Elena Marsh said.',
      ],
      b: [
        'Inspectors visited the tunnel.',
        '“Our engineers found minor cracks in the eastern tunnel wall,” Marsh said.',
      ],
    })
    expectWellFormed(result)
    expect(result.disputes).toHaveLength(1)
    expect(result.disputes[0]).toMatchObject({
      id: 'd0',
      kind: 'wording',
      needsJudgement: true,
      cluster: 'k0',
      slot: null,
      positions: [
        {
          article: 'a',
          speaker: { name: 'Elena Marsh' },
          text: 'Our engineers found serious cracks in the eastern tunnel wall,',
        },
        {
          article: 'b',
          speaker: { name: 'Elena Marsh' },
          text: 'Our engineers found minor cracks in the eastern tunnel wall,',
        },
      ],
    })
    expect(result.disputes[0]?.summary).toContain('“serious” → “minor”')
  })

  it('no wording dispute for an inflection ("jail" → "jails") or a cut: corroboration instead', () => {
    const result = corpus({
      a: [
        'The sheriff spoke on Friday.',
        '“He will house the prisoners in his jail until the trial begins next month,” Sheriff Ida Novak said.',
      ],
      b: [
        'The sheriff spoke on Friday.',
        '“He will house the prisoners in his jails until the trial begins next month,” Novak said.',
      ],
      c: [
        'The sheriff spoke on Friday.',
        '“He will house the prisoners in his jail until the trial begins,” Novak said.',
      ],
    })
    expectWellFormed(result)
    expect(result.clusters).toHaveLength(1)
    expect(result.clusters[0]?.members.map((m) => m.variant)).toEqual([
      'identical',
      'substituted',
      'truncated',
    ])
    expect(result.clusters[0]?.members[1]?.diff).toContainEqual({
      op: 'replace',
      canonical: 'jail',
      member: 'jails',
    })
    expect(result.disputes).toEqual([])
    expect(result.agreements).toEqual([quoteAgreement('Ida Novak')])
  })

  it('agreement of one speaker across outlets is corroboration, never a dispute', () => {
    const result = corpus({
      a: [PORT_MEETING, HARBOR_PLAN],
      b: [
        VOGT_IN_PORT,
        '“The harbor plan will bring thousands of jobs to the coast,” Vogt told reporters.',
      ],
      c: [VOGT_IN_PORT, '“The harbor plan will bring thousands of jobs,” Vogt said.'],
    })
    expectWellFormed(result)
    expect(result.disputes).toEqual([])
    expect(result.agreements).toEqual([quoteAgreement('Karl Vogt')])
  })

  it('wording: content words replaced by fewer words ("thousands of" → "new")', () => {
    const result = corpus({
      a: [PORT_MEETING, HARBOR_PLAN],
      b: [VOGT_IN_PORT, '“The harbor plan will bring new jobs to the coast,” Vogt told reporters.'],
    })
    expect(result.disputes.map((d) => d.kind)).toEqual(['wording'])
  })
})

describe('crossref: contested claims', () => {
  it('a legal objection ("is prohibited") contests the statement it names', () => {
    const result = corpus({
      a: [
        'The ministry announced the plan on Monday.',
        '“We will deport the detained farm workers to their home country next week,” Interior Minister Karl Vogt said.',
      ],
      b: [
        'Lawyers reacted quickly.',
        'Law professor Ana Ruiz said, “Deporting the detained farm workers is prohibited under the treaty.”',
      ],
    })
    expectWellFormed(result)
    expect(result.disputes).toEqual([
      {
        id: 'd0',
        kind: 'contested',
        summary: expect.stringContaining('Ana Ruiz'),
        positions: [
          {
            article: 'a',
            speaker: { id: expect.any(String), name: 'Karl Vogt' },
            text: 'We will deport the detained farm workers to their home country next week,',
            span: expect.any(Object),
          },
          {
            article: 'b',
            speaker: { id: expect.any(String), name: 'Ana Ruiz' },
            text: 'Deporting the detained farm workers is prohibited under the treaty.',
            span: expect.any(Object),
          },
        ],
        confidence: expect.any(Number),
        needsJudgement: true,
        cluster: 'k1',
        slot: null,
      },
    ])
  })

  it('a voice that "criticized … saying" contests what it criticizes', () => {
    const result = corpus({
      a: [PORT_MEETING, HARBOR_PLAN],
      b: [
        'Opposition leader Maria Lopez criticized the harbor plan, saying, “It will only bring more pollution to the coast.”',
      ],
    })
    expectWellFormed(result)
    expect(result.disputes).toHaveLength(1)
    expect(result.disputes[0]).toMatchObject({
      kind: 'contested',
      needsJudgement: true,
      positions: [
        { article: 'a', speaker: { name: 'Karl Vogt' } },
        {
          article: 'b',
          speaker: { name: 'Maria Lopez' },
          text: 'It will only bring more pollution to the coast.',
        },
      ],
    })
  })

  it('a voice that praises is no dispute', () => {
    const result = corpus({
      a: [PORT_MEETING, HARBOR_PLAN],
      b: [
        'Council member Jo Park praised the harbor plan, saying, “It will bring good jobs to the coast at last.”',
      ],
    })
    expect(result.disputes).toEqual([])
  })

  it('advice introduced by "warned" does not contest a statement it does not oppose', () => {
    const result = corpus({
      a: [
        'The heat arrived on Monday.',
        '“The city will open cooling centers for children during the heat wave,” Mayor Daniel Okafor said.',
      ],
      b: [
        'The heat arrived on Monday.',
        'Pediatrician Lena Ford warned, “Children should drink more water during the heat wave.”',
      ],
    })
    expect(result.disputes).toEqual([])
  })
})

describe('crossref: facts', () => {
  it('a figure of someone named never meets the same kind of figure of no one named', () => {
    const articles = [
      normalizeArticle({
        id: 'a',
        content:
          'Donors lined up behind the senator this month.\n\nThe insurance company Starr gave $10 million to a group backing the senator.',
        metadata: { published: '2016-03-20' },
      }),
      normalizeArticle({
        id: 'b',
        content:
          'Donors lined up behind the senator this month.\n\nAll told, a group of donors gave $2.5 million to the group backing the senator.',
        metadata: { published: '2016-03-22' },
      }),
    ]
    const result = crossReference(articles)
    expect(result.disputes.filter((d) => d.kind === 'fact')).toEqual([])
    expect(result.updates).toEqual([])
  })

  const PRISON = ['hold', 'inmate', 'prison']
  // What a slot is about: its claims' shared words, the value's own words ("inmates") aside.
  const PRISON_SLOT = ['hold', 'prison']
  const count = (value: number, qualifier: Claim['qualifier'] = null): ClaimFields => ({
    kind: 'count',
    value,
    unit: 'people',
    noun: 'inmates',
    qualifier,
    keywords: PRISON,
  })

  it('a fact dispute: two outlets give values that do not meet', () => {
    const result = factPair(
      ['The new prison can hold 40,000 inmates, officials said.', '40,000 inmates', count(40000)],
      ['The new prison can hold 20,000 inmates.', '20,000 inmates', count(20000)],
    )
    expectWellFormed(result)
    expect(result.slots).toEqual([
      {
        id: 's0',
        kind: 'count',
        unit: 'people',
        measure: 'capacity',
        keywords: PRISON_SLOT,
        claims: ['a#c0', 'b#c0'],
        values: [
          { value: 40000, articles: ['a'], claims: ['a#c0'] },
          { value: 20000, articles: ['b'], claims: ['b#c0'] },
        ],
        agrees: false,
        update: null,
      },
    ])
    expect(result.disputes).toEqual([
      {
        id: 'd0',
        kind: 'fact',
        summary: expect.any(String),
        positions: [
          {
            article: 'a',
            speaker: null,
            text: 'The new prison can hold 40,000 inmates, officials said.',
            span: { start: 0, end: 55 },
          },
          {
            article: 'b',
            speaker: null,
            text: 'The new prison can hold 20,000 inmates.',
            span: { start: 0, end: 39 },
          },
        ],
        confidence: expect.any(Number),
        needsJudgement: expect.any(Boolean),
        cluster: null,
        slot: 's0',
      },
    ])
    expect(result.agreements).toEqual([])
  })

  const agreeing: Array<[string, [string, string, ClaimFields], [string, string, ClaimFields]]> = [
    [
      'values within rounding',
      ['The new prison can hold 40,000 inmates.', '40,000 inmates', count(40000)],
      ['The new prison can hold 40,500 inmates.', '40,500 inmates', count(40500)],
    ],
    [
      '"about" a value',
      ['The new prison can hold about 40,000 inmates.', 'about 40,000', count(40000, 'about')],
      ['The new prison can hold 44,000 inmates.', '44,000 inmates', count(44000)],
    ],
    [
      '"up to" a bound',
      ['The new prison can hold up to 40,000 inmates.', 'up to 40,000', count(40000, 'up-to')],
      ['The new prison can hold 35,000 inmates.', '35,000 inmates', count(35000)],
    ],
    [
      '"more than" a bound',
      [
        'The new prison can hold more than 20,000 inmates.',
        'more than 20,000',
        count(20000, 'more-than'),
      ],
      ['The new prison can hold 25,000 inmates.', '25,000 inmates', count(25000)],
    ],
    [
      'a weekday and an ISO date on that weekday',
      [
        'The minister arrived in the capital on Monday.',
        'on Monday',
        { kind: 'day', value: 'monday', keywords: ['arrive', 'capital', 'minister'] },
      ],
      [
        'The minister arrived in the capital on February 3, 2025.',
        'February 3, 2025',
        { kind: 'day', value: '2025-02-03', keywords: ['arrive', 'capital', 'minister'] },
      ],
    ],
  ]
  for (const [name, a, b] of agreeing) {
    it(`no dispute for ${name}: one slot that agrees, reported as corroboration`, () => {
      const result = factPair(a, b)
      expectWellFormed(result)
      expect(result.slots).toHaveLength(1)
      expect(result.slots[0]).toMatchObject({
        claims: ['a#c0', 'b#c0'],
        values: [{ value: a[2].value, articles: ['a', 'b'], claims: ['a#c0', 'b#c0'] }],
        agrees: true,
      })
      expect(result.disputes).toEqual([])
      expect(result.agreements).toEqual([
        {
          id: 'a0',
          kind: 'fact',
          summary: expect.any(String),
          articles: ['a', 'b'],
          cluster: null,
          slot: 's0',
        },
      ])
    })
  }

  it('bounds and weekdays still rule out what does not fit', () => {
    const [a, b] = [
      normalizeArticle({ id: 'a', content: 'It holds 40,000 on Monday.' }),
      normalizeArticle({ id: 'b', content: 'It holds 50,000.' }),
    ]
    const one = (article: Article, fields: ClaimFields) =>
      claimsOf(article, [['It holds', fields]])[0] as Claim
    const pairs: Array<[ClaimFields, ClaimFields, boolean]> = [
      [count(40000, 'up-to'), count(50000), false],
      [count(20000, 'more-than'), count(15000), false],
      [count(40000, 'about'), count(50000), false],
      [count(40000, 'less-than'), count(30000), true],
      [count(40000, 'at-least'), count(45000), true],
      [count(40000), count(41900), true],
      [count(40000), count(43000), false],
      [{ kind: 'day', value: 'tuesday' }, { kind: 'day', value: '2025-02-03' }, false],
      [{ kind: 'day', value: 'Monday' }, { kind: 'day', value: '2025-02-03' }, true],
      [{ kind: 'place', value: 'San Salvador' }, { kind: 'place', value: 'san salvador' }, true],
    ]
    for (const [x, y, same] of pairs) {
      expect([x, y, sameValue(one(a, x), one(b, y))]).toEqual([x, y, same])
      expect([y, x, sameValue(one(b, y), one(a, x))]).toEqual([y, x, same])
    }
  })

  it('claims about different things stay in different slots', () => {
    const a = normalizeArticle({
      id: 'a',
      content: 'The new prison can hold 40,000 inmates. The city hired 300 guards last year.',
    })
    const b = normalizeArticle({ id: 'b', content: 'The new prison can hold 40,000 inmates.' })
    const claims = [
      ...claimsOf(a, [
        ['40,000 inmates', count(40000)],
        ['300 guards', { kind: 'count', value: 300, unit: 'people', keywords: ['guard', 'hire'] }],
      ]),
      ...claimsOf(b, [['40,000 inmates', count(40000)]]),
    ]
    expect(alignClaims(claims).map((s) => s.claims)).toEqual([['a#c0', 'b#c0'], ['a#c1']])
  })

  it("reads each claim's own measure where other articles have the same sentence", () => {
    // Measures are read once per sentence and claim: a claim that differs in anything the
    // measure reads (where it stands, its kind, noun or unit) is read for itself.
    const text = 'The new prison can hold 300 inmates, and the city hired 300 inmates on Monday.'
    const inmates: ClaimFields = { ...count(300), keywords: [] }
    const claimOf = (id: string, nth: 1 | 2, fields: ClaimFields): Claim => {
      const [claim] = claimsOf(normalizeArticle({ id, content: text }), [['300 inmates', fields]])
      const start = nth === 1 ? text.indexOf('300 inmates') : text.lastIndexOf('300 inmates')
      return { ...(claim as Claim), span: { start, end: start + '300 inmates'.length } }
    }
    const claims = [
      claimOf('a', 1, inmates),
      claimOf('b', 2, inmates),
      claimOf('c', 1, { ...inmates, unit: null }),
      claimOf('d', 1, { kind: 'year', value: 300, unit: 'people', noun: 'inmates' }),
      claimOf('e', 2, { ...inmates, noun: 'guards' }),
    ]
    const expected = claims.map((claim) => {
      const measure = measureOf(claim)
      return measure && describeMeasure(measure)
    })
    // Each differs from the claim it copies in one thing, and so does its measure.
    expect(expected).toEqual(['capacity', 'hire inmate', 'capacity inmate', null, 'hire guard'])
    for (const pass of [1, 2])
      expect(
        claims.map((claim) => alignClaims([claim])[0]?.measure ?? null),
        `pass ${pass}`,
      ).toEqual(expected)
  })
})

describe('crossref: actions', () => {
  /** The pipeline over one-sentence articles, with the action claims extractClaims finds in them. */
  const actionCorpus = (texts: Record<string, string>) => {
    const claims = Object.entries(texts).flatMap(([id, content]) =>
      extractClaims(normalizeArticle({ id, content })).claims.filter((c) => c.kind === 'action'),
    )
    return corpus(
      Object.fromEntries(Object.entries(texts).map(([id, text]) => [id, [text]])),
      claims,
    )
  }

  it("two outlets' same action is an agreement", () => {
    const result = actionCorpus({
      a: 'Salvadoran President Nayib Bukele offered to house convicted criminals from the United States.',
      b: 'President Nayib Bukele offered to house convicted American criminals from the United States in his prisons.',
    })
    expectWellFormed(result)
    expect(result.claims.map((c) => c.value)).toEqual([
      'Nayib Bukele offer house',
      'Nayib Bukele offer house',
    ])
    expect(result.slots.map((s) => [s.kind, s.agrees, s.claims])).toEqual([
      ['action', true, ['a#c0', 'b#c0']],
    ])
    expect(result.disputes).toEqual([])
    expect(result.agreements.map((a) => [a.kind, a.articles, a.slot])).toEqual([
      ['fact', ['a', 'b'], 's0'],
    ])
  })

  it('different objects of one verb are no fact dispute; outlets that meet still agree', () => {
    const result = actionCorpus({
      a: 'Nayib Bukele offered his jails to the United States for convicted criminals.',
      b: 'Nayib Bukele offered a prison deal to the United States for convicted criminals.',
      c: 'Nayib Bukele offered his jails to the United States for dangerous convicted criminals.',
    })
    expectWellFormed(result)
    expect(result.claims.map((c) => [c.article, c.value])).toEqual([
      ['a', 'Nayib Bukele offer jail'],
      ['b', 'Nayib Bukele offer deal'],
      ['c', 'Nayib Bukele offer jail'],
    ])
    expect(result.slots.map((s) => [s.kind, s.agrees, s.values.length])).toEqual([
      ['action', false, 2],
    ])
    expect(result.disputes.filter((d) => d.kind === 'fact')).toEqual([])
    expect(result.agreements.map((a) => [a.kind, a.articles, a.slot])).toEqual([
      ['fact', ['a', 'c'], 's0'],
    ])
  })
})

describe('crossref: coverage', () => {
  it('says what each of three articles carries, carries alone, and leaves out', () => {
    const texts = {
      a: [
        PORT_MEETING,
        HARBOR_PLAN,
        '“Construction starts in the autumn and ends within two years,” Vogt added.',
        'The new pier can hold 40 ships.',
      ],
      b: [
        VOGT_IN_PORT,
        '“The harbor plan will bring thousands of jobs to the coast,” Vogt told reporters.',
        '“Construction starts in the autumn and ends within two years,” he said.',
        'The new pier can hold 40 ships.',
      ],
      c: [
        VOGT_IN_PORT,
        '“The harbor plan will bring thousands of jobs to the coast,” Vogt said.',
        '“Fishermen will keep their old moorings at the north quay,” Vogt said.',
      ],
    }
    const articles = Object.entries(texts).map(([id, paragraphs]) =>
      normalizeArticle({ id, content: paragraphs.join('\n\n') }),
    )
    const pier: ClaimFields = {
      kind: 'count',
      value: 40,
      unit: 'ship',
      keywords: ['hold', 'pier', 'ship'],
    }
    const claims = articles
      .filter((article) => article.id !== 'c')
      .flatMap((article) => claimsOf(article, [['40 ships', pier]]))
    const result = corpus(texts, claims)
    expect(result.clusters.map((c) => [c.id, c.articles])).toEqual([
      ['k0', ['a', 'b', 'c']],
      ['k1', ['a', 'b']],
      ['k2', ['c']],
    ])
    const claimArticle = new Map(result.claims.map((c) => [c.id, c.article]))
    expect(measureCoverage(['a', 'b', 'c'], result.clusters, result.slots, claimArticle)).toEqual([
      {
        article: 'a',
        clusters: ['k0', 'k1'],
        slots: ['s0'],
        alone: { clusters: [], slots: [] },
        missing: { clusters: [], slots: [] },
      },
      {
        article: 'b',
        clusters: ['k0', 'k1'],
        slots: ['s0'],
        alone: { clusters: [], slots: [] },
        missing: { clusters: [], slots: [] },
      },
      {
        article: 'c',
        clusters: ['k0', 'k2'],
        slots: [],
        alone: { clusters: ['k2'], slots: [] },
        missing: { clusters: ['k1'], slots: ['s0'] },
      },
    ])
  })
})

describe('crossref: properties', () => {
  const STATEMENTS = [
    'We will rebuild the old harbor bridge before the winter storms arrive',
    'Our engineers found serious cracks in the eastern tunnel wall',
    'The harbor plan will bring thousands of jobs to the coast',
    'The new library will open in the spring with longer hours',
    'We are deeply grateful to the people of the valley',
  ].map((s) => s.split(' '))
  const NAMES = ['Daniel Okafor', 'Elena Marsh', 'Tomas Reyes', 'Rita Hale']
  const SWAPS = ['new', 'old', 'the', 'U.S.', 'jails', 'truly', 'bridge', 'it’s', '1,000']

  /** Some words of a statement, cut anywhere, perhaps with one word changed. */
  const quoted = fc
    .record({
      statement: fc.nat({ max: STATEMENTS.length - 1 }),
      from: fc.nat({ max: 11 }),
      length: fc.integer({ min: 1, max: 12 }),
      swap: fc.option(fc.tuple(fc.nat({ max: 11 }), fc.constantFrom(...SWAPS)), { nil: null }),
    })
    .map(({ statement, from, length, swap }) => {
      const words = [...(STATEMENTS[statement] as string[])]
      if (swap) words[swap[0] % words.length] = swap[1]
      const start = from % words.length
      return words.slice(start, start + length).join(' ')
    })
  const paragraph = fc
    .tuple(fc.integer({ min: 0, max: 4 }), quoted, fc.constantFrom(...NAMES))
    .map(([form, words, name]) => {
      switch (form) {
        case 0:
          return `“${words},” ${name} said.`
        case 1:
          return `${name} said the plan was “${words}” on Monday.`
        case 2:
          return `The so-called “${words}” was discussed again.`
        case 3:
          return `“${words},” he said. “${words}.”`
        default:
          return `${name} criticized the plan, saying, “${words}.”`
      }
    })
  const article = fc.array(paragraph, { minLength: 1, maxLength: 4 })
  const articles = fc.array(article, { minLength: 1, maxLength: 4 })

  const run = (paragraphs: string[][]) =>
    corpus(Object.fromEntries(paragraphs.map((ps, i) => [`n${i}`, ['The council met.', ...ps]])))

  function expectClustersHold(quotes: readonly Quote[], clusters: readonly QuoteCluster[]) {
    const members = clusters.flatMap((c) => c.members.map((m) => m.quote))
    const expected = quotes
      .filter((q) => q.kind !== 'term' && wordTokens(q.text).length > 0)
      .map((q) => q.id)
    expect([...members].sort()).toEqual([...expected].sort())
    expectDiffsReadBack(clusters)
  }

  it('every non-term quote of a generated corpus lands in exactly one cluster, and every diff reads back both ways', () => {
    fc.assert(
      fc.property(articles, (paragraphs) => {
        const result = run(paragraphs)
        expectClustersHold(result.quotes, result.clusters)
        expectWellFormed(result)
      }),
      { numRuns: NUM_RUNS },
    )
  })

  it('gives the same clusters, disputes and agreements on every run', () => {
    fc.assert(
      fc.property(articles, (paragraphs) => {
        expect(run(paragraphs)).toEqual(run(paragraphs))
      }),
      { numRuns: NUM_RUNS / 2 },
    )
  })

  it('never throws on quotes of arbitrary text, and its diffs still read back', () => {
    const text = fc
      .array(
        fc.oneof(
          fc.constantFrom(...STATEMENTS.flat(), ...SWAPS, ' ', '.', ',', '—', '...', '’'),
          fc.string({ unit: 'grapheme', maxLength: 8 }),
        ),
        { maxLength: 24 },
      )
      .map((parts) => parts.join(' '))
    const quote = fc.record({
      text,
      article: fc.constantFrom('a', 'b', 'c'),
      kind: fc.constantFrom<Quote['kind']>('statement', 'fragment', 'term'),
      speaker: fc.option(fc.constantFrom(...NAMES), { nil: null }),
    })
    fc.assert(
      fc.property(fc.array(quote, { maxLength: 12 }), (specs) => {
        const quotes = specs.map((spec, index) =>
          quoteOf({
            id: `${spec.article}#q${index}`,
            article: spec.article,
            text: spec.text,
            kind: spec.kind,
            speaker: spec.speaker ? { id: spec.speaker.toLowerCase(), name: spec.speaker } : null,
            confidence: spec.speaker ? 0.9 : 0,
          }),
        )
        const clusters = clusterQuotes(quotes)
        expectClustersHold(quotes, clusters)
        expect(clusterQuotes(quotes)).toEqual(clusters)
        const input = { articles: [], quotes, clusters, claims: [], slots: [] }
        expect(findDisputes(input)).toEqual(findDisputes(input))
      }),
      { numRuns: NUM_RUNS * 3 },
    )
  })
})

describe('crossref: fact slots are one fact', () => {
  /** The pipeline over dated articles, with every claim extractClaims finds in them. */
  const facts = (texts: Record<string, [published: string, paragraphs: string[]]>) => {
    const articles = Object.entries(texts).map(([id, [published, paragraphs]]) =>
      normalizeArticle({ id, content: paragraphs.join('\n\n'), metadata: { published } }),
    )
    const { quotes } = resolveSpeakers(articles.map((article) => extractQuotes(article)))
    const claims = articles.flatMap(
      (article) =>
        extractClaims(
          article,
          quotes.filter((q) => q.article === article.id),
        ).claims,
    )
    const clusters = clusterQuotes(quotes)
    const slots = alignClaims(claims)
    return { claims, slots, ...findDisputes({ articles, quotes, clusters, claims, slots }) }
  }
  const sides = (slot: ClaimSlot) => slot.values.map((v) => [v.value, v.articles])

  it('the dead at one venue never meet the dead in all', () => {
    const result = facts({
      a: ['2015-11-14', ['At least 89 people were killed at the Bataclan concert hall.']],
      b: ['2015-11-14', ['In all, 129 people were killed in the attacks on Friday night.']],
      c: ['2015-11-14', ['Gunmen killed 82 people at the Bataclan, police said.']],
    })
    const dead = result.slots.filter((s) => s.measure?.startsWith('dead'))
    expect(dead.map((s) => [s.measure, sides(s)])).toEqual([
      [
        'dead in bataclan',
        [
          [89, ['a']],
          [82, ['c']],
        ],
      ],
      ['dead in all', [[129, ['b']]]],
    ])
    expect(result.disputes.map((d) => [d.kind, d.slot])).toEqual([['fact', dead[0]?.id]])
  })

  it('the injured never meet those in critical condition', () => {
    const result = facts({
      a: [
        '2015-11-14',
        ['Some 352 people were injured.', 'Another 99 people were in critical condition.'],
      ],
      b: [
        '2015-11-14',
        [
          'At least 300 people were injured, officials said.',
          'Doctors said 80 people were in critical condition.',
        ],
      ],
    })
    expect(
      result.slots.filter((s) => s.claims.length > 1).map((s) => [s.measure, sides(s), s.agrees]),
    ).toEqual([
      ['injured', [[352, ['a', 'b']]], true],
      [
        'critical',
        [
          [99, ['a']],
          [80, ['b']],
        ],
        false,
      ],
    ])
    expect(result.disputes.map((d) => d.kind)).toEqual(['fact'])
  })

  it.each([
    [
      'security staff mobilised never meet a stadium crowd',
      '2015-11-14',
      'Some 1,500 security staff were mobilised around the stadium.',
      'About 80,000 fans were inside the stadium.',
    ],
    [
      'a number about another thing in another sentence is no conflict',
      '2025-03-03',
      'The bridge cost $40 million, city officials said.',
      'The city spent $12 million on new buses last year.',
    ],
  ])('%s', (_, published, a, b) => {
    const result = facts({ a: [published, [a]], b: [published, [b]] })
    expect(result.slots.every((s) => s.claims.length === 1)).toBe(true)
    expect(result.disputes).toEqual([])
  })

  it('a death toll that “has risen to” a new figure is an update with both dates, not a dispute', () => {
    const result = facts({
      a: ['2015-11-14', ['Officials put the death toll at 120 on Saturday.']],
      b: ['2015-11-15', ['The death toll has risen to 129, prosecutors said.']],
    })
    expect(result.disputes).toEqual([])
    const slot = result.slots.find((s) => s.claims.length === 2)
    expect(slot).toMatchObject({ measure: 'dead in all', agrees: false })
    expect(result.updates).toEqual([
      {
        slot: slot?.id,
        from: { value: 120, articles: ['a'], published: '2015-11-14' },
        to: { value: 129, articles: ['b'], published: '2015-11-15' },
        evidence: 'wording',
        claim: 'b#c0',
        summary: expect.stringContaining('120 in a on 2015-11-14, then 129 in b on 2015-11-15'),
      },
    ])
  })

  it('a later article’s different count is an update by its date', () => {
    const result = facts({
      a: ['2015-11-14', ['Officials said 118 people were killed.']],
      b: ['2015-11-16', ['Officials said 129 people were killed.']],
    })
    expect(result.disputes).toEqual([])
    expect(result.updates).toMatchObject([
      { from: { value: 118 }, to: { value: 129, published: '2015-11-16' }, evidence: 'dates' },
    ])
  })

  it('the same figure on the same day from two outlets that differ is a dispute', () => {
    const result = facts({
      a: ['2015-11-14', ['Officials said 118 people were killed.']],
      b: ['2015-11-14', ['Officials said 129 people were killed.']],
    })
    expect(result.updates).toEqual([])
    expect(result.disputes.map((d) => d.kind)).toEqual(['fact'])
  })

  it('two outlets that print one page of many days of one event agree on every day, past the bound on candidates', () => {
    // More clauses than alignment compares by default (64): each day must meet its twin.
    const names = ['Maria Lopez', 'John Smith', 'Ana Petrova']
    const clauses = Array.from(
      { length: 120 },
      (_, i) =>
        `on ${1 + (i % 28)} March ${2000 + (i % 20)} ${names[i % 3]} counted ${i * 7 + 3} people`,
    )
    const text = `The report said that ${clauses.join(', and ')}.`
    const page = (id: string) =>
      normalizeArticle({ id, content: text, metadata: { published: '2021-05-01' } })
    const result = crossReference([page('a'), page('b')])
    expect(result.claims.length).toBeGreaterThan(200)
    expect(result.disputes).toEqual([])
    const shared = result.slots.filter((slot) => slot.values[0]?.articles.length === 2)
    expect(shared.length).toBeGreaterThan(100)
    for (const slot of result.slots) expect(slot.values).toHaveLength(1)
  })

  it('events of two subjects never meet: two polls, two candidates who quit', () => {
    const result = facts({
      a: [
        '2016-05-05',
        [
          'The Fox News poll was conducted by telephone on February 15 among registered voters.',
          'Senator Ann Vale, after suspending her campaign Tuesday night, thanked her staff.',
        ],
      ],
      b: [
        '2016-05-05',
        [
          'The AP-GfK poll was conducted online on February 11 among registered voters.',
          'Governor Tom Reyes suspended his campaign Wednesday evening in Columbus.',
        ],
      ],
    })
    expect(result.slots.filter((s) => s.claims.length > 1 && s.kind !== 'action')).toEqual([])
    expect(result.disputes).toEqual([])
  })

  it('a weekday one article reads as last week and another as next week is one day', () => {
    const result = facts({
      a: ['2016-02-08', ['Governor Tom Reyes will win the primary on Tuesday, his aides said.']],
      b: ['2016-02-08', ['Governor Tom Reyes won the primary on Tuesday.']],
    })
    expect(result.disputes).toEqual([])
  })

  it('days said of a statement never meet; the day of one event by one actor does', () => {
    const result = facts({
      a: [
        '2025-02-04',
        [
          'Senator Ann Vale said on Tuesday that the plan would be studied.',
          'During his visit to the port on Monday, Governor Tom Reyes said that the state would be willing to pay for the dredging.',
        ],
      ],
      b: [
        '2025-02-05',
        [
          'Vale said on Wednesday that the plan would be studied.',
          'The offer came in meetings on Tuesday with Senator Vale.',
        ],
      ],
    })
    const days = result.slots.filter((s) => s.kind === 'day' && s.claims.length > 1)
    expect(days.map((s) => [s.measure, sides(s)])).toEqual([
      [
        'offer/visit (reyes)',
        [
          ['2025-02-03', ['a']],
          ['2025-02-04', ['b']],
        ],
      ],
    ])
    expect(result.disputes.map((d) => [d.kind, d.slot])).toEqual([['fact', days[0]?.id]])
  })
})

describe('crossref: what a wording dispute is', () => {
  const pair = (a: string, b: string) =>
    corpus({
      a: ['The mayor spoke.', `“${a},” Mayor Tom Baker said.`],
      b: ['The mayor spoke.', `“${b},” Baker said.`],
    })

  const same: Array<[string, string, string]> = [
    [
      'British and American spelling',
      'We organised the centre of the programme around the harbour',
      'We organized the center of the program around the harbor',
    ],
    [
      'hyphenation',
      'The mega-prison will open to visitors next spring',
      'The megaprison will open to visitors next spring',
    ],
    [
      'numerals and words',
      'We hired three hundred new teachers this year',
      'We hired three 100 new teachers this year',
    ],
    [
      'one country in two spellings',
      'The U.S. will pay for the new bridge over the river',
      'The United States will pay for the new bridge over the river',
    ],
    [
      'a cut marked with an ellipsis',
      'We finished the bridge on time and under budget and the city should be proud',
      'We finished the bridge … under budget and the city should be proud',
    ],
  ]
  for (const [name, a, b] of same) {
    it(`no wording dispute for ${name}`, () => {
      const result = pair(a, b)
      expect(result.clusters).toHaveLength(1)
      expect(result.disputes).toEqual([])
    })
  }

  const changed: Array<[string, string, string, string]> = [
    [
      'a reversed word',
      'We finished the bridge early and under budget',
      'We finished the bridge early and over budget',
      '“under” → “over”',
    ],
    [
      'a negation dropped inside the quote',
      'We will not raise taxes on the families of this city',
      'We will raise taxes on the families of this city',
      '“not” left out',
    ],
    [
      'a content word left out inside the quote',
      'The fee makes our entire prison system sustainable for years',
      'The fee makes our entire prison sustainable for years',
      '“system” left out',
    ],
  ]
  for (const [name, a, b, summary] of changed) {
    it(`a wording dispute for ${name}`, () => {
      const result = pair(a, b)
      expect(result.disputes.map((d) => d.kind)).toEqual(['wording'])
      expect(result.disputes[0]?.summary).toContain(summary)
    })
  }

  it('a fragment of four words or fewer makes no attribution or wording dispute with another speaker', () => {
    const result = corpus({
      a: [
        'The governor spoke.',
        '“The situation at the border is out of control and we need help now,” Governor Ann Vale said.',
      ],
      b: [
        'The sheriff spoke.',
        'Sheriff Tom Reyes said the traffic was “out of control” on Friday.',
      ],
      c: ['The sheriff spoke.', 'Sheriff Tom Reyes said the roads were “totally out of control”.'],
    })
    expect(result.disputes).toEqual([])
  })
})

describe('crossref: precision of attribution and contested disputes', () => {
  it('a description or a second form of one name is no other speaker', () => {
    const statement =
      'We received an inquiry from the state attorney general and are cooperating fully'
    const result = corpus({
      a: ['The company spoke.', `“${statement},” a company spokesperson said.`],
      b: ['The company spoke.', `“${statement},” said James P. Kennedy Jr.`],
      c: ['The company spoke.', `“${statement},” said James Kennedy.`],
    })
    expect(result.clusters).toHaveLength(1)
    expect(result.disputes).toEqual([])
  })

  it('condemning an act contests no statement', () => {
    const result = corpus({
      a: [
        'The embassy spoke.',
        '“We stand with our allies as they recover from this terrible attack on the harbor,” Ambassador Ann Vale said.',
      ],
      b: [
        'President Tom Reyes released a statement condemning “the horrific attack on the harbor and its people.”',
      ],
    })
    expect(result.disputes.filter((d) => d.kind === 'contested')).toEqual([])
  })

  it('criticism of someone contests none of their statements it does not touch', () => {
    const articles = [
      normalizeArticle({
        id: 'a',
        content:
          'The mayor spoke.\n\n“The new stadium will be paid for by private investors, and the renters nearby will keep their homes,” Mayor Ann Vale said.',
      }),
      normalizeArticle({
        id: 'b',
        content:
          'Councillor Tom Reyes criticized Vale’s record in office, saying, “Nothing she promised the renters has been delivered.”',
      }),
    ]
    // The speakers, so that the dissent's naming Vale is read.
    const { quotes, speakers } = resolveSpeakers(articles.map((article) => extractQuotes(article)))
    const clusters = clusterQuotes(quotes)
    const input = { articles, speakers, quotes, clusters, claims: [], slots: [] }
    expect(findDisputes(input).disputes).toEqual([])
    // Criticism of what she said is contested.
    const answered = normalizeArticle({
      id: 'b',
      content:
        'Councillor Tom Reyes criticized Vale’s promise to the renters, saying, “Nothing she promised the renters has been delivered.”',
    })
    const second = resolveSpeakers([articles[0] as Article, answered].map((a) => extractQuotes(a)))
    expect(
      findDisputes({
        ...input,
        articles: [articles[0] as Article, answered],
        speakers: second.speakers,
        quotes: second.quotes,
        clusters: clusterQuotes(second.quotes),
      }).disputes.map((d) => [d.kind, d.positions.map((p) => p.speaker?.name)]),
    ).toEqual([['contested', ['Ann Vale', 'Tom Reyes']]])
  })

  it('an accusation contests no statement that only shares a person’s name with what it accuses', () => {
    const article = normalizeArticle({
      id: 'a',
      content: [
        'The merger went to court.',
        'Mary Major, the board’s former chair, said: “I signed a strict agreement with Mr. Doe and the board about the merger.”',
        'The lawsuit accuses the Doe company of “trying to bully Ms. Major into silence about the merger agreement with the board.”',
        'John Doe said: “We will fight this in court and we will win.”',
      ].join('\n\n'),
    })
    const { quotes, speakers } = resolveSpeakers([extractQuotes(article)])
    const input = {
      articles: [article],
      speakers,
      quotes,
      clusters: clusterQuotes(quotes),
      claims: [],
      slots: [],
    }
    // The lawsuit and Mary Major both speak, and share "merger", "agreement", "board".
    expect(quotes.map((q) => q.speaker?.name)).toEqual(['Mary Major', 'The lawsuit', 'John Doe'])
    expect(findDisputes(input).disputes).toEqual([])
  })

  it('a speaker the model guessed neither contests nor is contested', () => {
    const result = corpus({
      a: [
        'The union sent both candidates a questionnaire on Monday.',
        'Senator Tom Reyes answered every question.',
        'One sweeping question asked whether the candidates would “actively work to preserve the pay and pensions of federal employees, and ensure that federal workers receive pay raises.”',
        'Senator Ann Vale supports “appropriate pay raises,” opposes “across-the-board arbitrary pay freezes” and recalled the three-year freeze on federal pay: “I saw how difficult it was for employees to be told that their paychecks would not rise. The government cannot keep good employees if it does not pay them fairly.”',
      ],
    })
    // The union's question has no speaker in the text: the model's guess is Tom Reyes.
    expect(result.quotes[0]).toMatchObject({ rule: 'nearest-speaker', mention: null })
    expect(result.disputes.filter((d) => d.kind === 'contested')).toEqual([])
  })

  it('the dissenter’s own title names no one they answer', () => {
    const result = corpus({
      a: [
        'The mayor spoke.',
        '“The new stadium will be paid for by private investors alone,” Mayor Ann Vale said.',
        'Vale spokesman Tom Reyes said, “Any plan that puts the stadium on the public budget is wrong.”',
      ],
    })
    expect(result.disputes.filter((d) => d.kind === 'contested')).toEqual([])
  })
})
