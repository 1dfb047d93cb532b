import { ingest, openStore, type Store, type StoreLocation } from '@corroborate/store'
import { readSources } from './load-corpus.js'

/** Options of {@link openData}. */
export interface OpenDataOptions {
  /** Files and directories to import; the store keeps what it has already (by content). */
  paths: readonly string[]
  /** Imported when the store is empty and no paths are given: the seeds. */
  seeds: string
  log: (line: string) => void
  onProgress?: (done: number, total: number) => void
  signal?: AbortSignal
}

/**
 * Opens the lasting store and imports the given files into it (only content
 * it does not hold yet; the stories they join are cross-referenced). An empty
 * store with no paths given gets the seeds. Nothing stored is read back: the
 * tools read the store.
 */
export async function openData(location: StoreLocation, options: OpenDataOptions): Promise<Store> {
  const { log } = options
  const store = await openStore(location, { log: (line) => log(`corroborate-mcp: store: ${line}`) })
  try {
    const paths =
      options.paths.length > 0 ? options.paths : (await store.count()) === 0 ? [options.seeds] : []
    if (paths.length > 0) {
      const sources = await readSources(paths, {
        onProblem: (problem) => log(`corroborate-mcp: skipped ${problem}`),
        ...(options.signal ? { signal: options.signal } : {}),
      })
      const summary = await ingest(store, sources, {
        onProblem: (source, message) =>
          log(`corroborate-mcp: skipped ${source.path ?? source.id ?? 'article'}: ${message}`),
        ...(options.onProgress ? { onProgress: options.onProgress } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
      })
      log(
        `corroborate-mcp: imported ${summary.added} new articles (${summary.unchanged} already stored)`,
      )
    }
    return store
  } catch (error) {
    await store.close()
    throw error
  }
}
