import { fileURLToPath } from 'node:url'
import { builtMain } from '../../../scripts/built-main.mjs'
import { type Io, run } from '../src/run.js'

// The repository's seeds, given as a path: apps/cli/seeds (the embedded copy)
// only exists once the package is built, and `npm test` may test before it builds.
export const SEEDS = fileURLToPath(new URL('../../../seeds/', import.meta.url))

/** The command as turbo builds it (`dist/main.js`, its package.json and the seeds beside it). */
export const builtCli = () => builtMain(fileURLToPath(new URL('..', import.meta.url)))

export interface Ran {
  code: number
  stdout: string
  stderr: string
  /** Every write to stderr, one entry per call. */
  stderrWrites: string[]
}

export interface Surroundings {
  stdoutTTY?: boolean
  stderrTTY?: boolean
  columns?: number
  env?: Record<string, string | undefined>
}

/** Runs the command in-process with fake streams. */
export async function runCli(argv: string[], surroundings: Surroundings = {}): Promise<Ran> {
  let stdout = ''
  const stderrWrites: string[] = []
  const io: Io = {
    stdout: {
      write: (text: string) => {
        stdout += text
        return true
      },
      ...(surroundings.stdoutTTY === undefined ? {} : { isTTY: surroundings.stdoutTTY }),
    },
    stderr: {
      write: (text: string) => {
        stderrWrites.push(text)
        return true
      },
      ...(surroundings.stderrTTY === undefined ? {} : { isTTY: surroundings.stderrTTY }),
      ...(surroundings.columns === undefined ? {} : { columns: surroundings.columns }),
    },
    env: surroundings.env ?? {},
  }
  const code = await run(argv, io)
  return { code, stdout, stderr: stderrWrites.join(''), stderrWrites }
}
