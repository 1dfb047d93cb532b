import {
  type ArticleSource,
  createCorpus,
  createStoryIndex,
  DISPUTE_KINDS,
  type DisputeKind,
  normalizeArticle,
  type Story,
} from '@corroborate/core'
import { expect, it } from 'vitest'
import { joinStoryPieces } from '../src/analyse-story.js'
import {
  type AddResult,
  analyseStory,
  ingest,
  prepareArticle,
  type Store,
  type StoreTotals,
  type StoryInput,
  scopeIds,
} from '../src/index.js'
import { ferryArticle, otherArticle, seedSources, withOpen } from './helpers.js'

/**
 * Articles of a few stories that share long quotes: seed `k mod 5` retold by outlet
 * `k` (one of its paragraphs left out, a day or two later), and harbour reports, one
 * of them months later.
 */
async function retoldSources(): Promise<ArticleSource[]> {
  const seeds = await seedSources()
  const retold = Array.from({ length: 9 }, (_, k): ArticleSource => {
    const seed = seeds[k % seeds.length] as ArticleSource
    const paragraphs = seed.content.split(/\n\s*\n/)
    const left = paragraphs.filter((_, i) => i !== 1 + (k % (paragraphs.length - 1)))
    return {
      id: `retold-${k}`,
      format: 'text',
      content: `${left.join('\n\n')}\n\nReporting by the staff of Outlet ${k}.`,
      metadata: { outlet: `Outlet ${k}`, published: `2025-02-0${4 + (k % 3)}` },
    }
  })
  const later = {
    ...otherArticle(4),
    metadata: { outlet: 'Harbour Courier', published: '2025-09-30' },
  }
  return [
    ...retold.slice(0, 4),
    otherArticle(1),
    ...retold.slice(4, 7),
    otherArticle(2),
    later,
    ...retold.slice(7),
    otherArticle(3),
  ]
}

/** The store's totals counted again from each story's analysis (read, so made when missing). */
async function summedOverStories(store: Store): Promise<StoreTotals> {
  const stories = await store.stories()
  const analyses = []
  for (const story of stories) analyses.push(await store.storyAnalysis(story.id))
  const disputesByKind = Object.fromEntries(DISPUTE_KINDS.map((kind) => [kind, 0])) as Record<
    DisputeKind,
    number
  >
  for (const dispute of analyses.flatMap((a) => a.disputes)) disputesByKind[dispute.kind]++
  return {
    articles: stories.reduce((sum, story) => sum + story.articles.length, 0),
    stories: stories.length,
    quotes: analyses.flatMap((a) => a.quotes).filter((q) => q.kind !== 'term').length,
    speakers: new Set(analyses.flatMap((a) => a.speakers.map((s) => s.id))).size,
    claims: analyses.reduce((sum, a) => sum + a.claims.length, 0),
    clusters: analyses.flatMap((a) => a.clusters).filter((c) => c.articles.length >= 2).length,
    disputes: analyses.reduce((sum, a) => sum + a.disputes.length, 0),
    disputesByKind,
  }
}

/**
 * What every engine must do alike. Each test starts from an empty store; within
 * a test, `open` opens the same data again (a restart).
 */
export function storeSuite(open: () => Promise<Store>): void {
  it('keeps articles and stories across a restart, and imports the same content once', async () => {
    const seeds = await seedSources()
    await withOpen(open(), async (store) => {
      const results = []
      for (const source of seeds) results.push(await store.addArticle(source))
      expect(results.map((r) => r.added)).toEqual([true, true, true, true, true])
      expect(await store.count()).toBe(5)
      const stories = await store.stories()
      // The seeds are five reports of one story, as the core's own corpus groups them.
      const corpus = createCorpus(seeds.map((s) => normalizeArticle(s)))
      expect(stories.map((s) => s.articles)).toEqual(corpus.stories().map((s) => s.articles))
      expect(results[4]?.joined).toBe(true)

      const again = await store.addArticle(seeds[2] as (typeof seeds)[number])
      expect(again).toMatchObject({ added: false, id: results[2]?.id })
      expect(await store.count()).toBe(5)
    })

    await withOpen(open(), async (store) => {
      expect(await store.count()).toBe(5)
      const stories = await store.stories()
      expect(stories).toHaveLength(1)
      expect(stories[0]?.articles).toHaveLength(5)
      const first = await store.getArticle(stories[0]?.articles[0] as string)
      expect(first?.article.text.length).toBeGreaterThan(1000)
      expect(first?.story).toBe(stories[0]?.id)
      // Re-importing after the restart is still a no-op.
      for (const source of seeds) expect((await store.addArticle(source)).added).toBe(false)
      expect(await store.count()).toBe(5)
    })
  })

  it('assigns stories after restarts as without them', async () => {
    const sources = await retoldSources()
    // Without a restart: the core's index, given the same profiles in the same order.
    const index = createStoryIndex()
    const expected = sources.map((source) => index.add(prepareArticle(source).profile))
    expect(new Set(expected.map((a) => a.story)).size).toBeGreaterThan(2)
    expect(expected.filter((a) => a.member.sharedQuote !== null).length).toBeGreaterThan(0)

    const got: AddResult[] = []
    // Restarted twice: the index restored by warm(), then by the next add itself.
    for (const [from, to, warm] of [
      [0, 6, false],
      [6, 10, true],
      [10, sources.length, false],
    ] as const) {
      await withOpen(open(), async (store) => {
        if (warm) await store.warm()
        for (const source of sources.slice(from, to)) got.push(await store.addArticle(source))
      })
    }
    // The same stories and members; only a score may differ a little after a restart (the
    // restored index's norms are of the current size).
    const memberOf = (r: AddResult) => r.story.members.find((m) => m.article === r.id)
    expect(got.map((r) => [r.id, r.story.id, r.joined])).toEqual(
      expected.map((a) => [a.member.article, a.story, a.joined]),
    )
    expect(got.map((r) => ({ ...memberOf(r), score: 0 }))).toEqual(
      expected.map((a) => ({ ...a.member, score: 0 })),
    )
    for (const [i, r] of got.entries())
      expect(Math.abs((memberOf(r)?.score ?? 0) - (expected[i]?.member.score ?? 0))).toBeLessThan(
        0.02,
      )
    await withOpen(open(), async (store) => {
      const unscored = (stories: Story[]) =>
        stories.map((s) => ({
          ...s,
          label: '',
          members: s.members.map((m) => ({ ...m, score: 0 })),
        }))
      expect(unscored(await store.stories())).toEqual(unscored(index.stories()))
    })
  })

  it('cross-references as the in-memory corpus does, and a new story stays apart', async () => {
    const seeds = await seedSources()
    await withOpen(open(), async (store) => {
      for (const source of seeds) await store.addArticle(source)
      const corpus = createCorpus(seeds.map((s) => normalizeArticle(s)))
      const expected = corpus.analysis()
      const analysis = await store.analysis()
      expect(analysis.disputes).toEqual(expected.disputes)
      expect(analysis.clusters.length).toBe(expected.clusters.length)
      const [story] = await store.stories()
      const one = await store.storyAnalysis(story?.id as string)
      expect(one.disputes.length).toBe(expected.disputes.length)
      // Cached until the story changes.
      expect(await store.storyAnalysis(story?.id as string)).toBe(one)

      const added = await store.addArticle(otherArticle(1))
      expect(added).toMatchObject({ added: true, id: 'harbour-1', joined: false })
      const joined = await store.addArticle(otherArticle(2))
      expect(joined.joined).toBe(true)
      expect(joined.story.id).toBe(added.story.id)
      expect(joined.story.articles).toEqual(['harbour-1', 'harbour-2'])
      // The seeds' story was not touched: its analysis is still the cached one.
      expect(await store.storyAnalysis(story?.id as string)).toBe(one)
      expect((await store.stories()).map((s) => s.articles.length)).toEqual([5, 2])
      expect(await store.storyOf('harbour-2')).toBe(added.story.id)
      expect((await store.analysis()).articles).toHaveLength(7)

      // The totals the store keeps as stories are written are the sums over the stories'
      // analyses, also once a story's analysis is replaced by a newer one.
      const summed = await summedOverStories(store)
      expect(await store.totals()).toEqual(summed)
      await store.addArticle(otherArticle(3))
      const again = await summedOverStories(store)
      expect(again.quotes).toBeGreaterThan(summed.quotes)
      expect(await store.totals()).toEqual(again)
    })
    await withOpen(open(), async (store) => {
      const summed = await summedOverStories(store)
      const totals = await store.totals()
      expect(totals).toMatchObject({ articles: 8, stories: 2 })
      expect(totals.quotes).toBeGreaterThan(40)
      expect(totals).toEqual(summed)
    })
  })

  it('keeps each story’s cross-reference with story-scoped ids, and lists from them', async () => {
    const seeds = await seedSources()
    await withOpen(open(), async (store) => {
      const summary = await ingest(store, seeds)
      expect(summary).toMatchObject({ added: 5, stories: 1 })
      // Rehearsed with PGlite (everything below reads as without it); nothing to do with a server.
      const rehearsed = await store.rehearseAdd()
      if (store.engine === 'postgres') expect(rehearsed).toBe(false)
      const [story] = await store.stories()
      const id = story?.id as string
      expect(await store.staleStories()).toEqual([])
      // The in-memory corpus numbers across the corpus; the store scopes each id by its story.
      const expected = createCorpus(seeds.map((s) => normalizeArticle(s))).analysis()
      const stored = await store.storyAnalysis(id)
      expect(stored.disputes.map((d) => d.id)).toEqual(
        expected.disputes.map((d) => `${id}#${d.id}`),
      )
      expect(stored.disputes.map((d) => d.cluster)).toEqual(
        expected.disputes.map((d) => (d.cluster === null ? null : `${id}#${d.cluster}`)),
      )
      expect(stored.clusters.map((c) => c.canonical)).toEqual(
        expected.clusters.map((c) => c.canonical),
      )
      expect(scopeIds(expected, id).coverage).toEqual(stored.coverage)

      const counts = (await store.storyCounts()).get(id)
      expect(counts?.disputes).toBe(expected.disputes.length)
      expect(counts?.clusters).toBe(expected.clusters.filter((c) => c.articles.length >= 2).length)
      const all = await store.disputes({}, { offset: 0, limit: 500 })
      expect(all.total).toBe(expected.disputes.length)
      expect(all.items).toEqual(stored.disputes)
      const article = seeds[0]?.id as string
      const ofArticle = await store.disputes({ article }, { offset: 1, limit: 2 })
      const wanted = stored.disputes.filter((d) => d.positions.some((p) => p.article === article))
      expect(ofArticle).toEqual({ items: wanted.slice(1, 3), total: wanted.length })

      // Quotes: statements first; a speaker's, a cluster's, words, each filter in SQL.
      const quotes = await store.quotes({}, { offset: 0, limit: 500 })
      expect(quotes.total).toBe(expected.quotes.filter((q) => q.kind !== 'term').length)
      expect(quotes.items.map((q) => q.rank)).toEqual(quotes.items.map((q) => q.rank).sort())
      const bukele = await store.quotes({ speakers: ['nayib-bukele'] }, { offset: 0, limit: 500 })
      expect(bukele.total).toBeGreaterThan(0)
      expect(bukele.items.every((q) => q.speaker?.id === 'nayib-bukele')).toBe(true)
      const cluster = stored.clusters.find((c) => c.articles.length >= 2)
      const inCluster = await store.quotes(
        { cluster: cluster?.id as string },
        { offset: 0, limit: 500 },
      )
      expect(inCluster.items.map((q) => q.id).sort()).toEqual(
        cluster?.members.map((m) => m.quote).sort(),
      )
      // Two words of a statement, in capitals: matched case aside.
      const phrase = (quotes.items[0]?.text ?? '').split(/\s+/).slice(1, 3).join(' ')
      const words = await store.quotes(
        { contains: phrase.toUpperCase() },
        { offset: 0, limit: 500 },
      )
      expect(words.total).toBe(
        quotes.items.filter((q) => q.text.toLowerCase().includes(phrase.toLowerCase())).length,
      )
      expect(words.total).toBeGreaterThan(0)
      // Articles quoting someone by part of their name, case aside; % and _ are literal.
      const quoting = new Set(
        stored.quotes
          .filter((q) => q.kind !== 'term' && /bukele/i.test(q.speaker?.name ?? ''))
          .map((q) => q.article),
      )
      expect(quoting.size).toBeGreaterThan(0)
      expect(await store.quotedIn('BUKELE')).toEqual(quoting)
      expect((await store.quotedIn('b_kele%')).size).toBe(0)
      const speakers = await store.speakers()
      expect(speakers.map((s) => s.id)).toEqual(stored.speakers.map((s) => s.id))

      const sources = await store.sources({ offset: 0, limit: 3 })
      expect(sources.total).toBe(5)
      expect(sources.items.map((s) => s.id)).toEqual(story?.articles.slice(0, 3))
      expect(sources.items[0]?.quotes).toBe(
        expected.quotes.filter((q) => q.article === article && q.kind !== 'term').length,
      )
      expect(sources.items[0]?.disputes).toBe(wanted.length)
    })

    // After a restart: the story index is restored from the stored memberships, and an
    // article joining the story makes only that story's analysis stale.
    await withOpen(open(), async (store) => {
      await store.warm()
      const added = await store.addArticle(otherArticle(1))
      expect(added.joined).toBe(false)
      const joined = await store.addArticle(otherArticle(2))
      expect(joined.story.id).toBe(added.story.id)
      expect(await store.staleStories()).toEqual([added.story.id])
      // Never analysed: no size known.
      expect(await store.analysedSize(added.story.id)).toBeUndefined()
      const input = await store.storyInput(added.story.id)
      expect(input?.articles.map((text) => JSON.parse(text).id)).toEqual(['harbour-1', 'harbour-2'])
      // The same texts in the pieces the store keeps them in (a worker is sent those).
      const pieces = await store.storyPieces(added.story.id)
      expect(pieces && joinStoryPieces(pieces)).toEqual(input)
      const made = analyseStory(input as StoryInput)
      // From the stored quotes and claims, as from extracting them again (messages aside).
      const again = analyseStory({ ...(input as StoryInput), analyses: [] })
      const parse = (bytes: Uint8Array) => JSON.parse(new TextDecoder().decode(bytes))
      expect({ ...parse(made.json.analysis), messages: [] }).toEqual({
        ...parse(again.json.analysis),
        messages: [],
      })
      expect(parse(made.json.analysis).clusters).toHaveLength(1)
      expect(await store.saveStoryAnalysis(made)).toBe(true)
      expect(await store.staleStories()).toEqual([])
      const size = { quotes: made.quotes, claims: made.claims }
      expect(size.claims).toBeGreaterThan(0)
      expect(await store.analysedSize(added.story.id)).toEqual(size)
      // An analysis of an older revision is not kept.
      await store.addArticle(otherArticle(3))
      expect(await store.saveStoryAnalysis(made)).toBe(false)
      expect(await store.staleStories()).toEqual([added.story.id])
      // The size of the analysis stored, until the story is analysed again.
      expect(await store.analysedSize(added.story.id)).toEqual(size)
      expect((await store.storyAnalysis(added.story.id)).articles).toHaveLength(3)
    })
  })

  it("finds quotes by their speaker's name, the closest names first", async () => {
    await withOpen(open(), async (store) => {
      await store.addArticle(otherArticle(1))
      // Counted again once an article is added (PGlite keeps the count between adds).
      expect(await store.count()).toBe(1)
      await store.addArticle(ferryArticle())
      expect(await store.count()).toBe(2)
      expect((await store.sources({ offset: 1, limit: 1 })).total).toBe(2)
      const stored = await store.getArticle('ferry-1')
      const names = new Map(stored?.speakers.map((s) => [s.id, s.name]))
      const quotesOf = (name: string) =>
        (stored?.quotes ?? [])
          .filter((q) => q.speaker && names.get(q.speaker.id) === name)
          .map((q) => q.id)
      expect(quotesOf('Anna Berg')).toHaveLength(2)
      expect(quotesOf('Anna Bergström')).toHaveLength(1)

      // Case aside, the speaker of that name first, above every hit of the words.
      const hits = (await store.search('ANNA BERG')).items
      const quoted = hits.filter((hit) => hit.kind === 'quote')
      expect(
        hits
          .slice(0, 2)
          .map((hit) => hit.id)
          .sort(),
      ).toEqual(quotesOf('Anna Berg').sort())
      expect(quoted.every((hit) => hit.rank > 1)).toBe(true)
      expect(hits.filter((hit) => hit.kind !== 'quote').every((hit) => hit.rank < 1)).toBe(true)
      if (store.trigrams) {
        // A close name after it, a misspelt one found, the closest first.
        expect(quoted.slice(2).map((hit) => hit.id)).toEqual(quotesOf('Anna Bergström'))
        expect((quoted[1]?.rank ?? 0) > (quoted[2]?.rank ?? 0)).toBe(true)
        const misspelt = (await store.search('Anna Bergstrom')).items
        expect(misspelt[0]).toMatchObject({ kind: 'quote', speaker: 'Anna Bergström' })
        expect(misspelt.filter((hit) => hit.speaker === 'Anna Berg')).toHaveLength(2)
      } else expect(quoted).toHaveLength(2)
      // Without a capital letter the query is words only: the sentences naming her.
      const words = (await store.search('anna berg')).items
      expect(words.length).toBeGreaterThan(0)
      expect(words.every((hit) => hit.kind === 'sentence' && hit.text.includes('Anna Berg'))).toBe(
        true,
      )
      expect(await store.quotedIn('bergström')).toEqual(new Set(['ferry-1']))
      expect(await store.quotedIn('Lindqvist')).toEqual(new Set(['harbour-1']))
    })
  })

  it('searches words, phrases and speakers in the database, ranked and paged', async () => {
    await withOpen(open(), async (store) => {
      for (const source of await seedSources()) await store.addArticle(source)
      await store.addArticle(otherArticle(1))
      const bridge = await store.search('harbour bridge')
      expect(bridge.items.length).toBeGreaterThan(0)
      expect(bridge.items.every((hit) => hit.article === 'harbour-1')).toBe(true)
      // English stems: "supports" and "replacing" find "support" and "replaced".
      const stem = await store.search('supports replacing')
      expect(stem.items.map((hit) => [hit.kind, hit.article]).sort()).toEqual([
        ['quote', 'harbour-1'],
        ['sentence', 'harbour-1'],
      ])
      expect(stem.items.find((hit) => hit.kind === 'quote')?.text).toContain(
        'every support has been replaced',
      )
      const phrase = await store.search('"mega jail"')
      expect(phrase.items.length).toBeGreaterThan(0)
      for (const hit of phrase.items) expect(hit.text.toLowerCase()).toMatch(/mega.?jail/)
      const speaker = await store.search('Maria Lindqvist')
      expect(
        speaker.items.some((hit) => hit.kind === 'quote' && hit.speaker === 'Maria Lindqvist'),
      ).toBe(true)
      expect((await store.search('zzzunheard')).items).toEqual([])

      const all = await store.search('Bukele', { limit: 500 })
      const first = await store.search('Bukele', { limit: 2 })
      expect(first.items).toEqual(all.items.slice(0, 2))
      const second = await store.search('Bukele', { limit: 2, cursor: first.next })
      expect(second.items).toEqual(all.items.slice(2, 4))
      await expect(store.search('Bukele', { cursor: '!!' })).rejects.toThrow(/cursor/)

      const page = await store.listArticles({ limit: 4 })
      expect(page.items).toHaveLength(4)
      const rest = await store.listArticles({ limit: 4, cursor: page.next })
      expect(rest.items).toHaveLength(2)
      expect(rest.items[1]).toMatchObject({ id: 'harbour-1', outlet: 'Harbour Courier 1' })
      expect(rest.next).toBeNull()
    })
  })

  it('adds a batch as one add after another: the same stories, the same content once, a refusal in its place', async () => {
    const sources = await retoldSources()
    const index = createStoryIndex()
    const prepared = sources.map((source) => prepareArticle(source))
    const expected = prepared.map((p) => index.add(p.profile))
    const again = prepared[2] as (typeof prepared)[number]
    const taken = prepareArticle({ ...otherArticle(7), id: again.article.id })
    const batch = [...prepared.slice(0, 5), again, taken, ...prepared.slice(5)]
    await withOpen(open(), async (store) => {
      const answers = await store.addPreparedBatch(batch)
      expect(answers).toHaveLength(batch.length)
      expect(answers[5]).toMatchObject({ added: false, id: again.article.id })
      expect(answers[6]).toMatchObject({ code: 'DUPLICATE_ID' })
      const added = [...answers.slice(0, 5), ...answers.slice(7)] as AddResult[]
      expect(added.map((r) => [r.added, r.id, r.story.id, r.joined])).toEqual(
        expected.map((a) => [true, a.member.article, a.story, a.joined]),
      )
      expect(await store.count()).toBe(sources.length)
      expect((await store.stories()).map((s) => s.articles)).toEqual(
        index.stories().map((s) => s.articles),
      )
      // The story index is the store's: the next add joins as the core's index would.
      const next = prepareArticle(otherArticle(8))
      const joined = index.add(next.profile)
      expect((await store.addPrepared(next)).story.id).toBe(joined.story)
    })
  })

  it('refuses an article without a body and an id taken by another text, writing nothing', async () => {
    await withOpen(open(), async (store) => {
      await store.addArticle(otherArticle(1))
      await expect(store.addArticle({ content: '   \n' })).rejects.toMatchObject({
        code: 'INVALID_ARGUMENT',
      })
      await expect(store.addArticle({ ...otherArticle(2), id: 'harbour-1' })).rejects.toMatchObject(
        { code: 'DUPLICATE_ID' },
      )
      expect(await store.count()).toBe(1)
      // The failed add left the story index consistent: the next add still works.
      expect((await store.addArticle(otherArticle(3))).joined).toBe(true)
    })
  })
}
