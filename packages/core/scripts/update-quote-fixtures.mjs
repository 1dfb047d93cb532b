// Rewrites test/fixtures/quotes/<case>.json, but a known failure's, from what extractQuotes gives
// today for <case>.txt, then formats them. Review the diff: each .json is a claim that this output
// is right, not a record of whatever came out.
import { spawnSync } from 'node:child_process'

const run = (command, args, env = process.env) =>
  spawnSync(command, args, { stdio: 'inherit', env, shell: process.platform === 'win32' }).status

const status =
  run('vitest', ['run', 'test/quotes-fixtures.test.ts'], {
    ...process.env,
    UPDATE_QUOTE_FIXTURES: '1',
  }) || run('biome', ['format', '--write', 'test/fixtures/quotes'])
process.exit(status ?? 1)
