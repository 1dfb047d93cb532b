import { parentPort, workerData } from 'node:worker_threads'
import type { PGlite, Transaction } from '@electric-sql/pglite'

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

// PostgreSQL's default of 128MB is memory PGlite's process holds from the start; the
// operating system caches the data directory's files anyway. At 10,000 articles this
// takes 100-120 MB off the server's RSS; ingest and search cost the same (within noise).
const PGLITE_SHARED_BUFFERS = '32MB'

/** Opens (creating when missing) a PGlite data directory; `null` keeps it in memory. */
async function open(dataDir: string | null): Promise<{ db: PGlite; trigrams: boolean }> {
  const { PGlite } = await import('@electric-sql/pglite')
  const options = {
    ...(dataDir === null ? {} : { dataDir }),
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

async function serve(port: NonNullable<typeof parentPort>, data: PgliteThreadData) {
  let opened: { db: PGlite; trigrams: boolean }
  try {
    opened = await open(data.dataDir)
  } catch (error) {
    port.postMessage({
      opened: false,
      error: { message: (error as Error).message },
    } satisfies PgliteOpened)
    return
  }
  const { db } = opened
  // Open transactions by the id of their `begin`, and how each is ended.
  const transactions = new Map<number, { tx: Transaction; end: (commit: boolean) => void }>()
  const target = (tx: number | null): Pick<Transaction, 'query' | 'exec'> => {
    if (tx === null) return db
    const found = transactions.get(tx)
    if (!found) throw new Error(`no open transaction ${tx}`)
    return found.tx
  }
  const answer = (reply: PgliteReply) => port.postMessage(reply)
  // What `end` waits for: the transaction's promise, settled when PGlite committed or rolled back.
  const settled = new Map<number, Promise<void>>()
  port.on('message', (request: PgliteRequest) => {
    const { id } = request
    switch (request.op) {
      case 'query':
        Promise.resolve()
          .then(() => target(request.tx).query(request.sql, request.params, BYTES_AS_THEY_ARE))
          .then(
            (result) => answer({ id, rows: result.rows }),
            (error) => answer({ id, error: described(error) }),
          )
        return
      case 'exec':
        Promise.resolve()
          .then(() => target(request.tx).exec(request.sql))
          .then(
            () => answer({ id }),
            (error) => answer({ id, error: described(error) }),
          )
        return
      case 'begin': {
        // PGlite runs one transaction at a time: this one starts when the earlier ones ended,
        // and the main thread's statements outside it wait for it, as on the main thread before.
        let began = false
        const done = db.transaction(
          (tx) =>
            new Promise<void>((resolve, reject) => {
              began = true
              transactions.set(id, {
                tx,
                end: (commit) => (commit ? resolve() : reject(new RolledBack())),
              })
              answer({ id })
            }),
        )
        settled.set(
          id,
          done.finally(() => {
            transactions.delete(id)
            settled.delete(id)
          }),
        )
        // A transaction that could not begin is answered here; one that began was answered.
        done.catch((error) => {
          if (!began) answer({ id, error: described(error) })
        })
        return
      }
      case 'end': {
        const found = transactions.get(request.tx)
        const finished = settled.get(request.tx)
        if (!found || !finished) {
          answer({ id, error: described(new Error(`no open transaction ${request.tx}`)) })
          return
        }
        found.end(request.commit)
        finished.then(
          () => answer({ id }),
          (error) =>
            error instanceof RolledBack ? answer({ id }) : answer({ id, error: described(error) }),
        )
        return
      }
      case 'close':
        db.close().then(
          () => {
            answer({ id })
            port.close()
          },
          (error) => answer({ id, error: described(error) }),
        )
        return
    }
  })
  port.postMessage({ opened: true, trigrams: opened.trigrams } satisfies PgliteOpened)
}

if (parentPort) await serve(parentPort, workerData as PgliteThreadData)
