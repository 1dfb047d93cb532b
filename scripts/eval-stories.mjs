#!/usr/bin/env node
// Groups annotated articles into stories with the core and measures the grouping
// against what the annotation implies: pairs of articles from different outlets
// that quote the same 8+ words (gold quotes) within 3 days should share a story;
// pairs published more than 30 days apart should not. Prints story sizes and the
// largest stories. Reads JSONL lines {"id","text","quotes","meta":{publisher,date,title}}.
// Usage: pnpm --silent eval:stories FILE.jsonl [FILE.jsonl …] [--order file|date|reverse]
//        [--threshold X] [--quote-threshold X] [--show N]
import { readFileSync } from 'node:fs'
import {
  extractClaims,
  extractQuotes,
  groupStories,
  normalizeArticle,
  profileArticle,
} from '@corroborate/core'

const args = process.argv.slice(2)
const option = (name) => {
  const at = args.indexOf(name)
  if (at < 0) return undefined
  const value = args[at + 1]
  args.splice(at, 2)
  return value
}
const order = option('--order') ?? 'file'
const threshold = option('--threshold')
const quoteThreshold = option('--quote-threshold')
const show = Number(option('--show') ?? 8)
if (args.length === 0) {
  console.error('usage: pnpm --silent eval:stories FILE.jsonl [...] [--order file|date|reverse]')
  process.exit(2)
}
let rows = args.flatMap((file) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line)),
)
if (order === 'date')
  rows = [...rows].sort((a, b) => String(a.meta?.date).localeCompare(String(b.meta?.date)))
if (order === 'reverse') rows = [...rows].reverse()

const started = performance.now()
const profiles = rows.map((row) => {
  const meta = row.meta ?? {}
  const article = normalizeArticle({
    content: row.text,
    id: String(row.id),
    metadata: {
      ...(meta.publisher ? { outlet: meta.publisher } : {}),
      ...(meta.date ? { published: meta.date } : {}),
      ...(meta.title ? { title: meta.title } : {}),
    },
  })
  const { quotes, speakers } = extractQuotes(article)
  const { claims } = extractClaims(article, quotes)
  return profileArticle(article, quotes, claims, speakers)
})
const analysed = performance.now()
const options = {
  ...(threshold ? { threshold: Number(threshold) } : {}),
  ...(quoteThreshold ? { quoteThreshold: Number(quoteThreshold) } : {}),
}
const stories = groupStories(profiles, options)
const grouped = performance.now()
const storyOf = new Map()
for (const story of stories) for (const id of story.articles) storyOf.set(id, story.id)

// Gold evidence of one story: the same 8+ words quoted by two outlets within 3 days.
const words = (text) =>
  text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .split(/[^\p{L}\p{N}']+/u)
    .filter(Boolean)
const day = (row) => Date.parse(row.meta?.date) / 86_400_000
const byShingle = new Map()
rows.forEach((row, i) => {
  const seen = new Set()
  for (const quote of row.quotes ?? []) {
    const w = words(quote.text)
    for (let k = 0; k + 8 <= w.length; k++) seen.add(w.slice(k, k + 8).join(' '))
  }
  for (const s of seen) (byShingle.get(s) ?? byShingle.set(s, []).get(s)).push(i)
})
const positive = new Set()
for (const list of byShingle.values())
  for (const i of list)
    for (const j of list)
      if (
        i < j &&
        rows[i].meta?.publisher !== rows[j].meta?.publisher &&
        Math.abs(day(rows[i]) - day(rows[j])) <= 3
      )
        positive.add(`${i},${j}`)
let together = 0
const missed = []
for (const pair of positive) {
  const [i, j] = pair.split(',').map(Number)
  if (storyOf.get(String(rows[i].id)) === storyOf.get(String(rows[j].id))) together++
  else missed.push([rows[i], rows[j]])
}
let far = 0
let farTogether = 0
for (let i = 0; i < rows.length; i++)
  for (let j = i + 1; j < rows.length; j++)
    if (Math.abs(day(rows[i]) - day(rows[j])) > 30) {
      far++
      if (storyOf.get(String(rows[i].id)) === storyOf.get(String(rows[j].id))) farTogether++
    }
const sizes = new Map()
for (const story of stories)
  sizes.set(story.articles.length, (sizes.get(story.articles.length) ?? 0) + 1)
const pct = (a, b) => (b === 0 ? 'n/a' : `${((100 * a) / b).toFixed(1)}%`)
console.log(`articles ${rows.length}, stories ${stories.length} (order: ${order})`)
console.log(
  `sizes: ${[...sizes]
    .sort((a, b) => a[0] - b[0])
    .map(([size, n]) => `${size}×${n}`)
    .join(' ')}`,
)
console.log(
  `quote-sharing pairs (different outlets, ≤3 days): ${positive.size}, in one story ${together} (${pct(together, positive.size)})`,
)
console.log(`pairs >30 days apart: ${far}, in one story ${farTogether} (${pct(farTogether, far)})`)
const multiOutlet = stories.filter((s) => new Set(s.outlets).size > 1)
console.log(`stories with 2+ outlets: ${multiOutlet.length}`)
console.log(
  `time: analysis ${((analysed - started) / 1000).toFixed(1)} s, grouping ${(grouped - analysed).toFixed(0)} ms`,
)
const storyById = new Map(stories.map((s) => [s.id, s]))
const where = (row) => {
  const story = storyById.get(storyOf.get(String(row.id)))
  return `${row.meta?.title} [${story?.articles.length} in ${story?.id}: ${story?.label.slice(0, 50)}]`
}
for (const [a, b] of missed.slice(0, show)) console.log(`  missed: ${where(a)} | ${where(b)}`)
for (const story of [...stories]
  .sort((a, b) => b.articles.length - a.articles.length)
  .slice(0, show)) {
  console.log(
    `\n${story.id} (${story.articles.length} articles, ${story.outlets.join(', ')}; ${story.dates.first} – ${story.dates.last}): ${story.label}`,
  )
  for (const member of story.members.slice(0, 12)) {
    const row = rows.find((r) => String(r.id) === member.article)
    console.log(
      `   ${member.score.toFixed(2)} ${row?.meta?.date ?? ''} ${String(row?.meta?.title ?? member.article).slice(0, 90)}  [${member.sharedQuote ? `"${member.sharedQuote}"` : member.sharedTerms.join(' ')}]`,
    )
  }
}
