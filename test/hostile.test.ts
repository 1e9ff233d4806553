/**
 * Hostile input, as CI meets it: every bad file or configuration gets one
 * line on stderr naming the file and the problem, exit code 2, no stack
 * trace; the other files of the run are still linted and reported; no input
 * is changed.
 */
import {spawnSync} from 'node:child_process'
import {createHash} from 'node:crypto'
import {chmodSync, cpSync, existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {root, run, temporary} from './helpers.js'

const root0 = process.getuid?.() === 0
const good = 'The regime fell.\n'

interface Case {
  readonly name: string
  /** Writes the bad input into `dir`; returns the arguments after the file list's good file. */
  readonly make: (dir: string) => string[]
  readonly code: number
  /** The whole of stderr. */
  readonly stderr: string | RegExp
  /** Findings of the bad file, when it is linted after all. */
  readonly findings?: string[]
  /** Run as an unprivileged user (root reads everything): needs setpriv when the tests run as root. */
  readonly asNobody?: boolean
}

const setpriv = ['/usr/bin/setpriv', '/bin/setpriv'].find((p) => existsSync(p))

const cases: Case[] = [
  {name: 'a missing file', make: () => ['missing.txt'], code: 2, stderr: 'copydesk: missing.txt: no such file or folder\n'},
  {
    name: 'a broken symbolic link',
    make: (dir) => {
      symlinkSync('nowhere.txt', join(dir, 'broken.txt'))
      return ['broken.txt']
    },
    code: 2,
    stderr: 'copydesk: broken.txt: no such file or folder\n'
  },
  {name: 'a glob that matches nothing', make: () => ['nothing/*.txt'], code: 2, stderr: /^copydesk: no files match nothing\/\*\.txt /},
  {
    name: 'a folder without read permission',
    make: (dir) => {
      mkdirSync(join(dir, 'locked'))
      writeFileSync(join(dir, 'locked', 'a.txt'), good)
      chmodSync(join(dir, 'locked'), 0)
      return ['locked']
    },
    code: 2,
    stderr: 'copydesk: locked: permission denied (cannot read the folder)\n',
    asNobody: true
  },
  {
    name: 'a file without read permission',
    make: (dir) => {
      writeFileSync(join(dir, 'secret.txt'), good)
      chmodSync(join(dir, 'secret.txt'), 0)
      return ['secret.txt']
    },
    code: 2,
    stderr: 'copydesk: secret.txt: permission denied\n',
    asNobody: true
  },
  {
    name: 'a binary file',
    make: (dir) => {
      writeFileSync(join(dir, 'photo.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]))
      return ['photo.txt']
    },
    code: 2,
    stderr: 'copydesk: photo.txt: looks like a binary file, not text: not linted\n'
  },
  {
    name: 'a file that is not valid UTF-8',
    make: (dir) => {
      writeFileSync(join(dir, 'latin1.txt'), Buffer.concat([Buffer.from('Line one.\nCaf'), Buffer.from([0xe9]), Buffer.from(' regime.\n')]))
      return ['latin1.txt']
    },
    code: 2,
    stderr: 'copydesk: latin1.txt: is not valid UTF-8 (byte 0xE9 on line 2, column 4): not linted; save it as UTF-8 (for example: iconv -f windows-1252 -t utf-8)\n'
  },
  {
    name: 'a UTF-16 file with a byte-order mark (read, positions in characters)',
    make: (dir) => {
      writeFileSync(join(dir, 'utf16.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Intro.\nThe regime fell.\n', 'utf16le')]))
      return ['utf16.txt']
    },
    code: 0,
    stderr: '',
    findings: ['2:5 regime']
  },
  {
    name: 'a UTF-8 file with a byte-order mark (the mark is not text)',
    make: (dir) => (writeFileSync(join(dir, 'bom.txt'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('The regime fell.\n')])), ['bom.txt']),
    code: 0,
    stderr: '',
    findings: ['1:5 regime']
  },
  {name: 'an empty file', make: (dir) => (writeFileSync(join(dir, 'empty.txt'), ''), ['empty.txt']), code: 0, stderr: '', findings: []},
  // Found by the fuzz tests: an empty page crashed the HTML reader.
  {name: 'an empty HTML file', make: (dir) => (writeFileSync(join(dir, 'empty.html'), ''), ['empty.html']), code: 0, stderr: '', findings: []},
  {name: 'a file of only white space', make: (dir) => (writeFileSync(join(dir, 'blank.txt'), ' \n\n\t\r\n  \n'), ['blank.txt']), code: 0, stderr: '', findings: []},
  {
    name: 'a 1 MB line without spaces, then prose',
    make: (dir) => (writeFileSync(join(dir, 'line.txt'), 'x'.repeat(1024 * 1024) + '\nThe regime fell.\n'), ['line.txt']),
    code: 0,
    stderr: '',
    findings: ['2:5 regime']
  },
  {
    name: 'a 50 MB file',
    make: (dir) => (writeFileSync(join(dir, 'huge.txt'), 'The regime fell.\n\n' + 'y'.repeat(50 * 1024 * 1024) + '\n'), ['huge.txt']),
    code: 0,
    stderr: '',
    findings: ['1:5 regime']
  },
  {
    name: 'Markdown nested 5,000 levels deep',
    make: (dir) => (writeFileSync(join(dir, 'deep.md'), '>'.repeat(5000) + ' The regime fell.\n'), ['deep.md']),
    code: 2,
    stderr: 'copydesk: deep.md: the markup is nested too deeply to read (thousands of levels): not linted; flatten the nesting\n'
  },
  {
    name: 'HTML nested 5,000 levels deep',
    make: (dir) => (writeFileSync(join(dir, 'deep.html'), '<div>'.repeat(5000) + 'The regime fell.' + '</div>'.repeat(5000)), ['deep.html']),
    code: 2,
    stderr: 'copydesk: deep.html: the markup is nested too deeply to read (thousands of levels): not linted; flatten the nesting\n'
  },
  {
    name: 'a malformed .retextrc.json',
    make: (dir) => {
      mkdirSync(join(dir, 'sub'))
      writeFileSync(join(dir, 'sub', '.retextrc.json'), '{"plugins": [\n  ["copydesk", {"rules": }]\n]}\n')
      writeFileSync(join(dir, 'sub', 'a.txt'), good)
      return ['sub/a.txt']
    },
    code: 2,
    stderr: 'copydesk: sub/.retextrc.json:2:26: not valid JSON: expected a value, found `}`\n'
  },
  ...([
    ['an unknown rule', {hedgez: 'off'}, 'unknown rule `hedgez` (did you mean `hedge`?); rules are unattributed-statistic, loaded-language, hedge, boilerplate, anonymous-source, attribution-verb, unattributed-quote'],
    ['an unknown severity', {hedge: 'loud'}, 'rule `hedge`: unknown level "loud"; use one of off, suggestion, warning, error'],
    ['an option of the wrong type', {hedge: ['warning', {allow: 'reportedly'}]}, 'rule `hedge`: `allow` must be a list of entry ids, like ["tragic"]'],
    ['a window out of range', {'unattributed-statistic': ['warning', {window: 'two'}]}, 'rule `unattributed-statistic`: `window` must be a whole number of sentences from 0 to 5, not "two"']
  ] as const).map(([name, rules, message]): Case => ({
    name,
    make: (dir) => {
      mkdirSync(join(dir, 'sub'))
      writeFileSync(join(dir, 'sub', '.retextrc.json'), JSON.stringify({plugins: [['copydesk', {rules}]]}))
      writeFileSync(join(dir, 'sub', 'a.txt'), good)
      return ['sub/a.txt']
    },
    code: 2,
    stderr: `copydesk: sub/.retextrc.json: ${message}\n`
  }))
]

describe('bad input: one line naming the file, exit 2, the run goes on', () => {
  it.each(cases.filter((c) => !(c.asNobody && root0 && !setpriv)))('$name', (c) => {
    const dir = temporary('copydesk-hostile-')
    chmodSync(dir, 0o755)
    writeFileSync(join(dir, 'good.txt'), good)
    const args = c.make(dir)
    const before = snapshot(dir)
    const nobody = c.asNobody && root0
    const result = nobody ? runAs(['--format', 'json', 'good.txt', ...args], dir) : run(['--format', 'json', 'good.txt', ...args], {cwd: dir})
    expect(result.code).toBe(c.code)
    if (typeof c.stderr === 'string') expect(result.stderr).toBe(c.stderr)
    else expect(result.stderr).toMatch(c.stderr)
    expect(result.stderr).not.toMatch(/\n\s+at /)
    // The good file is linted whatever happens to the bad one.
    const files = JSON.parse(result.stdout) as Array<{path: string; messages: Array<{line: number; column: number; ruleId: string}>}>
    expect(files.find((f) => f.path === 'good.txt')?.messages.map((m) => m.ruleId)).toEqual(['regime'])
    if (c.findings) expect(files.find((f) => f.path === args[0])?.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`)).toEqual(c.findings)
    // Nothing was changed.
    expect(snapshot(dir)).toEqual(before)
  }, 120_000)
})

describe('a rules data file that fails validation (a damaged install)', () => {
  it('is named with the entry and the problem, exit 2', () => {
    const dir = temporary('copydesk-install-')
    for (const part of ['dist', 'rules', 'package.json']) cpSync(join(root, part), join(dir, part), {recursive: true})
    symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'))
    const hedge = join(dir, 'rules', 'hedge.yml')
    writeFileSync(hedge, readFileSync(hedge, 'utf8').replace('    severity: warning', '    severity: loud'))
    writeFileSync(join(dir, 'draft.txt'), good)
    const result = run(['draft.txt'], {cwd: dir, cli: join(dir, 'dist/cli/index.js')})
    expect(result.code).toBe(2)
    expect(result.stderr).toBe('copydesk: draft.txt: rules/hedge.yml: entry `reportedly`: /entries/0/severity must be equal to one of the allowed values (suggestion, warning, error)\n')
  })

  it('says which rule file is missing, not that the draft is', () => {
    const dir = temporary('copydesk-install-')
    for (const part of ['dist', 'rules', 'package.json']) cpSync(join(root, part), join(dir, part), {recursive: true})
    symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'))
    rmSync(join(dir, 'rules', 'hedge.yml'))
    writeFileSync(join(dir, 'draft.txt'), good)
    const result = run(['draft.txt'], {cwd: dir, cli: join(dir, 'dist/cli/index.js')})
    expect(result.code).toBe(2)
    expect(result.stderr).toBe('copydesk: draft.txt: rules/hedge.yml: cannot read it (ENOENT)\n')
  })
})

/** The CLI as user nobody (for permission cases when the tests run as root). */
function runAs(args: string[], cwd: string) {
  const result = spawnSync(setpriv!, ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, join(root, 'dist/cli/index.js'), ...args], {cwd, encoding: 'utf8', env: {...process.env, NO_COLOR: ''}})
  return {code: result.status, stdout: result.stdout, stderr: result.stderr}
}

/** Every file under a folder with a hash of its bytes (to prove nothing was written). */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {}
  const walk = (at: string) => {
    let names: string[]
    try {
      names = readdirSync(at)
    } catch {
      return
    }
    for (const name of names) {
      const path = join(at, name)
      const stat = lstatSync(path)
      if (stat.isSymbolicLink()) out[path] = 'link'
      else if (stat.isDirectory()) walk(path)
      else out[path] = createHash('sha256').update(readFileSync(path)).digest('hex')
    }
  }
  walk(dir)
  return out
}
