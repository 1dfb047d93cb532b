import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { extractQuotes, normalizeArticle, type QuoteExtraction } from '../src/index.js'
import type { Article, ArticleFormat, Span } from '../src/types.js'
import { blocks, expectSlicesBack, slice, spanOf } from './helpers.js'

const NUM_RUNS = 200

interface Run extends QuoteExtraction {
  article: Article
}

function run(...paragraphs: string[]): Run {
  const article = normalizeArticle({ content: blocks(...paragraphs), id: 'a' })
  return { article, ...extractQuotes(article) }
}

const codes = (result: Run) => result.messages.map((m) => m.code)

/** The speakers' names of every quote, or of the first or the last only; null for a quote without one. */
function speakersOf(result: Run, which: 'first' | 'last' | 'every') {
  const names = result.quotes.map((q) => q.speaker?.name ?? null)
  if (which === 'every') return names
  return which === 'first' ? names.slice(0, 1) : names.slice(-1)
}

/**
 * Rows of an article with one quote: the quote has the row's fields, slices back to its text and
 * has a confidence of 0 exactly when it has no speaker, and the article gives no message.
 */
const quoteRows = (
  rows: Array<[title: string, paragraphs: string[], quote: Record<string, unknown>]>,
) =>
  it.each(rows)('%s', (_title, paragraphs, quote) => {
    const result = run(...paragraphs)
    expect(result.quotes).toMatchObject([quote])
    expect(result.quotes[0]?.confidence === 0).toBe(result.quotes[0]?.speaker === null)
    expectSlicesBack(result)
    expect(result.messages).toEqual([])
  })

/** Rows of an article and the speakers' names of its quotes (of every quote, or of the first or the last). */
const speakerRows = (
  rows: Array<
    [
      title: string,
      paragraphs: string[],
      which: 'first' | 'last' | 'every',
      names: Array<string | null>,
    ]
  >,
) =>
  it.each(rows)('%s', (_title, paragraphs, which, names) => {
    expect(speakersOf(run(...paragraphs), which)).toEqual(names)
  })

// Whole articles whose quotes, speakers and messages are the assertion are fixture pairs in
// test/fixtures/quotes (quotes-fixtures.test.ts); these are the one-quote rows and the checks of
// one property each.

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

  quoteRows([
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
    ],
    [
      'opens a quote whose opening mark is a closing one at the paragraph start (” In an …)',
      [
        'Mayor Jane Whitcombe visited the flooded district on Tuesday.',
        'The city will pay for temporary housing for three months.',
        '” In an unusual step, the city will also cover the rent of displaced families,” Whitcombe said.',
      ],
      {
        text: 'In an unusual step, the city will also cover the rent of displaced families,',
        kind: 'statement',
        paragraph: 2,
        speaker: { name: 'Jane Whitcombe' },
        cue: { text: 'said' },
        rule: 'cue-after',
      },
    ],
  ])
})

describe('quotes: kinds', () => {
  quoteRows([
    [
      'reads a few quoted words in the writer’s sentence as a fragment of the subject',
      ['The mayor called the plan “a disaster” on Monday.'],
      {
        text: 'a disaster',
        kind: 'fragment',
        speaker: { name: 'The mayor' },
        mention: { text: 'The mayor' },
        cue: { text: 'called' },
      },
    ],
    [
      'gives a fragment the named subject of its sentence',
      ['Mayor Tom Reyes called the plan “a disaster” during the council meeting.'],
      {
        text: 'a disaster',
        kind: 'fragment',
        speaker: { name: 'Tom Reyes' },
        mention: { text: 'Mayor Tom Reyes' },
      },
    ],
    [
      'resolves "the mayor" to the mayor the article named before',
      [
        'Mayor Tom Reyes opened the council session on Monday with a long speech.',
        'The mayor later called the plan “a disaster” and left the chamber.',
      ],
      { kind: 'fragment', speaker: { name: 'Tom Reyes' } },
    ],
    [
      'reads a fragment in an indirect-speech sentence as the subject’s words',
      [
        'Mayor Jane Whitcombe visited the flooded district on Tuesday. She said the city would “do whatever it takes” to help.',
      ],
      {
        text: 'do whatever it takes',
        kind: 'fragment',
        speaker: { name: 'Jane Whitcombe' },
        mention: { text: 'She' },
      },
    ],
    [
      'reads a film title in quotes as a term',
      ['The festival opened with a screening of “The Long Winter” at the old cinema downtown.'],
      { text: 'The Long Winter', kind: 'term', speaker: null },
    ],
    [
      'reads a nickname in quotes as a term',
      ['Residents have nicknamed the new tower “the Pencil” because of its shape.'],
      { text: 'the Pencil', kind: 'term', speaker: null },
    ],
    [
      'reads a film title set off by commas as a term, not the words of the subject',
      ['The reviewers praised the new film, “Winter in Lisbon,” which opens next week.'],
      { kind: 'term', speaker: null },
    ],
  ])
})

describe('quotes: attribution', () => {
  quoteRows([
    [
      'reads a cue after the quote: “…,” Smith said.',
      [
        'The plant will close at the end of the year.',
        '“This is a sad day for the whole town,” Lena Smith said.',
      ],
      {
        speaker: { name: 'Lena Smith' },
        mention: { text: 'Lena Smith' },
        cue: { text: 'said' },
        rule: 'cue-after',
      },
    ],
    [
      'reads an inverted cue after the quote: “…,” said Smith.',
      [
        'The council met on Thursday.',
        '“The budget is balanced and the reserves are healthy,” said Treasurer Alan Brooks.',
      ],
      {
        speaker: { name: 'Alan Brooks' },
        mention: { text: 'Treasurer Alan Brooks' },
        cue: { text: 'said' },
        rule: 'cue-after',
      },
    ],
    [
      'reads a cue before the quote with a colon: Smith said: “…”',
      [
        'The council met on Thursday.',
        'Treasurer Alan Brooks said: “The budget is balanced and the reserves are healthy.”',
      ],
      {
        text: 'The budget is balanced and the reserves are healthy.',
        kind: 'statement',
        speaker: { name: 'Alan Brooks' },
        cue: { text: 'said' },
        rule: 'cue-before',
      },
    ],
    [
      'reads "according to" after the quote',
      [
        'The storm caused widespread damage across the county.',
        '“Crews will work through the weekend to restore power to every home,” according to utility spokesman Carl Dunn.',
      ],
      {
        speaker: { name: 'Carl Dunn' },
        cue: { text: 'according to' },
        rule: 'according-to',
      },
    ],
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
    ],
    [
      'reads an inverted cue followed by an appositive: “…,” said Hannah Cole, a lawyer …',
      ['“We will appeal the decision,” said Hannah Cole, a lawyer for the tenants.'],
      {
        speaker: { name: 'Hannah Cole' },
        mention: { text: 'Hannah Cole' },
        cue: { text: 'said' },
        rule: 'cue-after',
      },
    ],
    [
      'resolves a pronoun to the person named before: “…,” she said. → Jane Smith',
      [
        'Mayor Jane Smith spoke Tuesday at the opening of the new library.',
        '“This is a place for everyone in our city,” she said.',
      ],
      { speaker: { name: 'Jane Smith' }, mention: { text: 'she' }, rule: 'cue-after' },
    ],
    [
      'gives a quote-only paragraph the speaker of a colon introduction ending the paragraph before',
      [
        'Superintendent Karen Doyle told parents on Monday night:',
        '“Every classroom will have a full-time teacher by September.”',
      ],
      {
        text: 'Every classroom will have a full-time teacher by September.',
        speaker: { name: 'Karen Doyle' },
        mention: { text: 'Superintendent Karen Doyle' },
        cue: { text: 'told' },
        rule: 'colon-intro',
      },
    ],
    [
      'reads a quoted transcript line as said by the name in capitals',
      [
        'The interview aired on Sunday evening.',
        '"SMITH: Well, I think the voters made their choice, and we respect it."',
      ],
      {
        text: 'SMITH: Well, I think the voters made their choice, and we respect it.',
        kind: 'statement',
        speaker: { name: 'Smith' },
        mention: { text: 'SMITH' },
        rule: 'transcript',
      },
    ],
    [
      'resolves a transcript name to the person the article named in full',
      [
        'Senator John Smith appeared on the program on Sunday.',
        '"SMITH: Well, I think the voters made their choice, and we respect it."',
      ],
      { speaker: { name: 'John Smith' }, rule: 'transcript' },
    ],
    [
      'does not take a fronted place phrase for the name of a role after it',
      [
        'Mayor Ellen Harwood visited the flooded streets on Monday.',
        'At a news conference in Brookfield, the mayor also said the town had “no money left” for repairs.',
      ],
      { speaker: { name: 'Ellen Harwood' }, mention: { text: 'the mayor' } },
    ],
    [
      'lets the learned model give a lone quote with no rule to the subject named just before, as a weak guess',
      [
        'Council member Ruth Kline spoke to reporters at City Hall on Monday about the budget.',
        '“We will not cut a single teacher, not one, in this city.”',
      ],
      {
        speaker: { name: 'Ruth Kline' },
        rule: 'nearest-speaker',
        mention: null,
        cue: null,
        confidence: 0.3,
      },
    ],
    [
      // No rule of the text names a speaker: at most the model's weak guess, marked as one.
      'does not take the subject of a fronted "if" clause for the speaker',
      [
        'Omar Fenn runs the rowing club.',
        'If he resigned, club bylaws let the treasurer call an “emergency vote” of the members.',
      ],
      { rule: 'nearest-speaker', mention: null, confidence: 0.3 },
    ],
    [
      'passes over a frequency adverb and reads "my" as a determiner: “…,” my aunt often said',
      [
        'We grew up on a farm outside the town.',
        '“Hard work never hurt anybody,” my aunt often said.',
      ],
      { speaker: { name: 'my aunt' }, mention: { text: 'my aunt' } },
    ],
    [
      'prefers the cue before a quote to a cue in a later clause after it',
      [
        'The debate is set for Tuesday night.',
        'Governor Lyle Brandt has asked whether the panel will be “even-handed” with him, engaging in what pundits described as a pressure campaign.',
      ],
      { speaker: { name: 'Lyle Brandt' }, cue: { text: 'asked' } },
    ],
    [
      // Not the subject of the sentence ("The county"): at most the model's weak guess.
      'names no speaker from the text for a quote after an agentless passive cue: "what is being criticized as a “…”"',
      [
        'Secretary Dale Orrin defended the new rules on Tuesday.',
        'The county dropped thousands of renters from its rolls because they missed two notices, in what is being criticized as a “miss it and lose it” approach.',
      ],
      { rule: 'nearest-speaker', mention: null, cue: null, confidence: 0.3 },
    ],
    [
      'reads "commented" as a verb of speech: a neighbor commented: “…”',
      [
        'The block party went on past midnight.',
        'Over the fence, a neighbor commented: “Nobody on this street slept a wink, and nobody minded.”',
      ],
      { speaker: { name: 'a neighbor' }, cue: { text: 'commented' } },
    ],
  ])

  speakerRows([
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
    [
      'takes the subject after a fronted phrase for a participle cue',
      [
        'The fair opened on Saturday.',
        'At her booth, the potter waved to the crowd, singing “Summer Is Here.”',
      ],
      'first',
      ['the potter'],
    ],
    [
      'lets a person named by a possessive speak: "Roe\'s longtime lawyer said"',
      [
        'Dana Whitt was charged with fraud last spring.',
        '“My client will be cleared of every count,” Whitt’s longtime lawyer said on Monday.',
      ],
      'first',
      ['Whitt’s longtime lawyer'],
    ],
    [
      'keeps a noun ending in -ly in the speaker: "Hale\'s family has called"',
      [
        'Officers shot Ronan Hale outside his home in March.',
        'Hale’s family has called on the city to release the recordings “without further delay” this week.',
      ],
      'first',
      ['Hale’s family'],
    ],
    [
      'takes a possessive subject for a participle cue: "Roe\'s doctor is calling her “fit”"',
      [
        'Candidate Mara Vell has faced questions about her health.',
        'Mayoral candidate Mara Vell’s physician is calling her “in excellent health.”',
      ],
      'first',
      ['Mayoral candidate Mara Vell’s physician'],
    ],
    [
      'still reads "as X put it" after a quote',
      [
        'Patrons of the library had long asked for longer hours.',
        'The board approved a budget that is “lean, but more than fair to every branch,” as the finance director put it.',
      ],
      'first',
      ['the finance director'],
    ],
    [
      'gives a participle after "footage of Name" to that name',
      [
        'Councilwoman Rita Sandoval released a new ad on Monday.',
        'The spot concludes with footage of Owen Pike saying during a debate, “Rules are for other people,” as the music swells.',
      ],
      'first',
      ['Owen Pike'],
    ],
    [
      'keeps two roles of one person joined by "and": "the retired judge and former state senator said"',
      [
        'The commission held its first hearing in the capital.',
        'The retired judge and former state senator said the maps were “drawn in the dark.”',
      ],
      'first',
      ['The retired judge and former state senator'],
    ],
    [
      'reads "secretary of state" in a role as no verb of speech',
      [
        'The summit ended without an agreement.',
        'The former secretary of state and current party chairman said talks would resume “when tempers cool.”',
      ],
      'first',
      ['The former secretary of state and current party chairman'],
    ],
    [
      'lets a possessive paper speak: "Roe\'s brief said … as “…”"',
      [
        'The appeal reached the state court in June.',
        'Lena Torvik’s brief said the ruling was wrong and dismissed the claims as “stale and unsupported allegations.”',
      ],
      'first',
      ['Lena Torvik’s brief'],
    ],
  ])

  // The rest of this article's outcome is the fixture quote-only-paragraph.
  it('trusts a quote-only paragraph given the speaker of the quote before it less than that quote', () => {
    const result = run(
      'Principal Mark Olsen thanked the parents for their patience.',
      '“We know this has been a difficult year for many families,” Olsen said.',
      '“Our teachers have done remarkable work, and the results show it.”',
    )
    expect(result.quotes.map((q) => q.rule)).toEqual(['cue-after', 'previous-quote'])
    expect(result.quotes[1]?.confidence).toBeLessThan(result.quotes[0]?.confidence ?? 0)
  })
})

describe('quotes: channels', () => {
  quoteRows([
    [
      'reads a press conference from the words around the quote',
      [
        'The police released new details about the robbery.',
        '“We have identified two suspects,” Inspector Nadia Kowalski told reporters at a news conference.',
      ],
      { speaker: { name: 'Nadia Kowalski' }, channel: 'press-conference' },
    ],
    [
      'reads a social-media post from the words around the quote',
      [
        'The singer announced the tour dates late on Sunday.',
        '“See you all in the spring, it will be our biggest show yet,” Rosa Delgado wrote in a post on Instagram.',
      ],
      { speaker: { name: 'Rosa Delgado' }, cue: { text: 'wrote' }, channel: 'social-media' },
    ],
    [
      'gives no channel when the text names none ("on Monday" is not social media)',
      ['Mayor Tom Reyes called the plan “a disaster” on Monday.'],
      { speaker: { name: 'Tom Reyes' }, channel: null },
    ],
    [
      'does not read the channel from the quoted words themselves',
      [
        'The debate in the chamber lasted six hours.',
        '“This bill will hurt every family that filed a complaint,” Senator Peter Vance said.',
      ],
      { speaker: { name: 'Peter Vance' }, channel: null },
    ],
  ])
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

  speakerRows([
    [
      'uses the fullest name even when a short form comes first',
      [
        'The law takes effect in May.',
        '“This law protects every worker in the state,” Lopez said.',
        'Governor Maria Lopez signed it on Friday.',
      ],
      'first',
      ['Maria Lopez'],
    ],
  ])
})

describe('quotes: speakers are people, organizations or documents', () => {
  speakerRows([
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
    [
      'takes no abstract noun phrase for a speaker',
      [
        'The policy was debated in the Senate.',
        'The religious test for refugees originated in a speech in July, when it was called “a common-sense measure.”',
        'The inspection found that the building was “structurally unsound.”',
      ],
      'every',
      [null, null],
    ],
  ])

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
  quoteRows([
    [
      'gives a quote that runs on into the writer’s words to the inverted cue closing the sentence',
      [
        'Ruth Alder, the party chair, opened the meeting on Monday.',
        'The vote was close. "A narrow win is still a win" for the county, said Tom Quill, a city councilman.',
      ],
      { speaker: { name: 'Tom Quill' }, rule: 'cue-after', mention: { text: 'Tom Quill' } },
    ],
    [
      'gives a quote introduced by a name and a colon after a dash to that name, the first of two',
      [
        'Tom Baker runs the state party. Polls closed at eight.',
        'THE POLLS WERE NOT WRONG, JUST EARLY - Jane Roe and Al Finch: “Although the polls failed to predict the winner, it is not because they were wrong. They ended too early.”',
      ],
      { speaker: { name: 'Jane Roe' }, rule: 'colon-intro' },
    ],
    [
      'matches a nominal to a role by whole words: "the man" is not the chairman',
      [
        'Harbor Club Chairman Dana Wirth spoke first.',
        'A stranger stood up at the back of the hall.',
        '“We have waited long enough,” the man said.',
      ],
      { speaker: { name: 'the man' }, mention: { text: 'the man' } },
    ],
    [
      'gives a quote in a fronted "After saying …," clause to the subject of the main clause',
      [
        'In her memoir, Jane Roe described the clot.',
        'After saying her right foot was “so swollen I could barely get my shoe on,” she was rushed to the hospital.',
      ],
      { speaker: { name: 'Jane Roe' }, mention: { text: 'she' }, cue: { text: 'saying' } },
    ],
  ])

  speakerRows([
    [
      'finds the verb after two stacked appositives, so the speaker is the next "she"',
      [
        'Robin Ashe, the developer behind the tower, was sued in May by the state.',
        'Claire Vantongeren, a Boston-based developer and spokeswoman for the Harbor Investors Group, which is made up of small lenders, said the suit ignored the good the project had done.',
        '“People forget what the block looked like before,” she said.',
      ],
      'first',
      ['Claire Vantongeren'],
    ],
    [
      'a name opening an unclosed quoted paragraph is an excerpt’s subject: the next "she" means her',
      [
        'The Ledger sent its reporter Ann Whitcombe to a diner in rural Ohio. Whitcombe reports:',
        '“Margaret Pike thought the town had been forgotten. The mill closed, the clinic closed, and the town felt forgotten.',
        '“Nobody comes here anymore,” she said.',
      ],
      'last',
      ['Margaret Pike'],
    ],
    [
      'finds the verb after "of <place>," and an appositive: "Lee Marsh of Ohio, a party whip, said"',
      [
        'Speaker Tom Brandt said the vote would wait until March.',
        'Rep. Lee Marsh of Ohio, a party whip, said the bill would pass anyway.',
        '“We have the votes,” he said.',
      ],
      'first',
      ['Lee Marsh'],
    ],
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
  ])

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
