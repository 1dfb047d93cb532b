/**
 * Runs `main` with `args` to its end, `input` on its stdin (none by default); resolves to
 * its exit code and output. Without `env` the child gets this process's environment.
 */
export function runToEnd(
  main: string,
  args: string[],
  options?: { input?: string; env?: NodeJS.ProcessEnv },
): Promise<{ code: number | null; stdout: string; stderr: string }>
