#!/usr/bin/env node
import { EXIT } from './exit-codes.js'
import { run } from './run.js'

try {
  process.exitCode = await run(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
  })
} catch (error) {
  process.stderr.write(
    `corroborate: internal error, please report it: ${(error as Error).stack ?? String(error)}\n`,
  )
  process.exitCode = EXIT.internal
}
