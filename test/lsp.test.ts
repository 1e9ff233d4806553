/**
 * The language server as an editor sees it: a child process spoken to over
 * stdio with the LSP client library (vscode-languageserver-protocol).
 */
import {spawn, type ChildProcess} from 'node:child_process'
import {readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {
  createProtocolConnection, StreamMessageReader, StreamMessageWriter, InitializeRequest, InitializedNotification,
  DidOpenTextDocumentNotification, DidChangeTextDocumentNotification, PublishDiagnosticsNotification, CodeActionRequest,
  type ProtocolConnection, type Diagnostic, type CodeAction, type PublishDiagnosticsParams
} from 'vscode-languageserver-protocol/node'
import {TextDocument} from 'vscode-languageserver-textdocument'
import {root, temporary} from './helpers.js'

let child: ChildProcess
let connection: ProtocolConnection
const waiting = new Map<string, Array<(params: PublishDiagnosticsParams) => void>>()

/** The next diagnostics the server publishes for a document. */
function nextDiagnostics(uri: string): Promise<Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri}`)), 10_000)
    const list = waiting.get(uri) ?? []
    list.push((params) => {
      clearTimeout(timer)
      resolve(params.diagnostics)
    })
    waiting.set(uri, list)
  })
}

const documents = new Map<string, TextDocument>()

async function open(path: string, text: string, version = 1, languageId = 'plaintext') {
  const uri = pathToFileURL(path).href
  const document = TextDocument.create(uri, languageId, version, text)
  documents.set(uri, document)
  const diagnostics = nextDiagnostics(uri)
  await connection.sendNotification(DidOpenTextDocumentNotification.type, {textDocument: {uri, languageId, version, text}})
  return {uri, diagnostics: await diagnostics}
}

async function change(uri: string, edits: Array<{range: Diagnostic['range']; newText: string}>) {
  const before = documents.get(uri)!
  const text = TextDocument.applyEdits(before, edits)
  const after = TextDocument.create(uri, 'plaintext', before.version + 1, text)
  documents.set(uri, after)
  const diagnostics = nextDiagnostics(uri)
  await connection.sendNotification(DidChangeTextDocumentNotification.type, {textDocument: {uri, version: after.version}, contentChanges: [{text}]})
  return {text, diagnostics: await diagnostics}
}

beforeAll(async () => {
  child = spawn(process.execPath, [join(root, 'dist/lsp/bin.js'), '--stdio'], {stdio: ['pipe', 'pipe', 'inherit']})
  connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!))
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => waiting.get(params.uri)?.shift()?.(params))
  connection.listen()
  const result = await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid, rootUri: null, workspaceFolders: null, capabilities: {}, initializationOptions: {delay: 20}
  })
  expect(result.capabilities.codeActionProvider).toBeTruthy()
  await connection.sendNotification(InitializedNotification.type, {})
})

afterAll(() => {
  connection.dispose()
  child.kill()
})

const label = (d: Diagnostic) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.code}`

describe('copydesk-language-server', () => {
  const dir = temporary('copydesk-lsp-')

  it('publishes diagnostics when a draft opens, with ranges, codes, source, links and severities', async () => {
    const {diagnostics} = await open(join(dir, 'draft.txt'), readFileSync(join(root, 'examples/draft.txt'), 'utf8'))
    expect(diagnostics.map(label)).toEqual([
      '4:18-4:29 unattributed-statistic/money', '4:31-4:41 unattributed-statistic/percentage', '6:27-6:35 attribution-verb/admitted',
      '8:17-8:33 loaded-language/devastating-blow', '8:41-8:50 loaded-language/embattled', '8:69-8:75 unattributed-statistic/count',
      '8:104-8:132 anonymous-source/unnamed-source', '8:199-8:209 hedge/reportedly', '8:269-8:282 hedge/could-include',
      '10:25-10:69 unattributed-quote/no-speaker', '10:71-10:78 anonymous-source/unnamed-group', '12:0-12:34 boilerplate/stay-informed',
      '12:35-12:103 boilerplate/newsletter'
    ])
    expect(diagnostics[0]).toMatchObject({
      source: 'copydesk',
      severity: 2,
      message: 'Unattributed figure `£38 million`: name its source in this sentence or the next',
      codeDescription: {href: 'https://github.com/copydesk/copydesk/blob/main/docs/rules.md#unattributed-statistic-money'}
    })
    expect(diagnostics.at(-1)!.severity).toBe(1)
  })

  it('drops a diagnostic when the writer fixes it, and offers quick fixes that work', async () => {
    const uri = pathToFileURL(join(dir, 'draft.txt')).href
    const document = documents.get(uri)!
    const admitted = document.getText().indexOf('admitted')
    const {diagnostics} = await change(uri, [{range: {start: document.positionAt(admitted), end: document.positionAt(admitted + 'admitted'.length)}, newText: 'said'}])
    expect(diagnostics.map((d) => d.code)).not.toContain('attribution-verb/admitted')
    expect(diagnostics).toHaveLength(12)

    const target = diagnostics.find((d) => d.code === 'loaded-language/devastating-blow')!
    const actions = (await connection.sendRequest(CodeActionRequest.type, {textDocument: {uri}, range: target.range, context: {diagnostics: [target]}})) as CodeAction[]
    expect(actions.map((a) => a.title)).toEqual(['Replace “devastating blow” with “setback”', 'Ignore loaded-language/devastating-blow on this line'])
    expect(actions[0]!.isPreferred).toBe(true)
    const after = await change(uri, actions[0]!.edit!.changes![uri]!)
    expect(after.text).toContain('The closure is a setback to the embattled waterfront')
    expect(after.diagnostics.map((d) => d.code)).not.toContain('loaded-language/devastating-blow')
    expect(after.diagnostics).toHaveLength(11)
  })

  it('ignores a finding on its line with a comment in the document’s format', async () => {
    for (const [name, comment] of [['story.md', '<!-- copydesk-disable-next-line hedge/reportedly -->\n'], ['story.txt', '# copydesk-disable-next-line hedge/reportedly\n']] as const) {
      const {uri, diagnostics} = await open(join(dir, name), 'Intro.\n\nIt is reportedly over.\n')
      expect(diagnostics.map(label)).toEqual(['2:6-2:16 hedge/reportedly'])
      const actions = (await connection.sendRequest(CodeActionRequest.type, {textDocument: {uri}, range: diagnostics[0]!.range, context: {diagnostics}})) as CodeAction[]
      const ignore = actions.find((a) => a.title === 'Ignore hedge/reportedly on this line')!
      const after = await change(uri, ignore.edit!.changes![uri]!)
      expect(after.text).toBe(`Intro.\n\n${comment}It is reportedly over.\n`)
      expect(after.diagnostics).toEqual([])
    }
  })

  it('re-checks the first edit of a document an editor opened as version 0', async () => {
    const {uri, diagnostics} = await open(join(dir, 'zero.txt'), 'It is reportedly over.\n', 0)
    expect(diagnostics.map(label)).toEqual(['0:6-0:16 hedge/reportedly'])
    const after = await change(uri, [{range: diagnostics[0]!.range, newText: 'now'}])
    expect(after.text).toBe('It is now over.\n')
    expect(after.diagnostics).toEqual([])
  })

  it('wraps a Markdown table or paragraph line’s block instead of breaking it with a comment line', async () => {
    const {uri, diagnostics} = await open(join(dir, 'table.md'), 'Intro.\n\n| a | b |\n| - | - |\n| It is reportedly over | x |\n\nEnd.\n', 1, 'markdown')
    expect(diagnostics.map(label)).toEqual(['4:8-4:18 hedge/reportedly'])
    const actions = (await connection.sendRequest(CodeActionRequest.type, {textDocument: {uri}, range: diagnostics[0]!.range, context: {diagnostics}})) as CodeAction[]
    const ignore = actions.find((a) => a.title === 'Ignore hedge/reportedly on this line')!
    const after = await change(uri, ignore.edit!.changes![uri]!)
    expect(after.text).toBe('Intro.\n\n<!-- copydesk-disable hedge/reportedly -->\n\n| a | b |\n| - | - |\n| It is reportedly over | x |\n\n<!-- copydesk-enable hedge/reportedly -->\n\nEnd.\n')
    expect(after.diagnostics).toEqual([])
  })

  it('says what is wrong with a broken configuration, as the CLI does', async () => {
    const project = temporary('copydesk-lsp-broken-')
    writeFileSync(join(project, '.retextrc.json'), JSON.stringify({plugins: [['copydesk', {rules: {hedeg: 'off'}}]]}))
    const {diagnostics} = await open(join(project, 'story.txt'), 'It is reportedly over.\n')
    expect(diagnostics).toHaveLength(1)
    expect(diagnostics[0]!.message).toMatch(/^copydesk could not check this file: .*unknown rule `hedeg`.*hedge/)
  })

  it('uses the configuration file next to or above the document', async () => {
    const project = temporary('copydesk-lsp-config-')
    writeFileSync(join(project, '.retextrc.json'), JSON.stringify({plugins: [['copydesk', {rules: {hedge: 'off', 'loaded-language': 'error'}}]]}))
    const {diagnostics} = await open(join(project, 'desk', 'story.md'), 'The regime is reportedly tragic.\n')
    expect(diagnostics.map((d) => `${d.code} ${d.severity}`)).toEqual(['loaded-language/regime 1', 'loaded-language/tragic 1'])
  })
})
