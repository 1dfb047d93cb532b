// The published packages as a user gets them: each package packed with `pnpm pack` (as
// `pnpm release` publishes it, workspace:* rewritten to versions), the four tarballs installed
// with npm into a fresh project outside the repository, then used from there: the core's
// README example, the MCP server's bin through a real MCP client, the CLI's bin.
// Run after a build: `pnpm test:pack` (node --test scripts/pack-install.test.mjs).
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { delimiter, join, relative, sep } from 'node:path'
import { after, before, test } from 'node:test'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { promisify } from 'node:util'

const run = promisify(execFile)
const root = realpathSync(fileURLToPath(new URL('..', import.meta.url)))
const packages = [
  { name: '@corroborate/core', dir: 'packages/core' },
  { name: '@corroborate/store', dir: 'packages/store' },
  { name: '@corroborate/mcp-server', dir: 'apps/mcp-server' },
  { name: '@corroborate/cli', dir: 'apps/cli' },
]
const seed = '000_319bfdf5a655c3df'

const inside = (dir, path) => {
  const rel = relative(dir, path)
  return rel !== '' && !rel.startsWith('..') && !rel.startsWith(sep)
}

// Nothing of the workspace may reach the project: no NODE_PATH or NODE_OPTIONS, none of the
// npm_*/pnpm_* variables `npm run` sets (npm_config_local_prefix would point npm at the
// repository), no node_modules/.bin of the repository on the PATH.
const env = Object.fromEntries(
  Object.entries(process.env).filter(
    ([key]) =>
      !/^(npm_|pnpm_)/i.test(key) && !['NODE_PATH', 'NODE_OPTIONS', 'INIT_CWD'].includes(key),
  ),
)
env.PATH = (process.env.PATH ?? '')
  .split(delimiter)
  .filter((entry) => entry !== '' && !inside(root, entry) && entry !== root)
  .join(delimiter)

let scratch = ''
let project = ''
const packed = new Map()

before(
  async () => {
    scratch = realpathSync(mkdtempSync(join(tmpdir(), 'corroborate-pack-')))
    assert.ok(!inside(root, scratch), `the scratch directory ${scratch} is inside the repository`)
    const tarballs = join(scratch, 'tarballs')
    project = join(scratch, 'project')
    mkdirSync(tarballs)
    mkdirSync(join(project, 'articles'), { recursive: true })

    const pnpm = join(root, 'node_modules', '.bin', 'pnpm')
    await Promise.all(
      packages.map(async ({ name, dir }) => {
        const { stdout } = await run(pnpm, ['pack', '--json', '--pack-destination', tarballs], {
          cwd: join(root, dir),
        })
        const result = JSON.parse(stdout)
        assert.equal(result.name, name)
        packed.set(name, result)
      }),
    )

    writeFileSync(
      join(project, 'package.json'),
      `${JSON.stringify({ name: 'corroborate-pack-install', private: true, type: 'module' }, null, 2)}\n`,
    )
    await run(
      'npm',
      [
        'install',
        '--no-audit',
        '--no-fund',
        '--no-package-lock',
        '--loglevel=error',
        ...packages.map(({ name }) => packed.get(name).filename),
      ],
      { cwd: project, env, maxBuffer: 16 * 1024 * 1024 },
    )
  },
  { timeout: 300_000 },
)

after(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true })
})

test('the tarballs carry dist, README, LICENSE and real versions of each other', () => {
  const license = readFileSync(join(root, 'LICENSE'), 'utf8')
  for (const { name } of packages) {
    const files = packed.get(name).files.map((file) => file.path)
    for (const file of ['package.json', 'README.md', 'LICENSE'])
      assert.ok(files.includes(file), `${name}: ${file} is not in the tarball`)
    assert.ok(
      files.some((file) => file.startsWith('dist/')),
      `${name}: no dist/ in the tarball`,
    )
    const stray = files.filter((file) => /^(src|test|bench)\/|\.map$|tsconfig/.test(file))
    assert.deepEqual(stray, [], `${name}: files that should not ship`)

    const installed = join(project, 'node_modules', ...name.split('/'))
    assert.equal(readFileSync(join(installed, 'LICENSE'), 'utf8'), license, `${name}: LICENSE`)
    const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'))
    assert.equal(manifest.version, packed.get(name).version)
    assert.equal(manifest.license, 'MIT')
    assert.deepEqual(manifest.publishConfig, { access: 'public' })
    const ranges = Object.values(manifest.dependencies ?? {})
    assert.ok(!ranges.some((range) => range.startsWith('workspace:')), `${name}: ${ranges}`)
  }
  for (const name of ['@corroborate/mcp-server', '@corroborate/cli']) {
    const seeds = packed.get(name).files.filter((file) => /^seeds\/.+\.txt$/.test(file.path))
    assert.equal(seeds.length, 5, `${name}: the embedded seeds`)
  }
})

test('@corroborate/core resolves inside the project, one copy for every package', () => {
  const expected = join(project, 'node_modules', '@corroborate', 'core')
  const fromProject = createRequire(join(project, 'package.json')).resolve('@corroborate/core')
  assert.ok(inside(expected, fromProject), `resolved to ${fromProject}`)
  assert.ok(inside(expected, realpathSync(fromProject)), 'the installed core is a link')
  for (const name of ['@corroborate/store', '@corroborate/mcp-server', '@corroborate/cli']) {
    const manifest = join(project, 'node_modules', ...name.split('/'), 'package.json')
    assert.equal(createRequire(manifest).resolve('@corroborate/core'), fromProject, name)
  }
})

test("the core README's first example runs as a user would run it", async () => {
  const readme = readFileSync(
    join(project, 'node_modules', '@corroborate', 'core', 'README.md'),
    'utf8',
  )
  const use = readme.split(/^## Use\s*$/m)[1]?.split(/^## /m)[0]
  assert.ok(use, 'the README has no "## Use" section')
  const example = use.match(/^```ts\n([\s\S]*?)^```$/m)?.[1]
  assert.ok(example, 'the "## Use" section has no ```ts block')
  writeFileSync(join(project, 'example.mjs'), example)
  cpSync(join(root, 'seeds', `${seed}.txt`), join(project, 'articles', `${seed}.txt`))

  const { stdout } = await run(process.execPath, ['example.mjs'], { cwd: project, env })
  const lines = stdout.trim().split('\n')
  assert.ok(lines.length >= 10, `only ${lines.length} lines:\n${stdout}`)
  for (const line of lines) {
    assert.ok(line.startsWith(`${seed} `), `not the seed's id: ${line}`)
    assert.ok(line.endsWith(' true'), `the evidence is not the sentence: ${line}`)
  }
  assert.ok(stdout.includes('Rubio'), stdout)
})

test('corroborate-mcp from the installed bin serves its tools to a real MCP client', async () => {
  // The SDK the server depends on, from the project's own node_modules.
  const sdk = createRequire(join(project, 'package.json'))
  const { Client } = await import(
    pathToFileURL(sdk.resolve('@modelcontextprotocol/sdk/client/index.js')).href
  )
  const { StdioClientTransport } = await import(
    pathToFileURL(sdk.resolve('@modelcontextprotocol/sdk/client/stdio.js')).href
  )
  assert.ok(inside(project, sdk.resolve('@modelcontextprotocol/sdk/client/index.js')))

  const transport = new StdioClientTransport({
    command: join(project, 'node_modules', '.bin', 'corroborate-mcp'),
    cwd: project,
    // The default store (PGlite from the tarball) in the scratch directory, not the user's.
    env: { ...env, XDG_DATA_HOME: join(scratch, 'data') },
    stderr: 'pipe',
  })
  let stderr = ''
  transport.stderr?.on('data', (chunk) => {
    stderr += chunk
  })
  const client = new Client({ name: 'corroborate-pack-install', version: '0.0.0' })
  try {
    await client.connect(transport)
    const { tools } = await client.listTools()
    const names = tools.map((tool) => tool.name)
    for (const tool of ['list_sources', 'get_quotes', 'compare_sources', 'list_disputed_claims'])
      assert.ok(names.includes(tool), `${tool} is missing from ${names.join(', ')}`)
    // The default corpus is the seeds shipped inside the tarball, given to the empty store.
    const sources = await client.callTool({ name: 'list_sources', arguments: {} })
    assert.equal(sources.isError, undefined, JSON.stringify(sources.content))
    assert.equal(sources.structuredContent.total, 5)
    assert.ok(existsSync(join(scratch, 'data', 'corroborate', 'PG_VERSION')), stderr)
  } catch (error) {
    error.message += `\nserver stderr:\n${stderr}`
    throw error
  } finally {
    await client.close()
  }
})

test('corroborate --help from the installed bin', async () => {
  const { stdout } = await run(join(project, 'node_modules', '.bin', 'corroborate'), ['--help'], {
    cwd: project,
    env,
  })
  assert.match(stdout, /\breport\b/)
})

test('the pending changesets parse and name only published packages', async () => {
  // With changesets' own reader (a dependency of @changesets/cli): `changeset version` in the
  // release workflow stops at the first changeset whose front matter does not parse.
  const cli = createRequire(join(root, 'package.json')).resolve('@changesets/cli/package.json')
  const { default: read } = createRequire(cli)('@changesets/read')
  const names = new Set(packages.map(({ name }) => name))
  for (const changeset of await read(root)) {
    assert.ok(changeset.summary.trim() !== '', `${changeset.id}: no summary`)
    assert.ok(changeset.releases.length > 0, `${changeset.id}: no packages`)
    for (const release of changeset.releases) {
      assert.ok(names.has(release.name), `${changeset.id}: ${release.name} is not published`)
      assert.ok(['major', 'minor', 'patch'].includes(release.type), `${changeset.id}`)
    }
  }
})
