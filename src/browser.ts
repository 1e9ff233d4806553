/**
 * copydesk in the browser (`copydesk/browser`): the same rule set, parser and
 * proof renderer as the CLI, with no Node built-ins, for the playground and
 * for CMS integrations (ProseMirror, TipTap, a Google Docs add-on): give it
 * the draft's text and its format, get the findings with line, column and
 * offsets, the sourcing summary, and the proof's HTML.
 *
 *   import {lint, proof} from 'copydesk/browser'
 *   const report = lint(text, {format: 'markdown', rules: {hedge: 'off'}})
 *   report.messages[0]  // {source, ruleId, severity, line, column, endLine, endColumn, start, end, reason, actual, expected, url}
 *   element.innerHTML = proof(report)
 */
import {unified} from 'unified'
import {VFile} from 'vfile'
import copydesk, {type Options} from './index.js'
import copydeskParse from './parse.js'
import {toReport} from './reporters/report-file.js'
import {fileSection, highlight, html, legend, lineStarts, offsets, proofScript, proofStyle, ruleColours, type ProofFile} from './reporters/html.js'
import type {ReportFile, ReportMessage} from './reporters/types.js'

export type Format = 'text' | 'markdown' | 'html'

export interface LintOptions {
  /** How to read the text (default: plain text). */
  readonly format?: Format
  /** The `rules` of a `.retextrc.json` ("hedge": "off", ["warning", {"allow": […]}]). */
  readonly rules?: Options['rules']
  /** The name shown in reports. */
  readonly path?: string
}

export interface BrowserMessage extends ReportMessage {
  /** Offsets in the text (UTF-16 code units), end exclusive: for editors that place marks by offset. */
  readonly start: number
  readonly end: number
}

export interface BrowserReport extends ReportFile {
  readonly messages: readonly BrowserMessage[]
  readonly text: string
}

const extension: Record<Format, string> = {text: 'txt', markdown: 'md', html: 'html'}

/** Lints a draft. Throws on options it does not understand (an unknown rule, a bad level), with a one-line message. */
export function lint(text: string, options: LintOptions = {}): BrowserReport {
  const path = options.path ?? `draft.${extension[options.format ?? 'text']}`
  const file = new VFile({path, value: text})
  const processor = unified().use(copydeskParse).use(copydesk, options.rules ? {rules: options.rules} : {})
  processor.runSync(processor.parse(file), file)
  const report = toReport(file, '', false)
  const starts = lineStarts(text)
  return {
    ...report,
    path,
    text,
    messages: report.messages.map((m) => {
      const [start, end] = offsets(m, starts)
      return {...m, start, end}
    })
  }
}

/** The proof of one report: its summary, highlighted text and list, as HTML to put in a page that has `proofStyle`. */
export function proof(report: BrowserReport, index = 0): string {
  return fileSection(report, index)
}

export {html, highlight, legend, proofScript, proofStyle, ruleColours, type ProofFile}
