import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  type ArticleFormat,
  fileStemId,
  loadArticleDirectory,
  loadArticleFile,
  normalizeArticle,
  uniqueArticleIds,
} from '../src/index.js'
import type { Article, ArticleSource, Span } from '../src/types.js'
import { scratchFolder } from './helpers.js'
import { rejection } from './rejection.js'

const NUM_RUNS = 200

function fatalOnly(article: Article) {
  expect(article.paragraphs).toEqual([])
  expect(article.sentences).toEqual([])
  expect(article.text).toBe('')
  expect(article.runs).toEqual([])
}

describe('unusable input', () => {
  it.each([
    ['an empty string', '', 'input is empty'],
    ['white space only', '  \n\t\r\n \u00a0 ', 'input holds only white space'],
  ])('reports %s as fatal empty-input', (_what, content, message) => {
    const article = normalizeArticle({ content })
    expect(article.messages).toEqual([
      { code: 'empty-input', severity: 'error', message, span: null },
    ])
    fatalOnly(article)
  })

  it('reports a NUL character as fatal binary-input with its offset', () => {
    const content = 'The council voted.\u0000The mayor spoke.'
    const article = normalizeArticle({ content })
    expect(article.messages).toEqual([
      {
        code: 'binary-input',
        severity: 'error',
        message: expect.stringContaining('offset 18'),
        span: { start: 18, end: 19 },
      },
    ])
    fatalOnly(article)
    expect(article.original).toBe(content)
  })

  it('reports many control characters as fatal binary-input', () => {
    const content = `\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000e\u000f\u0010 some text`
    const article = normalizeArticle({ content })
    expect(article.messages).toMatchObject([{ code: 'binary-input', span: null }])
    expect(article.messages[0]?.message).toContain('11 control characters')
    fatalOnly(article)
  })

  it('tolerates a few control characters in long text', () => {
    const content = `The council voted on Tuesday to approve the plan.\u0007 ${'The mayor spoke. '.repeat(20)}`
    const article = normalizeArticle({ content })
    expect(article.messages.filter((m) => m.severity === 'error')).toEqual([])
    expect(article.paragraphs).toHaveLength(1)
  })

  it('reports input over maxLength as fatal input-too-large and keeps caller metadata', () => {
    const article = normalizeArticle(
      { content: `${'The council voted. '.repeat(10)}`, metadata: { author: 'Jane Doe' } },
      { maxLength: 100 },
    )
    expect(article.messages).toEqual([
      {
        code: 'input-too-large',
        severity: 'error',
        message: expect.stringContaining('over the limit of 100'),
        span: null,
      },
    ])
    fatalOnly(article)
    expect(article.author).toMatchObject({ value: 'Jane Doe', source: 'caller' })
  })

  it('accepts input of exactly maxLength', () => {
    const content = 'The council voted on Tuesday.'
    const article = normalizeArticle({ content }, { maxLength: content.length })
    expect(article.messages).toEqual([])
    expect(article.paragraphs).toHaveLength(1)
  })

  it('reports an article that is all boilerplate as fatal no-body', () => {
    const article = normalizeArticle({ content: 'ADVERTISEMENT\n\nAdvertisement' })
    expect(article.messages).toMatchObject([{ code: 'no-body', severity: 'error' }])
    expect(article.paragraphs).toEqual([])
    expect(article.removed).toHaveLength(2)
  })

  it('throws CorroborateError for a contract violation, not for content', () => {
    const call = (source: unknown) => () =>
      normalizeArticle(source as Parameters<typeof normalizeArticle>[0])
    expect(call({ content: 'Text.', format: 'pdf' as ArticleFormat })).toThrowError(
      expect.objectContaining({ name: 'CorroborateError', code: 'UNSUPPORTED_FORMAT' }),
    )
    expect(call({ content: 42 })).toThrowError(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    )
    expect(call(null)).toThrowError(expect.objectContaining({ code: 'INVALID_ARGUMENT' }))
  })
})

describe('a 1,000,000-character single line', () => {
  const sentence = 'The council voted on Tuesday to approve the plan, officials said. '
  const content = sentence.repeat(Math.ceil(1_000_000 / sentence.length)).slice(0, 1_000_000)

  it('completes with spans in bounds and a long-paragraph message', () => {
    const article = normalizeArticle({ content })
    expect(content).toHaveLength(1_000_000)
    expect(article.paragraphs).toHaveLength(1)
    expect(article.paragraphs[0]?.span).toEqual({ start: 0, end: content.trimEnd().length })
    expect(article.messages).toMatchObject([
      { code: 'long-paragraph', severity: 'warning', span: { start: 0 } },
    ])
    expect(article.sentences.length).toBeGreaterThan(10_000)
    for (const s of article.sentences) {
      if (s.span.start < 0 || s.span.start > s.span.end || s.span.end > content.length) {
        expect.fail(`sentence ${s.index} has span ${JSON.stringify(s.span)}`)
      }
      if (content.slice(s.span.start, s.span.end) !== s.text) {
        expect.fail(`sentence ${s.index} does not slice back to its text`)
      }
    }
  })

  it('completes on a line with no spaces at all', () => {
    const article = normalizeArticle({ content: 'a'.repeat(1_000_000) })
    expect(article.paragraphs).toHaveLength(1)
    expect(article.messages.map((m) => m.code)).toEqual(['long-paragraph'])
    expect(article.sentences.at(-1)?.span.end).toBe(1_000_000)
  })
})

describe('loading files', () => {
  const scratch = scratchFolder('corroborate-core-')

  it('reads a text file with its sidecar metadata', async () => {
    const path = join(scratch.dir, 'bridge-vote.txt')
    await writeFile(path, 'The council voted on Tuesday.\n\nThe mayor spoke.')
    await writeFile(
      join(scratch.dir, 'bridge-vote.json'),
      JSON.stringify({
        headline: 'Bridge Vote',
        author: ['Jane Doe', 'John Roe'],
        date: 'March 3, 2024',
      }),
    )
    const source = await loadArticleFile(path)
    expect(source).toEqual({
      content: 'The council voted on Tuesday.\n\nThe mayor spoke.',
      format: 'text',
      id: 'bridge-vote',
      path,
      metadata: { title: 'Bridge Vote', author: 'Jane Doe, John Roe', published: 'March 3, 2024' },
      metadataSource: 'sidecar',
    })
    const article = normalizeArticle(source)
    expect(article.id).toBe('bridge-vote')
    expect(article.published).toEqual({
      value: '2024-03-03',
      text: 'March 3, 2024',
      span: null,
      source: 'sidecar',
    })
  })

  it('reads a Markdown file as markdown and drops a UTF-8 BOM', async () => {
    const path = join(scratch.dir, 'note.md')
    await writeFile(path, '\ufeff# Title Here\n\nBody text.')
    expect(await loadArticleFile(path)).toEqual({
      content: '# Title Here\n\nBody text.',
      format: 'markdown',
      id: 'note',
      path,
    })
  })

  it('throws FILE_NOT_FOUND for a missing path', async () => {
    const path = join(scratch.dir, 'missing.txt')
    const error = await rejection(loadArticleFile(path))
    expect(error.code).toBe('FILE_NOT_FOUND')
    expect(error.subject).toBe(path)
  })

  it('throws NOT_A_FILE for a directory', async () => {
    const error = await rejection(loadArticleFile(scratch.dir))
    expect(error.code).toBe('NOT_A_FILE')
    expect(error.message).toContain('loadArticleDirectory')
  })

  it('throws INVALID_UTF8 for bytes that are not UTF-8, naming the offset', async () => {
    const path = join(scratch.dir, 'latin1.txt')
    await writeFile(path, Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x70, 0x65, 0x6e]))
    const error = await rejection(loadArticleFile(path))
    expect(error.code).toBe('INVALID_UTF8')
    expect(error.message).toContain('offset 3')
  })

  it('throws BINARY_INPUT for binary data', async () => {
    const path = join(scratch.dir, 'image.txt')
    await writeFile(path, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]))
    const error = await rejection(loadArticleFile(path))
    expect(error.code).toBe('BINARY_INPUT')
  })

  it('throws INPUT_TOO_LARGE for a file over maxBytes', async () => {
    const path = join(scratch.dir, 'long.txt')
    await writeFile(path, 'The council voted on Tuesday. '.repeat(10))
    const error = await rejection(loadArticleFile(path, { maxBytes: 100 }))
    expect(error.code).toBe('INPUT_TOO_LARGE')
    expect(error.message).toContain('300 bytes')
    expect(await loadArticleFile(path, { maxBytes: 300 })).toMatchObject({ id: 'long' })
  })

  it('throws INVALID_METADATA for a sidecar that is not JSON or not metadata', async () => {
    const bad = join(scratch.dir, 'bad-sidecar')
    await mkdir(bad)
    await writeFile(join(bad, 'a.txt'), 'The council voted on Tuesday.')
    await writeFile(join(bad, 'a.json'), '{ "title": "Bridge vote", ')
    await writeFile(join(bad, 'b.txt'), 'The council voted on Tuesday.')
    await writeFile(join(bad, 'b.json'), '{ "title": 5 }')
    const notJson = await rejection(loadArticleFile(join(bad, 'a.txt')))
    expect(notJson.code).toBe('INVALID_METADATA')
    expect(notJson.subject).toBe(join(bad, 'a.json'))
    const wrongType = await rejection(loadArticleFile(join(bad, 'b.txt')))
    expect(wrongType.code).toBe('INVALID_METADATA')
    expect(wrongType.message).toContain('title')
  })

  it('reads .html and gzipped .html.gz files as HTML, with the id of the page', async () => {
    const page =
      '<html><body><article><p>The council voted on Tuesday to close the old bridge for repairs.</p></article></body></html>'
    await writeFile(join(scratch.dir, 'page.html'), page)
    await writeFile(join(scratch.dir, 'zipped.html.gz'), gzipSync(page))
    const plain = await loadArticleFile(join(scratch.dir, 'page.html'))
    const zipped = await loadArticleFile(join(scratch.dir, 'zipped.html.gz'))
    expect([plain.id, plain.format, zipped.id, zipped.format]).toEqual([
      'page',
      'html',
      'zipped',
      'html',
    ])
    expect(zipped.content).toBe(page)
  })

  it('gives every article file its name without the extensions as id', () => {
    const names = ['a.txt', 'b.md', 'c.mkd', 'd.html.gz', 'e.htm', 'f.xhtml', 'g.markdown.gz']
    expect(names.map((name) => fileStemId(join(scratch.dir, name)))).toEqual([
      'a',
      'b',
      'c',
      'd',
      'e',
      'f',
      'g',
    ])
  })

  it('refuses a format it does not read, naming the ones it does', async () => {
    const path = join(scratch.dir, 'story.txt')
    await writeFile(path, 'The council voted on Tuesday.')
    const error = await rejection(loadArticleFile(path, { format: 'pdf' as unknown as 'text' }))
    expect(error.code).toBe('UNSUPPORTED_FORMAT')
    expect(error.message).toContain('text, markdown, html')
  })

  it('refuses a gzip file that unpacks past maxBytes, and one that is not gzip', async () => {
    await writeFile(join(scratch.dir, 'bomb.html.gz'), gzipSync(Buffer.alloc(200_000, 0x20)))
    const tooLarge = await rejection(
      loadArticleFile(join(scratch.dir, 'bomb.html.gz'), { maxBytes: 100_000 }),
    )
    expect(tooLarge.code).toBe('INPUT_TOO_LARGE')
    await writeFile(join(scratch.dir, 'fake.html.gz'), '<p>not zipped</p>')
    const notGzip = await rejection(loadArticleFile(join(scratch.dir, 'fake.html.gz')))
    expect(notGzip.code).toBe('READ_FAILED')
    expect(notGzip.message).toContain('not a valid gzip file')
  })

  it('decodes a page in the encoding its <meta charset> declares', async () => {
    const head = Buffer.from('<html><head><meta charset="windows-1252"></head><body><p>Caf')
    const tail = Buffer.from(' prices rose, the owner said.</p></body></html>')
    await writeFile(
      join(scratch.dir, 'legacy.html'),
      Buffer.concat([head, Buffer.from([0xe9]), tail]),
    )
    const source = await loadArticleFile(join(scratch.dir, 'legacy.html'))
    expect(source.content).toContain('Café prices rose')
  })

  it('loads the good files of a directory and reports the bad one', async () => {
    const mixed = join(scratch.dir, 'mixed')
    await mkdir(mixed)
    await writeFile(join(mixed, 'b-good.txt'), 'The mayor spoke on Wednesday.')
    await writeFile(join(mixed, 'a-good.md'), '# Bridge\n\nThe council voted on Tuesday.')
    await writeFile(join(mixed, 'c-bad.txt'), Buffer.from([0x41, 0xff, 0x42]))
    await writeFile(join(mixed, 'notes.csv'), 'a,b')
    await writeFile(join(mixed, '.hidden.txt'), 'Hidden.')
    const { sources, failures } = await loadArticleDirectory(mixed)
    expect(sources.map((s) => [s.id, s.format])).toEqual([
      ['a-good', 'markdown'],
      ['b-good', 'text'],
    ])
    expect(failures).toHaveLength(1)
    expect(failures[0]?.path).toBe(join(mixed, 'c-bad.txt'))
    expect(failures[0]?.error.code).toBe('INVALID_UTF8')
  })

  it('throws NOT_A_DIRECTORY for a file and FILE_NOT_FOUND for a missing directory', async () => {
    const path = join(scratch.dir, 'single.txt')
    await writeFile(path, 'The council voted.')
    expect((await rejection(loadArticleDirectory(path))).code).toBe('NOT_A_DIRECTORY')
    expect((await rejection(loadArticleDirectory(join(scratch.dir, 'nowhere')))).code).toBe(
      'FILE_NOT_FOUND',
    )
  })
})

const FRAGMENTS = [
  'The mayor said',
  'officials',
  ' in the city',
  ' the',
  'x'.repeat(70),
  ' ',
  '  ',
  '\t',
  '\n',
  '\n\n',
  '\r\n',
  '\u00a0',
  '\u2028',
  '.',
  '?',
  '!',
  '...',
  '…',
  '—',
  ' – ',
  '“',
  '”',
  '"',
  "'",
  '’',
  '(',
  ')',
  'U.S.',
  'Mr.',
  'Sen.',
  'Feb.',
  'he said.',
  'By Jane Doe',
  'ADVERTISEMENT',
  'View All',
  'Related stories',
  '© 2024 The Ledger',
  'Reuters/Jane Doe',
  'WASHINGTON (AP) — ',
  'date 2024-05-06 ',
  'Published: March 3, 2024',
  'Follow her on Twitter',
  'Jane Doe is a reporter.',
  '*',
  '_',
  '#',
  '- ',
  '> ',
  '`',
  '[link](https://example.com)',
  '![photo](a.png)',
  '&amp;',
  '---\ntitle: A\n---\n',
]

const arbitraries = {
  grapheme: fc.string({ unit: 'grapheme', maxLength: 400 }),
  binary: fc.string({ unit: 'binary', maxLength: 400 }),
  news: fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 60 }).map((parts) => parts.join('')),
}

const inBounds = (span: Span, length: number) =>
  span.start >= 0 && span.start <= span.end && span.end <= length
const squash = (text: string) => text.replace(/\s+/g, ' ')
const LINE_BREAK = /[\r\n\u2028\u2029]/

function checkInvariants(content: string, format: ArticleFormat) {
  const article = normalizeArticle({ content, format })
  const { original } = article
  expect(original).toBe(content)
  const spans = [
    ...article.paragraphs.map((p) => p.span),
    ...article.sentences.map((s) => s.span),
    ...article.captions.map((c) => c.span),
    ...article.removed.map((r) => r.span),
  ]
  for (const span of spans) expect(inBounds(span, original.length)).toBe(true)
  for (const item of [...article.paragraphs, ...article.sentences]) {
    expect(article.text.slice(item.offset, item.offset + item.text.length)).toBe(item.text)
  }
  for (const sentence of article.sentences) {
    const paragraph = article.paragraphs[sentence.paragraph]
    expect(paragraph).toBeDefined()
    if (!paragraph) continue
    expect(sentence.span.start).toBeGreaterThanOrEqual(paragraph.span.start)
    expect(sentence.span.end).toBeLessThanOrEqual(paragraph.span.end)
  }
  for (const run of article.runs) {
    if (!run.verbatim) continue
    expect(run.originalLength).toBe(run.length)
    const clean = article.text.slice(run.text, run.text + run.length)
    expect(clean).toBe(original.slice(run.original, run.original + run.length))
  }
  if (format === 'text') {
    for (const paragraph of article.paragraphs) {
      const source = original.slice(paragraph.span.start, paragraph.span.end)
      expect(squash(source)).toBe(squash(paragraph.text))
      if (!LINE_BREAK.test(source)) expect(source).toBe(paragraph.text)
    }
  }
  if (article.messages.some((m) => m.severity === 'error')) {
    expect(article.paragraphs).toEqual([])
  } else {
    expect(article.paragraphs.length).toBeGreaterThan(0)
  }
  return article
}

describe('properties of normalizeArticle over untrusted text', () => {
  for (const [name, arbitrary] of Object.entries(arbitraries)) {
    for (const format of ['text', 'markdown'] as const) {
      it(`never throws and keeps spans and offsets consistent (${name}, ${format})`, () => {
        fc.assert(
          fc.property(arbitrary, (content) => {
            checkInvariants(content, format)
          }),
          { numRuns: NUM_RUNS },
        )
      })
    }

    it(`is deterministic (${name})`, () => {
      fc.assert(
        fc.property(arbitrary, fc.constantFrom('text', 'markdown' as const), (content, format) => {
          expect(normalizeArticle({ content, format })).toEqual(
            normalizeArticle({ content, format }),
          )
        }),
        { numRuns: 100 },
      )
    })
  }

  it('keeps every paragraph of news-like text verbatim when lines are short', () => {
    const line = fc
      .array(
        fc.constantFrom('The mayor said', ' the', ' city', ' officials', '.', ',', ' “', '”'),
        {
          minLength: 1,
          maxLength: 8,
        },
      )
      .map((parts) => parts.join('').trim())
      .filter((text) => text !== '')
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 12 }), (lines) => {
        const article = checkInvariants(lines.join('\n\n'), 'text')
        for (const paragraph of article.paragraphs) {
          expect(article.original.slice(paragraph.span.start, paragraph.span.end)).toBe(
            paragraph.text,
          )
        }
      }),
      { numRuns: NUM_RUNS },
    )
  })
})

describe('ids unique across folders (uniqueArticleIds)', () => {
  const scratch = scratchFolder('corroborate-ids-')

  it('keeps both files of one name read from two folders: the second qualified by its folder', async () => {
    for (const [folder, text] of [
      ['monday', 'The council voted on Monday.'],
      ['tuesday', 'The council voted again on Tuesday.'],
    ] as const) {
      await mkdir(join(scratch.dir, folder))
      await writeFile(join(scratch.dir, folder, 'vote.txt'), text)
      await writeFile(join(scratch.dir, folder, `${folder}-only.txt`), text)
    }
    const sources = [
      ...(await loadArticleDirectory(join(scratch.dir, 'monday'))).sources,
      ...(await loadArticleDirectory(join(scratch.dir, 'tuesday'))).sources,
    ]
    const unique = uniqueArticleIds(sources)
    expect(unique.map((source) => source.id)).toEqual([
      'monday-only',
      'vote',
      'tuesday-only',
      'tuesday/vote',
    ])
    expect(unique.map((source) => source.content)).toEqual(sources.map((source) => source.content))
    expect(sources.map((source) => source.id)).toContain('vote')
    expect(sources.filter((source) => source.id === 'vote')).toHaveLength(2)
  })

  it('goes up the path while folders share a name, then numbers what the path cannot tell apart', () => {
    const source = (path: string, id = fileStemId(path)): ArticleSource => ({
      content: path,
      id,
      path,
    })
    const ids = uniqueArticleIds([
      source('/a/news/vote.txt'),
      source('/b/news/vote.txt'),
      source('/c/news/vote.txt'),
      source('vote.md'),
      { content: 'no path', id: 'vote' },
      { content: 'no id' },
    ]).map((s) => s.id)
    expect(ids).toEqual(['vote', 'news/vote', 'c/news/vote', 'vote-2', 'vote-3', undefined])
  })

  it('gives the same file read twice the same id, so that a duplicate-id check skips it', () => {
    const ids = uniqueArticleIds([
      { content: '1', id: 'vote', path: 'a/vote.txt' },
      { content: '2', id: 'vote', path: 'b/vote.txt' },
      { content: '2', id: 'vote', path: './b//vote.txt' },
      { content: '1', id: 'vote', path: 'a/./vote.txt' },
    ]).map((s) => s.id)
    expect(ids).toEqual(['vote', 'b/vote', 'b/vote', 'vote'])
  })

  it('never takes an id that a later source holds as its own', () => {
    const ids = uniqueArticleIds([
      { content: '1', id: 'x', path: '/d/x.txt' },
      { content: '2', id: 'x', path: '/d/x.md' },
      { content: '3', id: 'd/x' },
    ]).map((s) => s.id)
    expect(ids).toEqual(['x', 'x-2', 'd/x'])
  })

  it('gives any list of sources ids that no two files share, keeping every first id', () => {
    const name = fc.constantFrom('a', 'b', 'a-2', 'a/b')
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            id: name,
            path: fc.array(fc.constantFrom('a', 'b', 'x'), { maxLength: 3 }),
          }),
          { maxLength: 12 },
        ),
        (items) => {
          const sources = items.map(({ id, path }) => ({
            content: id,
            id,
            path: [...path, `${id}.txt`].join('/'),
          }))
          const ids = uniqueArticleIds(sources).map((s) => s.id)
          const fileOf = new Map<string, string>()
          for (const [index, source] of sources.entries()) {
            const id = ids[index] ?? ''
            // One id, one file: two files never share one, one file never gets two.
            const file = `${source.id} ${source.path}`
            expect(fileOf.get(id) ?? file).toBe(file)
            fileOf.set(id, file)
            if (sources.findIndex((s) => s.id === source.id) === index) expect(id).toBe(source.id)
          }
          expect(new Set(ids).size).toBe(new Set(sources.map((s) => `${s.id} ${s.path}`)).size)
        },
      ),
      { numRuns: NUM_RUNS },
    )
  })
})
