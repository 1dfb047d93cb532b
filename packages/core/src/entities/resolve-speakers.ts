import type { QuoteExtraction } from '../quotes/extract-quotes.js'
import { speakerId } from '../quotes/speaker-id.js'
import type { Quote, Speaker } from '../types.js'

/** Speakers merged across a corpus, and every quote pointing at its merged speaker. */
export interface ResolvedSpeakers {
  /** Sorted by id. */
  speakers: Speaker[]
  /** The quotes of all extractions, in their order, speakers rewritten. */
  quotes: Quote[]
}

const words = (name: string) => name.split(/\s+/).filter(Boolean)
const surnameOf = (name: string) => (words(name).at(-1) ?? '').toLowerCase()
const firstNameOf = (name: string) =>
  words(name).length > 1 ? (words(name)[0] ?? '').toLowerCase() : null

interface Group {
  kind: Speaker['kind']
  names: Map<string, number>
  aliases: Set<string>
  roles: Set<string>
  members: Array<{ article: string; id: string }>
}

function addTo(group: Group, speaker: Speaker, article: string): void {
  group.names.set(speaker.name, (group.names.get(speaker.name) ?? 0) + 1)
  for (const alias of speaker.aliases) group.aliases.add(alias)
  for (const role of speaker.roles) group.roles.add(role)
  group.members.push({ article, id: speaker.id })
}

function newGroup(kind: Speaker['kind']): Group {
  return { kind, names: new Map(), aliases: new Set(), roles: new Set(), members: [] }
}

/** The fullest name of a group: the longest, the most frequent among equals, then alphabetical. */
function canonicalName(group: Group): string {
  return [...group.names.entries()].sort(
    (a, b) => b[0].length - a[0].length || b[1] - a[1] || a[0].localeCompare(b[0]),
  )[0]?.[0] as string
}

/**
 * Merges the speakers of several articles into one canonical speaker each:
 * people by surname, kept apart when their first names differ ("Rakeyia
 * Scott", "Keith Scott"), a bare surname joining the one full name that
 * carries it; organizations by name, "the" aside; unnamed speakers ("a
 * source") stay per article. One outlet's "Bruce" is then another's "State
 * Department spokeswoman Tammy Bruce", with all aliases and roles gathered.
 * Pure: the same extractions always give the same ids.
 */
export function resolveSpeakers(extractions: readonly QuoteExtraction[]): ResolvedSpeakers {
  const entries = extractions.flatMap((extraction) => {
    const article = extraction.quotes[0]?.article ?? ''
    return extraction.speakers.map((speaker) => ({ speaker, article }))
  })
  // Full names first, so that bare surnames find the group they belong to.
  entries.sort((a, b) => words(b.speaker.name).length - words(a.speaker.name).length)

  const people = new Map<string, Group[]>()
  const organizations = new Map<string, Group>()
  const unnamed = new Map<string, Group>()
  for (const { speaker, article } of entries) {
    if (speaker.kind === 'organization') {
      const key = speaker.name.toLowerCase().replace(/^the\s+/, '')
      const group = organizations.get(key) ?? newGroup('organization')
      organizations.set(key, group)
      addTo(group, speaker, article)
      continue
    }
    if (speaker.kind !== 'person') {
      const key = `${article}\u0000${speaker.id}`
      const group = unnamed.get(key) ?? newGroup(speaker.kind)
      unnamed.set(key, group)
      addTo(group, speaker, article)
      continue
    }
    const surname = surnameOf(speaker.name)
    const first = firstNameOf(speaker.name)
    const groups = people.get(surname) ?? []
    people.set(surname, groups)
    let group = groups.find((g) => {
      const firsts = new Set([...g.names.keys()].map(firstNameOf).filter((f) => f !== null))
      return first === null ? firsts.size <= 1 : firsts.size === 0 || firsts.has(first)
    })
    if (!group) {
      group = newGroup('person')
      groups.push(group)
    }
    addTo(group, speaker, article)
  }

  const rename = new Map<string, { id: string; name: string }>()
  const speakers: Speaker[] = []
  const allGroups = [...[...people.values()].flat(), ...organizations.values(), ...unnamed.values()]
  const taken = new Map<string, number>()
  for (const group of allGroups) {
    const name = canonicalName(group)
    let id = speakerId(name) || 'speaker'
    const seen = taken.get(id) ?? 0
    taken.set(id, seen + 1)
    if (seen > 0) id = `${id}-${seen + 1}`
    for (const member of group.members)
      rename.set(`${member.article}\u0000${member.id}`, { id, name })
    speakers.push({
      id,
      name,
      kind: group.kind,
      aliases: [...new Set([...group.aliases, ...group.names.keys()])].sort(),
      roles: [...group.roles].sort(),
    })
  }
  speakers.sort((a, b) => a.id.localeCompare(b.id))
  const quotes = extractions.flatMap((extraction) =>
    extraction.quotes.map((quote) => {
      if (!quote.speaker) return quote
      const renamed = rename.get(`${quote.article}\u0000${quote.speaker.id}`)
      return renamed ? { ...quote, speaker: renamed } : quote
    }),
  )
  return { speakers, quotes }
}
