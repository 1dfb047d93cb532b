#!/usr/bin/env node
/*
 * Where crossReference's time goes, stage by stage, in CPU time (user + system,
 * so that work of other processes on a shared machine counts less than in wall
 * time): the same steps crossReference takes, called one by one on the
 * retold corpus of the cross-referencing benchmark (seeds and quotes-dev, 10,000
 * articles by default).
 *
 *   node bench/crossref-stages.bench.mjs [SIZE]
 *   node bench/crossref-stages.bench.mjs 10000 --core /path/to/other/build/dist/index.js
 *
 * `--core` times another build of the core (an earlier commit's `dist/`): a build
 * without stories (before `analyzeArticle`) is timed as its crossReference ran,
 * quotes, claims, then clusters, slots and disputes over the whole corpus.
 */
import { retoldCorpus, sourceStories } from './retold-corpus.mjs'

const at = process.argv.indexOf('--core')
const corePath = at > 0 ? process.argv[at + 1] : '../dist/index.js'
const core = await import(
  corePath.startsWith('/') ? corePath : new URL(corePath, import.meta.url).href
)
// What crossReference reads once per call of the sentences many articles carry (claims and
// profile terms), from the build's own modules when it has them.
const internal = async (path) => {
  try {
    return await import(new URL(path, new URL(corePath, import.meta.url)).href)
  } catch {
    return {}
  }
}
const { analyzeArticleReading } = await internal('crossref/analyze-article.js')
const { profileArticleReading, createTermMemo } = await internal('stories/article-profile.js')
const size = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 10000)
const { stories } = await sourceStories({ sets: ['quotes-dev'] })
const articles = retoldCorpus(stories, size).map((s) => core.normalizeArticle(s))

const cpu = () => {
  const c = process.cpuUsage()
  return (c.user + c.system) / 1000
}
const times = {}
let last = cpu()
const mark = (stage) => {
  const now = cpu()
  times[stage] = (times[stage] ?? 0) + now - last
  last = now
}
const group = (quotes) => {
  const by = new Map()
  for (const q of quotes) {
    const list = by.get(q.article)
    if (list) list.push(q)
    else by.set(q.article, [q])
  }
  return by
}
const start = cpu()
if (!core.analyzeArticle) {
  const extractions = articles.map((a) => core.extractQuotes(a))
  mark('quotes and claims')
  const { speakers, quotes } = core.resolveSpeakers(extractions)
  mark('speakers merged')
  const by = group(quotes)
  const claims = articles.flatMap((a) => core.extractClaims(a, by.get(a.id) ?? []).claims)
  mark('quotes and claims')
  const clusters = core.clusterQuotes(quotes)
  mark('clusters')
  const slots = core.alignClaims(claims)
  mark('slots')
  core.findDisputes({ articles, speakers, quotes, clusters, claims, slots })
  mark('disputes')
} else {
  const sentences = new Map()
  const analyses = articles.map((a) =>
    analyzeArticleReading ? analyzeArticleReading(a, sentences) : core.analyzeArticle(a),
  )
  mark('quotes and claims')
  const { speakers, quotes } = core.resolveSpeakers(analyses.map((a) => a.quotes))
  mark('speakers merged')
  const by = group(quotes)
  const claimsOf = new Map(analyses.map((a) => [a.article, a.claims.claims]))
  // As crossReference does: each profile made just before its article is added.
  const index = core.createStoryIndex()
  const terms = createTermMemo?.()
  for (const a of articles)
    index.add(
      profileArticleReading
        ? profileArticleReading(a, by.get(a.id) ?? [], claimsOf.get(a.id) ?? [], speakers, terms)
        : core.profileArticle(a, by.get(a.id) ?? [], claimsOf.get(a.id) ?? [], speakers),
    )
  const found = index.stories()
  mark('stories')
  const byId = new Map(articles.map((a) => [a.id, a]))
  const published = Object.fromEntries(articles.map((a) => [a.id, a.published?.value ?? null]))
  for (const story of found) {
    const quotes = story.articles.flatMap((id) => by.get(id) ?? [])
    const claims = story.articles.flatMap((id) => claimsOf.get(id) ?? [])
    last = cpu()
    const clusters = core.clusterQuotes(quotes)
    mark('clusters')
    const slots = core.alignClaims(claims, { published })
    mark('slots')
    const storyArticles = story.articles.map((id) => byId.get(id))
    core.findDisputes({ articles: storyArticles, speakers, quotes, clusters, claims, slots })
    mark('disputes')
  }
}
const total = cpu() - start
console.log(`${size} articles, ${corePath}: ${(total / 1000).toFixed(1)} s of CPU`)
for (const [stage, ms] of Object.entries(times))
  console.log(`  ${stage.padEnd(20)} ${(ms / 1000).toFixed(1).padStart(6)} s`)
