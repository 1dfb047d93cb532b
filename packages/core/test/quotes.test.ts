import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  extractQuotes,
  normalizeArticle,
  parseSpeakerMention,
  type QuoteExtraction,
} from '../src/index.js'
import type { Article, ArticleFormat, Span } from '../src/types.js'
import { blocks, expectSlicesBack, quoteOf, slice, spanOf } from './helpers.js'

const NUM_RUNS = 200

interface Run extends QuoteExtraction {
  article: Article
}

/** The quotes of article `a` read from `content` in `format`. */
function runAs(format: ArticleFormat, content: string): Run {
  const article = normalizeArticle({ content, format, id: 'a' })
  return { article, ...extractQuotes(article) }
}

const run = (...paragraphs: string[]) => runAs('text', blocks(...paragraphs))

const codes = (result: Run) => result.messages.map((m) => m.code)

/** The speakers' names of every quote, or of the first or the last only; null for a quote without one. */
function speakersOf(result: Run, which: 'first' | 'last' | 'every') {
  const names = result.quotes.map((q) => q.speaker?.name ?? null)
  if (which === 'every') return names
  return which === 'first' ? names.slice(0, 1) : names.slice(-1)
}

interface QuoteRow {
  title: string
  note?: string
  paragraphs: string[]
  quote: Record<string, unknown>
}

interface SpeakerRow {
  title: string
  paragraphs: string[]
  which: 'first' | 'last' | 'every'
  speakers: Array<string | null>
}

const table = <Row>(name: string): Record<string, Row[]> =>
  JSON.parse(readFileSync(new URL(`./tables/${name}.json`, import.meta.url), 'utf8'))

// Whole articles whose quotes, speakers and messages are the assertion are fixture pairs in
// test/fixtures/quotes (quotes-fixtures.test.ts). Shorter checks are rows of two tables, by
// group: an article with one quote and the fields that quote has (tables/quotes-one-quote.json),
// and an article with the speakers' names of its quotes (tables/quotes-speakers.json).
for (const [group, rows] of Object.entries(table<QuoteRow>('quotes-one-quote'))) {
  describe(`quotes: ${group}, one quote`, () => {
    it('has rows', () => expect(rows.length).toBeGreaterThan(0))
    // The quote also slices back to its text, has a confidence of 0 exactly when it has no
    // speaker, and the article gives no message.
    it.each(rows.map((row) => [row.title, row] as const))('%s', (_title, { paragraphs, quote }) => {
      const result = run(...paragraphs)
      expect(result.quotes).toMatchObject([quote])
      expect(result.quotes[0]?.confidence === 0).toBe(result.quotes[0]?.speaker === null)
      expectSlicesBack(result)
      expect(result.messages).toEqual([])
    })
  })
}

for (const [group, rows] of Object.entries(table<SpeakerRow>('quotes-speakers'))) {
  describe(`quotes: ${group}, speakers`, () => {
    it('has rows', () => expect(rows.length).toBeGreaterThan(0))
    it.each(rows.map((row) => [row.title, row] as const))('%s', (_title, row) => {
      const { paragraphs, which, speakers } = row
      expect(speakersOf(run(...paragraphs), which)).toEqual(speakers)
    })
  })
}

// Names written with letters outside ASCII are names like any other: "\b" in a pattern knows
// only ASCII letters, so the "a" ending "Peña" once read as an article ("Ana Peña said" lost its
// cue), and given names are listed without accents ("José" is "jose").
describe('quotes: names with accents speak as their plain spellings do', () => {
  const names = [
    ['Ana Peña', 'Ana Pena'],
    ['Sofía Mejía', 'Sofia Mejia'],
    ['José Ward Anderson', 'Jose Ward Anderson'],
    ['Antônio Villaseñor Llamas', 'Antonio Villasenor Llamas'],
    ['François Kay Dubois', 'Francois Kay Dubois'],
    ['Lucía García', 'Lucia Garcia'],
  ] as const
  // NAME stands for the speaker's name.
  const templates = [
    '“We will keep going,” NAME said.',
    '“We will keep going,” said NAME, a volunteer.',
    'NAME told reporters, “We will keep going.”',
    'The plan is “a bad one,” NAME said on Tuesday.',
    'NAME said the plan was “a bad one.”',
  ]
  const cases = names.flatMap(([accented, plain]) =>
    templates.map((template) => [accented, plain, template] as const),
  )
  it.each(cases)('%s (as %s) in %s', (accented, plain, template) => {
    const lead = 'The group met in the town hall on Monday.'
    expect(speakersOf(run(lead, template.replace('NAME', accented)), 'every')).toEqual([accented])
    expect(speakersOf(run(lead, template.replace('NAME', plain)), 'every')).toEqual([plain])
  })
})

describe('quotes: quote marks', () => {
  it('reads a curly-quoted statement with its cue, mention and span', () => {
    const result = run(
      'The council approved the budget on Wednesday after a long debate.',
      '“We will not raise taxes this year,” Mayor Daniel Okafor said.',
    )
    const { article } = result
    const text = 'We will not raise taxes this year,'
    const speaker = result.speakers[0]
    expect(result.quotes).toEqual([
      quoteOf({
        text,
        span: spanOf(article, text),
        paragraph: 1,
        speaker: { id: speaker?.id ?? 'none', name: 'Daniel Okafor' },
        mention: { text: 'Mayor Daniel Okafor', span: spanOf(article, 'Mayor Daniel Okafor') },
        cue: { text: 'said', span: spanOf(article, 'said') },
        confidence: expect.any(Number),
        rule: 'cue-after',
      }),
    ])
    expect(result.quotes[0]?.confidence).toBeGreaterThan(0.5)
    expect(result.quotes[0]?.confidence).toBeLessThanOrEqual(1)
    expect(speaker).toMatchObject({ name: 'Daniel Okafor', kind: 'person' })
    expect(speaker?.roles).toContain('Mayor')
    expect(result.messages).toEqual([])
  })
})

describe('quotes: speaker mentions', () => {
  it('reads no name in a phrase that the first person closes: "The editor I", "In the piece I"', () => {
    expect(parseSpeakerMention('The editor I')).toBeNull()
    expect(parseSpeakerMention('In the piece I')).toBeNull()
    expect(parseSpeakerMention('The editor Ann Lee')).toMatchObject({ name: 'Ann Lee' })
  })
})

describe('quotes: attribution', () => {
  // The rest of this article's outcome is the fixture quote-only-paragraph.
  it('leaves a quote-only paragraph after an attributed quote to the learned choice, a guess trusted less than that quote', () => {
    const result = run(
      'Principal Mark Olsen thanked the parents for their patience.',
      '“We know this has been a difficult year for many families,” Olsen said.',
      '“Our teachers have done remarkable work, and the results show it.”',
    )
    expect(result.quotes.map((q) => q.rule)).toEqual(['cue-after', 'nearest-speaker'])
    // No rule hands it the quote before's mention and cue: the model picks whom, the last speaker among its features.
    expect(result.quotes[1]).toMatchObject({
      mention: null,
      cue: null,
      speaker: { name: 'Mark Olsen' },
    })
    expect(result.quotes[1]?.confidence).toBeLessThan(result.quotes[0]?.confidence ?? 0)
  })

  it('carries no fragment across a clause of another subject’s own verb: “…” while Jane Roe feared “…”', () => {
    for (const paragraphs of [
      ['Tom Hale said the bridge was “sound” while Jane Roe feared “imminent collapse.”'],
      [
        'Jane Roe, the state inspector, toured the bridge on Monday with her team.',
        'The mayor, Tom Hale, said the bridge was “sound” and the state’s inspector saw “no sign of collapse.”',
      ],
    ]) {
      const result = run(...paragraphs)
      expect(result.quotes[0]).toMatchObject({ rule: 'cue-before', speaker: { name: 'Tom Hale' } })
      expect(result.quotes[1]?.rule).not.toBe('same-quote')
    }
  })

  it('guesses no single word the text never shows to be a person: “Texas passed a law” makes no speaker of Texas', () => {
    const result = run(
      'Governor Tom Hale signed the bill on Monday in the capitol.',
      'Texas passed a similar law last year. Critics in Texas say it failed.',
      '“This law will save lives, and I am proud to sign it.”',
    )
    expect(result.quotes[0]?.speaker?.name ?? null).not.toBe('Texas')
  })

  it('reads no deadline after a passive naming verb as its agent: “…” by March, by Election Day', () => {
    for (const deadline of ['March', 'Election Day']) {
      const result = run(
        'Mayor Tom Hale presented the stadium plan on Monday.',
        `The deal will be called “final” by ${deadline} at the latest, aides said.`,
      )
      expect(result.quotes[0]?.speaker?.name ?? null).not.toBe(deadline)
    }
  })

  it('reads no feast, date or abbreviation after a passive naming verb as its agent: by Easter, by Thanksgiving, by Dec. 1, by Rosh Hashanah', () => {
    for (const deadline of [
      'Easter',
      'Easter Sunday',
      'Thanksgiving',
      'Dec. 1',
      'Rosh Hashanah',
      'Mardi Gras',
    ]) {
      const result = run(
        'Governor Jane Roe announced the budget on Monday.',
        `The plan is to be called “final” by ${deadline}. “We are ready,” she said.`,
      )
      expect(result.quotes[0]?.rule).not.toBe('cue-after')
      expect(result.quotes[1]?.speaker?.name).toBe('Jane Roe')
    }
  })

  it('still reads a person with a title after a passive naming verb as its agent: “…” by Sen. Roe', () => {
    const result = run('The new law has been described as “cruel and pointless” by Sen. Roe.')
    expect(result.quotes[0]).toMatchObject({ rule: 'cue-after', speaker: { name: 'Roe' } })
  })

  it('reads the agent of a judgement of a bill, a law or a proposal as its speaker: a bill called “…” by Gov. Hale', () => {
    for (const [text, name] of [
      ['The House passed a bill called “a giveaway to the rich” by Gov. Tom Hale.', 'Tom Hale'],
      ['The city approved a proposal described as “long overdue” by Mayor Ann Lee.', 'Ann Lee'],
      ['Voters approved a law branded “a power grab” by Gov. Tom Hale.', 'Tom Hale'],
    ] as const) {
      const result = run(text)
      expect(result.quotes[0]).toMatchObject({ rule: 'cue-after', speaker: { name } })
    }
  })

  it('reads the maker of a work a title names as no speaker of the title: a film called “…” by Ann Lee', () => {
    const result = run(
      'Tom Hale spoke at the festival on Monday. He praised a new film called “Home Again” by Ann Lee.',
    )
    expect(result.quotes[0]?.speaker?.name ?? null).not.toBe('Ann Lee')
  })

  it('keeps the cue before ", “…?”" where only a phrase, no clause, stands between: “asked Hale before the vote, “…?””', () => {
    for (const between of ['Hale before the vote,', 'the mayor once more,', 'the mayor as well,']) {
      const result = run(
        'Mayor Tom Hale met Jane Roe and the press on Monday.',
        `Jane Roe asked ${between} “Who will pay for this?” Hale replied that the state would.`,
      )
      expect(result.quotes[0]).toMatchObject({ rule: 'cue-before', speaker: { name: 'Jane Roe' } })
    }
  })

  it('gives a quote after the cue of a subordinate clause to the cue right after it: “When Roe asked, “Why?” he replied”', () => {
    for (const [lead, quote] of [
      ['As reporters shouted questions,', '“No comment!” Hale said.'],
      ['When Jane Roe asked about the budget,', '“Why does it matter?” he replied.'],
      ['After Roe spoke,', '“Are we done here?” Hale asked.'],
    ]) {
      const result = run('Mayor Tom Hale met Jane Roe and the press on Monday.', `${lead} ${quote}`)
      expect(result.quotes[0]).toMatchObject({ rule: 'cue-after', speaker: { name: 'Tom Hale' } })
    }
  })

  it('leaves an uncued quote in a paragraph of the writer’s own words to the learned choice too', () => {
    const result = run(
      '“We know this has been a difficult year for many families,” Principal Mark Olsen said.',
      'The district will publish the scores in June. “Our teachers have done remarkable work.”',
    )
    expect(result.quotes[1]).toMatchObject({ mention: null, cue: null })
    expect([null, 'nearest-speaker']).toContain(result.quotes[1]?.rule)
  })
})

describe('quotes: speech or term', () => {
  it('reads single quotes inside an article that writes double quotes as two apostrophes as no speech', () => {
    const result = run(
      "''Part of my job is to say, 'Look, this plan is for real and it will hold,''' the mayor said.",
      'The council voted on Tuesday.',
    )
    expect(result.quotes.map((q) => q.kind)).toEqual(['term'])
  })

  it('reads a headline credited to an outlet’s writer as no speech, and the story’s words after it as a quote', () => {
    const result = run(
      'FAREWELL—“The corner bookshop on Elm Street will close at the end of June,” by Herald’s Ana Ruiz: “The shop opened in 1974 and outlived three malls.”',
    )
    expect(result.quotes.map((q) => q.kind)).toEqual(['term', 'statement'])
  })

  it('reads a lower-case phrase of three words in running text as someone’s words, one word as a term', () => {
    const result = run(
      'Governor Ana Ruiz decried the council for “turning its back” on the “establishment” candidate.',
    )
    expect(result.quotes.map((q) => [q.text, q.kind])).toEqual([
      ['turning its back', 'fragment'],
      ['establishment', 'term'],
    ])
    expect(result.quotes[0]?.speaker?.name).toBe('Ana Ruiz')
  })

  it('reads a quote after a kind of work as its title only when written as a title', () => {
    const result = run(
      'According to the newspaper, “the state’s gun laws let dealers sell to almost any adult.”',
      'Lena Ortiz co-hosts the podcast “So, That Happened” with two friends.',
    )
    expect(result.quotes.map((q) => q.kind)).toEqual(['statement', 'term'])
  })
})

describe('quotes: canonical speakers', () => {
  it('gives the same speaker id across articles and runs', () => {
    const content = readFileSync(
      new URL('./fixtures/quotes/one-speaker-many-names.txt', import.meta.url),
      'utf8',
    )
    const one = extractQuotes(normalizeArticle({ content, id: 'a' }))
    const other = normalizeArticle({
      content: blocks('The bill takes effect in May.', '“Workers deserve this,” Maria Lopez said.'),
      id: 'b',
    })
    expect(one.quotes[0]?.speaker?.name).toBe('Maria Lopez')
    expect(extractQuotes(other).quotes[0]?.speaker).toEqual(one.quotes[0]?.speaker)
  })
})

describe('quotes: speakers are people, organizations or documents', () => {
  it('gives an unnamed person of a named body no kind (unknown), and a writing of one the kind of a document', () => {
    const kinds = (text: string) => run(text).speakers.map((s) => [s.name, s.kind])
    expect(kinds('A State Department official said the budget was “a mess.”')).toEqual([
      ['A State Department official', 'unknown'],
    ])
    expect(kinds('A Sierra Club report says the roads are “unsafe.”')).toEqual([
      ['A Sierra Club report', 'document'],
    ])
    expect(kinds('The Sierra Club said the roads are “unsafe.”')).toEqual([
      ['Sierra Club', 'organization'],
    ])
  })
  it('takes no interrogative for a speaker, a role or an alias', () => {
    const result = run(
      'Secretary of State Marco Rubio said the offer was generous, in what Rubio called the most “extraordinary migratory agreement anywhere in the world.”',
    )
    expect(result.quotes[0]?.speaker?.name).toBe('Marco Rubio')
    const rubio = result.speakers.find((s) => s.name === 'Marco Rubio')
    expect(rubio?.roles).not.toContain('what')
    expect(rubio?.aliases.every((alias) => /^\p{Lu}/u.test(alias))).toBe(true)
  })
})

describe('quotes: no speaker, unclosed quotes', () => {
  it('leaves a quote with no cue and no attributed neighbour without a speaker, with a message', () => {
    const result = run(
      'The committee held its final hearing on Thursday.',
      '“Nobody here wanted this outcome.”',
    )
    const text = 'Nobody here wanted this outcome.'
    const span = spanOf(result.article, text)
    expect(result.quotes).toEqual([quoteOf({ text, span, paragraph: 1 })])
    expect(result.speakers).toEqual([])
    expect(result.messages).toEqual([
      {
        code: 'unattributed-quote',
        severity: 'info',
        message: expect.stringContaining(text),
        span,
      },
    ])
  })

  it('reports a quote that is never closed nor reopened', () => {
    const result = run(
      'The committee held its final hearing on Thursday.',
      '“Nobody here wanted this outcome, and nobody will defend it, one member said afterwards.',
      'The vote was seven to two.',
    )
    const unclosed = result.messages.filter((m) => m.code === 'unclosed-quote')
    expect(unclosed).toEqual([
      {
        code: 'unclosed-quote',
        severity: 'warning',
        message: expect.any(String),
        span: spanOf(result.article, '“'),
      },
    ])
    expect(unclosed[0]?.message).toMatch(/not closed/)
    expectSlicesBack(result)
  })

  it('reports a quote left open in the last paragraph', () => {
    const result = run('The vote was seven to two.', 'One member said: “We will be back next year.')
    expect(codes(result)).toContain('unclosed-quote')
    const message = result.messages.find((m) => m.code === 'unclosed-quote')
    expect(message?.span && slice(result.article, message.span)).toBe('“')
  })
})

describe('quotes: invariants', () => {
  const FIXTURES: string[][] = [
    [
      'Fire Chief Robert Adeyemi addressed the crowd outside the station.',
      '“The fire started in the kitchen and spread quickly to the roof. Our crews arrived within six minutes.',
      '“No one was hurt, and the family is staying with relatives,” Adeyemi said. “We will know more tomorrow.”',
      'He called the response “textbook” and thanked the neighbours.',
    ],
    [
      'Opponents of the merger have dismissed the so-called “deal of the century” as a stunt.',
      '‘We will win,’ said Coach Helen Marsh. "SMITH: Well, maybe."',
      '” In an unusual step, the city will pay,” Mayor Jane Whitcombe said. “We will rebuild.“',
      '“Nobody here wanted this outcome, and nobody will defend it.',
    ],
  ]

  it('slices every quote, mention and cue back to its text, in text order, with sequential ids', () => {
    for (const fixture of FIXTURES) {
      const result = run(...fixture)
      expect(result.quotes.length).toBeGreaterThan(2)
      expectSlicesBack(result)
      result.quotes.forEach((quote, index) => {
        expect(quote.id).toBe(`a#q${index}`)
        expect(quote.article).toBe('a')
        const paragraph = result.article.paragraphs[quote.paragraph]
        expect(quote.span.start).toBeGreaterThanOrEqual(paragraph?.span.start ?? Infinity)
        expect(quote.span.end).toBeLessThanOrEqual(paragraph?.span.end ?? -1)
        const previous = result.quotes[index - 1]
        if (previous) expect(quote.span.start).toBeGreaterThan(previous.span.start)
        expect(quote.confidence).toBeGreaterThanOrEqual(0)
        expect(quote.confidence).toBeLessThanOrEqual(1)
        expect(quote.speaker === null).toBe(quote.rule === null)
        if (quote.speaker === null) expect(quote.confidence).toBe(0)
        if (quote.kind === 'term') expect(quote.speaker).toBeNull()
      })
      for (const message of result.messages) {
        expect(message.span).not.toBeNull()
        if (message.span)
          expect(message.span.end).toBeLessThanOrEqual(result.article.original.length)
      }
    }
  })

  it('lists every speaker a quote names once, sorted by id, with the canonical name among the aliases', () => {
    for (const fixture of FIXTURES) {
      const result = run(...fixture)
      const ids = result.speakers.map((s) => s.id)
      expect(ids).toEqual([...new Set(ids)].sort())
      const named = new Set(result.quotes.flatMap((q) => (q.speaker ? [q.speaker.id] : [])))
      expect(new Set(ids)).toEqual(named)
      for (const speaker of result.speakers) {
        expect(speaker.aliases).toContain(speaker.name)
        expect(speaker.aliases).toEqual([...speaker.aliases].sort())
        expect(speaker.roles).toEqual([...speaker.roles].sort())
      }
    }
  })

  it('is deterministic, JSON-safe and leaves the article untouched', () => {
    for (const fixture of FIXTURES) {
      const article = normalizeArticle({ content: blocks(...fixture), id: 'a' })
      const before = structuredClone(article)
      const first = extractQuotes(article)
      expect(article).toEqual(before)
      expect(extractQuotes(article)).toEqual(first)
      expect(extractQuotes(normalizeArticle({ content: blocks(...fixture), id: 'a' }))).toEqual(
        first,
      )
      expect(JSON.parse(JSON.stringify(first))).toEqual(first)
    }
  })

  it('keeps spans into the original for Markdown input', () => {
    const result = runAs(
      'markdown',
      blocks(
        '# Budget approved',
        'The council approved the budget on **Wednesday**.',
        '“We will not raise taxes this year,” Mayor Ann Lee said after the vote.',
      ),
    )
    expect(result.quotes).toHaveLength(1)
    expect(result.quotes[0]).toMatchObject({
      text: 'We will not raise taxes this year,',
      speaker: { name: 'Ann Lee' },
    })
    expectSlicesBack(result)
  })

  it('an HTML page’s quote is the text a reader sees; its span covers the markup between the words', () => {
    const { article, quotes } = runAs(
      'html',
      '<html><body><article><p>The council approved the budget on Wednesday.</p>' +
        '<p>“We will <a href="https://example.org/taxes">not raise taxes</a> this <em>year</em>,” Mayor Ann Lee said &amp; left.</p>' +
        '</article></body></html>',
    )
    const [quote] = quotes
    expect(quote).toMatchObject({
      text: 'We will not raise taxes this year,',
      speaker: { name: 'Ann Lee' },
    })
    expect(slice(article, quote?.span as Span)).toBe(
      'We will <a href="https://example.org/taxes">not raise taxes</a> this <em>year</em>,',
    )
    expect(slice(article, quote?.mention?.span as Span)).toBe('Mayor Ann Lee')
  })

  it('a Markdown quote leaves the link markup out of its text', () => {
    const { article, quotes } = runAs(
      'markdown',
      '“We will [not raise taxes](https://example.org/taxes) this *year*,” Mayor Ann Lee said.',
    )
    expect(quotes).toHaveLength(1)
    const quote = quotes[0]
    expect(quote?.text).toBe('We will not raise taxes this year,')
    expect(slice(article, quote?.span as Span)).toBe(
      'We will [not raise taxes](https://example.org/taxes) this *year*,',
    )
  })

  const MARKS = ['“', '”', '"', '‘', '’', "'", '„', '«', '»', '“ ', ' ”', '.“', '” ']
  const WORDS = [
    ' ',
    '\n',
    '\n\n',
    '. ',
    ', ',
    ': ',
    ' said ',
    ' he said.',
    ' said Mayor Ann Lee.',
    'Ms. Lopez',
    'SMITH: ',
    'according to ',
    'the so-called ',
    ', saying, ',
    'We will win',
    '—',
  ]
  const content = fc
    .array(
      fc.oneof(
        fc.constantFrom(...MARKS),
        fc.constantFrom(...WORDS),
        fc.string({ unit: 'grapheme', maxLength: 12 }),
      ),
      { maxLength: 60 },
    )
    .map((parts) => parts.join(''))

  it('never throws on arbitrary text with quote marks, and every span is in bounds and slices back', () => {
    fc.assert(
      fc.property(content, fc.constantFrom<ArticleFormat>('text', 'markdown'), (text, format) => {
        const article = normalizeArticle({ content: text, format })
        const result = extractQuotes(article)
        const length = article.original.length
        const inBounds = (span: Span) =>
          span.start >= 0 && span.start <= span.end && span.end <= length
        result.quotes.forEach((quote, index) => {
          expect(inBounds(quote.span)).toBe(true)
          // Plain text slices back as written; Markdown's quote is its clean text.
          if (format === 'text') expect(slice(article, quote.span)).toBe(quote.text)
          else expect(article.text).toContain(quote.text)
          expect(quote.id).toBe(`${article.id}#q${index}`)
          if (quote.mention) expect(inBounds(quote.mention.span)).toBe(true)
          if (quote.cue) expect(inBounds(quote.cue.span)).toBe(true)
        })
        for (const message of result.messages) {
          if (message.span) expect(inBounds(message.span)).toBe(true)
        }
      }),
      { numRuns: NUM_RUNS },
    )
  })
})

describe('extractQuotes: pronouns and given names', () => {
  it('reads a programme after "on NBC’s" as a title, and the quote after it carries the speaker on', () => {
    const { quotes } = run(
      'Senator Dana Kolb spoke on Sunday.',
      '“We will hold the line on spending,” Kolb said on NBC’s “Meet the Press.” “Nobody should expect a deal this week.”',
    )
    expect(quotes.map((q) => [q.text, q.kind, q.speaker?.name ?? null])).toEqual([
      ['We will hold the line on spending,', 'statement', 'Dana Kolb'],
      ['Meet the Press.', 'term', null],
      ['Nobody should expect a deal this week.', 'statement', 'Dana Kolb'],
    ])
  })

  it('leaves "he" unresolved when the only names before it are places and groups', () => {
    const { quotes, messages } = run(
      'My father grew up in New York and moved west after the war.',
      'He also told the young members of the Harbor Rowing Club that “hard work is the answer.”',
    )
    expect(quotes[0]?.speaker).toBeNull()
    expect(messages.some((m) => m.code === 'unattributed-quote')).toBe(true)
  })

  it('gives "I said" in the writer’s own sentence to the byline, or to no one without one', () => {
    const content = blocks(
      'My mother mentioned the devil to me on the highway once. I laughed and said, “I don’t believe in the devil.”',
      'Years later the senator, Tom Hale, spoke about faith at the fair.',
    )
    const bylined = normalizeArticle({ content, id: 'a', metadata: { author: 'Chris Lane' } })
    expect(extractQuotes(bylined).quotes[0]?.speaker?.name).toBe('Chris Lane')
    const unsigned = normalizeArticle({ content, id: 'b' })
    expect(extractQuotes(unsigned).quotes[0]?.speaker).toBeNull()
  })
})
