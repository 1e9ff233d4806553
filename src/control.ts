/**
 * Control comments: `copydesk-disable`, `copydesk-enable` and
 * `copydesk-disable-next-line`, each with rule names or entry ids (none: every
 * rule). In Markdown and HTML they are comments (`<!-- copydesk-disable hedge
 * -->`); in plain text, a line of its own (`# copydesk-disable hedge`).
 *
 * unified-message-control does this for markup trees, but copydesk lints the
 * nlcst tree, which keeps no comments, and plain text has none at all; the
 * parser records the comments with their offsets, and this step filters the
 * messages by offset and line.
 */
import type {VFile} from 'vfile'
import {location} from 'vfile-location'
import type {Marker} from './parse.js'
import {didYouMean} from './suggest.js'

export interface Known {
  /** Rule names. */
  readonly rules: ReadonlySet<string>
  /** Entry ids, for every rule. */
  readonly ids: ReadonlySet<string>
  /** Each rule's entry ids (for `rule/entry`). */
  readonly byRule?: ReadonlyMap<string, ReadonlySet<string>>
}

const directives = ['copydesk-disable', 'copydesk-enable', 'copydesk-disable-next-line']

interface Event {
  readonly at: number
  readonly kind: 'disable' | 'enable'
  readonly names: readonly string[]
}

export const controlUrl = 'https://github.com/copydesk/copydesk#control-comments'

export function applyControl(file: VFile, markers: readonly Marker[], known: Known, rules: ReadonlySet<string>): void {
  if (markers.length === 0) return
  const place = location(file)
  const events: Event[] = []
  const nextLines = new Map<number, Array<readonly string[]>>()
  const value = String(file.value ?? '')
  const lines = value.split('\n')

  const warn = (marker: Marker, reason: string) => {
    const start = place.toPoint(marker.start)
    const end = place.toPoint(marker.end)
    const message = file.message(reason, {
      ...(start && end ? {place: {start, end}} : {}),
      ruleId: 'unknown-directive',
      source: 'copydesk'
    })
    message.fatal = false
    message.url = controlUrl
    message.actual = value.slice(marker.start, marker.end)
    message.expected = []
  }
  const qualified = [...known.rules].flatMap((rule) => [...(known.byRule?.get(rule) ?? [])].map((id) => `${rule}/${id}`))

  for (const marker of markers) {
    if (marker.kind === 'unknown') {
      // "copydesk-disable-line", "copydesk-disabled": said, and not acted on (it would switch off the wrong lines).
      warn(marker, `Unknown directive \`${marker.directive}\`${didYouMean(marker.directive ?? '', directives)}: write ${directives.map((d) => `\`${d}\``).join(', ')}`)
      continue
    }
    for (const name of marker.names) {
      if (known.rules.has(name) || known.ids.has(name)) continue
      const [rule, id] = name.split('/')
      if (rule && id && known.rules.has(rule) && (known.byRule ? known.byRule.get(rule)?.has(id) : known.ids.has(id))) continue
      warn(marker, `Unknown rule or entry \`${name}\` in \`copydesk-${marker.kind}\`${didYouMean(name, [...known.rules, ...known.ids, ...qualified])}: write a rule name (${[...known.rules].join(', ')}) or an entry id from docs/rules.md`)
    }
    if (marker.kind === 'disable-next-line') {
      // The next line with text on it after the comment.
      let line = (place.toPoint(marker.end)?.line ?? 0) + 1
      while (line <= lines.length && lines[line - 1]!.trim() === '') line++
      const list = nextLines.get(line) ?? []
      list.push(marker.names)
      nextLines.set(line, list)
    } else if (marker.kind === 'disable' || marker.kind === 'enable') {
      events.push({at: marker.end, kind: marker.kind, names: marker.names})
    }
  }
  events.sort((a, b) => a.at - b.at)

  const matches = (names: readonly string[], source: string, ruleId: string) =>
    names.length === 0 || names.includes(source) || names.includes(ruleId) || names.includes(`${source}/${ruleId}`)

  file.messages = file.messages.filter((message) => {
    const source = message.source ?? ''
    if (!rules.has(source)) return true
    const ruleId = message.ruleId ?? ''
    const offset = message.place && 'start' in message.place ? message.place.start.offset : undefined
    const line = message.place && 'start' in message.place ? message.place.start.line : message.line
    if (line !== undefined && line !== null && nextLines.get(line)?.some((names) => matches(names, source, ruleId))) return false
    if (offset === undefined) return true
    let off = false
    for (const event of events) {
      if (event.at > offset) break
      if (matches(event.names, source, ruleId)) off = event.kind === 'disable'
    }
    return !off
  })
}
