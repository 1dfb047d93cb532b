import { describe, expect, it } from 'vitest'
import { normalizeArticle } from '../src/index.js'
import { fromCaller, fromText, paragraphTexts, slice } from './helpers.js'

const markdown = (content: string, extra: Partial<Parameters<typeof normalizeArticle>[0]> = {}) =>
  normalizeArticle({ content, format: 'markdown', ...extra })

// The two paragraphs most of these articles share.
const VOTE = 'The city council voted on Tuesday to approve a new bridge across the river.'
const CONSTRUCTION = 'Construction is expected to begin next spring, officials said.'

const FRONT_MATTER = `---
title: Council Approves New Bridge
author: Jane Doe
date: 2024-05-06
source: The Daily Ledger
url: https://example.com/bridge
---
`

describe('markdown: front matter', () => {
  const content = `${FRONT_MATTER}
${VOTE}

${CONSTRUCTION}
`

  it('reads title, author, date, source and url with source front-matter', () => {
    const article = markdown(content)
    const span = { start: 0, end: FRONT_MATTER.length - 1 }
    const fromFrontMatter = (value: string) => ({
      value,
      text: value,
      span,
      source: 'front-matter',
    })
    const { title, author, published, outlet, url } = article
    expect({ title, author, published, outlet, url }).toEqual({
      title: fromFrontMatter('Council Approves New Bridge'),
      author: fromFrontMatter('Jane Doe'),
      published: fromFrontMatter('2024-05-06'),
      outlet: fromFrontMatter('The Daily Ledger'),
      url: fromFrontMatter('https://example.com/bridge'),
    })
    for (const field of [article.title, article.author, article.published, article.outlet]) {
      expect(slice(article, field?.span ?? null)).toContain(field?.text)
    }
    expect(article.messages).toEqual([])
  })

  it('keeps the front matter out of the body', () => {
    const article = markdown(content)
    expect(paragraphTexts(article)).toEqual([VOTE, CONSTRUCTION])
    expect(article.text).not.toContain('title:')
    expect(article.text).not.toContain('---')
    expect(article.paragraphs[0]?.span.start).toBe(FRONT_MATTER.length + 1)
  })

  it('lets caller and sidecar metadata beat the front matter', () => {
    const caller = markdown(content, { metadata: { title: 'Bridge Vote' } })
    expect(caller.title).toEqual(fromCaller('Bridge Vote'))
    expect(caller.author).toMatchObject({ value: 'Jane Doe', source: 'front-matter' })
    const sidecar = markdown(content, {
      metadata: { author: 'John Roe' },
      metadataSource: 'sidecar',
    })
    expect(sidecar.author).toMatchObject({ value: 'John Roe', source: 'sidecar', span: null })
    expect(sidecar.title).toMatchObject({
      value: 'Council Approves New Bridge',
      source: 'front-matter',
    })
  })

  it('reports invalid YAML front matter and still reads the body', () => {
    const bad = `---
title: [unclosed
author: Jane: Doe
---

${VOTE}

${CONSTRUCTION}
`
    const article = markdown(bad)
    expect(article.messages).toEqual([
      {
        code: 'front-matter-invalid',
        severity: 'warning',
        message: expect.stringContaining('front matter is not valid YAML'),
        span: { start: 0, end: 42 },
      },
    ])
    expect(article.title).toBeNull()
    expect(article.author).toBeNull()
    expect(paragraphTexts(article)).toEqual([VOTE, CONSTRUCTION])
  })

  it('reports front matter that is not a mapping', () => {
    const article = markdown(`---
- one
- two
---

${VOTE}
`)
    expect(article.messages).toMatchObject([{ code: 'front-matter-invalid', severity: 'warning' }])
    expect(article.paragraphs).toHaveLength(1)
  })
})

describe('markdown: headings', () => {
  it('reads a leading # heading as the title and removes it from the body', () => {
    const article = markdown(`# Council Approves New Bridge

${VOTE}

${CONSTRUCTION}
`)
    expect(article.title).toEqual(
      fromText('Council Approves New Bridge', 'Council Approves New Bridge', { start: 0, end: 29 }),
    )
    expect(slice(article, article.title?.span ?? null)).toBe('# Council Approves New Bridge')
    expect(article.removed).toEqual([
      { kind: 'title', text: 'Council Approves New Bridge', span: { start: 0, end: 29 } },
    ])
    expect(article.text).not.toContain('Council Approves')
    expect(article.paragraphs).toHaveLength(2)
  })

  it('prefers the front matter title to the heading and still removes the heading', () => {
    const article = markdown(`${FRONT_MATTER}
# Bridge Vote Passes

${VOTE}

${CONSTRUCTION}
`)
    expect(article.title).toMatchObject({
      value: 'Council Approves New Bridge',
      source: 'front-matter',
    })
    expect(article.text).not.toContain('Bridge Vote Passes')
    expect(article.removed.map((r) => [r.kind, r.text])).toEqual([['title', 'Bridge Vote Passes']])
  })
})

describe('markdown: inline markup', () => {
  const content = `The city council voted on **Tuesday** to approve a [new bridge](https://example.com/plan) across the river, using \`fast-track\` rules and _emergency_ funds. The *mayor* agreed.

${CONSTRUCTION}
`
  const article = markdown(content)

  it('strips emphasis, links and inline code from the paragraph text', () => {
    expect(paragraphTexts(article)).toEqual([
      'The city council voted on Tuesday to approve a new bridge across the river, using fast-track rules and emergency funds. The mayor agreed.',
      CONSTRUCTION,
    ])
    expect(article.text).not.toMatch(/[*_`[\]()]/)
    expect(article.text).not.toContain('https://example.com/plan')
  })

  it('gives paragraph spans that cover the markup', () => {
    const first = article.paragraphs[0]
    expect(first?.span).toEqual({ start: 0, end: content.indexOf('\n\n') })
    const source = slice(article, first?.span ?? null)
    expect(source).toContain('**Tuesday**')
    expect(source).toContain('[new bridge](https://example.com/plan)')
    expect(source).toContain('`fast-track`')
    expect(source).toContain('_emergency_')
    expect(source?.endsWith('The *mayor* agreed.')).toBe(true)
  })

  it('gives sentence spans that cover the markup of each sentence', () => {
    expect(article.sentences.map((s) => s.text)).toEqual([
      'The city council voted on Tuesday to approve a new bridge across the river, using fast-track rules and emergency funds.',
      'The mayor agreed.',
      CONSTRUCTION,
    ])
    expect(article.sentences.map((s) => slice(article, s.span))).toEqual([
      'The city council voted on **Tuesday** to approve a [new bridge](https://example.com/plan) across the river, using `fast-track` rules and _emergency_ funds.',
      'The *mayor* agreed.',
      CONSTRUCTION,
    ])
    for (const sentence of article.sentences) {
      expect(article.text.slice(sentence.offset, sentence.offset + sentence.text.length)).toBe(
        sentence.text,
      )
    }
  })

  it('decodes character references and maps them back to their source', () => {
    const article = markdown(`The council &amp; the mayor voted on Tuesday to approve a new bridge.

${CONSTRUCTION}
`)
    expect(article.paragraphs[0]?.text).toBe(
      'The council & the mayor voted on Tuesday to approve a new bridge.',
    )
    expect(slice(article, article.paragraphs[0]?.span ?? null)).toBe(
      'The council &amp; the mayor voted on Tuesday to approve a new bridge.',
    )
  })
})

describe('markdown: images and captions', () => {
  const content = `${VOTE}

![A crane at the river](crane.jpg)

*A crane stands at the site of the new bridge on Monday.*

${CONSTRUCTION}
`
  const article = markdown(content)

  it('takes an image and the italic caption below it out of the body as captions', () => {
    expect(paragraphTexts(article)).toEqual([VOTE, CONSTRUCTION])
    expect(article.text).not.toContain('crane')
    const captionStart = content.indexOf('*A crane')
    expect(article.captions).toContainEqual({
      text: 'A crane stands at the site of the new bridge on Monday.',
      span: {
        start: captionStart,
        end: captionStart + '*A crane stands at the site of the new bridge on Monday.*'.length,
      },
      credit: null,
    })
    expect(article.removed.map((r) => r.kind)).toEqual(['caption', 'caption'])
    for (const caption of article.captions) {
      expect(slice(article, caption.span)).toContain(caption.text)
    }
  })

  it('keeps an italic paragraph that does not follow an image', () => {
    const article = markdown(`${VOTE}

*The vote was the third on the project this year.*

${CONSTRUCTION}
`)
    expect(paragraphTexts(article)).toContain('The vote was the third on the project this year.')
    expect(article.captions).toEqual([])
  })
})

describe('markdown: lists and blockquotes', () => {
  it('turns list items and blockquotes into paragraphs', () => {
    const content = `${VOTE}

- Construction begins in the spring.
- The bridge opens in two years.

> “This is a great day for the city,” the mayor said.

Officials said the cost would be shared with the state.
`
    const article = markdown(content)
    expect(paragraphTexts(article)).toEqual([
      VOTE,
      'Construction begins in the spring.',
      'The bridge opens in two years.',
      '“This is a great day for the city,” the mayor said.',
      'Officials said the cost would be shared with the state.',
    ])
    expect(article.text).not.toMatch(/^[->] /m)
    for (const paragraph of article.paragraphs) {
      expect(slice(article, paragraph.span)).toBe(paragraph.text)
    }
    expect(article.sentences.map((s) => s.paragraph)).toEqual([0, 1, 2, 3, 4])
  })

  it('leaves fenced code out of the body', () => {
    const article = markdown(`${VOTE}

\`\`\`
var x = 1;
\`\`\`

${CONSTRUCTION}
`)
    expect(article.text).not.toContain('var x')
    expect(article.paragraphs).toHaveLength(2)
  })
})
