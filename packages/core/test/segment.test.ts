import { describe, expect, it } from 'vitest'
import { normalizeArticle, splitSentences } from '../src/index.js'
import type { Article } from '../src/types.js'

const sentencesOf = (text: string) => splitSentences(text).map((r) => text.slice(r.start, r.end))
const sentenceTexts = (article: Article) => article.sentences.map((s) => s.text)

describe('splitSentences', () => {
  it('returns ranges of sentences, white space between them left out', () => {
    expect(splitSentences('One. Two.')).toEqual([
      { start: 0, end: 4 },
      { start: 5, end: 9 },
    ])
    expect(splitSentences('  Hello there.  ')).toEqual([{ start: 2, end: 14 }])
  })

  it('returns nothing for empty or blank text', () => {
    expect(splitSentences('')).toEqual([])
    expect(splitSentences(' \n\t ')).toEqual([])
  })

  it('returns a text without a terminal mark as one sentence', () => {
    expect(splitSentences('No terminal mark here')).toEqual([{ start: 0, end: 21 }])
  })

  it('does not end a sentence at U.S., Mr., Sen., Dr., Gov. or Feb.', () => {
    expect(
      sentencesOf('The U.S. economy grew faster than expected. Analysts were surprised.'),
    ).toEqual(['The U.S. economy grew faster than expected.', 'Analysts were surprised.'])
    expect(
      sentencesOf('Mr. Lee met Sen. Alvarez on Feb. 12 in the capital. They spoke for an hour.'),
    ).toEqual(['Mr. Lee met Sen. Alvarez on Feb. 12 in the capital.', 'They spoke for an hour.'])
    expect(
      sentencesOf('Dr. Ana Ruiz and Gov. Tom Hale spoke at 9 a.m. on Monday. They agreed.'),
    ).toEqual(['Dr. Ana Ruiz and Gov. Tom Hale spoke at 9 a.m. on Monday.', 'They agreed.'])
  })

  it('does not end a sentence inside a name with an initial', () => {
    expect(
      sentencesOf('Marjorie T. Whitfield, a retired teacher, led the protest. She was arrested.'),
    ).toEqual(['Marjorie T. Whitfield, a retired teacher, led the protest.', 'She was arrested.'])
  })

  it('does not end a sentence at a decimal point or an abbreviation mid-sentence', () => {
    expect(sentencesOf('The fee is $3.5 million. It is due in Jan. 2025.')).toEqual([
      'The fee is $3.5 million.',
      'It is due in Jan. 2025.',
    ])
    expect(
      sentencesOf(
        'The company, based in the U.S., said it would appeal. Its shares fell 3.5 percent.',
      ),
    ).toEqual([
      'The company, based in the U.S., said it would appeal.',
      'Its shares fell 3.5 percent.',
    ])
  })

  it('ends sentences at ellipses followed by a new sentence', () => {
    expect(
      sentencesOf('Officials said the plan was dead... Then the vote came. It passed.'),
    ).toEqual(['Officials said the plan was dead...', 'Then the vote came.', 'It passed.'])
    expect(sentencesOf('The plan … was approved. The mayor was pleased.')).toEqual([
      'The plan … was approved.',
      'The mayor was pleased.',
    ])
  })

  it('keeps dashes inside their sentence', () => {
    expect(
      sentencesOf(
        'The plan — long delayed — was approved on Monday. Critics – including two council members – objected.',
      ),
    ).toEqual([
      'The plan — long delayed — was approved on Monday.',
      'Critics – including two council members – objected.',
    ])
  })

  it('keeps a dateline with its first sentence', () => {
    expect(
      sentencesOf('WASHINGTON (AP) — The Senate voted on Thursday. The House will vote next week.'),
    ).toEqual(['WASHINGTON (AP) — The Senate voted on Thursday.', 'The House will vote next week.'])
    expect(
      sentencesOf('PORTLAND, Ore. — The council voted on Tuesday. The mayor was pleased.'),
    ).toEqual(['PORTLAND, Ore. — The council voted on Tuesday.', 'The mayor was pleased.'])
  })

  it('splits a quote of two sentences and keeps closing quotes with their sentence', () => {
    expect(
      sentencesOf(
        '“We will not stop. We will keep going until the bridge is built,” the mayor said. The crowd cheered.',
      ),
    ).toEqual([
      '“We will not stop.',
      'We will keep going until the bridge is built,” the mayor said.',
      'The crowd cheered.',
    ])
    expect(sentencesOf('He said, “It is over.” Then he left.')).toEqual([
      'He said, “It is over.”',
      'Then he left.',
    ])
    expect(sentencesOf('She asked, “Why now?” Nobody answered.')).toEqual([
      'She asked, “Why now?”',
      'Nobody answered.',
    ])
  })

  it('ends sentences at question and exclamation marks', () => {
    expect(sentencesOf('Is it over? Not yet! The vote is Friday.')).toEqual([
      'Is it over?',
      'Not yet!',
      'The vote is Friday.',
    ])
  })

  it('ends a sentence at "on X." followed by a quoted sentence', () => {
    expect(sentencesOf('He posted on X. “We agree,” he said.')).toEqual([
      'He posted on X.',
      '“We agree,” he said.',
    ])
  })
})

describe('normalizeArticle: sentences', () => {
  const content = [
    'WASHINGTON (AP) — The U.S. Senate voted on Feb. 12 to approve the bill. Mr. Lee and Sen. Alvarez backed it.',
    '“We will not stop. We will keep going until the bridge is built,” said Marjorie T. Whitfield, who led the campaign.',
    'Critics said the plan was rushed... The vote — the third this year — passed 52-48.',
  ].join('\n\n')

  it('splits every paragraph into sentences, in order, with running indexes', () => {
    const article = normalizeArticle({ content })
    expect(sentenceTexts(article)).toEqual([
      'WASHINGTON (AP) — The U.S. Senate voted on Feb. 12 to approve the bill.',
      'Mr. Lee and Sen. Alvarez backed it.',
      '“We will not stop.',
      'We will keep going until the bridge is built,” said Marjorie T. Whitfield, who led the campaign.',
      'Critics said the plan was rushed...',
      'The vote — the third this year — passed 52-48.',
    ])
    expect(article.sentences.map((s) => [s.index, s.paragraph])).toEqual([
      [0, 0],
      [1, 0],
      [2, 1],
      [3, 1],
      [4, 2],
      [5, 2],
    ])
  })

  it('puts every sentence inside its paragraph, by offset and by span', () => {
    const article = normalizeArticle({ content })
    for (const sentence of article.sentences) {
      const paragraph = article.paragraphs[sentence.paragraph]
      expect(paragraph).toBeDefined()
      if (!paragraph) continue
      expect(sentence.offset).toBeGreaterThanOrEqual(paragraph.offset)
      expect(sentence.offset + sentence.text.length).toBeLessThanOrEqual(
        paragraph.offset + paragraph.text.length,
      )
      expect(sentence.span.start).toBeGreaterThanOrEqual(paragraph.span.start)
      expect(sentence.span.end).toBeLessThanOrEqual(paragraph.span.end)
      expect(paragraph.text).toContain(sentence.text)
      expect(article.original.slice(sentence.span.start, sentence.span.end)).toBe(sentence.text)
      expect(article.text.slice(sentence.offset, sentence.offset + sentence.text.length)).toBe(
        sentence.text,
      )
    }
  })

  it('maps sentences of hard-wrapped lines back over the line breaks', () => {
    const wrapped =
      'The council met on Tuesday and voted to approve the new bridge. The\nmayor called it a turning point for the whole region and its people.'
    const article = normalizeArticle({ content: wrapped })
    expect(sentenceTexts(article)).toEqual([
      'The council met on Tuesday and voted to approve the new bridge.',
      'The mayor called it a turning point for the whole region and its people.',
    ])
    expect(article.sentences[1]?.span).toEqual({ start: 64, end: wrapped.length })
    expect(article.original.slice(64, wrapped.length)).toBe(
      'The\nmayor called it a turning point for the whole region and its people.',
    )
  })

  it('returns no sentences for an article without a body', () => {
    const article = normalizeArticle({ content: '' })
    expect(article.sentences).toEqual([])
  })
})
