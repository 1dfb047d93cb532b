import type { SpeakerKind } from '../types.js'
import { parseSpeakerMention, type SpeakerMention } from './speaker-mention.js'

/** One person or organization as an article names them, every form gathered. */
export interface NamedEntity {
  key: string
  name: string
  kind: SpeakerKind
  aliases: Set<string>
  roles: Set<string>
  gender: 'male' | 'female' | null
  /** Clean-text offsets where the article names them, in order. */
  positions: number[]
}

const TOKEN = /\S+/g
const CAPITALIZED = /^(?:\p{Lu}|Mc|O['’])/u
const STOP_AT_SENTENCE_START =
  /^(?:The|A|An|But|And|Or|So|Yet|It|In|On|At|For|If|As|When|While|After|Before|Since|During|This|That|These|Those|There|Here|He|She|They|We|I|You|His|Her|Their|Our|Its|What|Who|Why|How|Where|Then|Now|Still|Also|Last|Next|Some|Many|Most|All|Both|Each|Every|No|Not|One|Two|However|Meanwhile|Regarding|According|Under|Over|With|Without|By|From|To|Of|Despite|Although|Though|Because|Until|Unless|Once|Even|Only|Just|Such|Like|More|Less|Other|Another|Later|Earlier|Today|Yesterday|Tomorrow|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Mr|Mrs|Ms)$/

/**
 * Every name of a person or organization that the article writes as two or
 * more capitalized words, with the lower-case role words before it
 * ("spokeswoman Tammy Bruce"): the people a surname or pronoun can refer to.
 */
export function collectNames(text: string): NamedEntity[] {
  const entities = new Map<string, NamedEntity>()
  const tokens: Array<{ word: string; at: number }> = []
  TOKEN.lastIndex = 0
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) tokens.push({ word: m[0], at: m.index })
  let i = 0
  while (i < tokens.length) {
    const first = tokens[i] as { word: string; at: number }
    if (!CAPITALIZED.test(first.word)) {
      i++
      continue
    }
    let j = i
    const run: string[] = []
    while (j < tokens.length) {
      const word = (tokens[j] as { word: string }).word
      const bare = word.replace(/[,;:!?)"“”’]+$/, '').replace(/^[("“‘]+/, '')
      const isName =
        CAPITALIZED.test(bare) ||
        (run.length > 0 && /^(?:of|de|van|von|bin|al|da|del|la|le|for|and)$/.test(bare))
      if (!isName) break
      run.push(bare)
      j++
      if (bare !== word.replace(/^[("“‘]+/, '')) break
    }
    while (
      run.length > 0 &&
      /^(?:of|de|van|von|bin|al|da|del|la|le|for|and)$/.test(run[run.length - 1] as string)
    )
      run.pop()
    if (run.length >= 2 && STOP_AT_SENTENCE_START.test(run[0]?.replace(/\.$/, '') ?? ''))
      run.shift()
    if (run.length >= 2) {
      // Lower-case role words just before the name belong to it: "spokeswoman Tammy Bruce".
      const lead: string[] = []
      for (let k = i - 1; k >= 0 && lead.length < 3; k--) {
        const word = (tokens[k] as { word: string }).word
        if (!/^\p{Ll}[\p{L}-]*$/u.test(word)) break
        lead.unshift(word)
      }
      const mention =
        parseSpeakerMention([...lead, ...run].join(' ')) ?? parseSpeakerMention(run.join(' '))
      if (
        mention &&
        mention.form === 'name' &&
        (mention.kind === 'organization' || mention.name.includes(' '))
      ) {
        add(entities, mention, first.at)
      }
    }
    i = Math.max(j, i + 1)
  }
  return [...entities.values()]
}

function add(entities: Map<string, NamedEntity>, mention: SpeakerMention, at: number): NamedEntity {
  const existing = entities.get(mention.key)
  if (existing) {
    if (mention.name.length > existing.name.length && existing.kind === mention.kind)
      existing.name = mention.name
    existing.aliases.add(mention.name)
    for (const role of mention.roles) existing.roles.add(role)
    existing.gender ??= mention.gender
    existing.positions.push(at)
    return existing
  }
  const entity: NamedEntity = {
    key: mention.key,
    name: mention.name,
    kind: mention.kind,
    aliases: new Set([mention.name]),
    roles: new Set(mention.roles),
    gender: mention.gender,
    positions: [at],
  }
  entities.set(mention.key, entity)
  return entity
}

/** The article's register of names, which quote attribution reads and extends. */
export class NameRegistry {
  private readonly byKey = new Map<string, NamedEntity>()

  constructor(entities: NamedEntity[]) {
    for (const entity of entities) this.byKey.set(entity.key, entity)
  }

  get(key: string): NamedEntity | undefined {
    return this.byKey.get(key)
  }

  /** Records a mention and returns the entity it names (a surname finds the full name). */
  note(mention: SpeakerMention, at: number): NamedEntity {
    return add(this.byKey, mention, at)
  }

  /** The entity whose roles hold all the words of a nominal such as "the Salvadoran president", when exactly one does. */
  byRole(nominal: string): NamedEntity | undefined {
    const words = nominal
      .toLowerCase()
      .replace(/^(?:the|a|an)\s+/, '')
      .split(/\s+/)
      .filter((w) => w.length > 2)
    if (words.length === 0 || words.length > 3) return undefined
    const matches = [...this.byKey.values()].filter((entity) => {
      const roles = [...entity.roles, ...entity.aliases].join(' ').toLowerCase()
      return words.every((w) => roles.includes(w.replace(/s$/, '')))
    })
    return matches.length === 1 ? matches[0] : undefined
  }

  /** The last person or organization named before `at` that fits the pronoun. */
  antecedent(
    at: number,
    gender: 'male' | 'female' | null,
    kind: 'person' | 'organization' | null,
  ): NamedEntity | undefined {
    let best: NamedEntity | undefined
    let bestAt = -1
    for (const entity of this.byKey.values()) {
      if (kind && entity.kind !== kind) continue
      if (gender && entity.gender && entity.gender !== gender) continue
      let last = -1
      for (const p of entity.positions) if (p < at && p > last) last = p
      if (last > bestAt) {
        best = entity
        bestAt = last
      }
    }
    return best
  }

  all(): NamedEntity[] {
    return [...this.byKey.values()]
  }
}
