/**
 * `dist/main.js` of the package in `pkg`, as turbo builds it: `test` depends on `build` in
 * turbo.json, so `npm test` runs on a finished build. Run on its own, vitest needs that build
 * first; one missing or older than a file of `src/` throws, naming the file.
 */
export function builtMain(pkg: string): string
