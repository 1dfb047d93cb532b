import type { StoryMember } from '../types.js'
import type { ArticleProfile } from './article-profile.js'
import { type ChosenStory, chooseStory, fitsDates } from './choose-story.js'
import { type Candidates, gatherCandidates } from './gather-candidates.js'
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
  const chosen: ChosenStory = reportsManyEvents(state, profile, candidates)
    ? { story: -1, score: 0, quote: null }
    : chooseStory(state, doc, profile, candidates)
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

/**
 * Stories within its dates that carry one of an article's long quotes, past which it reports
 * many events (a roundup, a digest, pages run together) rather than one: it joins none of
 * them, or the first it came near would take every roundup after it, each adding its many
 * events' terms to that story's. An article of one event shares long quotes with its own
 * story and a few others: at most 3 in the haystack's real articles (982 read), at most 9 among
 * 10,000 retold reports that each append a paragraph of another story with p = 0.15; pages of
 * 150-400 retold reports run together share them with 15-189.
 */
const MANY_EVENTS = 10

function reportsManyEvents(
  state: StoryIndexState,
  profile: ArticleProfile,
  candidates: Candidates,
): boolean {
  if (candidates.quoted.length <= MANY_EVENTS) return false
  let near = 0
  for (const s of candidates.quoted)
    if (fitsDates(state, state.stories[s] as StoryState, profile.day) && ++near > MANY_EVENTS)
      return true
  return false
}
