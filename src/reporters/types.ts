/** What reporters see: files and their messages, never trees. */
import type {Severity} from '../data.js'
import type {Summary} from '../analysis/summary.js'

export interface ReportMessage {
  readonly source: string
  readonly ruleId: string
  readonly severity: Severity
  readonly line: number
  readonly column: number
  readonly endLine: number
  readonly endColumn: number
  readonly reason: string
  readonly note?: string
  readonly actual?: string
  readonly expected: readonly string[]
  readonly url?: string
  /** The replacement --fix applies, for entries marked safe. */
  readonly fix?: string
}

export interface ReportFile {
  readonly path: string
  readonly messages: readonly ReportMessage[]
  readonly errorCount: number
  readonly warningCount: number
  readonly suggestionCount: number
  /** The sourcing summary ("who says so"). */
  readonly summary?: Summary
}

export interface Totals {
  readonly files: number
  readonly errors: number
  readonly warnings: number
  readonly suggestions: number
}

export function totals(files: readonly ReportFile[]): Totals {
  let errors = 0
  let warnings = 0
  let suggestions = 0
  for (const file of files) {
    errors += file.errorCount
    warnings += file.warningCount
    suggestions += file.suggestionCount
  }
  return {files: files.length, errors, warnings, suggestions}
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

/** "3 errors, 12 warnings in 4 files". */
export function countLine(t: Totals): string {
  const parts = [plural(t.errors, 'error'), plural(t.warnings, 'warning')]
  if (t.suggestions > 0) parts.push(plural(t.suggestions, 'suggestion'))
  return `${parts.join(', ')} in ${plural(t.files, 'file')}`
}
