/** The sourcing summary ("who says so") on the example draft and the Kursk article. */
import {existsSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {root, run} from './helpers.js'

interface Report {
  messages: Array<{source: string}>
  summary: {
    figures: {total: number; statistics: number; attributed: number; unattributed: number}
    sources: {named: number; anonymous: number; list: Array<{name: string; named: boolean; claims: number; line: number}>}
    quotes: {total: number; withSpeaker: number; withoutSpeaker: number}
  }
}

const report = (path: string) => (JSON.parse(run(['--format', 'json', path]).stdout) as Report[])[0]!

/** The summary agrees with the findings it summarises. */
function consistent(r: Report) {
  expect(r.summary.figures.unattributed).toBe(r.messages.filter((m) => m.source === 'unattributed-statistic').length)
  expect(r.summary.quotes.withoutSpeaker).toBe(r.messages.filter((m) => m.source === 'unattributed-quote').length)
  expect(r.summary.sources.anonymous).toBe(r.summary.sources.list.filter((s) => !s.named).length)
}

describe('the example draft', () => {
  it('counts figures, sources and quotations', () => {
    const r = report('examples/draft.txt')
    expect(r.summary.figures).toEqual({total: 9, statistics: 4, attributed: 1, unattributed: 3})
    expect(r.summary.sources.list).toEqual([
      {name: 'the city council', named: true, claims: 1, line: 3},
      {name: "the council's own counts", named: true, claims: 1, line: 3},
      {name: 'Council leader Priya Anand', named: true, claims: 2, line: 7},
      {name: 'Sources close to the council', named: false, claims: 1, line: 9},
      {name: 'Traders', named: false, claims: 1, line: 11}
    ])
    expect(r.summary.quotes).toEqual({total: 2, withSpeaker: 1, withoutSpeaker: 1})
    consistent(r)
  })

  it('prints the summary before the findings with --summary', () => {
    const result = run(['--summary', 'examples/draft.txt'])
    expect(result.stdout).toContain(
      [
        'examples/draft.txt',
        '  Who says so',
        '  figures   4 statistics: 1 attributed, 3 unattributed (and 5 dates, ages, names and other numbers)',
        '  sources   3 named, 2 anonymous',
        '            named      the city council (1 claim, from line 3)'
      ].join('\n')
    )
    expect(result.stdout).toContain('  quotes    2 quotations: 1 with a speaker, 1 without\n')
    expect(result.stdout.indexOf('Who says so')).toBeLessThan(result.stdout.indexOf('unattributed-statistic/money'))
  })
})

const kursk = join(root, '../shared/examples/kursk-article.txt')

describe.skipIf(!existsSync(kursk))('the Kursk article (../shared)', () => {
  it('finds the briefing, Zelensky and the anonymous sources', () => {
    const r = report(kursk)
    expect(r.summary.figures).toMatchObject({statistics: 4, attributed: 2, unattributed: 2})
    const sources = r.summary.sources.list.map((s) => `${s.named ? 'named' : 'anonymous'}: ${s.name} (${s.claims})`)
    expect(sources).toContain('named: South Korea’s National Intelligence Service (1)')
    expect(sources).toContain('named: Ukrainian President Volodymyr Zelensky (3)')
    expect(sources).toContain('anonymous: Ukrainian intelligence sources (1)')
    expect(r.summary.quotes).toEqual({total: 3, withSpeaker: 3, withoutSpeaker: 0})
    consistent(r)
  })
})
