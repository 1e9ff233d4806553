/**
 * `--format html`, the marked-up proof: checked as text, and in a real
 * headless Chromium (Debian's, driven by playwright-core) when it is
 * installed: one highlight per finding with the finding's exact text, the
 * summary numbers of the JSON report, keyboard focus, and a screenshot kept
 * in test/artifacts/.
 */
import {existsSync, mkdirSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {describe, expect, it} from 'vitest'
import {highlight} from '../src/reporters/html.js'
import type {ReportMessage} from '../src/reporters/types.js'
import {root, run, temporary} from './helpers.js'

const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p))

const message = (line: number, column: number, endColumn: number, source = 'hedge'): ReportMessage => ({
  source, ruleId: 'x', severity: 'warning', line, column, endLine: line, endColumn, reason: 'Why `x`', expected: ['y']
})

describe('highlight', () => {
  it('marks each finding once, escapes the text, and cuts overlapping findings into pieces', () => {
    const out = highlight('A <b>&c</b> regime\nfell', [message(1, 13, 19, 'loaded-language'), message(1, 3, 19), message(2, 1, 5)], 'f1')
    expect(out.match(/id="f1-\d"/g)).toEqual(['id="f1-2"', 'id="f1-1"', 'id="f1-3"'])
    expect(out).toContain('&#60;b&#62;&#38;c&#60;/b&#62;')
    // The piece both cover names both; the colour is the innermost finding's.
    expect(out).toMatch(/data-rule="loaded-language" data-findings="f1-1 f1-2"[^>]*>regime<\/mark>/)
    expect(out).toMatch(/id="f1-3"[^>]*>fell<\/mark>$/)
  })
})

describe('the browser build', () => {
  it('is one ES module with no Node built-ins, and small', async () => {
    const {readFileSync, statSync} = await import('node:fs')
    const bundle = join(root, 'dist/browser/copydesk.js')
    const text = readFileSync(bundle, 'utf8')
    expect(text).not.toMatch(/\bfrom\s*["']node:|import\(["']node:|require\(["'](?:node:)?(?:fs|path|crypto|url|module|os|util|stream)["']\)/)
    expect(text).toMatch(/export\s*\{[^}]*\blint\b/)
    expect(statSync(bundle).size).toBeLessThan(700 * 1024)
  })
})

describe('--format html', () => {
  it('writes one self-contained page: no network, no external assets, one section a file', () => {
    const result = run(['--format', 'html', 'examples/draft.txt', 'examples/draft.md'])
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(/^<!doctype html>/)
    expect(result.stdout).not.toMatch(/(?:src|href)="(?:https?:)?\/\//)
    expect(result.stdout).toContain("default-src 'none'")
    expect(result.stdout.match(/<section class="file"/g)).toHaveLength(2)
  })

  it.skipIf(!chromium)('shows one highlight per finding with its text, the summary of the JSON report, and moves focus by keyboard (Chromium)', async () => {
    const {chromium: browserType} = await import('playwright-core')
    const json = JSON.parse(run(['--format', 'json', 'examples/draft.txt']).stdout)[0] as {messages: Array<{actual: string; line: number; column: number}>; summary: {figures: {statistics: number; attributed: number; unattributed: number}; sources: {named: number; anonymous: number}; quotes: {total: number; withSpeaker: number; withoutSpeaker: number}}}
    const page = join(temporary('copydesk-proof-'), 'proof.html')
    writeFileSync(page, run(['--format', 'html', 'examples/draft.txt']).stdout)
    const browser = await browserType.launch({executablePath: chromium, args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']})
    try {
      const tab = await browser.newPage({viewport: {width: 1280, height: 900}})
      const requests: string[] = []
      tab.on('request', (r) => requests.push(r.url()))
      await tab.goto(pathToFileURL(page).href)
      const found = await tab.evaluate(() => {
        const ids = Array.from(document.querySelectorAll('mark.finding[id]')).map((m) => m.id)
        return ids.map((id) => Array.from(document.querySelectorAll('mark.finding')).filter((m) => (m.getAttribute('data-findings') ?? '').split(' ').includes(id)).map((m) => m.textContent).join(''))
      })
      expect(found).toEqual(json.messages.map((m) => m.actual))
      const summary = await tab.evaluate(() => Object.fromEntries(Array.from(document.querySelectorAll('[data-summary]')).map((e) => [e.getAttribute('data-summary'), Number(e.textContent)])))
      expect(summary).toEqual({
        statistics: json.summary.figures.statistics, attributed: json.summary.figures.attributed, unattributed: json.summary.figures.unattributed,
        named: json.summary.sources.named, anonymous: json.summary.sources.anonymous,
        quotes: json.summary.quotes.total, 'with-speaker': json.summary.quotes.withSpeaker, 'without-speaker': json.summary.quotes.withoutSpeaker
      })
      // Keyboard: j moves to the first finding, again to the second; its reason shows on focus.
      await tab.keyboard.press('j')
      await tab.keyboard.press('j')
      expect(await tab.evaluate(() => document.activeElement?.id)).toBe('f1-2')
      const tip = await tab.evaluate(() => getComputedStyle(document.activeElement!, '::after').content)
      expect(tip).toContain('unattributed-statistic/percentage')
      // A link in the list focuses its highlight.
      await tab.click('a[data-target="f1-5"]')
      expect(await tab.evaluate(() => document.activeElement?.id)).toBe('f1-5')
      expect(requests.filter((u) => !u.startsWith('file:'))).toEqual([])
      mkdirSync(join(root, 'test/artifacts'), {recursive: true})
      await tab.screenshot({path: join(root, 'test/artifacts/proof.png'), fullPage: true})
    } finally {
      await browser.close()
    }
  }, 60_000)
})

describe.skipIf(!chromium)('the playground (Chromium)', () => {
  it('lints what is typed, live: a highlight within a second, gone once fixed; the same findings as the CLI', async () => {
    const {execFileSync} = await import('node:child_process')
    const {createServer} = await import('node:http')
    const {readFileSync} = await import('node:fs')
    execFileSync(process.execPath, [join(root, 'scripts/playground.mjs'), '--build-only'], {stdio: 'pipe'})
    const folder = join(root, 'dist/playground')
    const server = createServer((request, response) => {
      const name = request.url === '/' || request.url!.startsWith('/?') ? 'index.html' : request.url!.slice(1)
      let body: Buffer
      try {
        body = readFileSync(join(folder, name))
      } catch {
        response.writeHead(404).end()
        return
      }
      response.writeHead(200, {'content-type': name.endsWith('.js') ? 'text/javascript' : name.endsWith('.css') ? 'text/css' : 'text/html'}).end(body)
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const port = (server.address() as {port: number}).port
    const {chromium: browserType} = await import('playwright-core')
    const browser = await browserType.launch({executablePath: chromium, args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']})
    try {
      const tab = await browser.newPage({viewport: {width: 1280, height: 900}})
      const errors: string[] = []
      tab.on('pageerror', (e) => errors.push(e.message))
      await tab.goto(`http://127.0.0.1:${port}/?empty`)
      // The same findings as the CLI, for the repository's example draft.
      const example = readFileSync(join(root, 'examples/draft.txt'), 'utf8')
      await tab.fill('#draft', example)
      await tab.waitForFunction((n) => document.querySelectorAll('mark.finding[id]').length === n, 13, {timeout: 5000})
      const cli = (JSON.parse(run(['--format', 'json', 'examples/draft.txt']).stdout)[0] as {messages: Array<{source: string; ruleId: string; line: number; column: number}>}).messages
      const shown = await tab.evaluate(() => Array.from(document.querySelectorAll('.findings code')).map((c) => c.textContent))
      expect(shown).toEqual(cli.map((m) => `${m.source}/${m.ruleId}`))
      // Typing: a highlight within a second.
      await tab.fill('#draft', '')
      await tab.waitForFunction(() => document.querySelectorAll('mark.finding').length === 0)
      await tab.type('#draft', 'The Hermit Kingdom fired a missile.')
      const started = Date.now()
      await tab.waitForFunction(() => Array.from(document.querySelectorAll('mark.finding')).map((m) => m.textContent).join('') === 'The Hermit Kingdom', undefined, {timeout: 1000})
      expect(Date.now() - started).toBeLessThan(1000)
      // Fixing it removes it.
      await tab.fill('#draft', 'North Korea fired a missile.')
      await tab.waitForFunction(() => document.querySelectorAll('mark.finding').length === 0, undefined, {timeout: 1000})
      // A rule switched off in the page.
      await tab.fill('#draft', 'It is reportedly over.')
      await tab.waitForSelector('mark.finding')
      await tab.selectOption('select[data-rule="hedge"]', 'off')
      await tab.waitForFunction(() => document.querySelectorAll('mark.finding').length === 0, undefined, {timeout: 1000})
      expect(errors).toEqual([])
      mkdirSync(join(root, 'test/artifacts'), {recursive: true})
      await tab.fill('#draft', example)
      await tab.waitForFunction((n) => document.querySelectorAll('mark.finding[id]').length === n, 12, {timeout: 5000}).catch(() => undefined)
      await tab.selectOption('select[data-rule="hedge"]', 'default')
      await tab.screenshot({path: join(root, 'test/artifacts/playground.png'), fullPage: true})
    } finally {
      await browser.close()
      server.close()
    }
  }, 120_000)
})
