#!/usr/bin/env node
// `npm run inspect`: starts the built server over stdio with a real MCP client (the SDK's),
// asks it for every disputed claim (list_disputed_claims, page after page) and prints them
// for a person. Arguments go to the server: `npm run inspect -- --corpus articles/`.
import { fileURLToPath } from 'node:url'
import { Client } from '@modelcontextprotocol/sdk/client/index.js'
import {
  getDefaultEnvironment,
  StdioClientTransport,
} from '@modelcontextprotocol/sdk/client/stdio.js'

const main = fileURLToPath(new URL('../dist/main.js', import.meta.url))
const KINDS = {
  attribution: 'the same words given to different speakers',
  wording: 'one statement quoted in different words',
  fact: 'facts that do not meet',
  contested: 'someone contests what another said',
}
const clip = (text, width) =>
  text.length > width ? `${text.slice(0, width - 1).trimEnd()}…` : text

/** Every item of a paged list tool, following nextCursor. */
async function all(client, name, key) {
  const items = []
  let cursor
  do {
    const result = await client.callTool({
      name,
      arguments: { limit: 100, ...(cursor ? { cursor } : {}) },
    })
    if (result.isError) throw new Error(`${name}: ${result.content?.[0]?.text ?? 'failed'}`)
    items.push(...result.structuredContent[key])
    cursor = result.structuredContent.nextCursor
  } while (cursor)
  return items
}

const transport = new StdioClientTransport({
  command: process.execPath,
  args: [main, ...process.argv.slice(2)],
  // The SDK passes only a few variables on; the store's place is one the server needs.
  env: {
    ...getDefaultEnvironment(),
    ...Object.fromEntries(
      ['CORROBORATE_DATA', 'XDG_DATA_HOME']
        .filter((name) => process.env[name] !== undefined)
        .map((name) => [name, process.env[name]]),
    ),
  },
  stderr: 'pipe',
})
let serverLog = ''
transport.stderr?.on('data', (chunk) => {
  serverLog += chunk.toString('utf8')
})
const client = new Client({ name: 'corroborate-show-disputes', version: '1.0.0' })
const out = []
try {
  await client.connect(transport)
  const sources = await all(client, 'list_sources', 'sources')
  const disputes = await all(client, 'list_disputed_claims', 'disputes')
  const names = new Map(
    sources.map((source) => [
      source.id,
      source.outlet ?? source.title ?? source.label ?? source.id,
    ]),
  )
  const server = client.getServerVersion()
  out.push(
    `${disputes.length} disputed claim${disputes.length === 1 ? '' : 's'} in ${sources.length} article${sources.length === 1 ? '' : 's'}`,
    `(asked ${server?.name ?? 'the server'} ${server?.version ?? ''} over stdio with list_disputed_claims)`,
    '',
  )
  for (const [index, dispute] of disputes.entries()) {
    const judge = dispute.needsJudgement ? ', read the positions and decide' : ''
    out.push(`${index + 1}. ${dispute.kind}: ${KINDS[dispute.kind] ?? dispute.kind}`)
    out.push(`   ${dispute.summary}`)
    out.push(`   confidence ${dispute.confidence}${judge}`)
    for (const position of dispute.positions) {
      const who = position.speaker?.name ?? 'unattributed'
      const where = names.get(position.article) ?? position.article
      out.push(`   - ${who}, in ${clip(where, 60)}: “${clip(position.text, 160)}”`)
    }
    out.push('')
  }
  process.stdout.write(out.join('\n'))
} catch (error) {
  process.stderr.write(`show-disputes: ${error.message}\n${serverLog}`)
  process.exitCode = 1
} finally {
  await client.close()
}
