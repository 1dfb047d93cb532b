import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { canonicalPlace, measureOf } from '../src/claims/measure.js'
import { readNounPhrase } from '../src/claims/noun-phrase.js'
import { tokenize } from '../src/claims/tokens.js'
import {
  CorroborateError,
  extractClaims,
  extractQuotes,
  isCorroborateError,
  normalizeArticle,
} from '../src/index.js'
import type { Article, Claim, Quote } from '../src/types.js'
import { IDS, type SeedId, seed, slice } from './seed-articles.js'

function article(content: string, published?: string, id = 'a'): Article {
  return normalizeArticle(
    published === undefined ? { content, id } : { content, id, metadata: { published } },
  )
}

function claimsOf(content: string, published?: string): Claim[] {
  return extractClaims(article(content, published)).claims
}

/** The fields that carry a claim's meaning, for compact expectations. */
const brief = (claim: Claim) => ({
  kind: claim.kind,
  text: claim.text,
  value: claim.value,
  unit: claim.unit,
  noun: claim.noun,
  qualifier: claim.qualifier,
})

function expectValidSpans(subject: Article, claims: readonly Claim[]) {
  for (const claim of claims) {
    expect(claim.span.start).toBeGreaterThanOrEqual(0)
    expect(claim.span.end).toBeGreaterThan(claim.span.start)
    expect(claim.span.end).toBeLessThanOrEqual(subject.original.length)
    if (subject.format === 'text') {
      expect(slice(subject, claim.span)).toBe(claim.text)
      expect(slice(subject, claim.sentence.span)).toBe(claim.sentence.text)
    } else {
      // Markup stays in the original: the claim's words are there in order, without it.
      for (const [text, span] of [
        [claim.text, claim.span],
        [claim.sentence.text, claim.sentence.span],
      ] as const) {
        expect(text).not.toMatch(/[<>]|\*\*|&amp;/)
        const words = text.split(/\s+/).filter(Boolean)
        let from = 0
        for (const word of words) {
          const at = slice(subject, span).indexOf(word.replace(/&/g, '&amp;'), from)
          const plain = slice(subject, span).indexOf(word, from)
          const found = Math.max(at, plain)
          expect(found, `${word} in ${slice(subject, span)}`).toBeGreaterThanOrEqual(0)
          from = found
        }
      }
    }
    expect(claim.sentence.span.start).toBeLessThanOrEqual(claim.span.start)
    expect(claim.sentence.span.end).toBeGreaterThanOrEqual(claim.span.end)
  }
}

describe('extractClaims: counts', () => {
  it('reads a compound adjective, a capacity and "holds up to" as one people count', () => {
    const claims = claimsOf(
      'The jail is a 40,000-bed facility. It has capacity for 40,000 prisoners. It holds up to 40,000 inmates.',
    )
    expect(claims.map(brief)).toEqual([
      {
        kind: 'count',
        text: '40,000-bed',
        value: 40000,
        unit: 'people',
        noun: 'bed',
        qualifier: null,
      },
      {
        kind: 'count',
        text: '40,000 prisoners',
        value: 40000,
        unit: 'people',
        noun: 'prisoners',
        qualifier: null,
      },
      {
        kind: 'count',
        text: 'up to 40,000 inmates',
        value: 40000,
        unit: 'people',
        noun: 'inmates',
        qualifier: 'up-to',
      },
    ])
  })

  it('reads spelled numbers, scales and vague amounts', () => {
    const claims = claimsOf(
      'She began a five-stop tour. The two countries signed a deal. Some 1.5 million people voted. Thousands of workers marched, and twenty-five soldiers were hurt.',
    )
    expect(claims.map(brief)).toEqual([
      { kind: 'count', text: 'five-stop', value: 5, unit: 'stop', noun: 'stop', qualifier: null },
      {
        kind: 'count',
        text: 'two countries',
        value: 2,
        unit: 'country',
        noun: 'countries',
        qualifier: null,
      },
      {
        kind: 'count',
        text: 'Some 1.5 million people',
        value: 1500000,
        unit: 'people',
        noun: 'people',
        qualifier: 'about',
      },
      {
        kind: 'count',
        text: 'Thousands of workers',
        value: 1000,
        unit: 'people',
        noun: 'workers',
        qualifier: 'more-than',
      },
      {
        kind: 'count',
        text: 'twenty-five soldiers',
        value: 25,
        unit: 'people',
        noun: 'soldiers',
        qualifier: null,
      },
    ])
  })

  it('converts measures to the base unit of their class', () => {
    const claims = claimsOf(
      'The fire burned 30 hectares within 4km of town, 12 miles from a 10-day camp for a 34-year-old ranger.',
    )
    expect(claims.map((c) => [c.value, c.unit, c.noun])).toEqual([
      [300000, 'm2', 'hectares'],
      [4000, 'm', 'km'],
      [19312.128, 'm', 'miles'],
      [864000, 's', 'day'],
      [34, 'age', 'year-old'],
    ])
  })

  it('normalizes every qualifier', () => {
    const claims = claimsOf(
      'About 10 people, nearly 20 people, up to 30 people, as many as 40 people, more than 50 people, over 60 people, at least 70 people, fewer than 80 people and under 90 people came.',
    )
    expect(claims.map((c) => [c.value, c.qualifier])).toEqual([
      [10, 'about'],
      [20, 'about'],
      [30, 'up-to'],
      [40, 'up-to'],
      [50, 'more-than'],
      [60, 'more-than'],
      [70, 'at-least'],
      [80, 'less-than'],
      [90, 'less-than'],
    ])
  })

  it('counts plural demonyms as people', () => {
    const [claim] = claimsOf('Police said 300 Ukrainians crossed the border.')
    expect(claim && brief(claim)).toEqual({
      kind: 'count',
      text: '300 Ukrainians',
      value: 300,
      unit: 'people',
      noun: 'Ukrainians',
      qualifier: null,
    })
  })
})

describe('extractClaims: money, percentages, years', () => {
  it('reads money in ISO currencies', () => {
    const claims = claimsOf(
      'The fee is $6 million, or €5bn, or £20m, or 6 million dollars, or 300 euros, or US$2.5 billion.',
    )
    expect(claims.map((c) => [c.kind, c.text, c.value, c.unit])).toEqual([
      ['money', '$6 million', 6000000, 'USD'],
      ['money', '€5bn', 5000000000, 'EUR'],
      ['money', '£20m', 20000000, 'GBP'],
      ['money', '6 million dollars', 6000000, 'USD'],
      ['money', '300 euros', 300, 'EUR'],
      ['money', 'US$2.5 billion', 2500000000, 'USD'],
    ])
  })

  it('reads percentages from 0 to 100 and percentage points', () => {
    const claims = claimsOf(
      'He won 84 percent of the vote; turnout was 61% and fell 3 percentage points.',
    )
    expect(claims.map((c) => [c.kind, c.value, c.unit, c.noun])).toEqual([
      ['percentage', 84, 'percent', 'vote'],
      ['percentage', 61, 'percent', null],
      ['percentage', 3, 'percentage-point', null],
    ])
  })

  it('reads years, alone or after a month, and keeps counts of people apart', () => {
    const claims = claimsOf(
      'The prison opened in 2023 and a report in November 2024 counted 2000 people.',
    )
    expect(claims.map((c) => [c.kind, c.text, c.value])).toEqual([
      ['year', '2023', 2023],
      ['year', 'November 2024', 2024],
      ['count', '2000 people', 2000],
    ])
  })
})

describe('extractClaims: what is not a claim', () => {
  it('leaves out numbers in names, ordinals, times, ratios and addresses', () => {
    const claims = claimsOf(
      'Members of MS-13 and the 18th Street gang were blamed for 9/11 and COVID-19 by Boeing 737 pilots at 10 Downing Street at 3 p.m., open 24/7, in the 1990s, said Apollo 11 crews, and Air Force One left at 10:30.',
    )
    expect(claims.filter((c) => c.kind !== 'place')).toEqual([])
  })

  it('leaves out fractions and ratios, and reads a year after a possessive name', () => {
    const claims = claimsOf(
      'About two-thirds of voters backed it, one in five opposed it, and Biden’s 2021 plan passed.',
    )
    expect(claims.map((c) => [c.kind, c.value])).toEqual([['year', 2021]])
  })

  it('leaves out list markers, ranks and a lone "one"', () => {
    const claims = claimsOf('1. No. 1 seed\n\nOne of them is the second one to go.')
    expect(claims).toEqual([])
  })

  it('reads words named like Object.prototype members as plain words', () => {
    const claims = extractClaims(
      article('The constructor said 5 constructor came. Five constructor came too.'),
    ).claims
    expect(claims.map(brief)).toEqual([
      {
        kind: 'count',
        text: '5 constructor',
        value: 5,
        unit: 'constructor',
        noun: 'constructor',
        qualifier: null,
      },
      {
        kind: 'count',
        text: 'Five constructor',
        value: 5,
        unit: 'constructor',
        noun: 'constructor',
        qualifier: null,
      },
    ])
    expect(claims[0]?.keywords).toEqual(['constructor'])
  })
})

describe('extractClaims: dates and days', () => {
  it('resolves "on Monday" against an article dated Tuesday 4 February 2025', () => {
    const claims = claimsOf('The offer came on Monday, a day after talks.', '2025-02-04')
    expect(claims.map(brief)).toEqual([
      {
        kind: 'day',
        text: 'on Monday',
        value: '2025-02-03',
        unit: null,
        noun: null,
        qualifier: null,
      },
    ])
  })

  it('resolves the same weekday, next and last, yesterday, and the future', () => {
    const claims = claimsOf(
      'He spoke on Tuesday and yesterday, met last Friday and will meet next Monday. On Thursday, she is set to visit.',
      '2025-02-04T09:30:00Z',
    )
    expect(claims.map((c) => [c.text, c.value])).toEqual([
      ['on Tuesday', '2025-02-04'],
      ['yesterday', '2025-02-03'],
      ['last Friday', '2025-01-31'],
      ['next Monday', '2025-02-10'],
      ['On Thursday', '2025-02-06'],
    ])
  })

  it('keeps the weekday name when the article has no date, and drops relative days', () => {
    const claims = claimsOf('He arrived on Monday and left yesterday.')
    expect(claims.map((c) => [c.kind, c.text, c.value])).toEqual([['day', 'on Monday', 'monday']])
  })

  it('reads absolute dates, a time of day left out', () => {
    const claims = claimsOf('They met on February 3, 2025 and again at 3 p.m. on 5 March 2025.')
    expect(claims.map((c) => [c.kind, c.text, c.value])).toEqual([
      ['date', 'February 3, 2025', '2025-02-03'],
      ['date', '5 March 2025', '2025-03-05'],
    ])
  })

  it('lends a yearless date the publication year, or reports it when there is none', () => {
    expect(claimsOf('They met on Feb. 3.', '2025-02-04').map((c) => c.value)).toEqual([
      '2025-02-03',
    ])
    const undated = extractClaims(article('They met on Feb. 3.'))
    expect(undated.claims).toEqual([])
    expect(undated.messages).toMatchObject([
      { code: 'date-unparsed', severity: 'info', span: { start: 12, end: 18 } },
    ])
  })

  it('reads no day in "Super Tuesday" or "Good Friday"', () => {
    expect(claimsOf('Super Tuesday came before Good Friday.', '2025-02-04')).toEqual([])
  })
})

describe('extractClaims: places and itineraries', () => {
  it('reads places after prepositions and travel words', () => {
    const claims = claimsOf(
      'During a visit to El Salvador, he spoke in San José, Costa Rica, and officials in Kyiv and Lviv agreed.',
    )
    expect(claims.map((c) => [c.kind, c.text, c.value])).toEqual([
      ['place', 'El Salvador', 'El Salvador'],
      ['place', 'San José, Costa Rica', 'San José, Costa Rica'],
      ['place', 'Kyiv', 'Kyiv'],
      ['place', 'Lviv', 'Lviv'],
    ])
  })

  it('reads a tour as an ordered itinerary', () => {
    const claims = claimsOf(
      'The minister began a four-nation tour of Chile, Peru, Bolivia, and the Argentine Republic.',
    )
    expect(claims.map((c) => [c.kind, c.value])).toEqual([
      ['count', 4],
      ['itinerary', 'Chile > Peru > Bolivia > Argentine Republic'],
    ])
  })

  it('reads no place in names used as modifiers, people, institutions or months', () => {
    const claims = claimsOf(
      'Inmates were sent to Salvadoran jails; it was said in Congress, in January, in the Trump administration and in Rubio’s remarks.',
    )
    expect(claims).toEqual([])
  })

  it('reads a dateline as the place a report was filed from', () => {
    const subject = article('PARIS, France — The talks ended.')
    const [claim] = extractClaims(subject).claims
    expect(claim && [claim.kind, claim.text, claim.value]).toEqual([
      'place',
      'PARIS, France',
      'Paris, France',
    ])
    const wire = extractClaims(article('WASHINGTON (AP) — The talks ended.')).claims
    expect(wire.map((c) => [c.text, c.value])).toEqual([['WASHINGTON', 'Washington']])
  })
})

describe('extractClaims: keywords, quotes and ids', () => {
  it('gives the sentence content words, singular and sorted', () => {
    const [claim] = claimsOf('The prisons hold 40,000 inmates in the country’s cells.')
    expect(claim?.keywords).toEqual(['cell', 'country', 'hold', 'inmate', 'prison'])
  })

  it('ties a claim inside a quote to the quote and its speaker', () => {
    const subject = article(
      '“We will send 500 troops,” the minister said. He met 20 people.',
      undefined,
      'q',
    )
    const { quotes } = extractQuotes(subject)
    const { claims } = extractClaims(subject, quotes)
    const quote = quotes[0] as Quote
    expect(claims.map((c) => [c.id, c.value, c.quote])).toEqual([
      ['q#c0', 500, quote.id],
      ['q#c1', 20, null],
    ])
    expect(claims[0]?.speaker).toEqual(quote.speaker)
  })

  it('maps spans through markup to the original', () => {
    const subject = normalizeArticle({
      content: '# Title\n\nThe jail holds **40,000** inmates &amp; more.',
      format: 'markdown',
      id: 'm',
    })
    const { claims } = extractClaims(subject)
    expect(claims.map((c) => c.value)).toEqual([40000])
    expectValidSpans(subject, claims)
  })

  it('gives the clean words of an HTML page, its markup left in the original', () => {
    const subject = normalizeArticle({
      content:
        '<html><body><article><h1>Jail</h1><p>The jail now holds <a href="https://example.org/x">40,000 inmates</a> and <em>more</em> are coming, officials said on Tuesday.</p></article></body></html>',
      format: 'html',
      id: 'h',
    })
    const { claims } = extractClaims(subject)
    const count = claims.find((c) => c.kind === 'count')
    expect(count?.text).toBe('40,000 inmates')
    expect(count?.sentence.text).toBe(
      'The jail now holds 40,000 inmates and more are coming, officials said on Tuesday.',
    )
    expect(slice(subject, count?.sentence.span ?? { start: 0, end: 0 })).toContain('<a href=')
    expectValidSpans(subject, claims)
  })

  it('throws a CorroborateError for a non-article or bad quotes', () => {
    for (const bad of [null, 'text', 42, {}, { id: 'x' }, []]) {
      expect(() => extractClaims(bad as unknown as Article)).toThrow(CorroborateError)
    }
    const subject = article('Ten people came.')
    expect(() => extractClaims(subject, 'q' as unknown as Quote[])).toThrow(CorroborateError)
    try {
      extractClaims(undefined as unknown as Article)
    } catch (error) {
      expect(isCorroborateError(error) && error.code).toBe('INVALID_ARGUMENT')
    }
  })
})

describe('extractClaims: actions', () => {
  const actions = (content: string) => {
    const subject = article(content)
    const { claims } = extractClaims(subject, extractQuotes(subject).quotes)
    expectValidSpans(subject, claims)
    return claims
      .filter((c) => c.kind === 'action')
      .map((c) => [c.text, c.value, c.noun, c.unit, c.qualifier])
  }

  it('reads a visit: the name without its title, the verb as a lemma, a named object whole', () => {
    expect(actions('Secretary of State Marco Rubio visited El Salvador on Monday.')).toEqual([
      [
        'Secretary of State Marco Rubio visited El Salvador',
        'Marco Rubio visit El Salvador',
        'El Salvador',
        null,
        null,
      ],
    ])
  })

  it('reads an offer to do something as its verb, and a signing after an opening phrase', () => {
    expect(
      actions('Salvadoran President Nayib Bukele offered to house convicted criminals.'),
    ).toEqual([
      [
        'Salvadoran President Nayib Bukele offered to house',
        'Nayib Bukele offer house',
        'house',
        null,
        null,
      ],
    ])
    expect(actions('Last month, President Donald Trump signed an executive order.')).toEqual([
      [
        'President Donald Trump signed an executive order',
        'Donald Trump sign order',
        'order',
        null,
        null,
      ],
    ])
    expect(actions('The governor said that Mayor Ana Ruiz has signed the budgets.')).toEqual([])
    expect(actions('Mayor Ana Ruiz has signed the budgets.')).toEqual([
      ['Mayor Ana Ruiz has signed the budgets', 'Ana Ruiz sign budget', 'budgets', null, null],
    ])
  })

  it('reads an organization as a subject, and its object through possessives and modifiers', () => {
    expect(
      actions(
        "Human Rights Watch criticized the country's overcrowded prisons in a report on Tuesday.",
      ),
    ).toEqual([
      [
        "Human Rights Watch criticized the country's overcrowded prisons",
        'Human Rights Watch criticize prison',
        'prisons',
        null,
        null,
      ],
    ])
  })

  it('reads no action in speech, pronoun or plain-noun subjects, passives, negations or quotes', () => {
    for (const sentence of [
      'Marco Rubio said the offer was generous.',
      'Rubio told reporters the offer was generous.',
      'He visited El Salvador on Monday.',
      'They signed the agreement in the capital.',
      'Officials signed the agreement in the capital.',
      'The agreement was signed by Marco Rubio.',
      'Marco Rubio did not sign the agreement.',
      'Marco Rubio will sign the agreement.',
      "Bukele's government signed the agreement.",
      '“Marco Rubio signed the agreement,” Bukele said.',
      'Marco Rubio has been to El Salvador.',
    ])
      expect(actions(sentence), sentence).toEqual([])
  })

  it('keeps an action in the order of the text, beside the other claims in its words', () => {
    const subject = article('Marco Rubio visited Panama on Monday.', '2025-02-04')
    const { claims } = extractClaims(subject)
    expect(claims.map((c) => [c.id, c.kind, c.text])).toEqual([
      ['a#c0', 'action', 'Marco Rubio visited Panama'],
      ['a#c1', 'place', 'Panama'],
      ['a#c2', 'day', 'on Monday'],
    ])
    expect(claims[0]?.keywords).toEqual(['marco', 'monday', 'panama', 'rubio', 'visited'])
  })
})

describe('extractClaims on the seeds', () => {
  const results = new Map(
    IDS.map((id) => {
      const subject = seed(id)
      return [id, extractClaims(subject, extractQuotes(subject).quotes)] as const
    }),
  )
  const claims = (id: SeedId) => results.get(id)?.claims ?? []
  const peopleCounts = (id: SeedId) =>
    claims(id)
      .filter((c) => c.kind === 'count' && c.unit === 'people' && c.value === 40000)
      .map((c) => [c.text, c.noun, c.qualifier])

  it('finds the prison capacity as 40,000 people in every seed that gives it', () => {
    expect(peopleCounts('000_319bfdf5a655c3df')).toEqual([['40,000-bed', 'bed', null]])
    expect(peopleCounts('001_b67738d60fcf9431')).toEqual([['40,000 prisoners', 'prisoners', null]])
    expect(peopleCounts('002_14d3067ffab1f62e')).toEqual([
      ['40,000 inmates', 'inmates', null],
      ['40,000 inmates', 'inmates', null],
    ])
    expect(peopleCounts('003_57a1effef5a16a55')).toEqual([])
    expect(peopleCounts('004_cbbd90037d08fd37')).toEqual([
      ['up to 40,000 inmates', 'inmates', 'up-to'],
    ])
  })

  it('finds the tour as an itinerary', () => {
    const tour = claims('000_319bfdf5a655c3df').filter(
      (c) => c.kind !== 'place' && c.kind !== 'day',
    )
    expect(tour.slice(0, 3).map((c) => [c.kind, c.text, c.value])).toEqual([
      [
        'action',
        'Secretary Rubio is presently conducting a five-stop Central American tour',
        'Rubio conduct tour',
      ],
      ['count', 'five-stop', 5],
      [
        'itinerary',
        'Panama, El Salvador, Costa Rica, Guatemala, and the Dominican Republic',
        'Panama > El Salvador > Costa Rica > Guatemala > Dominican Republic',
      ],
    ])
  })

  it('finds the days of the visit, resolved where the article is dated', () => {
    const days = (id: SeedId) =>
      claims(id)
        .filter((c) => c.kind === 'day')
        .map((c) => [c.text, c.value])
    expect(days('000_319bfdf5a655c3df')).toEqual([
      ['on Tuesday', 'tuesday'],
      ['on Monday', 'monday'],
      ['on Tuesday', 'tuesday'],
    ])
    expect(days('003_57a1effef5a16a55')).toEqual([['on Tuesday', '2025-02-04']])
    expect(days('004_cbbd90037d08fd37')).toEqual([['On Tuesday', 'tuesday']])
  })

  it('finds the places of the visit and the year the prison opened', () => {
    const values = (id: SeedId, kind: Claim['kind']) =>
      claims(id)
        .filter((c) => c.kind === kind)
        .map((c) => c.value)
    expect(values('000_319bfdf5a655c3df', 'place')).toContain('San José, Costa Rica')
    expect(values('000_319bfdf5a655c3df', 'place')).toContain('El Salvador')
    expect(values('001_b67738d60fcf9431', 'place')).toEqual([
      'San Salvador, El Salvador',
      'El Salvador',
    ])
    expect(values('004_cbbd90037d08fd37', 'place')).toEqual(['Panama', 'Costa Rica', 'Guatemala'])
    for (const id of [
      '000_319bfdf5a655c3df',
      '001_b67738d60fcf9431',
      '002_14d3067ffab1f62e',
    ] as const)
      expect(values(id, 'year')).toContain(2023)
    expect(values('004_cbbd90037d08fd37', 'percentage')).toEqual([84])
  })

  it('reads no numbers from "MS-13" or "18th Street"', () => {
    for (const id of IDS) {
      for (const claim of claims(id)) expect(claim.text).not.toMatch(/MS-13|18th|Salvatrucha/)
    }
  })

  it('ties claims in quotes to their speakers', () => {
    const inQuote = claims('001_b67738d60fcf9431').filter((c) => c.quote !== null)
    expect(inQuote.map((c) => [c.text, c.speaker?.name])).toEqual([
      ['two countries', 'Tammy Bruce'],
    ])
  })

  it('keeps every span true to the original, ids in order, output deterministic', () => {
    for (const id of IDS) {
      const subject = seed(id)
      const result = results.get(id)
      expect(result).toBeDefined()
      if (!result) continue
      expectValidSpans(subject, result.claims)
      expect(result.claims.map((c) => c.id)).toEqual(result.claims.map((_, n) => `${id}#c${n}`))
      const starts = result.claims.map((c) => c.span.start)
      expect(starts).toEqual([...starts].sort((a, b) => a - b))
      expect(extractClaims(subject, extractQuotes(subject).quotes)).toEqual(result)
      expect(JSON.parse(JSON.stringify(result))).toEqual(result)
    }
  })
})

describe('extractClaims on arbitrary text', () => {
  const newsy = fc.array(
    fc.constantFrom(
      'about',
      'up to',
      '40,000',
      '$6',
      'million',
      '%',
      'percent',
      'in',
      'to',
      'Panama',
      'El Salvador',
      ',',
      'and',
      'the',
      'on Monday',
      'Feb.',
      '3',
      '-',
      'bed',
      'inmates',
      'tour of',
      'MS-13',
      '9/11',
      '“',
      '”',
      '.',
      '\n\n',
      '’s',
      'five',
      'twenty',
      'thousands of',
    ),
    { maxLength: 40 },
  )

  it('never throws and keeps spans valid', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 300 }),
          fc.string({ unit: 'grapheme', maxLength: 200 }),
          newsy.map((w) => w.join(' ')),
        ),
        fc.option(fc.constantFrom('2025-02-04', '2025-02-04T23:59:00-05:00', 'not a date')),
        (content, published) => {
          const subject = normalizeArticle(
            published === null ? { content } : { content, metadata: { published } },
          )
          const result = extractClaims(subject, extractQuotes(subject).quotes)
          expectValidSpans(subject, result.claims)
          for (const claim of result.claims) {
            if (claim.kind === 'percentage') expect(typeof claim.value).toBe('number')
            if (claim.kind === 'date') expect(claim.value).toMatch(/^\d{4}-\d{2}-\d{2}$/)
          }
        },
      ),
      { numRuns: 300 },
    )
  })
})

describe('readNounPhrase: the head of a noun phrase', () => {
  const head = (text: string, after: 'verb' | 'number') => {
    const phrase = readNounPhrase(text, tokenize(text), 0, after as 'number')
    return phrase === null || phrase === 'name' ? phrase : phrase.written
  }
  it.each([
    ['Bukele offer to house inmates', 'verb', 'offer'],
    ['El Salvador on Monday', 'verb', 'El Salvador'],
    ['President Barack Obama', 'verb', 'Barack Obama'],
    ['anti-crime law', 'verb', 'law'],
    ['disparaging remarks Trump made', 'verb', 'remarks'],
    ['accelerating the deportations', 'verb', null],
    ['of the nation’s most dangerous criminals', 'number', 'criminals'],
    ['gang-affiliated members were', 'number', 'members'],
    ['km away from', 'number', 'km'],
    ['children’s toys', 'number', 'children'],
    ['Venezuelans were', 'number', 'Venezuelans'],
    ['Downing Street', 'number', 'name'],
    ['remaining', 'number', null],
  ] as const)('%s (after a %s): %s', (text, after, expected) => {
    expect(head(text, after)).toEqual(expected)
  })
})

describe('tokenize', () => {
  // The grammar tokenize reads by hand, as the pattern it stands for.
  const TOKEN = /([\p{L}\p{M}]+(?:[.'’][\p{L}\p{M}]+)*)|(\d+(?:[.,]\d+)*)|(\S)/gu
  const byPattern = (text: string) =>
    [...text.matchAll(TOKEN)].map((m) => ({
      text: m[0],
      lower: m[0].toLowerCase(),
      start: m.index,
      end: m.index + m[0].length,
      type: m[1] !== undefined ? 'word' : m[2] !== undefined ? 'number' : 'mark',
    }))

  it('reads words with inner dots and apostrophes, digit runs and marks', () => {
    expect(tokenize('U.S. jails’ 40,000-bed Σ.Ω 😀 x').map((t) => [t.text, t.type])).toEqual([
      ['U.S', 'word'],
      ['.', 'mark'],
      ['jails', 'word'],
      ['’', 'mark'],
      ['40,000', 'number'],
      ['-', 'mark'],
      ['bed', 'word'],
      ['Σ.Ω', 'word'],
      ['😀', 'mark'],
      ['x', 'word'],
    ])
  })

  it('reads any text as the pattern does', () => {
    // One character each: letters, a combining accent, marks, digits, spaces of three kinds, a
    // byte-order mark, an emoji, a lone surrogate, a Roman numeral and a dotted capital I.
    const pieces = fc.constantFrom(...Array.from("aZé\u0301.'’,7 \u00a0\u2028\ufeff😀\ud800Ⅻİ-"))
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 60 }),
          fc.array(pieces, { maxLength: 30 }).map((p) => p.join('')),
        ),
        (text) => {
          expect(tokenize(text)).toEqual(byPattern(text))
        },
      ),
      { numRuns: 500 },
    )
  })
})

describe('measureOf: what a claim is the value of', () => {
  const measures = (content: string) =>
    extractClaims(
      normalizeArticle({ id: 'm', content, metadata: { published: '2025-02-04' } }),
    ).claims.map((claim) => [claim.text, measureOf(claim)])

  it('reads what a count counts from its predicate, scope and words of total or change', () => {
    expect(measures('At least 89 people were killed at the Bataclan concert hall.')).toMatchObject([
      ['At least 89 people', { what: 'dead', scope: ['bataclan'], total: false }],
    ])
    expect(measures('In all, 129 people were killed.')).toMatchObject([
      ['129 people', { what: 'dead', scope: [], total: true }],
    ])
    expect(measures('The death toll has risen to 130.')).toMatchObject([
      ['130', { what: 'dead', total: true, update: true }],
    ])
    expect(measures('Another 99 people were in critical condition.')).toMatchObject([
      ['99 people', { what: 'critical' }],
    ])
    expect(measures('The prison can house 40,000 inmates.')).toMatchObject([
      ['40,000 inmates', { what: 'capacity' }],
    ])
  })

  it('gives no measure to a count that says not of what', () => {
    expect(measures('The new laptop has a 16-inch screen.').map(([, m]) => m)).toEqual([null])
  })

  it('reads the event of a day and whose it is', () => {
    expect(
      measures(
        'During his visit on Monday, President Nayib Bukele said that his country would be willing to take the prisoners.',
      ),
    ).toMatchObject([
      ['on Monday', { what: 'event', events: ['offer'], nouns: ['visit'], actor: 'bukele' }],
    ])
    expect(measures('The offer came in meetings on Tuesday.')).toMatchObject([
      ['on Tuesday', { events: ['offer'], nouns: ['meet'], actor: null }],
    ])
    expect(
      measures('Senator Ann Vale said on Tuesday that the plan would be studied.'),
    ).toMatchObject([['on Tuesday', null]])
  })

  it('writes one place one way: U.S., US, America and the United States', () => {
    expect(['U.S.', 'US', 'the United States', 'America', 'USA'].map(canonicalPlace)).toEqual(
      Array(5).fill('united states'),
    )
    expect(['UK', 'U.K.', 'Britain'].map(canonicalPlace)).toEqual(Array(3).fill('united kingdom'))
    expect(canonicalPlace('Central America')).toBe('central america')
  })
})
