import { describe, expect, it } from 'vitest'
import { normalizeArticle } from '../src/index.js'
import type { Article } from '../src/types.js'
import { blocks, fromCaller, fromText, paragraphTexts, slice } from './helpers.js'

const LEAD =
  'The city council voted on Tuesday to approve a new bridge across the river, ending years of debate.'
const SECOND =
  'Construction is expected to begin next spring and to last about two years, officials said.'
const THIRD = 'The mayor called the vote a turning point for the region.'

/** Every paragraph of a plain-text article is a verbatim slice of the original. */
function expectVerbatimParagraphs(article: Article) {
  for (const paragraph of article.paragraphs) {
    expect(slice(article, paragraph.span)).toBe(paragraph.text)
    expect(article.text.slice(paragraph.offset, paragraph.offset + paragraph.text.length)).toBe(
      paragraph.text,
    )
  }
}

describe('ingest: advertisements', () => {
  it('removes ADVERTISEMENT and Advertisement markers and keeps the story around them', () => {
    const article = normalizeArticle({
      content: blocks(LEAD, 'ADVERTISEMENT', SECOND, 'Advertisement', THIRD),
    })
    expect(paragraphTexts(article)).toEqual([LEAD, SECOND, THIRD])
    expect(article.text).toBe(`${LEAD}\n\n${SECOND}\n\n${THIRD}`)
    expect(article.text).not.toMatch(/advertisement/i)
    expect(article.removed).toEqual([
      { kind: 'advertisement', text: 'ADVERTISEMENT', span: { start: 101, end: 114 } },
      { kind: 'advertisement', text: 'Advertisement', span: { start: 208, end: 221 } },
    ])
    expectVerbatimParagraphs(article)
    expect(article.messages).toEqual([])
  })

  it('removes markers on their own line between single-newline paragraphs', () => {
    const article = normalizeArticle({
      content: [LEAD, 'ADVERTISEMENT', SECOND, 'Advertisement', THIRD].join('\n'),
    })
    expect(paragraphTexts(article)).toEqual([LEAD, SECOND, THIRD])
    expect(article.removed.map((r) => r.kind)).toEqual(['advertisement', 'advertisement'])
  })
})

describe('ingest: sidebars of teasers', () => {
  const teasers = [
    'Flooding closes coastal highway for the second time this month',
    'Residents of the low-lying neighborhood were told to leave their homes before the storm...',
    'School board approves a larger budget',
    'The district will hire twelve new teachers and expand its bus service to rural...',
  ]

  it('removes a "Related stories" box with its headlines and truncated excerpts', () => {
    const article = normalizeArticle({
      content: blocks(LEAD, SECOND, 'Related stories', ...teasers, THIRD),
    })
    expect(paragraphTexts(article)).toEqual([LEAD, SECOND, THIRD])
    expect(article.text).not.toContain('Related stories')
    for (const teaser of teasers) expect(article.text).not.toContain(teaser)
    expect(article.text).not.toContain('...')
    expect(article.removed.map((r) => [r.kind, r.text])).toEqual([
      ['sidebar', 'Related stories'],
      ...teasers.map((teaser) => ['sidebar', teaser]),
    ])
    for (const removed of article.removed) expect(slice(article, removed.span)).toBe(removed.text)
    expectVerbatimParagraphs(article)
  })

  it('removes a section label, "View All" and every teaser at the end', () => {
    const trailing = [
      'Why the new bridge matters for commuters',
      'For decades, drivers have waited in traffic on the old span while officials argued about...',
      'Letters: readers weigh in on the budget',
      'One reader wrote that the city should spend less on roads and more on…',
    ]
    const article = normalizeArticle({
      content: blocks(LEAD, SECOND, THIRD, 'Opinion', 'View All', ...trailing),
    })
    expect(paragraphTexts(article)).toEqual([LEAD, SECOND, THIRD])
    expect(article.text).not.toContain('Opinion')
    expect(article.text).not.toContain('View All')
    for (const teaser of trailing) expect(article.text).not.toContain(teaser)
    expect(article.removed.filter((r) => r.kind === 'sidebar')).toHaveLength(6)
  })
})

describe('ingest: photo credits and captions', () => {
  const caption =
    'Firefighters work to contain a blaze at a warehouse in the industrial district, May 5, 2024. Reuters/Jane Doe'

  it('takes a credit line and the caption that ends in the same credit out as one caption', () => {
    const article = normalizeArticle({
      content: blocks(LEAD, `Reuters/Jane Doe\n${caption}`, SECOND, THIRD),
    })
    expect(paragraphTexts(article)).toEqual([LEAD, SECOND, THIRD])
    expect(article.text).not.toContain('Reuters')
    expect(article.text).not.toContain('Firefighters')
    expect(article.captions).toEqual([
      {
        text: 'Firefighters work to contain a blaze at a warehouse in the industrial district, May 5, 2024.',
        span: { start: 118, end: 118 + caption.length },
        credit: 'Reuters/Jane Doe',
      },
    ])
    expect(article.removed).toEqual([
      { kind: 'photo-credit', text: 'Reuters/Jane Doe', span: { start: 101, end: 117 } },
      { kind: 'caption', text: caption, span: { start: 118, end: 118 + caption.length } },
    ])
  })

  it('keeps the last capitalized word of a caption out of its credit', () => {
    const article = normalizeArticle({
      content: blocks(
        LEAD,
        'Reuters/Jane Doe\nFirefighters work to contain a blaze at a warehouse in the industrial district on Sunday. Reuters/Jane Doe',
        SECOND,
      ),
    })
    expect(article.captions).toHaveLength(1)
    expect(article.captions[0]).toMatchObject({ credit: 'Reuters/Jane Doe' })
    expect(article.captions[0]?.text).toMatch(/^Firefighters .* on Sunday\.?$/)
  })

  it('keeps a story paragraph that ends by citing a news agency', () => {
    const citing = 'The company confirmed the purchase of the land on Monday, according to Reuters.'
    const article = normalizeArticle({ content: blocks(LEAD, citing, SECOND) })
    expect(paragraphTexts(article)).toEqual([LEAD, citing, SECOND])
    expect(article.captions).toEqual([])
  })
})

describe('ingest: site footer', () => {
  it('keeps a short story sentence that mentions a newsletter or a privacy policy', () => {
    const newsletter = 'The district sends a weekly newsletter to parents.'
    const policy = 'The privacy policy changed in March.'
    const article = normalizeArticle({ content: blocks(LEAD, newsletter, policy, SECOND) })
    expect(paragraphTexts(article)).toEqual([LEAD, newsletter, policy, SECOND])
  })

  it('removes copyright, terms and sign-in lines and reads the outlet from the copyright', () => {
    const article = normalizeArticle({
      content: blocks(
        LEAD,
        SECOND,
        THIRD,
        '© 2024 The Daily Ledger. All rights reserved.',
        'Terms of Use | Privacy Policy',
        'Sign in or create a free account',
      ),
    })
    expect(paragraphTexts(article)).toEqual([LEAD, SECOND, THIRD])
    expect(article.text).not.toContain('©')
    expect(article.text).not.toContain('Terms of Use')
    expect(article.text).not.toContain('Sign in')
    expect(article.removed.map((r) => [r.kind, r.text])).toEqual([
      ['footer', '© 2024 The Daily Ledger. All rights reserved.'],
      ['footer', 'Terms of Use | Privacy Policy'],
      ['footer', 'Sign in or create a free account'],
    ])
    expect(article.outlet).toEqual(
      fromText('The Daily Ledger', '© 2024 The Daily Ledger. All rights reserved.', {
        start: 252,
        end: 297,
      }),
    )
    expect(slice(article, article.outlet?.span ?? null)).toBe(article.outlet?.text)
  })

  it('keeps long body sentences that merely mention a privacy policy or a newsletter', () => {
    const privacy =
      'Under the privacy policy adopted by the council last year, the city must notify residents before it shares any of their personal data with contractors building the bridge.'
    const newsletter =
      'The council also agreed to mention the project in its monthly newsletter, which is mailed to about forty thousand households across the county every month.'
    const article = normalizeArticle({ content: blocks(LEAD, privacy, newsletter, SECOND) })
    expect(paragraphTexts(article)).toEqual([LEAD, privacy, newsletter, SECOND])
    expect(article.removed).toEqual([])
  })

  it('keeps a story paragraph that starts with the word "Copyright"', () => {
    const story = 'Copyright lawyers said the ruling could reshape the industry.'
    const article = normalizeArticle({
      content: blocks(
        'The court ruled on Monday that the photographs were not protected.',
        story,
        'The company said it would appeal.',
      ),
    })
    expect(paragraphTexts(article)).toContain(story)
  })
})

describe('ingest: social follow lines and author bios', () => {
  it('removes a "Follow her on Twitter" line between paragraphs', () => {
    const article = normalizeArticle({
      content: blocks(LEAD, SECOND, 'Follow her on Twitter.', THIRD),
    })
    expect(paragraphTexts(article)).toEqual([LEAD, SECOND, THIRD])
    expect(article.removed).toEqual([
      { kind: 'social-follow', text: 'Follow her on Twitter.', span: { start: 193, end: 215 } },
    ])
  })

  it('removes a trailing follow line with a handle', () => {
    const article = normalizeArticle({
      content: blocks(LEAD, SECOND, THIRD, 'Follow her on Twitter @janedoe'),
    })
    expect(paragraphTexts(article)).toEqual([LEAD, SECOND, THIRD])
    expect(article.removed.map((r) => r.kind)).toEqual(['social-follow'])
  })

  it('removes an author bio at the end and reads the author from it, with evidence', () => {
    const bio = 'Jane Doe is a staff reporter who covers city hall. Follow her on Twitter.'
    const article = normalizeArticle({ content: blocks(LEAD, SECOND, THIRD, bio) })
    expect(paragraphTexts(article)).toEqual([LEAD, SECOND, THIRD])
    expect(article.text).not.toContain('staff reporter')
    expect(article.author).toEqual(fromText('Jane Doe', bio, { start: 252, end: 252 + bio.length }))
    expect(slice(article, article.author?.span ?? null)).toBe(bio)
    expect(article.removed).toEqual([
      { kind: 'author-bio', text: bio, span: { start: 252, end: 325 } },
    ])
  })

  it('keeps a short last paragraph of story text', () => {
    const article = normalizeArticle({ content: blocks(LEAD, SECOND, 'He declined to comment.') })
    expect(paragraphTexts(article)).toEqual([LEAD, SECOND, 'He declined to comment.'])
    expect(article.sentences.at(-1)?.text).toBe('He declined to comment.')
    expect(article.removed).toEqual([])
  })
})

describe('ingest: title, byline and date headers at the top', () => {
  it('reads a title line and a "By Jane Doe" byline and removes both', () => {
    const title = 'Council Approves New Bridge Across River'
    const article = normalizeArticle({ content: blocks(title, 'By Jane Doe', LEAD, SECOND, THIRD) })
    expect(paragraphTexts(article)).toEqual([LEAD, SECOND, THIRD])
    expect(article.title).toEqual(fromText(title, title, { start: 0, end: 40 }))
    expect(article.author).toEqual(fromText('Jane Doe', 'By Jane Doe', { start: 42, end: 53 }))
    expect(article.removed.map((r) => [r.kind, r.text])).toEqual([
      ['title', title],
      ['byline', 'By Jane Doe'],
    ])
    expectVerbatimParagraphs(article)
  })

  it('reads a byline at the very top without a title', () => {
    const article = normalizeArticle({ content: blocks('By Jane Doe', LEAD, SECOND) })
    expect(article.title).toBeNull()
    expect(article.author).toMatchObject({ value: 'Jane Doe', source: 'text' })
    expect(paragraphTexts(article)).toEqual([LEAD, SECOND])
  })

  it('reads the full name from a byline followed by an agency', () => {
    const article = normalizeArticle({ content: blocks('By Jane Doe, Reuters', LEAD, SECOND) })
    expect(article.author).toMatchObject({ value: 'Jane Doe', source: 'text' })
  })

  it('keeps a short lead that starts with "By" as story text', () => {
    const lead = 'By the time firefighters arrived, the blaze had spread.'
    const article = normalizeArticle({
      content: blocks(lead, 'The fire destroyed three homes on Elm Street, officials said.', THIRD),
    })
    expect(article.author).toBeNull()
    expect(article.paragraphs[0]?.text).toBe(lead)
  })

  it('does not take a lead paragraph that ends in a closing quote as the title', () => {
    const lead = 'The mayor said the new bridge would be “the safest in the state.”'
    const article = normalizeArticle({ content: blocks(lead, SECOND, THIRD) })
    expect(article.title).toBeNull()
    expect(paragraphTexts(article)).toEqual([lead, SECOND, THIRD])
  })

  it('reads a sentence-case headline without a final stop as the title, with its span', () => {
    const headline = 'Council approves new bridge after years of debate'
    const article = normalizeArticle({ content: blocks(headline, LEAD, SECOND) })
    expect(article.title).toEqual(fromText(headline, headline, { start: 0, end: headline.length }))
    expect(article.removed).toEqual([
      { kind: 'title', text: headline, span: { start: 0, end: headline.length } },
    ])
    expect(paragraphTexts(article)).toEqual([LEAD, SECOND])
  })

  it('takes a Title Case headline with a final stop or two sentences, not a sentence-case one', () => {
    const titleCase = 'Mayor Says New Bridge Will Open Next Spring.'
    expect(normalizeArticle({ content: blocks(titleCase, LEAD, SECOND) }).title?.value).toBe(
      titleCase,
    )
    const twoSentences = 'The Bridge Is Finished. Now Comes the Hard Part'
    expect(normalizeArticle({ content: blocks(twoSentences, LEAD, SECOND) }).title?.value).toBe(
      twoSentences,
    )
    // A short lead paragraph of one sentence is story text.
    for (const lead of [
      'The bridge will open next spring.',
      'Will the bridge open next spring?',
      'Voters approved the bridge. Work starts in May',
    ]) {
      const article = normalizeArticle({ content: blocks(lead, LEAD, SECOND) })
      expect(article.title).toBeNull()
      expect(paragraphTexts(article)[0]).toBe(lead)
    }
  })

  it('takes no title from a first line that is a date, a link, a credit line or cut off', () => {
    for (const first of [
      'February 4, 2025',
      'https://example.com/news/bridge',
      'Co-authored by Jane Doe.',
      'Council approves bridge,',
      'and the council approved the bridge',
    ]) {
      const article = normalizeArticle({ content: blocks(first, LEAD, SECOND) })
      expect(article.title, first).toBeNull()
    }
  })

  it('reads a "date 2024-05-06" header that shares its line with the lead', () => {
    const article = normalizeArticle({ content: blocks(`date 2024-05-06 ${LEAD}`, SECOND, THIRD) })
    expect(article.published).toMatchObject({
      value: '2024-05-06',
      text: 'date 2024-05-06',
      source: 'text',
    })
    expect(paragraphTexts(article)).toEqual([LEAD, SECOND, THIRD])
    expect(article.paragraphs[0]?.span).toEqual({ start: 16, end: 16 + LEAD.length })
    expect(article.removed).toEqual([
      { kind: 'date-header', text: 'date 2024-05-06', span: { start: 0, end: 15 } },
    ])
    expectVerbatimParagraphs(article)
  })

  it('gives a same-line date header evidence whose span slices back to its text', () => {
    const article = normalizeArticle({ content: blocks(`date 2024-05-06 ${LEAD}`, SECOND) })
    expect(article.published?.span).toEqual({ start: 0, end: 15 })
    expect(slice(article, article.published?.span ?? null)).toBe(article.published?.text)
  })

  it('reads a "date 2024-05-06" header on its own line', () => {
    const article = normalizeArticle({ content: blocks('date 2024-05-06', LEAD, SECOND, THIRD) })
    expect(article.published).toEqual(
      fromText('2024-05-06', 'date 2024-05-06', { start: 0, end: 15 }),
    )
    expect(paragraphTexts(article)).toEqual([LEAD, SECOND, THIRD])
    expect(article.text).not.toContain('2024-05-06')
  })

  it('records a date header on its own line once in removed', () => {
    const article = normalizeArticle({ content: blocks('date 2024-05-06', LEAD, SECOND) })
    expect(article.removed).toEqual([
      { kind: 'date-header', text: 'date 2024-05-06', span: { start: 0, end: 15 } },
    ])
  })

  it('reads a "Published: March 3, 2024" header as 2024-03-03', () => {
    const article = normalizeArticle({
      content: blocks('Published: March 3, 2024', LEAD, SECOND, THIRD),
    })
    expect(article.published).toEqual(
      fromText('2024-03-03', 'Published: March 3, 2024', { start: 0, end: 24 }),
    )
    expect(paragraphTexts(article)).toEqual([LEAD, SECOND, THIRD])
    expect(article.text).not.toContain('Published')
  })

  it('reads a published header with a time of day as the date', () => {
    const article = normalizeArticle({
      content: blocks('Published: March 3, 2024 at 9:15 a.m. EST', LEAD, SECOND),
    })
    expect(article.published).toMatchObject({ value: '2024-03-03', source: 'text' })
    expect(paragraphTexts(article)).toEqual([LEAD, SECOND])
  })
})

describe('ingest: datelines', () => {
  it('reads a wire dateline and keeps it in the lead paragraph', () => {
    const lead =
      'WASHINGTON (AP) — The Senate voted 52-48 on Thursday to confirm the nominee, ending a weeks-long fight.'
    const article = normalizeArticle({ content: blocks(lead, SECOND, THIRD) })
    expect(article.dateline).toEqual(
      fromText('WASHINGTON (AP)', 'WASHINGTON (AP) —', { start: 0, end: 17 }),
    )
    expect(slice(article, article.dateline?.span ?? null)).toBe('WASHINGTON (AP) —')
    expect(paragraphTexts(article)).toEqual([lead, SECOND, THIRD])
    expect(article.title).toBeNull()
  })

  it('reads a dateline with a place and a state', () => {
    const article = normalizeArticle({
      content: blocks(`PORTLAND, Ore. — ${LEAD}`, SECOND),
    })
    expect(article.dateline).toMatchObject({ value: 'PORTLAND, Ore.', text: 'PORTLAND, Ore. —' })
  })

  it('finds no dateline in an ordinary lead', () => {
    expect(normalizeArticle({ content: blocks(LEAD, SECOND) }).dateline).toBeNull()
  })
})

describe('ingest: duplicates and hard wraps', () => {
  it('keeps a long Title Case headline apart from the lead on the next line', () => {
    const headline = 'City Council Approves New Bridge Across the River After Years of Debate'
    const article = normalizeArticle({ content: `${headline}\n${LEAD}\n${SECOND}` })
    expect(article.title?.value).toBe(headline)
    expect(paragraphTexts(article)).toEqual([LEAD, SECOND])
  })

  it('keeps one copy of a paragraph printed twice and reports the repeat', () => {
    const article = normalizeArticle({ content: blocks(LEAD, SECOND, LEAD, THIRD) })
    expect(paragraphTexts(article)).toEqual([LEAD, SECOND, THIRD])
    expect(article.text.split(LEAD)).toHaveLength(2)
    expect(article.removed).toEqual([
      { kind: 'duplicate', text: LEAD, span: { start: 193, end: 292 } },
    ])
    expect(article.messages).toEqual([
      {
        code: 'duplicate-paragraph',
        severity: 'info',
        message: expect.stringContaining('repeats an earlier paragraph'),
        span: { start: 193, end: 292 },
      },
    ])
  })

  it('joins hard-wrapped lines into one paragraph with spans over all the lines', () => {
    const wrapped =
      'The city council voted on Tuesday to approve a new bridge across\nthe river, ending years of debate over how to ease traffic in the\ndowntown area.'
    const article = normalizeArticle({ content: blocks(wrapped, SECOND, THIRD) })
    expect(paragraphTexts(article)).toEqual([wrapped.replaceAll('\n', ' '), SECOND, THIRD])
    expect(article.paragraphs[0]?.span).toEqual({ start: 0, end: wrapped.length })
    expect(article.sentences[0]).toMatchObject({
      text: wrapped.replaceAll('\n', ' '),
      span: { start: 0, end: wrapped.length },
    })
    expect(article.paragraphs[1]?.span).toEqual({
      start: wrapped.length + 2,
      end: wrapped.length + 2 + SECOND.length,
    })
  })

  it('joins lines that continue in lower case and leaves one-paragraph-per-line text apart', () => {
    const article = normalizeArticle({
      content: 'The council met on Tuesday\nto vote on the bridge.\nThe mayor spoke first.',
    })
    expect(paragraphTexts(article)).toEqual([
      'The council met on Tuesday to vote on the bridge.',
      'The mayor spoke first.',
    ])
  })

  it('marks as verbatim only the runs that copy the original', () => {
    const article = normalizeArticle({
      content: 'The council met on Tuesday\nto vote on the bridge.',
    })
    expect(article.runs.filter((run) => !run.verbatim)).toHaveLength(1)
    for (const run of article.runs) {
      if (!run.verbatim) continue
      expect(article.text.slice(run.text, run.text + run.length)).toBe(
        article.original.slice(run.original, run.original + run.originalLength),
      )
    }
  })

  it('joins wrapped lines indented or ending in CRLF into one paragraph', () => {
    const content =
      'The city council voted on Tuesday to approve a new bridge across  \r\n   the river, ending years of debate.'
    const article = normalizeArticle({ content })
    expect(paragraphTexts(article)).toEqual([
      'The city council voted on Tuesday to approve a new bridge across the river, ending years of debate.',
    ])
    expect(article.paragraphs[0]?.span).toEqual({ start: 0, end: content.length })
  })

  it('does not join a line that ends in a sentence and a stray opening quote', () => {
    const first = '“And we will keep working on it until the bridge is finished,” the mayor said.“'
    const second = 'Construction begins next spring.'
    const article = normalizeArticle({ content: `${LEAD}\n${first}\n${second}` })
    expect(paragraphTexts(article)).toEqual([LEAD, first, second])
  })
})

describe('ingest: metadata precedence', () => {
  it('prefers caller metadata over metadata read from the text, and still removes the headers', () => {
    const article = normalizeArticle({
      content: blocks(
        'Council Approves New Bridge',
        'By Jane Doe',
        'date 2024-05-06',
        LEAD,
        SECOND,
      ),
      metadata: {
        title: 'A Different Headline',
        author: 'John Roe',
        published: '2024-01-02',
        outlet: 'The Ledger',
        url: 'https://example.com/bridge',
      },
    })
    expect(article.title).toEqual(fromCaller('A Different Headline'))
    expect(article.author).toEqual(fromCaller('John Roe'))
    expect(article.published).toEqual(fromCaller('2024-01-02'))
    expect(article.outlet).toMatchObject({ value: 'The Ledger', source: 'caller' })
    expect(article.url).toMatchObject({ value: 'https://example.com/bridge', source: 'caller' })
    expect(paragraphTexts(article)).toEqual([LEAD, SECOND])
    expect(article.text).not.toContain('Jane Doe')
  })

  it('normalizes a caller date written in English', () => {
    const article = normalizeArticle({
      content: blocks(LEAD, SECOND),
      metadata: { published: 'Feb. 4, 2025' },
    })
    expect(article.published).toEqual(fromCaller('2025-02-04', 'Feb. 4, 2025'))
  })

  it('reports a caller date without a day and leaves it out', () => {
    const article = normalizeArticle({
      content: blocks(LEAD, SECOND),
      metadata: { published: 'March 2024' },
    })
    expect(article.published).toBeNull()
    expect(article.messages).toMatchObject([{ code: 'date-unparsed', severity: 'warning' }])
  })

  it('takes the first paragraph out when it repeats the caller title', () => {
    const article = normalizeArticle({
      content: blocks('Council Approves New Bridge', LEAD, SECOND),
      metadata: { title: 'Council Approves New Bridge' },
    })
    expect(paragraphTexts(article)).toEqual([LEAD, SECOND])
    expect(article.removed).toEqual([
      { kind: 'title', text: 'Council Approves New Bridge', span: { start: 0, end: 27 } },
    ])
  })

  it('marks sidecar metadata as such', () => {
    const article = normalizeArticle({
      content: blocks(LEAD, SECOND),
      metadata: { author: 'John Roe' },
      metadataSource: 'sidecar',
    })
    expect(article.author).toEqual(fromCaller('John Roe', 'John Roe', 'sidecar'))
  })

  it('uses the given id, or a stable content hash', () => {
    const content = blocks(LEAD, SECOND)
    expect(normalizeArticle({ content, id: 'bridge-vote' }).id).toBe('bridge-vote')
    const hashed = normalizeArticle({ content }).id
    expect(hashed).toMatch(/^[0-9a-f]{16}$/)
    expect(normalizeArticle({ content }).id).toBe(hashed)
    expect(normalizeArticle({ content: blocks(LEAD, THIRD) }).id).not.toBe(hashed)
  })
})
