import { defaultDataDir, openStore, type Store } from '@corroborate/store'
import type { Options } from './args.js'

/** Where the store of a command line is: --database, else --data, else the default directory. */
export function storePlace(options: Options, env: Record<string, string | undefined>): string {
  return options.database ?? options.data ?? defaultDataDir(env)
}

/** Opens the store the command line names. */
export function openCliStore(
  options: Options,
  env: Record<string, string | undefined>,
  log: (line: string) => void,
): Promise<Store> {
  const place = storePlace(options, env)
  return openStore(options.database !== null ? { url: place } : { dataDir: place }, { log })
}
