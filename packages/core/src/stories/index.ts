export {
  type ArticleProfile,
  dayNumber,
  MAX_TERMS,
  profileArticle,
  QUOTE_SHINGLE,
} from './article-profile.js'
export { type PackedProfile, packProfile, unpackProfile } from './packed-profile.js'
export {
  createStoryIndex,
  groupStories,
  restoreStoryIndex,
  restoreStoryIndexInSteps,
  type StoryAssignment,
  type StoryIndex,
  type StoryIndexOptions,
} from './story-index.js'
