import { readFileSync } from 'node:fs'
import { stat, writeFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { type CrossReference, crossReference } from '@corroborate/core'
import { type Command, likelyCommand, type Options, readArgs, UsageError } from './args.js'
import { EXIT, type ExitCode } from './exit-codes.js'
import { HELP } from './help.js'
import { ingestCommand } from './ingest-command.js'
import { type LoadedInputs, loadInputs } from './load-inputs.js'
import { openCliStore, storePlace } from './open-store.js'
import { progressBar } from './progress-bar.js'
import { renderHtml } from './render/render-html.js'
import { renderMarkdown } from './render/render-markdown.js'
import { renderText } from './render/render-text.js'
import { SECTIONS, type Section } from './render/sections.js'
import { buildReport, type Report } from './report/build-report.js'
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
  const options = await readCommandLine(argv, io)
  if (typeof options === 'number') return options
  const { command } = options
  if (command === 'ingest') return ingestCommand(options, io)
  const inputs = await readInputs(options, io)
  if (typeof inputs === 'number') return inputs
  const { loaded, stored } = inputs
  const chosen = chooseReport(
    stored ?? crossReference(loaded.articles),
    loaded,
    command,
    options,
    io,
  )
  if (typeof chosen === 'number') return chosen
  const { report, sections } = chosen
  const written = await writeReport(renderReport(report, sections, options, io), options, io)
  if (written !== EXIT.ok) return written
  // An incomplete report (4) outranks disputes (5): what was not read may change them.
  if (loaded.failures.length > 0) return EXIT.partial
  if (options.failOnDispute && report.disputes.length > 0) return EXIT.disputes
  return EXIT.ok
}

/**
 * The options of the command line, or the exit code when the command is done
 * already: help or version written, or a usage error told on stderr.
 */
async function readCommandLine(argv: readonly string[], io: Io): Promise<Options | ExitCode> {
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
  return options
}

/**
 * The articles of the paths given (the embedded seeds without any) or of the store,
 * with the store's analysis when they come from one; or the exit code when there
 * is nothing to report on. Files that could not be read are told on stderr.
 */
async function readInputs(
  options: Options,
  io: Io,
): Promise<{ loaded: LoadedInputs; stored: CrossReference | null } | ExitCode> {
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
    const store = await openCliStore(options, io)
    if (typeof store === 'number') return store
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
  return { loaded, stored }
}

/**
 * The report the command shows of the cross-reference of every article (`all`) and
 * its sections; or the exit code when --story names no story of these articles.
 */
function chooseReport(
  all: CrossReference,
  loaded: LoadedInputs,
  command: Command,
  options: Options,
  io: Io,
): { report: Report; sections: Section[] } | ExitCode {
  // report is about one story, the largest by default; the other commands about every story unless --story says.
  const story =
    options.story !== null || command === 'report' ? chooseStory(all, options.story) : undefined
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
  const listed = command === 'stories' || (command === 'report' && several)
  const report = buildReport(
    loaded.articles.filter((article) => members.has(article.id)),
    loaded.paths,
    corpus,
    loaded.failures,
    options.speaker,
    listed ? storyRows(all, story?.id ?? null) : [],
  )
  const sections = SECTIONS[command].filter((section) => section !== 'stories' || listed)
  return { report, sections }
}

/** The report in the format asked for; text in colour when --color says, or when stdout is a terminal that takes it. */
function renderReport(
  report: Report,
  sections: readonly Section[],
  options: Options,
  io: Io,
): string {
  const toFile = options.output !== null
  const color =
    options.color ??
    (!toFile && io.stdout.isTTY === true && !io.env.NO_COLOR && io.env.TERM !== 'dumb')
  return options.format === 'json'
    ? `${JSON.stringify(Object.fromEntries(sections.map((section) => [section, section === 'speakers' ? { speakers: report.speakers, unattributed: report.unattributed } : report[section]])), null, 2)}\n`
    : options.format === 'markdown'
      ? renderMarkdown(report, sections)
      : options.format === 'html'
        ? renderHtml(report, sections)
        : renderText(report, sections, color)
}

/** Writes the rendered report to --output, or to stdout without it; a file that cannot be written is a usage error. */
async function writeReport(rendered: string, options: Options, io: Io): Promise<ExitCode> {
  if (options.output === null) {
    io.stdout.write(rendered)
    return EXIT.ok
  }
  try {
    await writeFile(options.output, rendered)
  } catch (error) {
    // The path given to --output is wrong: a command-line problem.
    io.stderr.write(`corroborate: cannot write ${options.output}: ${(error as Error).message}\n`)
    return EXIT.usage
  }
  io.stderr.write(`corroborate: wrote ${options.output}\n`)
  return EXIT.ok
}
