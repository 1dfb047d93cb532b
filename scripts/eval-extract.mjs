#!/usr/bin/env node
// Reads a list of HTML pages (one path per line, `.html` or `.html.gz`) and
// prints one JSON line per page: {"id", "text", "ms"}, where "text" is the
// article body that @corroborate/core extracts and "ms" the time spent
// extracting it (parsing and extraction, not reading the file).
// Usage: pnpm --silent eval:extract LIST.txt
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { fileStemId, ingestArticle, loadArticleFile } from '@corroborate/core'

const list = process.argv[2]
if (!list) {
  console.error(
    'usage: pnpm --silent eval:extract LIST.txt   (one .html or .html.gz path per line)',
  )
  process.exit(2)
}
// Paths are read from where the command was typed: pnpm runs scripts at the repo root.
const base = process.env.INIT_CWD ?? process.cwd()
let paths
try {
  paths = readFileSync(resolve(base, list), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
} catch (error) {
  console.error(`cannot read the list ${list}: ${error.message}`)
  process.exit(2)
}
for (const path of paths) {
  const file = resolve(base, path)
  const id = fileStemId(file)
  let text = ''
  let ms = 0
  try {
    const source = await loadArticleFile(file, { format: 'html' })
    const started = performance.now()
    const article = ingestArticle(source)
    ms = performance.now() - started
    text = article.text
    const fatal = article.messages.find((message) => message.severity === 'error')
    if (fatal) console.error(`${path}: ${fatal.message}`)
  } catch (error) {
    console.error(`${path}: ${error.message}`)
    process.exitCode = 1
  }
  process.stdout.write(`${JSON.stringify({ id, text, ms: Math.round(ms * 1000) / 1000 })}\n`)
}
