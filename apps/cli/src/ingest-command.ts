import { ingest } from '@corroborate/store'
import type { Options } from './args.js'
import { EXIT, type ExitCode } from './exit-codes.js'
import { readInputs } from './load-inputs.js'
import { openCliStore, storePlace } from './open-store.js'
import { progressBar } from './progress-bar.js'
import type { Io } from './run.js'

/**
 * `corroborate ingest PATH... [--data DIR | --database URL] [--workers N]`:
 * adds the articles to a lasting store, each committed on its own, the same
 * content once; analysis in N threads. Several processes may ingest into one
 * PostgreSQL database at once.
 */
export async function ingestCommand(options: Options, io: Io): Promise<ExitCode> {
  if (options.paths.length === 0) {
    io.stderr.write(
      'corroborate: ingest needs the article files or directories to add\nTry "corroborate --help".\n',
    )
    return EXIT.usage
  }
  const { sources, failures } = await readInputs(options.paths)
  for (const failure of failures)
    io.stderr.write(`corroborate: could not read ${failure.path}: ${failure.message}\n`)
  if (sources.length === 0) {
    io.stderr.write(
      `corroborate: no article could be read from ${options.paths.join(', ')}; give article files (.txt, .md, .html, .gz) or directories of them\n`,
    )
    return EXIT.noInput
  }
  const place = storePlace(options, io.env)
  const store = await openCliStore(options, io)
  if (typeof store === 'number') return store
  const refused: string[] = []
  let summary: Awaited<ReturnType<typeof ingest>>
  try {
    const wanted = options.progress ?? io.stderr.isTTY === true
    const bar = wanted ? progressBar(io.stderr, sources.length, 'ingesting') : null
    summary = await ingest(store, sources, {
      workers: options.workers,
      onProgress: (done) => bar?.update(done, sources[done - 1]?.path?.split(/[\\/]/).pop() ?? ''),
      onProblem: (source, message) => refused.push(`${source.path ?? source.id}: ${message}`),
    })
    bar?.done()
    for (const line of refused) io.stderr.write(`corroborate: not added ${line}\n`)
    const total = await store.count()
    const stories = (await store.stories()).length
    io.stderr.write(
      `corroborate: ${summary.added} articles added, ${summary.unchanged} already stored, ${summary.refused} refused; ${place.startsWith('postgres') ? 'the database' : place} holds ${total} articles in ${stories} stories\n`,
    )
  } finally {
    await store.close()
  }
  if (failures.length > 0 || summary.refused > 0) return EXIT.partial
  return EXIT.ok
}
