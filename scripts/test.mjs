#!/usr/bin/env node
// `npm test` after the install: build, typecheck, lint and test every workspace package through
// turbo, then close with what a reader (or a CI log) needs last: the vitest JSON reports summed
// into "tests: N passed, N failed, N known failures", each failed test by file and name, and each turbo task that
// failed (a build, a typecheck, a lint). Exit 1 when anything failed.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { delimiter, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const bin = join(root, 'node_modules', '.bin')
const packages = ['packages', 'apps'].flatMap((group) => {
  const dir = join(root, group)
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .map((name) => join(dir, name))
    .filter((path) => existsSync(join(path, 'package.json')))
})
const reportOf = (dir) => join(dir, 'test-results.json')
const runs = join(root, '.turbo', 'runs')

// A report left from an earlier run must not stand for this one: turbo restores it from its
// cache when the tests are unchanged, and vitest writes it again when they run.
for (const dir of packages) rmSync(reportOf(dir), { force: true })
rmSync(runs, { recursive: true, force: true })

const turbo = spawnSync(
  join(bin, process.platform === 'win32' ? 'turbo.cmd' : 'turbo'),
  [
    'run',
    'build',
    'typecheck',
    'lint',
    'test',
    '--output-logs=errors-only',
    // Every task whose dependencies built runs, so one failure does not hide the others.
    '--continue=dependencies-successful',
    '--summarize',
  ],
  {
    stdio: 'inherit',
    env: { ...process.env, PATH: `${bin}${delimiter}${process.env.PATH ?? ''}` },
  },
)

/** The tasks turbo ran that failed, from its run summary. */
function failedTasks() {
  if (!existsSync(runs)) return []
  const [latest] = readdirSync(runs).filter((name) => name.endsWith('.json'))
  if (!latest) return []
  const summary = JSON.parse(readFileSync(join(runs, latest), 'utf8'))
  rmSync(runs, { recursive: true, force: true })
  return (summary.tasks ?? [])
    .filter((task) => task.execution && task.execution.exitCode !== 0)
    .map((task) => task.taskId)
}

let passed = 0
let failed = 0
let known = 0
let skipped = 0
const failures = []
const missing = []
for (const dir of packages) {
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
  if (!manifest.scripts?.test) continue
  if (!existsSync(reportOf(dir))) {
    missing.push(manifest.name)
    continue
  }
  const report = JSON.parse(readFileSync(reportOf(dir), 'utf8'))
  failed += report.numFailedTests ?? 0
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0)
  for (const file of report.testResults ?? []) {
    // An `it.fails` that failed as expected is "passed" in the report; the setup file
    // scripts/mark-known-failures.mjs marks it, and it is counted apart: a bug known, not fixed.
    for (const test of file.assertionResults ?? [])
      if (test.status === 'passed') {
        if (test.meta?.knownFailure) known++
        else passed++
      }
    const tests = (file.assertionResults ?? []).filter((test) => test.status === 'failed')
    for (const test of tests)
      failures.push(`${relative(root, file.name)} › ${test.fullName ?? test.title}`)
    // A file that failed outside any test (an import error, a hook): no test names it.
    if (tests.length === 0 && file.status === 'failed')
      failures.push(`${relative(root, file.name)}: ${(file.message ?? 'failed').split('\n')[0]}`)
  }
}
const tasks = failedTasks()

const lines = ['']
for (const failure of failures) lines.push(`failed: ${failure}`)
for (const task of tasks) lines.push(`failed task: ${task} (its output is above)`)
for (const name of missing) lines.push(`no test report from ${name}: its tests did not run`)
if (turbo.error) lines.push(`turbo did not start: ${turbo.error.message}`)
lines.push(`tests: ${passed} passed, ${failed} failed, ${known} known failures, ${skipped} skipped`)
console.log(lines.join('\n'))
const ok = turbo.status === 0 && failures.length === 0 && tasks.length === 0 && missing.length === 0
if (!ok || passed === 0) process.exitCode = 1
