export { type ArticleLabelOptions, articleLabel } from './article-label.js'
export { type NormalizeArticleOptions, normalizeArticle } from './normalize-article.js'
export { splitSentences } from './split-sentences.js'
