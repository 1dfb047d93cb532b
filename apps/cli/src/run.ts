import { readFileSync } from 'node:fs'
import { stat, writeFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { type CrossReference, crossReference } from '@corroborate/core'
import { likelyCommand, type Options, readArgs, UsageError } from './args.js'
import { EXIT, type ExitCode } from './exit-codes.js'
import { HELP } from './help.js'
import { ingestCommand } from './ingest-command.js'
import { type LoadedInputs, loadInputs } from './load-inputs.js'
import { openCliStore, storePlace } from './open-store.js'
import { progressBar } from './progress-bar.js'
import { renderHtml } from './render/render-html.js'
import { renderMarkdown } from './render/render-markdown.js'
import { renderText } from './render/render-text.js'
import { SECTIONS } from './render/sections.js'
import { buildReport } from './report/build-report.js'
import { chooseStory, storyCrossReference, storyRows } from './stories.js'

/** Where the command writes and what it knows of its surroundings: process.* in real use, fakes in tests. */
export interface Io {
  stdout: { write(text: string): unknown; isTTY?: boolean }
  stderr: { write(text: string): unknown; isTTY?: boolean; columns?: number }
  env: Record<string, string | undefined>
}

/** The five reports of one story that ship inside the package. */
export const EMBEDDED_SEEDS = fileURLToPath(new URL('../seeds/', import.meta.url))
// Files at which a progress bar starts to be worth drawing.
const PROGRESS_FROM = 5

function version(): string {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))
  return String(manifest.version)
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path)
    return true
  } catch {
    return false
  }
}

/**
 * Runs `corroborate` with the arguments after the program name and returns
 * its exit code. Never throws for the user's mistakes: they come back as
 * exit codes 2 to 5 with a message on stderr.
 */
export async function run(argv: readonly string[], io: Io): Promise<ExitCode> {
  let options: Options
  try {
    options = readArgs(argv)
  } catch (error) {
    if (!(error instanceof UsageError)) throw error
    io.stderr.write(`corroborate: ${error.message}\nTry "corroborate --help".\n`)
    return EXIT.usage
  }
  if (options.help) {
    io.stdout.write(HELP)
    return EXIT.ok
  }
  if (options.version) {
    io.stdout.write(`${version()}\n`)
    return EXIT.ok
  }
  const first = options.paths[0]
  if (first !== undefined && !(await exists(first))) {
    const meant = likelyCommand(first)
    if (meant && !/[./\\]/.test(first)) {
      io.stderr.write(
        `corroborate: unknown command "${first}"; did you mean "${meant}"?\nTry "corroborate --help".\n`,
      )
      return EXIT.usage
    }
  }

  if (options.command === 'ingest') return ingestCommand(options, io)
  const fromStore = options.data !== null || options.database !== null
  if (fromStore && options.paths.length > 0) {
    io.stderr.write(
      'corroborate: give article paths or a store (--data, --database), not both; "corroborate ingest PATH... --data DIR" adds them to the store\n',
    )
    return EXIT.usage
  }
  const paths = fromStore
    ? [storePlace(options, io.env)]
    : options.paths.length > 0
      ? options.paths
      : [EMBEDDED_SEEDS]
  let bar: ReturnType<typeof progressBar> | null = null
  let loaded: LoadedInputs
  let stored: CrossReference | null = null
  if (fromStore) {
    // The store's articles as they were analysed and grouped when added: nothing is read from files.
    const store = await openCliStore(options, io.env, (line) =>
      io.stderr.write(`corroborate: store: ${line}\n`),
    )
    try {
      const articles = await store.articles()
      if (articles.length === 0) {
        io.stderr.write(
          `corroborate: the store ${paths[0]} holds no articles; "corroborate ingest PATH... ${options.database ? `--database ${options.database}` : `--data ${paths[0]}`}" adds some\n`,
        )
        return EXIT.noInput
      }
      loaded = { articles, paths: new Map(), failures: [] }
      stored = await store.analysis()
    } finally {
      await store.close()
    }
  } else {
    loaded = await loadInputs(paths, (done, total, path) => {
      const wanted = options.progress ?? (io.stderr.isTTY === true && total >= PROGRESS_FROM)
      if (!wanted || total === 0) return
      bar ??= progressBar(io.stderr, total, 'reading')
      bar.update(done, path.split(/[\\/]/).pop() ?? path)
    })
  }
  ;(bar as ReturnType<typeof progressBar> | null)?.done()
  for (const failure of loaded.failures)
    io.stderr.write(`corroborate: could not read ${failure.path}: ${failure.message}\n`)
  if (loaded.articles.length === 0) {
    io.stderr.write(
      `corroborate: no article could be read from ${paths.join(', ')}; give article files (.txt, .md, .html, .gz) or directories of them\n`,
    )
    return EXIT.noInput
  }

  const all = stored ?? crossReference(loaded.articles)
  // report is about one story, the largest by default; the other commands about every story unless --story says.
  const story =
    options.story !== null || options.command === 'report'
      ? chooseStory(all, options.story)
      : undefined
  if (options.story !== null && !story) {
    const list = ['corroborate stories', ...options.paths].join(' ')
    io.stderr.write(
      `corroborate: no story "${options.story}" in these articles; "${list}" lists their ids\n`,
    )
    return EXIT.usage
  }
  const several = all.stories.length > 1
  const corpus = story && several ? storyCrossReference(all, story) : all
  const members = new Set(corpus.articles)
  const listed = options.command === 'stories' || (options.command === 'report' && several)
  const report = buildReport(
    loaded.articles.filter((article) => members.has(article.id)),
    loaded.paths,
    corpus,
    loaded.failures,
    options.speaker,
    listed ? storyRows(all, story?.id ?? null) : [],
  )
  const sections = SECTIONS[options.command].filter((section) => section !== 'stories' || listed)
  const toFile = options.output !== null
  const color =
    options.color ??
    (!toFile && io.stdout.isTTY === true && !io.env.NO_COLOR && io.env.TERM !== 'dumb')
  const rendered =
    options.format === 'json'
      ? `${JSON.stringify(Object.fromEntries(sections.map((section) => [section, section === 'speakers' ? { speakers: report.speakers, unattributed: report.unattributed } : report[section]])), null, 2)}\n`
      : options.format === 'markdown'
        ? renderMarkdown(report, sections)
        : options.format === 'html'
          ? renderHtml(report, sections)
          : renderText(report, sections, color)
  if (options.output !== null) {
    try {
      await writeFile(options.output, rendered)
    } catch (error) {
      // The path given to --output is wrong: a command-line problem.
      io.stderr.write(`corroborate: cannot write ${options.output}: ${(error as Error).message}\n`)
      return EXIT.usage
    }
    io.stderr.write(`corroborate: wrote ${options.output}\n`)
  } else {
    io.stdout.write(rendered)
  }
  // An incomplete report (4) outranks disputes (5): what was not read may change them.
  if (loaded.failures.length > 0) return EXIT.partial
  if (options.failOnDispute && report.disputes.length > 0) return EXIT.disputes
  return EXIT.ok
}
