import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { crossReference, extractClaims, extractQuotes, normalizeArticle } from '../src/index.js'
import { MAX_MARKDOWN_DEPTH } from '../src/ingest/defuse-markdown.js'
import type { Article, ArticleFormat } from '../src/types.js'

const repeat = (unit: string, length: number) =>
  unit.repeat(Math.ceil(length / unit.length)).slice(0, length)

function indentedList(length: number): string {
  let out = ''
  for (let depth = 0; out.length < length; depth++) out += `${'  '.repeat(depth)}- item ${depth}\n`
  return out
}

// Inputs that made remark superlinear or the Markdown walk run out of stack.
const HOSTILE_MARKDOWN: Record<string, string> = {
  'list markers on one line': `${repeat('- ', 12_000)}deep`,
  'block quote markers': `${repeat('>', 4_000)} deep`,
  'mixed containers': `${repeat('> 1. * ', 12_000)}deep`,
  'an indented list 300 deep': indentedList(100_000),
  'emphasis runs': repeat('***b', 40_000),
  'emphasis runs around words': `***${repeat('b***', 40_000)}`,
  'list items full of emphasis': `- ${repeat('***b', 280)}\n`.repeat(400),
  brackets: `${repeat('[', 10_000)}a${repeat(']', 10_000)}`,
  backticks: repeat('`a', 20_000),
}

function checkRuns(article: Article) {
  for (const run of article.runs) {
    expect(run.original).toBeGreaterThanOrEqual(0)
    expect(run.original + run.originalLength).toBeLessThanOrEqual(article.original.length)
    if (!run.verbatim) continue
    expect(article.text.slice(run.text, run.text + run.length)).toBe(
      article.original.slice(run.original, run.original + run.length),
    )
  }
  for (const paragraph of article.paragraphs) {
    expect(paragraph.span.start).toBeGreaterThanOrEqual(0)
    expect(paragraph.span.end).toBeLessThanOrEqual(article.original.length)
    expect(article.text.slice(paragraph.offset, paragraph.offset + paragraph.text.length)).toBe(
      paragraph.text,
    )
  }
  expect(article.text).not.toContain('\uE000')
}

function analyse(content: string, format: ArticleFormat) {
  const article = normalizeArticle({ content, format, id: 'a' })
  checkRuns(article)
  extractQuotes(article)
  extractClaims(article)
  crossReference([article, { ...article, id: 'b' }])
  return article
}

describe('hostile Markdown', () => {
  for (const [name, content] of Object.entries(HOSTILE_MARKDOWN)) {
    it(`never throws and keeps runs true to the source (${name})`, { timeout: 60_000 }, () => {
      analyse(content, 'markdown')
    })
  }

  it('keeps the text under nesting thousands deep, flattened', { timeout: 60_000 }, () => {
    for (const content of [`${repeat('> ', 4_000)}deep`, `${repeat('- ', 4_000)}deep`]) {
      const article = analyse(content, 'markdown')
      expect(article.paragraphs.map((p) => p.text)).toEqual(['deep'])
      expect(article.paragraphs[0]?.span.end).toBe(content.length)
    }
  })

  it('keeps nesting up to the cap as it was', () => {
    const content = `${'> '.repeat(MAX_MARKDOWN_DEPTH)}Kept *as* written.`
    const article = normalizeArticle({ content, format: 'markdown' })
    expect(article.text).toBe('Kept as written.')
    expect(article.runs.every((run) => run.verbatim)).toBe(true)
  })

  it('reads past the emphasis cap as the words without their markers', { timeout: 60_000 }, () => {
    const content = repeat('***b', 40_000)
    const article = analyse(content, 'markdown')
    // The cap may split one run of three; its unmatched rest stays as written.
    expect(article.text.replaceAll('*', '')).toBe('b'.repeat(10_000))
    expect(article.text.length).toBeLessThan(10_010)
  })

  it('counts the markers of each list item apart: a long list of links stays links', () => {
    const content = Array.from(
      { length: 300 },
      (_, i) => `- [Story ${i}](https://x.example/${i}_a)`,
    ).join('\n')
    const article = normalizeArticle({ content, format: 'markdown' })
    expect(article.text).not.toContain('https')
    expect(article.text).toContain('Story 299')
  })

  it('keeps a code fence closing after a paragraph full of markers', () => {
    const content = `---\ntitle: A *title*\n---\n\n\`\`\`\n${repeat('*_', 2_000)}\n\`\`\`\n\nThe story goes on.\n`
    const article = normalizeArticle({ content, format: 'markdown' })
    expect(article.paragraphs.map((p) => p.text)).toEqual(['The story goes on.'])
    expect(article.title?.value).toBe('A *title*')
  })

  it('never throws on any mix of container and inline markers', () => {
    const piece = fc.constantFrom(
      '> ',
      '- ',
      '* ',
      '1. ',
      '  ',
      '***',
      '_',
      '[',
      '](',
      '`',
      '```',
      'word ',
      '"Quoted," she said. ',
      '\n',
      '\n\n',
    )
    fc.assert(
      fc.property(
        fc.array(fc.tuple(piece, fc.integer({ min: 1, max: 80 })), { maxLength: 30 }),
        (parts) => {
          const content = parts.map(([unit, times]) => unit.repeat(times)).join('')
          checkRuns(normalizeArticle({ content, format: 'markdown' }))
        },
      ),
      { numRuns: 150 },
    )
  })
})

const NAMES = ['Maria Lopez', 'John Smith', 'Ana Petrova', 'Li Wei']

function paragraphs(length: number, make: (i: number) => string): string {
  const out: string[] = []
  for (let i = 0, total = 0; total < length; i++) {
    const paragraph = make(i)
    out.push(paragraph)
    total += paragraph.length + 2
  }
  return out.join('\n\n')
}

// Text that made a stage superlinear: every stage runs on it and its spans slice back.
const HOSTILE_TEXT: Record<string, string> = {
  'a run-on sentence': `The report said ${Array.from(
    { length: 2_000 },
    (_, i) =>
      `and on ${1 + (i % 28)} March ${2000 + (i % 20)} ${NAMES[i % 4]} counted ${i * 7 + 3} people`,
  ).join(', ')}. He left.`,
  'many names and pronouns': paragraphs(
    100_000,
    (i) =>
      `${NAMES[i % 4]} Alvarez${i} met ${NAMES[(i + 1) % 4]} on Monday. He said the plan was late. She said it was not. "We will see," he said.`,
  ),
  'many quotes': paragraphs(
    100_000,
    (i) => `"Quote number ${i} is here," said ${NAMES[i % 4]}. "And another ${i}," she added.`,
  ),
}

describe('hostile text', () => {
  for (const [name, content] of Object.entries(HOSTILE_TEXT)) {
    it(`every stage finishes and its spans slice back (${name})`, { timeout: 120_000 }, () => {
      const article = normalizeArticle({ content, id: 'a' })
      checkRuns(article)
      const { quotes } = extractQuotes(article)
      for (const quote of quotes) {
        expect(quote.span.start).toBeGreaterThanOrEqual(0)
        expect(quote.span.end).toBeLessThanOrEqual(content.length)
        expect(content.slice(quote.span.start, quote.span.end)).toContain(quote.text.slice(0, 10))
      }
      const { claims } = extractClaims(article, quotes)
      for (const claim of claims)
        expect(content.slice(claim.span.start, claim.span.end)).toBe(claim.text)
      crossReference([article, { ...article, id: 'b' }])
    })
  }
})

describe('hostile names', () => {
  // The least of a name's positions was read by spreading them into Math.min's arguments,
  // which overflows the stack past some 70,000 of them.
  it('reads a name written 80,000 times without throwing', { timeout: 120_000 }, () => {
    const article = normalizeArticle({ content: 'Li Wei came. '.repeat(80_000), id: 'a' })
    expect(() => extractQuotes(article)).not.toThrow()
  })
})
