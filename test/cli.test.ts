/**
 * The built `copydesk` binary, run as a user runs it: output, JSON shape,
 * exit codes, configuration and ignore files, stdin, and one-line errors.
 */
import {spawnSync} from 'node:child_process'
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {beforeEach, describe, expect, it} from 'vitest'
import {cli, root, run, temporary} from './helpers.js'

let dir: string
const write = (name: string, text: string) => {
  mkdirSync(join(dir, name, '..'), {recursive: true})
  writeFileSync(join(dir, name), text)
}
const config = (rules: object, name = '.retextrc.json') => write(name, JSON.stringify({plugins: [['copydesk', {rules}]]}))

beforeEach(() => {
  // Outside the repository: no node_modules, no .retextrc.json above.
  dir = temporary('copydesk-cli-')
})

describe('the example draft', () => {
  it('reports every rule, with positions, a closing count line, and exit 1 for boilerplate errors', () => {
    const result = run(['examples/draft.txt'])
    expect(result.code).toBe(1)
    expect(result.stderr).toBe('')
    const lines = result.stdout.split('\n')
    expect(lines[0]).toBe('examples/draft.txt')
    expect(result.stdout).toMatch(/^ +5:19-5:30 +warning +Unattributed figure `£38 million`: name its source in this sentence or the next +unattributed-statistic\/money$/m)
    expect(result.stdout).toMatch(/^ +13:1-13:35 +error +Boilerplate `Stay tuned for the latest updates\.`: delete it, it is not part of the story +boilerplate\/stay-informed$/m)
    for (const rule of ['unattributed-statistic', 'loaded-language', 'hedge', 'boilerplate', 'anonymous-source', 'attribution-verb', 'unattributed-quote']) {
      expect(result.stdout).toContain(` ${rule}/`)
    }
    expect(lines.at(-2)).toBe('✖ 2 errors, 11 warnings in 1 file')
  })

  it('prints JSON: one object per file with every message’s fields', () => {
    const result = run(['--format', 'json', 'examples/draft.txt'])
    expect(result.code).toBe(1)
    const report = JSON.parse(result.stdout) as Array<{path: string; messages: Array<Record<string, unknown>>; errorCount: number; warningCount: number}>
    expect(report).toHaveLength(1)
    expect(report[0]).toMatchObject({path: 'examples/draft.txt', errorCount: 2, warningCount: 11, suggestionCount: 0})
    expect(report[0]!.messages[0]).toEqual({
      source: 'unattributed-statistic',
      ruleId: 'money',
      severity: 'warning',
      line: 5,
      column: 19,
      endLine: 5,
      endColumn: 30,
      reason: 'Unattributed figure `£38 million`: name its source in this sentence or the next',
      note: expect.stringContaining('https://www.bbc.com/editorialguidelines/guidance/reporting-statistics'),
      actual: '£38 million',
      expected: [],
      url: 'https://github.com/copydesk/copydesk/blob/main/docs/rules.md#unattributed-statistic-money'
    })
    const text = readFileSync(join(root, 'examples/draft.txt'), 'utf8').split('\n')
    for (const m of report[0]!.messages) {
      if (m.line === m.endLine) expect(text[(m.line as number) - 1]!.slice((m.column as number) - 1, (m.endColumn as number) - 1)).toBe(m.actual)
    }
  })

  it('writes JSON a file at a time that reads as the whole report written at once, to stdout and to --output-file', () => {
    // (Tricky: the report is written in parts; their joins, the last file's lack of a comma and strings
    // with quotes, backslashes and line separators must come out as JSON.stringify(report, null, 2) would.)
    write('a.txt', 'The Hermit Kingdom said "no" \\ \u2028 reportedly.\n')
    write('b/c.txt', 'Officials said 40% of them left.\n')
    write('d.txt', 'The council met on Monday.\n')
    const result = run(['--format', 'json', '.'], {cwd: dir})
    const report = JSON.parse(result.stdout) as Array<{path: string}>
    expect(report.map((f) => f.path)).toEqual(['a.txt', 'b/c.txt', 'd.txt'])
    expect(result.stdout).toBe(JSON.stringify(report, null, 2) + '\n')
    run(['--format', 'json', '--output-file', 'out/report.json', '.'], {cwd: dir})
    expect(readFileSync(join(dir, 'out/report.json'), 'utf8')).toBe(result.stdout)
    // No file at all: an empty array, as JSON.stringify writes it.
    expect(run(['--format', 'json', 'nothing*.txt'], {cwd: dir})).toMatchObject({code: 2, stdout: '[]\n'})
  })

  it('keeps its exit code, and says nothing, when the reader of its JSON stops early (| head)', () => {
    // (Tricky: the report is written a part at a time, waiting for the pipe; a reader gone mid-report
    // must end the writing without a stack trace, a hang, or the exit code of a clean run.)
    for (let i = 0; i < 120; i++) write(`many/${i}.txt`, `The Hermit Kingdom fired ${i} missiles, officials reportedly said. Stay tuned for the latest updates.\n`)
    const piped = spawnSync('bash', ['-c', `"${process.execPath}" "${cli}" --format json many | head -c 10 >/dev/null; echo "exit \${PIPESTATUS[0]}"`], {cwd: dir, encoding: 'utf8'})
    expect(piped.stdout).toBe('exit 1\n')
    expect(piped.stderr).toBe('')
    // A reader that goes away while the report waits for the pipe: what follows the report is still said.
    for (let i = 0; i < 120; i++) write(`warned/${i}.txt`, `Officials reportedly said ${i} people left.\n`)
    const slow = spawnSync('bash', ['-c', `"${process.execPath}" "${cli}" --format json --max-warnings 1 warned | (sleep 0.5; head -c 10 >/dev/null); echo "exit \${PIPESTATUS[0]}"`], {cwd: dir, encoding: 'utf8'})
    expect(slow.stdout).toBe('exit 1\n')
    expect(slow.stderr).toMatch(/^copydesk: \d+ warnings, more than --max-warnings 1\n$/)
  })

  it('writes the report to --output-file and nothing to stdout', () => {
    const out = join(dir, 'reports', 'draft.json')
    const result = run(['--format', 'json', '--output-file', out, 'examples/draft.txt'])
    expect(result.code).toBe(1)
    expect(result.stdout).toBe('')
    expect(JSON.parse(readFileSync(out, 'utf8'))[0].errorCount).toBe(2)
  })
})

describe('exit codes and counts', () => {
  it('exits 0 on a clean file', () => {
    write('clean.txt', 'The council approved the budget on Monday, its leader said.\n')
    const result = run(['clean.txt'], {cwd: dir})
    expect(result).toMatchObject({code: 0, stdout: '✔ No problems in 1 file\n', stderr: ''})
  })

  it('exits 0 on warnings, 1 when they exceed --max-warnings', () => {
    write('warn.txt', 'The Hermit Kingdom is reportedly preparing a parade.\n')
    expect(run(['warn.txt'], {cwd: dir}).code).toBe(0)
    expect(run(['--max-warnings', '2', 'warn.txt'], {cwd: dir}).code).toBe(0)
    const over = run(['--max-warnings', '1', 'warn.txt'], {cwd: dir})
    expect(over.code).toBe(1)
    expect(over.stderr).toBe('copydesk: 2 warnings, more than --max-warnings 1\n')
  })

  it('--quiet shows and counts errors only', () => {
    write('mixed.txt', 'The Hermit Kingdom fired.\nClick here to read more.\n')
    const result = run(['--quiet', 'mixed.txt'], {cwd: dir})
    expect(result.code).toBe(1)
    expect(result.stdout).not.toContain('hermit-kingdom')
    expect(result.stdout).toContain('boilerplate/click-here')
    expect(result.stdout).toContain('✖ 1 error, 0 warnings in 1 file')
  })

  it('counts several files on the closing line', () => {
    write('a.txt', 'Click here.\n')
    write('b.txt', 'The regime fell.\n')
    write('notes/c.md', 'It is reportedly over.\n')
    const result = run(['.'], {cwd: dir})
    expect(result.stdout).toContain('✖ 1 error, 2 warnings in 3 files')
  })
})

describe('standard input', () => {
  it('reads the draft from stdin when no file is given', () => {
    const result = run(['--format', 'json'], {cwd: dir, input: 'The Hermit Kingdom fired.'})
    expect(JSON.parse(result.stdout)[0]).toMatchObject({path: '<stdin>', warningCount: 1})
  })

  it('names it with --stdin-filename', () => {
    const result = run(['--stdin-filename', 'draft.txt'], {cwd: dir, input: 'The Hermit Kingdom fired.'})
    expect(result.stdout.split('\n')[0]).toBe('draft.txt')
  })
})

describe('configuration', () => {
  beforeEach(() => write('draft.txt', 'The Hermit Kingdom is reportedly preparing a parade.\n'))
  const rules = (args: string[] = ['draft.txt'], cwd = dir) =>
    (JSON.parse(run(['--format', 'json', ...args], {cwd}).stdout)[0].messages as Array<{source: string; severity: string}>).map((m) => `${m.source}:${m.severity}`)

  it('turns every rule on with no configuration', () => {
    expect(rules()).toEqual(['loaded-language:warning', 'hedge:warning'])
  })

  it('reads .retextrc.json naming copydesk in a folder with no node_modules', () => {
    config({hedge: 'error', 'loaded-language': 'off'})
    expect(rules()).toEqual(['hedge:error'])
  })

  it('walks up from the file to find it', () => {
    config({hedge: 'suggestion'})
    write('desk/metro/draft.txt', 'It is reportedly over.\n')
    expect(rules(['desk/metro/draft.txt'])).toEqual(['hedge:suggestion'])
  })

  it('applies a folder\'s configuration to its files only, in a run over several folders', () => {
    config({hedge: 'error'}, 'desk/.retextrc.json')
    write('desk/a.txt', 'It is reportedly over.\n')
    write('other/b.txt', 'It is reportedly over.\n')
    write('other/c.txt', 'It is allegedly over.\n')
    const report = (args: string[]) => (JSON.parse(run(['--format', 'json', ...args], {cwd: dir}).stdout) as Array<{path: string; messages: Array<{source: string; severity: string}>}>)
      .map((f) => `${f.path} ${f.messages.map((m) => `${m.source}:${m.severity}`).join(' ')}`)
    expect(report(['desk', 'other'])).toEqual(['desk/a.txt hedge:error', 'other/b.txt hedge:warning', 'other/c.txt hedge:warning'])
    // No configuration file around any of them: the defaults.
    expect(report(['other'])).toEqual(['other/b.txt hedge:warning', 'other/c.txt hedge:warning'])
  })

  it('reads .retextrc.yml and a "copydesk" field in package.json', () => {
    write('yaml/.retextrc.yml', 'plugins:\n  - - copydesk\n    - rules:\n        hedge: error\n')
    write('yaml/draft.txt', 'It is reportedly over.\n')
    expect(rules(['yaml/draft.txt'])).toEqual(['hedge:error'])
    write('pkg/package.json', JSON.stringify({name: 'desk', copydesk: {plugins: [['copydesk', {rules: {hedge: 'suggestion'}}]]}}))
    write('pkg/draft.txt', 'It is reportedly over.\n')
    expect(rules(['pkg/draft.txt'])).toEqual(['hedge:suggestion'])
  })

  it('uses --config and ignores files with --no-config', () => {
    config({hedge: 'off'})
    write('strict.json', JSON.stringify({plugins: [['copydesk', {rules: {hedge: 'error'}}]]}))
    expect(rules(['--config', 'strict.json', 'draft.txt'])).toEqual(['loaded-language:warning', 'hedge:error'])
    expect(rules(['--no-config', 'draft.txt'])).toEqual(['loaded-language:warning', 'hedge:warning'])
  })

  it('applies allow lists and house terms', () => {
    config({'loaded-language': ['warning', {allow: ['hermit-kingdom'], terms: [{match: 'parade', prefer: ['march'], reason: 'House style.'}]}]})
    const result = JSON.parse(run(['--format', 'json', 'draft.txt'], {cwd: dir}).stdout)[0].messages
    expect(result.map((m: {ruleId: string; expected: string[]}) => `${m.ruleId}:${m.expected}`)).toEqual(['reportedly:', 'parade:march'])
  })

  it('is the repository’s own documented example', () => {
    const own = JSON.parse(readFileSync(join(root, '.retextrc.json'), 'utf8'))
    expect(own.plugins[0][0]).toBe('copydesk')
    expect(run(['examples/draft.txt']).stderr).toBe('')
  })
})

describe('ignore files', () => {
  beforeEach(() => {
    write('story.txt', 'It is reportedly over.\n')
    write('archive/old.txt', 'It is reportedly over.\n')
  })
  const paths = (args: string[]) => JSON.parse(run(['--format', 'json', ...args], {cwd: dir}).stdout).map((f: {path: string}) => f.path).sort()

  it('skips what .copydeskignore lists', () => {
    write('.copydeskignore', 'archive/\n')
    expect(paths(['.'])).toEqual(['story.txt'])
  })

  it('skips --ignore-pattern', () => {
    expect(paths(['--ignore-pattern', 'story.txt', '.'])).toEqual(['archive/old.txt'])
  })

  it('tells, without failing, when a named file is ignored', () => {
    write('.copydeskignore', 'archive/\n')
    const result = run(['archive/old.txt', 'story.txt'], {cwd: dir})
    expect(result.code).toBe(0)
    expect(result.stderr).toBe('copydesk: archive/old.txt: skipped, it is ignored (.copydeskignore or --ignore-pattern)\n')
  })
})

describe('errors: one line, exit 2, no stack trace', () => {
  it.each([
    [['missing.txt'], 'copydesk: missing.txt: no such file or folder\n'],
    [['nothing/*.txt'], 'copydesk: no files match nothing/*.txt (with the extensions .txt, .md, .html and their variants, outside ignored paths)\n'],
    [['--formt', 'json', 'x.txt'], 'copydesk: unknown option --formt (did you mean `--format`?); see copydesk --help\n'],
    [['--format', 'jsn', 'x.txt'], 'copydesk: unknown format "jsn" (did you mean `json`?); formats are stylish, json, sarif, github, junit, html\n'],
    [['--max-warnings', 'many', 'x.txt'], 'copydesk: --max-warnings needs a whole number of warnings, not "many"\n'],
    [['--format'], 'copydesk: option --format needs a value; see copydesk --help\n']
  ])('%j', (args, stderr) => {
    const result = run(args, {cwd: dir})
    expect(result).toMatchObject({code: 2, stdout: '', stderr})
  })

  it('says which line of a malformed .retextrc.json is wrong', () => {
    write('.retextrc.json', '{"plugins": [\n  ["copydesk", {"rules": }]\n]}\n')
    write('draft.txt', 'Text.\n')
    expect(run(['draft.txt'], {cwd: dir})).toMatchObject({code: 2, stdout: '', stderr: 'copydesk: .retextrc.json:2:26: not valid JSON: expected a value, found `}`\n'})
  })

  it('names a mistyped rule and suggests the right one', () => {
    config({hedges: 'warning'})
    write('draft.txt', 'Text.\n')
    const result = run(['draft.txt'], {cwd: dir})
    expect(result.code).toBe(2)
    expect(result.stderr).toBe('copydesk: .retextrc.json: unknown rule `hedges` (did you mean `hedge`?); rules are unattributed-statistic, loaded-language, hedge, boilerplate, anonymous-source, attribution-verb, unattributed-quote\n')
  })

  it('names an unknown level', () => {
    config({hedge: 'loud'})
    write('draft.txt', 'Text.\n')
    expect(run(['draft.txt'], {cwd: dir}).stderr).toBe('copydesk: .retextrc.json: rule `hedge`: unknown level "loud"; use one of off, suggestion, warning, error\n')
  })

  it('says how to install a plugin the configuration names', () => {
    write('.retextrc.json', JSON.stringify({plugins: ['equality']}))
    write('draft.txt', 'Text.\n')
    expect(run(['draft.txt'], {cwd: dir})).toMatchObject({code: 2, stderr: 'copydesk: draft.txt: the configuration uses the plugin `equality`, which is not installed (npm install retext-equality)\n'})
  })
})

describe('help, version, colour', () => {
  it('--help shows usage and examples', () => {
    const result = run(['--help'])
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^Usage: copydesk \[options\]/)
    expect(result.stdout).toContain('Examples:')
    expect(result.stdout).toContain('Exit codes:')
  })

  it('--version prints the package version', () => {
    const {version} = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
    expect(run(['--version'])).toMatchObject({code: 0, stdout: `${version}\n`})
  })

  it.skipIf(process.platform === 'win32')('runs as a command of its own, with the Node options of its #! line', () => {
    // As npm's bin link runs it: the file itself, so that `env -S` passes Node the young generation's size.
    const {version} = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
    expect(readFileSync(cli, 'utf8').split('\n')[0]).toBe('#!/usr/bin/env -S node --min-semi-space-size=8')
    const result = spawnSync(cli, ['--version'], {encoding: 'utf8'})
    expect({code: result.status, stdout: result.stdout, stderr: result.stderr}).toEqual({code: 0, stdout: `${version}\n`, stderr: ''})
    const lint = spawnSync(cli, ['examples/draft.txt'], {encoding: 'utf8', cwd: root})
    expect(lint.status).toBe(1)
    expect(lint.stdout).toMatch(/✖ 2 errors, 11 warnings in 1 file/)
  })

  it('has no colour when not on a terminal, and colour with --color or FORCE_COLOR', () => {
    write('draft.txt', 'The Hermit Kingdom fired.\n')
    expect(run(['draft.txt'], {cwd: dir}).stdout).not.toContain('\u001B[')
    expect(run(['--color', 'draft.txt'], {cwd: dir}).stdout).toContain('\u001B[33mwarning\u001B[39m')
    expect(run(['draft.txt'], {cwd: dir, env: {FORCE_COLOR: '1'}}).stdout).toContain('\u001B[')
    expect(run(['draft.txt'], {cwd: dir, env: {FORCE_COLOR: '1', NO_COLOR: '1'}}).stdout).not.toContain('\u001B[')
  })
})

describe('a reader that stops early', () => {
  it('ends quietly with the exit code, no stack trace (copydesk … | head -1)', async () => {
    const {spawn} = await import('node:child_process')
    write('long.txt', Array.from({length: 3000}, (_, i) => `Story ${i}: the Hermit Kingdom fired a missile.`).join('\n\n'))
    const child = spawn(process.execPath, [join(root, 'dist/cli/index.js'), join(dir, 'long.txt')], {stdio: ['ignore', 'pipe', 'pipe']})
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk))
    child.stdout.once('data', () => child.stdout.destroy())
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
    expect(stderr).toBe('')
    expect(code).toBe(0)
  })
})

describe('an archive: --jobs, --shard and --cache', () => {
  // More files than one batch (32), so batches, workers and shards all have work.
  const story = (i: number) => `The Hermit Kingdom fired two missiles, it is understood.\n\nRepairs will cost £${i + 10} million.`
  const make = () => {
    for (let i = 0; i < 70; i++) write(`archive/${String(i).padStart(2, '0')}/story-${i}.txt`, story(i))
    write('archive/broken/.retextrc.json', '{"plugins": [')
    write('archive/broken/story.txt', 'A tragic loss.')
  }
  const json = (args: string[]) => {
    const result = run(['--format', 'json', ...args], {cwd: dir})
    return {code: result.code, stderr: result.stderr, files: JSON.parse(result.stdout || '[]') as Array<{path: string; messages: unknown[]}>}
  }

  it('gives the same report, in the same order, on one thread or several', () => {
    make()
    const one = json(['-j', '1', 'archive'])
    expect(one.files).toHaveLength(70)
    expect(one.files.every((f) => f.messages.length === 3)).toBe(true)
    expect(one.code).toBe(2)
    expect(one.stderr).toMatch(/^copydesk: archive\/broken\/\.retextrc\.json:1:\d+: not valid JSON/m)
    for (const jobs of ['2', '3']) {
      const many = json(['--jobs', jobs, 'archive'])
      expect(many).toEqual(one)
    }
  })

  it('lints a long run whole, through the collections it asks for after finding the files and every thousand files', () => {
    for (let i = 0; i < 1050; i++) write(`long/${String(i).padStart(4, '0')}.txt`, `Story ${i}: the Hermit Kingdom fired.`)
    const long = json(['long'])
    expect(long.code).toBe(0)
    expect(long.files).toHaveLength(1050)
    expect(long.files.every((f) => f.messages.length === 1)).toBe(true)
    expect(long.files.at(-1)!.path).toBe('long/1049.txt')
  }, 60_000)

  it('splits the files into shards that together are the whole run', () => {
    make()
    const all = json(['archive']).files
    const shards = ['1/3', '2/3', '3/3'].map((s) => json(['--shard', s, 'archive']).files)
    expect(shards.map((s) => s.length).sort()).toEqual([23, 23, 24])
    expect(shards.flat().sort((a, b) => a.path.localeCompare(b.path, 'en'))).toEqual(all)
    expect(json(['--shard', '2/3', 'archive']).files).toEqual(shards[1])
  })

  it('serves unchanged files from the cache, and lints changed ones again', () => {
    make()
    const plain = json(['archive']).files
    const first = json(['--cache', 'archive'])
    expect(first.files).toEqual(plain)
    const cachePath = join(dir, '.copydeskcache')
    const stored = JSON.parse(readFileSync(cachePath, 'utf8')) as {files: Record<string, {result: {messages: Array<{reason: string}>}}>}
    expect(Object.keys(stored.files)).toHaveLength(70)
    // Proof that a hit is read, not linted: mark one cached result and see it come back.
    const marked = Object.keys(stored.files).find((p) => p.endsWith('story-5.txt'))!
    stored.files[marked]!.result.messages[0]!.reason = 'from the cache'
    writeFileSync(cachePath, JSON.stringify(stored))
    const second = json(['--cache', 'archive']).files
    expect(JSON.stringify(second.find((f) => f.path.endsWith('story-5.txt')))).toContain('from the cache')
    // A changed file is linted again; so is every file under a changed configuration.
    write('archive/05/story-5.txt', story(5) + '\n\nCritics slammed the plan.')
    const third = json(['--cache', 'archive']).files
    expect(JSON.stringify(third.find((f) => f.path.endsWith('story-5.txt')))).not.toContain('from the cache')
    expect(third.find((f) => f.path.endsWith('story-5.txt'))!.messages).toHaveLength(5)
    config({hedge: 'off'}, 'archive/.retextrc.json')
    const fourth = json(['--cache', 'archive']).files
    expect(fourth.flatMap((f) => f.messages as Array<{source: string}>).filter((m) => m.source === 'hedge')).toEqual([])
    expect(fourth.find((f) => f.path.endsWith('story-1.txt'))!.messages).toHaveLength(2)
  })

  it('says what is wrong with a bad --jobs, --shard or --cache-location', () => {
    expect(run(['--jobs', '0', 'x.txt'], {cwd: dir})).toMatchObject({code: 2, stderr: 'copydesk: --jobs needs a whole number of workers, 1 or more, not "0"\n'})
    expect(run(['--shard', '4/3', 'x.txt'], {cwd: dir})).toMatchObject({code: 2, stderr: 'copydesk: --shard needs i/n with 1 ≤ i ≤ n (for example 2/4), not "4/3"\n'})
    expect(run(['--cache-location', 'c.json', 'x.txt'], {cwd: dir})).toMatchObject({code: 2, stderr: 'copydesk: --cache-location needs --cache\n'})
  })
})

describe('one draft with no configuration around it', () => {
  it('is linted without the engine, with the same report as through it', () => {
    write('draft.txt', readFileSync(join(root, 'examples/draft.txt'), 'utf8'))
    const direct = run(['--format', 'json', 'draft.txt'], {cwd: dir})
    // An ignore pattern (matching nothing) sends the same file through unified-engine.
    const engine = run(['--format', 'json', '--ignore-pattern', 'nothing-matches-this', 'draft.txt'], {cwd: dir})
    expect(direct.code).toBe(1)
    expect(direct).toEqual(engine)
    expect(JSON.parse(direct.stdout)[0].messages.length).toBeGreaterThan(5)
  })
})
