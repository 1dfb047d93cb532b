import { type Corpus, createCorpus, normalizeArticle } from '@corroborate/core'
import { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js'
import { CallToolResultSchema } from '@modelcontextprotocol/sdk/types.js'
import { describe, expect, it } from 'vitest'
import { createServer } from '../src/server.js'
import { seedArticles } from './helpers.js'

const LIMIT = 25_000

const NORTH =
  'Mayor Tom Baker opened the new river bridge on Monday after two years of work.\n\n“We finished the bridge on time and under budget, and the city should be proud of it,” Baker said.\n\nThe bridge cost $40 million, city officials said.\n\nCouncilwoman Ana Ruiz criticized the project. “The bridge was a waste of money,” Ruiz said.'
const SOUTH =
  'The new river bridge opened on Monday.\n\n“We finished the bridge on time and under budget, and the city should be proud,” said city engineer Lee Park.\n\nThe bridge cost $55 million, according to the city.\n\nThe mayor thanked the workers.'
const EAST =
  'Residents crossed the new river bridge for the first time on Monday.\n\n“The bridge was a waste of money,” said Councilwoman Ana Ruiz, who voted against it.\n\nThe bridge cost $40 million.'

const north = () =>
  normalizeArticle({
    id: 'north',
    content: NORTH,
    metadata: { outlet: 'North Post', published: '2025-03-03' },
  })
const south = () =>
  normalizeArticle({
    id: 'south',
    content: SOUTH,
    metadata: { outlet: 'South Herald', published: '2025-03-03' },
  })
const east = () =>
  normalizeArticle({
    id: 'east',
    content: EAST,
    metadata: { outlet: 'East Times', published: '2025-03-03' },
  })

async function connect(corpus: Corpus = createCorpus([north(), south()])) {
  const server = createServer(corpus, { log: () => {} })
  const client = new Client({ name: 'test', version: '1.0.0' })
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair()
  await Promise.all([server.connect(serverSide), client.connect(clientSide)])
  return client
}

type Result = Awaited<ReturnType<Client['callTool']>>
const textOf = (result: Result) => (result.content as Array<{ text: string }>)[0]?.text ?? ''
// biome-ignore lint/suspicious/noExplicitAny: structured content is checked field by field below
const data = (result: Result) => result.structuredContent as Record<string, any>

const promptText = (prompt: Awaited<ReturnType<Client['getPrompt']>>) => {
  const content = prompt.messages[0]?.content
  return content?.type === 'text' ? content.text : ''
}

async function call(client: Client, name: string, args: Record<string, unknown> = {}) {
  return client.callTool({ name, arguments: args })
}

describe('mcp server over an in-memory transport', () => {
  it('lists sources with their quote counts', async () => {
    const client = await connect(
      createCorpus([
        normalizeArticle({
          id: 'a',
          content:
            'Mayor Tom Baker opened the bridge on Monday.\n\n“We finished on time,” Baker said.',
        }),
      ]),
    )
    const result = await call(client, 'list_sources')
    expect(result.isError).toBeFalsy()
    expect(result.structuredContent).toMatchObject({
      sources: [
        {
          id: 'a',
          outlet: null,
          title: null,
          label: 'Mayor Tom Baker opened the bridge on Monday.',
          quotes: 1,
        },
      ],
      total: 1,
    })
    expect(JSON.parse(textOf(result))).toEqual(result.structuredContent)
  })

  it('labels each seed by its title or lead, never by its id', async () => {
    const client = await connect(createCorpus(seedArticles()))
    const { sources } = data(await call(client, 'list_sources', { limit: 10 }))
    const labels = sources.map((s: { label: string }) => s.label)
    expect(labels[2]).toMatch(/^‘Extraordinary friendship’: Marco Rubio Welcomes Offer/)
    expect(labels[1]).toMatch(/^Secretary of State Marco Rubio said El Salvador’s president/)
    for (const [index, source] of sources.entries()) {
      expect(source.label).not.toContain(source.id)
      expect(source.label.length).toBeLessThanOrEqual(90)
      expect(labels.indexOf(source.label)).toBe(index)
    }
    const { resources } = await client.listResources()
    expect(resources.find((r) => r.name === sources[0].id)?.title).toMatch(
      /^unknown outlet: Secretary of State Marco Rubio said on Tuesday/,
    )
  })

  it('tells the model how to recover from an unknown article id', async () => {
    const client = await connect()
    const result = await call(client, 'get_article', { id: 'nope' })
    expect(result.isError).toBe(true)
    expect(textOf(result)).toContain('list_sources')
  })

  it('finds a quote by any alias of its speaker', async () => {
    const client = await connect()
    const result = await call(client, 'get_quotes', { speaker: 'tom baker' })
    expect(result.structuredContent).toMatchObject({
      quotes: [{ speaker: { name: 'Tom Baker' }, article: 'north', clusters: ['k0'] }],
      total: 1,
    })
  })

  it('matches quote words and speakers as search does: apostrophes, accents, roles', async () => {
    const client = await connect(createCorpus(seedArticles()))
    const texts = async (args: Record<string, unknown>) =>
      (data(await call(client, 'get_quotes', { limit: 100, ...args })).quotes ?? []).map(
        (q: { text: string }) => q.text,
      )
    const curly = await texts({ contains: 'No country’s ever made' })
    expect(curly.length).toBeGreaterThan(0)
    expect(await texts({ contains: "No country's ever made" })).toEqual(curly)
    expect(curly.every((text: string) => text.includes('country’s'))).toBe(true)
    const bukele = await texts({ speaker: 'Bukele' })
    expect(bukele.length).toBeGreaterThan(5)
    expect(await texts({ speaker: 'BUKÉLE' })).toEqual(bukele)
    expect(await texts({ speaker: 'Salvadoran President' })).toEqual(bukele)
  })

  it('gives a speaker’s full statements first, fragments after, the shortest last', async () => {
    const client = await connect(createCorpus(seedArticles()))
    const first = data(await call(client, 'get_quotes', { speaker: 'Bukele', limit: 5 }))
    expect(first.quotes).toHaveLength(5)
    expect(first.quotes.map((q: { kind: string }) => q.kind)).toEqual(Array(5).fill('statement'))
    expect(first.quotes[0].speaker.name).toBe('Nayib Bukele')
    const all: Array<{ id: string; kind: string; text: string }> = data(
      await call(client, 'get_quotes', { speaker: 'Bukele', limit: 100 }),
    ).quotes
    const rank = (q: { kind: string; text: string }) =>
      q.kind === 'statement' ? 0 : q.text.trim().split(/\s+/).length <= 2 ? 2 : 1
    const ranks = all.map(rank)
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b))
    expect(ranks).toContain(2)
    // Paging keeps that order.
    const second = data(
      await call(client, 'get_quotes', { speaker: 'Bukele', limit: 5, cursor: first.nextCursor }),
    )
    expect([...first.quotes, ...second.quotes].map((q: { id: string }) => q.id)).toEqual(
      all.slice(0, 10).map((q) => q.id),
    )
  })

  it('registers every tool with its annotations', async () => {
    const client = await connect()
    const { tools } = await client.listTools()
    expect(tools.map((t) => t.name).sort()).toEqual([
      'add_article',
      'compare_sources',
      'get_article',
      'get_quotes',
      'get_speakers',
      'list_disputed_claims',
      'list_sources',
      'list_stories',
      'search',
    ])
    for (const tool of tools) {
      expect(tool.title).toBeTruthy()
      expect(tool.outputSchema).toBeDefined()
      const readOnly = tool.name !== 'add_article'
      expect(tool.annotations).toMatchObject({
        readOnlyHint: readOnly,
        idempotentHint: readOnly,
        openWorldHint: false,
      })
    }
  })
})

describe('compare_sources', () => {
  it('gives shared quotes with each wording, agreeing and conflicting facts, and coverage', async () => {
    const client = await connect()
    const result = await call(client, 'compare_sources')
    expect(result.isError).toBeFalsy()
    const out = data(result)
    expect(out.story).toEqual({
      id: expect.stringMatching(/^st-/),
      label: expect.any(String),
      articles: 2,
    })
    expect(out.stories).toBe(1)
    expect(out.note).toBeUndefined()
    expect(out.articles).toEqual(['north', 'south'])
    expect(out.clusters).toEqual([
      {
        id: 'k0',
        canonical:
          'We finished the bridge on time and under budget, and the city should be proud of it,',
        speakers: [
          { id: 'tom-baker', name: 'Tom Baker' },
          { id: 'lee-park', name: 'Lee Park' },
        ],
        articles: ['north', 'south'],
        members: [
          expect.objectContaining({
            article: 'north',
            quote: 'north#q0',
            variant: 'identical',
            changes: [],
          }),
          expect.objectContaining({
            article: 'south',
            quote: 'south#q0',
            text: 'We finished the bridge on time and under budget, and the city should be proud,',
            speaker: { id: 'lee-park', name: 'Lee Park' },
            variant: 'truncated',
            changes: [{ op: 'delete', canonical: 'of it', member: '' }],
          }),
        ],
      },
    ])
    expect(out.conflicts).toEqual([
      {
        slot: expect.stringMatching(/^s\d+$/),
        kind: 'money',
        unit: 'USD',
        keywords: ['bridge', 'city', 'cost'],
        values: [
          { value: 40_000_000, articles: ['north'], wording: ['$40 million'] },
          { value: 55_000_000, articles: ['south'], wording: ['$55 million'] },
        ],
      },
    ])
    expect(out.agreements).toMatchObject([
      {
        slot: expect.stringMatching(/^s\d+$/),
        kind: 'day',
        values: [{ value: '2025-03-03', articles: ['north', 'south'] }],
      },
    ])
    expect(out.coverage).toMatchObject([
      {
        article: 'north',
        clusters: 2,
        // What north alone says: its critic's quote, who opened the bridge and who
        // criticized it, and how long the work took.
        alone: [
          { id: 'k1', type: 'quote', text: 'The bridge was a waste of money,' },
          { type: 'fact', text: expect.stringContaining('action Tom Baker open bridge') },
          { type: 'fact', text: expect.stringContaining('count') },
          { type: 'fact', text: expect.stringContaining('Ana Ruiz criticize project') },
        ],
        aloneTotal: 4,
        missing: [],
        missingTotal: 0,
      },
      { article: 'south', clusters: 1, alone: [], missing: [] },
    ])
    expect(out.totals).toEqual({ clusters: 1, agreements: 1, conflicts: 1, disputes: 2 })
    expect(out.truncated).toBe(false)
    expect(out.hint).toBeUndefined()
  })

  it('restricts everything to the chosen articles', async () => {
    const client = await connect(createCorpus([north(), south(), east()]))
    const all = data(await call(client, 'compare_sources'))
    expect(all.clusters.map((c: { articles: string[] }) => c.articles)).toEqual([
      ['north', 'south'],
      ['east', 'north'],
    ])
    expect(all.coverage.find((c: { article: string }) => c.article === 'south')).toMatchObject({
      missing: [{ id: 'k1', type: 'quote' }],
    })

    const result = await call(client, 'compare_sources', {
      articles: [' south ', 'north', 'south'],
    })
    const out = data(result)
    expect(out.articles).toEqual(['north', 'south'])
    expect(out.clusters.map((c: { id: string }) => c.id)).toEqual(['k0'])
    for (const cluster of out.clusters)
      for (const member of cluster.members) expect(['north', 'south']).toContain(member.article)
    for (const slot of [...out.agreements, ...out.conflicts])
      for (const value of slot.values)
        for (const article of value.articles) expect(['north', 'south']).toContain(article)
    expect(out.coverage.map((c: { article: string }) => c.article)).toEqual(['north', 'south'])
    expect(out.coverage[1]).toMatchObject({ article: 'south', missing: [] })
  })

  it('refuses unknown ids and a single article with a hint', async () => {
    const client = await connect()
    const unknown = await call(client, 'compare_sources', { articles: ['north', 'nope'] })
    expect(unknown.isError).toBe(true)
    expect(textOf(unknown)).toBe(
      'no article "nope"; call list_sources for the ids of the articles in the corpus',
    )
    const single = await call(client, 'compare_sources', { articles: ['north'] })
    expect(single.isError).toBe(true)
    expect(textOf(single)).toContain('two or more')
    // The comma-separated string of earlier versions is no array: the client is told so.
    const string = await call(client, 'compare_sources', { articles: 'north,south' })
    expect(string.isError).toBe(true)
    expect(textOf(string)).toMatch(/expected array/)

    const alone = await connect(createCorpus([north()]))
    const one = await call(alone, 'compare_sources')
    expect(one.isError).toBe(true)
    expect(textOf(one)).toContain('add_article')
  })

  it('stays under 25,000 characters on the seeds and says what it cut', async () => {
    const client = await connect(createCorpus(seedArticles()))
    const result = await call(client, 'compare_sources')
    expect(result.isError).toBeFalsy()
    // The whole answer counts: its JSON comes twice, as structured content and as text.
    expect(JSON.stringify(result).length).toBeLessThan(LIMIT)
    const out = data(result)
    expect(out.articles).toHaveLength(5)
    expect(out.clusters.length).toBeGreaterThan(0)
    for (const cluster of out.clusters) {
      expect(cluster.articles.length).toBeGreaterThanOrEqual(2)
      for (const member of cluster.members)
        for (const change of member.changes) expect(change.op).not.toBe('equal')
    }
    const cut =
      out.clusters.length < out.totals.clusters ||
      out.agreements.length < out.totals.agreements ||
      out.conflicts.length < out.totals.conflicts ||
      out.coverage.some(
        (c: { alone: unknown[]; aloneTotal: number; missing: unknown[]; missingTotal: number }) =>
          c.alone.length < c.aloneTotal || c.missing.length < c.missingTotal,
      )
    expect(out.truncated).toBe(cut)
    if (cut) expect(out.hint).toContain('Cut to keep the answer short')
  })
})

describe('list_disputed_claims', () => {
  it('lists disputes with their positions, filtered by kind and article', async () => {
    const client = await connect()
    const all = data(await call(client, 'list_disputed_claims'))
    expect(all.total).toBe(2)
    expect(all.nextCursor).toBeUndefined()
    expect(all.disputes[0]).toMatchObject({
      id: 'd0',
      kind: 'attribution',
      cluster: 'k0',
      slot: null,
      needsJudgement: false,
      positions: [
        { article: 'north', speaker: { id: 'tom-baker' }, span: { start: 81, end: 165 } },
        { article: 'south', speaker: { id: 'lee-park' } },
      ],
    })
    expect(all.disputes[0].summary).toContain('Tom Baker')

    const facts = data(await call(client, 'list_disputed_claims', { kind: 'fact' }))
    expect(facts).toMatchObject({
      total: 1,
      disputes: [
        {
          id: 'd1',
          kind: 'fact',
          slot: expect.stringMatching(/^s\d+$/),
          cluster: null,
          positions: [
            { article: 'north', text: 'The bridge cost $40 million, city officials said.' },
            { article: 'south', text: 'The bridge cost $55 million, according to the city.' },
          ],
        },
      ],
    })
    const wording = data(await call(client, 'list_disputed_claims', { kind: 'wording' }))
    expect(wording).toEqual({ disputes: [], total: 0 })
    const bySouth = data(await call(client, 'list_disputed_claims', { article: 'south' }))
    expect(bySouth.total).toBe(2)
  })

  it('rejects an unknown kind and an unknown article', async () => {
    const client = await connect()
    const kind = await call(client, 'list_disputed_claims', { kind: 'rumour' })
    expect(kind.isError).toBe(true)
    expect(textOf(kind)).toMatch(/kind/)
    const article = await call(client, 'list_disputed_claims', { article: 'nope' })
    expect(article.isError).toBe(true)
    expect(textOf(article)).toContain('list_sources')
  })

  it('pages through the seeds’ disputes', async () => {
    const client = await connect(createCorpus(seedArticles()))
    const first = data(await call(client, 'list_disputed_claims', { limit: 3 }))
    expect(first.disputes).toHaveLength(3)
    expect(first.total).toBeGreaterThan(3)
    expect(first.nextCursor).toEqual(expect.any(String))
    const seen: string[] = first.disputes.map((d: { id: string }) => d.id)
    let cursor: string | undefined = first.nextCursor
    let pages = 1
    while (cursor) {
      const next = data(await call(client, 'list_disputed_claims', { limit: 3, cursor }))
      expect(next.disputes.length).toBeGreaterThan(0)
      seen.push(...next.disputes.map((d: { id: string }) => d.id))
      expect(next.nextCursor).not.toBe(cursor)
      cursor = next.nextCursor
      pages += 1
    }
    expect(pages).toBe(Math.ceil(first.total / 3))
    expect(new Set(seen).size).toBe(first.total)
    const bad = await call(client, 'list_disputed_claims', { cursor: 'not-a-cursor' })
    expect(bad.isError).toBe(true)
    expect(textOf(bad)).toContain('without a cursor')
  })
})

describe('get_speakers', () => {
  it('gives canonical speakers with aliases, roles and quotes per article, paged', async () => {
    const client = await connect(createCorpus([north(), south(), east()]))
    const all = data(await call(client, 'get_speakers'))
    expect(all.total).toBe(3)
    expect(all.speakers[0]).toEqual({
      id: 'ana-ruiz',
      name: 'Ana Ruiz',
      kind: 'person',
      aliases: expect.arrayContaining(['Ana Ruiz', 'Ruiz']),
      roles: ['Councilwoman'],
      quotes: 2,
      articles: [
        { article: 'north', quotes: 1 },
        { article: 'east', quotes: 1 },
      ],
    })
    expect(all.speakers.find((s: { id: string }) => s.id === 'tom-baker')).toMatchObject({
      aliases: ['Baker', 'Tom Baker'],
      roles: ['Mayor'],
      quotes: 1,
      articles: [{ article: 'north', quotes: 1 }],
    })

    const first = data(await call(client, 'get_speakers', { limit: 2 }))
    expect(first.speakers).toHaveLength(2)
    const second = data(await call(client, 'get_speakers', { limit: 2, cursor: first.nextCursor }))
    expect(second.speakers).toHaveLength(1)
    expect(second.nextCursor).toBeUndefined()
    expect([...first.speakers, ...second.speakers].map((s: { id: string }) => s.id)).toEqual(
      all.speakers.map((s: { id: string }) => s.id),
    )
  })
})

describe('search', () => {
  it('finds a phrase in sentences and quotes with spans', async () => {
    const client = await connect()
    const out = data(await call(client, 'search', { query: '"under budget"' }))
    expect(out.total).toBe(4)
    expect(out.hits).toEqual([
      {
        kind: 'sentence',
        article: 'north',
        id: null,
        text: '“We finished the bridge on time and under budget, and the city should be proud of it,” Baker said.',
        span: { start: 80, end: 178 },
      },
      expect.objectContaining({ kind: 'quote', article: 'north', id: 'north#q0' }),
      expect.objectContaining({ kind: 'sentence', article: 'south', id: null }),
      expect.objectContaining({ kind: 'quote', article: 'south', id: 'south#q0' }),
    ])
    for (const hit of out.hits)
      expect((hit.article === 'north' ? NORTH : SOUTH).slice(hit.span.start, hit.span.end)).toBe(
        hit.text,
      )
    const claim = data(await call(client, 'search', { query: 'cost million' }))
    expect(claim.hits.map((h: { kind: string }) => h.kind)).toContain('claim')
    const none = data(await call(client, 'search', { query: 'zeppelin' }))
    expect(none).toEqual({ hits: [], total: 0 })
  })

  it('pages, and refuses a query with no words', async () => {
    const client = await connect()
    const first = data(await call(client, 'search', { query: 'bridge', limit: 2 }))
    expect(first.hits).toHaveLength(2)
    const second = data(
      await call(client, 'search', { query: 'bridge', limit: 2, cursor: first.nextCursor }),
    )
    expect(second.hits[0]).not.toEqual(first.hits[0])
    const empty = await call(client, 'search', { query: '  ""  ' })
    expect(empty.isError).toBe(true)
    expect(textOf(empty)).toContain('give one or more words')
  })
})

describe('add_article', () => {
  it('adds an article, recomputes disputes and shows it in list_sources', async () => {
    const corpus = createCorpus([north()])
    const client = await connect(corpus)
    expect(data(await call(client, 'list_disputed_claims')).total).toBe(0)
    const result = await call(client, 'add_article', {
      content: SOUTH,
      id: 'south',
      outlet: 'South Herald',
      published: '2025-03-03',
      title: 'Bridge opens',
    })
    expect(result.isError).toBeFalsy()
    expect(data(result)).toMatchObject({
      id: 'south',
      title: 'Bridge opens',
      outlet: 'South Herald',
      published: '2025-03-03',
      paragraphs: 4,
      quotes: 1,
      corpus: {
        articles: 2,
        clusters: 1,
        disputes: 2,
        disputesByKind: { attribution: 1, wording: 0, fact: 1, contested: 0 },
      },
    })
    const sources = data(await call(client, 'list_sources'))
    expect(sources.total).toBe(2)
    expect(sources.sources[1]).toMatchObject({ id: 'south', outlet: 'South Herald', disputes: 2 })
    const disputes = data(await call(client, 'list_disputed_claims'))
    expect(disputes.disputes.map((d: { kind: string }) => d.kind)).toEqual(['attribution', 'fact'])
  })

  it('derives an id from the content and reads markdown', async () => {
    const client = await connect()
    const result = await call(client, 'add_article', {
      content: '# Bridge opens\n\n“The bridge was a waste of money,” said Councilwoman Ana Ruiz.',
      format: 'markdown',
    })
    expect(result.isError).toBeFalsy()
    const { id } = data(result)
    expect(id).toMatch(/\S/)
    const article = data(await call(client, 'get_article', { id }))
    expect(article.text).toContain('waste of money')
  })

  it('adds a whole HTML page: body extracted, page metadata read, clutter left out', async () => {
    const client = await connect()
    // The same story as north, with one more paragraph: a different article.
    const paragraphs = [...NORTH.split('\n\n'), 'The bridge will close for inspections in May.']
      .map((p) => `<p>${p}</p>`)
      .join('\n')
    const page = `<!doctype html><html lang="en"><head><title>Bridge opens | River Daily</title>
      <meta property="og:site_name" content="River Daily">
      <meta property="article:published_time" content="2025-03-03T09:00:00Z"></head>
      <body><nav><ul><li><a href="/">Home</a></li><li><a href="/city">City</a></li></ul></nav>
      <article><h1>Bridge opens</h1><p class="byline">By <a rel="author" href="/jo">Jo Lee</a></p>
      <div class="article-body">${paragraphs}
      <figure><img src="b.jpg"><figcaption>The bridge at dawn. Photo: Jo Lee</figcaption></figure></div></article>
      <aside class="related"><h2>Related stories</h2><ul><li><a href="/a">Council votes on budget</a></li></ul></aside>
      <footer>© 2025 River Daily. All rights reserved.</footer></body></html>`
    const result = await call(client, 'add_article', { content: page, format: 'html', id: 'page' })
    expect(result.isError).toBeFalsy()
    const added = data(result)
    expect(added).toMatchObject({
      id: 'page',
      title: 'Bridge opens',
      outlet: 'River Daily',
      paragraphs: 5,
    })
    expect(added.published).toBe('2025-03-03T09:00:00Z')
    expect(added.quotes).toBeGreaterThanOrEqual(2)
    const article = data(await call(client, 'get_article', { id: 'page' }))
    expect(article.format).toBe('html')
    expect(article.language).toMatchObject({ value: 'en', source: 'meta' })
    expect(article.outlet.source).toBe('meta')
    expect(article.text).toContain('waste of money')
    expect(article.text).not.toMatch(/Home|Related stories|All rights reserved|bridge at dawn/)
    expect(article.captions.map((c: { text: string }) => c.text).join(' ')).toContain(
      'The bridge at dawn',
    )
    // Spans of quotes point into the HTML as given.
    const quotes = data(await call(client, 'get_quotes', { article: 'page' }))
    const waste = quotes.quotes.find((q: { text: string }) => q.text.includes('waste of money'))
    expect(page.slice(waste.span.start, waste.span.end)).toContain('waste of money')
  })

  it('refuses an HTML page with no article in it, and adds nothing', async () => {
    const client = await connect()
    const page =
      '<html><body><nav><a href="/">Home</a> <a href="/news">News</a></nav><form><input name="q"><button>Search</button></form></body></html>'
    const result = await call(client, 'add_article', { content: page, format: 'html' })
    expect(result.isError).toBe(true)
    expect(textOf(result)).toContain('no article was found in the page')
    const sources = data(await call(client, 'list_sources'))
    expect(sources.sources).toHaveLength(2)
  })

  it('refuses empty content, a duplicate id and duplicate content, losing nothing', async () => {
    const client = await connect()
    const empty = await call(client, 'add_article', { content: '  \n ' })
    expect(empty.isError).toBe(true)
    expect(textOf(empty)).toContain('content is empty')
    const id = await call(client, 'add_article', {
      content: 'Something else happened.',
      id: 'north',
    })
    expect(id.isError).toBe(true)
    expect(textOf(id)).toContain('already has an article "north"')
    const same = await call(client, 'add_article', { content: NORTH, id: 'copy' })
    expect(same.isError).toBe(true)
    expect(textOf(same)).toContain('article "north" already has this text')
    const badId = await call(client, 'add_article', { content: 'Text.', id: 'a,b' })
    expect(badId.isError).toBe(true)
    const sources = data(await call(client, 'list_sources'))
    expect(sources.sources.map((s: { id: string }) => s.id)).toEqual(['north', 'south'])
    expect(data(await call(client, 'list_disputed_claims')).total).toBe(2)
  })

  it('reports progress to a client that asks, and stops when cancelled', async () => {
    const client = await connect(createCorpus([north()]))
    const progress: Array<{
      progress: number
      total?: number | undefined
      message?: string | undefined
    }> = []
    const result = await client.callTool(
      { name: 'add_article', arguments: { content: SOUTH, id: 'south' } },
      CallToolResultSchema,
      { onprogress: (p) => progress.push(p) },
    )
    expect(result.isError).toBeFalsy()
    expect(progress.map((p) => p.progress)).toEqual([0, 1, 2, 3])
    expect(progress[3]).toMatchObject({ total: 3, message: 'done' })

    const controller = new AbortController()
    const call = client.callTool(
      { name: 'add_article', arguments: { content: EAST, id: 'east' } },
      CallToolResultSchema,
      { onprogress: () => controller.abort('changed my mind'), signal: controller.signal },
    )
    await expect(call).rejects.toThrow()
    await new Promise((resolve) => setTimeout(resolve, 20))
    const sources = data(await client.callTool({ name: 'list_sources', arguments: {} }))
    expect(sources.sources.map((s: { id: string }) => s.id)).toEqual(['north', 'south'])
  })
})

describe('resources', () => {
  it('lists, reads and completes articles, and summarizes the corpus', async () => {
    const client = await connect()
    const { resources } = await client.listResources()
    expect(resources.map((r) => r.uri)).toEqual([
      'corroborate://corpus',
      'corroborate://articles/north',
      'corroborate://articles/south',
    ])
    expect(resources[1]).toMatchObject({
      name: 'north',
      title:
        'North Post: Mayor Tom Baker opened the new river bridge on Monday after two years of work.',
      mimeType: 'text/plain',
    })
    const { resourceTemplates } = await client.listResourceTemplates()
    expect(resourceTemplates.map((t) => t.uriTemplate)).toEqual([
      'corroborate://articles/{id}',
      'corroborate://articles/{id}/original',
    ])

    const text = await client.readResource({ uri: 'corroborate://articles/north' })
    expect(text.contents).toEqual([
      { uri: 'corroborate://articles/north', mimeType: 'text/plain', text: north().text },
    ])
    const original = await client.readResource({ uri: 'corroborate://articles/south/original' })
    expect(original.contents[0]).toMatchObject({ text: SOUTH })
    await expect(client.readResource({ uri: 'corroborate://articles/nope' })).rejects.toThrow(
      /list_sources/,
    )

    const corpus = await client.readResource({ uri: 'corroborate://corpus' })
    expect(corpus.contents[0]?.mimeType).toBe('application/json')
    expect(
      JSON.parse(String((corpus.contents[0] as { text?: string } | undefined)?.text)),
    ).toMatchObject({
      articles: 2,
      quotes: 3,
      speakers: 3,
      clusters: 1,
      disputes: 2,
      disputesByKind: { attribution: 1, wording: 0, fact: 1, contested: 0 },
      sources: [
        { id: 'north', outlet: 'North Post' },
        { id: 'south', outlet: 'South Herald' },
      ],
    })

    const completion = await client.complete({
      ref: { type: 'ref/resource', uri: 'corroborate://articles/{id}' },
      argument: { name: 'id', value: 'no' },
    })
    expect(completion.completion.values).toEqual(['north'])
    const both = await client.complete({
      ref: { type: 'ref/resource', uri: 'corroborate://articles/{id}/original' },
      argument: { name: 'id', value: '' },
    })
    expect(both.completion.values).toEqual(['north', 'south'])
  })
})

describe('prompts', () => {
  it('lists and fills the prompts', async () => {
    const client = await connect()
    const { prompts } = await client.listPrompts()
    expect(prompts.map((p) => p.name)).toEqual(['fact_check_story', 'compare_coverage'])
    expect(prompts[0]?.arguments).toEqual([
      expect.objectContaining({ name: 'story', required: false }),
      expect.objectContaining({ name: 'claim', required: false }),
    ])
    expect(prompts[1]?.arguments).toEqual([
      expect.objectContaining({ name: 'story', required: false }),
      expect.objectContaining({ name: 'articles', required: false }),
    ])

    const story = await client.getPrompt({ name: 'fact_check_story', arguments: {} })
    expect(story.messages).toHaveLength(1)
    expect(story.messages[0]?.role).toBe('user')
    const storyText = promptText(story)
    expect(storyText.indexOf('list_stories')).toBeLessThan(storyText.indexOf('list_sources'))
    expect(storyText.indexOf('list_sources')).toBeLessThan(
      storyText.indexOf('list_disputed_claims'),
    )
    expect(storyText).toContain('compare_sources')
    const chosen = promptText(
      await client.getPrompt({ name: 'fact_check_story', arguments: { story: 'st-1234abcd' } }),
    )
    expect(chosen).toContain('list_disputed_claims with the story ("st-1234abcd")')

    const claim = await client.getPrompt({
      name: 'fact_check_story',
      arguments: { claim: 'the bridge cost $40 million' },
    })
    const claimText = promptText(claim)
    expect(claimText).toContain('"the bridge cost $40 million"')
    expect(claimText.indexOf('search')).toBeLessThan(claimText.indexOf('list_disputed_claims'))

    const coverage = await client.getPrompt({
      name: 'compare_coverage',
      arguments: { articles: 'north,south' },
    })
    const coverageText = promptText(coverage)
    expect(coverageText).toContain('compare_sources with {"articles":["north","south"]}')
    const largest = promptText(await client.getPrompt({ name: 'compare_coverage', arguments: {} }))
    expect(largest.indexOf('list_stories')).toBeLessThan(largest.indexOf('compare_sources'))
  })
})

describe('stories', () => {
  const LIBRARY =
    'The Hillview school board voted 5-2 on Thursday to close the Elm Street library branch next spring.\n\n“Our children deserve a library within walking distance of every school in Hillview,” said board member Grace Okoye, who voted against the closure.\n\nThe district expects to save $300,000 a year.'

  it('lists the seeds as one story of all five, with its outlets, dates, people and counts', async () => {
    const client = await connect(createCorpus(seedArticles()))
    const result = await call(client, 'list_stories')
    expect(result.isError).toBeFalsy()
    const out = data(result)
    expect(out.total).toBe(1)
    expect(out.nextCursor).toBeUndefined()
    const [story] = out.stories
    expect(story).toMatchObject({
      id: expect.stringMatching(/^st-[0-9a-f]{8}$/),
      size: 5,
      dates: { first: '2025-02-04', last: '2025-02-04' },
    })
    expect(story.articles).toHaveLength(4)
    expect(story.articles[0]).toEqual({
      id: '000_319bfdf5a655c3df',
      label: expect.stringMatching(/^Secretary of State Marco Rubio said on Tuesday/),
      outlet: null,
    })
    expect(story.people).toEqual(expect.arrayContaining(['Marco Rubio', 'Nayib Bukele']))
    expect(story.places).toContain('El Salvador')
    expect(story.clusters).toBeGreaterThan(0)
    const disputes = data(await call(client, 'list_disputed_claims', { limit: 100 }))
    expect(story.disputes).toBe(disputes.total)
    for (const dispute of disputes.disputes) expect(dispute.story).toBe(story.id)
    expect(JSON.parse(textOf(result))).toEqual(result.structuredContent)
  })

  it('shows an unrelated article added as a second story, and leaves the seeds’ disputes alone', async () => {
    const client = await connect(createCorpus(seedArticles()))
    const before = data(await call(client, 'list_disputed_claims', { limit: 100 }))
    const [seedStory] = data(await call(client, 'list_stories')).stories
    const added = await call(client, 'add_article', {
      content: LIBRARY,
      id: 'library',
      outlet: 'Hillview Gazette',
      published: '2025-09-18',
    })
    expect(data(added)).toMatchObject({
      id: 'library',
      story: { id: expect.stringMatching(/^st-/), articles: 1, joined: false },
      corpus: { articles: 6, stories: 2 },
    })
    const libraryStory = data(added).story.id
    expect(libraryStory).not.toBe(seedStory.id)
    const sources = data(await call(client, 'list_sources', { limit: 10 })).sources
    expect(sources.map((s: { id: string; story: string }) => s.story)).toEqual([
      ...Array(5).fill(seedStory.id),
      libraryStory,
    ])

    const all = data(await call(client, 'list_stories'))
    expect(all.total).toBe(2)
    // Largest first: the seeds' five, then the library's one.
    expect(all.stories.map((s: { id: string; size: number }) => [s.id, s.size])).toEqual([
      [seedStory.id, 5],
      [libraryStory, 1],
    ])
    expect(all.stories[1]).toMatchObject({
      outlets: ['Hillview Gazette'],
      dates: { first: '2025-09-18', last: '2025-09-18' },
      people: ['Grace Okoye'],
      clusters: 0,
      disputes: 0,
    })
    const after = data(await call(client, 'list_disputed_claims', { limit: 100 }))
    expect(after).toEqual(before)
    const seedsOnly = data(
      await call(client, 'list_disputed_claims', { story: seedStory.id, limit: 100 }),
    )
    expect(seedsOnly).toEqual(before)
    expect(data(await call(client, 'list_disputed_claims', { story: libraryStory }))).toEqual({
      disputes: [],
      total: 0,
    })

    // get_quotes by story: the library's one quote, none of the seeds'.
    const quotes = data(await call(client, 'get_quotes', { story: libraryStory }))
    expect(quotes.quotes.map((q: { article: string }) => q.article)).toEqual(['library'])
    const seedQuotes = data(await call(client, 'get_quotes', { story: seedStory.id, limit: 100 }))
    expect(seedQuotes.total).toBe(data(await call(client, 'get_quotes', { limit: 100 })).total - 1)

    // compare_sources without arguments: the largest story, and it says so.
    const compared = data(await call(client, 'compare_sources'))
    expect(compared.story).toMatchObject({ id: seedStory.id, articles: 5 })
    expect(compared.stories).toBe(2)
    expect(compared.note).toContain('largest')
    expect(compared.note).toContain('list_stories')
    expect(compared.articles).not.toContain('library')
    const one = await call(client, 'compare_sources', { story: libraryStory })
    expect(one.isError).toBe(true)
    expect(textOf(one)).toContain('one article')
    const across = data(
      await call(client, 'compare_sources', { articles: ['library', '000_319bfdf5a655c3df'] }),
    )
    expect(across).toMatchObject({ story: null, clusters: [], agreements: [], conflicts: [] })
    expect(across.note).toContain('2 stories')
    const outside = await call(client, 'compare_sources', {
      story: seedStory.id,
      articles: ['library', '000_319bfdf5a655c3df'],
    })
    expect(outside.isError).toBe(true)
    expect(textOf(outside)).toContain('list_stories')
  })

  it('filters stories by words, outlet, person and dates, and pages them', async () => {
    const client = await connect(createCorpus([north(), south(), east()]))
    await call(client, 'add_article', {
      content: LIBRARY,
      id: 'library',
      outlet: 'Hillview Gazette',
      published: '2025-09-18',
    })
    const ids = async (args: Record<string, unknown>) => {
      const result = await call(client, 'list_stories', args)
      expect(result.isError, JSON.stringify(args)).toBeFalsy()
      return data(result).stories.map((s: { articles: Array<{ id: string }> }) =>
        s.articles.map((a) => a.id),
      )
    }
    const bridge = ['north', 'south', 'east']
    expect(await ids({})).toEqual([bridge, ['library']])
    expect(await ids({ query: 'HILLVIEW library' })).toEqual([['library']])
    expect(await ids({ query: 'bridge zeppelin' })).toEqual([])
    expect(await ids({ outlet: 'south herald' })).toEqual([bridge])
    expect(await ids({ person: 'Okoye' })).toEqual([['library']])
    // Lee Park is quoted in south only, and named among the story's people or not: found by his quote.
    expect(await ids({ person: 'Lee Park' })).toEqual([bridge])
    expect(await ids({ from: '2025-09-01' })).toEqual([['library']])
    expect(await ids({ to: '2025-03-03' })).toEqual([bridge])
    expect(await ids({ from: '2025-03-04', to: '2025-09-17' })).toEqual([])
    const first = data(await call(client, 'list_stories', { limit: 1 }))
    expect(first.stories).toHaveLength(1)
    const second = data(await call(client, 'list_stories', { limit: 1, cursor: first.nextCursor }))
    expect(second.stories[0].articles[0].id).toBe('library')
    expect(second.nextCursor).toBeUndefined()
    const backwards = await call(client, 'list_stories', { from: '2025-10-01', to: '2025-01-01' })
    expect(backwards.isError).toBe(true)
    expect(textOf(backwards)).toContain('after')
    const badDay = await call(client, 'list_stories', { from: 'last week' })
    expect(badDay.isError).toBe(true)
    // Fifty stories at most a page: a hundred of a real corpus would be some 120,000 characters.
    expect((await call(client, 'list_stories', { limit: 51 })).isError).toBe(true)
  })

  it('refuses an unknown story id and says how to list them', async () => {
    const client = await connect()
    for (const [tool, args] of [
      ['compare_sources', { story: 'st-nope' }],
      ['list_disputed_claims', { story: 'st-nope' }],
      ['get_quotes', { story: 'st-nope' }],
    ] as const) {
      const result = await call(client, tool, args)
      expect(result.isError, tool).toBe(true)
      expect(textOf(result)).toBe(
        'no story "st-nope"; call list_stories for the ids of the stories in the corpus',
      )
    }
  })
})

describe('default answers on the seeds', () => {
  it('stay under 25,000 characters', async () => {
    const client = await connect(createCorpus(seedArticles()))
    const first = data(await call(client, 'list_sources')).sources[0].id as string
    const calls: Array<[string, Record<string, unknown>]> = [
      ['list_sources', {}],
      ['get_article', { id: first }],
      ['get_quotes', {}],
      ['get_speakers', {}],
      ['search', { query: 'Bukele' }],
      ['compare_sources', {}],
      ['list_disputed_claims', {}],
      ['list_stories', {}],
    ]
    for (const [name, args] of calls) {
      const result = await call(client, name, args)
      expect(result.isError, name).toBeFalsy()
      expect(JSON.stringify(result).length, name).toBeLessThan(LIMIT)
    }
    const corpus = await client.readResource({ uri: 'corroborate://corpus' })
    expect(String((corpus.contents[0] as { text?: string } | undefined)?.text).length).toBeLessThan(
      LIMIT,
    )
  })
})
