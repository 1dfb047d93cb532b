import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { extractQuotes, normalizeArticle } from '../src/index.js'
import type { Speaker } from '../src/types.js'
import { expectSlicesBack } from './helpers.js'

// Each case is an article, test/fixtures/quotes/<case>.txt, and what the extraction should give
// for it, <case>.json: its quotes (speaker, mention and cue as their text), its speakers and the
// codes of its messages. `pnpm --filter @corroborate/core fixtures:update` rewrites every .json
// but those of known failures from what the code gives today: read the diff before committing.
const FIXTURES = new URL('./fixtures/quotes/', import.meta.url)
const UPDATE = process.env.UPDATE_QUOTE_FIXTURES === '1'

interface Outcome {
  quotes: Array<{
    text: string
    kind: string
    paragraph: number
    speaker: string | null
    mention: string | null
    cue: string | null
    channel: string | null
    rule: string | null
    continues: string | null
  }>
  speakers: Speaker[]
  messages: string[]
}

interface Expected extends Outcome {
  title: string
  /** Why the code does not give this yet: the case runs as `it.fails`, and an update leaves it. */
  knownFailure?: string
}

function extract(content: string) {
  const article = normalizeArticle({ content, id: 'a' })
  const result = extractQuotes(article)
  expectSlicesBack({ article, quotes: result.quotes })
  const outcome: Outcome = {
    quotes: result.quotes.map((q) => ({
      text: q.text,
      kind: q.kind,
      paragraph: q.paragraph,
      speaker: q.speaker?.name ?? null,
      mention: q.mention?.text ?? null,
      cue: q.cue?.text ?? null,
      channel: q.channel,
      rule: q.rule,
      continues: q.continues,
    })),
    speakers: result.speakers,
    messages: result.messages.map((m) => m.code),
  }
  return outcome
}

const cases = readdirSync(FIXTURES)
  .filter((file) => file.endsWith('.txt'))
  .map((file) => file.slice(0, -'.txt'.length))
  .sort()

describe('quotes: fixture articles', () => {
  it('finds the articles', () => expect(cases.length).toBeGreaterThan(30))

  for (const name of cases) {
    const json = new URL(`${name}.json`, FIXTURES)
    // A new article without its .json fails until an update writes one to review.
    const expected: Expected = existsSync(json)
      ? JSON.parse(readFileSync(json, 'utf8'))
      : { title: 'new case: give it a title', quotes: [], speakers: [], messages: [] }
    const { title, knownFailure, ...outcome } = expected
    ;(knownFailure ? it.fails : it)(`${name}: ${title}`, () => {
      const actual = extract(readFileSync(new URL(`${name}.txt`, FIXTURES), 'utf8'))
      if (UPDATE && !knownFailure) writeFileSync(json, `${JSON.stringify({ title, ...actual })}\n`)
      else expect(actual).toEqual(outcome)
    })
  }
})
