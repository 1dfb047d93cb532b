import { rmSync } from 'node:fs'
import { mkdir, open, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { CorroborateError } from '@corroborate/core'

/**
 * A PGlite data directory is one process's: a second one opening it would
 * corrupt it. The lock file names the holder; a holder that died (kill -9)
 * leaves it, and the next open takes it over.
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  try {
    return await takeLock(dataDir)
  } catch (error) {
    throw unwritableStore(dataDir, error) ?? error
  }
}

// What the file system answers for a directory this process may not write.
const NOT_WRITABLE = new Set(['EACCES', 'EPERM', 'EROFS'])

/**
 * The error a user should see when `error` says the data directory cannot be
 * written, else null. There is no read-only open: PGlite writes to its data
 * directory to open it at all (its lock, its write-ahead log), and a store
 * writes what it analyses again, so even `corroborate report` needs it writable.
 */
export function unwritableStore(dataDir: string, error: unknown): CorroborateError | null {
  const code = (error as NodeJS.ErrnoException | null)?.code
  if (code === undefined || !NOT_WRITABLE.has(code)) return null
  return new CorroborateError(
    'READ_FAILED',
    `the store ${dataDir} cannot be written (${code}); a store on disk is written even to be read (its lock, the database's log, analyses made again by a newer core): give this user write access to the directory, or report on a writable copy of it`,
    { subject: dataDir, cause: error },
  )
}

async function takeLock(dataDir: string): Promise<() => Promise<void>> {
  await mkdir(dataDir, { recursive: true })
  const path = join(dataDir, 'corroborate.lock')
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(path, 'wx')
      await handle.writeFile(String(process.pid))
      await handle.close()
      // A process that ends without closing the store (stdin closed, exit()) lets it go too.
      const release = () => rmSync(path, { force: true })
      process.once('exit', release)
      return async () => {
        process.off('exit', release)
        await rm(path, { force: true })
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const holder = Number((await readFile(path, 'utf8').catch(() => '')).trim())
      let alive = false
      if (holder === process.pid) alive = true
      else if (Number.isInteger(holder) && holder > 0)
        try {
          process.kill(holder, 0)
          alive = true
        } catch (probe) {
          alive = (probe as NodeJS.ErrnoException).code === 'EPERM'
        }
      if (alive)
        throw new CorroborateError(
          'READ_FAILED',
          `the store ${dataDir} is open in process ${holder}; PGlite serves one process. Stop it, or use a PostgreSQL server (--database) for several`,
          { subject: dataDir },
        )
      await rm(path, { force: true })
    }
  }
  throw new CorroborateError('READ_FAILED', `cannot take the lock of the store ${dataDir}`, {
    subject: dataDir,
  })
}
