/**
 * Options: the preset's `{rules: {name: level | [level, options]}}` and each
 * rule's own options, checked once with messages that say what to do.
 */
import {loadRule, ruleNames, termRules, type Entry, type RuleName, type Severity} from './data.js'
import {normalize} from './analysis/document.js'
import {didYouMean} from './suggest.js'

export type Level = Severity | 'off'

export interface Term {
  readonly match: string | readonly string[]
  readonly prefer?: string | readonly string[]
  readonly reason?: string
  readonly id?: string
  readonly severity?: Severity
}

export interface RuleOptions {
  /** Overrides the severity of every entry of the rule. */
  readonly severity?: Severity
  /** Entry ids not to report. */
  readonly allow?: readonly string[]
  /** Extra entries (house style). */
  readonly terms?: readonly Term[]
  /** unattributed-statistic, unattributed-quote: sentences either side searched for a source (default 1). */
  readonly window?: number
}

export type RuleSetting = Level | readonly [Level, RuleOptions?] | RuleOptions

export interface Options {
  readonly rules?: Partial<Record<RuleName, RuleSetting>>
}

export class OptionsError extends Error {
  override name = 'OptionsError'
}

const levels: readonly Level[] = ['off', 'suggestion', 'warning', 'error']
const optionKeys = ['severity', 'allow', 'terms', 'window']

/** Checks the preset's options and returns, for every rule that is on, its options. */
export function resolveOptions(options: unknown): Map<RuleName, RuleOptions> {
  const result = new Map<RuleName, RuleOptions>()
  if (options !== undefined && options !== null && (typeof options !== 'object' || Array.isArray(options))) {
    throw new OptionsError(`copydesk options must be an object like {"rules": {"hedge": "warning"}}, not ${describe(options)}`)
  }
  const given = (options ?? {}) as Record<string, unknown>
  for (const key of Object.keys(given)) {
    if (key !== 'rules') throw new OptionsError(`unknown copydesk option \`${key}\`${didYouMean(key, ['rules'])}; options go under "rules"`)
  }
  const rules = given.rules ?? {}
  if (typeof rules !== 'object' || rules === null || Array.isArray(rules)) {
    throw new OptionsError(`"rules" must be an object of rule names to levels, not ${describe(rules)}`)
  }
  for (const name of Object.keys(rules)) {
    if (!(ruleNames as readonly string[]).includes(name)) {
      throw new OptionsError(`unknown rule \`${name}\`${didYouMean(name, ruleNames)}; rules are ${ruleNames.join(', ')}`)
    }
  }
  for (const name of ruleNames) {
    const setting = (rules as Record<string, unknown>)[name]
    const resolved = resolveSetting(name, setting)
    if (resolved) result.set(name, resolved)
  }
  return result
}

function resolveSetting(name: RuleName, setting: unknown): RuleOptions | undefined {
  if (setting === undefined || setting === null || setting === true || setting === 'on') return {}
  if (setting === false) return undefined
  if (typeof setting === 'string') return setting === 'off' ? undefined : {severity: level(name, setting) as Severity}
  if (Array.isArray(setting)) {
    if (setting.length === 0 || setting.length > 2) throw new OptionsError(`rule \`${name}\`: expected [level, options], like ["warning", {"allow": []}]`)
    const lvl = level(name, setting[0])
    if (lvl === 'off') return undefined
    return {...checkRuleOptions(name, setting[1] ?? {}), severity: lvl}
  }
  if (typeof setting === 'object') return checkRuleOptions(name, setting)
  throw new OptionsError(`rule \`${name}\`: expected a level (${levels.join(', ')}) or [level, options], not ${describe(setting)}`)
}

function level(name: string, value: unknown): Level {
  const aliases: Record<string, Level> = {warn: 'warning', info: 'suggestion', hint: 'suggestion', '0': 'off', '1': 'warning', '2': 'error'}
  const key = String(value)
  if ((levels as readonly string[]).includes(key)) return key as Level
  if (key in aliases && (typeof value === 'number' || key === 'warn' || key === 'info' || key === 'hint')) return aliases[key]!
  throw new OptionsError(`rule \`${name}\`: unknown level ${describe(value)}${typeof value === 'string' ? didYouMean(value, levels) : ''}; use one of ${levels.join(', ')}`)
}

/** Checks one rule's options (also called by each plugin used on its own). */
export function checkRuleOptions(name: RuleName, options: unknown): RuleOptions {
  if (options === undefined || options === null) return {}
  if (typeof options !== 'object' || Array.isArray(options)) throw new OptionsError(`rule \`${name}\`: options must be an object, not ${describe(options)}`)
  const o = options as Record<string, unknown>
  for (const key of Object.keys(o)) {
    if (!optionKeys.includes(key)) throw new OptionsError(`rule \`${name}\`: unknown option \`${key}\`${didYouMean(key, optionKeys)}; options are ${optionKeys.join(', ')}`)
  }
  if (o.severity !== undefined && (o.severity === 'off' || !levels.includes(o.severity as Level))) {
    throw new OptionsError(`rule \`${name}\`: \`severity\` must be suggestion, warning or error, not ${describe(o.severity)}`)
  }
  const ids = new Set(loadRule(name).entries.map((e) => e.id))
  if (o.allow !== undefined) {
    if (!Array.isArray(o.allow) || !o.allow.every((x) => typeof x === 'string')) throw new OptionsError(`rule \`${name}\`: \`allow\` must be a list of entry ids, like ["tragic"]`)
    const customIds = new Set(Array.isArray(o.terms) ? (o.terms as Term[]).map((t) => termId(t)) : [])
    for (const id of o.allow as string[]) {
      if (!ids.has(id) && !customIds.has(id)) throw new OptionsError(`rule \`${name}\`: \`allow\` names no entry \`${id}\`${didYouMean(id, [...ids])}`)
    }
  }
  if (o.terms !== undefined) {
    if (!termRules.has(name)) throw new OptionsError(`rule \`${name}\` is found by code and takes no \`terms\`; terms work for ${[...termRules].join(', ')}`)
    if (!Array.isArray(o.terms)) throw new OptionsError(`rule \`${name}\`: \`terms\` must be a list like [{"match": "regime", "prefer": ["government"]}]`)
    o.terms.forEach((term, index) => checkTerm(name, term, index))
  }
  if (o.window !== undefined && (typeof o.window !== 'number' || !Number.isInteger(o.window) || o.window < 0 || o.window > 5)) {
    throw new OptionsError(`rule \`${name}\`: \`window\` must be a whole number of sentences from 0 to 5, not ${describe(o.window)}`)
  }
  return o as RuleOptions
}

function checkTerm(name: RuleName, term: unknown, index: number) {
  const where = `rule \`${name}\`: term ${index + 1}`
  if (typeof term !== 'object' || term === null || Array.isArray(term)) throw new OptionsError(`${where} must be an object like {"match": "regime", "prefer": ["government"]}`)
  const t = term as Record<string, unknown>
  for (const key of Object.keys(t)) {
    if (!['match', 'prefer', 'reason', 'id', 'severity'].includes(key)) throw new OptionsError(`${where}: unknown field \`${key}\`${didYouMean(key, ['match', 'prefer', 'reason', 'id', 'severity'])}`)
  }
  const matches = typeof t.match === 'string' ? [t.match] : t.match
  if (!Array.isArray(matches) || matches.length === 0 || !matches.every((m) => typeof m === 'string' && m.trim() !== '')) throw new OptionsError(`${where}: \`match\` must be a phrase or a list of phrases`)
  for (const m of matches as string[]) {
    if (/[\\^$|()[\]{}]/.test(m)) throw new OptionsError(`${where}: \`match\` "${m}" looks like a regular expression; write the words (\`*\` stands for any one word)`)
  }
  const prefer = typeof t.prefer === 'string' ? [t.prefer] : t.prefer ?? []
  if (!Array.isArray(prefer) || !prefer.every((p) => typeof p === 'string')) throw new OptionsError(`${where}: \`prefer\` must be a phrase or a list of phrases`)
  if (t.reason !== undefined && typeof t.reason !== 'string') throw new OptionsError(`${where}: \`reason\` must be text`)
  if (t.id !== undefined && (typeof t.id !== 'string' || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(t.id))) throw new OptionsError(`${where}: \`id\` must be lower-case words joined by hyphens, like "house-regime"`)
  if (t.severity !== undefined && !['suggestion', 'warning', 'error'].includes(t.severity as string)) throw new OptionsError(`${where}: \`severity\` must be suggestion, warning or error`)
}

export function termId(term: Term): string {
  if (term.id) return term.id
  const first = typeof term.match === 'string' ? term.match : term.match[0] ?? 'term'
  return normalize(first).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'term'
}

/** The entries a rule reports with these options: data entries not allowed, then house terms. */
export function entriesFor(name: RuleName, options: RuleOptions, houseStyle = 'House style'): Entry[] {
  const allow = new Set(options.allow ?? [])
  const entries = loadRule(name).entries.filter((e) => !allow.has(e.id))
  for (const term of options.terms ?? []) {
    const id = termId(term)
    if (allow.has(id)) continue
    const prefer = typeof term.prefer === 'string' ? [term.prefer] : [...(term.prefer ?? [])]
    entries.push({
      id,
      match: typeof term.match === 'string' ? [term.match] : [...term.match],
      prefer,
      reason: term.reason ?? 'House style.',
      severity: term.severity ?? 'warning',
      ref: {name: houseStyle, url: 'https://github.com/copydesk/copydesk#configuration'},
      examples: {invalid: [], valid: []}
    })
  }
  return entries
}

function describe(value: unknown): string {
  if (typeof value === 'string') return `"${value}"`
  if (Array.isArray(value)) return 'a list'
  if (value === null) return 'null'
  return typeof value === 'object' ? 'an object' : String(value)
}
