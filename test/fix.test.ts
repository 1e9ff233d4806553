/** --fix and --fix-dry-run on text, Markdown and HTML. */
import {mkdtempSync, readFileSync, readdirSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {run} from './helpers.js'

const cases = [
  ['draft.txt', 'The Hermit Kingdom fired.\nWe saw the Hermit Kingdom’s parade; it is reportedly over.\n', 'North Korea fired.\nWe saw North Korea’s parade; it is reportedly over.\n'],
  ['draft.md', '# Report\n\nThe Hermit Kingdom fired, unlike the *Hermit* Kingdom of old.\n\n```\nthe Hermit Kingdom\n```\n', '# Report\n\nNorth Korea fired, unlike the *Hermit* Kingdom of old.\n\n```\nthe Hermit Kingdom\n```\n'],
  ['draft.html', '<p>The Land of the Rising Sun voted.</p>\n<p>It is the Hermit Kingdom&rsquo;s turn.</p>\n', '<p>Japan voted.</p>\n<p>It is the Hermit Kingdom&rsquo;s turn.</p>\n']
] as const

describe('--fix', () => {
  it.each(cases)('writes the safe fixes into %s and reports what is left', (name, before, after) => {
    const dir = mkdtempSync(join(tmpdir(), 'copydesk-fix-'))
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
    const dir = mkdtempSync(join(tmpdir(), 'copydesk-fix-'))
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
    const dir = mkdtempSync(join(tmpdir(), 'copydesk-fix-'))
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
