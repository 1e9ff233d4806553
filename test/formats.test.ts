/**
 * Markdown and HTML: the same findings as plain text, at the right line and
 * column of the original file, with code, front matter, URLs and markup left
 * alone; and control comments in all three formats.
 */
import {existsSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {root, run, temporary} from './helpers.js'

interface Message {
  source: string
  ruleId: string
  line: number
  column: number
  endLine: number
  endColumn: number
  actual: string
}

const report = (path: string, cwd = root) => (JSON.parse(run(['--format', 'json', path], {cwd}).stdout) as Array<{messages: Message[]}>)[0]!.messages
const where = (m: Message) => `${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.source}/${m.ruleId}`

/** The text of the original file between a message's start and end. */
function slice(text: string, m: Message): string {
  const lines = text.split('\n')
  const offset = (line: number, column: number) => lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + column - 1
  return text.slice(offset(m.line, m.column), offset(m.endLine, m.endColumn))
}

const decode = (html: string) =>
  html.replace(/<[^>]+>/g, '').replace(/[*_]/g, '').replace(/&pound;/g, '£').replace(/&rsquo;/g, '’').replace(/&ldquo;/g, '“').replace(/&rdquo;/g, '”').replace(/&#39;/g, "'").replace(/&amp;/g, '&').replace(/“|”/g, '"').replace(/\[|\]\([^)]*\)/g, '')

describe('the example draft in three formats', () => {
  const txt = report('examples/draft.txt')
  const md = report('examples/draft.md')
  const html = report('examples/draft.html')

  it('gives the same findings in text, Markdown and HTML', () => {
    const ids = (list: Message[]) => list.map((m) => `${m.source}/${m.ruleId}`)
    expect(ids(md)).toEqual(ids(txt))
    expect(ids(html)).toEqual(ids(txt))
    expect(md.map((m) => decode(m.actual))).toEqual(txt.map((m) => decode(m.actual)))
    expect(html.map((m) => decode(m.actual))).toEqual(txt.map((m) => decode(m.actual)))
  })

  it('reports every finding at its line and column in the Markdown file', () => {
    expect(md.map(where)).toEqual([
      '10:21-10:32 unattributed-statistic/money', '10:36-10:46 unattributed-statistic/percentage', '12:28-12:36 attribution-verb/admitted',
      '14:19-14:35 loaded-language/devastating-blow', '14:44-14:53 loaded-language/embattled', '14:72-14:78 unattributed-statistic/count',
      '14:107-14:135 anonymous-source/unnamed-source', '14:203-14:213 hedge/reportedly', '14:301-14:314 hedge/could-include',
      '16:26-16:70 unattributed-quote/no-speaker', '16:72-16:79 anonymous-source/unnamed-group', '18:1-18:35 boilerplate/stay-informed',
      '18:36-18:104 boilerplate/newsletter'
    ])
    const text = readFileSync(join(root, 'examples/draft.md'), 'utf8')
    for (const m of md) expect(slice(text, m)).toBe(m.actual)
  })

  it('reports every finding at its line and column in the HTML file', () => {
    expect(html.map(where)).toEqual([
      '8:30-8:47 unattributed-statistic/money', '8:58-8:68 unattributed-statistic/percentage', '9:31-9:39 attribution-verb/admitted',
      '10:25-10:41 loaded-language/devastating-blow', '10:54-10:63 loaded-language/embattled', '10:82-10:88 unattributed-statistic/count',
      '10:117-10:145 anonymous-source/unnamed-source', '10:248-10:258 hedge/reportedly', '10:322-10:335 hedge/could-include',
      '11:29-11:85 unattributed-quote/no-speaker', '11:87-11:94 anonymous-source/unnamed-group', '13:4-13:38 boilerplate/stay-informed',
      '13:39-13:107 boilerplate/newsletter'
    ])
    const text = readFileSync(join(root, 'examples/draft.html'), 'utf8')
    for (const m of html) expect(slice(text, m)).toBe(m.actual)
    // An entity is reported as it is written: `&pound;38 million`.
    expect(html[0]!.actual).toBe('&pound;38 million')
  })
})

describe('positions through markup', () => {
  it.each([
    ['test/fixtures/positions.md', [
      '6:21-6:36 loaded-language/hermit-kingdom', // a heading, with emphasis splitting the phrase
      '8:18-8:33 loaded-language/hermit-kingdom', // *Hermit* Kingdom
      '8:53-8:59 loaded-language/tragic', // link text (the URL is not read)
      '10:26-10:36 hedge/reportedly', // a list item
      '11:17-11:20 unattributed-statistic/percentage',
      '15:14-15:25 loaded-language/devastating', // a table cell
      '17:36-17:42 loaded-language/regime', // after an &amp; entity
      '17:61-17:67 loaded-language/tragic', // after an emoji outside the BMP
      '19:26-19:36 hedge/reportedly', // a footnote
      '21:91-21:97 loaded-language/tragic' // image alt text; inline code and the autolink are not read
    ]],
    ['test/fixtures/positions.html', [
      '5:26-5:45 loaded-language/hermit-kingdom',
      '6:50-6:69 loaded-language/hermit-kingdom',
      '6:125-6:131 loaded-language/tragic', // the attribute and the URL are not read
      '7:32-7:42 hedge/reportedly',
      '7:71-7:74 unattributed-statistic/percentage',
      '8:33-8:44 loaded-language/devastating',
      '9:39-9:45 loaded-language/regime', // after &amp;
      '9:69-9:75 loaded-language/tragic' // after &nbsp; and an emoji; pre, code, script, style and head are not read
    ]]
  ])('%s', (path, expected) => {
    const messages = report(path)
    expect(messages.map(where)).toEqual(expected)
    const text = readFileSync(join(root, path), 'utf8')
    for (const m of messages) expect(slice(text, m)).toBe(m.actual)
  })

  it('is silent in block quotes, code, front matter and HTML attributes', () => {
    const md = report('test/fixtures/positions.md').map((m) => m.line)
    for (const line of [2, 3, 23, 26, 29]) expect(md).not.toContain(line)
    const html = report('test/fixtures/positions.html').map((m) => m.line)
    for (const line of [3, 10, 11, 12, 13]) expect(html).not.toContain(line)
  })

  it('counts lines and columns with CRLF line ends', () => {
    const dir = temporary('copydesk-crlf-')
    writeFileSync(join(dir, 'a.txt'), 'First line.\r\nThe Hermit Kingdom fired.\r\n')
    writeFileSync(join(dir, 'a.md'), 'First line.\r\n\r\nThe *Hermit* Kingdom fired.\r\n')
    writeFileSync(join(dir, 'a.html'), '<p>First line.</p>\r\n<p>The Hermit Kingdom fired.</p>\r\n')
    expect(report('a.txt', dir).map(where)).toEqual(['2:1-2:19 loaded-language/hermit-kingdom'])
    expect(report('a.md', dir).map(where)).toEqual(['3:1-3:21 loaded-language/hermit-kingdom'])
    expect(report('a.html', dir).map(where)).toEqual(['2:4-2:22 loaded-language/hermit-kingdom'])
  })

  it('picks the format of stdin from --stdin-filename', () => {
    const md = JSON.parse(run(['--format', 'json', '--stdin-filename', 'draft.md'], {input: '```\nThe regime is tragic.\n```\n\nThe regime fell.\n'}).stdout)[0].messages
    expect(md.map(where)).toEqual(['5:5-5:11 loaded-language/regime'])
    const txt = JSON.parse(run(['--format', 'json', '--stdin-filename', 'draft.txt'], {input: '```\nThe regime is tragic.\n```\n\nThe regime fell.\n'}).stdout)[0].messages
    expect(txt.map(where)).toEqual(['2:5-2:11 loaded-language/regime', '2:15-2:21 loaded-language/tragic', '5:5-5:11 loaded-language/regime'])
  })
})

describe('structure', () => {
  it('reads page furniture anywhere in an HTML footer, aside or nav, but not in the story', () => {
    const dir = temporary('copydesk-structure-')
    writeFileSync(join(dir, 'page.html'), '<article><p>Residents should stay tuned for the latest updates, the council said.</p></article>\n<footer><p>Please stay tuned for the latest updates.</p></footer>\n')
    expect(report('page.html', dir).map(where)).toEqual(['2:12-2:53 boilerplate/stay-informed'])
  })

  it('reads page furniture anywhere in a line that is one link, or a one-sentence paragraph at the end', () => {
    const dir = temporary('copydesk-structure-')
    const story = 'The bridge closed on Monday.\n\nCrews will work overnight.\n\nOfficials met on Tuesday.\n\n'
    writeFileSync(join(dir, 'link.md'), '# News\n\nResidents should stay tuned for the latest updates, the council said.\n\n[Residents should stay tuned for the latest updates](https://example.com/live)\n\nThe road reopens in May.\n')
    writeFileSync(join(dir, 'link.html'), '<p>Residents should stay tuned for the latest updates, the council said.</p>\n<p><a href="/live">Residents should stay tuned for the latest updates</a></p>\n')
    writeFileSync(join(dir, 'end.txt'), story + 'Residents should stay tuned for the latest updates.\n')
    writeFileSync(join(dir, 'middle.txt'), 'Residents should stay tuned for the latest updates.\n\n' + story + 'The road reopens in May.\n')
    expect(report('link.md', dir).map(where)).toEqual(['5:2-5:52 boilerplate/stay-informed'])
    expect(report('link.html', dir).map(where)).toEqual(['2:20-2:70 boilerplate/stay-informed'])
    expect(report('end.txt', dir).map(where)).toEqual(['7:1-7:52 boilerplate/stay-informed'])
    expect(report('middle.txt', dir).map(where)).toEqual([])
  })

  it('places a finding that ends in an HTML <q> left open at the end of the file (found by the fuzz tests)', () => {
    const dir = temporary('copydesk-structure-')
    writeFileSync(join(dir, 'open.html'), '</h2>\nRead more: <q>Bridge reopens')
    expect(report('open.html', dir).map(where)).toEqual(['2:1-2:29 boilerplate/read-more'])
  })

  it('reads an HTML <q> as a quotation', () => {
    const dir = temporary('copydesk-structure-')
    writeFileSync(join(dir, 'q.html'), '<p>She said <q>the regime is tragic</q> today.</p>\n<p>The regime is tragic.</p>\n')
    expect(report('q.html', dir).map(where)).toEqual(['2:8-2:14 loaded-language/regime', '2:18-2:24 loaded-language/tragic'])
  })

  it('does not take a heading as the sentence that sources a figure', () => {
    const dir = temporary('copydesk-structure-')
    writeFileSync(join(dir, 'a.md'), 'Around 4,000 people cross the bridge.\n\n## These figures were published by the council\n')
    writeFileSync(join(dir, 'a.txt'), 'Around 4,000 people cross the bridge. These figures were published by the council.\n')
    expect(report('a.md', dir).map(where)).toEqual(['1:1-1:13 unattributed-statistic/count'])
    expect(report('a.txt', dir).map(where)).toEqual([])
  })
})

describe('control comments', () => {
  const lint = (name: string, text: string) => {
    const dir = temporary('copydesk-control-')
    writeFileSync(join(dir, name), text)
    return report(name, dir).map(where)
  }

  it.each([
    ['draft.md', '<!-- copydesk-disable loaded-language -->\n\nThe regime fell. It is reportedly over.\n\n<!-- copydesk-enable loaded-language -->\n\nThe regime fell.\n', ['3:24-3:34 hedge/reportedly', '7:5-7:11 loaded-language/regime']],
    ['draft.html', '<!-- copydesk-disable loaded-language -->\n<p>The regime fell. It is reportedly over.</p>\n<!-- copydesk-enable loaded-language -->\n<p>The regime fell.</p>\n', ['2:27-2:37 hedge/reportedly', '4:8-4:14 loaded-language/regime']],
    ['draft.txt', '# copydesk-disable loaded-language\nThe regime fell. It is reportedly over.\n# copydesk-enable loaded-language\nThe regime fell.\n', ['2:24-2:34 hedge/reportedly', '4:5-4:11 loaded-language/regime']]
  ])('disable and enable a rule in %s', (name, text, expected) => {
    expect(lint(name, text)).toEqual(expected)
  })

  it.each([
    ['draft.md', 'The regime fell.\n\n<!-- copydesk-disable-next-line reportedly -->\nIt is reportedly over, the regime said.\n\nIt is reportedly over.\n', ['1:5-1:11 loaded-language/regime', '4:28-4:34 loaded-language/regime', '6:7-6:17 hedge/reportedly']],
    ['draft.html', '<p>The regime fell.</p>\n<!-- copydesk-disable-next-line hedge/reportedly -->\n<p>It is reportedly over, the regime said.</p>\n<p>It is reportedly over.</p>\n', ['1:8-1:14 loaded-language/regime', '3:31-3:37 loaded-language/regime', '4:10-4:20 hedge/reportedly']],
    ['draft.txt', 'The regime fell.\n# copydesk-disable-next-line hedge\nIt is reportedly over, the regime said.\nIt is reportedly over.\n', ['1:5-1:11 loaded-language/regime', '3:28-3:34 loaded-language/regime', '4:7-4:17 hedge/reportedly']]
  ])('disable the next line for one entry in %s', (name, text, expected) => {
    expect(lint(name, text)).toEqual(expected)
  })

  it('disables every rule with no names, and enables one back', () => {
    expect(lint('draft.txt', '# copydesk-disable\nThe regime is reportedly tragic.\n# copydesk-enable hedge\nThe regime is reportedly tragic.\n')).toEqual(['4:15-4:25 hedge/reportedly'])
  })

  it.each([
    ['draft.md', '<!-- copydesk-disable hedgez -->\n\nText.\n', '1:1-1:33'],
    ['draft.html', '<!-- copydesk-disable hedgez -->\n<p>Text.</p>\n', '1:1-1:33'],
    ['draft.txt', '# copydesk-disable hedgez\nText.\n', '1:1-1:26']
  ])('reports an unknown name in %s, with a suggestion', (name, text, place) => {
    const dir = temporary('copydesk-control-')
    writeFileSync(join(dir, name), text)
    const [message] = JSON.parse(run(['--format', 'json', name], {cwd: dir}).stdout)[0].messages
    expect(`${message.line}:${message.column}-${message.endLine}:${message.endColumn}`).toBe(place)
    expect(message).toMatchObject({source: 'copydesk', ruleId: 'unknown-directive', severity: 'warning'})
    expect(message.reason).toContain('Unknown rule or entry `hedgez` in `copydesk-disable` (did you mean `hedge`?)')
  })

  it('reports an unknown entry of a known rule, and does not act on it', () => {
    const dir = temporary('copydesk-control-')
    writeFileSync(join(dir, 'draft.txt'), '# copydesk-disable hedge/reportedlyy\nIt is reportedly over.\n')
    const messages = JSON.parse(run(['--format', 'json', 'draft.txt'], {cwd: dir}).stdout)[0].messages as Array<Message & {reason: string}>
    expect(messages.map(where)).toEqual(['1:1-1:37 copydesk/unknown-directive', '2:7-2:17 hedge/reportedly'])
    expect(messages[0]!.reason).toContain('(did you mean `hedge/reportedly`?)')
  })

  it.each([
    ['draft.md', '<!-- copydesk-disable-line hedge -->\nIt is reportedly over.\n', 'copydesk-disable-line'],
    ['draft.html', '<!-- copydesk-disabled hedge -->\n<p>It is reportedly over.</p>\n', 'copydesk-disabled'],
    ['draft.txt', '# copydesk-disable-line hedge\nIt is reportedly over.\n', 'copydesk-disable-line']
  ])('reports a directive it does not know in %s, and switches nothing off', (name, text, directive) => {
    const dir = temporary('copydesk-control-')
    writeFileSync(join(dir, name), text)
    const messages = JSON.parse(run(['--format', 'json', name], {cwd: dir}).stdout)[0].messages as Array<Message & {reason: string}>
    expect(messages.map((m) => `${m.source}/${m.ruleId}`)).toEqual(['copydesk/unknown-directive', 'hedge/reportedly'])
    expect(messages[0]!.reason).toMatch(new RegExp(`^Unknown directive \`${directive}\` \\(did you mean \`copydesk-disable`))
  })

  it('does not read directives inside code', () => {
    expect(lint('draft.md', '```\n<!-- copydesk-disable -->\n```\n\nThe regime fell.\n')).toEqual(['5:5-5:11 loaded-language/regime'])
  })
})

const dev = join(root, '../shared/eval/dev.jsonl')

describe.skipIf(!existsSync(dev))('dev.jsonl wrapped as Markdown (../shared)', () => {
  it('gives the same findings as the plain-text passages, so the same scores', () => {
    const passages = readFileSync(dev, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as {id: string; text: string})
    const dir = temporary('copydesk-dev-md-')
    for (const p of passages) {
      writeFileSync(join(dir, `${p.id}.txt`), p.text)
      // A heading, the passage's paragraphs, and a code block holding loaded words.
      writeFileSync(join(dir, `${p.id}.md`), `# Draft ${p.id} for review\n\n${p.text}\n\n\`\`\`\nThe regime's tragic, devastating 45% figure.\n\`\`\`\n`)
    }
    const files = JSON.parse(run(['--format', 'json', '.'], {cwd: dir}).stdout) as Array<{path: string; messages: Message[]}>
    const byPath = new Map(files.map((f) => [f.path, f.messages.map((m) => `${m.source}/${m.ruleId} ${decode(m.actual)}`)]))
    for (const p of passages) expect(byPath.get(`${p.id}.md`), p.id).toEqual(byPath.get(`${p.id}.txt`))
  })
})
