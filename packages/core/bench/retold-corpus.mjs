// The synthetic corpora of the cross-referencing and story benchmarks, built from
// real text deterministically (mulberry32, seed 0xc0ffee). Source stories: the five
// seeds and, when ../shared/eval sits beside the repository, the annotated articles of
// quotes-dev and quotes-train (read in place, never copied, never printed), each with
// its own publication date. Article i retells source story i mod S, as another outlet
// would, 0–2 days after the source's date: each paragraph is kept with p = 0.85;
// inside quote marks one word is dropped (p = 0.2) or the quote is cut after its
// first clause (p = 0.1); a number in the paragraph is moved by 5–20 % (p = 0.1);
// with p = 0.15 a paragraph of another story is appended. So a corpus of N articles
// holds S stories of about N / S articles each, with clusters, variants and
// conflicting values at the rates real coverage has them, and no text repeats
// exactly across the corpus.
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { loadArticleDirectory, normalizeArticle } from '../dist/index.js'
import { mulberry32 } from './mulberry32.mjs'

const ROOT = new URL('../../../', import.meta.url)
const EVAL = (name) => fileURLToPath(new URL(`../shared/eval/${name}/gold.jsonl`, ROOT))

/** What `sourceStories` read, for a report: "5 seeds, 84 quotes-dev, 840 quotes-train". */
export const describeSources = (read) =>
  Object.entries(read)
    .map(([set, n]) => `${n} ${set}`)
    .join(', ')

/** Source stories: paragraphs and a date. `sets` counts what was read. */
export async function sourceStories({ sets = ['quotes-dev', 'quotes-train'] } = {}) {
  const { sources } = await loadArticleDirectory(fileURLToPath(new URL('seeds/', ROOT)))
  const stories = sources.map((s) => ({
    paragraphs: normalizeArticle(s).paragraphs.map((p) => p.text),
    date: '2025-02-04',
  }))
  const read = { seeds: stories.length }
  for (const set of sets) {
    if (!existsSync(EVAL(set))) {
      // Said, not silent: a bench run from a copy of the repository with no ../shared beside
      // it would otherwise measure a corpus of five seed stories as if it were the real one.
      process.stderr.write(`retold corpus: no ${EVAL(set)}; ${set} left out\n`)
      continue
    }
    read[set] = 0
    for (const line of readFileSync(EVAL(set), 'utf8').split('\n')) {
      if (!line.trim()) continue
      const row = JSON.parse(line)
      stories.push({
        paragraphs: normalizeArticle({ content: row.text, id: row.id }).paragraphs.map(
          (p) => p.text,
        ),
        date: row.meta?.date ?? '2016-01-01',
      })
      read[set]++
    }
  }
  return { stories, read }
}

const QUOTED = /([“"])([^”"]{12,400})([”"])/
function retell(paragraph, random) {
  let text = paragraph
  const quoted = QUOTED.exec(text)
  if (quoted) {
    let inner = quoted[2]
    const roll = random()
    if (roll < 0.2) {
      const words = inner.split(' ')
      if (words.length > 4) words.splice(1 + Math.floor(random() * (words.length - 2)), 1)
      inner = words.join(' ')
    } else if (roll < 0.3) {
      const cut = inner.search(/[,;]\s/)
      if (cut > 10) inner = inner.slice(0, cut)
    }
    text = text.replace(quoted[0], `${quoted[1]}${inner}${quoted[3]}`)
  }
  if (random() < 0.1) {
    text = text.replace(/\b\d[\d,]*\b/, (n) => {
      const value = Number(n.replace(/,/g, ''))
      if (!Number.isFinite(value) || value < 10) return n
      return Math.round(
        value * (1 + (random() < 0.5 ? -1 : 1) * (0.05 + random() * 0.15)),
      ).toLocaleString('en-US')
    })
  }
  return text
}

const addDays = (iso, days) =>
  new Date(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) + days * 86_400_000)
    .toISOString()
    .slice(0, 10)

/** `size` article sources ({content, id, metadata}) retelling the stories. */
export function retoldCorpus(stories, size, { offset = 0 } = {}) {
  const random = mulberry32(0xc0ffee + offset)
  const articles = []
  for (let n = 0; n < size; n++) {
    const i = n + offset
    const story = stories[i % stories.length]
    const paragraphs = story.paragraphs.filter(() => random() < 0.85).map((p) => retell(p, random))
    if (random() < 0.15) {
      const other = stories[Math.floor(random() * stories.length)]
      paragraphs.push(other.paragraphs[Math.floor(random() * other.paragraphs.length)] ?? '')
    }
    articles.push({
      content: paragraphs.join('\n\n'),
      id: `a${String(i).padStart(5, '0')}`,
      metadata: {
        published: addDays(story.date, Math.floor(random() * 3)),
        outlet: `Outlet ${Math.floor(i / stories.length) % 12}`,
      },
    })
  }
  return articles
}
