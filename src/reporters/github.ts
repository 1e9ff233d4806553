/**
 * `--format github`: GitHub Actions workflow commands, which the runner turns
 * into annotations on the pull request:
 * `::warning file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`.
 */
import type {ReportFile, ReportMessage} from './types.js'

const commands = {error: 'error', warning: 'warning', suggestion: 'notice'} as const

/** The runner's escaping for a command's message. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

/** The runner's escaping for a command's properties (`file=…,title=…`). */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C')
}

export function githubLine(path: string, m: ReportMessage): string {
  const properties = [
    `file=${escapeProperty(path)}`,
    `line=${m.line}`,
    `col=${m.column}`,
    `endLine=${m.endLine}`,
    `endColumn=${m.endColumn}`,
    `title=${escapeProperty(`copydesk ${m.source}/${m.ruleId}`)}`
  ]
  return `::${commands[m.severity]} ${properties.join(',')}::${escapeData(m.reason)}`
}

export function github(files: readonly ReportFile[]): string {
  const lines: string[] = []
  for (const file of files) for (const m of file.messages) lines.push(githubLine(file.path, m))
  return lines.length > 0 ? lines.join('\n') + '\n' : ''
}
