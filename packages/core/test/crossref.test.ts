import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
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
import { extractQuotes, normalizeArticle, resolveSpeakers } from '../src/index.js'
import type {
  Article,
  Claim,
  ClaimSlot,
  Corroboration,
  Dispute,
  Quote,
  QuoteCluster,
  Span,
  WordChange,
} from '../src/types.js'

const NUM_RUNS = 100

const diff = (canonical: string, member: string) =>
  diffWords(wordTokens(canonical), wordTokens(member))

const slice = (article: Article, span: Span) => article.original.slice(span.start, span.end)

interface Corpus {
  articles: Article[]
  quotes: Quote[]
  clusters: QuoteCluster[]
  claims: Claim[]
  slots: ClaimSlot[]
  disputes: Dispute[]
  agreements: Corroboration[]
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
  result.agreements.forEach((agreement, index) => expect(agreement.id).toBe(`a${index}`))
}

type ClaimFields = Pick<Claim, 'kind' | 'value'> & Partial<Omit<Claim, 'id' | 'article'>>

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

  // BUG: jsdiff pairs the member's "the" with the first "the" of the canonical, so the
  // diff is delete "We have offered", equal "the", delete "city the", equal … and the
  // variant 'omitted-words'. Expected: one cut at the start and 'truncated'.
  it.fails('a cut at the start stays one cut when the first kept word also stands earlier', () => {
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

    const quote = (id: string, kind: Quote['kind']): Quote => ({
      id,
      article: id.slice(0, 1),
      text: 'the new harbor bridge will open in May',
      span: { start: 0, end: 38 },
      kind,
      paragraph: 0,
      speaker: null,
      mention: null,
      cue: null,
      channel: null,
      confidence: 0,
      rule: null,
      continues: null,
    })
    const clusters = clusterQuotes([quote('a#q0', 'statement'), quote('b#q0', 'term')])
    expect(clusters.map((c) => c.members.map((m) => m.quote))).toEqual([['a#q0']])
  })

  it('a two-word fragment with one word changed joins only a statement of the same speaker', () => {
    const result = corpus({
      a: [
        'The mayor spoke.',
        '“We are deeply grateful to the people of the valley for their patience,” Mayor Daniel Okafor said.',
      ],
      b: ['Okafor said the city was “truly grateful” to residents.'],
      c: ['Farmer Luis Reyes said the growers were “truly grateful” for the rain.'],
    })
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

  // BUG: with the other speaker's article first, Okafor's “truly grateful” joins Reyes's
  // identical two words (one cluster k1 with speakers Reyes and Okafor, reported as
  // corroboration "b and c quote: “truly grateful”"). Expected: the same clusters as in
  // the other order, Okafor's fragment with Okafor's statement.
  it.fails('where a fragment goes does not depend on which article comes first', () => {
    const result = corpus({
      a: [
        'The mayor spoke.',
        '“We are deeply grateful to the people of the valley for their patience,” Mayor Daniel Okafor said.',
      ],
      c: ['Farmer Luis Reyes said the growers were “truly grateful” for the rain.'],
      b: ['Okafor said the city was “truly grateful” to residents.'],
    })
    expect(result.clusters.map((c) => c.members.map((m) => m.quote))).toEqual([
      ['a#q0', 'b#q0'],
      ['c#q0'],
    ])
  })
})
