import { parentPort, workerData } from 'node:worker_threads'
import type { PGlite, PGliteOptions, Transaction } from '@electric-sql/pglite'

/**
 * The thread that runs PGlite for a store (see `openPglite` in queryable.ts). PGlite is
 * PostgreSQL compiled to WebAssembly: each statement runs to its end without yielding, so on
 * the server's main thread a large article's insert held every other request for 100 ms and
 * more. Here it holds only this thread; the main thread sends statements and gets rows back.
 *
 * Messages in: `open`, `query` and `exec` (each on the connection or on an open transaction),
 * `begin` and `end` of a transaction, `close`. Each is answered by its id: `{ id, rows }`, or
 * `{ id, error }` with the database error's fields (its `code`, `detail`, … are kept).
 */

/** What the main thread sends. */
export type PgliteRequest =
  | { op: 'query'; id: number; tx: number | null; sql: string; params: unknown[] }
  | { op: 'exec'; id: number; tx: number | null; sql: string }
  | { op: 'begin'; id: number }
  | { op: 'end'; id: number; tx: number; commit: boolean }
  | { op: 'close'; id: number }

/** What this thread answers: the rows (or nothing), or the error's own fields. */
export type PgliteReply =
  | { id: number; rows?: unknown[] }
  | { id: number; error: { message: string; name: string; fields: Record<string, unknown> } }

/** The first message: the database opened (with or without trigrams), or why it did not. */
export type PgliteOpened =
  | { opened: true; trigrams: boolean }
  | { opened: false; error: { message: string } }

/** Where the store lives: a data directory, or `null` for memory. */
export interface PgliteThreadData {
  dataDir: string | null
  /** PGlite's WebAssembly compiled by the process (see queryable.ts), or null to compile it here. */
  wasm: object | null
}

// JSON and text parameters given as UTF-8 bytes are sent as they are (PostgreSQL's binary
// format of json and text is the text): PGlite would otherwise stringify them.
const asIs = (fallback: (value: unknown) => string) => (value: unknown) =>
  value instanceof Uint8Array ? (value as unknown as string) : fallback(value)
const BYTES_AS_THEY_ARE = {
  serializers: {
    25: asIs(String),
    114: asIs((value) => (typeof value === 'string' ? value : JSON.stringify(value))),
  },
}

// PostgreSQL's default of 128MB is memory PGlite's process holds from the start (PGlite
// zeroes its shared memory, so every page of it is resident); the operating system caches the
// data directory's files anyway. At 10,000 articles 32MB took 100-120 MB off the server's RSS
// and 16MB 18 MB more (WebAssembly memory resident 54 -> 36 MB after 20 adds and searches),
// at the same CPU for searches and adds within the noise; 8MB cost adds about a quarter more.
const PGLITE_SHARED_BUFFERS = '16MB'

/** Opens (creating when missing) a PGlite data directory; `null` keeps it in memory. */
async function open({
  dataDir,
  wasm,
}: PgliteThreadData): Promise<{ db: PGlite; trigrams: boolean }> {
  const { PGlite } = await import('@electric-sql/pglite')
  const options = {
    ...(dataDir === null ? {} : { dataDir }),
    ...(wasm === null
      ? {}
      : { pgliteWasmModule: wasm as NonNullable<PGliteOptions['pgliteWasmModule']> }),
    startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${PGLITE_SHARED_BUFFERS}`],
  }
  try {
    const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm')
    return { db: await PGlite.create({ ...options, extensions: { pg_trgm } }), trigrams: true }
  } catch {
    return { db: await PGlite.create(options), trigrams: false }
  }
}

/** An error as the main thread can rebuild it: its message, name and own fields. */
function described(error: unknown): {
  message: string
  name: string
  fields: Record<string, unknown>
} {
  if (!(error instanceof Error)) return { message: String(error), name: 'Error', fields: {} }
  const fields: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(error))
    if (value === null || ['string', 'number', 'boolean'].includes(typeof value))
      fields[key] = value
  return { message: error.message, name: error.name, fields }
}

/** Thrown into a transaction that the main thread ends without committing. */
class RolledBack extends Error {}

/** What the thread holds between messages: the database, its open transactions, the port. */
interface Served {
  db: PGlite
  port: NonNullable<typeof parentPort>
  /** Open transactions by the id of their `begin`, and how each is ended. */
  transactions: Map<number, { tx: Transaction; end: (commit: boolean) => void }>
  /** What `end` waits for: each transaction's promise, settled when PGlite committed or rolled back. */
  settled: Map<number, Promise<void>>
}

const answer = (served: Served, reply: PgliteReply) => served.port.postMessage(reply)

/** The connection, or the open transaction `tx`, that a statement runs on. */
function target(served: Served, tx: number | null): Pick<Transaction, 'query' | 'exec'> {
  if (tx === null) return served.db
  const found = served.transactions.get(tx)
  if (!found) throw new Error(`no open transaction ${tx}`)
  return found.tx
}

/** Answers `id` with what `work` gives (rows, or nothing), or with its error. */
function answerWith(served: Served, id: number, work: () => Promise<unknown[] | undefined>) {
  Promise.resolve()
    .then(work)
    .then(
      (rows) => answer(served, rows === undefined ? { id } : { id, rows }),
      (error) => answer(served, { id, error: described(error) }),
    )
}

/**
 * Begins a transaction, answered once PGlite has begun it. PGlite runs one at a time: this one
 * starts when the earlier ones ended, and the statements sent outside it wait for it, as they
 * did on the main thread.
 */
function begin(served: Served, id: number) {
  let began = false
  const done = served.db.transaction(
    (tx) =>
      new Promise<void>((resolve, reject) => {
        began = true
        served.transactions.set(id, {
          tx,
          end: (commit) => (commit ? resolve() : reject(new RolledBack())),
        })
        answer(served, { id })
      }),
  )
  const finished = done.finally(() => {
    served.transactions.delete(id)
    served.settled.delete(id)
  })
  // Its outcome is answered to `end` (or below, when it never began): never unhandled here.
  finished.catch(() => {})
  served.settled.set(id, finished)
  done.catch((error) => {
    if (!began) answer(served, { id, error: described(error) })
  })
}

/** Commits or rolls back transaction `tx`, answered once PGlite has. */
function end(served: Served, id: number, tx: number, commit: boolean) {
  const found = served.transactions.get(tx)
  const finished = served.settled.get(tx)
  if (!found || !finished) {
    answer(served, { id, error: described(new Error(`no open transaction ${tx}`)) })
    return
  }
  found.end(commit)
  finished.then(
    () => answer(served, { id }),
    (error) =>
      answer(served, error instanceof RolledBack ? { id } : { id, error: described(error) }),
  )
}

/** Opens the database and answers the main thread's messages until it closes it. */
async function serve(port: NonNullable<typeof parentPort>, data: PgliteThreadData) {
  let opened: { db: PGlite; trigrams: boolean }
  try {
    opened = await open(data)
  } catch (error) {
    port.postMessage({
      opened: false,
      error: { message: (error as Error).message },
    } satisfies PgliteOpened)
    return
  }
  const served: Served = { db: opened.db, port, transactions: new Map(), settled: new Map() }
  port.on('message', (request: PgliteRequest) => {
    const { id } = request
    switch (request.op) {
      case 'query':
        return answerWith(served, id, async () => {
          const on = target(served, request.tx)
          return (await on.query(request.sql, request.params, BYTES_AS_THEY_ARE)).rows
        })
      case 'exec':
        return answerWith(served, id, async () => {
          await target(served, request.tx).exec(request.sql)
          return undefined
        })
      case 'begin':
        return begin(served, id)
      case 'end':
        return end(served, id, request.tx, request.commit)
      case 'close':
        return answerWith(served, id, async () => {
          await served.db.close()
          // Once answered: the port closes after this reply is sent.
          setImmediate(() => port.close())
          return undefined
        })
    }
  })
  port.postMessage({ opened: true, trigrams: opened.trigrams } satisfies PgliteOpened)
}

if (parentPort) await serve(parentPort, workerData as PgliteThreadData)
