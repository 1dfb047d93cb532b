import type { Pool, PoolClient } from 'pg'

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
export async function openPglite(dataDir: string | null): Promise<PgliteQueryable> {
  const { PGlite } = await import('@electric-sql/pglite')
  let trigrams = true
  let db: InstanceType<typeof PGlite>
  const memory = {
    startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${PGLITE_SHARED_BUFFERS}`],
  }
  try {
    const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm')
    db = await PGlite.create({
      ...(dataDir === null ? {} : { dataDir }),
      extensions: { pg_trgm },
      ...memory,
    })
  } catch {
    trigrams = false
    db = await PGlite.create({ ...(dataDir === null ? {} : { dataDir }), ...memory })
  }
  type Tx = { query: typeof db.query; exec: typeof db.exec }
  const wrap = (target: Tx): Queryable => ({
    engine: 'pglite',
    query: async <Row>(sql: string, params: readonly unknown[] = []) => {
      const result = await target.query<Row>(sql, [...params], BYTES_AS_THEY_ARE)
      return { rows: result.rows }
    },
    exec: async (sql) => {
      await target.exec(sql)
    },
    // PGlite has one connection and serializes its transactions: a nested one runs in the outer.
    transaction: (work) => work(wrap(target)),
    waiting: () => waiting,
    close: async () => {},
  })
  let waiting = 0
  const counted = async <T>(call: () => Promise<T>): Promise<T> => {
    waiting++
    try {
      return await call()
    } finally {
      waiting--
    }
  }
  const top = wrap(db)
  return {
    ...top,
    trigrams,
    query: <Row>(sql: string, params?: readonly unknown[]) =>
      counted(() => top.query<Row>(sql, params)),
    exec: (sql) => counted(() => top.exec(sql)),
    transaction: (work) => counted(() => db.transaction((tx) => work(wrap(tx)))),
    close: () => db.close(),
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
