// What the benchmark scripts of every package share: their flags, the machine a figure
// was measured on, and the section of BENCHMARKS.md each of them rewrites.
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import { fileURLToPath } from 'node:url'

/** BENCHMARKS.md at the repository's root. */
export const BENCHMARKS_MD = fileURLToPath(new URL('../../../BENCHMARKS.md', import.meta.url))

/**
 * The flags of the command line, each one of `known`: an unknown flag is printed with
 * `usage` and the process exits with 2; `--help` or `-h` prints `usage` and exits.
 */
export function readFlags(usage, known) {
  const flags = new Set(process.argv.slice(2))
  for (const flag of flags) {
    if (![...known, '--help', '-h'].includes(flag)) {
      console.error(`unknown option ${flag}\n${usage}`)
      process.exit(2)
    }
  }
  if (flags.has('--help') || flags.has('-h')) {
    console.log(usage)
    process.exit(0)
  }
  return flags
}

/**
 * "Measured 2026-12-03 on CPU model, 2 cores (one used), Node v22.…": the day and the
 * machine of a figure. `oneUsed: false` where the benchmark does not keep to one core.
 */
export function measuredOn({ oneUsed = true } = {}) {
  const cpus = os.cpus()
  const machine = `${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} cores${oneUsed ? ' (one used)' : ''}, Node ${process.version}`
  return `Measured ${new Date().toISOString().slice(0, 10)} on ${machine}`
}

/**
 * Puts `body` between `<!-- name:start -->` and `<!-- name:end -->` in BENCHMARKS.md, in
 * place of what stood there; a section not there yet is appended, under `heading`
 * (Markdown) when one is given. The file is read right before it is written: other
 * benchmarks rewrite their own sections of it.
 */
export function writeSection(name, body, heading) {
  const start = `<!-- ${name}:start -->`
  const end = `<!-- ${name}:end -->`
  const section = `${start}\n${body}\n${end}`
  const md = existsSync(BENCHMARKS_MD) ? readFileSync(BENCHMARKS_MD, 'utf8') : '# Benchmarks\n'
  const from = md.indexOf(start)
  const to = md.indexOf(end, from)
  writeFileSync(
    BENCHMARKS_MD,
    from >= 0 && to > from
      ? md.slice(0, from) + section + md.slice(to + end.length)
      : `${md.trimEnd()}\n\n${heading ? `${heading}\n\n` : ''}${section}\n`,
  )
}
