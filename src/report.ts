/**
 * Every finding is made here, so every message carries the same contract:
 * `source` (rule), `ruleId` (entry), `reason`, `note`, `actual`,
 * `expected`, `url` and a severity in `fatal`.
 */
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {location} from 'vfile-location'
import type {Analysis} from './analysis/index.js'
import type {Entry, RuleName, Severity} from './data.js'
import {memo} from './memo.js'

export const homepage = 'https://github.com/copydesk/copydesk'

/** The documentation of a rule or one of its entries. */
export function docsUrl(rule: string, id?: string): string {
  return `${homepage}/blob/main/docs/rules.md#${id ? `${rule}-${id}` : rule}`
}

export function fatalFor(severity: Severity): boolean | undefined {
  return severity === 'error' ? true : severity === 'warning' ? false : undefined
}

export function severityOf(message: Pick<VFileMessage, 'fatal'>): Severity {
  return message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'suggestion'
}

const locators = memo<VFile, ReturnType<typeof location>>('copydesk locator')

/** The file's lines and columns (vfile-location), worked out once while the file is linted. */
export function locatorOf(file: VFile): ReturnType<typeof location> {
  let locate = locators.get(file)
  if (!locate) {
    locate = location(file)
    locators.set(file, locate)
  }
  return locate
}

/**
 * Drops what `locatorOf` kept, once the file's messages are made: it holds the
 * file's text and an index of its lines, and a run over an archive keeps
 * every file until the report is written.
 */
export function forgetLocator(file: VFile): void {
  locators.delete(file)
}

/** An entry's note and documentation address: made once, shared by its messages. */
const entryTexts = memo<Entry, {rule: string; note: string; url: string}>('copydesk entry texts')

function textsOf(rule: RuleName, entry: Entry): {note: string; url: string} {
  let texts = entryTexts.get(entry)
  if (!texts || texts.rule !== rule) entryTexts.set(entry, (texts = {rule, note: `${entry.reason} See: ${entry.ref.name} (${entry.ref.url}).`, url: docsUrl(rule, entry.id)}))
  return texts
}

export interface Finding {
  readonly rule: RuleName
  readonly entry: Entry
  /** Range in the analysis' flattened text. */
  readonly start: number
  readonly end: number
  /** One line: what is wrong and what to do. */
  readonly reason: string
  /** Overrides the entry's severity (from the rule's options). */
  readonly severity?: Severity | undefined
  /** Overrides the entry's `prefer`. */
  readonly expected?: readonly string[]
}

export function report(file: VFile, analysis: Analysis, finding: Finding): VFileMessage {
  const {document} = analysis
  // (Inside the file: text the readers add, such as the marks of an HTML <q> left open at the end, has no place of its own.)
  const length = String(file.value ?? '').length || document.text.length
  const startOffset = Math.min(document.toOffset(finding.start, 'start'), length)
  const endOffset = Math.min(Math.max(startOffset, document.toOffset(finding.end, 'end')), length)
  const locate = locatorOf(file)
  const start = locate.toPoint(startOffset)
  const end = locate.toPoint(endOffset)
  // A finding is not an exception: no stack trace to capture (a tenth of a run over an archive).
  const limit = Error.stackTraceLimit
  Error.stackTraceLimit = 0
  let message: VFileMessage
  try {
    message = file.message(finding.reason, {
      ...(start && end ? {place: {start, end}} : {}),
      ruleId: finding.entry.id,
      source: finding.rule
    })
  } finally {
    Error.stackTraceLimit = limit
  }
  const value = String(file.value ?? '')
  message.actual = value ? value.slice(startOffset, endOffset) : document.text.slice(finding.start, finding.end)
  message.expected = [...(finding.expected ?? finding.entry.prefer)]
  const texts = textsOf(finding.rule, finding.entry)
  message.note = texts.note
  message.url = texts.url
  const severity = finding.severity ?? finding.entry.severity
  message.fatal = fatalFor(severity)
  // An entry marked safe (`fix: true`) offers its first suggestion to --fix and editors' "fix all".
  if (finding.entry.fix && message.expected[0]) (message as VFileMessage & {fix?: string}).fix = message.expected[0]
  return message
}

/** `text` in backticks for a reason line, shortened when long. */
export function quote(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return '`' + (flat.length > max ? flat.slice(0, max - 1) + '…' : flat) + '`'
}
