/**
 * Rule data: `rules/<rule>.yml`, checked against `rules/schema.json` when it
 * loads. A file that fails says which file and which entry.
 */
import {existsSync, readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {fileURLToPath} from 'node:url'
import type {ErrorObject} from 'ajv'

// The YAML parser and the schema validator load only when a rule file has not
// been checked at build time (see `compiled`): a short run needs neither.
const require = createRequire(import.meta.url)

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
  readonly unless?: ReadonlyArray<'attributed' | 'accused' | 'legal' | 'reported'>
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
    const {Ajv} = require('ajv') as typeof import('ajv')
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

/** Where the build keeps each rule file already parsed and validated, with the hash of its text. */
const compiled = new URL('./rules/', import.meta.url)

/**
 * A fingerprint of a rule file's text, 64 bits: a 32-bit FNV-1a and a
 * second 32-bit lane mixed another way (a multiply and a shift). It
 * tells an edited file from the one the build checked (no one forges a rule
 * file against it: who can edit it can edit the build), and spares a short
 * run loading node:crypto.
 */
export function hash(text: string): string {
  let a = 0x811c9dc5
  let b = 0x01000193 ^ text.length
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    a = Math.imul(a ^ c, 0x01000193)
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15)
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0')
}

/**
 * Rule data given whole, already checked (the browser build, which has no
 * files to read: it carries the build's checked data).
 */
export function provideRules(data: Readonly<Record<RuleName, RuleData>>): void {
  for (const rule of ruleNames) cache.set(rule, data[rule])
}

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

/**
 * Loads and validates a rule file. The build checks each file and keeps the
 * result with the hash of the text it checked: when the text on disk still has
 * that hash, the checked data is used; otherwise the file is parsed and
 * checked now (an edited rule file is never used unchecked).
 */
export function loadRuleFile(path: string): RuleData {
  const name = path.slice(path.lastIndexOf('rules/') === -1 ? 0 : path.lastIndexOf('rules/'))
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    throw new DataError(`${name}: cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`)
  }
  const base = path.slice(path.lastIndexOf('/') + 1).replace(/\.yml$/, '.json')
  const checked = new URL(base, compiled)
  if (path.startsWith(rulesDirectory) && existsSync(checked)) {
    const stored = JSON.parse(readFileSync(checked, 'utf8')) as {hash: string; data: RuleData}
    if (stored.hash === hash(text)) return stored.data
  }
  return parseRuleText(text, name)
}

/** Parses and validates the text of a rule file. */
export function parseRuleText(text: string, name: string): RuleData {
  let raw: unknown
  try {
    const {parse} = require('yaml') as typeof import('yaml')
    raw = parse(text)
  } catch (error) {
    throw new DataError(`${name}: ${(error as Error).message.split('\n')[0]}`)
  }
  return validate(raw, name)
}
