#!/usr/bin/env node
// Reads JSONL lines {"id","text"} (other fields ignored) and prints one line per
// article {"id","quotes":[{"text","speaker","start","end","kind"}]}, offsets into
// "text". Terms (scare quotes, titles) are not speech and are left out.
// Usage: pnpm --silent eval:quotes FILE.jsonl
import { readFileSync } from 'node:fs'
import { extractQuotes, normalizeArticle } from '@corroborate/core'
import { predictedQuotes } from './predicted-quotes.mjs'

const file = process.argv[2]
if (!file) {
  console.error('usage: pnpm --silent eval:quotes FILE.jsonl   (lines of {"id","text"})')
  process.exit(2)
}
const lines = readFileSync(file, 'utf8').split('\n')
lines.forEach((line, number) => {
  if (line.trim() === '') return
  let row
  try {
    row = JSON.parse(line)
  } catch (error) {
    console.error(`${file}:${number + 1}: not JSON: ${error.message}`)
    process.exitCode = 1
    return
  }
  const id = String(row.id)
  const text = typeof row.text === 'string' ? row.text : ''
  const article = normalizeArticle({ content: text, id })
  const out = predictedQuotes(extractQuotes(article), (quote) => ({ kind: quote.kind }))
  process.stdout.write(`${JSON.stringify({ id, quotes: out })}\n`)
})
