/**
 * --fix: apply the replacements that rule data marks safe (`fix: true`), and
 * --fix-dry-run: show them as a diff. Files are written atomically (a
 * temporary file renamed over the original), and only when the text to
 * replace is exactly what was reported.
 */
import {chmodSync, chownSync, existsSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {basename, dirname, join} from 'node:path'
import type {VFile} from 'vfile'

export interface Edit {
  readonly start: number
  readonly end: number
  readonly replacement: string
}

/** The safe edits for a file's messages, and the messages they fix. */
export function fixEdits(file: VFile): {edits: Edit[]; fixed: Set<unknown>} {
  const text = String(file.value ?? '')
  const edits: Edit[] = []
  const fixed = new Set<unknown>()
  for (const message of file.messages) {
    const fix = (message as {fix?: string}).fix
    const place = message.place
    if (!fix || !place || !('start' in place)) continue
    const start = place.start.offset
    const end = place.end.offset
    if (start === undefined || end === undefined) continue
    const actual = text.slice(start, end)
    // Markup or an entity inside the text (`*Hermit* Kingdom`, `&amp;`): an editor's job, not a script's.
    if (actual !== message.actual || /[<>*_[\]&`\\]/.test(actual)) continue
    // Keep a possessive and a capital: "the Hermit Kingdom’s" → "North Korea’s".
    const possessive = /['’]s?$/.exec(actual)?.[0] ?? ''
    const replacement = fix + (fix.endsWith(possessive) ? '' : possessive)
    if (edits.some((e) => e.start < end && start < e.end)) continue
    edits.push({start, end, replacement})
    fixed.add(message)
  }
  return {edits: edits.sort((a, b) => a.start - b.start), fixed}
}

export function applyEdits(text: string, edits: readonly Edit[]): string {
  let result = ''
  let at = 0
  for (const edit of edits) {
    result += text.slice(at, edit.start) + edit.replacement
    at = edit.end
  }
  return result + text.slice(at)
}

/** Why a file must not be rewritten, if it must not: read-only, several hard links, not valid UTF-8. */
export function unwritable(path: string): string | undefined {
  const real = realpathSync(path)
  const stat = statSync(real)
  if ((stat.mode & 0o222) === 0) return 'it is read-only'
  if (stat.nlink > 1) return `it has ${stat.nlink} hard links, which a rewrite would separate`
  try {
    new TextDecoder('utf-8', {fatal: true}).decode(readFileSync(real))
  } catch {
    return 'it is not valid UTF-8, and rewriting it would change bytes outside the fixes'
  }
  return undefined
}

/**
 * Writes a file so that a crash leaves either the old text or the new, never
 * half of one: a temporary file beside it, with its mode and owner, renamed
 * over it. A symbolic link is followed (the link stays, its target changes).
 */
export function writeAtomic(path: string, text: string) {
  const target = existsSync(path) ? realpathSync(path) : path
  const temporary = join(dirname(target), `.${basename(target)}.copydesk-${process.pid}.tmp`)
  const stat = existsSync(target) ? statSync(target) : undefined
  try {
    writeFileSync(temporary, text, {flag: 'wx'})
    chmodSync(temporary, (stat?.mode ?? 0o644) & 0o7777)
    if (stat && process.getuid && (stat.uid !== process.getuid() || stat.gid !== process.getgid?.())) {
      try {
        chownSync(temporary, stat.uid, stat.gid)
      } catch {
        // Only the owner's own group, or root, can give a file away: keep ours.
      }
    }
    renameSync(temporary, target)
  } catch (error) {
    rmSync(temporary, {force: true})
    throw error
  }
}

/** A unified diff of two versions of a file (edits never add or remove lines). */
export function unifiedDiff(path: string, before: string, after: string, context = 3): string {
  const a = before.split('\n')
  const b = after.split('\n')
  const changed: number[] = []
  for (let i = 0; i < Math.max(a.length, b.length); i++) if (a[i] !== b[i]) changed.push(i)
  if (changed.length === 0) return ''
  const lines = [`--- a/${path}`, `+++ b/${path}`]
  let i = 0
  while (i < changed.length) {
    let j = i
    while (j + 1 < changed.length && changed[j + 1]! - changed[j]! <= context * 2) j++
    const from = Math.max(0, changed[i]! - context)
    const to = Math.min(a.length - 1, changed[j]! + context)
    lines.push(`@@ -${from + 1},${to - from + 1} +${from + 1},${to - from + 1} @@`)
    for (let k = from; k <= to; k++) {
      if (a[k] === b[k]) lines.push(` ${a[k]}`)
      else lines.push(`-${a[k]}`, `+${b[k]}`)
    }
    i = j + 1
  }
  return lines.join('\n') + '\n'
}
