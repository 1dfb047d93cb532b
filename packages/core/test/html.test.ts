import { readFileSync } from 'node:fs'
import { decodeHTML } from 'entities'
import { describe, expect, it } from 'vitest'
import {
  type Article,
  type ArticleMetadataInput,
  ingestArticle,
  normalizeArticle,
  toOriginalSpan,
} from '../src/index.js'
import { fromCaller, paragraphTexts, slice } from './helpers.js'
import { IDS, seed } from './seed-articles.js'

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

/** What a reader sees of a stretch of HTML: tags out, references decoded, white space collapsed, NFC. */
function visibleText(html: string): string {
  return collapse(
    decodeHTML(
      html
        .replace(/<!--[\s\S]*?-->/g, '')
        .replace(/<(script|style|template|noscript)\b[^>]*>[\s\S]*?<\/\1>/gi, '')
        .replace(/<(\w+)\b[^>]*(?:display:\s*none|\bhidden\b)[^>]*>[\s\S]*?<\/\1>/gi, '')
        .replace(/<br\s*\/?>/gi, ' ')
        .replace(/<[^>]*>/g, ''),
    ).replace(/[\u00ad\u200b\ufeff]/g, ''),
  )
}

const collapse = (text: string) =>
  text
    .replace(/[\s\u00a0]+/g, ' ')
    .trim()
    .normalize('NFC')

/** A small deterministic generator, so that failures reproduce. */
function random(seed: number): () => number {
  let state = seed >>> 0 || 1
  return () => {
    state ^= state << 13
    state ^= state >>> 17
    state ^= state << 5
    return (state >>> 0) / 0x1_0000_0000
  }
}

/**
 * The span invariant: every paragraph's span covers exactly its text as a
 * reader sees it, its offset finds it in `text`, and any range inside it maps
 * back (through the runs) into its span and onto the same words.
 */
function expectSpanInvariant(article: Article, seedValue = 1) {
  expect(article.text).toBe(paragraphTexts(article).join('\n\n'))
  const next = random(seedValue)
  article.paragraphs.forEach((paragraph, index) => {
    expect(paragraph.index).toBe(index)
    expect(paragraph.text).toBe(paragraph.text.trim())
    expect(visibleText(slice(article, paragraph.span))).toBe(collapse(paragraph.text))
    expect(article.text.slice(paragraph.offset, paragraph.offset + paragraph.text.length)).toBe(
      paragraph.text,
    )
    const length = paragraph.text.length
    for (let trial = 0; trial < 25; trial++) {
      const a = Math.floor(next() * (length + 1))
      const b = Math.floor(next() * (length + 1))
      const start = paragraph.offset + Math.min(a, b)
      const end = paragraph.offset + Math.max(a, b)
      const span = toOriginalSpan(article.runs, start, end)
      expect(span.start).toBeLessThanOrEqual(span.end)
      expect(span.start).toBeGreaterThanOrEqual(paragraph.span.start)
      expect(span.end).toBeLessThanOrEqual(paragraph.span.end)
      // The mapped markup holds the words of the range.
      if (end > start) {
        expect(visibleText(slice(article, span))).toContain(
          collapse(article.text.slice(start, end)),
        )
      }
    }
  })
  for (const sentence of article.sentences) {
    const paragraph = article.paragraphs[sentence.paragraph]
    expect(article.text.slice(sentence.offset, sentence.offset + sentence.text.length)).toBe(
      sentence.text,
    )
    expect(sentence.span.start).toBeGreaterThanOrEqual(paragraph?.span.start ?? Infinity)
    expect(sentence.span.end).toBeLessThanOrEqual(paragraph?.span.end ?? -1)
    expect(visibleText(slice(article, sentence.span))).toBe(collapse(sentence.text))
  }
  for (const removed of article.removed) {
    expect(visibleText(slice(article, removed.span))).toBe(collapse(removed.text))
  }
  for (const caption of article.captions) {
    expect(visibleText(slice(article, caption.span))).toContain(collapse(caption.text))
  }
  for (const quote of article.pullQuotes) {
    expect(visibleText(slice(article, quote.span))).toBe(collapse(quote.text))
  }
}

/** Reads an HTML page and checks the span invariant on it. */
function read(content: string, metadata?: ArticleMetadataInput): Article {
  const article = normalizeArticle(
    metadata ? { content, format: 'html', metadata } : { content, format: 'html' },
  )
  expectSpanInvariant(article, content.length)
  return article
}

// ---------------------------------------------------------------------------
// Fixtures: an invented local story and pages around it
// ---------------------------------------------------------------------------

const STORY = [
  'The town of Millbrook will reopen its public library next month after a renovation that lasted almost two years, officials said on Monday. The building, which dates from 1911, had been closed since a burst pipe flooded its basement.',
  'Work crews replaced the roof, rebuilt the reading room and added a lift for visitors who cannot use the stairs. The project cost about $4.2 million, most of it paid for by a state grant.',
  'Laura Bennett, the library director, said the goal had been to keep the character of the old building while making it usable for everyone. She added that the children’s section had doubled in size.',
  'Local groups raised money for new shelving through bake sales and a fun run last autumn. More than 600 residents took part in the events, according to the organizers.',
  'The library will hold an open day on the first Saturday of April. Visitors will be able to tour the restored clock tower, which had been closed to the public for decades.',
] as const

const HEADLINE = 'Millbrook library to reopen after two-year renovation'

const paragraphs = (texts: readonly string[]) => texts.map((text) => `<p>${text}</p>`).join('\n')

/**
 * A page around the story: `inserts[n]` goes right after paragraph n (0-based)
 * inside the article, `before` and `after` around the article in the page.
 */
function storyPage({
  head = '<title>Millbrook library to reopen</title>',
  before = '',
  top = '',
  inserts = {},
  after = '',
  end = '',
}: {
  head?: string
  before?: string
  top?: string
  inserts?: Record<number, string>
  after?: string
  end?: string
} = {}): string {
  const body = STORY.map((text, index) => `      <p>${text}</p>\n${inserts[index] ?? ''}`).join(
    '\n',
  )
  return `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    ${head}
  </head>
  <body>
    ${before}
    <main id="main">
      <article class="story">
        <h1>${HEADLINE}</h1>
        ${top}
${body}
      </article>
      ${after}
    </main>
    ${end}
  </body>
</html>`
}

/** The story's five paragraphs are the body, in order, and nothing else is. */
function expectStory(article: Article) {
  expect(paragraphTexts(article)).toEqual([...STORY])
  expect(article.messages.filter((m) => m.severity === 'error')).toEqual([])
}

function expectLeftOut(article: Article, ...phrases: string[]) {
  for (const phrase of phrases) expect(article.text).not.toContain(phrase)
}

const removedWith = (article: Article, phrase: string) =>
  article.removed.filter((removed) => removed.text.includes(phrase))

// ---------------------------------------------------------------------------
// Clutter
// ---------------------------------------------------------------------------

describe('html: clutter is left out of the text', () => {
  it('the plain story page reads as its five paragraphs, the headline as the title', () => {
    const article = read(storyPage())
    expectStory(article)
    expect(article.format).toBe('html')
    expect(article.title?.value).toBe(HEADLINE)
    expect(article.title?.source).toBe('text')
    expect(article.removed.map((r) => [r.kind, r.text])).toEqual([['title', HEADLINE]])
    expect(article.text).toBe(STORY.join('\n\n'))
    expect(article.sentences).toHaveLength(10)
  })

  // Rows of tables/html-clutter.json: the story page with clutter put `before` the main part,
  // at the `top` of the article, `inserts` after its paragraphs, `after` the article or at the
  // `end` of the page reads as the story alone, none of the `leftOut` words in its text; each
  // `removed` phrase is in that many removed blocks, or in blocks of those kinds.
  const clutter: Array<{
    title: string
    page: Parameters<typeof storyPage>[0]
    leftOut: string[]
    removed?: Record<string, number | string[]>
  }> = JSON.parse(readFileSync(new URL('./tables/html-clutter.json', import.meta.url), 'utf8'))
  it.each(clutter.map((row) => [row.title, row] as const))('%s', (_title, row) => {
    const article = read(storyPage(row.page))
    expectStory(article)
    expectLeftOut(article, ...row.leftOut)
    for (const [phrase, removed] of Object.entries(row.removed ?? {})) {
      const blocks = removedWith(article, phrase)
      if (typeof removed === 'number') expect(blocks).toHaveLength(removed)
      else expect(blocks.map((r) => r.kind)).toEqual(removed)
    }
  })

  it('ads: "Advertisement" slots and ad-class boxes are left out and reported as advertisements', () => {
    const article = read(
      storyPage({
        inserts: {
          0: `      <p>Advertisement</p>`,
          1: `      <div class="ad ad-slot" id="ad-mid-1"><span class="ad-label">ADVERTISEMENT</span><div id="gpt-slot-2"></div></div>`,
          3: `      <div class="advert-box"><p>Save up to 40 percent on garden furniture this weekend only. Visit our partner store in the Riverside mall today.</p></div>`,
        },
        end: `<div class="ad-leaderboard"><p>Advertisement</p></div>`,
      }),
    )
    expectStory(article)
    expect(article.text).not.toMatch(/advertisement/i)
    expectLeftOut(article, 'garden furniture', 'partner store')
    expect(article.removed.filter((r) => /advertisement/i.test(r.text)).length).toBe(2)
    for (const phrase of ['Advertisement', 'ADVERTISEMENT', 'garden furniture']) {
      expect(removedWith(article, phrase).map((r) => r.kind)).toEqual(['advertisement'])
    }
  })

  it('a story split into plain <div> chunks around an ad keeps every chunk', () => {
    const article = read(`<!DOCTYPE html><html><head><title>Library</title></head><body>
<div id="page">
  <div>
${paragraphs(STORY.slice(0, 4))}
  </div>
  <div class="ad"><p>Advertisement</p></div>
  <div>
${paragraphs(STORY.slice(4))}
  </div>
</div>
</body></html>`)
    expectStory(article)
  })

  it('a story split into classed body chunks around an ad keeps every chunk', () => {
    const article = read(`<!DOCTYPE html><html><head><title>Library</title></head><body>
<div class="article-body">
  <div class="story-body">
${paragraphs(STORY.slice(0, 4))}
  </div>
  <div class="ad"><p>Advertisement</p></div>
  <div class="story-body">
${paragraphs(STORY.slice(4))}
  </div>
</div>
</body></html>`)
    expectStory(article)
    expect(article.removed.map((r) => [r.kind, r.text])).toEqual([
      ['advertisement', 'Advertisement'],
    ])
  })

  it('all of the clutter at once still leaves exactly the story', () => {
    const article = read(
      storyPage({
        before: `<nav><a href="/">Home</a> <a href="/local">Local News</a> <a href="/weather">Weather</a></nav>
    <div class="cookie-banner"><p>This site uses cookies. By continuing to browse, you agree to our cookie policy.</p></div>`,
        top: `<div class="share-bar"><a href="#">Facebook</a> <a href="#">Twitter</a></div>`,
        inserts: {
          0: `      <div class="ad-slot"><p>Advertisement</p></div>`,
          1: `      <aside class="related"><h4>Related</h4><a href="/x">Bus routes change for the summer season</a></aside>`,
          2: `      <div class="newsletter"><p>Sign up for the Morning Briefing, delivered every weekday.</p></div>`,
        },
        after: `<section class="comments"><h2>Comments</h2><p>I used to do my homework in that reading room every afternoon, so this is wonderful news.</p></section>`,
        end: `<footer><p>Copyright 2024 Millbrook Courier. All rights reserved.</p></footer>`,
      }),
    )
    expectStory(article)
    expectLeftOut(
      article,
      'Weather',
      'cookies',
      'Facebook',
      'Advertisement',
      'Bus routes',
      'Morning Briefing',
      'homework',
      'Copyright',
    )
    const kinds = new Map(article.removed.map((r) => [r.text, r.kind]))
    expect(kinds.get('Advertisement')).toBe('advertisement')
    expect(kinds.get('Bus routes change for the summer season')).toBe('sidebar')
  })
})

// ---------------------------------------------------------------------------
// Captions and pull quotes
// ---------------------------------------------------------------------------

describe('html: captions and pull quotes are kept apart from the body', () => {
  const CAPTION =
    'The restored reading room of the Millbrook library, photographed on Friday. Photo: Sam Ortiz'

  it('a <figure> with a <figcaption> goes to captions, not to the text', () => {
    const article = read(
      storyPage({
        inserts: {
          0: `      <figure class="lead-image">
        <img src="/images/library-reading-room.jpg" alt="Reading room">
        <figcaption>${CAPTION}</figcaption>
      </figure>`,
        },
      }),
    )
    expectStory(article)
    expectLeftOut(article, 'photographed on Friday', 'Sam Ortiz')
    // The photo credit is read apart from the caption's words, as written; the span covers both.
    expect(article.captions.map(({ text, credit }) => ({ text, credit }))).toEqual([
      {
        text: 'The restored reading room of the Millbrook library, photographed on Friday.',
        credit: 'Photo: Sam Ortiz',
      },
    ])
    const caption = article.captions[0]
    expect(caption && slice(article, caption.span)).toBe(CAPTION)
    expect(article.pullQuotes).toEqual([])
  })

  it('a figure with a caption and a credit in separate elements is one caption', () => {
    const article = read(
      storyPage({
        inserts: {
          3: `      <figure>
        <picture><source srcset="/images/fun-run.webp"><img src="/images/fun-run.jpg" alt=""></picture>
        <figcaption><span class="caption-text">Runners set off on last autumn’s fundraising fun run.</span> <span class="credit">Courier file photo</span></figcaption>
      </figure>`,
        },
      }),
    )
    expectStory(article)
    expectLeftOut(article, 'fundraising fun run', 'file photo')
    expect(article.captions).toHaveLength(1)
    expect(article.captions[0]?.text).toContain(
      'Runners set off on last autumn’s fundraising fun run.',
    )
  })

  it('a <blockquote class="pull-quote"> goes to pullQuotes, not to the text', () => {
    const article = read(
      storyPage({
        inserts: {
          2: `      <blockquote class="pull-quote"><p>“It feels like the heart of the town is beating again.”</p></blockquote>`,
        },
      }),
    )
    expectStory(article)
    expectLeftOut(article, 'heart of the town')
    expect(article.pullQuotes.map((q) => q.text)).toEqual([
      '“It feels like the heart of the town is beating again.”',
    ])
    expect(article.captions).toEqual([])
  })

  it('an <aside class="pullquote"> goes to pullQuotes, not to the text', () => {
    const article = read(
      storyPage({
        inserts: {
          2: `      <aside class="pullquote"><p>“We wanted to keep the character of the old building.”</p></aside>`,
        },
      }),
    )
    expectStory(article)
    expectLeftOut(article, 'We wanted to keep')
    expect(article.pullQuotes.map((q) => q.text)).toEqual([
      '“We wanted to keep the character of the old building.”',
    ])
  })

  it('captions and pull quotes together, each in its own list, in page order', () => {
    const article = read(
      storyPage({
        inserts: {
          0: `      <figure><img src="/a.jpg" alt=""><figcaption>The library’s clock tower, closed to visitors since 1968.</figcaption></figure>`,
          1: `      <blockquote class="pullquote">“Every child in this town deserves a place like this.”</blockquote>`,
          3: `      <figure><img src="/b.jpg" alt=""><figcaption>Volunteers sort donated books in the basement.</figcaption></figure>`,
        },
      }),
    )
    expectStory(article)
    expect(article.captions.map((c) => c.text)).toEqual([
      'The library’s clock tower, closed to visitors since 1968.',
      'Volunteers sort donated books in the basement.',
    ])
    expect(article.pullQuotes.map((q) => q.text)).toEqual([
      '“Every child in this town deserves a place like this.”',
    ])
    expectLeftOut(article, 'closed to visitors since 1968', 'Every child', 'donated books')
  })
})

// ---------------------------------------------------------------------------
// Metadata
// ---------------------------------------------------------------------------

/** The story page with no <h1>, so that the head alone gives the title. */
function headPage(head: string, { lang = 'en', top = '' } = {}): string {
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
  <meta charset="utf-8">
  ${head}
</head>
<body>
  <article class="article-body">
    ${top}
    ${paragraphs(STORY)}
  </article>
</body>
</html>`
}

function expectEvidence(
  article: Article,
  field: 'title' | 'author' | 'published' | 'outlet' | 'url' | 'language',
  value: string,
  source: string,
  written: string = value,
) {
  const found = article[field]
  expect(found?.value).toBe(value)
  expect(found?.source).toBe(source)
  expect(found?.span).not.toBeNull()
  if (found?.span) expect(slice(article, found.span)).toContain(written)
}

describe('html: page metadata with evidence', () => {
  // Rows of tables/html-metadata.json: the page with this head (and `top` above the story) gives
  // each `evidence` [field, value, source, words written when not the value], none of the
  // `leftOut` words in its text, and, with `story`, the story as its body.
  const metadata: Array<{
    title: string
    head: string
    page?: { top?: string }
    evidence: Array<[Parameters<typeof expectEvidence>[1], string, string, string?]>
    leftOut?: string[]
    story?: boolean
  }> = JSON.parse(readFileSync(new URL('./tables/html-metadata.json', import.meta.url), 'utf8'))
  it.each(metadata.map((row) => [row.title, row] as const))('%s', (_title, row) => {
    const article = read(headPage(row.head, row.page))
    if (row.story) expectStory(article)
    for (const [field, value, source, written] of row.evidence)
      expectEvidence(article, field, value, source, written)
    expectLeftOut(article, ...(row.leftOut ?? []))
  })

  it('<title> with an " | Outlet" suffix gives the title and the outlet', () => {
    const article = read(headPage(`<title>${HEADLINE} | The Millbrook Courier</title>`))
    expectStory(article)
    expectEvidence(article, 'title', HEADLINE, 'meta')
    expectEvidence(article, 'outlet', 'The Millbrook Courier', 'meta')
    expect(slice(article, article.title?.span ?? { start: 0, end: 0 })).toContain('<title>')
  })

  it('<title> with an " - Outlet" suffix and a character reference', () => {
    const article = read(
      headPage('<title>Library reopens after renovation &amp; repairs - Millbrook Courier</title>'),
    )
    expectEvidence(
      article,
      'title',
      'Library reopens after renovation & repairs',
      'meta',
      'Library reopens after renovation &amp; repairs',
    )
    expectEvidence(article, 'outlet', 'Millbrook Courier', 'meta')
  })

  it('og:title wins over <title>, <h1> and JSON-LD, its span on the content value', () => {
    const article = read(
      storyPage({
        head: `<title>Library | Courier</title>
    <meta property="og:title" content="Millbrook’s library reopens in April">
    <script type="application/ld+json">{"@type":"NewsArticle","headline":"A JSON-LD headline"}</script>`,
      }),
    )
    expectEvidence(article, 'title', 'Millbrook’s library reopens in April', 'meta')
    expect(slice(article, article.title?.span ?? { start: 0, end: 0 })).toBe(
      'Millbrook’s library reopens in April',
    )
    expect(article.title?.text).toBe('Millbrook’s library reopens in April')
    // The page's own <h1> is then not story text.
    expectStory(article)
    expect(article.text).not.toContain(HEADLINE)
  })

  it('og:site_name gives the outlet, over a <title> suffix', () => {
    const article = read(
      headPage(`<title>${HEADLINE} | Courier</title>
  <meta property="og:site_name" content="The Millbrook Courier">`),
    )
    expectEvidence(article, 'outlet', 'The Millbrook Courier', 'meta')
    expect(slice(article, article.outlet?.span ?? { start: 0, end: 0 })).toBe(
      'The Millbrook Courier',
    )
  })

  it('article:published_time gives the publication date-time', () => {
    const article = read(
      headPage(`<title>Library</title>
  <meta property="article:published_time" content="2024-03-11T09:30:00-05:00">
  <meta property="article:modified_time" content="2024-03-12T10:00:00-05:00">`),
    )
    expectEvidence(
      article,
      'published',
      '2024-03-11T09:30:00-05:00',
      'meta',
      '2024-03-11T09:30:00-05:00',
    )
    expect(article.published?.text).toBe('2024-03-11T09:30:00-05:00')
    expect(article.messages.filter((m) => m.code === 'metadata-conflict')).toEqual([])
  })

  it('two different publication dates in the page give a metadata-conflict warning', () => {
    const article = read(
      headPage(`<meta property="article:published_time" content="2024-03-11T09:30:00Z">
  <script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2024-02-01"}</script>`),
    )
    expect(article.published?.value).toBe('2024-03-11T09:30:00Z')
    const conflicts = article.messages.filter((m) => m.code === 'metadata-conflict')
    expect(conflicts).toHaveLength(1)
    expect(conflicts[0]?.severity).toBe('warning')
    expect(conflicts[0]?.span && slice(article, conflicts[0].span)).toContain('2024-02-01')
  })

  it('JSON-LD NewsArticle: headline, author as an object, datePublished, publisher.name', () => {
    const article = read(
      storyPage({
        head: `<title>Library</title>
    <script type="application/ld+json">
    {
      "@context": "https://schema.org",
      "@type": "NewsArticle",
      "headline": "Millbrook library reopens after a two-year renovation",
      "author": { "@type": "Person", "name": "Jane Doe", "url": "https://www.example.com/staff/jane-doe" },
      "datePublished": "2024-03-11T09:30:00-05:00",
      "dateModified": "2024-03-11T12:00:00-05:00",
      "publisher": { "@type": "Organization", "name": "The Millbrook Courier" }
    }
    </script>`,
      }),
    )
    expectStory(article)
    expectEvidence(
      article,
      'title',
      'Millbrook library reopens after a two-year renovation',
      'json-ld',
    )
    expectEvidence(article, 'author', 'Jane Doe', 'json-ld')
    expectEvidence(article, 'published', '2024-03-11T09:30:00-05:00', 'json-ld')
    expectEvidence(article, 'outlet', 'The Millbrook Courier', 'json-ld')
    // The spans sit on the values as written in the script.
    for (const field of ['title', 'author', 'outlet'] as const) {
      const found = article[field]
      expect(found?.span && slice(article, found.span)).toBe(found?.value)
    }
  })

  it('JSON-LD author as an array of people gives every name', () => {
    const article = read(
      headPage(
        `<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Library reopens","author":[{"@type":"Person","name":"Jane Doe"},{"@type":"Person","name":"Omar Haddad"}],"datePublished":"2024-03-11"}</script>`,
      ),
    )
    expect(article.author?.value).toBe('Jane Doe, Omar Haddad')
    expect(article.author?.source).toBe('json-ld')
    const written = slice(article, article.author?.span ?? { start: 0, end: 0 })
    expect(written).toContain('Jane Doe')
    expect(written).toContain('Omar Haddad')
    expectEvidence(article, 'published', '2024-03-11', 'json-ld')
  })

  it('<time datetime> gives the publication date when the head gives none', () => {
    const article = read(
      headPage('<title>Library</title>', {
        top: `<header class="article-meta">
      <time datetime="2024-03-11T14:05:00Z">March 11, 2024</time>
    </header>`,
      }),
    )
    expectStory(article)
    expectEvidence(article, 'published', '2024-03-11T14:05:00Z', 'text')
    expect(slice(article, article.published?.span ?? { start: 0, end: 0 })).toBe(
      '2024-03-11T14:05:00Z',
    )
    expectLeftOut(article, 'March 11, 2024')
  })

  it('<link rel="canonical"> gives the URL', () => {
    const url = 'https://www.millbrook-courier.example/local/2024/03/11/library-reopens'
    const article = read(
      headPage(`<link rel="canonical" href="${url}">
  <meta property="og:url" content="https://m.millbrook-courier.example/amp/library">`),
    )
    expectEvidence(article, 'url', url, 'meta')
    expect(slice(article, article.url?.span ?? { start: 0, end: 0 })).toBe(url)
  })

  it('og:url gives the URL when there is no canonical link', () => {
    const url = 'https://www.millbrook-courier.example/local/library-reopens'
    const article = read(headPage(`<meta property="og:url" content="${url}">`))
    expectEvidence(article, 'url', url, 'meta')
  })

  it('a twitter:site handle does not hide the JSON-LD publisher', () => {
    const article = read(
      headPage(`<title>${HEADLINE} | The Millbrook Courier</title>
  <meta name="twitter:site" content="@MillbrookCourier">
  <script type="application/ld+json">{"@type":"NewsArticle","publisher":{"@type":"Organization","name":"The Millbrook Courier"}}</script>`),
    )
    expect(article.outlet?.value).not.toBe('@MillbrookCourier')
    expectEvidence(article, 'outlet', 'The Millbrook Courier', 'json-ld')
  })

  it('a JSON-LD author named in the headline has its span on the author field', () => {
    const content = headPage(
      '<script type="application/ld+json">{"@type":"NewsArticle","headline":"Jane Doe named director of the library","author":{"@type":"Person","name":"Jane Doe"}}</script>',
    )
    const article = read(content)
    expectEvidence(article, 'author', 'Jane Doe', 'json-ld')
    expect(article.author?.span?.start).toBeGreaterThan(content.indexOf('"author"'))
  })

  it('a commenter’s name is not the article’s author', () => {
    const article = read(
      storyPage({
        after: `<section id="comments" class="comments">
        <div class="comment"><span class="comment-author-name">GardenFan</span>
          <p>Great news for the town, my kids have missed story time so much. See you on the open day.</p></div>
      </section>`,
      }),
    )
    expectStory(article)
    expect(article.author).toBeNull()
  })

  it('the date in the site header is not the publication date', () => {
    const article = read(
      storyPage({
        before: `<header class="site-header"><span class="today"><time datetime="2024-03-15">Friday, March 15, 2024</time></span></header>`,
        top: `<header class="article-header"><time datetime="2024-03-11T09:00:00Z">March 11, 2024</time></header>`,
      }),
    )
    expectStory(article)
    expectEvidence(article, 'published', '2024-03-11T09:00:00Z', 'text')
  })

  it('a date line that is only a <time> is not story text', () => {
    const article = read(
      storyPage({
        top: `<p class="article-date"><time datetime="2024-03-11T09:00:00Z">March 11, 2024</time></p>`,
      }),
    )
    expectEvidence(article, 'published', '2024-03-11T09:00:00Z', 'text')
    expectLeftOut(article, 'March 11, 2024')
    expectStory(article)
  })

  it('a labelled date line ("Published: …") above the story is taken out', () => {
    const article = read(
      storyPage({
        top: `<p class="article-date">Published: <time datetime="2024-03-11T09:00:00Z">March 11, 2024</time></p>`,
      }),
    )
    expectStory(article)
    expectEvidence(article, 'published', '2024-03-11T09:00:00Z', 'text')
    expectLeftOut(article, 'Published', 'March 11, 2024')
  })

  it('one instant written in two time zones is not a metadata conflict', () => {
    const article = read(
      headPage(`<meta property="article:published_time" content="2024-03-11T23:30:00-05:00">
  <script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2024-03-12T04:30:00Z"}</script>`),
    )
    expectEvidence(article, 'published', '2024-03-11T23:30:00-05:00', 'meta')
    expect(article.messages.filter((m) => m.code === 'metadata-conflict')).toEqual([])
  })

  it('<html lang="fr"> gives the language', () => {
    const article = read(headPage('<title>Bibliothèque</title>', { lang: 'fr' }))
    expect(article.language?.value).toBe('fr')
    expect(article.language?.source).toBe('meta')
    expect(slice(article, article.language?.span ?? { start: 0, end: 0 })).toContain('lang="fr"')
  })

  it('a page without metadata has none, and no language', () => {
    const article = read(
      `<html><body><div class="story-body">${paragraphs(STORY)}</div></body></html>`,
    )
    expectStory(article)
    expect(article.title).toBeNull()
    expect(article.author).toBeNull()
    expect(article.published).toBeNull()
    expect(article.outlet).toBeNull()
    expect(article.url).toBeNull()
    expect(article.language).toBeNull()
  })

  it('the caller’s metadata wins over everything the page says', () => {
    const content = headPage(
      `<title>Page title | Page Outlet</title>
  <meta property="og:title" content="Open Graph title">
  <meta property="og:site_name" content="Open Graph Outlet">
  <meta property="article:published_time" content="2024-03-11T09:30:00Z">
  <link rel="canonical" href="https://www.example.com/page-url">
  <script type="application/ld+json">{"@type":"NewsArticle","headline":"JSON-LD headline","author":{"name":"Json Author"}}</script>`,
      { top: '<span class="byline">By Page Author</span>' },
    )
    const article = read(content, {
      title: 'Caller title',
      author: 'Caller Author',
      outlet: 'Caller Outlet',
      url: 'https://caller.example/story',
      published: '2024-03-12',
    })
    expectStory(article)
    expect(article.title).toEqual(fromCaller('Caller title'))
    expect(article.author).toMatchObject({ value: 'Caller Author', source: 'caller', span: null })
    expect(article.outlet).toMatchObject({ value: 'Caller Outlet', source: 'caller', span: null })
    expect(article.url).toMatchObject({
      value: 'https://caller.example/story',
      source: 'caller',
      span: null,
    })
    expect(article.published).toMatchObject({ value: '2024-03-12', source: 'caller', span: null })
    // Language is not something a caller gives: the page's stays.
    expect(article.language?.value).toBe('en')
  })

  it('the caller’s metadata wins field by field: the page fills what the caller left out', () => {
    const article = read(
      headPage(`<meta property="og:title" content="Open Graph title">
  <meta property="og:site_name" content="Open Graph Outlet">`),
      { title: 'Caller title' },
    )
    expect(article.title).toMatchObject({ value: 'Caller title', source: 'caller' })
    expectEvidence(article, 'outlet', 'Open Graph Outlet', 'meta')
  })
})

// ---------------------------------------------------------------------------
// Text: references, line breaks, lists, quotes, tables, languages, NFC
// ---------------------------------------------------------------------------

/** A page whose article body is the story with `extra` markup after paragraph `at`. */
const bodyPage = (extra: string, at = 1, lang = 'en') =>
  `<!DOCTYPE html><html lang="${lang}"><head><title>Library</title></head><body>
<div class="article-body">
${paragraphs(STORY.slice(0, at + 1))}
${extra}
${paragraphs(STORY.slice(at + 1))}
</div></body></html>`

describe('html: text as a reader sees it', () => {
  it('character references decode; an unknown one stays as written', () => {
    const raw =
      'Smith &amp; Sons, the town&#8217;s oldest hardware store, called it &#x201C;a fine day&#x201D; for Millbrook.&nbsp;Its owners&nbsp;said &foo; was not a word they knew, and AT&T was not a sponsor.'
    const article = read(bodyPage(`<p>${raw}</p>`))
    const expected =
      'Smith & Sons, the town’s oldest hardware store, called it “a fine day” for Millbrook. Its owners said &foo; was not a word they knew, and AT&T was not a sponsor.'
    expect(paragraphTexts(article)).toEqual([...STORY.slice(0, 2), expected, ...STORY.slice(2)])
    expect(article.text).not.toContain('&amp;')
    expect(article.text).not.toContain('\u00a0')
    // Each decoded character maps back to its whole reference.
    const paragraph = article.paragraphs[2]
    if (!paragraph) throw new Error('missing paragraph')
    const mapped = (part: string) => {
      const at = article.text.indexOf(part, paragraph.offset)
      return slice(article, toOriginalSpan(article.runs, at, at + part.length))
    }
    expect(mapped('&')).toBe('&amp;')
    expect(mapped('’')).toBe('&#8217;')
    expect(mapped('“a fine day”')).toBe('&#x201C;a fine day&#x201D;')
    expect(mapped('&foo;')).toBe('&foo;')
    expect(mapped('Its owners said')).toBe('Its owners&nbsp;said')
  })

  it('one <br> is a line break inside a paragraph', () => {
    const article = read(
      bodyPage(
        '<p>The plaque over the new entrance reads:<br>“Open to all who seek to learn,<br/>\n      closed to none who come in peace.”</p>',
      ),
    )
    expect(article.paragraphs[2]?.text).toBe(
      'The plaque over the new entrance reads:\n“Open to all who seek to learn,\nclosed to none who come in peace.”',
    )
    expect(article.paragraphs).toHaveLength(6)
    const paragraph = article.paragraphs[2]
    if (!paragraph) throw new Error('missing paragraph')
    const at = article.text.indexOf('\n', paragraph.offset)
    expect(slice(article, toOriginalSpan(article.runs, at, at + 1))).toBe('<br>')
  })

  it('two <br> in a row end the paragraph', () => {
    const content = `<!DOCTYPE html><html><head><title>Library</title></head><body>
<div id="story" class="story-text">
${STORY.join('<br><br>\n')}
<br>
<br>
</div>
<div class="footer-links"><a href="/about">About us</a></div>
</body></html>`
    const article = read(content)
    expectStory(article)
    expect(article.text).not.toContain('About us')
  })

  it('a single <br> between sentences does not split the paragraph', () => {
    const first = STORY[0].replace('. The building', '.<br>The building')
    const article = read(bodyPage('', 0).replace(`<p>${STORY[0]}</p>`, `<p>${first}</p>`))
    expect(article.paragraphs[0]?.text).toBe(STORY[0].replace('. The building', '.\nThe building'))
    expect(article.paragraphs).toHaveLength(5)
  })

  it('a small table of figures in the body is kept', () => {
    const article = read(
      bodyPage(`<p>Visits to the library had been rising before it closed, according to figures from the town.</p>
<table>
  <thead><tr><th>Year</th><th>Visits</th></tr></thead>
  <tbody>
    <tr><td>2019</td><td>48,200</td></tr>
    <tr><td>2020</td><td>31,750</td></tr>
    <tr><td>2021</td><td>52,900</td></tr>
  </tbody>
</table>`),
    )
    for (const figure of ['Year', 'Visits', '2019', '48,200', '2020', '31,750', '2021', '52,900'])
      expect(article.text).toContain(figure)
    // In reading order, after the paragraph that introduces them, before the rest of the story.
    const text = article.text
    expect(text.indexOf('according to figures')).toBeLessThan(text.indexOf('48,200'))
    expect(text.indexOf('48,200')).toBeLessThan(text.indexOf('31,750'))
    expect(text.indexOf('52,900')).toBeLessThan(text.indexOf(STORY[2]))
    for (const text of STORY) expect(paragraphTexts(article)).toContain(text)
  })

  it('a French page: its prose, its language and its byline', () => {
    const histoire = [
      'La commune de Valbonne rouvrira sa médiathèque le mois prochain, après deux ans de travaux. Le bâtiment, construit en 1911, avait été fermé à la suite d’une inondation.',
      'Les ouvriers ont refait la toiture, rénové la salle de lecture et installé un ascenseur. Le chantier a coûté environ 4,2 millions d’euros, financés en grande partie par la région.',
      '« Nous voulions garder l’âme du lieu tout en le rendant accessible à tous », a déclaré la directrice, Hélène Marchand. Elle a ajouté que l’espace jeunesse avait doublé de surface.',
      'Des associations locales ont collecté des fonds grâce à des ventes de gâteaux et à une course solidaire. Plus de 600 habitants ont participé, selon les organisateurs.',
    ]
    const content = `<!DOCTYPE html>
<html lang="fr">
<head><meta charset="utf-8"><title>Valbonne : la médiathèque rouvre ses portes | Le Courrier du Var</title></head>
<body>
  <nav><a href="/">Accueil</a> <a href="/region">Région</a> <a href="/sports">Sports</a></nav>
  <article class="article-content">
    <h1>Valbonne : la médiathèque rouvre ses portes</h1>
    <p class="byline">Par Marie Dubois</p>
    ${histoire.map((text) => `<p>${text.replace(/ »/g, '&nbsp;»').replace(/« /g, '«&nbsp;')}</p>`).join('\n    ')}
  </article>
  <aside class="articles-lies"><h2>À lire aussi</h2><ul><li><a href="/a">Le marché de Noël s’installe place du village</a></li></ul></aside>
  <footer><p>© 2024 Le Courrier du Var. Tous droits réservés.</p></footer>
</body>
</html>`
    const article = read(content)
    expect(paragraphTexts(article)).toEqual(histoire)
    expect(article.language).toMatchObject({ value: 'fr', source: 'meta' })
    expectEvidence(article, 'author', 'Marie Dubois', 'text', 'Par Marie Dubois')
    expect(article.title?.value).toBe('Valbonne : la médiathèque rouvre ses portes')
    expectLeftOut(article, 'Accueil', 'À lire aussi', 'marché de Noël', 'Tous droits', 'Par Marie')
    expect(article.sentences.length).toBeGreaterThanOrEqual(8)
  })

  it('a Spanish page: its prose comes through with accents and inverted marks', () => {
    const historia = [
      '¿Quién dijo que las bibliotecas estaban pasadas de moda? La biblioteca municipal de San Roque reabrió el lunes tras dos años de obras, y la fila llegaba hasta la plaza.',
      'Los obreros cambiaron el tejado, restauraron la sala de lectura e instalaron un ascensor. La obra costó unos 4,2 millones de euros, pagados en su mayoría por el gobierno regional.',
      '«Queríamos conservar el carácter del edificio y hacerlo accesible para todos», dijo la directora, Lucía Ortega. Añadió que la sala infantil había duplicado su tamaño.',
      'Los vecinos recaudaron fondos con ventas de pasteles y una carrera solidaria. Más de 600 personas participaron, según los organizadores.',
    ]
    const article = read(`<html lang="es"><head><title>San Roque</title></head><body>
<div class="cuerpo story-body">${paragraphs(historia)}</div>
<div class="menu"><a href="/">Portada</a> <a href="/deportes">Deportes</a></div>
</body></html>`)
    expect(paragraphTexts(article)).toEqual(historia)
    expect(article.language?.value).toBe('es')
    expectLeftOut(article, 'Portada', 'Deportes')
  })

  it('NFC: a decomposed "e\\u0301" in the page comes out as "é"', () => {
    const decomposed =
      'The new cafe\u0301 on the ground floor will be run by a local bakery. Its owner, Rene\u0301e Laurent, said the menu would change every season.'
    expect(decomposed).not.toBe(decomposed.normalize('NFC'))
    const article = read(bodyPage(`<p>${decomposed}</p>`))
    const paragraph = article.paragraphs[2]
    expect(paragraph?.text).toBe(decomposed.normalize('NFC'))
    expect(paragraph?.text).toContain('café')
    expect(paragraph?.text).toContain('Renée Laurent')
    expect(article.text).not.toContain('\u0301')
    // The composed "é" maps back to markup that holds the decomposed one.
    const at = article.text.indexOf('café')
    expect(slice(article, toOriginalSpan(article.runs, at, at + 4))).toContain('cafe\u0301')
  })

  it('NFC: a combining mark written as a character reference composes too', () => {
    const article = read(
      bodyPage(
        '<p>The new cafe&#769; on the ground floor will be run by a local bakery. It opens in May, the owner said.</p>',
      ),
    )
    const text = article.paragraphs[2]?.text ?? ''
    expect(text).toBe(text.normalize('NFC'))
    expect(text).toContain('café')
  })

  it('a table of figures inside a <figure> stays in the body, its figcaption a caption', () => {
    const article = read(
      bodyPage(`<figure class="data-table">
  <table>
    <tr><th>Year</th><th>Visits</th></tr>
    <tr><td>2019</td><td>48,200</td></tr>
    <tr><td>2020</td><td>31,750</td></tr>
  </table>
  <figcaption>Library visits per year. Source: town records</figcaption>
</figure>`),
    )
    expect(article.captions.map((c) => c.text)).toEqual([
      'Library visits per year. Source: town records',
    ])
    for (const figure of ['48,200', '31,750']) expect(article.text).toContain(figure)
  })

  // Rows of tables/html-body-markup.json: markup put into the story after its paragraph `after`
  // gives these paragraphs there, the story's own around them, none of the `leftOut` words and no
  // pull quote.
  const rows: Array<{
    title: string
    markup: string
    after: number
    paragraphs: string[]
    leftOut?: string[]
  }> = JSON.parse(readFileSync(new URL('./tables/html-body-markup.json', import.meta.url), 'utf8'))
  it.each(rows.map((row) => [row.title, row] as const))('%s', (_title, row) => {
    const article = read(bodyPage(row.markup, row.after))
    expect(paragraphTexts(article)).toEqual([
      ...STORY.slice(0, row.after + 1),
      ...row.paragraphs,
      ...STORY.slice(row.after + 1),
    ])
    expectLeftOut(article, ...(row.leftOut ?? []))
    expect(article.pullQuotes).toEqual([])
  })

  it('a page with no story gives a fatal no-body message', () => {
    const article = read(`<html><body><nav><a href="/">Home</a> <a href="/local">Local</a></nav>
<footer><p>© 2024 Millbrook Courier</p></footer></body></html>`)
    expect(article.paragraphs).toEqual([])
    expect(article.text).toBe('')
    const fatal = article.messages.filter((m) => m.severity === 'error')
    expect(fatal.map((m) => m.code)).toEqual(['no-body'])
  })
})

// ---------------------------------------------------------------------------
// Seeds: real text articles wrapped in a page
// ---------------------------------------------------------------------------

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

function seedPage(paragraphTexts: readonly string[]): string {
  return `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Seed article | Example Outlet</title></head>
<body>
  <header><nav class="primary-nav"><ul>
    <li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/politics">Politics</a></li>
    <li><a href="/business">Business</a></li><li><a href="/opinion">Opinion</a></li>
  </ul></nav></header>
  <main>
    <article class="article">
${paragraphTexts.map((text) => `      <p>${escapeHtml(text)}</p>`).join('\n')}
    </article>
    <aside class="related">
      <h2>Related coverage</h2>
      <ul>
        <li><a href="/r/1">Lawmakers weigh a new budget ahead of the deadline</a></li>
        <li><a href="/r/2">Storm season forecast calls for more hurricanes than usual</a></li>
        <li><a href="/r/3">Five things to know before the weekend</a></li>
      </ul>
    </aside>
  </main>
  <footer class="site-footer">
    <p>© 2025 Example Outlet Media. All rights reserved.</p>
    <p><a href="/privacy">Privacy Policy</a> · <a href="/terms">Terms of Service</a></p>
  </footer>
</body>
</html>`
}

describe('html: the seed articles wrapped in a page', () => {
  for (const id of IDS) {
    it(`${id}: every paragraph of the text version survives in the HTML version`, () => {
      const textVersion = seed(id)
      expect(textVersion.paragraphs.length).toBeGreaterThan(0)
      const article = read(seedPage(paragraphTexts(textVersion)))
      // A page collapses runs of white space ("saying  “In") as a browser does.
      const expected = paragraphTexts(textVersion).map(collapse)
      expect(paragraphTexts(article)).toEqual(expected)
      expect(article.text).toBe(expected.join('\n\n'))
      expectLeftOut(
        article,
        'Politics',
        'Related coverage',
        'Lawmakers weigh',
        'Five things to know',
        'All rights reserved',
        'Privacy Policy',
      )
      expect(article.messages.filter((m) => m.severity === 'error')).toEqual([])
    })
  }

  it('a whole seed, its raw lines as paragraphs, keeps every paragraph of the text version', () => {
    const textVersion = seed(IDS[0])
    const lines = textVersion.original.split('\n').filter((line) => line.trim() !== '')
    const article = read(seedPage(lines))
    for (const paragraph of textVersion.paragraphs) {
      expect(article.text).toContain(collapse(paragraph.text))
    }
  })
})

const VALLEY_STORY = [
  'The county opened its first public library branch in the valley on Saturday, after three years of planning and fundraising by residents.',
  'Volunteers carried the last boxes of books into the converted grain store on Friday night, the branch manager said.',
  'The branch will open five days a week and hold about 12,000 books, a reading room and four computers for public use.',
  'Residents raised $180,000 of the $1.2 million cost through bake sales, a fun run and a benefit concert in the spring.',
]

// A box of long, comma-heavy teasers with a content-like class name outscores the story.
const TEASERS = Array.from(
  { length: 8 },
  (_, i) =>
    `Teaser ${i}: council, budget, roads, schools, parks, taxes, water, and more, discussed at length in another story, with many commas, clauses, and asides.`,
)

/** A page of the teasers then the valley story, declaring `articleBody` in JSON-LD unless null. */
const jsonLdPage = (articleBody: string | null) =>
  `<html><head>${
    articleBody === null
      ? ''
      : `<script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', headline: 'Library opens', articleBody })}</script>`
  }</head><body><div class="article-content main-story">${TEASERS.map((t) => `<p>${t}</p>`).join('')}</div><div>${VALLEY_STORY.map((t) => `<p>${t}</p>`).join('')}</div></body></html>`

describe('html: the body a page declares in JSON-LD', () => {
  it('finds the story where the declared body is, when scores alone pick the wrong box', () => {
    const unguided = ingestArticle({ content: jsonLdPage(null), format: 'html' })
    expect(unguided.text).toContain('Teaser 0')
    const guided = ingestArticle({ content: jsonLdPage(VALLEY_STORY.join('\n\n')), format: 'html' })
    expect(guided.paragraphs.map((p) => p.text)).toEqual(VALLEY_STORY)
  })

  it('ignores a declared body that the page does not show', () => {
    const other =
      'A different story entirely about harbour dredging and the ferry timetable, '.repeat(8)
    const article = ingestArticle({ content: jsonLdPage(other), format: 'html' })
    expect(article.text).toContain('Teaser 0')
  })
})

describe('html: markup held as text is read, never kept', () => {
  // Every few words a link with a long address, as a CMS writes the body's HTML into JSON-LD.
  const linked = (text: string, i: number) =>
    text.replace(
      /(\S+ \S+ \S+)( \S+ \S+ \S+)/g,
      (_, head: string, tail: string) =>
        `<a href="https://www.example.org/news/local/county-council-library-branch-valley-grain-store-${i}">${head}</a>${tail}`,
    )
  it('a JSON-LD body that holds HTML still guides the extraction to the story', () => {
    const html = VALLEY_STORY.map((t, i) => `<p>${linked(t, i)}</p>`).join('\n')
    expect(html).toContain('<a href=')
    const article = ingestArticle({ content: jsonLdPage(html), format: 'html' })
    expect(article.paragraphs.map((p) => p.text)).toEqual(VALLEY_STORY)
  })

  it('a JSON-LD body that holds escaped HTML guides it too', () => {
    const escaped = VALLEY_STORY.map(
      (t, i) => `&lt;p&gt;${linked(t, i).replace(/</g, '&lt;').replace(/>/g, '&gt;')}&lt;/p&gt;`,
    ).join('')
    const article = ingestArticle({ content: jsonLdPage(escaped), format: 'html' })
    expect(article.paragraphs.map((p) => p.text)).toEqual(VALLEY_STORY)
  })

  it('markup escaped in the page is dropped from the text; the words keep their spans', () => {
    const content = `<html><body><article>
<p>The mayor said &lt;a href="https://example.org/plan"&gt;the plan&lt;/a&gt; would pass on Monday.&lt;/p&gt;&lt;p&gt;The council meets again in May.</p>
<p>A second paragraph &lt;em&gt;with emphasis&lt;/em&gt; and &lt;br/&gt; a break, and a title in brackets: &lt;The Palace&gt;.</p>
</article></body></html>`
    const article = normalizeArticle({ content, format: 'html' })
    expect(paragraphTexts(article)).toEqual([
      'The mayor said the plan would pass on Monday. The council meets again in May.',
      'A second paragraph with emphasis and a break, and a title in brackets: <The Palace>.',
    ])
    const at = article.text.indexOf('the plan')
    expect(slice(article, toOriginalSpan(article.runs, at, at + 'the plan'.length))).toBe(
      'the plan',
    )
    const may = article.text.indexOf('May.')
    expect(slice(article, toOriginalSpan(article.runs, may, may + 4))).toBe('May.')
    for (const paragraph of article.paragraphs) {
      expect(
        toOriginalSpan(article.runs, paragraph.offset, paragraph.offset + paragraph.text.length),
      ).toEqual(paragraph.span)
    }
  })
})
