/**
 * `--cache`: the results of files already linted, keyed by their content,
 * the configuration files that apply to them and this build of copydesk, so
 * an unchanged file is not linted twice. Kept in one JSON file, written
 * atomically.
 */
import {createHash} from 'node:crypto'
import {existsSync, readFileSync, statSync} from 'node:fs'
import {dirname, join, resolve} from 'node:path'
import type {VFile} from 'vfile'
import {ruleNames, rulesDirectory} from '../data.js'
import {writeAtomic} from '../fix.js'
import type {Serialized} from './serialize.js'

/** Files whose contents decide a file's configuration or ignoring, as unified-engine finds them walking up. */
const configNames = ['.retextrc', '.retextrc.json', '.retextrc.yml', '.retextrc.yaml', '.retextrc.js', '.retextrc.cjs', '.retextrc.mjs', 'package.json', '.copydeskignore']

const sha = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 32)

/** This build of copydesk: its version, its rule data and the time it was built. */
function build(): string {
  const pkg = readFileSync(new URL('../../package.json', import.meta.url), 'utf8')
  const rules = ruleNames.map((rule) => readFileSync(`${rulesDirectory}${rule}.yml`, 'utf8')).join('\0')
  const built = statSync(new URL('../index.js', import.meta.url)).mtimeMs
  return sha(`${JSON.parse(pkg).version}\0${rules}\0${built}`)
}

interface Stored {
  readonly copydesk: string
  readonly files: Record<string, {key: string; result: Serialized}>
}

export class Cache {
  private readonly tool: string
  private readonly folders = new Map<string, string>()
  private files: Record<string, {key: string; result: Serialized}> = {}
  private changed = false

  private constructor(private readonly path: string, private readonly settings: string) {
    this.tool = build()
  }

  /** Opens the cache at `path`; `settings` are the options that change results (--config and its text, --no-config). */
  static open(path: string, settings = ''): Cache {
    const cache = new Cache(resolve(path), settings)
    try {
      const stored = JSON.parse(readFileSync(cache.path, 'utf8')) as Stored
      if (stored.copydesk === cache.tool && stored.files && typeof stored.files === 'object') cache.files = stored.files
    } catch {
      // No cache yet, or one this build cannot read: start again.
    }
    return cache
  }

  get(file: VFile): Serialized | undefined {
    const entry = this.files[resolve(file.cwd, file.path)]
    return entry && entry.key === this.key(file) ? entry.result : undefined
  }

  set(file: VFile, result: Serialized): void {
    // A file with a problem (unreadable, a broken configuration) is linted again next time.
    if (result.messages.some((m) => m.fatal === true && !m.ruleId)) return
    this.files[resolve(file.cwd, file.path)] = {key: this.key(file), result}
    this.changed = true
  }

  save(): void {
    if (!this.changed) return
    writeAtomic(this.path, JSON.stringify({copydesk: this.tool, files: this.files} satisfies Stored))
  }

  private key(file: VFile): string {
    return sha(`${this.settings}\0${this.folder(dirname(resolve(file.cwd, file.path)))}\0${String(file.value ?? '')}`)
  }

  /** The configuration that applies in a folder: every config or ignore file from it up to the root. */
  private folder(dir: string): string {
    const known = this.folders.get(dir)
    if (known !== undefined) return known
    let own = ''
    for (const name of configNames) {
      const path = join(dir, name)
      if (existsSync(path)) own += `${name}\0${readFileSync(path, 'utf8')}\0`
    }
    const parent = dirname(dir)
    const value = sha(own + (parent === dir ? '' : this.folder(parent)))
    this.folders.set(dir, value)
    return value
  }
}
