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
import {extensions, lint} from '../cli/engine.js'
import {describeProblem, relative} from '../cli/problems.js'
import {reported} from '../reporters/report-file.js'
import {formatOf} from '../parse.js'

const rules = reported

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

/** Documents copydesk reads: plain text, Markdown and HTML, by language or by extension. */
function lintable(document: TextDocument): boolean {
  if (['plaintext', 'text', 'markdown', 'html'].includes(document.languageId)) return true
  const name = document.uri.split(/[/?#]/).filter(Boolean).at(-1) ?? ''
  return extensions.some((extension) => name.toLowerCase().endsWith(`.${extension}`))
}

/**
 * The edits that switch a finding off on one line. In Markdown a comment line
 * inside a paragraph or a table would break it in two, so there the block
 * (the lines between blank lines) is wrapped in disable/enable comments.
 */
export function ignoreEdits(document: TextDocument, line: number, id: string): TextEdit[] {
  const text = (n: number) => document.getText({start: {line: n, character: 0}, end: {line: n + 1, character: 0}}).replace(/\r?\n$/, '')
  const indent = /^[ \t]*/.exec(text(line))![0]
  const markdown = formatOf(new VFile({path: document.uri.startsWith('file:') ? fileURLToPath(document.uri) : document.uri})) === 'markdown'
  if (!markdown) return [TextEdit.insert({line, character: 0}, indent + ignoreComment(document.uri, id))]
  let first = line
  while (first > 0 && text(first - 1).trim() !== '') first--
  if (first === line) return [TextEdit.insert({line, character: 0}, indent + ignoreComment(document.uri, id))]
  let last = line
  while (last + 1 < document.lineCount && text(last + 1).trim() !== '') last++
  const blockIndent = /^[ \t]*/.exec(text(first))![0]
  return [
    TextEdit.insert({line: first, character: 0}, `${blockIndent}<!-- copydesk-disable ${id} -->\n\n`),
    TextEdit.insert({line: last, character: text(last).length}, `\n\n${blockIndent}<!-- copydesk-enable ${id} -->`)
  ]
}

export function startServer(connection: Connection = createConnection(ProposedFeatures.all), {delay = 50} = {}) {
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
      // A problem that is not a finding (a broken .retextrc.json, an unknown rule) is said as the CLI says it.
      diagnostics = (result?.messages ?? []).map((message) =>
        rules.has(message.source ?? '') ? toDiagnostic(message) : Diagnostic.create({start: {line: 0, character: 0}, end: {line: 0, character: 0}}, `copydesk could not check this file: ${describeProblem(message, path ? relative(path, cwd) : 'this document', cwd)}`, DiagnosticSeverity.Error, 'copydesk/input', 'copydesk')
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

  // Open: check now. Change: check when the writer pauses. (The document library reports an open as a
  // change too: a change is a version other than the one opened, whatever number the editor starts from.)
  const opened = new Map<string, number>()
  documents.onDidOpen((event) => {
    opened.set(event.document.uri, event.document.version)
    if (lintable(event.document)) schedule(event.document, 0)
  })
  documents.onDidChangeContent((event) => {
    if (opened.get(event.document.uri) === event.document.version) return
    opened.delete(event.document.uri)
    if (lintable(event.document)) schedule(event.document, delay)
  })
  documents.onDidClose((event) => {
    clearTimeout(timers.get(event.document.uri))
    opened.delete(event.document.uri)
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
      if (!data || typeof data.id !== 'string' || data.id === 'copydesk/input' || !Array.isArray(data.expected)) continue
      const actual = document.getText(diagnostic.range)
      for (const replacement of data.expected) {
        const action = CodeAction.create(`Replace “${actual}” with “${replacement}”`, {changes: {[document.uri]: [TextEdit.replace(diagnostic.range, replacement)]}}, CodeActionKind.QuickFix)
        action.diagnostics = [diagnostic]
        if (data.expected.length === 1) action.isPreferred = true
        actions.push(action)
      }
      const ignore = CodeAction.create(`Ignore ${data.id} on this line`, {changes: {[document.uri]: ignoreEdits(document, diagnostic.range.start.line, data.id)}}, CodeActionKind.QuickFix)
      ignore.diagnostics = [diagnostic]
      actions.push(ignore)
    }
    return actions
  })

  documents.listen(connection)
  connection.listen()
}
