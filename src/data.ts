/**
 * Rule data: `rules/<rule>.yml`, checked against `rules/schema.json` when it
 * loads. A file that fails says which file and which entry.
 */
import {readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {parse} from 'yaml'
import {Ajv, type ErrorObject} from 'ajv'

export type Severity = 'suggestion' | 'warning' | 'error'

export interface Reference {
  readonly name: string
  readonly url: string
}

export interface Entry {
  readonly id: string
  /** Phrases, word by word; `*` is any one word. Absent for checks found by code. */
  readonly match?: readonly string[]
  readonly prefer: readonly string[]
  readonly reason: string
  readonly severity: Severity
  readonly ref: Reference
  readonly position?: 'anywhere' | 'start' | 'line'
  readonly unlessBefore?: readonly string[]
  readonly unlessAfter?: readonly string[]
  readonly unless?: ReadonlyArray<'attributed' | 'accused' | 'legal'>
  readonly fix?: boolean
  readonly examples: {readonly invalid: readonly string[]; readonly valid: readonly string[]}
}

export interface RuleData {
  readonly rule: RuleName
  readonly description: string
  readonly why?: string
  readonly entries: readonly Entry[]
}

export const ruleNames = [
  'unattributed-statistic',
  'loaded-language',
  'hedge',
  'boilerplate',
  'anonymous-source',
  'attribution-verb',
  'unattributed-quote'
] as const

export type RuleName = (typeof ruleNames)[number]

/** Rules whose entries are phrases to match; the others describe checks made by code. */
export const termRules: ReadonlySet<RuleName> = new Set(['loaded-language', 'hedge', 'boilerplate', 'attribution-verb'])

export class DataError extends Error {
  override name = 'DataError'
}

export const rulesDirectory = fileURLToPath(new URL('../rules/', import.meta.url))

let validator: ((value: unknown) => boolean) & {errors?: ErrorObject[] | null} | undefined

function validate(value: unknown, file: string): RuleData {
  if (!validator) {
    const schema = JSON.parse(readFileSync(rulesDirectory + 'schema.json', 'utf8')) as object
    validator = new Ajv({allErrors: false, strict: false}).compile(schema)
  }
  if (!validator(value)) {
    const error = validator.errors![0]!
    const where = entryAt(value, error.instancePath)
    throw new DataError(`${file}: ${where}${error.instancePath || '/'} ${error.message}${error.params && 'allowedValues' in error.params ? ` (${(error.params.allowedValues as string[]).join(', ')})` : ''}`)
  }
  const data = value as RuleData
  const seen = new Set<string>()
  for (const entry of data.entries) {
    if (seen.has(entry.id)) throw new DataError(`${file}: entry \`${entry.id}\` is defined twice`)
    seen.add(entry.id)
    const terms = termRules.has(data.rule)
    if (terms && !entry.match) throw new DataError(`${file}: entry \`${entry.id}\` has no \`match\` (every entry of a term rule needs one)`)
    if (!terms && entry.match) throw new DataError(`${file}: entry \`${entry.id}\` has a \`match\`, but \`${data.rule}\` is found by code, not by terms`)
    if (entry.fix && entry.prefer.length === 0) throw new DataError(`${file}: entry \`${entry.id}\` is marked \`fix\` but has nothing in \`prefer\``)
  }
  return data
}

function entryAt(value: unknown, path: string): string {
  const index = /^\/entries\/(\d+)/.exec(path)
  if (!index) return ''
  const entry = (value as {entries?: Array<{id?: unknown}>}).entries?.[Number(index[1])]
  return typeof entry?.id === 'string' ? `entry \`${entry.id}\`: ` : `entry ${Number(index[1]) + 1}: `
}

const cache = new Map<string, RuleData>()

/** The data of one rule, validated (cached per process). */
export function loadRule(rule: RuleName): RuleData {
  let data = cache.get(rule)
  if (!data) {
    data = loadRuleFile(`${rulesDirectory}${rule}.yml`)
    if (data.rule !== rule) throw new DataError(`rules/${rule}.yml: \`rule\` is \`${data.rule}\`, expected \`${rule}\``)
    cache.set(rule, data)
  }
  return data
}

/** Loads and validates any rule file (also used on files outside the package in tests). */
export function loadRuleFile(path: string): RuleData {
  const name = path.slice(path.lastIndexOf('rules/') === -1 ? 0 : path.lastIndexOf('rules/'))
  let raw: unknown
  try {
    raw = parse(readFileSync(path, 'utf8'))
  } catch (error) {
    throw new DataError(`${name}: ${(error as Error).message.split('\n')[0]}`)
  }
  return validate(raw, name)
}
