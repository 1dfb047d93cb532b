import { parseArgs } from 'node:util'

export const COMMANDS = ['report', 'quotes', 'disputes', 'sources', 'stories'] as const
export type Command = (typeof COMMANDS)[number]
export const FORMATS = ['text', 'json', 'markdown', 'html'] as const
export type Format = (typeof FORMATS)[number]

/** What the command line asks for. */
export interface Options {
  /** A report command, or ingest: fill a store. */
  command: Command | 'ingest'
  paths: string[]
  format: Format
  output: string | null
  speaker: string | null
  /** The story to report (an id from `corroborate stories`); null for the default. */
  story: string | null
  color: boolean | null
  progress: boolean | null
  failOnDispute: boolean
  /** A store to read (or, for ingest, to fill): a PGlite directory. */
  data: string | null
  /** A store on a PostgreSQL server: a postgres:// URL. */
  database: string | null
  /** Threads that analyse articles for ingest. */
  workers: number
  help: boolean
  version: boolean
}

/** A command line that cannot be run, with what to type instead. */
export class UsageError extends Error {
  override name = 'UsageError'
}

/**
 * Reads `corroborate [COMMAND] [PATH...] [OPTIONS]`. The command defaults to
 * `report`; paths default to the embedded seeds (left empty here).
 */
export function readArgs(argv: readonly string[]): Options {
  // An unknown first word is taken as a path; the caller tells a typo of a
  // command ("reprot") from a path by whether the path exists.
  let parsed: ReturnType<typeof parse>
  try {
    parsed = parse(argv)
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\. To specify.*$/s, ''))
  }
  const { values, positionals } = parsed
  let command: Command | 'ingest' = 'report'
  const first = positionals[0]
  if (first !== undefined && [...COMMANDS, 'ingest'].includes(first)) {
    command = first as Command | 'ingest'
    positionals.shift()
  }
  const format = values.format ?? 'text'
  if (!(FORMATS as readonly string[]).includes(format))
    throw new UsageError(`--format must be one of ${FORMATS.join(', ')}; got "${format}"`)
  if (values.story !== undefined && values.story.trim() === '')
    throw new UsageError('--story needs a story id; "corroborate stories" lists them')
  if (values.color && values['no-color'])
    throw new UsageError('--color and --no-color contradict each other; give one')
  if (values.progress && values['no-progress'])
    throw new UsageError('--progress and --no-progress contradict each other; give one')
  if (values.data !== undefined && values.database !== undefined)
    throw new UsageError('--data and --database each name a store; give one')
  if (values.database !== undefined && !/^postgres(ql)?:\/\//.test(values.database))
    throw new UsageError(`--database takes a postgres:// URL; got "${values.database}"`)
  const workers = Number(values.workers ?? 1)
  if (!Number.isInteger(workers) || workers < 1 || workers > 64)
    throw new UsageError(`--workers takes a whole number from 1 to 64; got "${values.workers}"`)
  if (values.workers !== undefined && command !== 'ingest')
    throw new UsageError('--workers goes with ingest')
  return {
    command,
    paths: positionals,
    format: format as Format,
    output: values.output ?? null,
    speaker: values.speaker ?? null,
    story: values.story?.trim() || null,
    color: values.color ? true : values['no-color'] ? false : null,
    progress: values.progress ? true : values['no-progress'] ? false : null,
    failOnDispute: values['fail-on-dispute'] ?? false,
    data: values.data ?? null,
    database: values.database ?? null,
    workers,
    help: values.help ?? false,
    version: values.version ?? false,
  }
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      format: { type: 'string', short: 'f' },
      output: { type: 'string', short: 'o' },
      speaker: { type: 'string', short: 's' },
      story: { type: 'string' },
      color: { type: 'boolean' },
      'no-color': { type: 'boolean' },
      progress: { type: 'boolean' },
      'no-progress': { type: 'boolean' },
      'fail-on-dispute': { type: 'boolean' },
      data: { type: 'string' },
      database: { type: 'string' },
      workers: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  })
}

/** The command a mistyped word was meant to be, or null: one or two letters off. */
export function likelyCommand(word: string): Command | null {
  const distance = (a: string, b: string) => {
    const row = Array.from({ length: b.length + 1 }, (_, index) => index)
    for (let i = 1; i <= a.length; i++) {
      let previous = row[0] as number
      row[0] = i
      for (let j = 1; j <= b.length; j++) {
        const current = row[j] as number
        row[j] = Math.min(
          (row[j] as number) + 1,
          (row[j - 1] as number) + 1,
          previous + (a[i - 1] === b[j - 1] ? 0 : 1),
        )
        previous = current
      }
    }
    return row[b.length] as number
  }
  let best: Command | null = null
  let bestDistance = 3
  for (const command of COMMANDS) {
    const d = distance(word.toLowerCase(), command)
    if (d < bestDistance) {
      best = command
      bestDistance = d
    }
  }
  return best
}
