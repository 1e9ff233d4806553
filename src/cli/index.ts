#!/usr/bin/env -S node --min-semi-space-size=8
/**
 * The `copydesk` command: a thin layer over unified-engine (config files,
 * ignore files, globs, stdin) that gives an ESLint-style interface: formats,
 * exit codes, --quiet, --max-warnings, one-line errors.
 *
 * (The #! line starts Node with a young generation of 8 MB from the start.
 * Left to grow by itself, it stayed small through a run over an archive
 * (measured on 2,225 files): every file's analysis outlived two collections
 * and was promoted, the old generation filled to 270 MB between full
 * collections, and a run took a quarter longer. A short draft pays about
 * 15 ms for it.)
 */
import {closeSync, mkdirSync, openSync, readFileSync, writeFileSync, writeSync} from 'node:fs'
import {setFlagsFromString} from 'node:v8'
import {dirname, resolve} from 'node:path'
import process from 'node:process'
import type {VFile} from 'vfile'
import {help, parse, UsageError, type Args} from './args.js'
import {defaultJobs, run} from './run.js'
import {applyEdits, fixEdits, unifiedDiff, unwritable, writeAtomic} from '../fix.js'
import {describeProblem, oneLine, relative} from './problems.js'
import {jsonParts} from '../reporters/json.js'
import {stylish} from '../reporters/stylish.js'
import {sarif} from '../reporters/sarif.js'
import {github} from '../reporters/github.js'
import {junit} from '../reporters/junit.js'
import {html} from '../reporters/html.js'
import type {Changes} from './changed.js'
import {totals} from '../reporters/types.js'
import {reported, toReport} from '../reporters/report-file.js'

// A run over an archive is over in seconds, and V8 spent more CPU compiling than linting: its optimising
// compiler (on a second thread, which a two-core machine has no spare room for) compiled the analysis's
// largest functions several times, each with up to 920 bytes of bytecode of what they call inlined into it
// (findAttributions: 150 to 280 ms a time). With 300, the corpus of 2,225 files takes about a tenth less
// time and CPU, and a warm pass is as fast (measured: README, Speed). Set here, not on the #! line: a flag
// a later V8 did not know would stop Node there, and here only prints a line on standard error.
setFlagsFromString('--max-inlined-bytecode-size-cumulative=300')

/** Messages the CLI reports: every rule's, and copydesk's own about control comments. */
const rules = reported

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {version: string}
  return pkg.version
}

function fail(message: string): never {
  process.stderr.write(`copydesk: ${message}\n`)
  process.exit(2)
}

function useColor(args: Args): boolean {
  if (args.color !== undefined) return args.color
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return false
  if (process.env.FORCE_COLOR !== undefined && process.env.FORCE_COLOR !== '' && process.env.FORCE_COLOR !== '0') return true
  return Boolean(process.stdout.isTTY) && process.env.TERM !== 'dumb' && !args.outputFile
}

/** Counts files on a terminal so a long run shows it is alive. */
function progress(enabled: boolean) {
  let count = 0
  let last = 0
  const tick = () => {
    count++
    const now = Date.now()
    if (enabled && now - last > 200) {
      last = now
      process.stderr.write(`\rcopydesk: ${count} files linted…`)
    }
  }
  const done = () => {
    if (enabled && last > 0) process.stderr.write('\r\u001B[K')
  }
  return {tick, done}
}

/** What, besides the files and their configuration, changes results: --config (and its text), --no-config. */
function cacheSettings(args: Args, cwd: string): string {
  if (args.noConfig) return 'no-config'
  if (!args.config) return ''
  try {
    return `config\0${readFileSync(resolve(cwd, args.config), 'utf8')}`
  } catch {
    return `config\0${args.config}`
  }
}

/** The text of a linted file, by the path its report shows. */
function textOf(files: readonly VFile[], path: string, cwd: string): string {
  const file = files.find((f) => (f.path ? relative(resolve(cwd, f.path), cwd) : '<stdin>') === path || f.path === path)
  return String(file?.value ?? '')
}

/** A glob as a regular expression over paths relative to the working folder ("**", "*", "?", "{a,b}", "[ab]"). */
function globPattern(glob: string): RegExp {
  let out = ''
  const source = glob.replace(/^\.\//, '')
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!
    if (c === '*' && source[i + 1] === '*') {
      out += source[i + 2] === '/' ? '(?:.*/)?' : '.*'
      i += source[i + 2] === '/' ? 2 : 1
    } else if (c === '*') out += '[^/]*'
    else if (c === '?') out += '[^/]'
    else if (c === '{') out += '(?:'
    else if (c === '}') out += ')'
    else if (c === ',' && out.includes('(?:')) out += '|'
    else if (c === '[' || c === ']') out += c
    else out += c.replace(/[.+^$()|\\]/g, '\\$&')
  }
  return new RegExp(`^${out}$`)
}


/**
 * Applies the safe fixes. A file with a problem (unreadable, a config error)
 * is never written. The fixed findings leave the report; the diff is returned.
 */
function fixFiles(files: VFile[], cwd: string, write: boolean): string {
  let diffs = ''
  for (const file of files) {
    if (file.messages.some((m) => m.fatal === true && !rules.has(m.source ?? ''))) continue
    const {edits, fixed} = fixEdits(file)
    if (edits.length === 0) continue
    const before = String(file.value)
    const after = applyEdits(before, edits)
    const name = file.path ? relative(file.path, cwd) : '<stdin>'
    diffs += unifiedDiff(name, before, after)
    if (write) {
      try {
        const why = unwritable(resolve(cwd, file.path))
        if (why) {
          file.message(`fixes not written: ${why}`).fatal = true
          continue
        }
        writeAtomic(resolve(cwd, file.path), after)
      } catch (error) {
        file.message(`cannot write the fixes: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`).fatal = true
        continue
      }
    }
    file.messages = file.messages.filter((m) => !fixed.has(m))
  }
  return diffs
}

/** --changed-since: keep the findings that touch a changed line. */
function keepChanged(file: VFile, changes: Changes) {
  if (!file.path) return
  const lines = changes(file.path)
  if (lines === 'all') return
  file.messages = file.messages.filter((m) => {
    if (!rules.has(m.source ?? '')) return true
    const start = m.place && 'start' in m.place ? m.place.start.line : m.line ?? 0
    const end = m.place && 'end' in m.place ? m.place.end.line : start
    for (let line = start; line <= end; line++) if (lines.has(line)) return true
    return false
  })
}

/** Problems that are not findings: a missing file, a broken config, an unreadable input. */
function inputErrors(files: readonly VFile[], cwd: string): string[] {
  const errors = new Set<string>()
  for (const file of files) {
    for (const m of file.messages) {
      if (rules.has(m.source ?? '') || m.fatal !== true) continue
      errors.add(describeProblem(m, file.path ? relative(file.path, cwd) : '<stdin>', cwd))
    }
  }
  return [...errors]
}





/** Lines for standard error once the report is written; said at once if the report's reader goes away first. */
const afterReport: string[] = []

function sayAfterReport(): void {
  for (const line of afterReport.splice(0)) process.stderr.write(line)
}

async function main() {
  // A reader that stops early (`copydesk … | head`) is not an error: stop quietly, with the code so far
  // (set before the report is written) and what was to be said after the report.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') {
      sayAfterReport()
      process.exit(process.exitCode ?? 0)
    }
    fail(`cannot write the report: ${error.code ?? error.message}`)
  })
  let args: Args
  try {
    args = parse(process.argv.slice(2))
  } catch (error) {
    if (error instanceof UsageError) fail(error.message)
    throw error
  }
  if (args.help) {
    process.stdout.write(help)
    return
  }
  if (args.version) {
    process.stdout.write(version() + '\n')
    return
  }
  if (args.files.length === 0 && process.stdin.isTTY) fail('no files given and nothing on standard input; try copydesk --help')

  const cwd = process.cwd()
  let changes: Changes | undefined
  if (args.changedSince !== undefined) {
    const {changedSince, ChangedError} = await import('./changed.js')
    try {
      changes = changedSince(args.changedSince, cwd)
    } catch (error) {
      if (error instanceof ChangedError) fail(error.message)
      throw error
    }
  }
  const ticker = progress(Boolean(process.stderr.isTTY) && args.format !== 'json' && args.files.length > 0)
  const context = {
    files: await run({
      files: args.files,
      cwd,
      streamIn: process.stdin,
      ...(args.stdinFilename ? {stdinFilename: args.stdinFilename} : {}),
      ...(args.config ? {config: args.config} : {}),
      noConfig: args.noConfig,
      ...(args.ignorePath ? {ignorePath: args.ignorePath} : {}),
      ignorePatterns: args.ignorePatterns,
      noIgnore: args.noIgnore,
      onFile: ticker.tick,
      jobs: args.jobs ?? defaultJobs(),
      ...(args.shard ? {shard: args.shard} : {}),
      ...(args.cache ? {cache: args.cache, cacheSettings: cacheSettings(args, cwd)} : {}),
      // Only --fix and the HTML report read a file's text after it is linted.
      keepText: args.fix || args.fixDryRun || args.format === 'html',
      release: true
    }).catch((error: Error) => {
      ticker.done()
      const message = error.message === 'No input' ? 'no files given and nothing on standard input; try copydesk --help' : oneLine(error.message)
      fail(message)
    })
  }
  ticker.done()

  if (changes) for (const file of context.files) keepChanged(file, changes)
  if (args.fix || args.fixDryRun) {
    const diffs = fixFiles(context.files, cwd, args.fix)
    if (args.fixDryRun) {
      for (const problem of inputErrors(context.files, cwd)) process.stderr.write(`copydesk: ${problem}\n`)
      process.stdout.write(diffs)
      const t = totals(context.files.map((f) => toReport(f, cwd, args.quiet)))
      process.exitCode = inputErrors(context.files, cwd).length > 0 ? 2 : t.errors > 0 || (args.maxWarnings !== undefined && t.warnings > args.maxWarnings) ? 1 : 0
      return
    }
  }
  const problems = inputErrors(context.files, cwd)
  if (context.files.length === 0 && args.files.length > 0 && problems.length === 0) problems.push(`no files match ${args.files.join(', ')} (with the extensions .txt, .md, .html and their variants, outside ignored paths)`)
  else {
    // A glob that matched nothing is a mistake worth a line even when other arguments found files (as ESLint says it).
    const paths = context.files.filter((f) => f.path).map((f) => relative(resolve(cwd, f.path), cwd))
    for (const pattern of args.files.filter((a) => /[*?[\]{}]/.test(a))) {
      const test = globPattern(pattern)
      if (!paths.some((p) => test.test(p))) problems.push(`no files match ${pattern} (with the extensions .txt, .md, .html and their variants, outside ignored paths)`)
    }
  }
  // One order whatever order the engine finished in: by path.
  context.files.sort((a, b) => (a.path ?? '').localeCompare(b.path ?? '', 'en'))
  const files = context.files.filter((f) => !f.messages.some((m) => m.fatal === true && !rules.has(m.source ?? ''))).map((f) => toReport(f, cwd, args.quiet))
  // (JSON, the format for archives, is written a file at a time: see jsonParts.)
  const report: string | Iterable<string> =
    args.format === 'json' ? jsonParts(files)
      : args.format === 'sarif' ? sarif(files, {version: version()})
        : args.format === 'github' ? github(files)
          : args.format === 'junit' ? junit(files)
            : args.format === 'html' ? html(files.map((f) => ({...f, text: textOf(context.files, f.path, cwd)})))
            : files.length === 0 && problems.length > 0 ? '' : stylish(files, {color: useColor(args), summary: args.summary})
  const t = totals(files)
  const overWarnings = args.maxWarnings !== undefined && t.warnings > args.maxWarnings
  // The exit code and what follows the report on standard error are settled before the report is written:
  // a reader that stops reading ("| head") ends the run (see main) without changing either. A file named
  // on the command line but ignored is skipped with a notice (exit 0), as ESLint does.
  process.exitCode = problems.some((p) => !p.endsWith('skipped, it is ignored (.copydeskignore or --ignore-pattern)')) ? 2 : t.errors > 0 || overWarnings ? 1 : 0
  for (const problem of problems) afterReport.push(`copydesk: ${problem}\n`)
  if (overWarnings && process.exitCode === 1 && t.errors === 0) afterReport.push(`copydesk: ${t.warnings} warnings, more than --max-warnings ${args.maxWarnings}\n`)
  if (args.outputFile) {
    try {
      mkdirSync(dirname(args.outputFile), {recursive: true})
      if (typeof report === 'string') writeFileSync(args.outputFile, report)
      else {
        const fd = openSync(args.outputFile, 'w')
        try {
          for (const part of report) writeAll(fd, part)
        } finally {
          closeSync(fd)
        }
      }
    } catch (error) {
      fail(`cannot write the report to ${args.outputFile}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`)
    }
  } else if (typeof report === 'string') {
    if (report) process.stdout.write(report)
  } else await writeParts(report)
  sayAfterReport()
}

/**
 * Writes a report's parts to standard output, waiting for a pipe to drain
 * (it takes 64 KB at a time) rather than queueing the whole report in memory.
 * A reader gone ("| head") raises EPIPE, which ends the run (see main); until
 * that event comes, nothing more is written.
 */
async function writeParts(parts: Iterable<string>): Promise<void> {
  const out = process.stdout
  const gone = () => out.destroyed || out.errored !== null
  for (const part of parts) {
    if (gone()) return
    // (A failed write marks the stream errored at once; its 'error' event comes after.)
    if (out.write(part) || gone()) continue
    const drained = await new Promise<boolean>((resolve) => {
      const settle = (value: boolean) => () => {
        out.off('drain', onDrain).off('error', onEnd).off('close', onEnd)
        resolve(value)
      }
      const onDrain = settle(true)
      const onEnd = settle(false)
      out.on('drain', onDrain).on('error', onEnd).on('close', onEnd)
    })
    if (!drained) return
  }
}

/** All of `text` to a file descriptor (`writeSync` may write less than it is given). */
function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text)
  for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at)
}

main().catch((error: Error) => fail(`internal error: ${oneLine(error.message)} (please report it at https://github.com/copydesk/copydesk/issues)`))
