import { homedir } from 'node:os'
import { join } from 'node:path'

/**
 * Where Corroborate keeps its articles when no place is named:
 * `$XDG_DATA_HOME/corroborate`, else `~/.local/share/corroborate` (also on macOS
 * and Windows, where no XDG variable is set: one place to find, back up and remove).
 */
export function defaultDataDir(
  env: Readonly<Record<string, string | undefined>> = process.env,
): string {
  const base = env.XDG_DATA_HOME?.trim() || join(homedir(), '.local', 'share')
  return join(base, 'corroborate')
}
