/**
 * The rule data: every file conforms to rules/schema.json, loading refuses bad
 * data with the file and the entry, and every entry's own examples behave as
 * the entry says (tests generated from the data).
 */
import {readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {Ajv} from 'ajv'
import {parse} from 'yaml'
import {loadRule, loadRuleFile, ruleNames, type RuleName} from '../src/data.js'
import {lint, root, temporary} from './helpers.js'

const schema = JSON.parse(readFileSync(join(root, 'rules/schema.json'), 'utf8')) as object
const validate = new Ajv({strict: false}).compile(schema)

describe('rules/*.yml', () => {
  it.each(ruleNames)('%s conforms to rules/schema.json', (rule) => {
    const data = parse(readFileSync(join(root, `rules/${rule}.yml`), 'utf8'))
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true)
  })

  it('refuses an entry without a reason, naming the file and the entry', () => {
    const dir = temporary('copydesk-data-')
    const file = join(dir, 'rules', 'hedge.yml')
    const bad = readFileSync(join(root, 'rules/hedge.yml'), 'utf8').replace(/\n {4}reason: '"Reportedly"[^\n]*/, '')
    writeFileSync(join(dir, 'hedge.yml'), bad)
    expect(() => loadRuleFile(join(dir, 'hedge.yml'))).toThrow(/hedge\.yml: entry `reportedly`: .*reason/)
    void file
  })

  it('refuses a regular expression as a match', () => {
    const dir = temporary('copydesk-data-')
    writeFileSync(join(dir, 'hedge.yml'), readFileSync(join(root, 'rules/hedge.yml'), 'utf8').replace('match: [reportedly]', 'match: ["report(ed)?ly"]'))
    expect(() => loadRuleFile(join(dir, 'hedge.yml'))).toThrow(/entry `reportedly`: \/entries\/0\/match\/0 must match pattern/)
  })

  it('refuses two entries with one id', () => {
    const dir = temporary('copydesk-data-')
    writeFileSync(join(dir, 'hedge.yml'), readFileSync(join(root, 'rules/hedge.yml'), 'utf8').replace('- id: apparently', '- id: reportedly'))
    expect(() => loadRuleFile(join(dir, 'hedge.yml'))).toThrow(/entry `reportedly` is defined twice/)
  })

  it('refuses invalid YAML with a one-line message', () => {
    const dir = temporary('copydesk-data-')
    writeFileSync(join(dir, 'hedge.yml'), 'rule: hedge\nentries: [\n')
    expect(() => loadRuleFile(join(dir, 'hedge.yml'))).toThrow(/^[^\n]*hedge\.yml: [^\n]+$/)
  })
})

describe('every entry’s examples', () => {
  for (const rule of ruleNames) {
    describe(rule, () => {
      for (const entry of loadRule(rule as RuleName).entries) {
        it.each(entry.examples.invalid)(`${entry.id} flags %s`, (text) => {
          expect(lint(text, rule).map((m) => m.ruleId)).toContain(entry.id)
        })
        it.each(entry.examples.valid)(`${entry.id} leaves %s`, (text) => {
          expect(lint(text, rule).map((m) => m.ruleId)).not.toContain(entry.id)
        })
      }
    })
  }
})
