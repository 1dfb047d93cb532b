import { describe, expect, it } from 'vitest'
import { loadArticleDirectory, normalizeArticle } from '../src/index.js'
import type { Article, Evidence } from '../src/types.js'
import { fromText, paragraphTexts, spanOf } from './helpers.js'
import { IDS, loaded, SEEDS, seed, slice, sourceOf } from './seed-articles.js'

const sentenceTexts = (article: Article) => article.sentences.map((s) => s.text)
const occurrences = (text: string, part: string) => text.split(part).length - 1
const lines = (article: Article) => article.original.split('\n')

/** The story's own text is kept to its end: these sentences among the article's, and its last paragraph. */
function expectStory(article: Article, story: { sentences: string[]; last: string }) {
  expect(sentenceTexts(article)).toEqual(expect.arrayContaining(story.sentences))
  expect(article.paragraphs.at(-1)?.text).toBe(story.last)
}

describe('seeds: loading', () => {
  it('loads the five seeds as plain text, ids from the file names, without failures', () => {
    expect(loaded.failures).toEqual([])
    expect(loaded.sources.map((s) => s.id)).toEqual([...IDS])
    for (const source of loaded.sources) {
      expect(source.format).toBe('text')
      expect(source.metadata).toBeUndefined()
    }
  })
})

describe('seeds: invariants', () => {
  for (const id of IDS) {
    it(`${id}: every paragraph and sentence span slices back to exactly its text`, () => {
      const article = seed(id)
      for (const paragraph of article.paragraphs) {
        expect(slice(article, paragraph.span)).toBe(paragraph.text)
      }
      for (const sentence of article.sentences) {
        expect(slice(article, sentence.span)).toBe(sentence.text)
      }
    })

    it(`${id}: offsets, nesting, removed text and captions are consistent`, () => {
      const article = seed(id)
      const { original } = article
      expect(article.paragraphs.length).toBeGreaterThan(0)
      expect(article.messages.filter((m) => m.severity === 'error')).toEqual([])
      expect(article.text).toBe(paragraphTexts(article).join('\n\n'))
      article.paragraphs.forEach((paragraph, index) => {
        expect(paragraph.index).toBe(index)
        expect(article.text.slice(paragraph.offset, paragraph.offset + paragraph.text.length)).toBe(
          paragraph.text,
        )
        expect(paragraph.text).toBe(paragraph.text.trim())
      })
      article.sentences.forEach((sentence, index) => {
        expect(sentence.index).toBe(index)
        expect(article.text.slice(sentence.offset, sentence.offset + sentence.text.length)).toBe(
          sentence.text,
        )
        const paragraph = article.paragraphs[sentence.paragraph]
        expect(paragraph?.text).toContain(sentence.text)
        expect(sentence.span.start).toBeGreaterThanOrEqual(paragraph?.span.start ?? Infinity)
        expect(sentence.span.end).toBeLessThanOrEqual(paragraph?.span.end ?? -1)
      })
      for (const removed of article.removed) {
        expect(slice(article, removed.span)).toBe(removed.text)
        expect(removed.span.end).toBeLessThanOrEqual(original.length)
      }
      for (const caption of article.captions) {
        expect(slice(article, caption.span)).toContain(caption.text)
        if (caption.credit) expect(slice(article, caption.span)).toContain(caption.credit)
      }
    })

    it(`${id}: metadata read from the text slices back to its evidence`, () => {
      const article = seed(id)
      const fields: Array<Evidence<string> | null> = [
        article.title,
        article.author,
        article.dateline,
        article.published,
        article.outlet,
        article.url,
      ]
      for (const field of fields) {
        if (!field) continue
        expect(field.source).toBe('text')
        expect(field.span).not.toBeNull()
        if (field.span) expect(slice(article, field.span)).toBe(field.text)
      }
    })

    it(`${id}: gives a deep-equal article on every run`, async () => {
      const again = (await loadArticleDirectory(SEEDS)).sources.find((s) => s.id === id)
      expect(again).toEqual(sourceOf(id))
      expect(normalizeArticle(sourceOf(id))).toEqual(seed(id))
      expect(JSON.parse(JSON.stringify(seed(id)))).toEqual(seed(id))
    })
  }
})

describe('seed 000: Rubio on the Bukele offer, with an author bio', () => {
  const id = '000_319bfdf5a655c3df'
  const article = seed(id)
  const BIO =
    'Christian K. Caruzo is a Venezuelan writer and documents life under socialism. You can follow him on Twitter here.'

  it('removes the author bio and reads the author from it', () => {
    const span = spanOf(article, BIO)
    expect(article.author).toEqual(fromText('Christian K. Caruzo', BIO, span))
    expect(article.removed).toEqual([{ kind: 'author-bio', text: BIO, span }])
    expect(article.text).not.toContain('You can follow him on Twitter')
    expect(article.text).not.toContain('Venezuelan writer')
    expect(article.text).not.toContain('Caruzo')
  })

  it('finds no other metadata and reports nothing', () => {
    expect(article.title).toBeNull()
    expect(article.dateline).toBeNull()
    expect(article.published).toBeNull()
    expect(article.outlet).toBeNull()
    expect(article.messages).toEqual([])
    expect(article.captions).toEqual([])
  })

  it('keeps the story from the lead to the last quote', () => {
    expect(article.paragraphs[0]?.text).toBe(lines(article)[0])
    expect(article.paragraphs[0]?.span).toEqual({ start: 0, end: lines(article)[0]?.length })
    expect(sentenceTexts(article)).toEqual(
      expect.arrayContaining([
        'Secretary of State Marco Rubio said on Tuesday that Salvadoran President Nayib Bukele’s offer to take in convicted criminals, including convicted U.S. citizens, and house them in the country’s “mega-prison” would have to first be fully studied.',
        '“That’s an offer President Bukele made.',
        'Obviously, we’ll have to study it on our end.',
        'But it’s a very generous offer,” Secretary Rubio said.',
        '“But obviously, the administration will have to make a decision, and it’s – but it’s – I raised it yesterday because it’s an incredible offer, an unprecedented one,” he continued.',
        'Rubio’s week-long tour is his first overseas trip since his confirmation as secretary of state.',
        'President Bukele described the offer on Tuesday as “the most extraordinary migratory agreement anywhere in the world.”',
        'I spoke to President Trump about this earlier today, and it’s just one more sign of what an incredible friend we have here in President Bukele and the people of El Salvador,” he continued.',
      ]),
    )
    expect(article.text).toContain('“We are just profoundly grateful.')
    expect(article.text.endsWith('the people of El Salvador,” he continued.')).toBe(true)
  })

  it('keeps each of the twelve story lines as its own paragraph', () => {
    expect(paragraphTexts(article)).toEqual(lines(article).slice(0, 12))
    expect(sentenceTexts(article)).toContain('“We are just profoundly grateful.')
    expect(sentenceTexts(article).filter((s) => s.startsWith('“ “'))).toEqual([])
  })
})

describe('seed 001: wire copy with a dateline', () => {
  const id = '001_b67738d60fcf9431'
  const article = seed(id)

  it('reads the dateline and keeps it in the lead', () => {
    expect(article.dateline).toEqual(
      fromText('SAN SALVADOR, El Salvador', 'SAN SALVADOR, El Salvador —', { start: 0, end: 27 }),
    )
    expect(
      article.paragraphs[0]?.text.startsWith('SAN SALVADOR, El Salvador — Secretary of State'),
    ).toBe(true)
    expect(article.title).toBeNull()
  })

  it('keeps every line as a paragraph and removes nothing', () => {
    expect(paragraphTexts(article)).toEqual(lines(article))
    expect(article.paragraphs).toHaveLength(9)
    expect(article.removed).toEqual([])
    expect(article.messages).toEqual([])
    expect(article.author).toBeNull()
    expect(article.published).toBeNull()
    expect(article.outlet).toBeNull()
  })

  it('splits the story into its 13 sentences, quotes included', () => {
    expect(article.sentences).toHaveLength(13)
    expectStory(article, {
      sentences: [
        'Any attempt by the Trump administration to jail U.S. citizens in another country would be sure to face legal scrutiny.',
        '“We are willing to take in only convicted criminals (including convicted U.S. citizens) into our mega-prison (CECOT) in exchange for a fee,” he wrote, referring to the country’s “Center for the Confinement of Terrorism” that opened in 2023 and has capacity for 40,000 prisoners.',
        '“The fee would be relatively low for the U.S. but significant for us, making our entire prison system sustainable.”',
        'Tech billionaire Elon Musk quickly endorsed the Bukele offer, saying, “Great idea!!”',
        'State Department spokeswoman Tammy Bruce called it an “extraordinary gesture never before extended by any country.”',
      ],
      last: 'The two countries also concluded a civil nuclear cooperation memorandum of understanding, and Rubio promised to issue a waiver to “unfreeze assistance to support the two countries’ joint work to detect suspicious travelers,” Bruce said.',
    })
  })
})

describe('seed 002: headline, photo credit, caption and site footer', () => {
  const id = '002_14d3067ffab1f62e'
  const article = seed(id)
  const HEADLINE =
    '‘Extraordinary friendship’: Marco Rubio Welcomes Offer From El Salvador To Take in Convicts From American Jails'
  const COPYRIGHT = '© 2025 The New York Sun Company, LLC. All rights reserved.'
  const CAPTION =
    'Secretary of State Rubio meets with President Bukele at his residence at Lake Coatepeque at El Salvador, February 3, 2025. AP/Mark Schiefelbein'

  it('reads the headline as the title', () => {
    expect(article.title).toEqual(fromText(HEADLINE, HEADLINE, { start: 0, end: HEADLINE.length }))
    expect(article.text).not.toContain('Extraordinary friendship’:')
  })

  it('reads the outlet from the copyright line', () => {
    expect(article.outlet).toEqual(
      fromText('The New York Sun', COPYRIGHT, spanOf(article, COPYRIGHT)),
    )
  })

  it('takes the photo credit and its caption out as one caption', () => {
    expect(article.captions).toEqual([
      {
        text: 'Secretary of State Rubio meets with President Bukele at his residence at Lake Coatepeque at El Salvador, February 3, 2025.',
        span: spanOf(article, CAPTION),
        credit: 'AP/Mark Schiefelbein',
      },
    ])
    expect(article.text).not.toContain('AP/Mark Schiefelbein')
    expect(article.text).not.toContain('Schiefelbein')
    expect(article.text).not.toContain('Lake Coatepeque')
  })

  it('removes every footer line', () => {
    for (const footer of [
      '©',
      'All rights reserved',
      'Terms of Use',
      'Privacy Policy',
      'may not be reproduced',
      'Sign in',
      'Create a free account',
      'By continuing',
      'The New York Sun',
    ]) {
      expect(article.text).not.toContain(footer)
    }
    expect(article.removed.map((r) => r.kind)).toEqual([
      'title',
      'photo-credit',
      'caption',
      'footer',
      'footer',
      'footer',
      'footer',
      'footer',
      'footer',
      'footer',
    ])
    expect(article.removed.filter((r) => r.kind === 'footer').map((r) => r.text)).toEqual([
      'The New York Sun',
      COPYRIGHT,
      'Use of this site constitutes acceptance of our Terms of Use and Privacy Policy. The material on this site is protected by copyright law and may not be reproduced, distributed, transmitted, cached or otherwise used.',
      'The New York Sun',
      'Sign in or\u00a0 Create a free account',
      'or',
      'By continuing you agree to our Privacy Policy and Terms of Use',
    ])
  })

  it('keeps the 13 story paragraphs from the standfirst to the last one', () => {
    expect(article.paragraphs).toHaveLength(13)
    expect(article.sentences).toHaveLength(14)
    expect(article.paragraphs[0]?.text).toBe(
      'The country has a ‘mega jail’ that was built in 2023 and can house 40,000 inmates.',
    )
    expect(article.paragraphs[1]?.text).toBe(
      'Secretary of State Rubio is welcoming an invitation from El Salvador to take in convicts from American jails and house them for a “relatively low” fee.',
    )
    expectStory(article, {
      sentences: [
        '“We have offered the United States of America the opportunity to outsource part of its prison system.',
        'We are willing to take in only convicted criminals (including convicted U.S. citizens) into our mega-prison (CECOT) in exchange for a fee,” Salvadoran President Nayib Bukele said.',
        'Mr. Rubio’s comments came after he met with Bukele on his first foreign trip, with El Salvador being the second stop.',
        'Last month, President Trump signed an executive order labelling the two criminal gangs as foreign terror groups.',
      ],
      last: 'The looming deal between El Salvador and the U.S. is seen as the latest move by Trump to keep his promise of restoring order and deporting illegal immigrants.',
    })
    expect(article.messages).toEqual([])
  })
})

describe('seed 003: date header on the lead line', () => {
  const id = '003_57a1effef5a16a55'
  const article = seed(id)

  it('reads "date 2025-02-04" as the published date and takes it out of the lead', () => {
    expect(article.published).toMatchObject({
      value: '2025-02-04',
      text: 'date 2025-02-04',
      source: 'text',
    })
    expect(article.removed).toEqual([
      { kind: 'date-header', text: 'date 2025-02-04', span: { start: 1, end: 16 } },
    ])
    expect(article.text).not.toContain('2025-02-04')
    expect(
      article.paragraphs[0]?.text.startsWith(
        'The president of El Salvador told U.S. Secretary of State Marco Rubio',
      ),
    ).toBe(true)
    expect(article.paragraphs[0]?.span.start).toBe(17)
  })

  it('keeps the 9 story paragraphs, quotes included, and reports nothing', () => {
    expect(article.paragraphs).toHaveLength(9)
    expect(article.title).toBeNull()
    expect(article.author).toBeNull()
    expect(article.dateline).toBeNull()
    expect(article.messages).toEqual([])
    expectStory(article, {
      sentences: [
        'The president of El Salvador told U.S. Secretary of State Marco Rubio that his country is willing to take convicted criminals from American prisons and lock them up in his country.',
        'The offer came in meetings on Tuesday with Secretary Rubio who is on his first foreign tour after being confirmed by the Senate.',
        'He said the offer could “make America safer.”',
        'University of California immigration law and citizenship theory professor Leti Volpp mused, “The US is absolutely prohibited from deporting US citizens, whether they are incarcerated or not.”',
        'Backyards, front yards, or garbage dumps?”',
      ],
      last: 'CNN also reported that Manuel Flores, general secretary of El Salvador’s leftist Farabundo Martí National Liberation Front party, criticized his president’s offer, saying, “What are we? Backyards, front yards, or garbage dumps?”',
    })
  })
})

describe('seed 004: duplicate standfirst, ads and an opinion sidebar', () => {
  const id = '004_cbbd90037d08fd37'
  const article = seed(id)
  const TITLE =
    "El Salvador 'willing to take in' convicted criminals from the US—both citizens and illegal immigrants"
  const STANDFIRST =
    'Rubio said that the US was “profoundly grateful” to President Bukele for his offer and that no country had ever “made an offer of friendship such as this.”'
  const SIDEBAR = [
    'Opinion',
    'View All',
    'MORGONN McMICHAEL: UK science museum exhibition will help visitors "see things queerly"',
    '“Seeing Things Queerly” provides a short history of LGBTQ-identifying individuals who invented device...',
    'FRONTLINES: Tren de Aragua gang members arrive at Guantanamo Bay',
    'Secretary of Defense Pete Hegseth shared a video on X showing US military personnel and ICE agents es...',
    "Australian teacher 'Miss Purr' identifies as cat in classroom, hisses at students: report",
    '“She … forces the children to call her Miss Purr and cat screeches and growls when they don’t listen....',
    'Thai women kept as slaves, human eggs forcibly harvested and sold, in Georgia',
    'One of the freed women described the conditions as treating them “like cattle,” with some women recei...',
  ]

  it('reads the title with its single quotes', () => {
    expect(article.title).toEqual(fromText(TITLE, TITLE, { start: 0, end: TITLE.length }))
    expect(article.text).not.toContain("'willing to take in'")
  })

  it('keeps one copy of the standfirst printed twice and reports the repeat', () => {
    expect(article.paragraphs[0]?.text).toBe(STANDFIRST)
    expect(occurrences(article.text, STANDFIRST)).toBe(1)
    const first = spanOf(article, STANDFIRST)
    const second = spanOf(article, STANDFIRST, first.end)
    expect(article.paragraphs[0]?.span).toEqual(first)
    expect(article.removed).toContainEqual({ kind: 'duplicate', text: STANDFIRST, span: second })
    expect(article.messages).toEqual([
      {
        code: 'duplicate-paragraph',
        severity: 'info',
        message: expect.stringContaining('repeats an earlier paragraph'),
        span: second,
      },
    ])
    expect(article.paragraphs[1]?.text.startsWith('El Salvador has extended an offer')).toBe(true)
  })

  it('removes the ad markers and the image line', () => {
    expect(article.removed.filter((r) => r.kind === 'advertisement').map((r) => r.text)).toEqual([
      'ad-image',
      'ADVERTISEMENT',
    ])
    expect(article.text).not.toContain('ad-image')
    expect(article.text).not.toContain('ADVERTISEMENT')
    expect(article.text).not.toContain('Image: Title')
  })

  it('removes the "Opinion / View All" sidebar with all of its teasers', () => {
    expect(article.removed.filter((r) => r.kind === 'sidebar').map((r) => r.text)).toEqual(SIDEBAR)
    for (const teaser of SIDEBAR) expect(article.text).not.toContain(teaser)
    for (const phrase of [
      'Opinion',
      'View All',
      'MORGONN',
      'Seeing Things Queerly',
      'see things queerly',
      'Guantanamo',
      'Hegseth',
      'Miss Purr',
      'Thai women',
      'like cattle',
    ]) {
      expect(article.text).not.toContain(phrase)
    }
  })

  it('keeps the 14 story paragraphs and their quotes', () => {
    expect(article.paragraphs).toHaveLength(14)
    expect(article.sentences).toHaveLength(17)
    expectStory(article, {
      sentences: [
        'El Salvador has extended an offer to accept criminals from the US, including those both with or without US citizenship, in its state-of-the-art mega jail.',
        'Rubio said that the US was “profoundly grateful” to Bukele for his offer and that no country had ever “made an offer of friendship such as this.”',
        'He said that "the fee would be relatively low for the US but significant for us, making our entire prison sustainable."',
        'The maximum-security jail, known as the Terrorism Confinement Center (CECOT), holds up to 40,000 inmates.',
        'His journey began in Panama, where he called for "immediate changes" to what he described as China’s "influence and control" over the Panama Canal.',
      ],
      last: 'Since taking office, President Donald Trump has prioritized accelerating the deportation of illegal immigrants, vowing to carry out "mass deportations."',
    })
    expect(article.author).toBeNull()
    expect(article.outlet).toBeNull()
  })
})
