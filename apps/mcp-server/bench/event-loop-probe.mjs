/*
 * Loaded into the server by the add-article bench (`node --import` of this file). On
 * SIGUSR2 the main thread writes to stderr one line `event-loop-probe {json}` about the
 * time since the last signal, then starts over:
 * - loopMaxMs: the longest the event loop was held, in wall time (monitorEventLoopDelay,
 *   2 ms resolution); on a shared machine this counts the time the thread waited for a core;
 * - cpuMaxMs: the most CPU time the main thread used between two ticks of a 2 ms timer
 *   (Linux: /proc/thread-self/schedstat), which the load of other processes hardly moves;
 *   such a stretch may hold several turns, so it bounds the longest turn from above;
 * - gcMaxMs and gc: the longest garbage collections on the main thread (wall time);
 * - turns: the stretches between two ticks over 20 ms of wall time, with their CPU time,
 *   the time they waited for a core, and when they started.
 * Worker threads load it too and do nothing.
 */
import { closeSync, openSync, readSync } from 'node:fs'
import { monitorEventLoopDelay, PerformanceObserver, performance } from 'node:perf_hooks'
import { isMainThread } from 'node:worker_threads'

if (isMainThread) {
  let since = performance.now()
  let loop = monitorEventLoopDelay({ resolution: 2 })
  loop.enable()
  let collections = []
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      if (entry.duration >= 5)
        collections.push({
          at: Math.round(entry.startTime - since),
          ms: Math.round(entry.duration),
          kind: entry.detail?.kind,
        })
  }).observe({ entryTypes: ['gc'] })
  // The main thread's time on a core and time waiting for one, in ns (null where there is no /proc).
  let schedstat = null
  try {
    schedstat = openSync('/proc/thread-self/schedstat', 'r')
  } catch {}
  const buffer = Buffer.alloc(64)
  const threadTimes = () => {
    if (schedstat === null) return [0, 0]
    const text = buffer.latin1Slice(0, readSync(schedstat, buffer, 0, 64, 0))
    const [run, wait] = text.split(' ')
    return [Number(run) / 1e6, Number(wait) / 1e6]
  }
  let turns = []
  let cpuMax = 0
  let last = performance.now()
  let [lastRun, lastWait] = threadTimes()
  setInterval(() => {
    const now = performance.now()
    const [run, wait] = threadTimes()
    cpuMax = Math.max(cpuMax, run - lastRun)
    if (now - last > 20)
      turns.push({
        at: Math.round(last - since),
        ms: Math.round(now - last),
        cpuMs: Math.round(run - lastRun),
        waitMs: Math.round(wait - lastWait),
      })
    last = now
    lastRun = run
    lastWait = wait
  }, 2).unref()
  process.on('SIGUSR2', () => {
    loop.disable()
    const report = {
      loopMaxMs: Math.round(loop.max / 1e6),
      cpuMaxMs: schedstat === null ? null : Math.round(cpuMax),
      gcMaxMs: Math.max(0, ...collections.map((c) => c.ms)),
      gc: collections.sort((a, b) => b.ms - a.ms).slice(0, 8),
      turns: turns.sort((a, b) => b.cpuMs - a.cpuMs || b.ms - a.ms).slice(0, 12),
    }
    process.stderr.write(`event-loop-probe ${JSON.stringify(report)}\n`)
    since = performance.now()
    loop = monitorEventLoopDelay({ resolution: 2 })
    loop.enable()
    collections = []
    turns = []
    cpuMax = 0
  })
  process.on('exit', () => {
    if (schedstat !== null) closeSync(schedstat)
  })
}
