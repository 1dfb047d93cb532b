import {
  ARTICLE_FORMATS,
  type Article,
  CLAIM_KINDS,
  CLAIM_QUALIFIERS,
  type Claim,
  type ClaimKind,
  type Corpus,
  type CrossReference,
  createCorpus,
  DISPUTE_KINDS,
  type Dispute,
  EVIDENCE_SOURCES,
  type Evidence,
  NUMERIC_CLAIM_KINDS,
  type NumericClaimKind,
  QUOTE_KINDS,
  QUOTE_VARIANTS,
  SEARCH_HIT_KINDS,
  type SearchHit,
  SPEAKER_KINDS,
  WORD_CHANGE_OPS,
} from '@corroborate/core'
import { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createServer } from '../src/server.js'
import { seedArticles } from './helpers.js'

type Pick = <T>(values: readonly T[]) => T

const TEXT_CLAIM_KINDS = CLAIM_KINDS.filter(
  (kind): kind is Exclude<ClaimKind, NumericClaimKind> =>
    !(NUMERIC_CLAIM_KINDS as readonly string[]).includes(kind),
)

/**
 * The seeds' real analysis with every union field set to any value its core
 * type allows (the constants the core declares them from): what the core can
 * produce, as far as the output schemas care.
 */
function varied(corpus: Corpus, pick: Pick): Corpus {
  const real = corpus.analysis()
  const evidence = (field: Evidence<string> | null): Evidence<string> | null => {
    if (field === null) return null
    const source = pick(EVIDENCE_SOURCES)
    return source === 'caller' || source === 'sidecar'
      ? { ...field, source, span: null }
      : { ...field, source, span: field.span ?? { start: 0, end: 0 } }
  }
  const articles: Article[] = corpus.articles.map((article) => ({
    ...article,
    format: pick(ARTICLE_FORMATS),
    title: evidence(article.title),
    author: evidence(article.author),
    outlet: evidence(article.outlet),
    published: evidence(article.published),
    url: evidence(article.url),
    dateline: evidence(article.dateline),
  }))
  const byId = new Map(articles.map((article) => [article.id, article]))
  const analysis: CrossReference = {
    ...real,
    speakers: real.speakers.map((speaker) => ({ ...speaker, kind: pick(SPEAKER_KINDS) })),
    quotes: real.quotes.map((quote) => ({ ...quote, kind: pick(QUOTE_KINDS) })),
    claims: real.claims.map(
      (claim): Claim => ({
        ...claim,
        ...(pick([true, false])
          ? { kind: pick(NUMERIC_CLAIM_KINDS), value: pick([0, 7, 40_000.5]) }
          : { kind: pick(TEXT_CLAIM_KINDS), value: pick(['seven', '2025-02-04', '']) }),
        qualifier: pick([...CLAIM_QUALIFIERS, null]),
      }),
    ),
    slots: real.slots.map((slot) => ({
      ...slot,
      kind: pick(CLAIM_KINDS),
      values: slot.values.map((entry) => ({ ...entry, value: pick([entry.value, 7, 'seven']) })),
    })),
    clusters: real.clusters.map((cluster) => ({
      ...cluster,
      members: cluster.members.map((member) => ({
        ...member,
        variant: pick(QUOTE_VARIANTS),
        diff: member.diff.map((step) => ({ ...step, op: pick(WORD_CHANGE_OPS) })),
      })),
    })),
    disputes: real.disputes.map((dispute): Dispute => {
      const kind = pick(DISPUTE_KINDS)
      return kind === 'fact'
        ? { ...dispute, kind, cluster: null, slot: dispute.slot ?? 's0' }
        : { ...dispute, kind, cluster: dispute.cluster ?? 'k0', slot: null }
    }),
  }
  return {
    articles,
    get: (id) => byId.get(id),
    add: () => {
      throw new Error('read only')
    },
    stories: () => corpus.stories(),
    storyOf: (id) => corpus.storyOf(id),
    analysis: () => analysis,
    search: (query): SearchHit[] =>
      corpus.search(query).map((hit) => ({ ...hit, kind: pick(SEARCH_HIT_KINDS) })),
  }
}

const CALLS: Array<[string, Record<string, unknown>]> = [
  ['list_sources', {}],
  ['list_stories', {}],
  ['get_speakers', { limit: 100 }],
  ...QUOTE_KINDS.map((kind): [string, Record<string, unknown>] => [
    'get_quotes',
    { kind, limit: 100 },
  ]),
  ['compare_sources', {}],
  ['list_disputed_claims', { limit: 100 }],
  ['search', { query: 'prison' }],
]

describe('output schemas', () => {
  const seeds = createCorpus(seedArticles())

  it('accept every value the core’s types allow (the client checks each answer against its tool’s outputSchema)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.gen(), async (gen) => {
        const pick: Pick = (values) => gen(fc.constantFrom, ...values)
        const corpus = varied(seeds, pick)
        const server = createServer(corpus, { log: () => {} })
        const client = new Client({ name: 'schemas', version: '1.0.0' })
        const [clientSide, serverSide] = InMemoryTransport.createLinkedPair()
        await Promise.all([server.connect(serverSide), client.connect(clientSide)])
        const calls = [
          ...CALLS,
          ...corpus.articles.map((article): [string, Record<string, unknown>] => [
            'get_article',
            { id: article.id, max_chars: 100 },
          ]),
        ]
        for (const [name, args] of calls) {
          const result = await client.callTool({ name, arguments: args })
          expect(result.isError, `${name}: ${JSON.stringify(result.content)}`).toBeFalsy()
          expect(result.structuredContent).toBeDefined()
        }
        await client.close()
      }),
      { numRuns: 25 },
    )
  }, 300_000)
})
