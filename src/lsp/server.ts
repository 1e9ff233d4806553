/**
 * copydesk-language-server: diagnostics while a draft is written, for any
 * editor that speaks LSP (stdio). The same engine as the CLI (configuration
 * files next to or above the document, ignore files), re-run on every change
 * after a short pause; quick fixes for the suggested replacements, and
 * "ignore on this line" (a disable-next-line comment in the document's
 * format).
 *
 * unified-language-server was the starting point; it cannot debounce, and it
 * offers no code actions of its own beyond replacements, so this server uses
 * the same building blocks (vscode-languageserver, unified-engine) directly.
 */
import {fileURLToPath} from 'node:url'
import {dirname} from 'node:path'
import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {
  createConnection,
  CodeAction,
  CodeActionKind,
  Diagnostic,
  DiagnosticSeverity,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  TextEdit,
  type Connection
} from 'vscode-languageserver/node.js'
import {TextDocument} from 'vscode-languageserver-textdocument'
import {lint} from '../cli/engine.js'
import {ruleNames} from '../data.js'
import {formatOf} from '../parse.js'

const rules = new Set<string>([...ruleNames, 'copydesk'])

interface DiagnosticData {
  readonly expected: readonly string[]
  readonly id: string
}

export function toDiagnostic(message: VFileMessage): Diagnostic {
  const place = message.place
  const start = place && 'start' in place ? place.start : place
  const end = place && 'end' in place ? place.end : start
  const range = {
    start: {line: Math.max(0, (start?.line ?? 1) - 1), character: Math.max(0, (start?.column ?? 1) - 1)},
    end: {line: Math.max(0, (end?.line ?? 1) - 1), character: Math.max(0, (end?.column ?? 1) - 1)}
  }
  const severity = message.fatal === true ? DiagnosticSeverity.Error : message.fatal === false ? DiagnosticSeverity.Warning : DiagnosticSeverity.Information
  const id = `${message.source ?? 'copydesk'}/${message.ruleId ?? ''}`
  const diagnostic = Diagnostic.create(range, message.reason, severity, id, 'copydesk')
  if (message.url) diagnostic.codeDescription = {href: message.url}
  const data: DiagnosticData = {expected: message.expected ?? [], id}
  diagnostic.data = data
  return diagnostic
}

/** The comment that switches a finding off on the next line, in the document's format. */
export function ignoreComment(uri: string, id: string): string {
  const format = formatOf(new VFile({path: uri.startsWith('file:') ? fileURLToPath(uri) : uri}))
  return format === 'text' ? `# copydesk-disable-next-line ${id}\n` : `<!-- copydesk-disable-next-line ${id} -->\n`
}

export function startServer(connection: Connection = createConnection(ProposedFeatures.all), {delay = 150} = {}) {
  const documents = new TextDocuments(TextDocument)
  const timers = new Map<string, NodeJS.Timeout>()
  /** Each document's latest run, so an older run never overwrites a newer one. */
  const runs = new Map<string, number>()
  let root: string | undefined

  async function check(document: TextDocument) {
    const run = (runs.get(document.uri) ?? 0) + 1
    runs.set(document.uri, run)
    const path = document.uri.startsWith('file:') ? fileURLToPath(document.uri) : undefined
    const cwd = root ?? (path ? dirname(path) : process.cwd())
    const file = new VFile({path: path ?? 'untitled.txt', value: document.getText(), cwd})
    let diagnostics: Diagnostic[]
    try {
      const [result] = await lint({files: [file], cwd, silentlyIgnore: true})
      diagnostics = (result?.messages ?? []).map((message) =>
        rules.has(message.source ?? '') ? toDiagnostic(message) : Diagnostic.create({start: {line: 0, character: 0}, end: {line: 0, character: 0}}, `copydesk could not check this file: ${message.reason}`, DiagnosticSeverity.Error, 'copydesk/input', 'copydesk')
      )
    } catch (error) {
      diagnostics = [Diagnostic.create({start: {line: 0, character: 0}, end: {line: 0, character: 0}}, `copydesk could not check this file: ${(error as Error).message}`, DiagnosticSeverity.Error, 'copydesk/input', 'copydesk')]
    }
    diagnostics.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character)
    if (runs.get(document.uri) !== run || !documents.get(document.uri)) return
    await connection.sendDiagnostics({uri: document.uri, version: document.version, diagnostics})
  }

  function schedule(document: TextDocument, wait: number) {
    clearTimeout(timers.get(document.uri))
    timers.set(document.uri, setTimeout(() => {
      timers.delete(document.uri)
      void check(document)
    }, wait))
  }

  connection.onInitialize((event) => {
    const folder = event.workspaceFolders?.[0]?.uri ?? event.rootUri ?? undefined
    if (folder?.startsWith('file:')) root = fileURLToPath(folder)
    const options = event.initializationOptions as {delay?: unknown} | undefined
    if (typeof options?.delay === 'number' && options.delay >= 0) delay = options.delay
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Full,
        codeActionProvider: {codeActionKinds: [CodeActionKind.QuickFix]}
      },
      serverInfo: {name: 'copydesk-language-server'}
    }
  })

  // Open: check now. Change: check when the writer pauses.
  documents.onDidOpen((event) => schedule(event.document, 0))
  documents.onDidChangeContent((event) => {
    if (event.document.version > 1) schedule(event.document, delay)
  })
  documents.onDidClose((event) => {
    clearTimeout(timers.get(event.document.uri))
    runs.delete(event.document.uri)
    void connection.sendDiagnostics({uri: event.document.uri, diagnostics: []})
  })
  connection.onDidChangeWatchedFiles(() => {
    for (const document of documents.all()) schedule(document, 0)
  })

  connection.onCodeAction((event) => {
    const document = documents.get(event.textDocument.uri)
    if (!document) return []
    const actions: CodeAction[] = []
    for (const diagnostic of event.context.diagnostics) {
      if (diagnostic.source !== 'copydesk') continue
      const data = diagnostic.data as DiagnosticData | undefined
      if (!data || data.id === 'copydesk/input') continue
      const actual = document.getText(diagnostic.range)
      for (const replacement of data.expected) {
        const action = CodeAction.create(`Replace “${actual}” with “${replacement}”`, {changes: {[document.uri]: [TextEdit.replace(diagnostic.range, replacement)]}}, CodeActionKind.QuickFix)
        action.diagnostics = [diagnostic]
        if (data.expected.length === 1) action.isPreferred = true
        actions.push(action)
      }
      const line = diagnostic.range.start.line
      const indent = /^[ \t]*/.exec(document.getText({start: {line, character: 0}, end: {line, character: 1000}}))![0]
      const ignore = CodeAction.create(`Ignore ${data.id} on this line`, {changes: {[document.uri]: [TextEdit.insert({line, character: 0}, indent + ignoreComment(document.uri, data.id))]}}, CodeActionKind.QuickFix)
      ignore.diagnostics = [diagnostic]
      actions.push(ignore)
    }
    return actions
  })

  documents.listen(connection)
  connection.listen()
}
