/**
 * What holds for every message of every rule: the message contract (source,
 * ruleId, url, note, expected, severity) and positions that point at the
 * reported text. Run over the example draft, every entry's examples, and the
 * shared article when it is there.
 */
import {existsSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {loadRule, ruleNames, type RuleName} from '../src/data.js'
import {lint, root, run, temporary} from './helpers.js'

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

describe('a long plain-text file (parsed in chunks, linted in stretches)', () => {
  // Over 1 MB: many 32 KB parse chunks and three lint stretches; a finding in every paragraph.
  const paragraph = (i: number) =>
    `Story ${i}: the Hermit Kingdom fired a missile on Tuesday.\nRepairs will cost £${10 + (i % 80)} million, and the coast road was shut.\n“We will stay,” said Mayor Ana Ruiz.`
  const count = 9000
  const text = Array.from({length: count}, (_, i) => paragraph(i)).join('\n\n') + '\n'
  const dir = temporary('copydesk-long-')
  const path = join(dir, 'long.txt')
  writeFileSync(path, text)
  const result = run(['--format', 'json', path])
  const [report] = JSON.parse(result.stdout) as Array<{messages: Array<{source: string; ruleId: string; line: number; column: number; endLine: number; endColumn: number; actual: string}>}>
  const lines = text.split('\n')

  it('is over a megabyte', () => {
    expect(text.length).toBeGreaterThan(1024 * 1024)
  })

  it('reports each paragraph’s findings once, at the right line and column', () => {
    const loaded = report!.messages.filter((m) => m.source === 'loaded-language')
    const figures = report!.messages.filter((m) => m.source === 'unattributed-statistic')
    expect(loaded).toHaveLength(count)
    expect(figures).toHaveLength(count)
    expect(loaded.at(-1)).toMatchObject({line: (count - 1) * 4 + 1, actual: 'the Hermit Kingdom'})
    expect(figures.at(-1)).toMatchObject({line: (count - 1) * 4 + 2, column: 19, actual: `£${10 + ((count - 1) % 80)} million`})
    for (const m of report!.messages) {
      expect(m.line).toBe(m.endLine)
      expect(lines[m.line - 1]!.slice(m.column - 1, m.endColumn - 1)).toBe(m.actual)
    }
  })
})
