#!/usr/bin/env node
// Runs every benchmark of the package in turn, passing the same flags to each.
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const flags = process.argv.slice(2)
for (const script of [
  'ingest.bench.mjs',
  'quotes.bench.mjs',
  'crossref.bench.mjs',
  'stories.bench.mjs',
  'html.bench.mjs',
  'hostile.bench.mjs',
]) {
  const passed =
    script === 'ingest.bench.mjs' ? flags : flags.filter((f) => f === '--write' || f === '--quick')
  const run = spawnSync(
    process.execPath,
    [fileURLToPath(new URL(script, import.meta.url)), ...passed],
    { stdio: 'inherit' },
  )
  if (run.status !== 0) process.exit(run.status ?? 1)
}
