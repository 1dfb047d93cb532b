import type { Story } from '../types.js'
import type { Doc, StoryIndexState, StoryState } from './story-state.js'
import { similarity } from './term-cosine.js'

const ISO = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10)

/** The names most of the lists hold (each list counted once a name), then by first list. */
function mostNamed(lists: readonly (readonly string[])[], max: number): string[] {
  const counts = new Map<string, { n: number; first: number }>()
  lists.forEach((list, i) => {
    for (const name of new Set(list)) {
      const seen = counts.get(name)
      if (seen) seen.n++
      else counts.set(name, { n: 1, first: i })
    }
  })
  return [...counts]
    .sort((a, b) => b[1].n - a[1].n || a[1].first - b[1].first)
    .slice(0, max)
    .map(([name]) => name)
}

/** A story as `StoryIndex.stories` gives it: plain data, its members copied. */
export function describeStory(state: StoryIndexState, story: StoryState): Story {
  const members = story.docs.map((d) => state.docs[d] as Doc)
  // The label: the headline (or lead) of the member nearest the story's centre.
  let label = members[0]?.profile.label ?? ''
  if (members.length > 2) {
    let best = -1
    for (const doc of members) {
      const score = similarity(state, doc, story) + (doc.profile.label ? 0 : -1)
      if (score > best) {
        best = score
        label = doc.profile.label
      }
    }
  }
  const outlets: string[] = []
  for (const doc of members)
    if (doc.profile.outlet && !outlets.includes(doc.profile.outlet))
      outlets.push(doc.profile.outlet)
  return {
    id: story.id,
    label,
    articles: members.map((doc) => doc.profile.article),
    outlets,
    dates: {
      first: story.first === null ? null : ISO(story.first),
      last: story.last === null ? null : ISO(story.last),
    },
    people: mostNamed(
      members.map((doc) => doc.profile.people),
      8,
    ),
    places: mostNamed(
      members.map((doc) => doc.profile.places),
      8,
    ),
    members: story.members.map((member) => ({ ...member, sharedTerms: [...member.sharedTerms] })),
  }
}
