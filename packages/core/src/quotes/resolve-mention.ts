import type { Article, QuoteKind, Speaker } from '../types.js'
import { type AntecedentModel, chooseAntecedent } from './choose-antecedent.js'
import type { NamedEntity, NameRegistry } from './name-registry.js'
import { isGrammarWord } from './proper-name.js'
import { speakerId } from './speaker-id.js'
import type { Attribution } from './working.js'

// What a mention of someone not named before opens with: "a", "an", "another", "one".
const INDEFINITE_LEAD = /^(?:a|an|another|one)\s/i

export interface Resolved {
  id: string
  name: string
  kind: Speaker['kind']
  aliases: string[]
  roles: string[]
}

export function fromEntity(entity: NamedEntity, alias: string): Resolved {
  // Pronouns and role nouns ("he", "the president") are how the text refers, not names.
  // Nor is a mention that opens with a word of grammar ("What do you think of Carson", "In a … interview Trump").
  if (/^\p{Lu}/u.test(alias) && !isGrammarWord(alias.split(/\s/)[0] as string))
    entity.aliases.add(alias)
  return {
    id: speakerId(entity.name),
    name: entity.name,
    kind: entity.kind,
    aliases: [...entity.aliases],
    roles: [...entity.roles],
  }
}

/**
 * The person, body or writing a mention names: a pronoun the entity it refers
 * to, a role or title the named person holding it, a name its fullest form.
 * `model` is the speaker model that may pick a pronoun's antecedent.
 */
export function resolve(
  attribution: Attribution,
  quote: { span: { start: number; end: number }; kind: QuoteKind },
  registry: NameRegistry,
  author: Article['author'],
  model: AntecedentModel,
): Resolved | null {
  const { mention, mentionAt: at } = attribution
  const { span: slotQuote, kind: quoteKind } = quote
  // "I said" in the writer's own sentence is the writer: the byline when there is one.
  if (mention.form === 'pronoun' && mention.name === 'i') {
    if (!author) return null
    return {
      id: speakerId(author.value),
      name: author.value,
      kind: 'person',
      aliases: [author.value],
      roles: ['author'],
    }
  }
  if (mention.form === 'pronoun') {
    const kind =
      mention.name === 'it'
        ? 'organization'
        : mention.name === 'they' || mention.name === 'we'
          ? null
          : 'person'
    const entity = chooseAntecedent(
      { mention, at, rule: attribution.rule, quote: slotQuote, quoteKind },
      registry,
      registry.antecedent(at, mention.gender, kind),
      model,
    )
    if (!entity) return null
    // "she said" of someone whose gender the text had not shown settles it.
    if (entity.kind === 'person' && entity.gender === null) entity.gender = mention.gender
    registry.spoke(entity, at)
    return fromEntity(entity, mention.text)
  }
  if (mention.form === 'nominal') {
    // "a Texas Democrat", "another aide": an indefinite introduces someone not named before.
    const entity = INDEFINITE_LEAD.test(mention.text)
      ? undefined
      : registry.byRole(mention.text, at)
    if (entity) {
      // "the former president said": the named person spoke, and a "he" after may be them.
      registry.spoke(entity, at)
      return fromEntity(entity, mention.text)
    }
    return {
      id: speakerId(mention.name),
      name: mention.name,
      kind: mention.kind,
      aliases: [mention.text],
      roles: [],
    }
  }
  const entity = registry.note(mention, at)
  if (!registry.minorAt(entity, at, at + mention.text.length)) registry.spoke(entity, at)
  return fromEntity(entity, mention.text)
}
