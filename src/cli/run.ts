/**
 * Runs copydesk over many files: the engine finds them (globs, folders,
 * ignore files) in a first pass that reads but does not lint, then lints them
 * in batches, on worker threads with `jobs` > 1, from the cache where a file
 * is unchanged, and only this machine's share with `shard`.
 *
 * (unified-engine waits for every file of a run before it flushes any, and
 * checks all of them each time one arrives: a run over 2,000 files spends
 * most of its time there. Batches keep that wait short.)
 */
import {existsSync, readFileSync, statSync} from 'node:fs'
import {availableParallelism} from 'node:os'
import {dirname, join, relative, resolve} from 'node:path'
import {setFlagsFromString} from 'node:v8'
import {runInNewContext} from 'node:vm'
import {Worker} from 'node:worker_threads'
import {VFile} from 'vfile'
import type {LintOptions} from './engine.js'
import type {Serialized} from './serialize.js'

export interface RunOptions extends LintOptions {
  /** Worker threads; 1 lints in this thread. */
  readonly jobs?: number
  /** This run's share of the files: `[i, n]` is the i-th of n (1-based). */
  readonly shard?: readonly [number, number]
  /** Where to keep results of unchanged files, if anywhere. */
  readonly cache?: string
  /** Options that change results besides the configuration files (part of the cache key). */
  readonly cacheSettings?: string
  /** Called once a file is linted (the CLI's progress counter). */
  readonly onFile?: () => void
  /**
   * Whether a linted file keeps its text (default: yes), for --fix and the
   * HTML report. Without, each file's text goes as soon as its results are
   * made, and a run over an archive does not hold every file until the end.
   */
  readonly keepText?: boolean
}

/** A worker's heap: a batch needs little, and a small young generation keeps the run's memory flat. */
const workerLimits = {maxYoungGenerationSizeMb: 32, maxOldGenerationSizeMb: 256}

/** A file is linted in a batch of this many. */
export const batchSize = 32

const discovering = 'copydesk: discovering'

/**
 * A plugin for discovery only: every file's queue step in unified-engine
 * checks every file of the run before it lets one through (2,000 files: four
 * million checks, a third of a second). No file of discovery gets past its
 * parse, so none has anything to wait for: the queue is shown an empty set
 * (a plugin is given the engine's file set as its second argument).
 */
const unqueue = ((_options: unknown, fileSet?: {valueOf(): unknown}) => {
  if (fileSet && typeof fileSet === 'object') fileSet.valueOf = () => []
}) as never

/**
 * The files the engine would lint, read but not linted; those with a problem
 * already (missing, ignored, bad config); and whether any configuration file
 * applies to any of them.
 */
async function discover(options: LintOptions): Promise<{todo: VFile[]; done: VFile[]; configured: boolean}> {
  const {unified} = await import('unified')
  const processor = unified().use(function () {
    // Stop every file at its parse: the engine then never queues it (see above).
    this.parser = () => {
      throw new Error(discovering)
    }
  })
  // A throw per file, caught by the engine and made a message: without a stack to capture, cheap.
  const limit = Error.stackTraceLimit
  Error.stackTraceLimit = 0
  let files: VFile[]
  let configured = false
  try {
    files = await lint({...options, processor, plugins: [unqueue], release: false, preset: false, onConfig: () => (configured = true)})
  } finally {
    Error.stackTraceLimit = limit
  }
  const todo: VFile[] = []
  const done: VFile[] = []
  for (const file of files) {
    const only = file.messages.length === 1 ? file.messages[0]! : undefined
    if (only && only.fatal && (only.reason === discovering || (only.cause as Error | undefined)?.message === discovering)) {
      const read = cleanText(file.value) ?? readText(resolve(file.cwd, file.path))
      const fresh = new VFile({path: file.path, cwd: file.cwd, value: read.text ?? ''})
      if (read.problem) {
        fresh.message(read.problem).fatal = true
        done.push(fresh)
      } else todo.push(fresh)
    } else done.push(file)
  }
  return {todo, done, configured}
}

/** Text with nothing readText would refuse or change (no replaced byte, byte-order mark or control character): the engine's read is the file's text. */
const doubtful = /[\u0000-\u0008\u000B\u000E-\u001F\uFFFD]|^\uFEFF/

function cleanText(value: unknown): {text?: string; problem?: string} | undefined {
  return typeof value === 'string' && !doubtful.test(value) ? {text: value} : undefined
}

/**
 * A file's text, from its bytes: UTF-8, or UTF-16 with a byte-order mark. A
 * binary file, or one that is not valid UTF-8, is a problem to report, not
 * text to lint with its bad bytes replaced (which would move every column
 * after them).
 */
export function readText(path: string): {text?: string; problem?: string} {
  let bytes: Buffer
  try {
    bytes = readFileSync(path)
  } catch (error) {
    return {problem: (error as NodeJS.ErrnoException).code === 'EACCES' ? 'permission denied' : (error as Error).message}
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return {text: new TextDecoder('utf-16le').decode(bytes.subarray(2))}
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return {text: new TextDecoder('utf-16be').decode(bytes.subarray(2))}
  const head = bytes.subarray(0, 8192)
  let control = 0
  for (const byte of head) if (byte === 0 || (byte < 32 && byte !== 9 && byte !== 10 && byte !== 12 && byte !== 13)) control++
  if (head.includes(0) || control > head.length / 10) return {problem: 'looks like a binary file, not text: not linted'}
  try {
    return {text: new TextDecoder('utf-8', {fatal: true}).decode(bytes)}
  } catch {
    const at = firstInvalid(bytes)
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, at)).split('\n')
    return {problem: `is not valid UTF-8 (byte 0x${bytes[at]!.toString(16).toUpperCase().padStart(2, "0")} on line ${before.length}, column ${before.at(-1)!.length + 1}): not linted; save it as UTF-8 (for example: iconv -f windows-1252 -t utf-8)`}
  }
}

const strict = new TextDecoder('utf-8', {fatal: true})

/** The offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalid(bytes: Buffer): number {
  let i = 0
  while (i < bytes.length) {
    const b = bytes[i]!
    const length = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0
    if (length === 0) return i
    for (let k = 1; k < length; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i
    try {
      // (Overlong forms and surrogates have the right shape but are not UTF-8.)
      if (length > 1) strict.decode(bytes.subarray(i, i + length))
    } catch {
      return i
    }
    i += length
  }
  return bytes.length - 1
}

/** Files found from which a run collects discovery's garbage before linting (about 20 ms a collection). */
const collectAfter = 200
/** Files linted between two collections in a long run. */
const collectEvery = 1000

/** V8's `gc`, got once (`--expose-gc` set at run time, then read in a new context); null where it is not available. */
let gc: (() => void) | null | undefined

/** A full garbage collection; nothing where V8 does not offer one (then memory is only less flat). */
function collectGarbage(): void {
  if (gc === undefined) {
    try {
      setFlagsFromString('--expose-gc')
      const found = runInNewContext('gc') as unknown
      gc = typeof found === 'function' ? (found as () => void) : null
    } catch {
      gc = null
    }
  }
  gc?.()
}

/** unified-engine and what it loads take a quarter of a second: only load it when a run needs it. */
async function lint(options: LintOptions): Promise<VFile[]> {
  const engine = await import('./engine.js')
  return engine.lint(options)
}

/** Names unified-engine reads configuration or ignore rules from, walking up from a file. */
const configNames = ['.retextrc', '.retextrc.json', '.retextrc.js', '.retextrc.cjs', '.retextrc.mjs', '.retextrc.yml', '.retextrc.yaml', '.copydeskignore']

/**
 * One file named as it is, with no configuration or ignore file anywhere
 * above it and no option that changes either: the engine would lint it with
 * the preset and nothing else, so lint it so without loading the engine
 * (the short-draft case: an editor's save hook, a pre-commit run).
 */
function plainFile(options: RunOptions): string | undefined {
  if (options.files.length !== 1 || options.config || options.ignorePath || (options.ignorePatterns?.length ?? 0) > 0 || options.cache || options.shard) return undefined
  const given = options.files[0]
  if (typeof given !== 'string' || /[*?[\]{}!]/.test(given) || given.split(/[\\/]/).includes('node_modules')) return undefined
  const path = resolve(options.cwd, given)
  try {
    if (!statSync(path).isFile()) return undefined
  } catch {
    return undefined
  }
  if (options.noConfig && options.noIgnore) return path
  for (let dir = dirname(path); ; dir = dirname(dir)) {
    for (const name of configNames) if (existsSync(join(dir, name))) return undefined
    const pkg = join(dir, 'package.json')
    if (!options.noConfig && existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, 'utf8')) as Record<string, unknown>).copydesk !== undefined) return undefined
      } catch {
        return undefined
      }
    }
    if (dirname(dir) === dir) return path
  }
}

async function lintPlain(path: string, options: RunOptions): Promise<VFile[]> {
  const [{unified}, {default: copydesk}, {default: copydeskParse}] = await Promise.all([import('unified'), import('../index.js'), import('../parse.js')])
  const read = readText(path)
  const file = new VFile({path: relative(options.cwd, path), cwd: options.cwd, value: read.text ?? ''})
  if (read.problem) {
    file.message(read.problem).fatal = true
    return [file]
  }
  const processor = unified().use(copydeskParse).use(copydesk)
  try {
    const tree = processor.parse(file)
    await processor.run(tree, file)
  } catch (error) {
    // As the engine does: the file carries its problem, the run goes on.
    const message = file.message((error as Error).message, {cause: error as Error})
    message.fatal = true
  }
  options.onFile?.()
  return [file]
}

export async function run(options: RunOptions): Promise<VFile[]> {
  const progress = options.onFile ? [(() => () => options.onFile!()) as never] : []
  // Standard input: one file, one run.
  if (options.files.length === 0) return lint({...options, plugins: [...(options.plugins ?? []), ...progress]})
  const plain = plainFile(options)
  if (plain) return lintPlain(plain, options)
  const {todo: found, done, configured} = await discover(options)
  // Discovery leaves its garbage in the old generation (the engine keeps every file until its run ends, so its
  // objects outlive the young collections): some 15 KB a file, kept until a full collection that a run over an
  // archive may never reach. One full collection here keeps a run's memory flat in its number of files.
  if (found.length >= collectAfter) collectGarbage()
  let todo = found.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  if (options.shard) {
    const [i, n] = options.shard
    todo = todo.filter((_, index) => index % n === i - 1)
  }
  const cache = options.cache ? (await import('./cache.js')).Cache.open(resolve(options.cwd, options.cache), options.cacheSettings) : undefined
  const {serialize, restore} = cache || (options.jobs ?? 1) > 1 ? await import('./serialize.js') : ({} as typeof import('./serialize.js'))
  const results: VFile[] = [...done]
  const fresh: VFile[] = []
  for (const file of todo) {
    const hit = cache?.get(file)
    if (hit) {
      results.push(restore(hit, String(file.value)))
      options.onFile?.()
    } else fresh.push(file)
  }
  const batches: VFile[][] = []
  for (let i = 0; i < fresh.length; i += batchSize) batches.push(fresh.slice(i, i + batchSize))
  // Discovery has applied the ignore files and patterns already; and where no configuration file applies to
  // any file, the batches need not look for one again (each batch's engine would try eight names in every
  // folder up to the root: a quarter of a second over 2,000 files).
  const {ignorePath: _ignorePath, ...kept} = options
  const batchOptions: RunOptions = {...kept, noIgnore: true, ignorePatterns: [], noConfig: options.noConfig === true || (!configured && options.config === undefined)}
  const jobs = Math.max(1, Math.min(options.jobs ?? 1, batches.length))
  if (jobs > 1) {
    const linted = await inWorkers(batches, batchOptions, jobs)
    for (const [index, file] of fresh.entries()) {
      cache?.set(file, linted[index]!)
      results.push(restore(linted[index]!, String(file.value)))
    }
  } else {
    const linted = await inThread(batches, batchOptions, progress, (file) => {
      cache?.set(file, serialize(file))
      if (options.keepText === false) file.value = ''
    })
    results.push(...linted)
  }
  cache?.save()
  return results
}

/** Lints the batches one after the other in this thread; `settle` sees each file once its batch is done. */
async function inThread(batches: VFile[][], options: RunOptions, progress: never[], settle: (file: VFile) => void): Promise<VFile[]> {
  const out: VFile[] = []
  let sinceCollected = 0
  for (const batch of batches) {
    // (Linting too leaves some garbage in the old generation: collected every thousand files or so, for the same reason.)
    if (sinceCollected >= collectEvery) {
      collectGarbage()
      sinceCollected = 0
    }
    sinceCollected += batch.length
    const files = await lint({...options, files: batch, plugins: [...(options.plugins ?? []), ...progress]})
    // The engine returns files in its own order: match them to the batch by path.
    const byPath = new Map(files.map((f) => [f.path, f]))
    for (const file of batch) {
      const linted = byPath.get(file.path) ?? file
      settle(linted)
      out.push(linted)
    }
  }
  return out
}

function inWorkers(batches: VFile[][], options: RunOptions, jobs: number): Promise<Serialized[]> {
  const results: Serialized[][] = []
  let next = 0
  const settings = {
    cwd: options.cwd,
    config: options.config,
    noConfig: options.noConfig,
    ignorePath: options.ignorePath,
    ignorePatterns: options.ignorePatterns,
    noIgnore: options.noIgnore,
    release: options.release
  }
  return new Promise((resolve, reject) => {
    let running = 0
    let failed = false
    const start = () => {
      const worker = new Worker(new URL('./worker.js', import.meta.url), {workerData: settings, resourceLimits: workerLimits})
      running++
      const give = () => {
        if (next >= batches.length) {
          void worker.terminate()
          return
        }
        const index = next++
        worker.postMessage({index, files: batches[index]!.map((f) => ({path: f.path, value: String(f.value)}))})
      }
      worker.on('message', (message: {index?: number; results?: Serialized[]; progress?: number}) => {
        if (message.progress) for (let i = 0; i < message.progress; i++) options.onFile?.()
        if (message.results && message.index !== undefined) {
          results[message.index] = message.results
          give()
        }
      })
      worker.on('error', (error) => {
        failed = true
        reject(error)
      })
      worker.on('exit', () => {
        running--
        if (running === 0 && !failed) resolve(results.flat())
      })
      give()
    }
    for (let i = 0; i < jobs; i++) start()
  })
}

/**
 * The default for `--jobs`: a worker a core but one, which the main thread
 * keeps (finding files, reading them, writing the report). On two cores that
 * is no worker at all: measured, two threads of this allocation-heavy work
 * there take longer than one (see the README's Speed section).
 */
export function defaultJobs(): number {
  return Math.max(1, availableParallelism() - 1)
}
