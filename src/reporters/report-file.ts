/** A linted file as reporters see it: its messages (rules' and copydesk's own), sorted, counted, with its summary. */
import type {VFile} from 'vfile'
import {ruleNames} from '../data.js'
import {severityOf} from '../report.js'
import type {Summary} from '../analysis/summary.js'
import type {ReportFile, ReportMessage} from './types.js'

/** Messages reported: every rule's, and copydesk's own about control comments. */
export const reported = new Set<string>([...ruleNames, 'copydesk'])

const rules = reported

export function toReport(file: VFile, cwd: string, quiet: boolean): ReportFile {
  const messages: ReportMessage[] = file.messages
    .filter((m) => rules.has(m.source ?? ''))
    .map((m) => {
      const start = m.place && 'start' in m.place ? m.place.start : m.place
      const end = m.place && 'end' in m.place ? m.place.end : start
      return {
        source: m.source!,
        ruleId: m.ruleId ?? m.source!,
        severity: severityOf(m),
        line: start?.line ?? 1,
        column: start?.column ?? 1,
        endLine: end?.line ?? start?.line ?? 1,
        endColumn: end?.column ?? start?.column ?? 1,
        reason: m.reason,
        ...(m.note ? {note: m.note} : {}),
        ...(m.actual !== undefined ? {actual: m.actual} : {}),
        expected: m.expected ?? [],
        ...(m.url ? {url: m.url} : {}),
        ...((m as {fix?: string}).fix ? {fix: (m as {fix?: string}).fix} : {})
      }
    })
    .sort((a, b) => a.line - b.line || a.column - b.column || a.endLine - b.endLine || a.endColumn - b.endColumn || a.source.localeCompare(b.source))
  // --quiet reports errors only: warnings and suggestions are neither shown nor counted.
  const shown = quiet ? messages.filter((m) => m.severity === 'error') : messages
  const count = (s: string) => shown.filter((m) => m.severity === s).length
  const summary = (file.data as {copydeskSummary?: Summary}).copydeskSummary
  return {
    path: file.path ? (file.path.startsWith(cwd + '/') ? file.path.slice(cwd.length + 1) : file.path) : '<stdin>',
    messages: shown,
    errorCount: count('error'),
    warningCount: count('warning'),
    suggestionCount: count('suggestion'),
    ...(summary ? {summary} : {})
  }
}
