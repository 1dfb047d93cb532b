import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { Pool, PoolClient } from 'pg'
import type { PgliteOpened, PgliteReply, PgliteRequest, PgliteThreadData } from './pglite-thread.js'

/** One row set from a query. */
export interface QueryResult<Row> {
  rows: Row[]
}

/**
 * The little the store asks of a database: PGlite in process or a PostgreSQL
 * server through `pg`. Both run the same SQL with `$1` parameters.
 */
export interface Queryable {
  readonly engine: 'pglite' | 'postgres'
  query<Row = Record<string, unknown>>(
    sql: string,
    params?: readonly unknown[],
  ): Promise<QueryResult<Row>>
  /** Several statements, no parameters (migrations). */
  exec(sql: string): Promise<void>
  /**
   * Runs `work` in one transaction: committed when it resolves (and only
   * then does the promise resolve), rolled back when it throws.
   */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>
  /**
   * Calls made on this connection and not finished yet: with PGlite, which
   * runs one at a time, what waits for it. A writer in slices lets them go
   * first. Always 0 for a server, whose connections do not wait for each other.
   */
  waiting(): number
  close(): Promise<void>
}

/** Whether the PGlite build loaded the pg_trgm extension (names by similarity). */
export interface PgliteQueryable extends Queryable {
  readonly trigrams: boolean
}

/** PGlite's thread: beside this module once built; from the sources (vitest), the build's. */
const PGLITE_THREAD = new URL(
  import.meta.url.endsWith('.ts') ? '../dist/pglite-thread.js' : './pglite-thread.js',
  import.meta.url,
)

/** An error from PGlite's thread as the database gave it: its message, name and fields. */
function rebuilt(error: { message: string; name: string; fields: Record<string, unknown> }) {
  return Object.assign(new Error(error.message), error.fields, { name: error.name })
}

// Node has WebAssembly; the TypeScript library this package builds with (ES, no DOM) does not
// declare it.
declare const WebAssembly: { compile(bytes: Uint8Array): Promise<object> }

// PGlite's WebAssembly, compiled once a process and given to each of its threads: a compiled
// module carries the code V8 has optimized since, so the second store a process opens (tests
// open dozens) starts in half the CPU time (3.4-4.1 s against 6.9-7.7 s, in memory).
let pgliteWasm: Promise<object> | null = null
const compiledPglite = () => {
  pgliteWasm ??= (async () => {
    // Beside the package's entry (dist/index.cjs: the entry `require` resolves).
    const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite')
    return WebAssembly.compile(await readFile(new URL('pglite.wasm', pathToFileURL(entry))))
  })().catch((error: unknown) => {
    pgliteWasm = null
    throw error
  })
  return pgliteWasm
}

/**
 * The young generation of PGlite's thread, in MB. V8's default (about 48 MB) let the thread
 * keep 34 MB of new space committed, almost empty between statements. Its objects live for one
 * statement; in an ingest the thread's CPU per article was 13.0-16.1 ms with 12 MB and
 * 13.7-15.5 ms with the default (five runs each): within the runs' spread (BENCHMARKS.md).
 */
const PGLITE_THREAD_YOUNG_MB = 12

/** PGlite's thread, started and opened; or why it did not open. */
async function startThread(dataDir: string | null): Promise<{ thread: Worker; trigrams: boolean }> {
  // Without the compiled module (an unusual install), the thread compiles its own.
  const wasm = await compiledPglite().catch(() => null)
  const thread = new Worker(PGLITE_THREAD, {
    workerData: { dataDir, wasm } satisfies PgliteThreadData,
    resourceLimits: { maxYoungGenerationSizeMb: PGLITE_THREAD_YOUNG_MB },
  })
  // Only these listeners come off once it opened: the Worker has listeners of its own.
  let settle = (): void => {}
  const opened = await new Promise<PgliteOpened>((resolve, reject) => {
    const exited = (code: number) =>
      reject(new Error(`PGlite's thread stopped (exit code ${code}) before the store opened`))
    thread.once('message', resolve).once('error', reject).once('exit', exited)
    settle = () => thread.off('message', resolve).off('error', reject).off('exit', exited)
  }).finally(() => settle())
  if (!opened.opened) {
    await thread.terminate()
    throw new Error(opened.error.message)
  }
  return { thread, trigrams: opened.trigrams }
}

/** Sends a request to PGlite's thread and resolves with its rows; `close` ends the thread. */
interface ThreadCalls {
  request(message: PgliteRequest): Promise<unknown[]>
  nextId(): number
  close(): Promise<void>
}

/** The calls in flight to PGlite's thread, each answered by its id. */
function callsTo(thread: Worker): ThreadCalls {
  type Call = { resolve: (rows: unknown[]) => void; reject: (error: Error) => void }
  const calls = new Map<number, Call>()
  let ended: Error | null = null
  let last = 0
  const stop = (error: Error) => {
    ended ??= error
    for (const call of calls.values()) call.reject(error)
    calls.clear()
  }
  thread.on('message', (reply: PgliteReply) => {
    const call = calls.get(reply.id)
    if (!call) return
    calls.delete(reply.id)
    // An idle store does not keep the process alive, as PGlite on the main thread did not.
    if (calls.size === 0) thread.unref()
    if ('error' in reply) call.reject(rebuilt(reply.error))
    else call.resolve(reply.rows ?? [])
  })
  thread.on('error', (error) => stop(new Error(`PGlite's thread failed: ${error.message}`)))
  thread.on('exit', (code) => stop(new Error(`PGlite's thread stopped (exit code ${code})`)))
  thread.unref()
  const request = (message: PgliteRequest) =>
    new Promise<unknown[]>((resolve, reject) => {
      if (ended) return reject(ended)
      calls.set(message.id, { resolve, reject })
      if (calls.size === 1) thread.ref()
      thread.postMessage(message)
    })
  const nextId = () => ++last
  return {
    request,
    nextId,
    close: async () => {
      if (ended) return
      await request({ op: 'close', id: nextId() })
      ended = new Error('the store is closed')
      await thread.terminate()
    },
  }
}

/**
 * The connection (`tx` null) or an open transaction, through the thread. PGlite has one
 * connection and serializes its transactions: a nested one runs in the outer, and the
 * statements sent outside a transaction wait for it in PGlite's thread.
 */
function pgliteOn(calls: ThreadCalls, tx: number | null, waiting: () => number): Queryable {
  const { request, nextId } = calls
  return {
    engine: 'pglite',
    query: async <Row>(sql: string, params: readonly unknown[] = []) => {
      const rows = await request({ op: 'query', id: nextId(), tx, sql, params: [...params] })
      return { rows: rows as Row[] }
    },
    exec: async (sql) => {
      await request({ op: 'exec', id: nextId(), tx, sql })
    },
    transaction: (work) =>
      tx === null ? inTransaction(calls, work, waiting) : work(pgliteOn(calls, tx, waiting)),
    waiting,
    close: async () => {},
  }
}

/** Runs `work` in a transaction of its own: committed when it resolves, rolled back when it throws. */
async function inTransaction<T>(
  calls: ThreadCalls,
  work: (tx: Queryable) => Promise<T>,
  waiting: () => number,
): Promise<T> {
  const tx = calls.nextId()
  await calls.request({ op: 'begin', id: tx })
  let value: T
  try {
    value = await work(pgliteOn(calls, tx, waiting))
  } catch (error) {
    await calls.request({ op: 'end', id: calls.nextId(), tx, commit: false }).catch(() => {})
    throw error
  }
  await calls.request({ op: 'end', id: calls.nextId(), tx, commit: true })
  return value
}

/**
 * Opens (creating when missing) a PGlite data directory, `null` keeping it in memory, in a
 * thread of its own (pglite-thread.ts): PGlite's statements run without yielding, and on this
 * thread a large article's write held every request of the server for over 100 ms. Statements
 * and rows go between the threads as messages; the calls and their order are as before.
 */
export async function openPglite(dataDir: string | null): Promise<PgliteQueryable> {
  const { thread, trigrams } = await startThread(dataDir)
  const calls = callsTo(thread)
  // The calls made on the connection and not finished: a writer in slices lets them go first.
  let waiting = 0
  const counted = async <T>(call: () => Promise<T>): Promise<T> => {
    waiting++
    try {
      return await call()
    } finally {
      waiting--
    }
  }
  const top = pgliteOn(calls, null, () => waiting)
  return {
    ...top,
    trigrams,
    query: <Row>(sql: string, params?: readonly unknown[]) =>
      counted(() => top.query<Row>(sql, params)),
    exec: (sql) => counted(() => top.exec(sql)),
    transaction: (work) => counted(() => inTransaction(calls, work, () => waiting)),
    close: () => calls.close(),
  }
}

/** Connects to a PostgreSQL server (`postgres://user:password@host:port/database`). */
export async function openPostgres(url: string): Promise<Queryable> {
  const { default: pg } = await import('pg')
  const pool = new pg.Pool({ connectionString: url, max: 4 })
  // A server that cannot be reached fails here, with its own reason, not at the first add.
  const probe = await pool.connect()
  probe.release()
  pool.on('error', () => {})
  const through = (client: Pool | PoolClient): Queryable => ({
    engine: 'postgres',
    query: async <Row>(sql: string, params: readonly unknown[] = []) => {
      const result = await client.query(sql, [...params])
      return { rows: result.rows as Row[] }
    },
    exec: async (sql) => {
      await client.query(sql)
    },
    transaction: (work) => work(through(client)),
    waiting: () => 0,
    close: async () => {},
  })
  return {
    ...through(pool),
    transaction: async (work) => {
      const client = await pool.connect()
      try {
        await client.query('BEGIN')
        const value = await work(through(client))
        await client.query('COMMIT')
        return value
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {})
        throw error
      } finally {
        client.release()
      }
    },
    close: () => pool.end(),
  }
}
