import { describe, expect, it } from 'vitest'
import { measureCoverage, wordTokens } from '../src/crossref/index.js'
import { crossReference } from '../src/index.js'
import type { Dispute, Quote, QuoteCluster } from '../src/types.js'
import { expectDiffsReadBack } from './helpers.js'
import { articles, IDS, type SeedId, seed, slice } from './seed-articles.js'

const [BREITBART, NBC, SUN, TEXAS, POST] = IDS

const result = crossReference(IDS.map((id) => seed(id)))

const quotesStarting = (id: SeedId, start: string) =>
  result.quotes.filter((q) => q.article === id && q.text.startsWith(start))

/** The only quote of a seed whose text starts with `start`. */
function quote(id: SeedId, start: string): Quote {
  const found = quotesStarting(id, start)
  expect(found.map((q) => q.text)).toHaveLength(1)
  return found[0] as Quote
}

/** The cluster that holds a quote. */
function clusterOf(q: Quote): QuoteCluster {
  const found = result.clusters.filter((c) => c.members.some((m) => m.quote === q.id))
  expect(found).toHaveLength(1)
  return found[0] as QuoteCluster
}

/** A dispute's position holding quote `q` of `article`. */
const positionOf = (article: SeedId, q: Quote) => ({
  article,
  speaker: q.speaker,
  text: q.text,
  span: q.span,
})

const disputesOn = (cluster: QuoteCluster, kind: Dispute['kind']) =>
  result.disputes.filter((d) => d.kind === kind && d.cluster === cluster.id)

const contestedBy = (name: string) =>
  result.disputes.filter(
    (d) => d.kind === 'contested' && d.positions.some((p) => p.speaker?.name === name),
  )

/** Each position as [article, speaker name], sorted. */
const sides = (dispute: Dispute | undefined) =>
  (dispute?.positions ?? []).map((p) => [p.article, p.speaker?.name ?? null]).sort()

describe('crossref seeds: invariants', () => {
  it('puts every quote that is not a term in exactly one cluster', () => {
    const members = result.clusters.flatMap((c) => c.members.map((m) => m.quote))
    const expected = result.quotes.filter((q) => q.kind !== 'term').map((q) => q.id)
    expect([...members].sort()).toEqual([...expected].sort())
    expect(result.clusters.map((c) => c.id)).toEqual(result.clusters.map((_, i) => `k${i}`))
  })

  it('every member slices back to its text, and its diff reads back to both wordings', () => {
    for (const cluster of result.clusters) {
      for (const member of cluster.members) {
        expect(slice(seed(member.article as SeedId), member.span)).toBe(member.text)
      }
    }
    expectDiffsReadBack(result.clusters)
  })

  it('every dispute position slices back to its text; confidence is 0–1; ids count from 0', () => {
    expect(result.disputes.length).toBeGreaterThan(0)
    result.disputes.forEach((dispute, index) => {
      expect(dispute.id).toBe(`d${index}`)
      expect(dispute.confidence).toBeGreaterThanOrEqual(0)
      expect(dispute.confidence).toBeLessThanOrEqual(1)
      for (const position of dispute.positions) {
        const article = articles.get(position.article)
        expect(article).toBeDefined()
        if (article) expect(slice(article, position.span)).toBe(position.text)
      }
    })
    result.agreements.forEach((agreement, index) => {
      expect(agreement.id).toBe(`a${index}`)
    })
  })

  it('gives the same output on every run', () => {
    expect(crossReference(IDS.map((id) => seed(id)))).toEqual(result)
  })
})

describe('crossref seeds: what the outlets share', () => {
  it('Bukele’s “We have offered the United States of America …” is one cluster carried by all five', () => {
    const full = quote(SUN, 'We have offered the United States of America')
    const cluster = clusterOf(full)
    const parts = [
      quote(NBC, 'the opportunity to outsource'),
      quote(NBC, 'We are willing to take in'),
      quote(TEXAS, 'We have offered the United States of America'),
      quote(TEXAS, 'We are willing to take in'),
      quote(POST, 'we are willing to take in'),
    ]
    for (const part of parts) expect(clusterOf(part).id).toBe(cluster.id)
    expect(cluster.canonical).toBe(full.text)
    // Breitbart carries it only by Bukele's word “mega-prison” ("a 40,000-bed “mega-prison”").
    expect(cluster.articles).toEqual([...IDS])
    const megaPrison = quotesStarting(BREITBART, 'mega-prison').filter(
      (q) => q.speaker?.name === 'Nayib Bukele',
    )
    expect(megaPrison).toHaveLength(1)
    expect(clusterOf(megaPrison[0] as Quote).id).toBe(cluster.id)
    for (const member of cluster.members.filter((m) => wordTokens(m.text).length >= 3))
      expect(member.speaker?.name).toBe('Nayib Bukele')
    expect(disputesOn(cluster, 'attribution')).toEqual([])
    expect(disputesOn(cluster, 'wording')).toEqual([])
    expect(result.agreements.filter((a) => a.cluster === cluster.id)).toMatchObject([
      { kind: 'quote', articles: [...IDS] },
    ])
    expect(cluster.members.find((m) => m.quote === full.id)?.variant).toBe('identical')
    expect(cluster.members.find((m) => m.quote === parts[2]?.id)?.variant).toBe('truncated')
  })

  it('quoting only one sentence of Bukele’s post is a cut, not omitted words', () => {
    const cluster = clusterOf(quote(SUN, 'We have offered the United States of America'))
    const parts = [
      quote(NBC, 'the opportunity to outsource'),
      quote(NBC, 'We are willing to take in'),
      quote(TEXAS, 'We are willing to take in'),
      quote(POST, 'we are willing to take in'),
    ]
    expect(parts.map((part) => cluster.members.find((m) => m.quote === part.id)?.variant)).toEqual([
      'truncated',
      'truncated',
      'truncated',
      'truncated',
    ])
  })

  it('the fee statement (“relatively low … significant for us”) is corroboration; 004 alone drops a word', () => {
    const full = quote(NBC, 'The fee would be relatively low')
    const cluster = clusterOf(full)
    for (const part of [
      quote(BREITBART, 'relatively low'),
      quote(BREITBART, 'significant for us'),
      quote(SUN, 'significant for us'),
      quote(TEXAS, 'our entire prison system sustainable'),
      quote(POST, 'the fee would be relatively low'),
    ])
      expect(clusterOf(part).id).toBe(cluster.id)
    expect(cluster.speakers.map((s) => s.name)).toEqual(['Nayib Bukele'])
    // 004 prints “our entire prison sustainable”: “system” left out inside the quote.
    expect(result.disputes.filter((d) => d.cluster === cluster.id)).toMatchObject([
      { kind: 'wording', summary: expect.stringContaining(`“system” left out (${POST})`) },
    ])
    const agreement = result.agreements.filter((a) => a.cluster === cluster.id)
    expect(agreement).toMatchObject([{ kind: 'quote', articles: [...IDS] }])
    expect(agreement[0]?.summary).toContain('Nayib Bukele')
  })

  it('Rubio’s “No country’s ever made an offer of friendship such as this” is corroboration', () => {
    const cluster = clusterOf(quote(BREITBART, 'No country’s ever made an offer'))
    expect(cluster.articles).toEqual([BREITBART, POST])
    expect(cluster.speakers.map((s) => s.name)).toEqual(['Marco Rubio'])
    expect(result.disputes.filter((d) => d.cluster === cluster.id)).toEqual([])
    expect(result.agreements.filter((a) => a.cluster === cluster.id)).toMatchObject([
      { kind: 'quote', articles: [BREITBART, POST] },
    ])
  })

  it('coverage: Rubio’s Costa Rica remarks are Breitbart’s alone, Volpp’s objection Breitbart Texas’s', () => {
    const coverage = measureCoverage([...IDS], result.clusters, [], new Map())
    const of = (id: SeedId) => coverage.find((c) => c.article === id)
    const costaRica = clusterOf(quote(BREITBART, 'That’s an offer President Bukele made'))
    const volpp = clusterOf(quote(TEXAS, 'The US is absolutely prohibited'))
    const bukele = clusterOf(quote(SUN, 'We have offered the United States of America'))
    expect(of(BREITBART)?.alone.clusters).toContain(costaRica.id)
    expect(of(TEXAS)?.alone.clusters).toContain(volpp.id)
    for (const id of IDS) {
      expect(of(id)?.clusters).toContain(bukele.id)
      expect(of(id)?.missing.clusters).not.toContain(bukele.id)
    }
  })
})

describe('crossref seeds: wording', () => {
  it('Rubio’s “profoundly grateful” is “incredibly grateful” in 001: a wording dispute', () => {
    // Every outlet's few words of thanks “for the offer” meet 000's “profoundly grateful for the offer”.
    const forTheOffer = quote(BREITBART, 'profoundly grateful for the offer')
    const incredibly = quote(NBC, 'incredibly grateful')
    const cluster = clusterOf(forTheOffer)
    expect(clusterOf(incredibly).id).toBe(cluster.id)
    // The Post Millennial prints its paragraph twice.
    for (const profoundly of quotesStarting(POST, 'profoundly grateful'))
      expect(clusterOf(profoundly).id).toBe(cluster.id)
    expect(cluster.speakers.map((s) => s.name)).toEqual(['Marco Rubio'])
    expect(cluster.members.find((m) => m.quote === incredibly.id)).toMatchObject({
      article: NBC,
      variant: 'fragment',
      diff: [
        { op: 'replace', canonical: 'profoundly', member: 'incredibly' },
        { op: 'equal', canonical: 'grateful', member: 'grateful' },
        { op: 'delete', canonical: 'for the offer', member: '' },
      ],
    })
    const wording = disputesOn(cluster, 'wording')
    expect(wording).toHaveLength(1)
    expect(wording[0]).toMatchObject({
      needsJudgement: true,
      positions: expect.arrayContaining([
        {
          article: NBC,
          speaker: { id: expect.any(String), name: 'Marco Rubio' },
          text: 'incredibly grateful',
          span: expect.any(Object),
        },
      ]),
    })
    expect(wording[0]?.summary).toContain(`“profoundly” → “incredibly” (${NBC})`)
    // 000's full statement “We are just profoundly grateful. I spoke to …” is its own.
    expect(clusterOf(quote(BREITBART, 'We are just profoundly grateful')).articles).toEqual([
      BREITBART,
    ])
  })

  it('“his jail” / “his jails” is a variant of Rubio’s statement, not a wording dispute', () => {
    const jail = quote(NBC, 'He has offered to house in his jail ')
    const jails = quote(POST, 'He has offered to house in his jails')
    const cluster = clusterOf(jail)
    expect(clusterOf(jails).id).toBe(cluster.id)
    const member = cluster.members.find((m) => m.quote === jails.id)
    expect(member?.variant).toBe('substituted')
    expect(member?.diff).toContainEqual({ op: 'replace', canonical: 'jail', member: 'jails' })
    for (const dispute of result.disputes.filter((d) => d.kind === 'wording'))
      expect(dispute.summary).not.toMatch(/“jails?” → “jails?”/)
    expect(result.agreements.filter((a) => a.cluster === cluster.id)).toMatchObject([
      { kind: 'quote', articles: [NBC, POST] },
    ])
  })
})

describe('crossref seeds: what 004 changes', () => {
  it('004’s “our entire prison sustainable” (the word “system” dropped inside the quote) is a wording change', () => {
    const dropped = quote(POST, 'the fee would be relatively low')
    expect(dropped.text).toContain('our entire prison sustainable')
    const wording = disputesOn(clusterOf(dropped), 'wording')
    expect(wording).toHaveLength(1)
    expect(wording[0]?.positions).toContainEqual(positionOf(POST, dropped))
    expect(wording[0]?.summary).toContain('“system” left out')
  })

  it('004’s “profoundly grateful” is in the cluster of 000’s “profoundly grateful for the offer”', () => {
    const full = quote(BREITBART, 'profoundly grateful for the offer')
    const cluster = clusterOf(full)
    const fragments = quotesStarting(POST, 'profoundly grateful')
    expect(fragments.length).toBeGreaterThan(0)
    for (const fragment of fragments) expect(clusterOf(fragment).id).toBe(cluster.id)
    expect(disputesOn(cluster, 'attribution')).toEqual([])
  })
})

describe('crossref seeds: facts', () => {
  it('the day of the offer: Monday in 000, Tuesday in 003, a fact dispute with both sentences', () => {
    const facts = result.disputes.filter(
      (d) =>
        d.kind === 'fact' &&
        d.positions.some((p) => p.article === BREITBART) &&
        d.positions.some((p) => p.article === TEXAS),
    )
    expect(facts).toHaveLength(1)
    const slot = result.slots.find((s) => s.id === facts[0]?.slot)
    expect(slot).toMatchObject({ kind: 'day', agrees: false, update: null })
    expect(slot?.measure).toMatch(/offer/)
    expect(facts[0]?.positions).toEqual([
      {
        article: BREITBART,
        speaker: null,
        text: expect.stringMatching(
          /^During his visit to El Salvador on Monday, President Nayib Bukele said/,
        ),
        span: expect.any(Object),
      },
      {
        article: TEXAS,
        speaker: null,
        text: expect.stringMatching(/^The offer came in meetings on Tuesday/),
        span: expect.any(Object),
      },
    ])
  })

  it('the prison’s capacity: 40,000 in the four seeds that give it, corroboration', () => {
    // An article's second mention of a value stands in a slot of its own.
    const capacity = result.slots.filter((s) => s.measure === 'capacity' && s.claims.length > 1)
    expect(capacity.map((s) => s.values)).toEqual([
      [
        {
          value: 40000,
          articles: [BREITBART, NBC, SUN, POST],
          claims: expect.any(Array),
        },
      ],
    ])
    expect(result.agreements.filter((a) => a.slot === capacity[0]?.id)).toHaveLength(1)
  })

  it('the seeds hold no other fact dispute', () => {
    expect(result.disputes.filter((d) => d.kind === 'fact')).toHaveLength(1)
  })
})

describe('crossref seeds: attribution', () => {
  it('“the most extraordinary migratory agreement anywhere in the world”: Bukele in 000, Rubio in 001 and 002', () => {
    const cluster = clusterOf(quote(SUN, 'In an act of extraordinary friendship'))
    expect(clusterOf(quote(BREITBART, 'the most extraordinary migratory agreement')).id).toBe(
      cluster.id,
    )
    expect(clusterOf(quote(NBC, 'extraordinary migratory agreement')).id).toBe(cluster.id)
    const attribution = disputesOn(cluster, 'attribution')
    expect(attribution).toHaveLength(1)
    expect(sides(attribution[0])).toEqual([
      [BREITBART, 'Nayib Bukele'],
      [NBC, 'Marco Rubio'],
      [SUN, 'Marco Rubio'],
    ])
    expect(attribution[0]?.summary).toContain('Nayib Bukele')
    expect(attribution[0]?.summary).toContain('Marco Rubio')
    expect(result.agreements.filter((a) => a.cluster === cluster.id)).toEqual([])
  })

  it('“extraordinary gesture never before extended by any country”: Tammy Bruce in 001, Rubio in 003', () => {
    const bruce = quote(NBC, 'extraordinary gesture never before extended')
    const rubio = quote(TEXAS, 'In an extraordinary gesture never before extended')
    const cluster = clusterOf(rubio)
    expect(clusterOf(bruce).id).toBe(cluster.id)
    const attribution = disputesOn(cluster, 'attribution')
    expect(attribution).toHaveLength(1)
    expect(attribution[0]?.positions).toEqual(
      expect.arrayContaining([positionOf(NBC, bruce), positionOf(TEXAS, rubio)]),
    )
    expect(bruce.speaker?.name).toBe('Tammy Bruce')
    expect(rubio.speaker?.name).toBe('Marco Rubio')
  })

  it('the “extraordinary gesture” dispute has 001 on Bruce’s side only', () => {
    const cluster = clusterOf(quote(TEXAS, 'In an extraordinary gesture never before extended'))
    expect(sides(disputesOn(cluster, 'attribution')[0])).toEqual([
      [NBC, 'Tammy Bruce'],
      [TEXAS, 'Marco Rubio'],
    ])
  })

  it('001’s “dangerous American criminals” joins 001’s own statement that holds those words', () => {
    expect(clusterOf(quote(NBC, 'dangerous American criminals')).id).toBe(
      clusterOf(quote(NBC, 'He has offered to house in his jail ')).id,
    )
  })

  it('000’s “incredible” and “unprecedented” join Rubio’s “an incredible offer, an unprecedented one”', () => {
    const offer = clusterOf(quote(BREITBART, 'But obviously, the administration'))
    expect(clusterOf(quote(BREITBART, 'unprecedented')).id).toBe(offer.id)
    expect(clusterOf(quote(BREITBART, 'incredible')).id).toBe(offer.id)
  })
})

describe('crossref seeds: contested', () => {
  it('Leti Volpp’s legal objection (“absolutely prohibited”) is a contested dispute', () => {
    const volpp = quote(TEXAS, 'The US is absolutely prohibited')
    const contested = contestedBy('Leti Volpp')
    expect(contested).toHaveLength(1)
    expect(contested[0]).toMatchObject({
      kind: 'contested',
      needsJudgement: true,
      positions: expect.arrayContaining([positionOf(TEXAS, volpp)]),
    })
    expect(volpp.speaker?.name).toBe('Leti Volpp')
  })

  it('Volpp contests the offer to take in U.S. citizens, not the word “mega-prison”', () => {
    const target = contestedBy('Leti Volpp')[0]?.positions.find(
      (p) => p.speaker?.name !== 'Leti Volpp',
    )
    expect(['Nayib Bukele', 'Marco Rubio']).toContain(target?.speaker?.name)
    expect(wordTokens(target?.text ?? '').length).toBeGreaterThanOrEqual(3)
    expect(target?.text).toMatch(/citizen/i)
  })

  it('Manuel Flores, who “criticized his president’s offer, saying …”, contests it', () => {
    const flores = quote(TEXAS, 'What are we?')
    const contested = contestedBy('Manuel Flores')
    expect(contested).toHaveLength(1)
    expect(contested[0]?.positions).toContainEqual(positionOf(TEXAS, flores))
  })

  it('Flores contests Bukele, the president whose offer he criticized', () => {
    const target = contestedBy('Manuel Flores')[0]?.positions.find(
      (p) => p.speaker?.name !== 'Manuel Flores',
    )
    expect(target?.speaker?.name).toBe('Nayib Bukele')
  })

  it('Amnesty International does not contest the executive order', () => {
    expect(
      contestedBy('Amnesty International').filter((d) =>
        d.positions.some((p) => p.speaker?.name === 'The executive order'),
      ),
    ).toEqual([])
  })
})
