import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  createStoryIndex,
  crossReference,
  extractClaims,
  extractQuotes,
  groupStories,
  normalizeArticle,
  packProfile,
  profileArticle,
  restoreStoryIndex,
  restoreStoryIndexInSteps,
  unpackProfile,
} from '../src/index.js'
import {
  createTermMemo,
  profileArticleReading,
  quoteWords,
} from '../src/stories/article-profile.js'
import type { ArticleProfile } from '../src/stories/index.js'
import type { Article, ArticleMetadataInput, Story } from '../src/types.js'
import { errorCodeOf } from './helpers.js'
import { IDS, seed } from './seed-articles.js'

function article(id: string, content: string, metadata: ArticleMetadataInput = {}): Article {
  return normalizeArticle({ id, content, metadata })
}

function profile(a: Article): ArticleProfile {
  const { quotes, speakers } = extractQuotes(a)
  const { claims } = extractClaims(a, quotes)
  return profileArticle(a, quotes, claims, speakers)
}

/**
 * `read` refuses `bytes` cut short by `at.cut` bytes, eight zero bytes, another format
 * version (byte `at.version`) and a broken head (byte `at.head`), each as INVALID_ARGUMENT.
 */
function expectRefusesDamaged(
  read: (bytes: Uint8Array) => unknown,
  bytes: Uint8Array,
  at: { cut: number; version: number; head: number },
) {
  expect(errorCodeOf(() => read(bytes.subarray(0, bytes.length - at.cut)))).toBe('INVALID_ARGUMENT')
  expect(errorCodeOf(() => read(new Uint8Array(8)))).toBe('INVALID_ARGUMENT')
  const otherVersion = bytes.slice()
  otherVersion[at.version] = 99
  expect(errorCodeOf(() => read(otherVersion))).toBe('INVALID_ARGUMENT')
  const badHead = bytes.slice()
  badHead[at.head] = 0x7d
  expect(errorCodeOf(() => read(badHead))).toBe('INVALID_ARGUMENT')
}

// Two small stories in the words two outlets would use, and a third on another subject.
const FLOOD_A = `The Severn burst its banks at Tewkesbury on Saturday, flooding more than 200 homes as residents were moved to the abbey hall.

Mayor Helen Rudd said the town's flood barriers held for nine hours before the river overtopped them. "We did everything the engineers asked of us, and the water still came over the wall at dawn," she said.

The Environment Agency issued three severe flood warnings along the Severn and the Avon.`
const FLOOD_B = `Hundreds of homes in Tewkesbury were flooded on Saturday after the River Severn overtopped the town's barriers.

"We did everything the engineers asked of us, and the water still came over the wall at dawn," Mayor Helen Rudd told reporters at the abbey, where families spent the night.

The Environment Agency kept severe flood warnings in place on the Severn and the Avon on Sunday.`
const TRANSFER = `Harbour City signed the striker Tomas Varga from Lisbon for a club record fee on Thursday, ending a month of talks.

Manager Ines Costa said Varga would start on Saturday. "He scores with either foot and he never stops running," she said.

The fee was not disclosed, but the club's accounts show a record spend on players this season.`

describe('profileArticle', () => {
  it('reads the texts several articles carry once, with the same profiles', () => {
    // One text at other places (a lead sentence in one, a body sentence in another,
    // under a title), read through one memo as crossReference reads a corpus.
    const articles = [
      article('a', FLOOD_A),
      article('b', `Rivers rose overnight. More rain came. Roads closed.\n\n${FLOOD_A}`),
      article('c', `${FLOOD_B}\n\n${FLOOD_A}`, { title: 'The Severn floods Tewkesbury' }),
      article('d', FLOOD_A),
    ]
    const memo = createTermMemo()
    for (const a of articles) {
      const { quotes, speakers } = extractQuotes(a)
      const { claims } = extractClaims(a, quotes)
      expect(profileArticleReading(a, quotes, claims, speakers, memo)).toEqual(profile(a))
    }
    expect(memo.terms.size).toBeGreaterThan(5)
  })

  it('weighs the headline above the body and labels an untitled article by its lead', () => {
    const titled = article('t', 'The river rose overnight.\n\nThe council met at noon.', {
      title: 'Barriers hold in Tewkesbury',
    })
    const p = profile(titled)
    const weight = (term: string) => p.terms.find(([t]) => t === term)?.[1]
    expect(weight('tewkesbury')).toBeGreaterThan(weight('council') ?? 0)
    expect(p.label).toBe('Barriers hold in Tewkesbury')
    const untitled = profile(article('u', FLOOD_A))
    expect(untitled.label.startsWith('The Severn burst its banks at Tewkesbury')).toBe(true)
    expect(untitled.day).toBeNull()
  })

  it('keeps every eight-word run of its quotes, and the publication day', () => {
    const p = profile(article('a', FLOOD_A, { published: '2024-11-23' }))
    expect(p.published).toBe('2024-11-23')
    expect(p.day).toBe(Date.UTC(2024, 10, 23) / 86_400_000)
    expect(p.quoteShingles).toContain('we did everything the engineers asked of us')
    expect(p.people).toContain('Helen Rudd')
  })

  it("reads a quote's words as the runs of letters, digits and apostrophes of any script", () => {
    expect(quoteWords('“We’ll rebuild — 40,000 homes,” she said; ¡Sí, señor!')).toEqual([
      "we'll",
      'rebuild',
      '40',
      '000',
      'homes',
      'she',
      'said',
      'sí',
      'señor',
    ])
    const byPattern = (text: string) =>
      text
        .toLowerCase()
        .replace(/[’‘]/g, "'")
        .split(/[^\p{L}\p{N}']+/u)
        .filter(Boolean)
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 80 }), fc.string({ unit: 'binary', maxLength: 40 })),
        (text) => {
          expect(quoteWords(text)).toEqual(byPattern(text))
        },
      ),
      { numRuns: 2000, seed: 7 },
    )
  })

  it('gives an article the same terms however many other words were read before it', () => {
    const flood = article('f', FLOOD_A, { title: 'Severn floods Tewkesbury' })
    const before = profile(flood)
    // Thousands of words never seen: the table of written words grows several times.
    const random = fc.sample(fc.stringMatching(/^[a-z]{4,9}$/), { numRuns: 12_000, seed: 5 })
    for (let i = 0; i < random.length; i += 400)
      profile(article(`w${i}`, random.slice(i, i + 400).join(' ')))
    expect(profile(flood)).toEqual(before)
  })
})

describe('stories', () => {
  const seedProfiles = IDS.map((id) => profile(seed(id)))

  it('puts the five seeds in one story, in whatever order they are added', () => {
    const orders = fc.sample(fc.shuffledSubarray([0, 1, 2, 3, 4], { minLength: 5 }), {
      numRuns: 30,
      seed: 7,
    })
    for (const order of orders) {
      const stories = groupStories(order.map((i) => seedProfiles[i] as ArticleProfile))
      expect(stories).toHaveLength(1)
      expect([...(stories[0]?.articles ?? [])].sort()).toEqual([...IDS])
    }
  })

  it('says why each seed joined, and describes the story', () => {
    const [story] = groupStories(seedProfiles)
    expect(story?.id).toMatch(/^st-[0-9a-f]{8}$/)
    expect(story?.members[0]).toMatchObject({ article: IDS[0], closest: null, score: 1 })
    for (const member of story?.members.slice(1) ?? []) {
      expect(IDS).toContain(member.closest)
      expect(member.score).toBeGreaterThanOrEqual(0.3)
      expect(member.sharedTerms.length).toBeGreaterThan(0)
    }
    expect(story?.people).toEqual(expect.arrayContaining(['Marco Rubio']))
    expect(story?.label.length).toBeGreaterThan(20)
  })

  it('keeps two events apart and brings two outlets of one event together', () => {
    const stories = groupStories(
      [
        article('flood-a', FLOOD_A, { outlet: 'Gazette', published: '2024-11-23' }),
        article('transfer', TRANSFER, { outlet: 'Sport Daily', published: '2024-11-23' }),
        article('flood-b', FLOOD_B, { outlet: 'Echo', published: '2024-11-24' }),
      ].map(profile),
    )
    expect(stories.map((s) => s.articles)).toEqual([['flood-a', 'flood-b'], ['transfer']])
    expect(stories[0]).toMatchObject({
      outlets: ['Gazette', 'Echo'],
      dates: { first: '2024-11-23', last: '2024-11-24' },
    })
    expect(stories[0]?.members[1]?.closest).toBe('flood-a')
  })

  it('does not join the same words published two months apart', () => {
    const stories = groupStories([
      profile(article('spring', FLOOD_A, { published: '2024-03-01' })),
      profile(article('autumn', FLOOD_B, { published: '2024-05-01' })),
    ])
    expect(stories).toHaveLength(2)
  })

  it('never lets a story run longer than its span, however closely it chains', () => {
    const days = ['2024-01-01', '2024-01-04', '2024-01-08', '2024-01-12', '2024-01-16']
    const index = createStoryIndex({ maxSpanDays: 10 })
    const stories = days.map(
      (published, i) => index.add(profile(article(`d${i}`, FLOOD_A, { published }))).story,
    )
    expect(stories[0]).toBe(stories[2])
    expect(stories[3]).not.toBe(stories[0])
  })

  it('joins on a shared long quote when the other words are few', () => {
    const quoteOnly = `At a hearing on Tuesday, lawmakers read from the record. "We did everything the engineers asked of us, and the water still came over the wall at dawn," the mayor had said.`
    const index = createStoryIndex()
    const first = index.add(profile(article('flood-a', FLOOD_A, { published: '2024-11-23' })))
    const second = index.add(profile(article('hearing', quoteOnly, { published: '2024-11-25' })))
    expect(second).toMatchObject({ story: first.story, joined: true })
    expect(
      'we did everything the engineers asked of us and the water still came over the wall at dawn',
    ).toContain(second.member.sharedQuote)
  })

  it('lets a page of many events run together join no story, and no later such page join it', () => {
    // Twelve events, each its own report with its own long quote; then pages that run the
    // twelve reports together (a roundup): each shares a long quote with twelve stories.
    const words = `orchard lantern meadow copper violin glacier pepper falcon marble canyon thistle
      saddle pottery walnut harbor quartz ribbon timber beacon cactus velvet salmon hammock
      chimney lobster tundra parsley compass biscuit cobalt garnet kettle juniper mosaic nectar
      pelican quilt raven sapphire tulip umbrella walrus yarrow anchor bramble candle dolphin
      emerald fossil granite hazel iris jasmine kestrel lagoon mango nutmeg olive pebble quince
      rosemary sequoia tamarind tapestry vineyard willow zephyr almond basil cedar daisy ember
      fern ginger heron ivory jade kiwi lilac maple nettle onyx poppy rhubarb saffron thyme`
      .split(/\s+/)
      .filter(Boolean)
    const report = (i: number) => {
      const w = words.slice(i * 7, i * 7 + 7)
      const place = `${w[0]?.toUpperCase()}${w[0]?.slice(1)}ton`
      return `${place} ${w[1]} ${w[2]} approved\n\nIn ${place}, the ${w[1]} ${w[2]} of ${w[3]} ${w[4]} won approval. "${place} ${w[1]} ${w[2]} ${w[3]} ${w[4]} ${w[5]} ${w[6]} ${w[2]} ${w[1]} ${place}," said ${place} official Ann ${w[5]?.toUpperCase()}${w[5]?.slice(1)}.`
    }
    const twelve = Array.from({ length: 12 }, (_, i) => i)
    const index = createStoryIndex()
    const events = twelve.map(
      (i) =>
        index.add(profile(article(`event-${i}`, report(i), { published: '2024-06-03' }))).story,
    )
    expect(new Set(events).size).toBe(12)
    const page = (id: string, order: number[]) =>
      index.add(
        profile(
          article(id, order.map(report).join('\n\n'), {
            published: '2024-06-04',
            title: `Roundup ${id}`,
          }),
        ),
      )
    const first = page('roundup-1', twelve)
    const second = page('roundup-2', [...twelve].reverse())
    expect(first.joined).toBe(false)
    expect(second.joined).toBe(false)
    expect(new Set([first.story, second.story, ...events]).size).toBe(14)
    // A report of one event still joins its story on the quote it shares.
    const again = index.add(
      profile(article('event-3-again', report(3), { published: '2024-06-04', outlet: 'Other' })),
    )
    expect(again).toMatchObject({ story: events[3], joined: true })
  })

  it('describes one story alone as stories() describes it, and no unknown one', () => {
    const index = createStoryIndex()
    for (const p of seedProfiles) index.add(p)
    const flood = index.add(profile(article('flood-a', FLOOD_A, { published: '2024-11-23' })))
    index.add(profile(article('flood-b', FLOOD_B, { published: '2024-11-24' })))
    const all = index.stories()
    expect(index.story(flood.story)).toEqual(all.find((s) => s.id === flood.story))
    expect(index.story(all[0]?.id ?? '')).toEqual(all[0])
    expect(index.story('st-none')).toBeUndefined()
  })

  /** The seeds' profiles and these of the flood and transfer stories, in this order. */
  const poolOf = (ids: Array<'flood-a' | 'flood-b' | 'transfer'>) => {
    const others = {
      'flood-a': () => article('flood-a', FLOOD_A, { published: '2024-11-23' }),
      'flood-b': () => article('flood-b', FLOOD_B, { published: '2024-11-24' }),
      transfer: () => article('transfer', TRANSFER, { published: '2024-11-23' }),
    }
    return [...seedProfiles, ...ids.map((id) => profile(others[id]()))]
  }

  /** An order's last article, and an index that added all the others in turn (with what it answered). */
  const addedBeforeLast = (order: ArticleProfile[]) => {
    const [last, ...before] = [...order].reverse()
    const earlier = createStoryIndex()
    const placed = before.reverse().map((p) => [p, earlier.add(p)] as const)
    return { last: last as ArticleProfile, earlier, placed }
  }

  /** Checks a restart over orders of two or more of the seeds, flood and transfer articles. */
  const forRestarts = (
    run: { numRuns: number; seed: number },
    check: (restart: { order: ArticleProfile[] } & ReturnType<typeof addedBeforeLast>) => void,
  ) =>
    fc.assert(
      fc.property(
        fc.shuffledSubarray(poolOf(['flood-a', 'transfer', 'flood-b']), { minLength: 2 }),
        (order) => check({ order, ...addedBeforeLast(order) }),
      ),
      run,
    )

  it('never moves an article once assigned, and gives the same stories for the same order', () => {
    const pool = poolOf(['flood-a', 'flood-b', 'transfer'])
    fc.assert(
      fc.property(fc.shuffledSubarray(pool, { minLength: 1 }), (order) => {
        const index = createStoryIndex()
        const assigned = order.map((p) => [p.article, index.add(p).story] as const)
        for (const [id, story] of assigned) expect(index.storyOf(id)).toBe(story)
        expect(groupStories(order)).toEqual(index.stories())
        expect(
          index
            .stories()
            .flatMap((s) => s.articles)
            .sort(),
        ).toEqual(order.map((p) => p.article).sort())
      }),
      { numRuns: 40, seed: 11 },
    )
  })

  it('places articles where an earlier index put them, and goes on as that index does', () => {
    forRestarts({ numRuns: 40, seed: 5 }, ({ order, last, earlier, placed }) => {
      const labels = new Map(order.map((p) => [p.article, p.label]))
      const restored = createStoryIndex()
      for (const [p, assignment] of placed) restored.place(p, assignment.story, assignment.member)
      // The same stories; a label may be another member's headline, as the centre is
      // measured with norms of the current size rather than the earlier index's cached ones.
      const unlabelled = (stories: Story[]) => stories.map((s) => ({ ...s, label: '' }))
      expect(unlabelled(restored.stories())).toEqual(unlabelled(earlier.stories()))
      for (const story of restored.stories())
        expect(story.articles.map((id) => labels.get(id))).toContain(story.label)
      expect(restored.size).toBe(earlier.size)
      for (const [p, assignment] of placed)
        expect(restored.storyOf(p.article)).toBe(assignment.story)
      // The next article goes where it would have gone without the restart; only the
      // score may differ a little, as the earlier index's cached norms were older.
      const next = restored.add(last)
      const expected = earlier.add(last)
      expect({ ...next, member: { ...next.member, score: 0 } }).toEqual({
        ...expected,
        member: { ...expected.member, score: 0 },
      })
      expect(Math.abs(next.member.score - expected.member.score)).toBeLessThan(0.02)
      expect(restored.stories().map((s) => s.articles)).toEqual(
        earlier.stories().map((s) => s.articles),
      )
    })
  })

  it('places a packed profile as it places the profile itself', () => {
    forRestarts({ numRuns: 30, seed: 13 }, ({ last, placed }) => {
      const whole = createStoryIndex()
      const packed = createStoryIndex()
      for (const [p, { story, member }] of placed) {
        whole.place(p, story, member)
        packed.place(unpackProfile(packProfile(p)), story, member)
      }
      expect(packed.stories()).toEqual(whole.stories())
      // The next article goes where it goes after a restore from whole profiles, score included.
      expect(packed.add(last)).toEqual(whole.add(last))
      expect(packed.stories()).toEqual(whole.stories())
    })
  })

  it('refuses a snapshot damaged anywhere in its numbers as INVALID_ARGUMENT, never asking for gigabytes', () => {
    const index = createStoryIndex()
    const [last, ...earlier] = seedProfiles as [ArticleProfile, ...ArticleProfile[]]
    for (const p of earlier) index.add(p)
    const bytes = index.snapshot()
    // Past the header and the head: the doubles and the integers, whose lengths and
    // references a flip can turn into 2^31 (before, such a restore ran out of memory).
    const head = new DataView(bytes.buffer, bytes.byteOffset).getUint32(8, true)
    const numbers = 4 * 12 + head
    fc.assert(
      fc.property(
        fc.integer({ min: numbers, max: bytes.length - 1 }),
        fc.integer({ min: 0, max: 255 }),
        (at, value) => {
          const damaged = bytes.slice()
          damaged[at] = value
          // Refused, or restored into an index that takes the next article (joining the
          // story of the others, so reading their documents and weights).
          expect(['no error', 'INVALID_ARGUMENT']).toContain(
            errorCodeOf(() => restoreStoryIndex(damaged).add(last)),
          )
        },
      ),
      { numRuns: 400, seed: 5 },
    )
  })

  it('refuses a snapshot whose weight is not a number, rather than failing at the next add', () => {
    const index = createStoryIndex()
    const [last, ...earlier] = seedProfiles as [ArticleProfile, ...ArticleProfile[]]
    for (const p of earlier) index.add(p)
    const bytes = index.snapshot()
    const view = new DataView(bytes.buffer, bytes.byteOffset)
    // The first double: the first document's first weight, just past the head.
    const first = (4 * 12 + view.getUint32(8, true) + 7) & ~7
    expect(view.getFloat64(first, true)).toBeGreaterThan(0)
    for (const weight of [Number.NaN, -1, Number.POSITIVE_INFINITY, 1e200]) {
      const damaged = bytes.slice()
      new DataView(damaged.buffer).setFloat64(first, weight, true)
      expect(errorCodeOf(() => restoreStoryIndex(damaged))).toBe('INVALID_ARGUMENT')
    }
    expect(restoreStoryIndex(bytes).add(last).story).toBe(index.add(last).story)
  })

  it('restores from a snapshot the index that placing the same members gives', () => {
    forRestarts({ numRuns: 30, seed: 17 }, ({ last, earlier, placed }) => {
      const whole = createStoryIndex()
      for (const [p, { story, member }] of placed) whole.place(p, story, member)
      const bytes = earlier.snapshot()
      const restored = restoreStoryIndex(bytes)
      expect(restored.size).toBe(whole.size)
      expect(restored.stories()).toEqual(whole.stories())
      for (const [p] of placed) expect(restored.storyOf(p.article)).toBe(whole.storyOf(p.article))
      // The same bytes again (norms are not kept), and the next add goes where it goes
      // after placing, score included.
      expect(restored.snapshot()).toEqual(whole.snapshot())
      expect(restored.add(last)).toEqual(whole.add(last))
      expect(restored.stories()).toEqual(whole.stories())
      expect(restoreStoryIndex(restored.snapshot()).stories()).toEqual(whole.stories())
    })
  })

  it('restores in steps the index that a restore in one call gives, pausing in a large one', () => {
    // Articles of words of their own (each its own story), enough for the read to pause.
    const index = createStoryIndex()
    for (let n = 0; n < 300; n++)
      index.add({
        article: `a${n}`,
        day: null,
        published: null,
        outlet: `outlet ${n % 7}`,
        label: `label ${n}`,
        terms: [0, 1, 2, 3].map((k) => [`w${n}x${k}`, 1 + k] as [string, number]),
        quoteShingles: [],
        people: [],
        places: [],
      })
    const bytes = index.snapshot()
    const steps = restoreStoryIndexInSteps(bytes)
    let pauses = 0
    let step = steps.next()
    for (; !step.done; step = steps.next()) pauses++
    expect(pauses).toBeGreaterThan(10)
    expect(step.value.snapshot()).toEqual(bytes)
    expect(step.value.stories()).toEqual(restoreStoryIndex(bytes).stories())
    const cut = restoreStoryIndexInSteps(bytes.subarray(0, bytes.length - 4))
    expect(errorCodeOf(() => [...cut])).toBe('INVALID_ARGUMENT')
  })

  it('refuses bytes that are no snapshot, and a snapshot of an empty index is empty', () => {
    const index = createStoryIndex()
    for (const p of poolOf(['flood-a'])) index.add(p)
    const bytes = index.snapshot()
    expectRefusesDamaged(restoreStoryIndex, bytes, { cut: 4, version: 4, head: 48 })
    // Not aligned on 8: read from a copy.
    const shifted = new Uint8Array(bytes.length + 1)
    shifted.set(bytes, 1)
    expect(restoreStoryIndex(shifted.subarray(1)).snapshot()).toEqual(bytes)
    const empty = restoreStoryIndex(createStoryIndex().snapshot())
    expect(empty.size).toBe(0)
    expect(empty.stories()).toEqual([])
    expect(empty.add(poolOf([])[0] as ArticleProfile).joined).toBe(false)
  })

  it('packs a profile into bytes that read back as its fields, weights and shingle keys', () => {
    const pool = poolOf(['flood-a', 'flood-b', 'transfer'])
    for (const p of pool) {
      const bytes = packProfile(p)
      expect(packProfile(p)).toEqual(bytes)
      const back = unpackProfile(bytes)
      const { terms, quoteShingles, ...small } = p
      expect(back).toMatchObject(small)
      expect(back.terms).toEqual(terms.map(([term]) => term))
      expect([...back.weights]).toEqual(terms.map(([, weight]) => weight))
      expect(back.shingleKeys).toHaveLength(quoteShingles.length * 2)
      // Smaller than the profile's JSON: the quotes are hashes, the weights two bytes.
      expect(bytes.length).toBeLessThan(new TextEncoder().encode(JSON.stringify(p)).length)
    }
    // A shared quote is the same keys in both articles' bytes; another quote other keys.
    const [a, b, t] = pool.slice(-3).map((p) => unpackProfile(packProfile(p)))
    const keys = (packed: typeof a) => {
      const pairs = new Set<string>()
      for (let i = 0; i < (packed?.shingleKeys.length ?? 0); i += 2)
        pairs.add(`${packed?.shingleKeys[i]}:${packed?.shingleKeys[i + 1]}`)
      return pairs
    }
    const shared = (x: Set<string>, y: Set<string>) => [...x].filter((key) => y.has(key)).length
    const sharedText = pool[pool.length - 3]?.quoteShingles.filter((q) =>
      pool[pool.length - 2]?.quoteShingles.includes(q),
    )
    expect(sharedText?.length).toBeGreaterThan(0)
    expect(shared(keys(a), keys(b))).toBe(sharedText?.length)
    expect(shared(keys(a), keys(t))).toBe(0)
  })

  it('reads back any profile it packs: terms, weights and shingles of arbitrary text', () => {
    const [first] = seedProfiles as [ArticleProfile]
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.string(), fc.double({ noNaN: true })), { maxLength: 30 }),
        fc.uniqueArray(fc.string(), { maxLength: 20 }),
        fc.array(fc.string(), { maxLength: 4 }),
        (terms, quoteShingles, people) => {
          const odd: ArticleProfile = { ...first, terms, quoteShingles, people }
          const back = unpackProfile(packProfile(odd))
          expect(back.terms).toEqual(terms.map(([term]) => term))
          expect([...back.weights]).toEqual(terms.map(([, weight]) => weight))
          expect(back.people).toEqual(people)
          // Each shingle's keys are its own, whatever else the profile holds.
          for (const [n, shingle] of quoteShingles.entries()) {
            const alone = unpackProfile(
              packProfile({ ...first, terms: [], quoteShingles: [shingle] }),
            )
            expect([...back.shingleKeys.subarray(2 * n, 2 * n + 2)]).toEqual([...alone.shingleKeys])
          }
        },
      ),
      { numRuns: 200, seed: 17 },
    )
  })

  it('keeps weights that are not thousandths exactly, and refuses bytes that are no packed profile', () => {
    const [first] = seedProfiles as [ArticleProfile]
    const odd: ArticleProfile = {
      ...first,
      terms: [
        ['flood', Math.PI],
        ['river', 70_000.5],
        ['barrier', 1 / 3],
        ['nul\u0000in a term', 1],
        ['minus zero', -0],
      ],
      quoteShingles: [],
      outlet: 'Café “Ünïcode” ☂',
    }
    const back = unpackProfile(packProfile(odd))
    expect(back.terms).toEqual(['flood', 'river', 'barrier', 'nul\u0000in a term', 'minus zero'])
    expect([...back.weights]).toEqual([Math.PI, 70_000.5, 1 / 3, 1, -0])
    expect(back.outlet).toBe('Café “Ünïcode” ☂')
    const bytes = packProfile(first)
    expectRefusesDamaged(unpackProfile, bytes, { cut: 1, version: 0, head: 16 })
    // A packed profile is for place: add needs the quotes' text.
    expect(errorCodeOf(() => createStoryIndex().add(unpackProfile(bytes) as never))).toBe(
      'INVALID_ARGUMENT',
    )
  })

  it('places a story under the id it was stored with, and refuses a member of another article', () => {
    const index = createStoryIndex()
    const [a, b] = seedProfiles as [ArticleProfile, ArticleProfile]
    const alone = {
      article: a.article,
      closest: null,
      score: 1,
      sharedTerms: [],
      sharedQuote: null,
    }
    index.place(a, 'st-kept', alone)
    expect(index.storyOf(a.article)).toBe('st-kept')
    expect(index.stories().map((s) => s.id)).toEqual(['st-kept'])
    expect(() => index.place(b, 'st-kept', alone)).toThrow(/member of the profile's own article/)
    expect(() => index.place(a, 'st-kept', alone)).toThrow(/already has an article/)
    expect(index.size).toBe(1)
  })

  it('refuses a duplicate article and what is not a profile', () => {
    const index = createStoryIndex()
    index.add(seedProfiles[0] as ArticleProfile)
    expect(errorCodeOf(() => index.add(seedProfiles[0] as ArticleProfile))).toBe('DUPLICATE_ID')
    expect(errorCodeOf(() => index.add({ article: 'x' } as unknown as ArticleProfile))).toBe(
      'INVALID_ARGUMENT',
    )
    expect(errorCodeOf(() => groupStories('seeds' as unknown as ArticleProfile[]))).toBe(
      'INVALID_ARGUMENT',
    )
    expect(index.size).toBe(1)
  })

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 300 }), { minLength: 1, maxLength: 6 }),
        (texts) => {
          const profiles = texts.map((text, i) => profile(article(`r${i}`, text)))
          const stories = groupStories(profiles)
          expect(stories.flatMap((s) => s.articles)).toHaveLength(texts.length)
        },
      ),
      { numRuns: 60, seed: 3 },
    )
  })
})

describe('crossReference within stories', () => {
  const corpus = [
    ...IDS.map((id) => seed(id)),
    article('flood-a', FLOOD_A, { outlet: 'Gazette' }),
    article('flood-b', FLOOD_B, { outlet: 'Echo' }),
    article('transfer', TRANSFER, { outlet: 'Sport Daily' }),
  ]
  const result = crossReference(corpus)
  const storyOf = new Map(result.stories.flatMap((s) => s.articles.map((a) => [a, s.id])))

  it('finds the stories and keeps every cluster, slot and dispute inside one', () => {
    expect(result.stories.map((s) => [...s.articles].sort())).toEqual([
      [...IDS],
      ['flood-a', 'flood-b'],
      ['transfer'],
    ])
    for (const cluster of result.clusters)
      for (const member of cluster.members) expect(storyOf.get(member.article)).toBe(cluster.story)
    for (const dispute of result.disputes)
      for (const position of dispute.positions)
        expect(storyOf.get(position.article)).toBe(dispute.story)
    for (const slot of result.slots)
      for (const claim of slot.claims)
        expect(storyOf.get(claim.split('#')[0] as string)).toBe(slot.story)
  })

  it('numbers clusters, slots and disputes across the corpus, each id once', () => {
    for (const items of [result.clusters, result.slots, result.disputes, result.agreements]) {
      const ids = items.map((item) => item.id)
      expect(new Set(ids).size).toBe(ids.length)
    }
    const clusterIds = new Set(result.clusters.map((c) => c.id))
    for (const dispute of result.disputes)
      if (dispute.cluster !== null) expect(clusterIds.has(dispute.cluster)).toBe(true)
  })

  it('reports the flood quote as one statement of two outlets, not of the seeds', () => {
    const cluster = result.clusters.find((c) => c.canonical.startsWith('We did everything'))
    expect(cluster?.articles).toEqual(['flood-a', 'flood-b'])
  })

  it('takes the stories a caller kept, and refuses an article left out of them', () => {
    const again = crossReference(corpus, { stories: result.stories })
    expect(again.disputes).toEqual(result.disputes)
    expect(() => crossReference(corpus, { stories: result.stories.slice(1) })).toThrow(
      /in none of the stories given/,
    )
  })

  it.each([
    ['a story, not an array', () => result.stories[0]],
    ['null', () => null],
    ['stories without members', () => result.stories.map(({ members, ...rest }) => rest)],
    ['a member without its article', () => [{ ...result.stories[0], members: [{}] }]],
    ['a story without an id', () => result.stories.map(({ id, ...rest }) => rest)],
  ])('refuses %s as the stories, in words', (_, stories) => {
    const call = () => crossReference(corpus, { stories: stories() as never })
    expect(errorCodeOf(call)).toBe('INVALID_ARGUMENT')
    expect(call).toThrow(/options\.stories/)
  })

  it('reports a later figure as an update with both days, not as a dispute', () => {
    const first = article(
      'quake-1',
      `An earthquake struck the coastal city of Palu on Friday evening, collapsing a hotel and a shopping centre.\n\nOfficials put the death toll at 120 on Saturday, as rescuers searched the rubble of the hotel in Palu.`,
      { published: '2024-09-28' },
    )
    const later = article(
      'quake-2',
      `Rescuers in Palu pulled survivors from the rubble of a collapsed hotel on Sunday, two days after the earthquake struck the coastal city.\n\nThe death toll has risen to 384, officials said, as rescuers searched the rubble of the hotel in Palu.`,
      { published: '2024-09-30' },
    )
    const result = crossReference([first, later])
    expect(result.stories).toHaveLength(1)
    expect(result.disputes.filter((d) => d.kind === 'fact')).toEqual([])
    expect(result.updates).toHaveLength(1)
    expect(result.updates[0]).toMatchObject({
      from: { value: 120, articles: ['quake-1'], published: '2024-09-28' },
      to: { value: 384, articles: ['quake-2'], published: '2024-09-30' },
      story: result.stories[0]?.id,
    })
  })

  it('across stories, reports only a long statement given to two named speakers', () => {
    const words =
      'The budget will balance by the end of the decade without a single new tax on working families'
    const a = article(
      'budget-a',
      `The finance minister presented the spending plan to parliament on Monday.\n\n"${words}," Finance Minister Karen Holt said.`,
      { published: '2024-02-05' },
    )
    const b = article(
      'speech-b',
      `The opposition leader toured a steel works in the north in June.\n\n"${words}," opposition leader Samuel Oduya told workers, to applause. "Out of control," he added of prices.`,
      { published: '2024-06-20' },
    )
    const c = article(
      'prices-c',
      `Inflation stayed high through the summer in the capital.\n\n"Out of control," Karen Holt said of prices at the market.`,
      { published: '2024-06-21' },
    )
    const across = crossReference([a, b, c])
    expect(new Set(across.stories.map((s) => s.id)).size).toBeGreaterThan(1)
    const attributions = across.disputes.filter((d) => d.kind === 'attribution')
    expect(attributions).toHaveLength(1)
    expect(attributions[0]?.positions.map((p) => [p.article, p.speaker?.name])).toEqual([
      ['budget-a', 'Karen Holt'],
      ['speech-b', 'Samuel Oduya'],
    ])
  })
})
