/**
 * CI formats: SARIF (validated against the official schema, and by the SARIF
 * Multitool with GitHub's rules when it is installed), GitHub workflow
 * commands, JUnit XML, and --changed-since on a real git repository.
 */
import {execFileSync, spawnSync} from 'node:child_process'
import {chmodSync, existsSync, readFileSync, statSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import Ajv from 'ajv-draft-04'
import addFormats from 'ajv-formats'
import {escapeData, escapeProperty, githubLine} from '../src/reporters/github.js'
import {root, run, temporary} from './helpers.js'

const temp = (prefix: string) => temporary(prefix)

describe('--format sarif', () => {
  const schema = JSON.parse(readFileSync(join(root, 'test/fixtures/sarif/sarif-schema-2.1.0.json'), 'utf8')) as object
  const ajv = new Ajv({strict: false, allErrors: true})
  addFormats(ajv)
  const validate = ajv.compile(schema)
  const dir = temp('copydesk-sarif-')
  writeFileSync(join(dir, 'clean.txt'), 'The council approved the budget, its leader said.\n')
  const draft = run(['--format', 'sarif', 'examples/draft.txt'])
  const clean = run(['--format', 'sarif', 'clean.txt'], {cwd: dir})

  it('validates against the SARIF 2.1.0 schema, for findings and for none', () => {
    expect(draft.code).toBe(1)
    expect(clean.code).toBe(0)
    for (const output of [draft.stdout, clean.stdout]) {
      expect(validate(JSON.parse(output)), JSON.stringify(validate.errors)).toBe(true)
    }
  })

  it('describes every rule and reports every finding with its region, level and fixes', () => {
    const log = JSON.parse(draft.stdout)
    const [runObject] = log.runs
    const rules = runObject.tool.driver.rules as Array<{id: string; helpUri: string; defaultConfiguration: {level: string}}>
    expect(rules.find((r) => r.id === 'loaded-language/hermit-kingdom')).toMatchObject({
      helpUri: 'https://github.com/copydesk/copydesk/blob/main/docs/rules.md#loaded-language-hermit-kingdom',
      defaultConfiguration: {level: 'warning'}
    })
    expect(rules.find((r) => r.id === 'boilerplate/stay-informed')!.defaultConfiguration.level).toBe('error')
    const json = JSON.parse(run(['--format', 'json', 'examples/draft.txt']).stdout)[0].messages
    expect(runObject.results).toHaveLength(json.length)
    const first = runObject.results[0]
    expect(first).toMatchObject({
      ruleId: 'unattributed-statistic/money',
      level: 'warning',
      message: {text: json[0].reason},
      locations: [{physicalLocation: {artifactLocation: {uri: 'examples/draft.txt', uriBaseId: '%SRCROOT%'}, region: {startLine: 5, startColumn: 19, endLine: 5, endColumn: 30}}}]
    })
    expect(rules[first.ruleIndex]!.id).toBe(first.ruleId)
    const boilerplate = runObject.results.find((r: {ruleId: string}) => r.ruleId === 'boilerplate/stay-informed')
    expect(boilerplate.level).toBe('error')
    const fixed = runObject.results.find((r: {ruleId: string}) => r.ruleId === 'attribution-verb/admitted')
    expect(fixed.fixes.map((f: {artifactChanges: Array<{replacements: Array<{insertedContent: {text: string}}>}>}) => f.artifactChanges[0]!.replacements[0]!.insertedContent.text)).toEqual(['said', 'acknowledged'])
  })

  it('keeps a finding’s fingerprint when lines are added above it', () => {
    const dir = temp('copydesk-sarif-')
    writeFileSync(join(dir, 'draft.txt'), 'The Hermit Kingdom fired.\n')
    const before = JSON.parse(run(['--format', 'sarif', 'draft.txt'], {cwd: dir}).stdout).runs[0].results[0]
    writeFileSync(join(dir, 'draft.txt'), 'A new first paragraph.\n\nThe Hermit Kingdom fired.\n')
    const after = JSON.parse(run(['--format', 'sarif', 'draft.txt'], {cwd: dir}).stdout).runs[0].results[0]
    expect(after.locations[0].physicalLocation.region.startLine).toBe(3)
    expect(after.partialFingerprints).toEqual(before.partialFingerprints)
  })

  it('gives two findings of the same text different fingerprints, even when one runs across a line break', () => {
    const dir = temp('copydesk-sarif-')
    writeFileSync(join(dir, 'draft.txt'), 'It was a devastating blow.\n\nIt was a devastating\nblow again.\n')
    const results = JSON.parse(run(['--format', 'sarif', 'draft.txt'], {cwd: dir}).stdout).runs[0].results as Array<{partialFingerprints: {copydeskFindingHash: string}}>
    const prints = results.map((r) => r.partialFingerprints.copydeskFindingHash)
    expect(prints).toHaveLength(2)
    expect(new Set(prints).size).toBe(2)
    expect(prints.map((p) => p.split(':')[1])).toEqual(['1', '2'])
  })

  const multitool = join(root, 'node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool')
  it.skipIf(!existsSync(multitool) || process.platform !== 'linux')('passes the SARIF Multitool with GitHub’s rules', () => {
    // npm may skip the package's postinstall that marks the binary executable.
    if ((statSync(multitool).mode & 0o100) === 0) chmodSync(multitool, 0o755)
    const file = join(temp('copydesk-sarif-'), 'draft.sarif')
    writeFileSync(file, draft.stdout)
    const result = spawnSync(multitool, ['validate', file, '--rule-kind', 'Sarif;Gh'], {encoding: 'utf8', env: {...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1'}})
    expect(result.status, result.stdout + result.stderr).toBe(0)
    expect(result.stdout).toContain('Analysis completed successfully')
    expect(result.stdout).not.toMatch(/: (?:error|warning) /)
  })
})

/** The runner's parsing of a workflow command, to check what it would show. */
function parseCommand(line: string) {
  const match = /^::(\w+) ([^:]*)::(.*)$/.exec(line)
  if (!match) throw new Error(`not a workflow command: ${line}`)
  const unescape = (text: string) => text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%')
  const properties = Object.fromEntries(match[2]!.split(',').map((pair) => {
    const at = pair.indexOf('=')
    return [pair.slice(0, at), unescape(pair.slice(at + 1))]
  }))
  return {command: match[1], properties, message: unescape(match[3]!)}
}

describe('--format github', () => {
  it('writes one annotation per finding that parses back to its file, line, column and message', () => {
    const result = run(['--format', 'github', 'examples/draft.txt'])
    expect(result.code).toBe(1)
    const json = JSON.parse(run(['--format', 'json', 'examples/draft.txt']).stdout)[0].messages
    const lines = result.stdout.trimEnd().split('\n').map(parseCommand)
    expect(lines).toHaveLength(json.length)
    lines.forEach((line, i) => {
      const m = json[i]
      expect(line).toEqual({
        command: m.severity === 'error' ? 'error' : 'warning',
        properties: {file: 'examples/draft.txt', line: String(m.line), col: String(m.column), endLine: String(m.endLine), endColumn: String(m.endColumn), title: `copydesk ${m.source}/${m.ruleId}`},
        message: m.reason
      })
    })
  })

  it('escapes %, carriage returns and newlines in messages, and : and , in properties too', () => {
    expect(escapeData('100%\r\nnext')).toBe('100%25%0D%0Anext')
    expect(escapeProperty('a:b,c%')).toBe('a%3Ab%2Cc%25')
    const line = githubLine('dir,1/a:b.txt', {
      source: 'hedge', ruleId: 'reportedly', severity: 'suggestion', line: 2, column: 3, endLine: 2, endColumn: 13,
      reason: 'Hedge `reportedly`: 50%, said "x"\nand more', expected: []
    })
    expect(parseCommand(line)).toEqual({
      command: 'notice',
      properties: {file: 'dir,1/a:b.txt', line: '2', col: '3', endLine: '2', endColumn: '13', title: 'copydesk hedge/reportedly'},
      message: 'Hedge `reportedly`: 50%, said "x"\nand more'
    })
  })

  it('carries %, : and , from the draft into a message intact', () => {
    const dir = temp('copydesk-github-')
    writeFileSync(join(dir, 'draft.txt'), 'Prices rose.\nClick here: 100%, free!\n')
    const [line] = run(['--format', 'github', 'draft.txt'], {cwd: dir}).stdout.trimEnd().split('\n').map(parseCommand)
    expect(line!.message).toBe('Boilerplate `Click here: 100%, free!`: delete it, it is not part of the story')
  })
})

describe('--format junit', () => {
  it('writes a suite per file and a failing case per finding, escaped', () => {
    const dir = temp('copydesk-junit-')
    writeFileSync(join(dir, 'a.txt'), 'Click here & <b>"now"</b>.\n')
    writeFileSync(join(dir, 'b.txt'), 'The council met, its leader said.\n')
    const result = run(['--format', 'junit', 'a.txt', 'b.txt'], {cwd: dir})
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<testsuites name="copydesk" tests="2" failures="1" errors="0">/)
    expect(result.stdout).toContain('<testsuite package="copydesk" time="0" tests="1" errors="0" failures="1" name="a.txt">')
    expect(result.stdout).toContain('<failure message="Boilerplate `Click here &amp; &lt;b&gt;&quot;now&quot;&lt;/b&gt;.`: delete it, it is not part of the story" type="error">line 1, col 1, Error - ')
    expect(result.stdout).toContain('<testcase time="0" name="copydesk" classname="b.txt" />')
  })
})

describe('exit codes do not depend on the format', () => {
  it.each(['stylish', 'json', 'sarif', 'github', 'junit'])('%s', (format) => {
    expect(run(['--format', format, 'examples/draft.txt']).code).toBe(1)
    expect(run(['--format', format, '--quiet', '--max-warnings', '100', 'test/fixtures/positions.md']).code).toBe(0)
  })
})

describe('--changed-since', () => {
  const git = (dir: string, ...args: string[]) => execFileSync('git', args, {cwd: dir, stdio: 'pipe', env: {...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t'}})

  function repository() {
    const dir = temp('copydesk-git-')
    git(dir, 'init', '-q', '-b', 'main')
    writeFileSync(join(dir, 'story.txt'), 'The regime fell on Monday.\n\nIt is reportedly over.\n')
    git(dir, 'add', '.')
    git(dir, 'commit', '-q', '-m', 'first draft')
    return dir
  }

  it('reports only findings on lines changed since the ref, and all of a new file', () => {
    const dir = repository()
    writeFileSync(join(dir, 'story.txt'), 'The regime fell on Monday.\n\nIt is reportedly over.\n\nThe tragic end came on Tuesday.\n')
    writeFileSync(join(dir, 'new.txt'), 'The regime is reportedly tragic.\n')
    const result = run(['--format', 'json', '--changed-since', 'main', 'story.txt', 'new.txt'], {cwd: dir})
    const files = JSON.parse(result.stdout) as Array<{path: string; messages: Array<{line: number; ruleId: string}>}>
    expect(files.map((f) => [f.path, f.messages.map((m) => `${m.line} ${m.ruleId}`)])).toEqual([
      ['new.txt', ['1 regime', '1 reportedly', '1 tragic']],
      ['story.txt', ['5 tragic']]
    ])
  })

  it('reads paths with spaces and accents, content lines that look like headers, and any diff.mnemonicPrefix', () => {
    const dir = repository()
    writeFileSync(join(dir, 'my story.txt'), 'A.\n\nB.\n')
    writeFileSync(join(dir, 'café.txt'), 'A.\n\nB.\n')
    git(dir, 'add', '.')
    git(dir, 'commit', '-q', '-m', 'more')
    git(dir, 'config', 'diff.mnemonicPrefix', 'true')
    writeFileSync(join(dir, 'my story.txt'), 'A.\n\n++ note\n\nB. The regime fell.\n')
    writeFileSync(join(dir, 'café.txt'), 'A.\n\nB. It is reportedly over.\n')
    writeFileSync(join(dir, 'nouveau-é.txt'), 'A tragic loss.\n')
    git(dir, 'tag', 'base', 'HEAD')
    const result = run(['--format', 'json', '--changed-since', 'base', 'my story.txt', 'café.txt', 'nouveau-é.txt'], {cwd: dir})
    const files = JSON.parse(result.stdout) as Array<{path: string; messages: Array<{line: number; ruleId: string}>}>
    expect(files.map((f) => [f.path, f.messages.map((m) => `${m.line} ${m.ruleId}`)])).toEqual([
      ['café.txt', ['3 reportedly']],
      ['my story.txt', ['5 regime']],
      ['nouveau-é.txt', ['1 tragic']]
    ])
  })

  it('counts from where the branch left the ref, not from the ref’s newest commit', () => {
    const dir = repository()
    git(dir, 'checkout', '-q', '-b', 'feature')
    writeFileSync(join(dir, 'story.txt'), 'The regime fell on Monday.\n\nIt is reportedly over.\n\nIt was a tragic end.\n')
    git(dir, 'commit', '-q', '-am', 'feature line')
    git(dir, 'checkout', '-q', 'main')
    writeFileSync(join(dir, 'story.txt'), 'The government fell on Monday.\n\nIt is reportedly over.\n')
    git(dir, 'commit', '-q', '-am', 'edited on main')
    git(dir, 'checkout', '-q', 'feature')
    for (const ref of ['main', 'main...', 'main...HEAD']) {
      const result = run(['--format', 'json', '--changed-since', ref, 'story.txt'], {cwd: dir})
      const [file] = JSON.parse(result.stdout) as Array<{messages: Array<{line: number; ruleId: string}>}>
      expect(file!.messages.map((m) => `${m.line} ${m.ruleId}`)).toEqual(['5 tragic'])
    }
  })

  it('says so for an unknown ref, with a suggestion', () => {
    const dir = repository()
    expect(run(['--changed-since', 'mian', 'story.txt'], {cwd: dir})).toMatchObject({code: 2, stdout: '', stderr: 'copydesk: --changed-since: unknown git ref "mian" (did you mean `main`?)\n'})
  })

  it('says so outside a git repository', () => {
    const dir = temp('copydesk-nogit-')
    writeFileSync(join(dir, 'story.txt'), 'Text.\n')
    const result = run(['--changed-since', 'main', 'story.txt'], {cwd: dir})
    expect(result).toMatchObject({code: 2, stdout: ''})
    expect(result.stderr).toMatch(/^copydesk: --changed-since needs a git repository, and .+ is not in one\n$/)
  })
})

describe('ready-made integrations', () => {
  it('action.yml is a composite action that runs the built CLI', async () => {
    const {parse} = await import('yaml')
    const action = parse(readFileSync(join(root, 'action.yml'), 'utf8'))
    expect(action.runs.using).toBe('composite')
    expect(Object.keys(action.inputs)).toEqual(['files', 'mode', 'changed-only', 'args', 'fail'])
    const script = action.runs.steps.map((s: {run?: string}) => s.run ?? '').join('\n')
    expect(script).toContain('node "$GITHUB_ACTION_PATH/dist/cli/index.js"')
    expect(existsSync(join(root, 'dist/cli/index.js'))).toBe(true)
    expect(action.runs.steps.some((s: {uses?: string}) => s.uses === 'github/codeql-action/upload-sarif@v3')).toBe(true)
  })

  it('.pre-commit-hooks.yaml runs the package’s own bin on drafts', async () => {
    const {parse} = await import('yaml')
    const [hook] = parse(readFileSync(join(root, '.pre-commit-hooks.yaml'), 'utf8'))
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
    expect(hook).toMatchObject({id: 'copydesk', language: 'node', entry: 'copydesk'})
    expect(pkg.bin[hook.entry]).toBe('dist/cli/index.js')
    for (const name of ['a.txt', 'a.md', 'a.markdown', 'a.html', 'a.htm']) expect(new RegExp(hook.files).test(name)).toBe(true)
    expect(new RegExp(hook.files).test('a.js')).toBe(false)
  })
})
