import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import * as core from '../src/index.js'

const ROOT = fileURLToPath(new URL('../../../', import.meta.url))
const CORE = fileURLToPath(new URL('../src/index.ts', import.meta.url))
const READMES = ['README.md', 'packages/core/README.md']
const scratch = mkdtempSync(join(tmpdir(), 'corroborate-readme-'))

interface Check {
  line: number
  code: string
  expected: unknown
}

/** The ```ts runnable blocks of a Markdown file, with the line each starts on. */
function runnableBlocks(markdown: string): Array<{ line: number; code: string }> {
  const blocks: Array<{ line: number; code: string }> = []
  const lines = markdown.split('\n')
  for (let i = 0; i < lines.length; i++) {
    if (!/^```ts runnable\s*$/.test(lines[i] as string)) continue
    const end = lines.indexOf('```', i + 1)
    blocks.push({ line: i + 2, code: lines.slice(i + 1, end).join('\n') })
    i = end
  }
  return blocks
}

/**
 * The value a comment starts with ("'The New York Sun'; read from …" →
 * 'The New York Sun'), or undefined for a comment that is prose. A value is a
 * literal: evaluated with nothing in scope, so prose that happens to parse
 * (a name, a call) is no value.
 */
function commentValue(comment: string): { value: unknown } | undefined {
  const text = comment.trim()
  const cuts = [text.length, ...[...text.matchAll(/;|\s—\s|, (?=[a-z])/g)].map((m) => m.index)]
  for (const cut of cuts) {
    const candidate = text.slice(0, cut).trim()
    if (!/^(?:['"[{\-\d]|true\b|false\b|null\b)/.test(candidate)) continue
    try {
      return { value: new Function(`'use strict'; return (${candidate})`)() }
    } catch {}
  }
  return undefined
}

/**
 * Rewrites a block into a module that checks its claims: each expression
 * statement followed by a comment that starts with a value (on its line or
 * alone on the next) becomes `__check(index, expression)`. Imports of
 * '@corroborate/core' point at the source; a block without one gets every
 * export in scope; paths under seeds/ are the repository's.
 */
function instrument(code: string): { module: string; checks: Check[] } {
  const checks: Check[] = []
  const lines = code.split('\n')
  const out: string[] = []
  let statementStart = 0
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string
    const match =
      /^(?<expr>[^/'"`]*(?:(['"`])(?:(?!\2).)*\2[^/'"`]*)*?)\s*\/\/ (?<comment>.*)$/.exec(line)
    let expr = match?.groups?.expr?.trim() ?? ''
    let comment = match?.groups?.comment
    let next = i + 1
    if (!match && line.trim() !== '' && /^\s*\/\/ /.test(lines[next] ?? '')) {
      // A statement whose value stands alone on the lines after it.
      expr = line.trim()
      const comments: string[] = []
      while (/^\s*\/\/ /.test(lines[next] ?? ''))
        comments.push((lines[next++] as string).replace(/^\s*\/\/ /, ''))
      comment = comments.join(' ')
    }
    const value = comment === undefined ? undefined : commentValue(comment)
    const statement = expr !== '' && !/^(?:const|let|var|import|export|for|if|return)\b/.test(expr)
    if (value && statement) {
      // The end of a statement that began lines above: check the whole of it.
      if (/^[)\]}.]/.test(expr)) expr = `${out.splice(statementStart).join('\n')}\n${expr}`
      checks.push({ line: i, code: expr, expected: value.value })
      out.push(`__check(${checks.length - 1}, ${expr})`)
      if (!match) i = next - 1
    } else {
      if (/^[^\s)\]}.]/.test(line)) statementStart = out.length
      out.push(line)
    }
  }
  let module = out
    .join('\n')
    .replaceAll("from '@corroborate/core'", `from ${JSON.stringify(pathToFileURL(CORE).href)}`)
    .replace(/(['"])seeds\//g, `$1${ROOT}seeds/`)
  if (!code.includes("from '@corroborate/core'"))
    module = `import * as __core from ${JSON.stringify(pathToFileURL(CORE).href)}\nconst { ${Object.keys(core).join(', ')} } = __core\n${module}`
  return { module: `const __check = globalThis.__readmeCheck\n${module}`, checks }
}

afterAll(() => rmSync(scratch, { recursive: true, force: true }))

for (const readme of READMES) {
  const blocks = runnableBlocks(readFileSync(join(ROOT, readme), 'utf8'))
  describe(readme, () => {
    it('has runnable examples', () => {
      expect(blocks.length).toBeGreaterThan(0)
    })
    for (const [index, block] of blocks.entries()) {
      it(`runs the example at line ${block.line} and gives the values its comments say`, async () => {
        const { module, checks } = instrument(block.code)
        expect(checks.length, 'a runnable example checks at least one value').toBeGreaterThan(0)
        const seen = new Set<number>()
        ;(globalThis as Record<string, unknown>).__readmeCheck = (at: number, actual: unknown) => {
          const check = checks[at] as Check
          seen.add(at)
          const where = `${readme}:${block.line + check.line}: ${check.code}`
          if (
            check.expected !== null &&
            typeof check.expected === 'object' &&
            !Array.isArray(check.expected)
          )
            expect(actual, where).toMatchObject(check.expected as object)
          else expect(actual, where).toEqual(check.expected)
        }
        const file = join(scratch, `${readme.replace(/\W/g, '-')}-${index}.ts`)
        writeFileSync(file, module)
        await import(pathToFileURL(file).href)
        expect([...seen].sort((a, b) => a - b)).toEqual(checks.map((_, at) => at))
      })
    }
  })
}

describe('the example checker', () => {
  it('reads values from comments and leaves prose alone', () => {
    expect(commentValue("'The New York Sun'; read from the copyright line")).toEqual({
      value: 'The New York Sun',
    })
    expect(commentValue('{ start: 0, end: 111 }; the headline')).toEqual({
      value: { start: 0, end: 111 },
    })
    expect(commentValue("['a', 'b']")).toEqual({ value: ['a', 'b'] })
    expect(commentValue('null')).toEqual({ value: null })
    expect(commentValue('the headline, with its span')).toBeUndefined()
    expect(commentValue('what was taken out, and why')).toBeUndefined()
  })

  it('fails an example whose comment is wrong', () => {
    const { module, checks } = instrument("normalizeDate('February 4, 2025') // '2025-02-05'")
    expect(checks).toEqual([
      { line: 0, code: "normalizeDate('February 4, 2025')", expected: '2025-02-05' },
    ])
    expect(module).toContain("__check(0, normalizeDate('February 4, 2025'))")
    expect(core.normalizeDate('February 4, 2025')).not.toEqual(checks[0]?.expected)
  })
})
