import {spawnSync} from 'node:child_process'
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {afterAll} from 'vitest'
import {unified} from 'unified'
import retextEnglish from 'retext-english'
import {VFile} from 'vfile'
import copydesk, {plugins, type Options, type RuleName} from '../src/index.js'

export const root = fileURLToPath(new URL('..', import.meta.url))
export const cli = fileURLToPath(new URL('../dist/cli/index.js', import.meta.url))

const made: string[] = []

/** A fresh folder under the system's temporary folder, removed when the test file is done. */
export function temporary(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  made.push(dir)
  return dir
}

afterAll(() => {
  for (const dir of made.splice(0)) {
    // (A test may have locked a folder inside: unlock before removing; a leftover is not a failure.)
    spawnSync('chmod', ['-R', 'u+rwX', dir])
    try {
      rmSync(dir, {recursive: true, force: true})
    } catch {}
  }
})

export interface Found {
  source: string
  ruleId: string
  actual: string
  line: number
  column: number
  endLine: number
  endColumn: number
  fatal: boolean | null | undefined
  expected: string[]
  url: string
  start: number
  end: number
  reason: string
  note: string
}

/** Lints text with one rule (or the preset) and returns what a user would see. */
export function lint(text: string, rule?: RuleName, options?: unknown): Found[] {
  const processor = rule ? unified().use(retextEnglish).use(plugins[rule] as never, options) : unified().use(retextEnglish).use(copydesk as never, options as Options)
  const file = new VFile({value: text, path: 'draft.txt'})
  processor.runSync(processor.parse(file), file)
  return file.messages.map((m) => {
    const place = m.place as {start: {line: number; column: number; offset: number}; end: {line: number; column: number; offset: number}}
    return {
      source: m.source!,
      ruleId: m.ruleId!,
      actual: m.actual!,
      line: place.start.line,
      column: place.start.column,
      endLine: place.end.line,
      endColumn: place.end.column,
      fatal: m.fatal,
      expected: m.expected ?? [],
      url: m.url!,
      start: place.start.offset,
      end: place.end.offset,
      reason: m.reason,
      note: m.note!
    }
  })
}

export interface Run {
  code: number | null
  stdout: string
  stderr: string
}

/** Runs the built CLI as a user would. */
export function run(args: string[], {cwd = root, input, env = {}, cli: binary = cli}: {cwd?: string; input?: string; env?: Record<string, string>; cli?: string} = {}): Run {
  const result = spawnSync(process.execPath, [binary, ...args], {
    cwd,
    input: input ?? '',
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    env: {...process.env, NO_COLOR: '', FORCE_COLOR: '', ...env}
  })
  return {code: result.status, stdout: result.stdout, stderr: result.stderr}
}
