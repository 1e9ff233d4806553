/**
 * A linted file as plain data, for worker threads and the cache: its path,
 * its messages (with the fields reporters, --fix and --changed-since read)
 * and its sourcing summary; and back to a VFile.
 */
import {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import type {Summary} from '../analysis/summary.js'

type Place = VFileMessage['place']

export interface SerializedMessage {
  readonly reason: string
  readonly fatal?: boolean | null
  readonly source?: string
  readonly ruleId?: string
  readonly place?: Place
  readonly actual?: string
  readonly expected?: string[]
  readonly url?: string
  readonly note?: string
  readonly fix?: string
  /** The messages of the errors that caused this one, outermost first. */
  readonly causes?: string[]
}

export interface Serialized {
  readonly path: string
  readonly messages: SerializedMessage[]
  readonly summary?: Summary
}

export function serialize(file: VFile): Serialized {
  const summary = (file.data as {copydeskSummary?: Summary}).copydeskSummary
  return {
    path: file.path,
    messages: file.messages.map((m) => {
      const causes: string[] = []
      for (let cause = m.cause; cause instanceof Error; cause = cause.cause) causes.push(cause.message)
      const fix = (m as {fix?: string}).fix
      return {
        reason: m.reason,
        ...(m.fatal !== undefined ? {fatal: m.fatal} : {}),
        ...(m.source ? {source: m.source} : {}),
        ...(m.ruleId ? {ruleId: m.ruleId} : {}),
        ...(m.place ? {place: m.place} : {}),
        ...(m.actual !== undefined ? {actual: m.actual} : {}),
        ...(m.expected ? {expected: m.expected} : {}),
        ...(m.url ? {url: m.url} : {}),
        ...(m.note ? {note: m.note} : {}),
        ...(fix ? {fix} : {}),
        ...(causes.length > 0 ? {causes} : {})
      }
    }),
    ...(summary ? {summary} : {})
  }
}

export function restore(data: Serialized, value: string): VFile {
  const file = new VFile({path: data.path, value})
  // Messages are findings, not exceptions: no stack traces to capture.
  const limit = Error.stackTraceLimit
  Error.stackTraceLimit = 0
  try {
    for (const m of data.messages) {
      let cause: Error | undefined
      for (const text of [...(m.causes ?? [])].reverse()) cause = new Error(text, cause ? {cause} : undefined)
      const message = new VFileMessage(m.reason, {
        ...(m.place ? {place: m.place} : {}),
        ...(m.source ? {source: m.source} : {}),
        ...(m.ruleId ? {ruleId: m.ruleId} : {}),
        ...(cause ? {cause} : {})
      })
      message.file = file.path
      if (m.fatal !== undefined) message.fatal = m.fatal
      if (m.actual !== undefined) message.actual = m.actual
      if (m.expected) message.expected = m.expected
      if (m.url) message.url = m.url
      if (m.note) message.note = m.note
      if (m.fix) (message as VFileMessage & {fix?: string}).fix = m.fix
      file.messages.push(message)
    }
  } finally {
    Error.stackTraceLimit = limit
  }
  if (data.summary) (file.data as {copydeskSummary?: Summary}).copydeskSummary = data.summary
  return file
}
