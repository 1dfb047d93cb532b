import type { StoryMember } from '../types.js'
import type { ArticleProfile } from './article-profile.js'
import { chooseStory } from './choose-story.js'
import { gatherCandidates } from './gather-candidates.js'
import { joinStory, startStory } from './join-story.js'
import { firstMember, joiningMember, newStoryId } from './story-member.js'
import type { Doc, ShingleKey, StoryIndexState, StoryState } from './story-state.js'

/**
 * Finds the story of an entered document (the query, loaded) and joins it, or starts
 * one: gather the candidate stories, choose the most similar that fits, say why.
 */
export function assignArticle(
  state: StoryIndexState,
  doc: Doc,
  profile: ArticleProfile,
  keys: readonly ShingleKey[],
): { story: StoryState; member: StoryMember } {
  const candidates = gatherCandidates(state, doc, keys)
  const chosen = chooseStory(state, doc, profile, candidates)
  const { isQuoted } = state.byStory
  for (const story of candidates.quoted) isQuoted[story] = 0
  if (chosen.story < 0) {
    const story = startStory(state, newStoryId(state, profile.article))
    const member = firstMember(profile)
    return { story: joinStory(state, doc, story, member, keys), member }
  }
  const member = joiningMember(state, doc, profile, chosen)
  return { story: joinStory(state, doc, chosen.story, member, keys), member }
}
