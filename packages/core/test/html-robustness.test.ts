import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  type Article,
  CorroborateError,
  type IngestedArticle,
  ingestArticle,
  loadArticleDirectory,
  loadArticleFile,
  normalizeArticle,
  type Span,
  toOriginalSpan,
} from '../src/index.js'
import { scratchFolder } from './helpers.js'
import { rejection } from './rejection.js'

const NUM_RUNS = 200

const STORY = [
  'The city council voted 7-2 on Tuesday to close the Harbor Street bridge for repairs, officials said.',
  'Engineers found cracks in two of the steel girders during an inspection in March, according to a report.',
  'The repairs will cost about $14 million and take at least eighteen months, the public works director said.',
  '“We cannot keep a bridge open that we know is failing,” Mayor Ana Ruiz told reporters after the vote.',
  'Commuters will be routed over the Elm Avenue crossing, adding roughly ten minutes to a typical trip.',
  'Business owners on the waterfront said the closure, which starts in June, would cut into summer sales.',
  'Two council members voted against the plan, arguing that the city should first seek federal money.',
  'The state transportation department has promised to review the inspection report within thirty days.',
  'The bridge, built in 1958, carries about 22,000 vehicles a day, according to city traffic counts.',
  'A public meeting on detour routes is scheduled for next Thursday at the central library.',
]

const html = (content: string) => normalizeArticle({ content, format: 'html' })

/** A page around `body`, as a CMS writes one. */
const page = (body: string, head = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bridge to close for repairs - The Ledger</title>${head}</head><body>${body}</body></html>`

const storyParagraphs = (paragraphs: readonly string[] = STORY) =>
  paragraphs.map((text) => `<p>${text}</p>`).join('\n')

const inBounds = (span: Span, length: number) =>
  Number.isInteger(span.start) &&
  Number.isInteger(span.end) &&
  span.start >= 0 &&
  span.start <= span.end &&
  span.end <= length

const fatal = (article: IngestedArticle) => article.messages.filter((m) => m.severity === 'error')

/**
 * Invariants every article must keep, whatever its input: spans in bounds,
 * offsets and runs consistent with `text`, a fatal message exactly when there
 * are no paragraphs.
 */
function checkArticle(article: Article | IngestedArticle) {
  const { original, text } = article
  const spans: Span[] = [
    ...article.paragraphs.map((p) => p.span),
    ...article.captions.map((c) => c.span),
    ...article.pullQuotes.map((q) => q.span),
    ...article.removed.map((r) => r.span),
    ...article.messages.flatMap((m) => (m.span ? [m.span] : [])),
    ...('sentences' in article ? article.sentences.map((s) => s.span) : []),
  ]
  for (const span of spans) {
    if (!inBounds(span, original.length))
      expect.fail(`span ${JSON.stringify(span)} is outside [0, ${original.length}]`)
  }
  expect(text).toBe(article.paragraphs.map((p) => p.text).join('\n\n'))
  let expectedOffset = 0
  article.paragraphs.forEach((paragraph, index) => {
    expect(paragraph.index).toBe(index)
    expect(paragraph.offset).toBe(expectedOffset)
    expect(text.slice(paragraph.offset, paragraph.offset + paragraph.text.length)).toBe(
      paragraph.text,
    )
    expectedOffset += paragraph.text.length + 2
  })
  let previousEnd = 0
  for (const run of article.runs) {
    if (run.text < previousEnd || run.length < 0 || run.text + run.length > text.length)
      expect.fail(`run ${JSON.stringify(run)} is out of order or past the text`)
    previousEnd = run.text + run.length
    if (!inBounds({ start: run.original, end: run.original + run.originalLength }, original.length))
      expect.fail(`run ${JSON.stringify(run)} maps outside the original`)
    if (run.verbatim) {
      expect(run.originalLength).toBe(run.length)
      expect(text.slice(run.text, run.text + run.length)).toBe(
        original.slice(run.original, run.original + run.length),
      )
    }
  }
  if ('sentences' in article) {
    for (const sentence of article.sentences) {
      const paragraph = article.paragraphs[sentence.paragraph]
      if (!paragraph) expect.fail(`sentence ${sentence.index} has no paragraph`)
      expect(text.slice(sentence.offset, sentence.offset + sentence.text.length)).toBe(
        sentence.text,
      )
      expect(sentence.span.start).toBeGreaterThanOrEqual(paragraph.span.start)
      expect(sentence.span.end).toBeLessThanOrEqual(paragraph.span.end)
    }
  }
  if (fatal(article).length > 0) {
    expect(article.paragraphs).toEqual([])
    expect(text).toBe('')
    expect(article.runs).toEqual([])
  } else {
    expect(article.paragraphs.length).toBeGreaterThan(0)
  }
}

/** Reads `content` without throwing into an article that keeps the invariants and has a body. */
function readWhole(content: string): Article {
  let article: Article | undefined
  expect(() => {
    article = html(content)
  }).not.toThrow()
  if (!article) throw new Error('no article')
  checkArticle(article)
  expect(fatal(article)).toEqual([])
  return article
}

// An oracle for what a stretch of markup shows a reader, written apart from
// the implementation: comments, tags and the content of scripts and styles
// go, the character references the tests write are decoded, invisible
// characters go and white space collapses.
const REFERENCES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  '#39': "'",
  nbsp: '\u00a0',
  mdash: '—',
  '#8220': '“',
  '#x201D': '”',
  eacute: 'é',
  shy: '\u00ad',
  copy: '©',
}
const RAW_TEXT = new Set(['script', 'style'])
const TAG = /<(\/?)([a-zA-Z][^\s/>]*)(?:[^>"']|"[^"]*"|'[^']*')*>/y

function visibleText(markup: string): string {
  let out = ''
  let index = 0
  while (index < markup.length) {
    const lt = markup.indexOf('<', index)
    if (lt < 0) {
      out += markup.slice(index)
      break
    }
    out += markup.slice(index, lt)
    if (markup.startsWith('<!--', lt)) {
      const end = markup.indexOf('-->', lt + 4)
      index = end < 0 ? markup.length : end + 3
      continue
    }
    TAG.lastIndex = lt
    const tag = TAG.exec(markup)
    if (!tag) {
      out += '<'
      index = lt + 1
      continue
    }
    index = lt + tag[0].length
    const name = (tag[2] as string).toLowerCase()
    if (name === 'br') out += ' '
    if (tag[1] === '' && RAW_TEXT.has(name)) {
      const closing = new RegExp(`</${name}`, 'gi')
      closing.lastIndex = index
      const close = closing.exec(markup)?.index ?? -1
      const end = close < 0 ? -1 : markup.indexOf('>', close)
      index = end < 0 ? markup.length : end + 1
    }
  }
  return out
    .replace(
      /&(#x[\da-fA-F]+|#\d+|[a-zA-Z]+);/g,
      (whole, name: string) => REFERENCES[name] ?? whole,
    )
    .replace(/[\u00ad\u200b\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .normalize('NFC')
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim().normalize('NFC')

describe('visibleText (the test oracle)', () => {
  it('reads markup as a reader sees it', () => {
    expect(
      visibleText(
        `a<b title='x > "y"'>b</b> &amp; c<br>d<!-- e --><script>var f = "<p>";</script>&nbsp;g&shy;h<STYLE>i</STYLE>`,
      ),
    ).toBe('ab & c d gh')
  })
})

// Heavy inputs: a generous time limit, so that a loaded CI machine is no failure (speed is benchmarked apart).
describe('HTML nested 10,000 levels deep', { timeout: 60_000 }, () => {
  const DEPTH = 10_000
  const sentence = STORY[0] as string

  const expectStory = (content: string, paragraph = sentence) => {
    const article = readWhole(content)
    expect(article.text).toContain(paragraph)
    for (const p of article.paragraphs)
      expect(visibleText(content.slice(p.span.start, p.span.end))).toBe(squash(p.text))
    return article
  }

  it('reads text inside 10,000 nested <div>s', () => {
    const article = expectStory(
      page(`${'<div>'.repeat(DEPTH)}<p>${sentence}</p>${'</div>'.repeat(DEPTH)}`),
    )
    expect(article.paragraphs.map((p) => p.text)).toEqual([sentence])
  })

  it('reads text inside 10,000 <div>s that are never closed', () => {
    const article = expectStory(page(`${'<div>'.repeat(DEPTH)}${sentence}`))
    expect(article.text).toBe(sentence)
  })

  it('reads text inside 10,000 nested <b>s and <span>s', () => {
    const bold = expectStory(
      page(`<article><p>${'<b>'.repeat(DEPTH)}${sentence}${'</b>'.repeat(DEPTH)}</p></article>`),
    )
    expect(bold.text).toBe(sentence)
    const spans = expectStory(
      page(`<article><p>${'<span class="x">'.repeat(DEPTH)}${sentence}</p></article>`),
    )
    expect(spans.text).toBe(sentence)
  })

  it('keeps every word of text spread over 10,000 nested inline elements', () => {
    const words = Array.from({ length: DEPTH }, (_, i) => `w${i}`)
    const content = page(
      `<article><p>${words.map((word, i) => `${i % 2 ? '<span>' : '<b>'}${word} `).join('')}</p></article>`,
    )
    const article = expectStory(content, 'w0 w1 w2')
    expect(article.text.split(' ')).toEqual(words)
  })

  it('reads text inside 10,000 nested lists and tables', () => {
    const lists = expectStory(
      page(
        `<article>${'<ul><li>'.repeat(DEPTH)}${sentence}${'</li></ul>'.repeat(DEPTH)}</article>`,
      ),
    )
    expect(lists.text).toBe(sentence)
    const tables = expectStory(
      page(`<article>${'<table><tr><td>'.repeat(DEPTH)}${sentence}</article>`),
    )
    expect(tables.text).toBe(sentence)
  })

  it('reads the paragraphs below the depth cap when every level holds one', () => {
    const line = (i: number) =>
      `Paragraph ${i} says the council voted on the bridge, officials said.`
    const content = page(
      `<article>${Array.from({ length: DEPTH }, (_, i) => `<div><p>${line(i)}</p>`).join('')}</article>`,
    )
    const article = expectStory(content, line(DEPTH - 1))
    expect(article.paragraphs.length).toBeGreaterThan(DEPTH - 600)
    expect(article.paragraphs.at(-1)?.text).toBe(line(DEPTH - 1))
  })

  // BUG: nesting deeper than MAX_HTML_DEPTH (512) is flattened into siblings at
  // depth 512, and the body container is then that flattened element: the ~509
  // paragraphs of the levels above the cap are left out of the article although
  // a browser shows them, and parse-html promises that flattening loses no text.
  it.fails('reads every paragraph when each of 10,000 nested levels holds one', () => {
    const line = (i: number) =>
      `Paragraph ${i} says the council voted on the bridge, officials said.`
    const content = page(
      `<article>${Array.from({ length: DEPTH }, (_, i) => `<div><p>${line(i)}</p>`).join('')}</article>`,
    )
    const article = html(content)
    expect(article.paragraphs[0]?.text).toBe(line(0))
    expect(article.paragraphs).toHaveLength(DEPTH)
  })
})

describe('unclosed and misnested tags', () => {
  const [one, two, three] = STORY as [string, string, string]

  const check = (content: string, expected: string[]) => {
    const article = readWhole(content)
    expect(article.paragraphs.map((p) => p.text)).toEqual(expected)
    for (const p of article.paragraphs) {
      const source = content.slice(p.span.start, p.span.end)
      expect(visibleText(source)).toBe(squash(p.text))
    }
    return article
  }

  it('ends a <p> at the next <p>', () => {
    const content = page(`<article><p>${one}<p>${two}<p>${three}</article>`)
    const article = check(content, [one, two, three])
    // The span of an implied end stops at the paragraph's text, not at the next tag.
    expect(article.paragraphs.map((p) => content.slice(p.span.start, p.span.end))).toEqual([
      one,
      two,
      three,
    ])
  })

  it('reads misnested inline tags: <b><i>x</b></i>', () => {
    const content = page(`<article><p><b><i>${one}</b></i> ${two}</p><p>${three}</p></article>`)
    const article = check(content, [`${one} ${two}`, three])
    expect(content.slice(article.paragraphs[0]?.span.start, article.paragraphs[0]?.span.end)).toBe(
      `${one}</b></i> ${two}`,
    )
  })

  it('reads a <div> closed around an open <p>: <div><p>a</div>b', () => {
    check(page(`<article><div><p>${one}</div>${two}</article>`), [one, two])
  })

  it('ignores stray end tags', () => {
    check(page(`</p></div><article></p><p>${one}</p></p></span><p>${two}</b></p></article></p>`), [
      one,
      two,
    ])
  })

  it('drops an unterminated comment and everything after it, as a browser does', () => {
    const content = page(`<article><p>${one}</p><p>${two}</p><!-- <p>${three}</p></article>`)
    const article = check(content, [one, two])
    expect(article.text).not.toContain('<!--')
    expect(article.text).not.toContain(three)
  })

  it('reads an unterminated attribute quote as a browser does', () => {
    // The quote runs to the end of the page: the tag never closes, and
    // neither it nor what follows is text.
    const content = page(`<article><p>${one}</p><p title="never closed>${two}</p><p>${three}</p>`)
    const article = check(content, [one])
    expect(article.text).not.toContain('never closed')
    // Only the quoted paragraph itself, when the page has nothing else.
    const alone = html(`<html><body><p class="x>${one}</p></body></html>`)
    checkArticle(alone)
    expect(alone.messages.map((m) => m.code)).toEqual(['no-body'])
  })

  it('reads a page that is all unclosed tags', () => {
    const content = `<html><body><article><div><p>${one}<p><b>${two}<div><span>${three}`
    check(content, [one, two, three])
  })

  it('reads paragraphs of a page without <html> and <body>', () => {
    check(`<article><p>${one}</p><p>${two}</p></article>`, [one, two])
    check(`<body><p>${one}<p>${two}`, [one, two])
    check(`<div><p>${one}</p><p>${two}</p></div>`, [one, two])
  })

  it('keeps spans right across a stray end tag in the middle of text', () => {
    for (const mid of ['</b>', '</td>', '<!doctype html>', '</>']) {
      const rest = ' on Tuesday to close the Harbor Street bridge, officials said.'
      const content = page(`<article><p>The council voted${mid}${rest}</p></article>`)
      const article = html(content)
      const [p] = article.paragraphs
      expect(p?.text).toBe(`The council voted${rest}`)
      expect(content.slice(p?.span.start, p?.span.end)).toBe(`The council voted${mid}${rest}`)
      checkArticle(article)
    }
  })

  it('reads every paragraph of a bare fragment: <p>one<p>two', () => {
    const article = html(`<p>${one}<p>${two}`)
    expect(article.paragraphs.map((p) => p.text)).toEqual([one, two])
  })
})

describe('a 20 MB page', { timeout: 60_000 }, () => {
  it('finds the story among 20 MB of navigation, sidebars and inline scripts', () => {
    const menu = Array.from(
      { length: 20 },
      (_, i) =>
        `<li class="menu-item"><a href="/section/${i}/news">Section number ${i} news</a></li>`,
    ).join('')
    const sidebar = `<aside class="sidebar related"><h3>Related stories</h3><ul>${Array.from(
      { length: 5 },
      (_, i) =>
        `<li><a href="/story/${i}">Another headline, number ${i}, about a different bridge entirely</a></li>`,
    ).join('')}</ul></aside>`
    const chunk = `<nav class="site-nav"><ul>${menu}</ul></nav>${sidebar}`
    // A framework's page state, story text and markup included, in a script.
    // `<` is escaped as frameworks escape it, so no string ends the script.
    const state = `<script>window.__STATE__ = ${JSON.stringify({
      stories: Array.from({ length: 10_000 }, (_, i) => ({
        id: i,
        html: '<p>SCRIPTONLY teaser text, with a comma, about the council.</p></div></script>',
      })),
    }).replace(/</g, '\\u003c')};</script>`
    const padding = chunk.repeat(Math.ceil(9_000_000 / chunk.length))
    const content = page(
      `<header class="site-header">${padding}</header>${state}<main><article class="article-body"><h1>Bridge to close for repairs</h1>${storyParagraphs()}</article></main><footer>${padding}${state}</footer>`,
    )
    expect(content.length).toBeGreaterThan(19_000_000)
    expect(content.length).toBeLessThan(22_000_000)
    const article = ingestArticle({ content, format: 'html' })
    expect(fatal(article)).toEqual([])
    expect(article.paragraphs.map((p) => p.text)).toEqual(STORY)
    for (const p of article.paragraphs) expect(content.slice(p.span.start, p.span.end)).toBe(p.text)
    expect(article.text).not.toContain('SCRIPTONLY')
    expect(article.text).not.toContain('Section number')
    expect(article.title?.value).toBe('Bridge to close for repairs')
    checkArticle(article)
  })
})

describe('binary input', { timeout: 60_000 }, () => {
  /** Deterministic bytes spread over 0–255 (xorshift32). */
  const randomBytes = (length: number, seed = 0x9e3779b9) => {
    const bytes = new Uint8Array(length)
    let x = seed
    for (let i = 0; i < length; i++) {
      x ^= x << 13
      x ^= x >>> 17
      x ^= x << 5
      bytes[i] = x & 0xff
    }
    return bytes
  }
  const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1')

  it('reports a page with a NUL character as fatal binary-input at its offset', () => {
    const content = page(`<article>${storyParagraphs()}</article>`).replace(
      '</article>',
      '\u0000</article>',
    )
    const at = content.indexOf('\u0000')
    const article = html(content)
    expect(article.messages).toEqual([
      {
        code: 'binary-input',
        severity: 'error',
        message: expect.stringContaining(`offset ${at}`),
        span: { start: at, end: at + 1 },
      },
    ])
    checkArticle(article)
  })

  it('reports random bytes as fatal binary-input, with and without NULs', () => {
    const bytes = randomBytes(64 * 1024)
    const withNul = html(latin1(bytes))
    expect(withNul.messages).toMatchObject([{ code: 'binary-input', severity: 'error' }])
    checkArticle(withNul)
    const noNul = html(latin1(bytes.map((b) => (b === 0 ? 0x20 : b))))
    expect(noNul.messages).toMatchObject([
      { code: 'binary-input', message: expect.stringContaining('control characters') },
    ])
    checkArticle(noNul)
    // Bytes read as lossy UTF-8, as a careless caller would.
    const lossy = html(new TextDecoder('utf-8').decode(bytes))
    expect(lossy.messages).toMatchObject([{ code: 'binary-input', severity: 'error' }])
  })

  it('reports markup with a NUL anywhere as fatal binary-input and never throws', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 2000 }),
        fc.nat(),
        fc.constantFrom('', page(`<article>${storyParagraphs(STORY.slice(0, 3))}</article>`)),
        (bytes, position, around) => {
          const at = position % (around.length + 1)
          const content = `${around.slice(0, at)}${latin1(bytes)}\u0000${around.slice(at)}`
          const article = html(content)
          expect(article.messages).toMatchObject([{ code: 'binary-input', severity: 'error' }])
          expect(article.messages[0]?.span?.start).toBe(content.indexOf('\u0000'))
          checkArticle(article)
        },
      ),
      { numRuns: 100 },
    )
  })

  it('never throws on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), (bytes) => {
        checkArticle(html(latin1(bytes)))
        checkArticle(html(new TextDecoder().decode(bytes)))
      }),
      { numRuns: NUM_RUNS },
    )
  })

  describe('loadArticleFile', () => {
    const scratch = scratchFolder('corroborate-html-binary-')

    it('refuses a binary .html file with BINARY_INPUT naming the file', async () => {
      const path = join(scratch.dir, 'photo.html')
      const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00])
      await writeFile(path, Buffer.concat([png, randomBytes(4096)]))
      const error = await rejection(loadArticleFile(path))
      expect(error.code).toBe('BINARY_INPUT')
      expect(error.subject).toBe(path)
      expect(error.message).toContain(path)
      expect(error.message).toContain('NUL byte at offset 8')
    })

    it('refuses binary bytes behind a <meta charset> with BINARY_INPUT', async () => {
      const path = join(scratch.dir, 'declared.html')
      const head = Buffer.from('<html><head><meta charset="windows-1252"></head><body>')
      await writeFile(path, Buffer.concat([head, randomBytes(4096)]))
      const error = await rejection(loadArticleFile(path))
      expect(error.code).toBe('BINARY_INPUT')
      expect(error.subject).toBe(path)
    })

    it('refuses a gzipped binary file and bytes that are not UTF-8', async () => {
      const zipped = join(scratch.dir, 'photo.html.gz')
      await writeFile(zipped, gzipSync(randomBytes(4096)))
      expect((await rejection(loadArticleFile(zipped))).code).toBe('BINARY_INPUT')
      const latin = join(scratch.dir, 'latin.html')
      // No NUL, no charset declared, and 0xff is never UTF-8.
      await writeFile(latin, Buffer.from([0x3c, 0x70, 0x3e, 0x41, 0xff, 0x42]))
      const error = await rejection(loadArticleFile(latin))
      expect(error.code).toBe('INVALID_UTF8')
      expect(error.message).toContain('offset 4')
    })
  })
})

describe('a page with no article', () => {
  const expectNoArticle = (content: string) => {
    const article = html(content)
    checkArticle(article)
    expect(article.paragraphs).toEqual([])
    expect(article.text).toBe('')
    expect(article.messages).toMatchObject([
      {
        code: 'no-body',
        severity: 'error',
        message: expect.stringContaining('no article was found'),
        span: null,
      },
    ])
    return article
  }

  it('finds none on a home page of link lists', () => {
    const links = (section: string) =>
      Array.from(
        { length: 25 },
        (_, i) =>
          `<li><a href="/${section}/${i}">Headline number ${i} about the council, the mayor and a bridge in the city</a></li>`,
      ).join('')
    expectNoArticle(
      page(
        `<header><nav><ul>${links('nav').slice(0, 600)}</ul></nav></header><main><section class="top-stories"><h2>Top stories</h2><ul>${links('top')}</ul></section><section><h2>World</h2><ul>${links('world')}</ul></section><div class="cards">${Array.from({ length: 12 }, (_, i) => `<div class="card"><h3><a href="/s/${i}">Card headline ${i} on the bridge vote</a></h3><a href="/s/${i}">Read more about the vote and the closing of the bridge</a></div>`).join('')}</div></main><footer><p>© 2024 The Ledger. All rights reserved.</p></footer>`,
      ),
    )
  })

  it('finds none in an empty <body>, a comment or white space', () => {
    expectNoArticle(page(''))
    expectNoArticle(page('\n   \n\t'))
    expectNoArticle('<html><body><!-- nothing here yet --></body></html>')
    expectNoArticle('<div></div><p></p><span> </span>')
  })

  it('finds none in a page that only has scripts and styles', () => {
    const article = expectNoArticle(
      page(
        `<div id="root"></div><noscript>You need to enable JavaScript to run this app. Please enable it and reload the page.</noscript><script>window.__DATA__ = {"story": "${STORY[0]?.replace(/"/g, '\\"')}"}</script><script src="/app.js"></script>`,
        `<style>body { color: red } p::before { content: "${STORY[1]}" }</style><script type="application/ld+json">{"@type":"NewsArticle","headline":"Bridge to close","articleBody":"${STORY[2]}"}</script>`,
      ),
    )
    // The page's metadata is still read.
    expect(article.title?.value).toBe('Bridge to close')
  })

  it('finds none in a login form that has no prose', () => {
    expectNoArticle(
      page(
        `<main><form action="/login" method="post"><h1>Sign in</h1><label for="e">Email address</label><input id="e" name="email" type="email"><label for="p">Password</label><input id="p" name="password" type="password"><button type="submit">Sign in</button><a href="/forgot">Forgot your password?</a></form></main>`,
      ),
    )
  })

  it('finds none in a login page with a sign-up line', () => {
    expectNoArticle(
      page(
        `<main><h1>Sign in</h1><form><input name="email"><input name="password" type="password"><button>Sign in</button></form><p>Don't have an account? <a href="/register">Sign up</a></p></main>`,
      ),
    )
  })
})

describe('scripts, styles and other non-text never leak', () => {
  const [one, two] = STORY as [string, string]
  const LEAKS = /LEAK/

  const check = (content: string) => {
    const article = html(content)
    checkArticle(article)
    expect(fatal(article)).toEqual([])
    expect(article.text).toContain(one)
    expect(article.text).toContain(two)
    const shown = [
      article.text,
      ...article.captions.flatMap((c) => [c.text, c.credit ?? '']),
      ...article.pullQuotes.map((q) => q.text),
      ...article.sentences.map((s) => s.text),
    ]
    for (const text of shown) expect(text).not.toMatch(LEAKS)
    return article
  }
  const wrap = (inner: string, head = '') => page(`<article>${inner}</article>`, head)

  it('drops <script>, <style>, <noscript>, <template> and <svg> content', () => {
    check(
      wrap(
        `<p>${one}</p><script>var LEAK1 = "<p>LEAK text</p>";</script><style>p::before { content: "LEAK2" }</style><noscript><p>LEAK3 Please enable JavaScript to read this story in full.</p></noscript><template><p>LEAK4 a paragraph of a template, long enough to read as prose.</p></template><svg viewBox="0 0 10 10"><title>LEAK5</title><text x="0" y="5">LEAK6</text></svg><p>${two}</p>`,
      ),
    )
  })

  it('drops a script whose strings hold </scr + ipt>, <\\/script> and markup', () => {
    check(
      wrap(
        `<p>${one}</p><script>document.write("<p>LEAK1 " + "</scr" + "ipt>"); var s = "<\\/script><p>LEAK2</p>"; if (a < b && c > d) { LEAK3() }</script><p>${two}</p>`,
      ),
    )
  })

  it('ends a script at the first </script> even inside a string, as a browser does', () => {
    const article = check(
      wrap(`<p>${one}</p><script>var LEAK = "</script><p>${two}</p><script>";</script>`),
    )
    expect(article.paragraphs.map((p) => p.text)).toEqual([one, two])
  })

  it('drops scripts and styles inside a paragraph without joining its words wrongly', () => {
    const [head, tail] = [one.slice(0, 20), one.slice(20)]
    const article = check(
      wrap(
        `<p>${head}<script>document.write("LEAK")</script>${tail}</p><p>${two}<style>.LEAK{}</style></p>`,
      ),
    )
    expect(article.paragraphs.map((p) => p.text)).toEqual([one, two])
  })

  it('drops scripts in any case, with attributes, unclosed at the end, or in CDATA', () => {
    check(
      wrap(
        `<p>${one}</p><SCRIPT type="text/javascript">LEAK1</SCRIPT ><Script>//<![CDATA[\nLEAK2\n//]]></sCrIpT><p>${two}</p><script async>LEAK3 var x = "never closed`,
      ),
    )
  })

  it('keeps JSON-LD for metadata and out of the text', () => {
    const article = check(
      wrap(
        `<p>${one}</p><script type="application/ld+json">{"@type":"NewsArticle","articleBody":"LEAK body","description":"LEAK description"}</script><p>${two}</p>`,
        `<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"LEAK headline","author":{"@type":"Person","name":"Jane Doe"},"datePublished":"2024-03-05"}</script>`,
      ),
    )
    expect(article.author).toMatchObject({ value: 'Jane Doe', source: 'json-ld' })
    expect(article.published?.value).toBe('2024-03-05')
  })

  it('keeps scripts out of captions and pull quotes', () => {
    const article = check(
      wrap(
        `<p>${one}</p><figure><svg><text>LEAK1</text></svg><figcaption>The Harbor Street bridge <script>LEAK2()</script>at dusk.<style>.LEAK3{}</style></figcaption></figure><p>${two}</p><div class="pullquote">“We cannot keep a bridge open<script>LEAK4</script> that we know is failing.”</div><p>${STORY[2]}</p>`,
      ),
    )
    expect(article.captions.map((c) => c.text)).toEqual(['The Harbor Street bridge at dusk.'])
    expect(article.pullQuotes.map((q) => q.text)).toEqual([
      '“We cannot keep a bridge open that we know is failing.”',
    ])
  })

  it('shows script-like text that the page escapes, since a reader sees it', () => {
    const article = check(
      wrap(`<p>${one} The page printed &lt;script&gt; in the middle.</p><p>${two}</p>`),
    )
    expect(article.text).toContain('The page printed <script> in the middle.')
  })
})

describe('properties over generated markup', { timeout: 60_000 }, () => {
  type GenNode =
    | { kind: 'text'; raw: string }
    | { kind: 'br'; raw: string }
    | { kind: 'raw'; tag: 'script' | 'style'; attrs: string; content: string; closed: boolean }
    | {
        kind: 'el'
        tag: string
        attrs: string
        children: GenNode[]
        closed: boolean
        upper: boolean
      }

  const TEXT_ATOMS = [
    'The mayor said',
    ' officials',
    ' the bridge',
    ' voted on Tuesday,',
    'x'.repeat(45),
    ' ',
    '  ',
    '\n',
    '\t',
    '\r\n',
    '.',
    ',',
    '&amp;',
    '&lt;',
    '&gt;',
    '&quot;',
    '&#39;',
    '&nbsp;',
    '&mdash;',
    '&#8220;',
    '&#x201D;',
    '&eacute;',
    '&shy;',
    '&copy;',
    '&lt;script&gt;',
    'Q&A',
    'AT&T',
    'a < b',
    '<3',
    '"',
    "'",
    '“',
    '”',
    '’',
    '\u00a0',
    '\u200b',
    'Zürich',
    'Ελλάδα',
    '東京',
    '😀',
    'ﬁ',
    'e\u0301',
    'cafe\u0301',
    'n\u0303o',
    '\u0301',
    '\u0308',
    '\u212b',
    'By Jane Doe',
    'ADVERTISEMENT',
    'Share',
    'Related stories',
    'Photo: Jane Doe/Reuters',
    'WASHINGTON (AP) — ',
  ]
  const SCRIPT_ATOMS = [
    'SCRIPTONLY',
    'var a = "<p>SCRIPTONLY</p>";',
    'if (a < b && b > c) x()',
    '"<\\/script>"',
    "'</scr' + 'ipt>'",
    '<!-- SCRIPTONLY',
    '&amp; SCRIPTONLY',
    '{"@type":"NewsArticle","headline":"SCRIPTONLY"}',
    '</p></div><p>',
    '\n',
  ]
  const STYLE_ATOMS = [
    'STYLEONLY',
    'p::after { content: "</p>STYLEONLY" }',
    '.a > .b { color: red }',
    '@media (max-width: 600px) { .x { display: none } }',
  ]
  const ATTRIBUTES = [
    ' class="article-body"',
    ' class="related"',
    ' class="share"',
    ' class="caption"',
    ' class="pullquote"',
    ' class="story content"',
    ' class=sidebar',
    ' id="main"',
    ' CLASS="Article-Body"',
    ` title='x > y "q"'`,
    ' data-x="a &amp; b <c>"',
    ' href="/a?b=1&amp;c=2"',
  ]

  const join = (atoms: readonly string[], max: number) =>
    fc.array(fc.constantFrom(...atoms), { minLength: 1, maxLength: max }).map((a) => a.join(''))
  const attrs = fc.array(fc.constantFrom(...ATTRIBUTES), { maxLength: 2 }).map((a) => a.join(''))
  const closed = fc.constantFrom(true, true, true, true, false)
  const text = join(TEXT_ATOMS, 8).map((raw): GenNode => ({ kind: 'text', raw }))

  const { node } = fc.letrec<{ node: GenNode; element: GenNode }>((tie) => ({
    node: fc.oneof({ depthSize: 'small', maxDepth: 6 }, text, text, tie('element')),
    element: fc.oneof(
      fc.record({
        kind: fc.constant('el' as const),
        tag: fc.constantFrom(
          'p',
          'p',
          'div',
          'span',
          'a',
          'b',
          'h2',
          'blockquote',
          'figure',
          'figcaption',
          'ul',
          'li',
          'table',
          'tr',
          'td',
        ),
        attrs,
        children: fc.array(tie('node'), { maxLength: 4 }),
        closed,
        upper: fc.constantFrom(false, false, false, true),
      }),
      fc.record({
        kind: fc.constant('raw' as const),
        tag: fc.constantFrom('script' as const, 'style' as const),
        attrs: fc.constantFrom('', ' type="application/ld+json"', ' type="text/javascript"'),
        content: fc.oneof(join(SCRIPT_ATOMS, 5), join(STYLE_ATOMS, 3)),
        closed: fc.constantFrom(true, true, true, true, true, true, true, false),
      }),
      fc.constantFrom<GenNode>({ kind: 'br', raw: '<br>' }, { kind: 'br', raw: '<br/>' }),
    ),
  }))

  // Which open elements an opening tag closes, as htmlparser2 (and roughly a
  // browser) does it for the vocabulary here.
  const IMPLIES_CLOSE: Record<string, readonly string[]> = {
    tr: ['tr', 'td'],
    td: ['td'],
    a: ['a'],
    li: ['li'],
    p: ['p'],
    h2: ['h2', 'p'],
    div: ['p'],
    blockquote: ['p'],
    figure: ['p'],
    figcaption: ['p'],
    table: ['p'],
    ul: ['p'],
  }

  /**
   * Writes markup while tracking the open elements as the parser will. An end
   * tag for an element the parser has already closed is left out: stray end
   * tags are covered by their own test (a BUG, below), and would otherwise make
   * these properties fail at random.
   */
  class Writer {
    out = ''
    readonly stack: string[] = []
    /** A script or style left open: the rest of the page is its text. */
    raw: string | null = null

    open(tag: string, attrs = '', upper = false) {
      if (this.raw) return
      const implied = IMPLIES_CLOSE[tag] ?? []
      while (implied.includes(this.stack[this.stack.length - 1] ?? '')) this.stack.pop()
      this.stack.push(tag)
      this.out += `<${upper ? tag.toUpperCase() : tag}${attrs}>`
    }
    close(tag: string, upper = false) {
      if (this.raw) return
      const at = this.stack.lastIndexOf(tag)
      if (at < 0) return
      this.stack.length = at
      this.out += `</${upper ? tag.toUpperCase() : tag}>`
    }
    write(text: string) {
      if (!this.raw) this.out += text
    }
    /** Ends an open script or style, so that markup after it is markup again. */
    endRaw() {
      if (this.raw) this.out += `</${this.raw}>`
      this.raw = null
    }
    // Once a script or style is left open, what follows is its text: nothing
    // more is written.
    node(n: GenNode) {
      if (this.raw) return
      if (n.kind === 'text' || n.kind === 'br') return this.write(n.raw)
      if (n.kind === 'raw') {
        // Script atoms go in scripts only, style atoms in styles only.
        const content =
          n.tag === 'style' ? n.content.replace(/SCRIPTONLY/g, 'STYLEONLY') : n.content
        this.write(`<${n.tag}${n.attrs}>${content}`)
        if (n.closed) this.write(`</${n.tag}>`)
        else this.raw = n.tag
        return
      }
      this.open(n.tag, n.attrs, n.upper)
      for (const child of n.children) this.node(child)
      if (n.closed) this.close(n.tag, n.upper)
    }
    nodes(nodes: readonly GenNode[]) {
      for (const n of nodes) this.node(n)
    }
    story(paragraphs: readonly string[]) {
      for (const text of paragraphs) {
        this.open('p')
        this.write(text)
        this.close('p')
        this.write('\n')
      }
    }
  }

  const document = fc
    .record({
      nodes: fc.array(node, { maxLength: 6 }),
      shell: fc.constantFrom('page', 'body', 'fragment'),
      story: fc.boolean(),
    })
    .map(({ nodes, shell, story }) => {
      const w = new Writer()
      if (shell === 'page') {
        w.write('<!doctype html>')
        w.open('html', ' lang="en"')
        w.write('<head><meta charset="utf-8"><title>Bridge - The Ledger</title></head>')
        w.open('body')
        w.open('div', ' class="article-body"')
      } else if (shell === 'body') {
        w.open('html')
        w.open('body')
      }
      if (story) w.story(STORY.slice(0, 2))
      w.nodes(nodes)
      for (const tag of ['div', 'body', 'html']) w.close(tag)
      return w.out
    })

  // BUG (see the NFC tests below): singletons such as U+212B are not
  // composed; the NFC property is checked on inputs without them.
  const KNOWN_NFC_BUG = /[\u212b\u2126\uf900-\ufaff]/u

  it('never throws, and spans, offsets, runs and text stay consistent', () => {
    fc.assert(
      fc.property(
        document,
        fc.array(fc.nat(), { minLength: 4, maxLength: 4 }),
        (content, picks) => {
          let article: Article | undefined
          try {
            article = html(content)
          } catch (error) {
            expect.fail(`normalizeArticle threw: ${String(error)}`)
          }
          const { original, text } = article
          expect(original).toBe(content)
          checkArticle(article)
          for (const p of article.paragraphs) {
            // The span is the markup the paragraph came from.
            expect(visibleText(original.slice(p.span.start, p.span.end))).toBe(squash(p.text))
            expect(toOriginalSpan(article.runs, p.offset, p.offset + p.text.length)).toEqual(p.span)
          }
          if (!KNOWN_NFC_BUG.test(content)) expect(text).toBe(text.normalize('NFC'))
          // Pull quotes, captions and removed text read back from their spans too;
          // a caption with a credit spans both.
          for (const item of [
            ...article.pullQuotes,
            ...article.removed,
            ...article.captions.filter((c) => c.credit === null),
          ]) {
            expect(visibleText(original.slice(item.span.start, item.span.end))).toBe(
              squash(item.text),
            )
          }
          for (const caption of article.captions) {
            const shown = visibleText(original.slice(caption.span.start, caption.span.end))
            expect(shown).toContain(squash(caption.text))
            expect(shown).toContain(squash(caption.credit ?? ''))
          }
          for (const shown of [
            text,
            ...article.captions.flatMap((c) => [c.text, c.credit ?? '']),
            ...article.pullQuotes.map((q) => q.text),
          ]) {
            expect(shown).not.toContain('SCRIPTONLY')
            expect(shown).not.toContain('STYLEONLY')
          }
          // Any range of the text maps into the original.
          const [a = 0, b = 0, c = 0, d = 0] = picks.map((n) => n % (text.length + 1))
          for (const [start, end] of [
            [Math.min(a, b), Math.max(a, b)],
            [c, d],
            [0, text.length],
            [text.length, text.length],
          ] as const) {
            const span = toOriginalSpan(article.runs, start, end)
            if (!inBounds(span, original.length))
              expect.fail(`toOriginalSpan(${start}, ${end}) = ${JSON.stringify(span)}`)
          }
        },
      ),
      { numRuns: NUM_RUNS },
    )
  })

  it('is deterministic', () => {
    fc.assert(
      fc.property(document, (content) => {
        expect(html(content)).toEqual(html(content))
      }),
      { numRuns: 50 },
    )
  })

  it('reads the story paragraphs verbatim whatever markup surrounds them', () => {
    fc.assert(
      fc.property(
        fc.array(node, { maxLength: 4 }),
        fc.array(node, { maxLength: 4 }),
        (before, after) => {
          const w = new Writer()
          w.open('html')
          w.open('body')
          w.nodes(before)
          // Whatever comes before is closed off, so it cannot swallow the story.
          w.endRaw()
          w.close('body')
          w.open('body')
          w.open('main')
          w.open('article', ' class="article-body"')
          w.story(STORY)
          w.close('main')
          w.nodes(after)
          w.close('html')
          const content = w.out
          const article = html(content)
          checkArticle(article)
          const texts = article.paragraphs.map((p) => p.text)
          for (const paragraph of STORY) expect(texts).toContain(paragraph)
          for (const p of article.paragraphs) {
            if (STORY.includes(p.text)) expect(content.slice(p.span.start, p.span.end)).toBe(p.text)
          }
        },
      ),
      { numRuns: 100 },
    )
  })
})

describe('text is NFC', () => {
  const [one] = STORY as [string]

  it('composes decomposed text inside one text node', () => {
    const article = html(page(`<article><p>${one} The cafe\u0301 reopened.</p></article>`))
    expect(article.text).toContain('The caf\u00e9 reopened.')
    expect(article.text).toBe(article.text.normalize('NFC'))
  })

  // Each piece is composed on its own, so this needs the block composed again.
  it('composes a combining mark across a character reference or a tag', () => {
    for (const content of [
      page(`<article><p>${one} The cafe&#769; reopened.</p></article>`),
      page(`<article><p>${one} The cafe<b>\u0301</b> reopened.</p></article>`),
    ]) {
      const article = html(content)
      expect(article.text).toContain('The caf\u00e9 reopened.')
    }
  })

  it('normalizes singletons such as U+212B ANGSTROM SIGN', () => {
    const article = html(page(`<article><p>${one} A gap of 5\u212b and 10\u2126.</p></article>`))
    expect(article.text).toBe(article.text.normalize('NFC'))
  })

  it('maps an escaped byte-order mark to nothing, as a raw one', () => {
    const raw = html(page(`<article><p>${one} The bri\ufeffdge is old.</p></article>`))
    expect(raw.text).toContain('The bridge is old.')
    const escaped = html(page(`<article><p>${one} The bri&#xFEFF;dge is old.</p></article>`))
    expect(escaped.text).toContain('The bridge is old.')
  })
})

describe('loading a directory of .html.gz files', () => {
  const scratch = scratchFolder('corroborate-html-dir-')

  it('loads the good page and reports the corrupt gzip and the binary file', async () => {
    const good = page(`<main><article>${storyParagraphs()}</article></main>`)
    const zipped = gzipSync(good)
    await writeFile(join(scratch.dir, 'a-good.html.gz'), zipped)
    // Truncated: the gzip header is right, the stream ends early.
    await writeFile(
      join(scratch.dir, 'b-truncated.html.gz'),
      zipped.subarray(0, zipped.length - 20),
    )
    // Not gzip at all, though named so.
    await writeFile(join(scratch.dir, 'c-garbage.html.gz'), Buffer.from('<p>not zipped</p>'))
    // Binary data, gzipped.
    await writeFile(
      join(scratch.dir, 'd-binary.html.gz'),
      gzipSync(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48])),
    )
    // Binary data, plain.
    await writeFile(
      join(scratch.dir, 'e-binary.html'),
      Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
    )
    await writeFile(join(scratch.dir, 'f-good.html'), good)

    const { sources, failures } = await loadArticleDirectory(scratch.dir)
    expect(sources.map((s) => [s.id, s.format])).toEqual([
      ['a-good', 'html'],
      ['f-good', 'html'],
    ])
    expect(sources[0]?.content).toBe(good)
    expect(
      failures.map((f) => [f.path.slice(scratch.dir.length + 1), f.error.code, f.error.subject]),
    ).toEqual([
      ['b-truncated.html.gz', 'READ_FAILED', join(scratch.dir, 'b-truncated.html.gz')],
      ['c-garbage.html.gz', 'READ_FAILED', join(scratch.dir, 'c-garbage.html.gz')],
      ['d-binary.html.gz', 'BINARY_INPUT', join(scratch.dir, 'd-binary.html.gz')],
      ['e-binary.html', 'BINARY_INPUT', join(scratch.dir, 'e-binary.html')],
    ])
    for (const failure of failures) {
      expect(failure.error).toBeInstanceOf(CorroborateError)
      expect(failure.error.message).toContain(failure.path)
    }
    // Nothing lost: every article file is either a source or a failure.
    expect(sources.length + failures.length).toBe(6)
    const article = normalizeArticle(sources[0] as (typeof sources)[0])
    expect(article.id).toBe('a-good')
    expect(article.paragraphs.map((p) => p.text)).toEqual(STORY)
  })
})
