// Finds a package's built command for its tests: how the CLI's and the MCP server's tests
// reach the build turbo made before them.
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

/**
 * `dist/main.js` of the package in `pkg`, as turbo builds it: `test` depends on `build` in
 * turbo.json, so `npm test` runs on a finished build. Run on its own, vitest needs that build
 * first; one missing or older than a file of `src/` throws, naming the file.
 */
export function builtMain(pkg) {
  const main = join(pkg, 'dist', 'main.js')
  const built = existsSync(main) ? statSync(main).mtimeMs : 0
  const stale = readdirSync(join(pkg, 'src'), { recursive: true, encoding: 'utf8' }).find(
    (name) => statSync(join(pkg, 'src', name)).mtimeMs > built,
  )
  if (stale !== undefined)
    throw new Error(
      `${main} is missing or older than src/${stale}: run "npx turbo run build" first`,
    )
  return main
}
