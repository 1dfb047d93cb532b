import { dirname, join } from 'node:path'
import { Worker } from 'node:worker_threads'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { builtServer } from './helpers.js'

// The worker a server over a store analyses in, as built: warmed on the seeds at start, it
// keeps nothing of them and then analyses an article as a cold one does.
let worker: Worker

beforeAll(() => {
  worker = new Worker(join(dirname(builtServer()), 'store-worker.js'))
}, 120_000)

afterAll(async () => {
  await worker.terminate()
})

const ask = (request: unknown) =>
  new Promise<Record<string, unknown>>((resolve) => {
    worker.once('message', resolve)
    worker.postMessage(request)
  })

const RAIL = `Night trains return to the valley line

The regional operator will run two night trains a week from March, its director Ana Ferreira said on Monday. "The valley has waited twenty years for this," she said.`

describe('store worker', () => {
  it('warms on the seeds, then prepares an article as it would have cold', async () => {
    const cold = new Worker(join(dirname(builtServer()), 'store-worker.js'))
    const coldReply = await new Promise<Record<string, unknown>>((resolve) => {
      cold.once('message', resolve)
      cold.postMessage({ type: 'prepare', input: { content: RAIL, format: 'text', metadata: {} } })
    })
    await cold.terminate()
    expect(await ask({ type: 'warm' })).toEqual({ type: 'warmed', articles: 5 })
    const warmReply = await ask({
      type: 'prepare',
      input: { content: RAIL, format: 'text', metadata: {} },
    })
    expect(warmReply.type).toBe('prepared')
    expect(warmReply).toEqual(coldReply)
  }, 120_000)
})
