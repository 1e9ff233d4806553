/** --fix and --fix-dry-run on text, Markdown and HTML. */
import {chmodSync, linkSync, lstatSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {run, temporary} from './helpers.js'

const cases = [
  ['draft.txt', 'The Hermit Kingdom fired.\nWe saw the Hermit Kingdom’s parade; it is reportedly over.\n', 'North Korea fired.\nWe saw North Korea’s parade; it is reportedly over.\n'],
  ['draft.md', '# Report\n\nThe Hermit Kingdom fired, unlike the *Hermit* Kingdom of old.\n\n```\nthe Hermit Kingdom\n```\n', '# Report\n\nNorth Korea fired, unlike the *Hermit* Kingdom of old.\n\n```\nthe Hermit Kingdom\n```\n'],
  ['draft.html', '<p>The Land of the Rising Sun voted.</p>\n<p>It is the Hermit Kingdom&rsquo;s turn.</p>\n', '<p>Japan voted.</p>\n<p>It is the Hermit Kingdom&rsquo;s turn.</p>\n']
] as const

describe('--fix', () => {
  it.each(cases)('writes the safe fixes into %s and reports what is left', (name, before, after) => {
    const dir = temporary('copydesk-fix-')
    writeFileSync(join(dir, name), before)
    const result = run(['--fix', '--format', 'json', name], {cwd: dir})
    expect(readFileSync(join(dir, name), 'utf8')).toBe(after)
    const left = JSON.parse(result.stdout)[0].messages.map((m: {ruleId: string}) => m.ruleId)
    expect(left).not.toContain('land-of-the-rising-sun')
    // Markup or an entity inside the text is left for an editor: "*Hermit* Kingdom", "Kingdom&rsquo;s".
    if (name !== 'draft.txt') expect(left).toContain('hermit-kingdom')
    // Nothing but the file itself is left in the folder (no temporary files).
    expect(readdirSync(dir)).toEqual([name])
  })

  it('does not touch a file it cannot parse the configuration for', () => {
    const dir = temporary('copydesk-fix-')
    writeFileSync(join(dir, '.retextrc.json'), '{"plugins": [')
    writeFileSync(join(dir, 'draft.txt'), 'The Hermit Kingdom fired.\n')
    expect(run(['--fix', 'draft.txt'], {cwd: dir}).code).toBe(2)
    expect(readFileSync(join(dir, 'draft.txt'), 'utf8')).toBe('The Hermit Kingdom fired.\n')
  })

  it('needs files (standard input has nowhere to write)', () => {
    expect(run(['--fix'], {input: 'The Hermit Kingdom fired.'})).toMatchObject({code: 2, stderr: 'copydesk: --fix needs files to write; for standard input use --fix-dry-run\n'})
  })
})

describe('--fix-dry-run', () => {
  it.each(cases)('prints the diff for %s and writes nothing', (name, before) => {
    const dir = temporary('copydesk-fix-')
    writeFileSync(join(dir, name), before)
    const result = run(['--fix-dry-run', name], {cwd: dir})
    expect(readFileSync(join(dir, name), 'utf8')).toBe(before)
    expect(result.stdout.split('\n').slice(0, 2)).toEqual([`--- a/${name}`, `+++ b/${name}`])
    expect(result.stdout).toMatch(/^-.*(?:Hermit Kingdom|Land of the Rising Sun)/m)
    expect(result.stdout).toMatch(/^\+.*(?:North Korea|Japan)/m)
  })

  it('reads standard input', () => {
    const result = run(['--fix-dry-run', '--stdin-filename', 'draft.txt'], {input: 'The Hermit Kingdom fired.\n'})
    expect(result.stdout).toBe('--- a/draft.txt\n+++ b/draft.txt\n@@ -1,2 +1,2 @@\n-The Hermit Kingdom fired.\n+North Korea fired.\n \n')
  })
})

describe('--fix leaves alone what it must not rewrite', () => {
  const draft = 'The Hermit Kingdom fired.\n'
  const fixed = 'North Korea fired.\n'

  it('follows a symbolic link: the link stays, its target is fixed', () => {
    const dir = temporary('copydesk-fix-')
    writeFileSync(join(dir, 'target.txt'), draft)
    symlinkSync('target.txt', join(dir, 'link.txt'))
    expect(run(['--fix', 'link.txt'], {cwd: dir}).code).toBe(0)
    expect(lstatSync(join(dir, 'link.txt')).isSymbolicLink()).toBe(true)
    expect(readFileSync(join(dir, 'target.txt'), 'utf8')).toBe(fixed)
  })

  it('keeps the file’s mode', () => {
    const dir = temporary('copydesk-fix-')
    writeFileSync(join(dir, 'draft.txt'), draft, {mode: 0o640})
    chmodSync(join(dir, 'draft.txt'), 0o640)
    run(['--fix', 'draft.txt'], {cwd: dir})
    expect(statSync(join(dir, 'draft.txt')).mode & 0o777).toBe(0o640)
    expect(readFileSync(join(dir, 'draft.txt'), 'utf8')).toBe(fixed)
  })

  it.each([
    ['a read-only file', (dir: string) => {
      writeFileSync(join(dir, 'draft.txt'), draft)
      chmodSync(join(dir, 'draft.txt'), 0o444)
    }, 'it is read-only'],
    ['a file with two hard links', (dir: string) => {
      writeFileSync(join(dir, 'draft.txt'), draft)
      linkSync(join(dir, 'draft.txt'), join(dir, 'other.txt'))
    }, 'it has 2 hard links, which a rewrite would separate'],
    ['a file in UTF-16 (linted, but not UTF-8)', (dir: string) => {
      writeFileSync(join(dir, 'draft.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(draft, 'utf16le')]))
    }, 'it is not valid UTF-8, and rewriting it would change bytes outside the fixes']
  ])('does not rewrite %s, and says why (exit 2)', (_, setUp, why) => {
    const dir = temporary('copydesk-fix-')
    setUp(dir)
    const before = readFileSync(join(dir, 'draft.txt'))
    const result = run(['--fix', 'draft.txt'], {cwd: dir})
    expect(result.code).toBe(2)
    expect(result.stderr).toBe(`copydesk: draft.txt: fixes not written: ${why}\n`)
    expect(readFileSync(join(dir, 'draft.txt'))).toEqual(before)
  })
})
