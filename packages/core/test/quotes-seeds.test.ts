import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  extractQuotes,
  loadArticleDirectory,
  normalizeArticle,
  type QuoteExtraction,
} from '../src/index.js'
import type { Quote, Speaker } from '../src/types.js'
import { articles, IDS, loaded, SEEDS, type SeedId, seed, slice } from './seed-articles.js'

const results = new Map([...articles].map(([id, article]) => [id, extractQuotes(article)]))

function quotesOf(id: SeedId): QuoteExtraction {
  const result = results.get(id)
  if (!result) throw new Error(`seed ${id} was not loaded`)
  return result
}

/** The only quote of a seed whose text starts with `start` (in `paragraph`, when given). */
function quote(id: SeedId, start: string, paragraph?: number): Quote {
  const found = quotesOf(id).quotes.filter(
    (q) => q.text.startsWith(start) && (paragraph === undefined || q.paragraph === paragraph),
  )
  expect(found.map((q) => q.text)).toHaveLength(1)
  return found[0] as Quote
}

const speakerName = (q: Quote) => q.speaker?.name ?? null

/** A seed's quotes, once it is checked that the seed has a title and every quote starts after it. */
function quotesAfterTitle(id: SeedId): Quote[] {
  const title = seed(id).title?.span
  expect(title).toBeDefined()
  const { quotes } = quotesOf(id)
  for (const q of quotes) expect(q.span.start).toBeGreaterThanOrEqual(title?.end ?? Infinity)
  return quotes
}

/**
 * Rubio, whatever name the extraction gives him: attribution is checked here and the
 * full name "Marco Rubio" in one test per seed, so that one naming fault fails one test.
 */
const RUBIO = expect.stringMatching(/\bRubio$/)
const isRubio = (q: Quote) => /\bRubio$/.test(q.speaker?.name ?? '')

/** Every quote of a seed given to Rubio carries the name "Marco Rubio". */
function expectMarcoRubio(id: SeedId, atLeast: number) {
  const rubio = quotesOf(id).quotes.filter(isRubio)
  expect(rubio.length).toBeGreaterThanOrEqual(atLeast)
  expect(new Set(rubio.map(speakerName))).toEqual(new Set(['Marco Rubio']))
  const speaker = quotesOf(id).speakers.find((s) => s.id === rubio[0]?.speaker?.id)
  expect(speaker).toMatchObject({ name: 'Marco Rubio', kind: 'person' })
  expect(speaker?.aliases).toContain('Marco Rubio')
}

/** Among the seed's speakers is `name`, as a person or an organization. */
function expectSpeaker(id: SeedId, name: string, kind: Speaker['kind']) {
  expect(quotesOf(id).speakers).toContainEqual(expect.objectContaining({ name, kind }))
}

interface SeedQuoteRow {
  title: string
  /** Why the code does not give this yet: the row runs as `it.fails`. */
  knownFailure?: string
  note?: string
  /** The speaker is Rubio under whatever name ({@link RUBIO}). */
  rubio?: boolean
  /** How the quote's text starts; `paragraph` too when that start is not unique. */
  start: string
  paragraph?: number
  quote: Record<string, unknown>
}

// Rows of tables/quotes-seeds.json, by seed: the only quote of the seed that starts so has these
// fields.
const seedRows: Record<string, { seed: SeedId; rows: SeedQuoteRow[] }> = JSON.parse(
  readFileSync(new URL('./tables/quotes-seeds.json', import.meta.url), 'utf8'),
)
for (const [group, { seed: id, rows }] of Object.entries(seedRows)) {
  describe(`quote seed ${group}, one quote`, () => {
    for (const row of rows) {
      ;(row.knownFailure ? it.fails : it)(row.title, () => {
        const expected = row.rubio ? { ...row.quote, speaker: { name: RUBIO } } : row.quote
        expect(quote(id, row.start, row.paragraph)).toMatchObject(expected)
      })
    }
  })
}

describe('quote seeds: invariants', () => {
  it('loads the five seeds', () => {
    expect(loaded.failures).toEqual([])
    expect(loaded.sources.map((s) => s.id)).toEqual([...IDS])
  })

  for (const id of IDS) {
    it(`${id}: every quote, mention and cue slices back to its text, inside its paragraph`, () => {
      const article = seed(id)
      const { quotes } = quotesOf(id)
      expect(quotes.length).toBeGreaterThan(0)
      quotes.forEach((q, index) => {
        expect(q.id).toBe(`${id}#q${index}`)
        expect(q.article).toBe(id)
        expect(slice(article, q.span)).toBe(q.text)
        if (q.mention) expect(slice(article, q.mention.span)).toBe(q.mention.text)
        if (q.cue) expect(slice(article, q.cue.span)).toBe(q.cue.text)
        const paragraph = article.paragraphs[q.paragraph]
        expect(paragraph?.text).toContain(q.text)
        expect(q.span.start).toBeGreaterThanOrEqual(paragraph?.span.start ?? Infinity)
        expect(q.span.end).toBeLessThanOrEqual(paragraph?.span.end ?? -1)
        expect(q.text).toBe(q.text.trim())
        expect(q.text).not.toMatch(/^["“”‘]|["“”]$/)
        expect(q.speaker === null).toBe(q.rule === null)
        if (q.kind === 'term') expect(q.speaker).toBeNull()
      })
      const listed = quotesOf(id).speakers.map((s) => s.id)
      expect(listed).toEqual([...new Set(listed)].sort())
      expect(new Set(listed)).toEqual(
        new Set(quotes.flatMap((q) => (q.speaker ? [q.speaker.id] : []))),
      )
    })

    it(`${id}: is deterministic and JSON-safe`, async () => {
      const again = (await loadArticleDirectory(SEEDS)).sources.find((s) => s.id === id)
      expect(again).toBeDefined()
      if (!again) return
      const first = quotesOf(id)
      expect(extractQuotes(normalizeArticle(again))).toEqual(first)
      expect(JSON.parse(JSON.stringify(first))).toEqual(first)
    })
  }

  const speakerIds = (test: (q: Quote) => boolean) =>
    new Set(
      IDS.flatMap((id) =>
        quotesOf(id).quotes.flatMap((q) => (q.speaker && test(q) ? [q.speaker.id] : [])),
      ),
    )

  it('gives Nayib Bukele one speaker id across the seeds', () => {
    expect(speakerIds((q) => q.speaker?.name === 'Nayib Bukele').size).toBe(1)
  })

  it('gives Rubio one speaker id across the seeds', () => {
    expect([...speakerIds(isRubio)]).toHaveLength(1)
  })
})

describe('quote seed 000: Rubio in San José', () => {
  const id = '000_319bfdf5a655c3df'

  it('carries the quote broken by "Secretary Rubio said." on to its second part', () => {
    const first = quote(id, 'That’s an offer President Bukele made.')
    const second = quote(id, 'No one’s ever made an offer like that')
    expect(second.continues).toBe(first.id)
    expect(speakerName(second)).toEqual(RUBIO)
  })

  it('gives “…,” he continued. to Rubio', () => {
    expect(
      quote(id, 'But obviously, the administration will have to make a decision'),
    ).toMatchObject({
      kind: 'statement',
      speaker: { name: RUBIO },
      mention: { text: 'he' },
      cue: { text: 'continued' },
    })
    expect(quote(id, 'We are just profoundly grateful.')).toMatchObject({
      speaker: { name: RUBIO },
      mention: { text: 'he' },
      cue: { text: 'continued' },
    })
  })

  it('closes the quote ending with the wrong mark (legal residents.“) and gives it to Rubio', () => {
    const q = quote(id, 'And he’s also offered to do the same')
    expect(q.text.endsWith('even if they’re U.S. citizens or legal residents.')).toBe(true)
    expect(q.paragraph).toBe(10)
    expect(speakerName(q)).toEqual(RUBIO)
    expect(speakerName(quote(id, 'You can think about it:'))).toEqual(RUBIO)
    const codes = quotesOf(id).messages.map((m) => m.code)
    expect(codes).not.toContain('unclosed-quote')
    expect(codes).not.toContain('stray-quote-mark')
  })

  it('gives the words Rubio described the offer with to Rubio', () => {
    for (const word of ['incredible', 'unprecedented']) {
      expect(quote(id, word)).toMatchObject({
        text: word,
        kind: 'fragment',
        paragraph: 1,
        speaker: { name: RUBIO },
      })
    }
  })

  // BUG: “mega-prison” is read as a fragment, not a term: in paragraph 0 it has no
  // speaker and raises an unattributed-quote message; in paragraph 5 it is given to
  // Nayib Bukele (rule cue-before). Expected kind 'term', speaker null, no message.
  it.fails('reads “mega-prison” as a term', () => {
    for (const paragraph of [0, 5]) {
      expect(quote(id, 'mega-prison', paragraph)).toMatchObject({ kind: 'term', speaker: null })
    }
    expect(quotesOf(id).messages.map((m) => m.code)).not.toContain('unattributed-quote')
  })

  // "…, Bukele explained on social media, would be “relatively low” for the United States
  // but “significant for us”": both fragments are his, the second joined by "but".
  it('gives the fee quotes Bukele explained on social media to Nayib Bukele', () => {
    expect(quote(id, 'relatively low')).toMatchObject({
      speaker: { name: 'Nayib Bukele' },
      channel: 'social-media',
    })
    expect(speakerName(quote(id, 'significant for us'))).toBe('Nayib Bukele')
  })

  it('gives the signing-ceremony quotes to Marco Rubio, not to "the United States"', () => {
    expect(speakerName(quote(id, 'profoundly grateful for the offer'))).toEqual(RUBIO)
    expect(speakerName(quote(id, 'No country’s ever made an offer of friendship'))).toBe(
      'Marco Rubio',
    )
  })

  it('names Rubio "Marco Rubio" with the role "Secretary of State"', () => {
    expectMarcoRubio(id, 8)
    const rubio = quotesOf(id).speakers.find((s) => s.aliases.includes('Secretary Rubio'))
    expect(rubio?.roles).toContain('Secretary of State')
  })

  // BUG: besides Rubio and Nayib Bukele, seed 000 lists the speaker "United States" for
  // “civil nuclear energy,” (the sentence's subject signed a memorandum that holds the
  // words; "signed" is no verb of speech, so the memorandum, not the signer, speaks);
  // expected no other speakers.
  it.fails('names no speaker but Rubio and Nayib Bukele', () => {
    for (const speaker of quotesOf(id).speakers)
      expect(speaker.name).toMatch(/^(?:Marco Rubio|Rubio|Nayib Bukele)$/)
  })
})

describe('quote seed 001: wire copy', () => {
  const id = '001_b67738d60fcf9431'

  it('names Rubio "Marco Rubio"', () => {
    expectMarcoRubio(id, 3)
  })

  it('gives the quoted words of Rubio’s indirect speech in the lead to Rubio', () => {
    expect(quote(id, 'dangerous American criminals')).toMatchObject({
      kind: 'fragment',
      paragraph: 0,
      speaker: { name: RUBIO },
    })
  })

  it('gives “incredibly grateful” to Rubio, not to "the United States"', () => {
    expect(speakerName(quote(id, 'incredibly grateful'))).toEqual(RUBIO)
  })

  it('gives “inhumane conditions,” to Human Rights Watch, an organization', () => {
    expect(quote(id, 'inhumane conditions')).toMatchObject({
      speaker: { name: 'Human Rights Watch' },
      cue: { text: 'according to' },
      rule: 'according-to',
    })
    expectSpeaker(id, 'Human Rights Watch', 'organization')
  })

  it('gives Bukele’s post to Nayib Bukele', () => {
    expect(quote(id, 'the opportunity to outsource part of its prison system.')).toMatchObject({
      speaker: { name: 'Nayib Bukele' },
      channel: 'social-media',
    })
    expect(quote(id, 'We are willing to take in only convicted criminals')).toMatchObject({
      kind: 'statement',
      speaker: { name: 'Nayib Bukele' },
      mention: { text: 'he' },
      cue: { text: 'wrote' },
    })
  })

  it('gives the second half of Bukele’s post, after "he wrote, …", to Nayib Bukele', () => {
    expect(speakerName(quote(id, 'The fee would be relatively low for the U.S.'))).toBe(
      'Nayib Bukele',
    )
    expect(quotesOf(id).messages).toEqual([])
  })

  it('gives the other Tammy Bruce quotes to Tammy Bruce', () => {
    expect(speakerName(quote(id, 'violent illegal immigrants'))).toBe('Tammy Bruce')
    expect(quote(id, 'unfreeze assistance')).toMatchObject({
      speaker: { name: 'Tammy Bruce' },
      mention: { text: 'Bruce' },
      cue: { text: 'said' },
      rule: 'cue-after',
    })
    expectSpeaker(id, 'Tammy Bruce', 'person')
  })
})

describe('quote seed 002: headline, caption and footer', () => {
  const id = '002_14d3067ffab1f62e'

  it('finds no quote in the headline', () => {
    for (const q of quotesAfterTitle(id)) expect(q.text).not.toContain('Extraordinary friendship')
  })

  it('reads ‘mega jail’ and “mega jail” as terms', () => {
    for (const paragraph of [0, 3]) {
      expect(quote(id, 'mega jail', paragraph)).toMatchObject({
        text: 'mega jail',
        kind: 'term',
        speaker: null,
      })
    }
  })

  it('keeps "Mr." in the mention of "Mr. Rubio welcomed the offer, saying “…”"', () => {
    expect(quote(id, 'In an act of extraordinary friendship').mention?.text).toBe('Mr. Rubio')
  })

  // The body calls him "Secretary of State Rubio" and "Mr. Rubio"; only the headline
  // names him in full ("… Marco Rubio Welcomes Offer …").
  it('names Rubio "Marco Rubio", as the headline does', () => {
    expectMarcoRubio(id, 1)
  })

  it('gives "El Salvador, he continued, will “…”" to the same speaker as Rubio’s quote before', () => {
    const welcomed = quote(id, 'In an act of extraordinary friendship')
    const continued = quote(id, 'accept for deportation any illegal alien')
    expect(welcomed.mention?.text).toBe('Mr. Rubio')
    expect(continued).toMatchObject({ mention: { text: 'he' }, cue: { text: 'continued' } })
    expect(continued.speaker).toEqual(welcomed.speaker)
  })

  it('gives “In an act of extraordinary friendship …” to Marco Rubio', () => {
    expect(quote(id, 'In an act of extraordinary friendship').speaker?.name).toBe('Marco Rubio')
  })

  it('names neither "American" nor "El Salvador" as a speaker', () => {
    const names = quotesOf(id).speakers.map((s) => s.name)
    expect(names).not.toContain('American')
    expect(names).not.toContain('El Salvador')
  })

  it('resolves "The president" to Nayib Bukele', () => {
    expect(speakerName(quote(id, 'relatively low', 4))).toBe('Nayib Bukele')
    expect(speakerName(quote(id, 'significant for us, making'))).toBe('Nayib Bukele')
  })
})

describe('quote seed 003: a wrong opening mark and a post on X', () => {
  const id = '003_57a1effef5a16a55'

  it('gives Bukele’s post on X to Nayib Bukele, both parts', () => {
    const first = quote(id, 'We have offered the United States of America')
    expect(first).toMatchObject({
      kind: 'statement',
      paragraph: 1,
      speaker: { name: 'Nayib Bukele' },
      mention: { text: 'Salvadoran President Nayib Bukele' },
      cue: { text: 'stated' },
      channel: 'social-media',
      rule: 'cue-after',
    })
    const second = quote(id, 'We are willing to take in only convicted criminals')
    expect(second.speaker).toEqual(first.speaker)
    expect(second.continues).toBe(first.id)
  })

  it('gives ” In an extraordinary gesture … ,” Secretary Rubio responded on X. to Rubio', () => {
    const q = quote(id, 'In an extraordinary gesture never before extended by any country')
    expect(q).toMatchObject({
      kind: 'statement',
      paragraph: 3,
      speaker: { name: RUBIO },
      mention: { text: 'Secretary Rubio' },
      cue: { text: 'responded' },
      channel: 'social-media',
      rule: 'cue-after',
    })
    expect(q.text.endsWith('including US citizens and legal residents,')).toBe(true)
  })

  it('reads the quote opened with a closing mark without reporting a stray mark', () => {
    expect(quotesOf(id).messages).toEqual([])
  })

  it('names Rubio "Marco Rubio"', () => {
    expectMarcoRubio(id, 1)
  })

  // "Rubio said President Bukele also offered … He said the offer could “make America
  // safer.”": Bukele is the subject of the reported clause; "He" continues with Rubio.
  it('gives “make America safer.” to Marco Rubio, the subject of the sentence before', () => {
    expect(speakerName(quote(id, 'make America safer.'))).toEqual(RUBIO)
  })
})

describe('quote seed 004: title, duplicate standfirst and sidebar', () => {
  const id = '004_cbbd90037d08fd37'

  it('finds no quote in the title', () => {
    for (const q of quotesAfterTitle(id)) expect(q.text).not.toBe('willing to take in')
  })

  it('finds no quote in the removed sidebar teasers', () => {
    const article = seed(id)
    const sidebar = article.removed.filter((r) => r.kind === 'sidebar')
    expect(sidebar.length).toBeGreaterThan(0)
    for (const q of quotesOf(id).quotes) {
      for (const teaser of [
        'Seeing Things Queerly',
        'see things queerly',
        'like cattle',
        'Miss Purr',
      ])
        expect(q.text).not.toContain(teaser)
      for (const removed of article.removed) {
        const overlaps = q.span.start < removed.span.end && removed.span.start < q.span.end
        expect(overlaps).toBe(false)
      }
    }
    for (const message of quotesOf(id).messages) {
      for (const removed of sidebar) {
        const span = message.span
        expect(span && span.start < removed.span.end && removed.span.start < span.end).toBeFalsy()
      }
    }
  })

  it('reads the standfirst once: its quotes come from the first copy only', () => {
    const article = seed(id)
    const duplicate = article.removed.find((r) => r.kind === 'duplicate')
    expect(duplicate).toBeDefined()
    const grateful = quotesOf(id).quotes.filter((q) => q.text === 'profoundly grateful')
    expect(grateful.map((q) => q.paragraph)).toEqual([0, 4])
  })

  it('gives Rubio’s quotes to Rubio', () => {
    for (const paragraph of [0, 4]) {
      expect(quote(id, 'profoundly grateful', paragraph)).toMatchObject({
        kind: 'fragment',
        speaker: { name: expect.stringMatching(/Rubio$/) },
        cue: { text: 'said' },
      })
      expect(quote(id, 'made an offer of friendship such as this.', paragraph).speaker).toEqual(
        quote(id, 'profoundly grateful', paragraph).speaker,
      )
    }
    expect(quote(id, 'He has offered to house in his jails').speaker).toEqual(
      quote(id, 'profoundly grateful', 4).speaker,
    )
  })

  it('names Rubio "Marco Rubio"', () => {
    expectMarcoRubio(id, 5)
  })

  it('gives Bukele’s post and what "He said" next to Nayib Bukele', () => {
    expect(quote(id, 'we are willing to take in only convicted criminals')).toMatchObject({
      speaker: { name: 'Nayib Bukele' },
      cue: { text: 'adding' },
      channel: 'social-media',
    })
    expect(quote(id, 'the fee would be relatively low')).toMatchObject({
      speaker: { name: 'Nayib Bukele' },
      mention: { text: 'He' },
      cue: { text: 'said' },
    })
  })

  it('gives the criticism to Amnesty International, an organization', () => {
    expect(quote(id, 'gradual replacement of gang violence')).toMatchObject({
      speaker: { name: 'Amnesty International' },
      cue: { text: 'criticized' },
    })
    expectSpeaker(id, 'Amnesty International', 'organization')
  })

  // "El Salvador marked the second destination in … Marco Rubio’s inaugural trip. / His
  // journey began in Panama, where he called for …": the place is no "he".
  it('gives the Panama quotes to Rubio, whose trip the paragraph before names', () => {
    expect(speakerName(quote(id, 'immediate changes'))).toEqual(RUBIO)
    expect(speakerName(quote(id, 'influence and control'))).toEqual(RUBIO)
  })

  it('gives “mass deportations.” after "…, vowing to" to Donald Trump', () => {
    expect(speakerName(quote(id, 'mass deportations.'))).toBe('Donald Trump')
  })
})
