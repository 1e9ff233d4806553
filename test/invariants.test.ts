/**
 * What holds for every message of every rule: the message contract (source,
 * ruleId, url, note, expected, severity) and positions that point at the
 * reported text. Run over the example draft, every entry's examples, and the
 * shared article when it is there.
 */
import {existsSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {loadRule, ruleNames, type RuleName} from '../src/data.js'
import {lint, root} from './helpers.js'

const docs = readFileSync(join(root, 'docs/rules.md'), 'utf8')
const texts: Array<[string, string]> = [['examples/draft.txt', readFileSync(join(root, 'examples/draft.txt'), 'utf8')]]
const kursk = join(root, '../shared/examples/kursk-article.txt')
if (existsSync(kursk)) texts.push(['kursk article', readFileSync(kursk, 'utf8')])
for (const rule of ruleNames) {
  for (const entry of loadRule(rule).entries) texts.push([`${rule}/${entry.id} examples`, entry.examples.invalid.join('\n\n')])
}

describe.each(texts)('messages on %s', (_, text) => {
  const messages = lint(text)

  it('report something', () => {
    expect(messages.length).toBeGreaterThan(0)
  })

  it('name their rule and an entry of it, with a documented url', () => {
    for (const m of messages) {
      expect(ruleNames).toContain(m.source)
      const ids = loadRule(m.source as RuleName).entries.map((e) => e.id)
      expect(ids).toContain(m.ruleId)
      expect(m.url).toBe(`https://github.com/copydesk/copydesk/blob/main/docs/rules.md#${m.source}-${m.ruleId}`)
      expect(docs).toContain(`<a id="${m.source}-${m.ruleId}"></a>`)
    }
  })

  it('carry a one-line reason, a note with its reference, suggestions and the entry’s severity', () => {
    for (const m of messages) {
      const entry = loadRule(m.source as RuleName).entries.find((e) => e.id === m.ruleId)!
      expect(m.reason).not.toMatch(/\n/)
      expect(m.note).toContain(entry.ref.url)
      expect(m.expected).toEqual(entry.prefer)
      expect(m.fatal).toBe(entry.severity === 'error' ? true : entry.severity === 'warning' ? false : undefined)
    }
  })

  it('point at the reported text', () => {
    const lines = text.split('\n')
    for (const m of messages) {
      expect(m.start).toBeGreaterThanOrEqual(0)
      expect(m.end).toBeLessThanOrEqual(text.length)
      expect(m.end).toBeGreaterThan(m.start)
      expect(text.slice(m.start, m.end)).toBe(m.actual)
      // line/column agree with the offset
      const offset = lines.slice(0, m.line - 1).reduce((n, l) => n + l.length + 1, 0) + m.column - 1
      expect(offset).toBe(m.start)
    }
  })
})
