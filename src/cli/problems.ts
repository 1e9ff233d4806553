/**
 * Problems that are not findings (a missing file, a broken configuration, an
 * unreadable input), each said in one line: for the CLI and the editor.
 */
import {accessSync, constants, readFileSync} from 'node:fs'
import {resolve} from 'node:path'
import {jsonErrorOffset} from './json-position.js'

export function relative(path: string, cwd: string): string {
  return path.startsWith(cwd + '/') ? path.slice(cwd.length + 1) : path
}

/** One line: which file, what is wrong (the deepest cause, not the engine's wrappers). */
export function describeProblem(m: {reason: string; cause?: unknown}, name: string, cwd: string): string {
  const chain: string[] = [m.reason]
  let cause = m.cause
  while (cause instanceof Error) {
    chain.push(cause.message)
    cause = cause.cause
  }
  const deepest = oneLine(chain.at(-1)!)
  const config = chain.map((c) => /^Cannot parse (?:given )?file `(.+)`/.exec(c)?.[1]).find(Boolean)
  if (config) {
    const path = relative(resolve(cwd, config), cwd)
    if (/\.json$|package\.json$/.test(path)) {
      const where = jsonError(resolve(cwd, config))
      if (where) return `${path}:${where}`
    }
    const reason = deepest.replace(` in ${resolve(cwd, config)}`, '')
    return reason.startsWith(`${path}: `) ? reason : `${path}: ${reason}`
  }
  const plugin = chain.map((c) => /Cannot find (?:module|package) [`'"]([^`'"]+)[`'"]/.exec(c)?.[1]).find(Boolean)
  if (plugin) return `${name}: the configuration uses the plugin \`${plugin}\`, which is not installed (npm install ${plugin.startsWith('retext-') || plugin.startsWith('@') ? plugin : `retext-${plugin}`})`
  if (chain.some((c) => /it[’']s ignored/.test(c))) return `${name}: skipped, it is ignored (.copydeskignore or --ignore-pattern)`
  // A rule data file of the install that cannot be read is not the draft going missing.
  if (chain.some((c) => /^rules\/[\w-]+\.yml: /.test(c))) return `${name}: ${deepest}`
  if (/ENOENT|No such file/i.test(chain.join(' '))) return `${name}: no such file or folder`
  if (/EACCES|EPERM/.test(chain.join(' '))) return `${name}: permission denied`
  // The engine says only "Cannot read folder": say why when the system does.
  if (deepest === 'Cannot read folder') {
    try {
      accessSync(resolve(cwd, name), constants.R_OK | constants.X_OK)
    } catch (error) {
      if (/EACCES|EPERM/.test((error as NodeJS.ErrnoException).code ?? '')) return `${name}: permission denied (cannot read the folder)`
    }
    return `${name}: cannot read the folder`
  }
  return `${name}: ${deepest}`
}

/** "2:14: not valid JSON: expected …" for a configuration file that does not parse. */
function jsonError(path: string): string | undefined {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch {
    return undefined
  }
  const error = jsonErrorOffset(text)
  if (!error) return undefined
  const before = text.slice(0, error.offset).split('\n')
  const found = error.offset >= text.length ? 'the end of the file' : `\`${text[error.offset]}\``
  return `${before.length}:${before.at(-1)!.length + 1}: not valid JSON: expected ${error.expected}, found ${found}`
}

export function oneLine(text: string): string {
  // (Drop a stack frame run on to the line, "… at file:///…", not an "at" of the message.)
  return text.split('\n')[0]!.replace(/\s+at\s+(?:[\w.<>$]+\s+\()?(?:file:|node:|\/|[A-Za-z]:\\).*$/, '').trim()
}
