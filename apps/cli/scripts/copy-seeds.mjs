#!/usr/bin/env node
// Copies the repository's seeds into the package, so that `npx @corroborate/mcp-server`
// serves them anywhere: the default corpus ships inside the package.
import { cpSync, existsSync, mkdirSync, readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const from = fileURLToPath(new URL('../../../seeds/', import.meta.url))
const to = fileURLToPath(new URL('../seeds/', import.meta.url))
if (existsSync(from)) {
  mkdirSync(to, { recursive: true })
  for (const name of readdirSync(from)) cpSync(`${from}${name}`, `${to}${name}`)
}
