import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { ParseEnglish } from 'parse-english'
import { describe, expect, it } from 'vitest'
import { normalizeArticle, splitSentences } from '../src/index.js'
import { SentenceParser } from '../src/segment/split-sentences.js'
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

  it('parses as parse-english does, token for token, with its faster tokenizer', () => {
    const english = new ParseEnglish()
    const parser = new SentenceParser()
    const newsy = fc.array(
      fc.constantFrom(
        'Mr. Roe',
        ' said',
        '. ',
        '“It was',
        '” ',
        '‘',
        '’',
        '!',
        '?',
        '…',
        ' U.S.',
        ' 3.5',
        '\n',
        '\r\n',
        '\t',
        '\u00a0',
        ' - ',
        '—',
        'e\u0301',
        '😀',
        '\ud800',
        ' (AP)',
        'don’t',
        '#1',
        '%',
      ),
      { maxLength: 30 },
    )
    fc.assert(
      fc.property(
        fc.oneof(
          newsy.map((parts) => parts.join('')),
          fc.string({ unit: 'binary' }),
        ),
        (text) => {
          expect(parser.parse(text)).toEqual(english.parse(text))
        },
      ),
      { numRuns: 2000 },
    )
  })

  it('returns a text without a terminal mark as one sentence', () => {
    expect(splitSentences('No terminal mark here')).toEqual([{ start: 0, end: 21 }])
  })

  // Rows of tables/segment-sentences.json: each example's text splits into those sentences.
  const rows: Array<{ title: string; examples: Array<{ text: string; sentences: string[] }> }> =
    JSON.parse(readFileSync(new URL('./tables/segment-sentences.json', import.meta.url), 'utf8'))
  it.each(rows.map((row) => [row.title, row] as const))('%s', (_title, { examples }) => {
    for (const { text, sentences } of examples) expect(sentencesOf(text)).toEqual(sentences)
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
