#!/usr/bin/env node
// The benchmark: throughput, latency and memory against the targets in the
// README, on the 2,225 BBC articles (one file each) and one 20 MB file made of
// them, with parse-english alone (the floor of a retext design) and alex's CLI
// (a retext linter of the same family) measured in the same run. What is
// compared is measured in turn (parse-english and copydesk in process; the
// CLI over the corpus, over half of it and alex's CLI), so that a change in a
// shared machine's load falls on both sides of a ratio.
//
//   npm run bench                  everything (several minutes: alex is slow)
//   npm run bench -- --quick       fewer runs, no alex
//   npm run bench -- --runs 5      runs per measurement (medians are reported)
import {execFileSync, spawn, spawnSync} from 'node:child_process'
import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {cpus, tmpdir, totalmem} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {ParseEnglish} from 'parse-english'
import {unified} from 'unified'
import {VFile} from 'vfile'
import copydesk, {copydeskParse} from '../dist/index.js'

const root = fileURLToPath(new URL('..', import.meta.url))
const args = process.argv.slice(2)
const quick = args.includes('--quick')
const runs = args.includes('--runs') ? Number(args[args.indexOf('--runs') + 1]) : quick ? 1 : 3
const withAlex = !quick && !args.includes('--no-alex')
const corpusPath = process.env.COPYDESK_BBC ?? join(root, '..', 'shared', 'eval', 'external', 'bbc_news_fulltext.jsonl')
if (!existsSync(corpusPath)) {
  console.log(`No BBC corpus at ${corpusPath}: nothing to measure (set COPYDESK_BBC).`)
  process.exit(0)
}

// The CLI as a user runs it (`copydesk`, `npx copydesk`): the file itself, so that its #! line (Node's options) applies.
const cli = join(root, 'dist', 'cli', 'index.js')
const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]
const articles = readFileSync(corpusPath, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l))
const words = (text) => text.split(/\s+/).filter(Boolean).length
const totalWords = articles.reduce((n, a) => n + words(a.text), 0)
const totalBytes = articles.reduce((n, a) => n + Buffer.byteLength(a.text), 0)
const MB = 1024 * 1024

// The corpus on disk, a file an article; a half-size copy (for memory against file count); the 20 MB file.
const work = mkdtempSync(join(tmpdir(), 'copydesk-bench-'))
const corpus = join(work, 'bbc')
const half = join(work, 'bbc-half')
mkdirSync(corpus)
mkdirSync(half)
articles.forEach((a, i) => {
  writeFileSync(join(corpus, `${a.id}.txt`), a.text)
  if (i % 2 === 0) writeFileSync(join(half, `${a.id}.txt`), a.text)
})
let big = ''
while (Buffer.byteLength(big) < 20 * MB) big += articles.map((a) => a.text).join('\n\n') + '\n\n'
const bigFile = join(work, 'big.txt')
writeFileSync(bigFile, big)
const bigBytes = Buffer.byteLength(big)
const bigWords = words(big)
const short = join(work, 'short.txt')
writeFileSync(short, articles[0].text)

/** Wall time (s) and peak memory (MB) of a command; exit code 1 (findings) is fine. */
function measure(command, commandArgs, options = {}) {
  const started = process.hrtime.bigint()
  const result = spawnSync('/usr/bin/time', ['-f', '%M', command, ...commandArgs], {encoding: 'utf8', maxBuffer: 1 << 30, ...options})
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  if (result.status !== 0 && result.status !== 1) throw new Error(`${command} ${commandArgs.join(' ')} failed (${result.status}): ${result.stderr.slice(-500)}`)
  const kb = Number(result.stderr.trim().split('\n').pop())
  return {seconds, mb: kb / 1024}
}

function repeat(n, fn) {
  const seconds = []
  const mb = []
  for (let i = 0; i < n; i++) {
    const r = fn()
    seconds.push(r.seconds)
    mb.push(r.mb ?? 0)
  }
  return {seconds: median(seconds), mb: Math.max(...mb)}
}

function inProcess(fn) {
  const started = process.hrtime.bigint()
  fn()
  return {seconds: Number(process.hrtime.bigint() - started) / 1e9}
}

const rows = []
const row = (what, seconds, bytes, wordCount, extra = '') => {
  console.error(`  measured: ${what} ${seconds.toFixed(2)} s ${extra}`)
  rows.push({what, seconds, mbps: bytes / MB / seconds, wps: wordCount / seconds, extra})
}

console.log(`copydesk benchmark: ${articles.length} BBC articles, ${(totalBytes / MB).toFixed(1)} MB, ${totalWords} words; 20 MB file ${(bigBytes / MB).toFixed(1)} MB`)
console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 1024 ** 3).toFixed(0)} GB, Node ${process.version}, ${process.platform}; ${runs} run(s) a measurement (in process, ${quick ? runs : Math.max(runs, 5)} pairs after a warm-up pass), medians (peaks: the highest run)\n`)

// 1 and 2. parse-english alone (the floor) and copydesk's parser with every rule, in process: a pass of
// each in turn, so that a change in the machine's load falls on both, after one untimed pass of each; the
// target is the median of the pairs' ratios (five pairs at least: a pass takes seconds, and one pair can be
// far off on a shared machine).
const parser = new ParseEnglish()
const processor = unified().use(copydeskParse).use(copydesk)
// One untimed pass of each first: what is compared is the steady cost of a pass, not V8 compiling the code on
// its first (the CLI's rows below include that; an untimed first pair fell a third below the others).
for (const a of articles) parser.parse(a.text)
for (const a of articles) {
  const file = new VFile({value: a.text, path: `${a.id}.txt`})
  processor.runSync(processor.parse(file), file)
}
// copydesk's own parse alone (parse-english subclassed: the same trees, sooner), to show what of the ratio
// is the parse and what the analysis and rules after it; first or last in a round by turns (right after the
// rules' pass it may pay for their garbage).
const parseOnce = () => inProcess(() => {
  for (const a of articles) processor.parse(new VFile({value: a.text, path: `${a.id}.txt`}))
}).seconds
const pairs = []
for (let i = 0; i < (quick ? runs : Math.max(runs, 5)); i++) {
  const first = i % 2 === 1 ? parseOnce() : undefined
  const floor = inProcess(() => {
    for (const a of articles) parser.parse(a.text)
  }).seconds
  const rules = inProcess(() => {
    for (const a of articles) {
      const file = new VFile({value: a.text, path: `${a.id}.txt`})
      processor.runSync(processor.parse(file), file)
    }
  }).seconds
  const ownParse = first ?? parseOnce()
  pairs.push({floor, rules, ownParse})
}
const parseOnly = {seconds: median(pairs.map((p) => p.floor))}
const rulesInProcess = {seconds: median(pairs.map((p) => p.rules)), ratio: median(pairs.map((p) => p.floor / p.rules))}
const ownParse = {seconds: median(pairs.map((p) => p.ownParse)), ratio: median(pairs.map((p) => p.ownParse / p.floor))}
const afterParse = median(pairs.map((p) => (p.rules - p.ownParse) / p.floor))
row('parse-english alone (in process)', parseOnly.seconds, totalBytes, totalWords)
row("copydesk's parse alone (in process)", ownParse.seconds, totalBytes, totalWords)
row('copydesk rule set (in process)', rulesInProcess.seconds, totalBytes, totalWords)

// 3 and 5. The CLI over the corpus and over half of it (memory against file count), and alex's CLI on the
// same files, in turn, so that a change in the machine's load falls on all of them; then the 20 MB file.
const alexBin = join(root, 'node_modules', 'alex', 'cli.js')
const alexRuns = withAlex && existsSync(alexBin) ? 1 : 0
const corpusRuns = []
const halfRuns = []
const alexTimes = []
for (let i = 0; i < runs; i++) {
  corpusRuns.push(measure(cli, ['--format', 'json', corpus], {cwd: work}))
  halfRuns.push(measure(cli, ['--format', 'json', half], {cwd: work}))
  // (alex takes half a minute a run: once, between copydesk's first and second runs.)
  if (i < alexRuns) alexTimes.push(measure(process.execPath, [alexBin, corpus], {cwd: work}))
}
const cliCorpus = {seconds: median(corpusRuns.map((r) => r.seconds)), mb: Math.max(...corpusRuns.map((r) => r.mb)), medianMb: median(corpusRuns.map((r) => r.mb))}
const cliHalf = {medianMb: median(halfRuns.map((r) => r.mb))}
row('copydesk CLI, corpus', cliCorpus.seconds, totalBytes, totalWords, `peak ${cliCorpus.mb.toFixed(0)} MB`)
const cliBig = repeat(Math.min(runs, 2), () => measure(cli, ['--format', 'json', bigFile], {cwd: work}))
row('copydesk CLI, one 20 MB file', cliBig.seconds, bigBytes, bigWords, `peak ${cliBig.mb.toFixed(0)} MB`)

// 4. One short file, wall time.
const one = repeat(Math.max(runs, 5), () => measure(cli, [short], {cwd: work}))

let alex
if (alexTimes.length > 0) {
  alex = {seconds: median(alexTimes.map((r) => r.seconds)), mb: Math.max(...alexTimes.map((r) => r.mb))}
  row('alex CLI, corpus', alex.seconds, totalBytes, totalWords, `peak ${alex.mb.toFixed(0)} MB`)
}

// 6. The language server: re-lint a 2,000-word draft after a change.
const draftWords = articles.map((a) => a.text).join('\n\n').split(/(\s+)/).slice(0, 4000).join('')
const lspLatency = await relintLatency(draftWords, Math.max(runs, 5))

console.log('what                                   s      MB/s     words/s')
for (const r of rows) console.log(`${r.what.padEnd(36)} ${r.seconds.toFixed(2).padStart(6)} ${r.mbps.toFixed(2).padStart(8)} ${Math.round(r.wps).toString().padStart(10)}  ${r.extra}`)
console.log()

const ratio = (a, b) => a / b
const targets = [
  ['rule set ≥ 50% of parse-english throughput', rulesInProcess.ratio, 0.5, (v) => `${(v * 100).toFixed(0)}%`],
  ...(alex ? [['CLI over the corpus ≥ 10× alex', ratio(alex.seconds, cliCorpus.seconds), 10, (v) => `${v.toFixed(1)}×`, true]] : []),
  ['one short file ≤ 250 ms wall', one.seconds * 1000, 250, (v) => `${v.toFixed(0)} ms`, false, true],
  ['20 MB file ≤ 1.3× the corpus cost per MB', (cliBig.seconds / bigBytes) / (cliCorpus.seconds / totalBytes), 1.3, (v) => `${v.toFixed(2)}×`, false, true],
  ['peak memory, corpus ≤ 300 MB', cliCorpus.mb, 300, (v) => `${v.toFixed(0)} MB`, false, true],
  ['memory flat in files (all ÷ half ≤ 1.2)', cliCorpus.medianMb / cliHalf.medianMb, 1.2, (v) => `${v.toFixed(2)} (${cliHalf.medianMb.toFixed(0)} → ${cliCorpus.medianMb.toFixed(0)} MB)`, false, true],
  ['editor: change to diagnostics ≤ 100 ms (2,000 words)', lspLatency, 100, (v) => `${v.toFixed(0)} ms`, false, true]
]
console.log(`in process: copydesk's parse takes ${ownParse.ratio.toFixed(2)}× parse-english's time (the same trees); the analysis and rules after it ${afterParse.toFixed(2)}× parse-english's parse\n`)
console.log('target                                       measured        ')
for (const [name, value, limit, show, , atMost] of targets) {
  const ok = atMost ? value <= limit : value >= limit
  console.log(`${ok ? 'PASS' : 'FAIL'}  ${name.padEnd(42)} ${show(value)}`)
}
rmSync(work, {recursive: true, force: true})

/** Time from a document change to its diagnostics, with the server's default pause, median over runs. */
async function relintLatency(text, n) {
  const {createProtocolConnection, StreamMessageReader, StreamMessageWriter, InitializeRequest, InitializedNotification, DidOpenTextDocumentNotification, DidChangeTextDocumentNotification, PublishDiagnosticsNotification} = await import('vscode-languageserver-protocol/node')
  const child = spawn(process.execPath, [join(root, 'dist', 'lsp', 'bin.js'), '--stdio'], {stdio: ['pipe', 'pipe', 'inherit']})
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin))
  let resolveNext
  connection.onNotification(PublishDiagnosticsNotification.type, () => resolveNext?.())
  connection.listen()
  await connection.sendRequest(InitializeRequest.type, {processId: process.pid, rootUri: null, workspaceFolders: null, capabilities: {}, initializationOptions: {}})
  await connection.sendNotification(InitializedNotification.type, {})
  const uri = pathToFileURL(join(work, 'editor.txt')).href
  let next = new Promise((r) => (resolveNext = r))
  await connection.sendNotification(DidOpenTextDocumentNotification.type, {textDocument: {uri, languageId: 'plaintext', version: 1, text}})
  await next
  const times = []
  for (let version = 2; version < 2 + n; version++) {
    next = new Promise((r) => (resolveNext = r))
    const started = process.hrtime.bigint()
    await connection.sendNotification(DidChangeTextDocumentNotification.type, {textDocument: {uri, version}, contentChanges: [{text: text + ` The regime fell ${version}.`}]})
    await next
    times.push(Number(process.hrtime.bigint() - started) / 1e6)
  }
  connection.dispose()
  child.kill()
  return median(times)
}
