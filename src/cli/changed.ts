/**
 * `--changed-since REF`: the lines a pull request touched. Lines added or
 * changed since REF (committed, staged or not), and every line of a file git
 * does not track yet.
 */
import {execFileSync} from 'node:child_process'
import {relative, resolve} from 'node:path'
import {closest} from '../suggest.js'

export class ChangedError extends Error {
  override name = 'ChangedError'
}

const git = (args: string[], cwd: string) =>
  execFileSync('git', args, {cwd, encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'pipe']})

/** For a file's absolute path: the changed line numbers, 'all' for a new file. */
export type Changes = (path: string) => ReadonlySet<number> | 'all'

export function changedSince(ref: string, cwd: string): Changes {
  let top: string
  try {
    top = git(['rev-parse', '--show-toplevel'], cwd).trim()
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT'
    throw new ChangedError(missing ? '--changed-since needs git, which is not installed' : `--changed-since needs a git repository, and ${cwd} is not in one`)
  }
  try {
    git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], top)
  } catch {
    let refs: string[] = []
    try {
      refs = git(['for-each-ref', '--format=%(refname:short)'], top).split('\n').filter(Boolean)
    } catch {}
    const near = closest(ref, refs)
    throw new ChangedError(`--changed-since: unknown git ref "${ref}"${near ? ` (did you mean \`${near}\`?)` : ''}`)
  }
  const lines = new Map<string, Set<number>>()
  let current: Set<number> | undefined
  for (const line of git(['diff', '--unified=0', '--no-color', '--no-ext-diff', '--no-renames', ref, '--'], top).split('\n')) {
    if (line.startsWith('+++ ')) {
      const path = line.slice(4)
      current = path === '/dev/null' ? undefined : new Set()
      if (current) lines.set(path.replace(/^b\//, ''), current)
      continue
    }
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line)
    if (hunk && current) {
      const start = Number(hunk[1])
      const count = hunk[2] === undefined ? 1 : Number(hunk[2])
      for (let n = start; n < start + count; n++) current.add(n)
    }
  }
  const untracked = new Set(git(['ls-files', '--others', '--exclude-standard'], top).split('\n').filter(Boolean))
  const none: ReadonlySet<number> = new Set()
  return (path) => {
    const key = relative(top, resolve(cwd, path)).split('\\').join('/')
    if (untracked.has(key)) return 'all'
    return lines.get(key) ?? none
  }
}
