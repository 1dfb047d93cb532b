// Runs a Node script in a child process to its end: how the CLI's and the MCP server's
// tests run their built commands.
import { spawn } from 'node:child_process'

/**
 * Runs `main` with `args` to its end, `input` on its stdin (none by default); resolves to
 * its exit code and output. Without `env` the child gets this process's environment.
 */
export function runToEnd(main, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [main, ...args], {
      stdio: 'pipe',
      ...(options.env ? { env: options.env } : {}),
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => {
      stdout += chunk.toString('utf8')
    })
    child.stderr.on('data', (chunk) => {
      stderr += chunk.toString('utf8')
    })
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
    child.stdin.on('error', () => {})
    child.stdin.end(options.input ?? '')
  })
}
