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

/** git's C-style quoting of unusual paths ("caf\303\251.txt"), undone. */
function unquote(path: string): string {
  if (!path.startsWith('"') || !path.endsWith('"')) return path
  const bytes: number[] = []
  const body = path.slice(1, -1)
  const escapes: Record<string, number> = {n: 10, t: 9, r: 13, a: 7, b: 8, f: 12, v: 11, '"': 34, '\\': 92}
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!
    if (c !== '\\') {
      bytes.push(...Buffer.from(c))
      continue
    }
    const next = body[i + 1]!
    if (/[0-7]/.test(next)) {
      bytes.push(parseInt(body.slice(i + 1, i + 4), 8))
      i += 3
    } else {
      bytes.push(escapes[next] ?? next.charCodeAt(0))
      i++
    }
  }
  return Buffer.from(bytes).toString('utf8')
}

/**
 * The changed lines of every file in a diff with no context lines. File
 * headers are read only between hunks, so an added line that starts with
 * "++ " is content, not a header.
 */
export function parseDiff(diff: string): Map<string, Set<number>> {
  const lines = new Map<string, Set<number>>()
  let current: Set<number> | undefined
  let oldLeft = 0
  let newLeft = 0
  for (const line of diff.split('\n')) {
    if (oldLeft > 0 || newLeft > 0) {
      if (line.startsWith('-')) oldLeft--
      else if (line.startsWith('+')) newLeft--
      else if (line.startsWith(' ')) {
        oldLeft--
        newLeft--
      }
      continue
    }
    if (line.startsWith('+++ ')) {
      const path = unquote(line.slice(4).replace(/\t$/, ''))
      current = path === '/dev/null' ? undefined : new Set()
      if (current) lines.set(path.replace(/^b\//, ''), current)
      continue
    }
    const hunk = /^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/.exec(line)
    if (hunk) {
      oldLeft = hunk[1] === undefined ? 1 : Number(hunk[1])
      const start = Number(hunk[2])
      newLeft = hunk[3] === undefined ? 1 : Number(hunk[3])
      if (current) for (let n = start; n < start + newLeft; n++) current.add(n)
    }
  }
  return lines
}

/**
 * What a pull request touched: the lines changed since the point where the
 * branch left REF (their merge base), committed or not, and every line of a
 * file git does not track yet. ("REF...", "REF...HEAD" say the same.)
 */
export function changedSince(given: string, cwd: string): Changes {
  const ref = given.replace(/\.\.\.(?:HEAD)?$/, '')
  let top: string
  try {
    top = git(['rev-parse', '--show-toplevel'], cwd).trim()
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT'
    throw new ChangedError(missing ? '--changed-since needs git, which is not installed' : `--changed-since needs a git repository, and ${cwd} is not in one`)
  }
  if (ref.startsWith('-')) throw new ChangedError(`--changed-since: unknown git ref "${given}"`)
  try {
    git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], top)
  } catch {
    let refs: string[] = []
    try {
      refs = git(['for-each-ref', '--format=%(refname:short)'], top).split('\n').filter(Boolean)
    } catch {}
    const near = closest(ref, refs)
    throw new ChangedError(`--changed-since: unknown git ref "${given}"${near ? ` (did you mean \`${near}\`?)` : ''}`)
  }
  // Since the branch point, so what REF gained meanwhile is not counted as this branch's change.
  let base = ref
  try {
    base = git(['merge-base', ref, 'HEAD'], top).trim() || ref
  } catch {}
  // Plain paths and prefixes whatever the user's git configuration says.
  const settings = ['-c', 'core.quotePath=false', '-c', 'diff.mnemonicPrefix=false', '-c', 'diff.noprefix=false']
  const lines = parseDiff(git([...settings, 'diff', '--unified=0', '--no-color', '--no-ext-diff', '--no-renames', '--src-prefix=a/', '--dst-prefix=b/', base, '--'], top))
  const untracked = new Set(git([...settings, 'ls-files', '-z', '--others', '--exclude-standard'], top).split('\0').filter(Boolean))
  const none: ReadonlySet<number> = new Set()
  return (path) => {
    const key = relative(top, resolve(cwd, path)).split('\\').join('/')
    if (untracked.has(key)) return 'all'
    return lines.get(key) ?? none
  }
}
