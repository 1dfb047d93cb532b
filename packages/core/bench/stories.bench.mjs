#!/usr/bin/env node
/*
 * Story benchmark of @corroborate/core: how long assigning one new article to
 * its story takes in a corpus of 1,000 and 10,000 articles, one core. The corpus
 * is bench/retold-corpus.mjs's (many stories of about ten articles, real text
 * retold). Each article's profile (profileArticle over its quotes and claims) is
 * built beforehand and timed apart; the figure that counts is StoryIndex.add on
 * 200 further articles once the index holds N.
 *
 *   node bench/stories.bench.mjs           prints the figures
 *   node bench/stories.bench.mjs --write   also rewrites the stories section of BENCHMARKS.md
 *   node bench/stories.bench.mjs --quick   only 1,000 articles
 */
import {
  createStoryIndex,
  extractClaims,
  extractQuotes,
  normalizeArticle,
  profileArticle,
} from '../dist/index.js'
import { measuredOn, writeSection } from './benchmarks-md.mjs'
import { describeSources, retoldCorpus, sourceStories } from './retold-corpus.mjs'

const write = process.argv.includes('--write')
const quick = process.argv.includes('--quick')
const { stories, read } = await sourceStories()

function profiles(sources) {
  return sources.map((source) => {
    const article = normalizeArticle(source)
    const { quotes, speakers } = extractQuotes(article)
    const { claims } = extractClaims(article, quotes)
    return profileArticle(article, quotes, claims, speakers)
  })
}
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]
const fmt = (n, d = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d })

const rows = []
for (const size of quick ? [1000] : [1000, 10000]) {
  const base = profiles(retoldCorpus(stories, size))
  const extra = retoldCorpus(stories, 200, { offset: size })
  const profileStart = performance.now()
  const more = profiles(extra)
  const profileMs = (performance.now() - profileStart) / extra.length
  const index = createStoryIndex()
  const fillStart = performance.now()
  for (const profile of base) index.add(profile)
  const fillMs = performance.now() - fillStart
  const times = []
  let joined = 0
  for (const profile of more) {
    const start = performance.now()
    const assignment = index.add(profile)
    times.push(performance.now() - start)
    if (assignment.joined) joined++
  }
  times.sort((a, b) => a - b)
  const all = index.stories()
  rows.push({
    size,
    fillMs,
    profileMs,
    p50: percentile(times, 0.5),
    p95: percentile(times, 0.95),
    max: times.at(-1),
    joined,
    stories: all.length,
    largest: Math.max(...all.map((s) => s.articles.length)),
  })
  console.error(`${size} articles: add p95 ${fmt(percentile(times, 0.95), 2)} ms`)
}
const table = [
  '| Articles in the index | Filling it (s) | profileArticle per article (ms) | add p50 (ms) | add p95 (ms) | add max (ms) | New articles that joined a story | Stories | Largest |',
  '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...rows.map(
    (r) =>
      `| ${fmt(r.size)} | ${fmt(r.fillMs / 1000, 2)} | ${fmt(r.profileMs, 2)} | ${fmt(r.p50, 2)} | ${fmt(r.p95, 2)} | ${fmt(r.max, 2)} | ${r.joined} of 200 | ${fmt(r.stories)} | ${r.largest} |`,
  ),
].join('\n')
const last = rows.at(-1)
const verdict = `Assigning one new article with ${fmt(last.size)} in the index: p95 ${fmt(last.p95, 2)} ms (target under 10 ms: ${last.p95 < 10 ? 'met' : 'NOT met'}).`
console.log(table)
console.log(verdict)
if (write) {
  const body = `${measuredOn()} with \`node bench/stories.bench.mjs --write\`${quick ? ' --quick' : ''} (run by \`pnpm bench\`). Source stories: ${describeSources(read)}, retold by 12 outlets (bench/retold-corpus.mjs); each size's corpus holds about size / ${stories.length} articles per story.\n\n${table}\n\n**${verdict}**`
  writeSection('stories', body, `## Stories (\`packages/core/bench/stories.bench.mjs\`)`)
  console.log('wrote the stories section of BENCHMARKS.md')
}
