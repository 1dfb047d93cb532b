import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { type Browser, chromium, type Page } from 'playwright-core'
import { PNG } from 'pngjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { run } from '../src/run.js'

// Debian's Chromium (apt-get install -y chromium); playwright-core downloads no browser.
const CHROMIUM = '/usr/bin/chromium'
const HAVE_CHROMIUM = existsSync(CHROMIUM)
const IN_CI = Boolean(process.env.CI)
// The network is closed where this runs: no background fetches, no QUIC, no updates.
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]
// The browser globals the functions run in the page use; the package compiles without the DOM lib.
declare const document: { documentElement: { scrollWidth: number } }
declare function getComputedStyle(element: unknown): {
  backgroundColor: string
  textDecorationLine: string
  visibility: string
}

const SEEDS = fileURLToPath(new URL('../../../seeds/', import.meta.url))
const WIDTH = 1280
// The page's highlight backgrounds (--added, --changed, --missing in render-html.ts).
const COLOURS = {
  added: [0xd4, 0xf4, 0xdc],
  changed: [0xff, 0xf1, 0xb8],
  missing: [0xff, 0xd9, 0xd9],
} as const
const rgb = ([r, g, b]: readonly number[]) => `rgb(${r}, ${g}, ${b})`
const SCREENSHOT = join(tmpdir(), 'corroborate-html-report.png')

// Two reports of one story, one adding a word ("early"): the seeds add none.
const RIVER = `---
outlet: River Gazette
---

"The new bridge will open in March and it will carry twenty thousand cars every single day across the river," Mayor Ellen Park said.
`
const LUNE = `---
outlet: Lune Daily
---

"The new bridge will open in early March and it will carry twenty thousand cars every day," Mayor Ellen Park said.
`

/** Writes the html report of `paths` to `file` through the command itself. */
async function writeReport(paths: string[], file: string): Promise<void> {
  let stderr = ''
  const code = await run(['report', ...paths, '-f', 'html', '-o', file], {
    stdout: { write: () => true },
    stderr: {
      write: (text: string) => {
        stderr += text
        return true
      },
    },
    env: {},
  })
  expect(code, stderr).toBe(0)
}

interface Box {
  left: number
  top: number
  width: number
  height: number
}

/** The bounding boxes of each card's outlet columns, by card. */
const columnsOf = (page: Page, cards: string) =>
  page.$$eval(cards, (elements) =>
    elements.map((card) => ({
      id: card.getAttribute('data-cluster') ?? card.getAttribute('data-dispute') ?? '',
      boxes: [...card.querySelectorAll(':scope > .outlets > .outlet')].map((outlet) => {
        const r = outlet.getBoundingClientRect()
        return { left: r.left, top: r.top, width: r.width, height: r.height }
      }),
    })),
  )

function expectSideBySide(id: string, boxes: Box[]): void {
  expect(boxes.length, id).toBeGreaterThanOrEqual(2)
  const [first] = boxes as [Box]
  for (const [index, box] of boxes.entries()) {
    expect(Math.abs(box.top - first.top), `${id}: column ${index} top`).toBeLessThanOrEqual(1)
    expect(box.width, `${id}: column ${index} width`).toBeGreaterThan(150)
    expect(box.height, `${id}: column ${index} height`).toBeGreaterThan(20)
    expect(box.left + box.width, `${id}: column ${index} inside the page`).toBeLessThanOrEqual(
      WIDTH,
    )
    const previous = boxes[index - 1]
    if (previous) {
      expect(box.left, `${id}: column ${index} left`).toBeGreaterThan(previous.left)
      // Side by side, not overlapping.
      expect(box.left, `${id}: column ${index} overlap`).toBeGreaterThanOrEqual(
        previous.left + previous.width,
      )
    }
  }
}

describe.runIf(HAVE_CHROMIUM)('the html report in headless Chromium', () => {
  let browser: Browser
  let scratch: string
  let seedsPage: string
  let bridgePage: string

  beforeAll(async () => {
    scratch = mkdtempSync(join(tmpdir(), 'corroborate-html-'))
    seedsPage = join(scratch, 'seeds.html')
    await writeReport([SEEDS], seedsPage)
    const bridge = join(scratch, 'bridge')
    mkdirSync(bridge)
    writeFileSync(join(bridge, '1-river.md'), RIVER)
    writeFileSync(join(bridge, '2-lune.md'), LUNE)
    bridgePage = join(scratch, 'bridge.html')
    await writeReport([bridge], bridgePage)
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, timeout: 60_000 })
  }, 300_000)

  afterAll(async () => {
    await browser?.close()
    if (scratch) rmSync(scratch, { recursive: true, force: true })
  })

  /** Opens a report at 1280 px, recording every request the page makes. */
  async function open(file: string): Promise<{ page: Page; requests: string[] }> {
    const page = await browser.newPage({ viewport: { width: WIDTH, height: 900 } })
    const requests: string[] = []
    page.on('request', (request) => requests.push(request.url()))
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load', timeout: 60_000 })
    return { page, requests }
  }

  it('sets each shared statement’s outlets side by side, and fetches nothing', async () => {
    const { page, requests } = await open(seedsPage)
    try {
      const clusters = await columnsOf(page, '[data-cluster]')
      expect(clusters.length).toBeGreaterThanOrEqual(3)
      for (const { id, boxes } of clusters) expectSideBySide(id, boxes)
      // The positions of each disagreement too.
      const disputes = await columnsOf(page, '[data-dispute]')
      expect(disputes.length).toBeGreaterThan(0)
      for (const { id, boxes } of disputes) expectSideBySide(id, boxes)
      // The widest card (five outlets) fits: no sideways scrolling.
      expect(Math.max(...clusters.map((c) => c.boxes.length))).toBeGreaterThanOrEqual(5)
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        WIDTH,
      )
      expect(await page.locator('script').count()).toBe(0)
      expect(requests).toEqual([pathToFileURL(seedsPage).href])
    } finally {
      await page.close()
    }
  }, 300_000)

  it('shows missing, changed and added words on their own background colours', async () => {
    const { page } = await open(seedsPage)
    const styles = (selector: string) =>
      page.$$eval(selector, (elements) =>
        elements.map((element) => {
          const style = getComputedStyle(element)
          const r = element.getBoundingClientRect()
          return {
            text: element.textContent ?? '',
            background: style.backgroundColor,
            decoration: style.textDecorationLine,
            visible: r.width > 0 && r.height > 0 && style.visibility === 'visible',
          }
        }),
      )
    try {
      const missing = await styles('.card del.missing')
      const changed = await styles('.card mark.changed')
      expect(missing.length).toBeGreaterThan(10)
      expect(changed.map((c) => c.text)).toEqual(expect.arrayContaining(['incredibly', 'jails']))
      for (const mark of missing) {
        expect(mark).toMatchObject({ background: rgb(COLOURS.missing), visible: true })
        expect(mark.decoration).toContain('line-through')
      }
      for (const mark of changed)
        expect(mark).toMatchObject({ background: rgb(COLOURS.changed), visible: true })
      // The legend shows all three.
      const legend = await styles('.legend ins.added, .legend mark.changed, .legend del.missing')
      expect(legend.map((l) => [l.text, l.background])).toEqual([
        ['added', rgb(COLOURS.added)],
        ['changed', rgb(COLOURS.changed)],
        ['missing', rgb(COLOURS.missing)],
      ])
    } finally {
      await page.close()
    }
    // Added words inside a statement, where an outlet has them.
    const bridge = await open(bridgePage)
    try {
      const added = await bridge.page.$$eval('[data-cluster] ins.added', (elements) =>
        elements.map((element) => ({
          text: element.textContent,
          background: getComputedStyle(element).backgroundColor,
          decoration: getComputedStyle(element).textDecorationLine,
        })),
      )
      expect(added).toEqual([{ text: 'early', background: rgb(COLOURS.added), decoration: 'none' }])
      const [card] = await columnsOf(bridge.page, '[data-cluster]')
      expectSideBySide(card?.id ?? '', card?.boxes ?? [])
      expect(bridge.requests).toEqual([pathToFileURL(bridgePage).href])
    } finally {
      await bridge.page.close()
    }
  }, 300_000)

  it('shows the story, its outlets, the contents and the first disagreement on the first 1400×900 screen', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
    try {
      await page.goto(pathToFileURL(seedsPage).href, { waitUntil: 'load', timeout: 60_000 })
      const top = (selector: string) =>
        page.$eval(selector, (element) => {
          const r = element.getBoundingClientRect()
          return { top: r.top, bottom: r.bottom, height: r.height }
        })
      const dispute = await top('[data-dispute]')
      expect(dispute.height).toBeGreaterThan(40)
      expect(dispute.top).toBeLessThan(900)
      // The headline and the outlets come before it; the sources after everything.
      expect((await top('header h1')).bottom).toBeLessThanOrEqual(dispute.top)
      expect((await top('ul.outlet-list')).bottom).toBeLessThanOrEqual(dispute.top)
      expect(await page.textContent('ul.outlet-list')).toContain('The New York Sun')
      expect((await top('#sources')).top).toBeGreaterThan((await top('#clusters')).top)
      // Every contents entry leads to its section, and following one scrolls there.
      const anchors = await page.$$eval('nav.contents a', (links) =>
        links.map((link) => link.getAttribute('href') ?? ''),
      )
      expect(anchors.slice(0, 2)).toEqual(['#disputes', '#clusters'])
      for (const anchor of anchors) expect(await page.locator(anchor).count(), anchor).toBe(1)
      await page.click('nav.contents a[href="#clusters"]')
      expect(Math.abs((await top('#clusters')).top)).toBeLessThan(20)
      // The changed words of a wording dispute are marked on both sides.
      const marked = await page.$$eval('[data-dispute] mark.changed', (marks) =>
        marks.map((mark) => mark.textContent),
      )
      expect(marked).toEqual(expect.arrayContaining(['profoundly', 'incredibly']))
    } finally {
      await page.close()
    }
  }, 300_000)

  it('renders a full page holding the highlight colours (screenshot check)', async () => {
    const { page } = await open(seedsPage)
    let png: Buffer
    try {
      png = await page.screenshot({ fullPage: true, path: SCREENSHOT, timeout: 60_000 })
    } finally {
      await page.close()
    }
    process.stdout.write(`html report screenshot: ${SCREENSHOT}\n`)
    const image = PNG.sync.read(png)
    expect(image.width).toBe(WIDTH)
    expect(image.height).toBeGreaterThan(2000) // the whole report, not one screen
    expect(image.height).toBeLessThan(40_000)

    const near = (at: number, [r, g, b]: readonly number[], tolerance = 6) =>
      Math.abs((image.data[at] as number) - (r as number)) <= tolerance &&
      Math.abs((image.data[at + 1] as number) - (g as number)) <= tolerance &&
      Math.abs((image.data[at + 2] as number) - (b as number)) <= tolerance
    const counts = { added: 0, changed: 0, missing: 0 }
    const colours = new Set<number>()
    let inked = 0 // pixels darker than the page's pale backgrounds: text and rules
    for (let at = 0; at < image.data.length; at += 4) {
      const [r, g, b] = [image.data[at], image.data[at + 1], image.data[at + 2]] as number[]
      colours.add(((r as number) << 16) | ((g as number) << 8) | (b as number))
      if ((r as number) + (g as number) + (b as number) < 384) inked++
      for (const name of ['added', 'changed', 'missing'] as const)
        if (near(at, COLOURS[name])) counts[name]++
    }
    const pixels = image.width * image.height
    // Not blank: text in many shades on the page.
    expect(colours.size).toBeGreaterThan(100)
    expect(inked / pixels).toBeGreaterThan(0.01)
    expect(inked / pixels).toBeLessThan(0.5)
    // The highlights are painted: a word of each in the legend, missing and changed
    // words throughout the statements.
    expect(counts.added).toBeGreaterThan(150)
    expect(counts.changed).toBeGreaterThan(1000)
    expect(counts.missing).toBeGreaterThan(5000)
  }, 300_000)
})

// Without Chromium the checks above are skipped locally, and fail in CI, saying why.
if (!HAVE_CHROMIUM && IN_CI)
  it('finds Chromium to check the html report in', () => {
    throw new Error(
      `no Chromium at ${CHROMIUM}: install Debian's chromium: apt-get install -y chromium`,
    )
  })
if (!HAVE_CHROMIUM && !IN_CI)
  it.skip(`needs ${CHROMIUM} (apt-get install -y chromium) to check the html report in a browser`, () => {})
