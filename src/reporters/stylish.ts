/**
 * `--format stylish`: the human report, grouped by file, aligned, with a
 * closing count line. Colour only when asked (the CLI decides: TTY, NO_COLOR).
 */
import type {ReportFile} from './types.js'
import type {Summary} from '../analysis/summary.js'
import {countLine, totals} from './types.js'

const paint = (on: boolean) => {
  const wrap = (open: number, close: number) => (text: string) => (on ? `\u001B[${open}m${text}\u001B[${close}m` : text)
  return {red: wrap(31, 39), yellow: wrap(33, 39), blue: wrap(34, 39), green: wrap(32, 39), dim: wrap(2, 22), underline: wrap(4, 24), bold: wrap(1, 22)}
}

export function stylish(files: readonly ReportFile[], {color = false, summary = false} = {}): string {
  const c = paint(color)
  const lines: string[] = []
  for (const file of files) {
    if (summary && file.summary) lines.push(...summaryLines(file.path, file.summary, c))
    if (file.messages.length === 0) continue
    if (!summary) lines.push(c.underline(file.path))
    const rows = file.messages.map((m) => ({
      place: `${m.line}:${m.column}-${m.endLine}:${m.endColumn}`,
      severity: m.severity,
      reason: m.reason,
      id: `${m.source}/${m.ruleId}`
    }))
    const placeWidth = Math.max(...rows.map((r) => r.place.length))
    const severityWidth = Math.max(...rows.map((r) => r.severity.length))
    for (const row of rows) {
      const severity = row.severity.padEnd(severityWidth)
      const coloured = row.severity === 'error' ? c.red(severity) : row.severity === 'warning' ? c.yellow(severity) : c.blue(severity)
      lines.push(`  ${c.dim(row.place.padStart(placeWidth))}  ${coloured}  ${row.reason}  ${c.dim(row.id)}`)
    }
    lines.push('')
  }
  const t = totals(files)
  const clean = t.errors + t.warnings + t.suggestions === 0
  const mark = clean ? c.green('✔') : t.errors > 0 ? c.red('✖') : t.warnings > 0 ? c.yellow('⚠') : c.blue('ℹ')
  lines.push(`${mark} ${clean ? `No problems in ${t.files} file${t.files === 1 ? '' : 's'}` : countLine(t)}`)
  return lines.join('\n') + '\n'
}

const plural = (n: number, word: string, many = `${word}s`) => `${n} ${n === 1 ? word : many}`

/** The "who says so" block printed before a file's findings with --summary. */
function summaryLines(path: string, s: Summary, c: ReturnType<typeof paint>): string[] {
  const lines = [c.underline(path), `  ${c.bold('Who says so')}`]
  const f = s.figures
  lines.push(`  figures   ${plural(f.statistics, 'statistic')}: ${f.attributed} attributed, ${f.unattributed > 0 ? c.yellow(`${f.unattributed} unattributed`) : '0 unattributed'}` + (f.total > f.statistics ? c.dim(` (and ${f.total - f.statistics} dates, ages, names and other numbers)`) : ''))
  lines.push(`  sources   ${s.sources.named} named, ${s.sources.anonymous > 0 ? c.yellow(`${s.sources.anonymous} anonymous`) : '0 anonymous'}`)
  for (const source of s.sources.list) {
    lines.push(`            ${source.named ? 'named    ' : c.yellow('anonymous')}  ${source.name} ${c.dim(`(${plural(source.claims, 'claim')}, from line ${source.line})`)}`)
  }
  const q = s.quotes
  lines.push(`  quotes    ${plural(q.total, 'quotation')}: ${q.withSpeaker} with a speaker, ${q.withoutSpeaker > 0 ? c.yellow(`${q.withoutSpeaker} without`) : '0 without'}`)
  lines.push('')
  return lines
}
