import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { extractQuotes, normalizeArticle, type QuoteExtraction } from '../src/index.js'
import type { Article, ArticleFormat, Span } from '../src/types.js'
import { blocks, slice, spanOf } from './helpers.js'

const NUM_RUNS = 200

interface Run extends QuoteExtraction {
  article: Article
}

function run(...paragraphs: string[]): Run {
  const article = normalizeArticle({ content: blocks(...paragraphs), id: 'a' })
  return { article, ...extractQuotes(article) }
}

const codes = (result: Run) => result.messages.map((m) => m.code)

/** The speakers' names of every quote, or of the first only; null for a quote without one. */
const speakersOf = (result: Run, which: 'first' | 'every') =>
  result.quotes.slice(0, which === 'first' ? 1 : undefined).map((q) => q.speaker?.name ?? null)

/** Every quote, mention and cue of a result slices back to its text. */
function expectSlicesBack(result: Run) {
  const { article } = result
  for (const quote of result.quotes) {
    expect(slice(article, quote.span)).toBe(quote.text)
    if (quote.mention) expect(slice(article, quote.mention.span)).toBe(quote.mention.text)
    if (quote.cue) expect(slice(article, quote.cue.span)).toBe(quote.cue.text)
  }
}

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
      {
        id: 'a#q0',
        article: 'a',
        text,
        span: spanOf(article, text),
        kind: 'statement',
        paragraph: 1,
        speaker: { id: speaker?.id, name: 'Daniel Okafor' },
        mention: { text: 'Mayor Daniel Okafor', span: spanOf(article, 'Mayor Daniel Okafor') },
        cue: { text: 'said', span: spanOf(article, 'said') },
        channel: null,
        confidence: expect.any(Number),
        rule: 'cue-after',
        continues: null,
      },
    ])
    expect(result.quotes[0]?.confidence).toBeGreaterThan(0.5)
    expect(result.quotes[0]?.confidence).toBeLessThanOrEqual(1)
    expect(speaker).toMatchObject({ name: 'Daniel Okafor', kind: 'person' })
    expect(speaker?.roles).toContain('Mayor')
    expect(result.messages).toEqual([])
  })

  it.each<[string, string[], Record<string, unknown>, 'no messages' | 'messages aside']>([
    [
      'reads straight double quotes like curly ones',
      [
        'The council approved the budget on Wednesday after a long debate.',
        '"We will not raise taxes this year," Mayor Daniel Okafor said.',
      ],
      {
        text: 'We will not raise taxes this year,',
        kind: 'statement',
        speaker: { name: 'Daniel Okafor' },
        cue: { text: 'said' },
        rule: 'cue-after',
      },
      'no messages',
    ],
    [
      'reads single quotes used as speech marks (UK style)',
      [
        'Coach Helen Marsh spoke to reporters after the match.',
        '‘We will win the league this season,’ she said.',
      ],
      {
        text: 'We will win the league this season,',
        kind: 'statement',
        speaker: { name: 'Helen Marsh' },
        mention: { text: 'she' },
        cue: { text: 'said' },
      },
      'no messages',
    ],
    [
      'reads a quote opened with a straight mark and closed with a curly one',
      [
        'Mayor Jane Whitcombe visited the flooded district on Tuesday.',
        '"We will rebuild every home and every school for our residents,” Whitcombe said.',
      ],
      {
        text: 'We will rebuild every home and every school for our residents,',
        speaker: { name: 'Jane Whitcombe' },
      },
      'no messages',
    ],
    [
      'keeps a single-quoted quote inside a double-quoted one as one quote',
      [
        'The librarian Paula Greene described the scene.',
        '“A boy came up to me and said ‘I have never seen so many books,’ and then he ran off,” Greene said.',
      ],
      {
        text: 'A boy came up to me and said ‘I have never seen so many books,’ and then he ran off,',
        kind: 'statement',
        speaker: { name: 'Paula Greene' },
      },
      'no messages',
    ],
  ])('%s', (_title, paragraphs, quote, messages) => {
    const result = run(...paragraphs)
    expect(result.quotes).toMatchObject([quote])
    if (messages === 'no messages') expect(result.messages).toEqual([])
  })

  it('closes a quote whose closing mark is an opening one at the paragraph end (residents.“)', () => {
    const result = run(
      'Mayor Jane Whitcombe visited the flooded district on Tuesday.',
      '“We have asked the state for help,” Whitcombe said. “We will rebuild every home and every school for our residents.“',
      '“The state has promised to send engineers next week,” she added.',
    )
    expect(result.quotes.map((q) => q.text)).toEqual([
      'We have asked the state for help,',
      'We will rebuild every home and every school for our residents.',
      'The state has promised to send engineers next week,',
    ])
    const second = result.quotes[1]
    expect(second?.speaker?.name).toBe('Jane Whitcombe')
    expect(result.quotes[2]?.continues).toBeNull()
    expect(result.quotes[2]?.speaker?.name).toBe('Jane Whitcombe')
    expect(codes(result)).not.toContain('unclosed-quote')
    expect(codes(result)).not.toContain('stray-quote-mark')
    expectSlicesBack(result)
  })

  it('opens a quote whose opening mark is a closing one at the paragraph start (” In an …)', () => {
    const result = run(
      'Mayor Jane Whitcombe visited the flooded district on Tuesday.',
      'The city will pay for temporary housing for three months.',
      '” In an unusual step, the city will also cover the rent of displaced families,” Whitcombe said.',
    )
    expect(result.quotes).toHaveLength(1)
    expect(result.quotes[0]).toMatchObject({
      text: 'In an unusual step, the city will also cover the rent of displaced families,',
      kind: 'statement',
      paragraph: 2,
      speaker: { name: 'Jane Whitcombe' },
      cue: { text: 'said' },
      rule: 'cue-after',
    })
    expect(result.messages).toEqual([])
    expectSlicesBack(result)
  })

  it('carries a quote over two paragraphs: no closing mark, reopened in the next', () => {
    const result = run(
      'Fire Chief Robert Adeyemi addressed the crowd outside the station.',
      '“The fire started in the kitchen and spread quickly to the roof. Our crews arrived within six minutes.',
      '“No one was hurt, and the family is staying with relatives,” Adeyemi said.',
    )
    expect(result.quotes.map((q) => q.text)).toEqual([
      'The fire started in the kitchen and spread quickly to the roof. Our crews arrived within six minutes.',
      'No one was hurt, and the family is staying with relatives,',
    ])
    const [first, second] = result.quotes
    expect(first?.paragraph).toBe(1)
    expect(second?.paragraph).toBe(2)
    expect(second?.continues).toBe(first?.id)
    expect(first?.continues).toBeNull()
    expect(first?.speaker?.name).toBe('Robert Adeyemi')
    expect(second?.speaker).toEqual(first?.speaker)
    expect(codes(result)).not.toContain('unclosed-quote')
    expectSlicesBack(result)
  })

  it('gives both parts of a quote broken by its attribution the same speaker', () => {
    const result = run(
      'Fire Chief Robert Adeyemi addressed the crowd outside the station.',
      '“The fire started in the kitchen and spread quickly to the roof,” he said. “Our crews arrived within six minutes of the first call.”',
    )
    expect(result.quotes.map((q) => q.text)).toEqual([
      'The fire started in the kitchen and spread quickly to the roof,',
      'Our crews arrived within six minutes of the first call.',
    ])
    expect(result.quotes[0]?.speaker?.name).toBe('Robert Adeyemi')
    expect(result.quotes[1]?.speaker).toEqual(result.quotes[0]?.speaker)
    expect(result.quotes[1]?.continues).toBe(result.quotes[0]?.id)
    expect(result.messages).toEqual([])
  })

  it('marks the second part of a quote broken by "X said." as continuing the first', () => {
    const result = run(
      'Fire Chief Robert Adeyemi addressed the crowd outside the station.',
      '“The fire started in the kitchen and spread quickly to the roof,” Adeyemi said. “Our crews arrived within six minutes of the first call.”',
    )
    expect(result.quotes).toHaveLength(2)
    expect(result.quotes[1]?.continues).toBe('a#q0')
    expect(result.quotes[1]?.speaker?.name).toBe('Robert Adeyemi')
  })
})

describe('quotes: kinds', () => {
  it('reads a few quoted words in the writer’s sentence as a fragment of the subject', () => {
    const result = run('The mayor called the plan “a disaster” on Monday.')
    expect(result.quotes).toHaveLength(1)
    expect(result.quotes[0]).toMatchObject({
      text: 'a disaster',
      kind: 'fragment',
      mention: { text: 'The mayor' },
      cue: { text: 'called' },
    })
    expect(result.quotes[0]?.speaker).not.toBeNull()
    expect(result.quotes[0]?.speaker?.name).toMatch(/mayor/i)
  })

  it('gives a fragment the named subject of its sentence', () => {
    const result = run('Mayor Tom Reyes called the plan “a disaster” during the council meeting.')
    expect(result.quotes).toHaveLength(1)
    expect(result.quotes[0]).toMatchObject({
      text: 'a disaster',
      kind: 'fragment',
      speaker: { name: 'Tom Reyes' },
      mention: { text: 'Mayor Tom Reyes' },
    })
  })

  it('resolves "the mayor" to the mayor the article named before', () => {
    const result = run(
      'Mayor Tom Reyes opened the council session on Monday with a long speech.',
      'The mayor later called the plan “a disaster” and left the chamber.',
    )
    expect(result.quotes).toHaveLength(1)
    expect(result.quotes[0]).toMatchObject({ kind: 'fragment', speaker: { name: 'Tom Reyes' } })
  })

  it('reads a fragment in an indirect-speech sentence as the subject’s words', () => {
    const result = run(
      'Mayor Jane Whitcombe visited the flooded district on Tuesday. She said the city would “do whatever it takes” to help.',
    )
    expect(result.quotes).toHaveLength(1)
    expect(result.quotes[0]).toMatchObject({
      text: 'do whatever it takes',
      kind: 'fragment',
      speaker: { name: 'Jane Whitcombe' },
      mention: { text: 'She' },
    })
  })

  it('reads scare quotes after "so-called" as a term with no speaker and no message', () => {
    const result = run(
      'Opponents of the merger have dismissed the so-called “deal of the century” as a publicity stunt.',
    )
    expect(result.quotes).toEqual([
      {
        id: 'a#q0',
        article: 'a',
        text: 'deal of the century',
        span: spanOf(result.article, 'deal of the century'),
        kind: 'term',
        paragraph: 0,
        speaker: null,
        mention: null,
        cue: null,
        channel: null,
        confidence: 0,
        rule: null,
        continues: null,
      },
    ])
    expect(result.speakers).toEqual([])
    expect(result.messages).toEqual([])
  })

  it('reads a film title in quotes as a term', () => {
    const result = run(
      'The festival opened with a screening of “The Long Winter” at the old cinema downtown.',
    )
    expect(result.quotes).toHaveLength(1)
    expect(result.quotes[0]).toMatchObject({ text: 'The Long Winter', kind: 'term', speaker: null })
    expect(result.messages).toEqual([])
  })

  it('reads a nickname in quotes as a term', () => {
    const result = run('Residents have nicknamed the new tower “the Pencil” because of its shape.')
    expect(result.quotes).toHaveLength(1)
    expect(result.quotes[0]).toMatchObject({ text: 'the Pencil', kind: 'term', speaker: null })
    expect(result.messages).toEqual([])
  })

  it('reads a film title set off by commas as a term, not the words of the subject', () => {
    const result = run(
      'The reviewers praised the new film, “Winter in Lisbon,” which opens next week.',
    )
    expect(result.quotes).toHaveLength(1)
    expect(result.quotes[0]).toMatchObject({ kind: 'term', speaker: null })
  })
})

describe('quotes: attribution', () => {
  it('reads a cue after the quote: “…,” Smith said.', () => {
    const result = run(
      'The plant will close at the end of the year.',
      '“This is a sad day for the whole town,” Lena Smith said.',
    )
    expect(result.quotes[0]).toMatchObject({
      speaker: { name: 'Lena Smith' },
      mention: { text: 'Lena Smith' },
      cue: { text: 'said' },
      rule: 'cue-after',
    })
    expectSlicesBack(result)
  })

  it('reads an inverted cue after the quote: “…,” said Smith.', () => {
    const result = run(
      'The council met on Thursday.',
      '“The budget is balanced and the reserves are healthy,” said Treasurer Alan Brooks.',
    )
    expect(result.quotes).toHaveLength(1)
    expect(result.quotes[0]).toMatchObject({
      speaker: { name: 'Alan Brooks' },
      mention: { text: 'Treasurer Alan Brooks' },
      cue: { text: 'said' },
      rule: 'cue-after',
    })
    expectSlicesBack(result)
  })

  it('reads a cue before the quote with a colon: Smith said: “…”', () => {
    const result = run(
      'The council met on Thursday.',
      'Treasurer Alan Brooks said: “The budget is balanced and the reserves are healthy.”',
    )
    expect(result.quotes).toHaveLength(1)
    expect(result.quotes[0]).toMatchObject({
      text: 'The budget is balanced and the reserves are healthy.',
      kind: 'statement',
      speaker: { name: 'Alan Brooks' },
      cue: { text: 'said' },
      rule: 'cue-before',
    })
    expectSlicesBack(result)
  })

  it('reads "according to" after the quote', () => {
    const result = run(
      'The storm caused widespread damage across the county.',
      '“Crews will work through the weekend to restore power to every home,” according to utility spokesman Carl Dunn.',
    )
    expect(result.quotes).toHaveLength(1)
    expect(result.quotes[0]).toMatchObject({
      speaker: { name: 'Carl Dunn' },
      cue: { text: 'according to' },
      rule: 'according-to',
    })
    expectSlicesBack(result)
  })

  it.each<[string, string[], Record<string, unknown>, 'no messages' | 'messages aside']>([
    [
      'reads "according to" before the quote',
      [
        'According to Finance Minister Rafael Ortiz, “the economy will grow by three percent next year.”',
      ],
      {
        text: 'the economy will grow by three percent next year.',
        speaker: { name: 'Rafael Ortiz' },
        cue: { text: 'According to' },
        rule: 'according-to',
      },
      'messages aside',
    ],
    [
      'gives a quote after a participle ("…, saying, “…”") to the clause’s subject',
      [
        'Senator Peter Vance criticized the plan, saying, “This measure will cost families billions and help no one.”',
      ],
      {
        kind: 'statement',
        speaker: { name: 'Peter Vance' },
        mention: { text: 'Senator Peter Vance' },
        cue: { text: 'saying' },
        rule: 'cue-before',
      },
      'messages aside',
    ],
    [
      'skips an appositive between the name and the cue',
      [
        'Ana Ruiz, a spokeswoman for the agency, said, “We take every complaint seriously and we will respond to each one.”',
      ],
      {
        speaker: { name: 'Ana Ruiz' },
        mention: { text: 'Ana Ruiz' },
        cue: { text: 'said' },
      },
      'messages aside',
    ],
    [
      'resolves "she" to the person named with an appositive in the sentence before',
      [
        'Ana Ruiz, a spokeswoman for the agency, said the inspections would resume next week. “We take every complaint seriously,” she said.',
      ],
      {
        speaker: { name: 'Ana Ruiz' },
        mention: { text: 'she' },
        rule: 'cue-after',
      },
      'messages aside',
    ],
  ])('%s', (_title, paragraphs, quote, messages) => {
    const result = run(...paragraphs)
    expect(result.quotes).toMatchObject([quote])
    if (messages === 'no messages') expect(result.messages).toEqual([])
  })

  it('reads an inverted cue followed by an appositive: “…,” said Hannah Cole, a lawyer …', () => {
    const result = run('“We will appeal the decision,” said Hannah Cole, a lawyer for the tenants.')
    expect(result.quotes[0]).toMatchObject({
      speaker: { name: 'Hannah Cole' },
      mention: { text: 'Hannah Cole' },
      cue: { text: 'said' },
      rule: 'cue-after',
    })
    expectSlicesBack(result)
  })

  it('records the role an appositive gives beside the name, before or after the cue', () => {
    const result = run(
      'Ana Ruiz, a spokeswoman for the agency, said, “We take every complaint seriously and we will respond to each one.”',
      '“We will appeal the decision,” said Hannah Cole, a lawyer for the tenants.',
      '“It’s an invasion of the state’s authority,” Scott Palmer, the Republican attorney general of Ohio, said.',
    )
    expect(result.quotes.map((q) => q.speaker?.name)).toEqual([
      'Ana Ruiz',
      'Hannah Cole',
      'Scott Palmer',
    ])
    expect(result.quotes.map((q) => q.mention?.text)).toEqual([
      'Ana Ruiz',
      'Hannah Cole',
      'Scott Palmer',
    ])
    const roles = (name: string) => result.speakers.find((s) => s.name === name)?.roles ?? []
    expect(roles('Ana Ruiz')).toEqual(['spokeswoman for the agency'])
    expect(roles('Hannah Cole')).toEqual(['lawyer for the tenants'])
    expect(roles('Scott Palmer')).toEqual(['Republican attorney general of Ohio'])
  })

  it.each<[string, string[], 'first' | 'every', Array<string | null>]>([
    [
      'gives a fragment in indirect speech to the one who said it, not to a thing that "demands"',
      [
        'Governor Lisa Moreno said the recent floods and protests demand that residents engage in “more listening.”',
      ],
      'first',
      ['Lisa Moreno'],
    ],
    [
      'finds the name before two appositives: "Jean-Marc Ayrault, the foreign minister of France, a member of …, said"',
      [
        'Jean-Marc Ayrault, the foreign minister of France, a permanent member of the council, said the test was “a provocation that cannot go unanswered.”',
      ],
      'first',
      ['Jean-Marc Ayrault'],
    ],
    [
      'keeps two people of one surname apart: the bare surname is the one introduced first',
      [
        'Police shot Daniel Ortiz, a 43-year-old father, as he sat in his car. Officers said Ortiz had a gun.',
        'In the video, Maria Ortiz can be heard telling the officers that her husband was unarmed.',
        '“Don’t shoot him,” she says. “He has no weapon.”',
        '“I did not have anything in my hands,” Ortiz told a nurse later, according to the family.',
      ],
      'every',
      ['Maria Ortiz', 'Maria Ortiz', 'Daniel Ortiz'],
    ],
    [
      'gives "he said" to a person just introduced with a role, even as an object',
      [
        '“We are doing fine,” said Mayor Tom Baker.',
        'Turnout in the city has lagged for years, a trend that worries Henry Alvarez, president of the county’s Democratic club, and others.',
        '“No one is excited about this race,” he said.',
      ],
      'every',
      ['Tom Baker', 'Henry Alvarez'],
    ],
    [
      'reads "Dan Roe at the National Review agreed" as Roe speaking',
      [
        '“Pence won the night,” Chris Lane concluded.',
        'Dan Roe at the National Review agreed with Lane about the winner.',
        '“Pence made Kaine defend the record,” he wrote.',
      ],
      'every',
      ['Chris Lane', 'Dan Roe'],
    ],
    [
      'gives a quote paragraph to the subject of a colon introduction with no verb of speech',
      [
        'On July 6, Senator Ann Wells made the following comment:',
        '“For young people who have left school, the unemployment rate is 33 percent.”',
      ],
      'first',
      ['Ann Wells'],
    ],
    [
      'reads a lone capitalized "Dean" before an appositive as a surname, not the role',
      [
        'Dean, a former party chairman and presidential candidate, poked at the candidate’s sniffing, tweeting, “Notice him sniffing all the time?”',
      ],
      'first',
      ['Dean'],
    ],
    [
      'does not take a fronted prepositional phrase for the subject ("With Democratic leaders worried, …")',
      [
        'With Democratic leaders increasingly worried about turnout, President Barack Obama is rolling out a new message: “It’s about me.”',
      ],
      'first',
      ['Barack Obama'],
    ],
    [
      'finds the name before a role appositive and a relative clause ("…, president of the union, which represents …, said")',
      [
        'Michael Moore, president of the teachers’ union, which represents city educators, said he hopes the day sends a message that “communities are standing up for their schools.”',
      ],
      'first',
      ['Michael Moore'],
    ],
    [
      'leaves a party tag out of the name and still finds the subject ("Sen. Claire Moss (D-Mo.) scolded him")',
      [
        '“The product works,” said Dr. Mark Oden.',
        'Sen. Claire Moss (D-Mo.) scolded him: “The scientific community is against you,” she said. “When you call a product a miracle, it is not.”',
      ],
      'every',
      ['Mark Oden', 'Claire Moss', 'Claire Moss'],
    ],
    [
      'gives a fragment to a nominal subject that names a person, and a colon introduction to a writing',
      [
        'On her discharge papers, a doctor had typed “severe anxiety.”',
        'The report used one of the patients’ words as its title:',
        '“Nobody listened to us for years, and now everyone wants to talk.”',
        'The weather had turned “unbearable.”',
      ],
      'every',
      ['a doctor', 'The report', null],
    ],
    [
      'keeps a surname that is also a title after a given name or an honorific ("Charlie King", "Mr. King")',
      [
        '“Turnout is the question,” said Charlie King, a prominent Democrat.',
        '“It is all about enthusiasm,” Mr. King added.',
      ],
      'every',
      ['Charlie King', 'Charlie King'],
    ],
    [
      'leaves the day out of an organization’s name ("The Security Council on Friday")',
      [
        'The United Nations Security Council on Friday condemned the test as “a clear threat to international peace and security.”',
      ],
      'first',
      ['United Nations Security Council'],
    ],
    [
      'skips a more recent man when resolving "she"',
      [
        'Mayor Jane Smith spoke Tuesday. Local businessman Tom Baker also attended the opening.',
        '“This is a place for everyone in our city,” she said.',
      ],
      'first',
      ['Jane Smith'],
    ],
    [
      'resolves "he" and "she" to a man and a woman whose pronouns the article has shown',
      [
        'Mayor Jane Smith said she was proud of the new library. Deputy Mayor Tom Baker said he supported it.',
        '“This is a place for everyone in our city,” she said.',
        '“We finished the work on time and under budget,” he said.',
      ],
      'every',
      ['Jane Smith', 'Tom Baker'],
    ],
    [
      'does not give "he" to the woman a "she" was just resolved to',
      [
        'Mayor Jane Smith announced the plan on Tuesday. Deputy Mayor Tom Baker said he supported it.',
        '“This is a place for everyone in our city,” she said.',
        '“We finished the work on time and under budget,” he said.',
      ],
      'every',
      ['Jane Smith', 'Tom Baker'],
    ],
    [
      'gives "he said" to the man who just spoke in the writer\'s words, not to an earlier quoted speaker',
      [
        '“We must act now,” Mayor Tom Baker told reporters.',
        'Police Chief Ray Dunn said the department would add patrols, and he urged residents to stay calm.',
        '“We are ready for this,” he said.',
      ],
      'every',
      ['Tom Baker', 'Ray Dunn'],
    ],
    [
      'reads an inverted speech verb as naming the subject ("noted NBC’s Dante Roe")',
      [
        '“The numbers are clear,” said campaign manager Sam Ortiz.',
        'Debates rarely change a race, noted NBC’s Dante Roe.',
        '“Voters have mostly decided by October,” he wrote.',
      ],
      'every',
      ['Sam Ortiz', 'Dante Roe'],
    ],
    [
      'prefers a subject earlier in the pronoun’s own paragraph to a speaker of an earlier one',
      [
        '“The budget is balanced,” said council spokeswoman Ann Reyes.',
        'Senator Maria Lopez is calling the budget “a fantasy.” She says the deficit is “growing every month.”',
      ],
      'every',
      ['Ann Reyes', 'Maria Lopez', 'Maria Lopez'],
    ],
    [
      'sees the subject past an appositive set off by dashes',
      [
        '“Rates will fall,” said economist Lily Chen.',
        'The plan drew fire from both parties in the state legislature this week, with Senator Grace Hall — who has called for higher taxes — attacking it on Monday.',
        '“This plan helps only the wealthy,” she said.',
      ],
      'every',
      ['Lily Chen', 'Grace Hall'],
    ],
    [
      'does not take the tail of an organization’s name for a person ("Commission on Presidential Debates")',
      [
        'Mayor Tom Baker spoke on Friday.',
        'The Commission on Presidential Debates announced that the microphone had failed.',
        '“It was sabotage,” he said.',
      ],
      'every',
      ['Tom Baker'],
    ],
  ])('%s', (_title, paragraphs, which, speakers) => {
    expect(speakersOf(run(...paragraphs), which)).toEqual(speakers)
  })

  it('reads "states", "claims" after a determiner or "of" as nouns, not cues', () => {
    const result = run(
      '“It’s an invasion of the state’s domain,” Scott Palmer, the attorney general of Ohio, one of the states suing the agency, said this month.',
      'The fact-checkers rated 22% of Democratic claims as “entirely true” compared to 11% of Republican claims.',
    )
    // The fragment belongs to the subject that rated the claims, not to "Republican".
    expect(result.quotes.map((q) => q.speaker?.name ?? null)).toEqual([
      'Scott Palmer',
      'The fact-checkers',
    ])
  })

  it('reads "he continued" as a cue', () => {
    const result = run(
      'Principal Mark Olsen thanked the parents for their patience.',
      '“We know this has been a difficult year for many families,” Olsen said.',
      '“But our teachers have done remarkable work, and the results show it,” he continued.',
    )
    expect(result.quotes).toHaveLength(2)
    expect(result.quotes[1]).toMatchObject({
      speaker: { name: 'Mark Olsen' },
      mention: { text: 'he' },
      cue: { text: 'continued' },
      rule: 'cue-after',
    })
    expect(result.quotes[1]?.speaker).toEqual(result.quotes[0]?.speaker)
    expectSlicesBack(result)
  })

  it('resolves a pronoun to the person named before: “…,” she said. → Jane Smith', () => {
    const result = run(
      'Mayor Jane Smith spoke Tuesday at the opening of the new library.',
      '“This is a place for everyone in our city,” she said.',
    )
    expect(result.quotes).toHaveLength(1)
    expect(result.quotes[0]).toMatchObject({
      speaker: { name: 'Jane Smith' },
      mention: { text: 'she' },
      rule: 'cue-after',
    })
    expect(result.quotes[0]?.confidence).toBeGreaterThan(0)
  })

  it('keeps two people joined by "and" apart', () => {
    const result = run(
      'Mayor Jane Smith and Deputy Mayor Tom Baker opened the library on Tuesday.',
      '“This is a place for everyone in our city,” she said.',
      '“We finished the work on time and under budget,” he said.',
    )
    expect(result.quotes.map((q) => q.speaker?.name)).toEqual(['Jane Smith', 'Tom Baker'])
    for (const speaker of result.speakers) expect(speaker.roles.join(' ')).not.toContain(' and ')
  })

  it('gives a quote-only paragraph the speaker of the attributed quote before it', () => {
    const result = run(
      'Principal Mark Olsen thanked the parents for their patience.',
      '“We know this has been a difficult year for many families,” Olsen said.',
      '“Our teachers have done remarkable work, and the results show it.”',
    )
    expect(result.quotes).toHaveLength(2)
    expect(result.quotes[1]).toMatchObject({
      kind: 'statement',
      paragraph: 2,
      speaker: { name: 'Mark Olsen' },
      rule: 'previous-quote',
    })
    expect(result.quotes[1]?.confidence).toBeLessThan(result.quotes[0]?.confidence ?? 0)
    expect(codes(result)).not.toContain('unattributed-quote')
  })

  it('gives a quote-only paragraph the speaker of a colon introduction ending the paragraph before', () => {
    const result = run(
      'Superintendent Karen Doyle told parents on Monday night:',
      '“Every classroom will have a full-time teacher by September.”',
    )
    expect(result.quotes).toHaveLength(1)
    expect(result.quotes[0]).toMatchObject({
      text: 'Every classroom will have a full-time teacher by September.',
      speaker: { name: 'Karen Doyle' },
      mention: { text: 'Superintendent Karen Doyle' },
      cue: { text: 'told' },
      rule: 'colon-intro',
    })
    expectSlicesBack(result)
  })

  it('keeps a colon introduction’s mention inside its own sentence', () => {
    const result = run(
      'The school board met on Monday night. Superintendent Karen Doyle told parents:',
      '“Every classroom will have a full-time teacher by September.”',
    )
    expect(result.quotes[0]).toMatchObject({
      speaker: { name: 'Karen Doyle' },
      mention: { text: 'Superintendent Karen Doyle' },
      rule: 'colon-intro',
    })
    expect(result.speakers).toEqual([
      expect.objectContaining({
        name: 'Karen Doyle',
        aliases: ['Karen Doyle', 'Superintendent Karen Doyle'],
        roles: ['Superintendent'],
      }),
    ])
  })

  it('gives a quote to an organization that said it in a statement', () => {
    const result = run(
      'Hospitals across the region reported a rise in flu cases this week.',
      '“Vaccination remains the best protection against severe illness,” the Ministry of Health said in a statement.',
    )
    expect(result.quotes).toHaveLength(1)
    expect(result.quotes[0]).toMatchObject({
      speaker: { name: 'Ministry of Health' },
      mention: { text: 'the Ministry of Health' },
      cue: { text: 'said' },
      channel: 'statement',
      rule: 'cue-after',
    })
    expect(result.speakers).toEqual([
      expect.objectContaining({ name: 'Ministry of Health', kind: 'organization' }),
    ])
  })

  it('reads a quoted transcript line as said by the name in capitals', () => {
    const result = run(
      'The interview aired on Sunday evening.',
      '"SMITH: Well, I think the voters made their choice, and we respect it."',
    )
    expect(result.quotes).toHaveLength(1)
    expect(result.quotes[0]).toMatchObject({
      text: 'SMITH: Well, I think the voters made their choice, and we respect it.',
      kind: 'statement',
      speaker: { name: 'Smith' },
      mention: { text: 'SMITH' },
      rule: 'transcript',
    })
    expectSlicesBack(result)
  })

  it('resolves a transcript name to the person the article named in full', () => {
    const result = run(
      'Senator John Smith appeared on the program on Sunday.',
      '"SMITH: Well, I think the voters made their choice, and we respect it."',
    )
    expect(result.quotes[0]).toMatchObject({ speaker: { name: 'John Smith' }, rule: 'transcript' })
  })

  it('does not take a fronted place phrase for the name of a role after it', () => {
    const result = run(
      'Mayor Ellen Harwood visited the flooded streets on Monday.',
      'At a news conference in Brookfield, the mayor also said the town had “no money left” for repairs.',
    )
    expect(result.quotes[0]).toMatchObject({
      speaker: { name: 'Ellen Harwood' },
      mention: { text: 'the mayor' },
    })
  })

  it('takes the subject after a fronted phrase for a participle cue', () => {
    const result = run(
      'The fair opened on Saturday.',
      'At her booth, the potter waved to the crowd, singing “Summer Is Here.”',
    )
    expect(result.quotes[0]?.speaker).toMatchObject({ name: 'the potter' })
  })

  it('lets the learned model give a lone quote with no rule to the subject named just before, as a weak guess', () => {
    const result = run(
      'Council member Ruth Kline spoke to reporters at City Hall on Monday about the budget.',
      '“We will not cut a single teacher, not one, in this city.”',
    )
    expect(result.quotes[0]).toMatchObject({
      speaker: { name: 'Ruth Kline' },
      rule: 'nearest-speaker',
      mention: null,
      cue: null,
      confidence: 0.3,
    })
  })

  it('does not take the subject of a fronted "if" clause for the speaker', () => {
    const result = run(
      'Omar Fenn runs the rowing club.',
      'If he resigned, club bylaws let the treasurer call an “emergency vote” of the members.',
    )
    // No rule of the text names a speaker: at most the model's weak guess, marked as one.
    expect(result.quotes[0]).toMatchObject({
      rule: 'nearest-speaker',
      mention: null,
      confidence: 0.3,
    })
  })

  it('lets a person named by a possessive speak: "Roe\'s longtime lawyer said"', () => {
    const result = run(
      'Dana Whitt was charged with fraud last spring.',
      '“My client will be cleared of every count,” Whitt’s longtime lawyer said on Monday.',
    )
    expect(result.quotes[0]?.speaker).toMatchObject({ name: 'Whitt’s longtime lawyer' })
  })

  it('keeps a noun ending in -ly in the speaker: "Hale\'s family has called"', () => {
    const result = run(
      'Officers shot Ronan Hale outside his home in March.',
      'Hale’s family has called on the city to release the recordings “without further delay” this week.',
    )
    expect(result.quotes[0]?.speaker).toMatchObject({ name: 'Hale’s family' })
  })

  it('passes over a frequency adverb and reads "my" as a determiner: “…,” my aunt often said', () => {
    const result = run(
      'We grew up on a farm outside the town.',
      '“Hard work never hurt anybody,” my aunt often said.',
    )
    expect(result.quotes[0]).toMatchObject({
      speaker: { name: 'my aunt' },
      mention: { text: 'my aunt' },
    })
  })

  it('takes a possessive subject for a participle cue: "Roe\'s doctor is calling her “fit”"', () => {
    const result = run(
      'Candidate Mara Vell has faced questions about her health.',
      'Mayoral candidate Mara Vell’s physician is calling her “in excellent health.”',
    )
    expect(result.quotes[0]?.speaker).toMatchObject({
      name: 'Mayoral candidate Mara Vell’s physician',
    })
  })

  it('prefers the cue before a quote to a cue in a later clause after it', () => {
    const result = run(
      'The debate is set for Tuesday night.',
      'Governor Lyle Brandt has asked whether the panel will be “even-handed” with him, engaging in what pundits described as a pressure campaign.',
    )
    expect(result.quotes[0]).toMatchObject({
      speaker: { name: 'Lyle Brandt' },
      cue: { text: 'asked' },
    })
  })

  it('still reads "as X put it" after a quote', () => {
    const result = run(
      'Patrons of the library had long asked for longer hours.',
      'The board approved a budget that is “lean, but more than fair to every branch,” as the finance director put it.',
    )
    expect(result.quotes[0]?.speaker).toMatchObject({ name: 'the finance director' })
  })

  it('gives a participle after "footage of Name" to that name', () => {
    const result = run(
      'Councilwoman Rita Sandoval released a new ad on Monday.',
      'The spot concludes with footage of Owen Pike saying during a debate, “Rules are for other people,” as the music swells.',
    )
    expect(result.quotes[0]?.speaker).toMatchObject({ name: 'Owen Pike' })
  })

  it('keeps two roles of one person joined by "and": "the retired judge and former state senator said"', () => {
    const result = run(
      'The commission held its first hearing in the capital.',
      'The retired judge and former state senator said the maps were “drawn in the dark.”',
    )
    expect(result.quotes[0]?.speaker).toMatchObject({
      name: 'The retired judge and former state senator',
    })
  })

  it('reads "secretary of state" in a role as no verb of speech', () => {
    const result = run(
      'The summit ended without an agreement.',
      'The former secretary of state and current party chairman said talks would resume “when tempers cool.”',
    )
    expect(result.quotes[0]?.speaker).toMatchObject({
      name: 'The former secretary of state and current party chairman',
    })
  })

  it('names no speaker for a quote after an agentless passive cue: "what is being criticized as a “…”"', () => {
    const result = run(
      'Secretary Dale Orrin defended the new rules on Tuesday.',
      'The county dropped thousands of renters from its rolls because they missed two notices, in what is being criticized as a “miss it and lose it” approach.',
    )
    expect(result.quotes[0]?.rule).not.toBe('sentence-subject')
    expect(result.quotes[0]?.cue).toBeNull()
  })

  it('reads "commented" as a verb of speech: a neighbor commented: “…”', () => {
    const result = run(
      'The block party went on past midnight.',
      'Over the fence, a neighbor commented: “Nobody on this street slept a wink, and nobody minded.”',
    )
    expect(result.quotes[0]).toMatchObject({
      speaker: { name: 'a neighbor' },
      cue: { text: 'commented' },
    })
  })

  it('lets a possessive paper speak: "Roe\'s brief said … as “…”"', () => {
    const result = run(
      'The appeal reached the state court in June.',
      'Lena Torvik’s brief said the ruling was wrong and dismissed the claims as “stale and unsupported allegations.”',
    )
    expect(result.quotes[0]?.speaker).toMatchObject({ name: 'Lena Torvik’s brief' })
  })
})

describe('quotes: channels', () => {
  it('reads a press conference from the words around the quote', () => {
    const result = run(
      'The police released new details about the robbery.',
      '“We have identified two suspects,” Inspector Nadia Kowalski told reporters at a news conference.',
    )
    expect(result.quotes[0]).toMatchObject({
      speaker: { name: 'Nadia Kowalski' },
      channel: 'press-conference',
    })
  })

  it('reads a social-media post from the words around the quote', () => {
    const result = run(
      'The singer announced the tour dates late on Sunday.',
      '“See you all in the spring, it will be our biggest show yet,” Rosa Delgado wrote in a post on Instagram.',
    )
    expect(result.quotes[0]).toMatchObject({
      speaker: { name: 'Rosa Delgado' },
      cue: { text: 'wrote' },
      channel: 'social-media',
    })
  })

  it('gives no channel when the text names none ("on Monday" is not social media)', () => {
    const result = run('Mayor Tom Reyes called the plan “a disaster” on Monday.')
    expect(result.quotes[0]?.speaker?.name).toBe('Tom Reyes')
    expect(result.quotes[0]?.channel).toBeNull()
  })

  it('does not read the channel from the quoted words themselves', () => {
    const result = run(
      'The debate in the chamber lasted six hours.',
      '“This bill will hurt every family that filed a complaint,” Senator Peter Vance said.',
    )
    expect(result.quotes[0]?.speaker?.name).toBe('Peter Vance')
    expect(result.quotes[0]?.channel).toBeNull()
  })
})

describe('quotes: canonical speakers', () => {
  const LOPEZ = [
    'Governor Maria Lopez signed the labor bill on Friday after months of negotiation.',
    '“This law protects every worker in the state,” Governor Maria Lopez said.',
    '“We listened to the nurses and the teachers,” Gov. Lopez said.',
    '“It took two years of work,” Ms. Lopez said.',
    '“I am grateful to the legislature,” Lopez said.',
  ]

  it('gives "Governor Maria Lopez", "Gov. Lopez", "Ms. Lopez" and "Lopez" one speaker', () => {
    const result = run(...LOPEZ)
    expect(result.quotes.map((q) => q.mention?.text)).toEqual([
      'Governor Maria Lopez',
      'Gov. Lopez',
      'Ms. Lopez',
      'Lopez',
    ])
    const [first] = result.quotes
    expect(first?.speaker?.name).toBe('Maria Lopez')
    for (const quote of result.quotes) expect(quote.speaker).toEqual(first?.speaker)
    expect(result.speakers).toHaveLength(1)
    const speaker = result.speakers[0]
    expect(speaker?.id).toBe(first?.speaker?.id)
    expect(speaker).toMatchObject({ name: 'Maria Lopez', kind: 'person' })
    expect(speaker?.aliases).toEqual([
      'Gov. Lopez',
      'Governor Maria Lopez',
      'Lopez',
      'Maria Lopez',
      'Ms. Lopez',
    ])
    expect(speaker?.roles).toContain('Governor')
  })

  it('gives the same speaker id across articles and runs', () => {
    const one = run(...LOPEZ)
    const other = normalizeArticle({
      content: blocks('The bill takes effect in May.', '“Workers deserve this,” Maria Lopez said.'),
      id: 'b',
    })
    expect(extractQuotes(other).quotes[0]?.speaker).toEqual(one.quotes[0]?.speaker)
  })

  it('uses the fullest name even when a short form comes first', () => {
    const result = run(
      'The law takes effect in May.',
      '“This law protects every worker in the state,” Lopez said.',
      'Governor Maria Lopez signed it on Friday.',
    )
    expect(result.quotes[0]?.speaker?.name).toBe('Maria Lopez')
  })

  it('reads a title with an organization word ("Police Chief") as a person’s role', () => {
    const result = run(
      'The department released its annual report on Monday.',
      '“Burglaries fell by a third this year,” Police Chief Omar Reed said.',
      '“We still need more officers on the night shift,” he said.',
    )
    expect(result.quotes.map((q) => q.speaker?.name)).toEqual(['Omar Reed', 'Omar Reed'])
    expect(result.speakers).toEqual([
      expect.objectContaining({ name: 'Omar Reed', kind: 'person', roles: ['Police Chief'] }),
    ])
  })

  it('keeps cue words out of the roles', () => {
    const inverted = run(
      'The council met on Thursday.',
      '“The budget is balanced and the reserves are healthy,” said Treasurer Alan Brooks.',
    )
    expect(inverted.speakers).toEqual([
      expect.objectContaining({ name: 'Alan Brooks', roles: ['Treasurer'] }),
    ])
    const according = run(
      'According to Finance Minister Rafael Ortiz, “the economy will grow by three percent next year.”',
    )
    expect(according.speakers).toEqual([
      expect.objectContaining({ name: 'Rafael Ortiz', roles: ['Finance Minister'] }),
    ])
  })
})

describe('quotes: speakers are people, organizations or documents', () => {
  it('takes no sentence-initial common word for a speaker ("Nothing", "Transcript")', () => {
    const nothing = run(
      'The candidates met in Milwaukee on Tuesday.',
      'Nothing really changed in the debate, and the governor kept his passion for “comprehensive immigration reform.”',
    )
    expect(nothing.speakers.map((s) => s.name)).not.toContain('Nothing')
    const transcript = run(
      'The governor spoke to reporters after the rally.',
      'Transcript as follows:',
      '“We are going to go all the way to the convention, and we will win it.”',
    )
    expect(transcript.quotes[0]?.speaker).toBeNull()
    expect(transcript.speakers).toEqual([])
  })

  it.each<[string, string[], 'first' | 'every', Array<string | null>]>([
    [
      'still takes a surname that opens its sentence',
      ['The senator answered questions for an hour.', 'Cruz said the plan was “dead on arrival.”'],
      'first',
      ['Cruz'],
    ],
    [
      'takes no day of the week for a speaker',
      [
        'The town released a statement Wednesday saying the comments “are based on his opinion, not actual facts.”',
      ],
      'first',
      ['The town'],
    ],
  ])('%s', (_title, paragraphs, which, speakers) => {
    expect(speakersOf(run(...paragraphs), which)).toEqual(speakers)
  })

  it('takes no interrogative for a speaker, a role or an alias', () => {
    const result = run(
      'Secretary of State Marco Rubio said the offer was generous, in what Rubio called the most “extraordinary migratory agreement anywhere in the world.”',
    )
    expect(result.quotes[0]?.speaker?.name).toBe('Marco Rubio')
    const rubio = result.speakers.find((s) => s.name === 'Marco Rubio')
    expect(rubio?.roles).not.toContain('what')
    expect(rubio?.aliases.every((alias) => /^\p{Lu}/u.test(alias))).toBe(true)
    const what = run('What followed was “a total disaster for the party.”')
    expect(what.quotes[0]?.speaker).toBeNull()
  })

  it('takes no abstract noun phrase for a speaker', () => {
    const result = run(
      'The policy was debated in the Senate.',
      'The religious test for refugees originated in a speech in July, when it was called “a common-sense measure.”',
      'The inspection found that the building was “structurally unsound.”',
    )
    const names = result.speakers.map((s) => s.name)
    expect(names).not.toContain('The religious test for refugees')
    expect(names).not.toContain('The inspection')
  })

  it('gives a document that says something the kind "document"', () => {
    const result = run(
      'A former aide sued the committee in federal court.',
      '“Plaintiff was the only one of the four accused to be reprimanded,” the suit says.',
      'The executive order states that the gangs’ “campaigns of violence are extraordinarily vicious.”',
    )
    expect(result.quotes.map((q) => q.speaker?.name)).toEqual(['the suit', 'The executive order'])
    expect(result.speakers.map((s) => s.kind)).toEqual(['document', 'document'])
  })

  it('takes a person, not the place after a preposition ("a waiter at Petit Cambodge")', () => {
    const result = run(
      'Gunmen opened fire on diners on Friday night.',
      '“We heard shots and everyone threw themselves to the floor,” a waiter at Petit Cambodge told AFP.',
      '“It was a massacre,” Jean Martin of Lyon told BBC Radio.',
      'Ted Cruz of Texas said the attacks were “an act of war.”',
    )
    expect(result.quotes.map((q) => q.speaker?.name)).toEqual([
      'a waiter at Petit Cambodge',
      'Jean Martin',
      'Ted Cruz',
    ])
    expect(result.speakers.map((s) => s.name)).not.toContain('Petit Cambodge')
  })

  it('reads the outlet that carried the words as the channel, not the speaker', () => {
    const result = run(
      'Gunmen opened fire on diners on Friday night.',
      '“We heard shots,” a witness told AFP.',
      'Agence France-Presse quoted a survivor as saying “it lasted ten minutes.”',
      'According to Agence France-Presse, a waiter said “nobody could get out.”',
    )
    expect(result.quotes.map((q) => q.speaker?.name)).toEqual([
      'a witness',
      'a survivor',
      'a waiter',
    ])
    expect(result.quotes[0]?.channel).toBe('interview')
    expect(result.speakers.map((s) => s.name).join(' ')).not.toMatch(/Presse|AFP/)
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
    expect(result.quotes).toEqual([
      {
        id: 'a#q0',
        article: 'a',
        text,
        span,
        kind: 'statement',
        paragraph: 1,
        speaker: null,
        mention: null,
        cue: null,
        channel: null,
        confidence: 0,
        rule: null,
        continues: null,
      },
    ])
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

  it('finds nothing in an article without quote marks, and apostrophes are not quotes', () => {
    const result = run(
      'The city’s new bridge opened on Saturday. Officials said the workers’ union had agreed to the schedule.',
      'It’s the first bridge built here since the ’90s, and drivers don’t have to pay a toll.',
    )
    expect(result).toMatchObject({ quotes: [], speakers: [], messages: [] })
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
    const article = normalizeArticle({
      content: blocks(
        '# Budget approved',
        'The council approved the budget on **Wednesday**.',
        '“We will not raise taxes this year,” Mayor Ann Lee said after the vote.',
      ),
      format: 'markdown',
      id: 'a',
    })
    const result = { article, ...extractQuotes(article) }
    expect(result.quotes).toHaveLength(1)
    expect(result.quotes[0]).toMatchObject({
      text: 'We will not raise taxes this year,',
      speaker: { name: 'Ann Lee' },
    })
    expectSlicesBack(result)
  })

  it('an HTML page’s quote is the text a reader sees; its span covers the markup between the words', () => {
    const article = normalizeArticle({
      content:
        '<html><body><article><p>The council approved the budget on Wednesday.</p>' +
        '<p>“We will <a href="https://example.org/taxes">not raise taxes</a> this <em>year</em>,” Mayor Ann Lee said &amp; left.</p>' +
        '</article></body></html>',
      format: 'html',
      id: 'a',
    })
    const [quote] = extractQuotes(article).quotes
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
    const article = normalizeArticle({
      content:
        '“We will [not raise taxes](https://example.org/taxes) this *year*,” Mayor Ann Lee said.',
      format: 'markdown',
      id: 'a',
    })
    const [quote] = extractQuotes(article).quotes
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
  it('reads gender from common given names, so "she" and "he" find the right person', () => {
    const article = normalizeArticle({
      content: [
        'Linda Park, the city treasurer, and Robert Hale, the budget director, presented the plan.',
        'Park spoke first about the deficit.',
        'Hale answered questions from the council afterwards.',
        '“We cut where we could,” she said.',
        '“The rest is up to the state,” he said.',
      ].join('\n\n'),
    })
    const { quotes } = extractQuotes(article)
    expect(quotes.map((q) => q.speaker?.name)).toEqual(['Linda Park', 'Robert Hale'])
  })

  it('a name followed by "as" is no subject: "replaced Carl Wendt as chairman" leaves the speaker', () => {
    const { quotes } = run(
      '“We need a plan before the vote,” said Roger Dalby, a former party treasurer.',
      'Dalby recalled that at one of his first meetings of the national committee, in 1988, he backed a motion to replace Carl Wendt as the committee’s chairman, the last such change.',
      'That is why, he argued, the party should prepare now.',
      '“It is a different time,” he said.',
    )
    expect(quotes.map((q) => q.speaker?.name)).toEqual(['Roger Dalby', 'Roger Dalby'])
  })

  it('finds the verb after two stacked appositives, so the speaker is the next "she"', () => {
    const { quotes } = run(
      'Robin Ashe, the developer behind the tower, was sued in May by the state.',
      'Claire Vantongeren, a Boston-based developer and spokeswoman for the Harbor Investors Group, which is made up of small lenders, said the suit ignored the good the project had done.',
      '“People forget what the block looked like before,” she said.',
    )
    expect(quotes[0]?.speaker?.name).toBe('Claire Vantongeren')
  })

  it('a name opening an unclosed quoted paragraph is an excerpt’s subject: the next "she" means her', () => {
    const { quotes } = run(
      'The Ledger sent its reporter Ann Whitcombe to a diner in rural Ohio. Whitcombe reports:',
      '“Margaret Pike thought the town had been forgotten. The mill closed, the clinic closed, and the town felt forgotten.',
      '“Nobody comes here anymore,” she said.',
    )
    expect(quotes.at(-1)?.speaker?.name).toBe('Margaret Pike')
  })

  it('reads less common verbs of speech as cues: "assured", "admitted", "quipped"', () => {
    const { quotes } = run(
      '“We will carry this state by ten points,” Dana Kolb assured the crowd on Tuesday.',
      '“I was wrong about the turnout,” Kolb admitted.',
      '“At least the coffee was good,” Kolb quipped.',
    )
    expect(quotes.map((q) => [q.speaker?.name, q.rule])).toEqual([
      ['Dana Kolb', 'cue-after'],
      ['Dana Kolb', 'cue-after'],
      ['Dana Kolb', 'cue-after'],
    ])
  })

  it('a pronoun opening the next sentence is no part of a name ending in an abbreviation: "Washington D.C. He"', () => {
    const { quotes, speakers } = run(
      'Paul Grady, the mayor, spoke at the opening on Monday.',
      'Mark Ellison, a trade envoy, flew from Ohio to Washington D.C. He met the committee on Friday.',
      '“The deal is close,” he said.',
    )
    expect(quotes[0]?.speaker?.name).toBe('Mark Ellison')
    expect(speakers.map((s) => s.name)).toEqual(['Mark Ellison'])
  })

  it('finds the verb after "of <place>," and an appositive: "Lee Marsh of Ohio, a party whip, said"', () => {
    const { quotes } = run(
      'Speaker Tom Brandt said the vote would wait until March.',
      'Rep. Lee Marsh of Ohio, a party whip, said the bill would pass anyway.',
      '“We have the votes,” he said.',
    )
    expect(quotes[0]?.speaker?.name).toBe('Lee Marsh')
  })

  it('gives a quote that runs on into the writer’s words to the inverted cue closing the sentence', () => {
    const { quotes } = run(
      'Ruth Alder, the party chair, opened the meeting on Monday.',
      'The vote was close. "A narrow win is still a win" for the county, said Tom Quill, a city councilman.',
    )
    expect(quotes.map((q) => [q.speaker?.name, q.rule, q.mention?.text])).toEqual([
      ['Tom Quill', 'cue-after', 'Tom Quill'],
    ])
  })

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

  it('gives a quote introduced by a name and a colon after a dash to that name, the first of two', () => {
    const { quotes } = run(
      'Tom Baker runs the state party. Polls closed at eight.',
      'THE POLLS WERE NOT WRONG, JUST EARLY - Jane Roe and Al Finch: “Although the polls failed to predict the winner, it is not because they were wrong. They ended too early.”',
    )
    expect(quotes.map((q) => [q.speaker?.name, q.rule])).toEqual([['Jane Roe', 'colon-intro']])
  })

  it('reads a Title Case quote after a capitalized owner or "an interview with" as a programme’s title', () => {
    const { quotes } = run(
      'Joe Marsh, host of MSNBC’s “Morning Report,” said the race was over. Later, in an interview with “Sunday Review,” he took it back.',
    )
    expect(quotes.map((q) => [q.text, q.kind, q.speaker])).toEqual([
      ['Morning Report,', 'term', null],
      ['Sunday Review,', 'term', null],
    ])
  })

  it('gives a person the body names by surname only the full name its headline writes', () => {
    const { quotes } = run(
      'Voters Reward Karen Doyle With A Second Term',
      'Governor Doyle thanked her supporters on Tuesday night.',
      '“This is your win,” Doyle said.',
    )
    expect(quotes.map((q) => [q.speaker?.name, q.speaker?.id])).toEqual([
      ['Karen Doyle', 'karen-doyle'],
    ])
  })

  it('matches a nominal to a role by whole words: "the man" is not the chairman', () => {
    const { quotes } = run(
      'Harbor Club Chairman Dana Wirth spoke first.',
      'A stranger stood up at the back of the hall.',
      '“We have waited long enough,” the man said.',
    )
    expect(quotes.map((q) => [q.speaker?.name, q.mention?.text])).toEqual([['the man', 'the man']])
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

  it.each<[string, string[], 'first' | 'every', Array<string | null>]>([
    [
      'passes over a subject not shown to be a person for someone who fits, named after it',
      [
        '“We are ready,” said Foreign Minister Ana Ruiz.',
        'Port Elgin marked the second stop on Governor Tom Hale’s tour of the region.',
        'His tour began in Portsmouth, where he called for “immediate changes” to the budget.',
      ],
      'every',
      ['Ana Ruiz', 'Tom Hale'],
    ],
    [
      'gives a participle after a reported clause to that clause’s subject, not the reporter',
      [
        'The Daily Ledger reported that Ana Ruiz, the leader of the opposition, criticized the plan, saying, “Are we a dumping ground?”',
      ],
      'first',
      ['Ana Ruiz'],
    ],
    [
      'continues "He said" with the reporter, not the subject of the speech reported',
      [
        'Mayor Tom Baker said Governor Sam Ortiz also offered to pay for the bridge. He said the offer could “change the whole valley.”',
      ],
      'first',
      ['Tom Baker'],
    ],
  ])('%s', (_title, paragraphs, which, speakers) => {
    expect(speakersOf(run(...paragraphs), which)).toEqual(speakers)
  })

  it('gives a quote in a fronted "After saying …," clause to the subject of the main clause', () => {
    const result = run(
      'In her memoir, Jane Roe described the clot.',
      'After saying her right foot was “so swollen I could barely get my shoe on,” she was rushed to the hospital.',
    )
    expect(result.quotes[0]).toMatchObject({
      speaker: { name: 'Jane Roe' },
      mention: { text: 'she' },
      cue: { text: 'saying' },
    })
    expectSlicesBack(result)
  })

  it('gives a second quoted fragment joined by "but" after a few words to the first one’s speaker', () => {
    const result = run(
      'The toll, Mayor Tom Baker said, would be “relatively low” for visitors but “significant for us.”',
    )
    expect(result.quotes.map((q) => [q.kind, q.speaker?.name])).toEqual([
      ['fragment', 'Tom Baker'],
      ['fragment', 'Tom Baker'],
    ])
  })
})
