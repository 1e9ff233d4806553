/**
 * `--format sarif`: SARIF 2.1.0 for GitHub code scanning and other SARIF
 * readers. One run; the tool's rules (every entry of every rule, with
 * descriptions, help and default level); every finding with its region and,
 * where the entry suggests a replacement, `fixes`.
 */
import {createRequire} from 'node:module'
import {loadRule, ruleNames} from '../data.js'
import {docsUrl, homepage} from '../report.js'
import {controlUrl} from '../control.js'
import type {ReportFile, ReportMessage} from './types.js'

const levels = {error: 'error', warning: 'warning', suggestion: 'note'} as const

interface SarifRule {
  id: string
  name: string
  shortDescription: {text: string}
  fullDescription: {text: string}
  helpUri: string
  help: {text: string; markdown: string}
  defaultConfiguration: {level: string}
  properties: {tags: string[]}
}

function pascal(id: string): string {
  return id.split(/[^a-z0-9]+/i).filter(Boolean).map((w) => w[0]!.toUpperCase() + w.slice(1)).join('')
}

/** Every rule entry copydesk can report, as SARIF reportingDescriptors. */
export function sarifRules(): SarifRule[] {
  const rules: SarifRule[] = []
  for (const name of ruleNames) {
    const data = loadRule(name)
    for (const entry of data.entries) {
      const what = entry.match ? `${name}: ${entry.match.slice(0, 4).join(', ')}${entry.match.length > 4 ? ', …' : ''}` : `${name}: ${entry.id}`
      rules.push({
        id: `${name}/${entry.id}`,
        name: pascal(`${name}-${entry.id}`),
        shortDescription: {text: what},
        fullDescription: {text: entry.reason},
        helpUri: docsUrl(name, entry.id),
        help: {
          text: `${entry.reason} ${entry.prefer.length > 0 ? `Suggested: ${entry.prefer.join(', ')}. ` : ''}Reference: ${entry.ref.name} (${entry.ref.url}).`,
          markdown: `${entry.reason}${entry.prefer.length > 0 ? `\n\nSuggested: ${entry.prefer.map((p) => `\`${p}\``).join(', ')}.` : ''}\n\nReference: [${entry.ref.name}](${entry.ref.url}).`
        },
        defaultConfiguration: {level: levels[entry.severity]},
        properties: {tags: ['editorial', name]}
      })
    }
  }
  rules.push({
    id: 'copydesk/unknown-directive',
    name: 'CopydeskUnknownDirective',
    shortDescription: {text: 'copydesk: an unknown rule or entry in a control comment'},
    fullDescription: {text: 'A copydesk-disable, -enable or -disable-next-line comment names a rule or entry copydesk does not know.'},
    helpUri: controlUrl,
    help: {text: 'Write a rule name or an entry id from docs/rules.md.', markdown: 'Write a rule name or an entry id from [docs/rules.md](' + homepage + '/blob/main/docs/rules.md).'},
    defaultConfiguration: {level: 'warning'},
    properties: {tags: ['editorial', 'copydesk']}
  })
  return rules
}

let createHash: typeof import('node:crypto').createHash | undefined

/**
 * A finding's identity across pushes: its rule, its text and how many times
 * that text was reported before it in the file, not its line (which moves
 * whenever a paragraph is added above it).
 */
function fingerprint(path: string, message: ReportMessage, occurrence: number): string {
  // (node:crypto loads only when a SARIF report is written: a short run in the terminal does not pay for it.)
  createHash ??= (createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto')).createHash
  return createHash('sha256').update([path, message.source, message.ruleId, (message.actual ?? '').replace(/\s+/g, ' '), occurrence].join('\u0000')).digest('hex').slice(0, 32) + `:${occurrence}`
}

const uri = (path: string) => path.split('/').map(encodeURIComponent).join('/')

export function sarif(files: readonly ReportFile[], {version}: {version: string}): string {
  const rules = sarifRules()
  const index = new Map(rules.map((rule, i) => [rule.id, i]))
  const results: unknown[] = []
  for (const file of files) {
    const path = file.path === '<stdin>' ? 'stdin' : file.path
    const absolute = path.startsWith('/')
    const location = absolute ? {uri: `file://${uri(path)}`} : {uri: uri(path), uriBaseId: '%SRCROOT%'}
    const seen = new Map<string, number>()
    for (const m of file.messages) {
      const id = `${m.source}/${m.ruleId}`
      // (The same text as the fingerprint hashes: "devastating blow" across a line break is the same finding text.)
      const key = `${id}\u0000${(m.actual ?? '').replace(/\s+/g, ' ')}`
      const occurrence = (seen.get(key) ?? 0) + 1
      seen.set(key, occurrence)
      const region = {startLine: m.line, startColumn: m.column, endLine: m.endLine, endColumn: m.endColumn, ...(m.actual ? {snippet: {text: m.actual}} : {})}
      results.push({
        ruleId: id,
        ...(index.has(id) ? {ruleIndex: index.get(id)} : {}),
        level: levels[m.severity],
        message: {text: m.reason},
        locations: [{physicalLocation: {artifactLocation: location, region}}],
        partialFingerprints: {copydeskFindingHash: fingerprint(path, m, occurrence)},
        ...(m.expected.length > 0
          ? {
              fixes: m.expected.map((replacement) => ({
                description: {text: `Replace with “${replacement}”`},
                artifactChanges: [{
                  artifactLocation: location,
                  replacements: [{deletedRegion: {startLine: m.line, startColumn: m.column, endLine: m.endLine, endColumn: m.endColumn}, insertedContent: {text: replacement}}]
                }]
              }))
            }
          : {})
      })
    }
  }
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {driver: {name: 'copydesk', version, semanticVersion: version, informationUri: homepage, rules}},
      originalUriBaseIds: {'%SRCROOT%': {uri: `file://${uri(process.cwd())}/`}},
      columnKind: 'utf16CodeUnits',
      results
    }]
  }
  return JSON.stringify(log, null, 2) + '\n'
}
