#!/usr/bin/env node
// Copies the repository's seeds into the package being built (the current
// directory), so that a published package carries its default corpus: the
// MCP server serves it and the CLI reports on it anywhere.
import { cpSync, existsSync, mkdirSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const from = fileURLToPath(new URL('../seeds/', import.meta.url))
const to = join(process.cwd(), 'seeds')
if (existsSync(from)) {
  mkdirSync(to, { recursive: true })
  for (const name of readdirSync(from)) cpSync(join(from, name), join(to, name))
}
