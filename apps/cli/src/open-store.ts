import { CorroborateError } from '@corroborate/core'
import { defaultDataDir, openStore, type Store } from '@corroborate/store'
import type { Options } from './args.js'
import { EXIT, type ExitCode } from './exit-codes.js'

/** Where the store of a command line is: --database, else --data, else the default directory. */
export function storePlace(options: Options, env: Record<string, string | undefined>): string {
  return options.database ?? options.data ?? defaultDataDir(env)
}

/**
 * Opens the store the command line names; or, when the store refuses to open
 * (open in another process, a directory this user cannot write), says why on
 * stderr and gives {@link EXIT.noInput}: the user's situation, not a bug.
 */
export async function openCliStore(
  options: Options,
  io: { env: Record<string, string | undefined>; stderr: { write(text: string): unknown } },
): Promise<Store | ExitCode> {
  const place = storePlace(options, io.env)
  try {
    return await openStore(options.database !== null ? { url: place } : { dataDir: place }, {
      log: (line) => io.stderr.write(`corroborate: store: ${line}\n`),
    })
  } catch (error) {
    if (!(error instanceof CorroborateError)) throw error
    io.stderr.write(`corroborate: ${error.message}\n`)
    return EXIT.noInput
  }
}
