/**
 * Properties that hold for any input, checked on generated text, Markdown and
 * HTML (fast-check): linting ends, every position lies inside the file and
 * points at exactly the reported text, the result is the same every time, and
 * the text and JSON reports carry the same messages.
 *
 * CI runs a short share (FUZZ_RUNS, default 150 a property); `npm run fuzz`
 * runs them for as long as asked, with a new seed each round.
 */
import fc from 'fast-check'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import copydesk, {copydeskParse} from '../src/index.js'
import {approximatorAtEnd, endWord, firstFigure, mayEndInLetter, mayEndInNumberSign, nextFigure, wordBeforeSpace} from '../src/analysis/figures.js'
import {approximators} from '../src/analysis/lexicon.js'
import {normalize, tokenize} from '../src/analysis/document.js'
import {run} from './helpers.js'
import {ParseEnglish} from 'parse-english'
import {fromMarkdown} from 'mdast-util-from-markdown'
import {toNlcst} from 'mdast-util-to-nlcst'
import {EnglishParser, replacesImplicitBreak} from '../src/english.js'

const runs = Number(process.env.FUZZ_RUNS ?? 150)
const seed = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED)
const settings = {numRuns: runs, ...(seed === undefined ? {} : {seed}), endOnFailure: true}

/** Pieces of news copy that make the rules fire, and the marks that trip parsers. */
const words = fc.constantFrom(
  'The Hermit Kingdom', 'reportedly', 'tragic', 'regime', 'officials said', 'sources said', 'claimed', 'slammed',
  'More than 12,000 people', '£4.2bn', '17%', 'a third of', 'one in five', 'it is understood', 'Stay tuned for the latest updates.',
  'Read more:', 'according to the ministry', 'the council said', 'Mr Dean', 'he said:', 'Click here', '2024', 'COVID-19',
  'at least 100', 'dozens of', 'allegedly', 'some say', 'world-class', 'Subscribe', 'All rights reserved'
)
const marks = fc.constantFrom(' ', ' ', ' ', '. ', ', ', '\n', '\n\n', '\r\n', '"', '“', '”', '‘', '’', "'", '(', ')', ':', ';', ' - ', '—', '…', '?', '!', '$', '%', '😀', '\u00a0', '\t', '#', '*')
const markdownMarks = fc.constantFrom('# ', '\n> ', '\n* ', '\n1. ', '`', '\n```\n', '\n    ', '[', '](https://example.com/x)', '\n\n<!-- copydesk-disable -->\n\n', '\n<!-- copydesk-enable hedge -->\n', '|', ' | ', '\n| a | b |\n| - | - |\n', '\n---\n', '*', '_', '&amp;', '&nbsp;', '[^1]', '\n[^1]: ', '<br>', '\\')
const htmlMarks = fc.constantFrom('<p>', '</p>', '<q>', '</q>', '<blockquote>', '</blockquote>', '<script>', '</script>', '<style>', '</style>', '<em>', '</em>', '<a href="https://example.com/?a=1&b=2">', '</a>', '<!-- copydesk-disable hedge -->', '<!-- copydesk-enable -->', '&nbsp;', '&amp;', '&rsquo;', '&#8220;', '<br>', '<footer>', '</footer>', '<h2>', '</h2>', '<pre>', '</pre>', '<', '>')

const piece = (extra?: fc.Arbitrary<string>) => fc.oneof(
  {weight: 4, arbitrary: words},
  {weight: 4, arbitrary: marks},
  {weight: 2, arbitrary: fc.string({unit: 'grapheme', maxLength: 12})},
  {weight: 1, arbitrary: fc.string({unit: 'binary', maxLength: 6})},
  ...(extra ? [{weight: 4, arbitrary: extra}] : [])
)
const document = (extra?: fc.Arbitrary<string>) => fc.array(piece(extra), {maxLength: 300}).map((parts) => parts.join(''))

const processor = unified().use(copydeskParse).use(copydesk)

interface Seen {
  text: string
  line: number
  column: number
  endLine: number
  endColumn: number
  start: number
  end: number
  actual: string
}

function lint(value: string, path: string): Seen[] {
  const file = new VFile({path, value})
  processor.runSync(processor.parse(file), file)
  return file.messages.map((m) => {
    const place = m.place as {start: {line: number; column: number; offset: number}; end: {line: number; column: number; offset: number}} | undefined
    return {
      text: `${m.source}/${m.ruleId} ${m.reason}`,
      line: place?.start.line ?? -1,
      column: place?.start.column ?? -1,
      endLine: place?.end.line ?? -1,
      endColumn: place?.end.column ?? -1,
      start: place?.start.offset ?? -1,
      end: place?.end.offset ?? -1,
      actual: m.actual ?? ''
    }
  })
}

/** The offset of a 1-based line and column in a text (lines end at \r\n, \n or a lone \r, as editors and vfile count them). */
function offsetOf(value: string, line: number, column: number): number {
  const breaks = /\r\n|\r|\n/g
  let offset = 0
  for (let l = 1; l < line; l++) {
    const m = breaks.exec(value)
    if (!m) return -1
    offset = m.index + m[0].length
  }
  return offset + column - 1
}

function holds(value: string, path: string) {
  const first = lint(value, path)
  for (const m of first) {
    expect(m.start).toBeGreaterThanOrEqual(0)
    expect(m.end).toBeGreaterThanOrEqual(m.start)
    expect(m.end).toBeLessThanOrEqual(value.length)
    expect(value.slice(m.start, m.end)).toBe(m.actual)
    expect(offsetOf(value, m.line, m.column)).toBe(m.start)
    expect(offsetOf(value, m.endLine, m.endColumn)).toBe(m.end)
  }
  // The same input gives the same messages, in the same order.
  expect(lint(value, path)).toEqual(first)
}

describe('for any input', () => {
  it.each([
    ['plain text', 'draft.txt', document()],
    ['Markdown', 'draft.md', document(markdownMarks)],
    ['HTML', 'draft.html', document(htmlMarks)]
  ] as const)('%s: linting ends, positions point at the reported text, results repeat', (_, path, arbitrary) => {
    fc.assert(fc.property(arbitrary, (value) => holds(value, path)), settings)
  }, 600_000)

  it('gives the text and the JSON report the same messages', () => {
    // Through the built CLI, so fewer runs.
    fc.assert(fc.property(fc.constantFrom('draft.txt', 'draft.md', 'draft.html'), document(fc.oneof(markdownMarks, htmlMarks)), (name, value) => {
      const json = run(['--format', 'json', '--stdin-filename', name], {input: value})
      const text = run(['--stdin-filename', name], {input: value})
      expect(json.code).toBe(text.code)
      expect(json.stderr).toBe(text.stderr)
      const messages = (JSON.parse(json.stdout) as Array<{messages: Array<{line: number; column: number; endLine: number; endColumn: number; source: string; ruleId: string}>}>).flatMap((f) => f.messages)
      const lines = text.stdout.split('\n').filter((l) => /^\s+\d+:\d+-\d+:\d+\s/.test(l))
      expect(lines.map((l) => /^\s+(\d+:\d+-\d+:\d+)\s.*\s(\S+)$/.exec(l)!.slice(1).join(' '))).toEqual(messages.map((m) => `${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.source}/${m.ruleId}`))
    }), {...settings, numRuns: Math.max(4, Math.round(runs / 30))})
  }, 600_000)
})

describe('the figure scanner', () => {
  // The pattern it replaced, Unicode mode with lookbehinds: three times as slow to compile.
  const wordNumbers = 'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|trillion|dozen'
  const fractions = 'half|halves|third|thirds|quarter|quarters|fifth|fifths|sixth|sixths|seventh|sevenths|eighth|eighths|ninth|ninths|tenth|tenths'
  const currency = String.raw`(?:(?:US|A|AU|C|CA|NZ|HK|S|R|NT)\$|[$£€¥₹₦₩₽₺₪฿]|\b(?:Rs|INR|USD|EUR|GBP|JPY|CNY|Sh|KSh|R)\.?\s?)`
  const reference = new RegExp([
    String.raw`(?<![\p{L}\p{N}/\\.:#@_])(?<cur>${currency})?(?<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?<scale>\s?(?:bn|billion|mn|million|m|k|thousand|tn|trillion|crore|lakh|lakhs)\b)?(?<pct>\s?(?:pc|per cent|percent|percentage points?|%))?`,
    String.raw`\b(?<vague>(?:tens|hundreds|dozens|scores)\s+of\s+(?:thousands|millions|billions)|dozens|scores(?=\s+of)|hundreds|thousands|millions|billions|trillions)\b(?!-)`,
    String.raw`\b(?<share>(?:${wordNumbers}|\d+)\s+(?:in|out\s+of)\s+(?:${wordNumbers}|\d+)|(?:a|one|two|three|four|five|six|seven|eight|nine)[\s-](?:${fractions})|half)\b(?!-)`,
    String.raw`(?<![\p{L}-])(?<words>(?:${wordNumbers})(?:[\s-](?:${wordNumbers}))*)\b(?!-(?!year|day|week|month|hour|minute))`
  ].join('|'), 'giu')
  const show = (m: RegExpExecArray) => `${m.index} ${m[0]} ${JSON.stringify(Object.entries(m.groups ?? {}).filter(([, v]) => v !== undefined))}`
  const expected = (text: string) => [...text.matchAll(reference)].map(show)
  const found = (text: string) => {
    const out: string[] = []
    for (let m = firstFigure(text); m; m = nextFigure(text)) out.push(show(m))
    return out
  }
  // (The Unicode mode's case folding also lets "ſ" match "s" and "K" (Kelvin) match "k": left out, no news copy has them.)
  const pieces = fc.constantFrom(
    '5', '12', '12,000', '3.5', '1,2', 'bn', 'm', 'k', '%', ' per cent', 'pc', 'US$', 'A$', '$', '£', '€', 'Rs', 'Rs.', 'R', 'USD ', 'KSh',
    'one', 'Twenty', 'five', 'FIVE', 'in', 'out of', 'a', 'third', 'thirds', 'Half', 'dozens', 'scores', 'tens', 'of', 'thousands', 'millions',
    'x', 'B', 'é', 'Ä', '𝐀', '٣', '-', '/', '\\', '.', ':', '#', '@', '_', ' ', ' ', ' ', '\n', ',', '-year', '-day', '😀', '\u00a0', "'"
  )
  it('finds what the Unicode pattern with lookbehinds finds', () => {
    for (const text of ['v1.5 and B52 bombers', 'x5 in 10', '/5 in 10', '#10 and @3', 'e-five, twenty-five, Twenty five', '𝐀5 and 𝐀 5', 'US$5bn, 5 per cent', 'a/one in five', '_7 of 10', 'half-year, a third of'])
      expect(found(text)).toEqual(expected(text))
    fc.assert(fc.property(fc.array(pieces, {maxLength: 30}).map((list) => list.join('')), (text) => {
      expect(found(text)).toEqual(expected(text))
    }), {...settings, numRuns: runs * 20})
  })
})

describe('the tokenizer', () => {
  // Words are runs of letters, digits and marks joined by one of - ' ’ ‘ . &; anything else but white space is a token of one character.
  const reference = /[\p{L}\p{N}\p{M}]+(?:[-'’‘.&][\p{L}\p{N}\p{M}]+)*|\S/gu
  const pieces = fc.constantFrom(
    'a', 'word', 'Word', 'WORD', 'é', 'É', 'İ', 'ß', 'ǅ', '𝐀', '𝑎', '٣', '7', '42', '\u0301', "'", '’', '‘', '-', '.', '&', "'s", '’S', 'S’', '-', ',',
    ' ', '\n', '\u00a0', '\u2003', '\ufeff', '😀', '\ud800', '\udc00', '"', '“', '(', '$', '£', '_'
  )
  it('cuts a text as the pattern it replaced did, each token in its normal form', () => {
    fc.assert(fc.property(fc.array(pieces, {maxLength: 40}).map((list) => list.join('')), fc.nat(8), (text, cut) => {
      const from = Math.min(cut, text.length)
      const tokens = tokenize(text, 100, from)
      // (A start inside a surrogate pair starts at its first half, as the pattern would.)
      const start = from > 0 && /[\udc00-\udfff]/.test(text[from] ?? '') && /[\ud800-\udbff]/.test(text[from - 1]!) ? from - 1 : from
      const expected = [...text.slice(start).matchAll(reference)].map((m) => [m[0], m.index! + start + 100, normalize(m[0]), /^[\p{L}\p{N}\p{M}]/u.test(m[0])])
      expect(tokens.map((t) => [t.value, t.start, t.norm, t.word])).toEqual(expected)
    }), {...settings, numRuns: runs * 20})
  })
})

describe('the English parser', () => {
  /**
   * A tree as JSON, each position point also named by the order it was first
   * seen in: parse-latin's steps move points in place, so two trees that share
   * points differently are not the same tree, however alike they print.
   */
  const canonical = (tree: unknown): string => {
    const seen = new Map<object, number>()
    return JSON.stringify(tree, function (key, value: unknown) {
      if ((key === 'start' || key === 'end') && value && typeof value === 'object') {
        if (!seen.has(value)) seen.set(value, seen.size)
        return {id: seen.get(value), ...(value as object)}
      }
      return value
    })
  }
  const pieces = fc.oneof(
    {weight: 6, arbitrary: piece()},
    {weight: 2, arbitrary: fc.constantFrom('\r', '\r\r', '\n \n', ' \n\t\n ', '\u2028', '\u0085', '...', '?!', '--', '——', '//', 'a/b', 'and/or', "rock 'n' roll", 'U.S.', 'e.g.', 'Mr.', 'St. Paul', '5.5', '1,000', '(a)', '"Yes."', '$$', '😀😀', '\ud83d', '\ude00', '\u0301')}
  )
  const text = fc.array(pieces, {maxLength: 200}).map((parts) => parts.join(''))

  it('replaces parse-latin’s blank-line step (a new parse-latin that moved it would fail here, not go slow unseen)', () => {
    expect(replacesImplicitBreak()).toBe(true)
  })

  it('makes the tree parse-english makes, point objects shared alike', () => {
    fc.assert(fc.property(text, (value) => {
      expect(canonical(new EnglishParser().parse(value))).toBe(canonical(new ParseEnglish().parse(value)))
    }), {...settings, numRuns: runs * 10})
  })

  it('makes the tree parse-english makes from Markdown, through mdast-util-to-nlcst', () => {
    fc.assert(fc.property(document(markdownMarks), (value) => {
      const file = new VFile({value, path: 'a.md'})
      expect(canonical(toNlcst(fromMarkdown(value), file, EnglishParser))).toBe(canonical(toNlcst(fromMarkdown(value), file, ParseEnglish)))
    }), settings)
  })

  it('takes its text on construction too, as parse-english does', () => {
    expect(canonical(new EnglishParser('One. Two\n\nThree').parse())).toBe(canonical(new ParseEnglish('One. Two\n\nThree').parse()))
  })

  it('breaks a sentence at a blank line, whatever the line breaks', () => {
    // (\r\n is one break: "a\r\nb" is one sentence; "\r\r" is two breaks.)
    const sentences = (value: string) => new EnglishParser().parse(value).children.flatMap((p) => (p.type === 'ParagraphNode' ? p.children.filter((c) => c.type === 'SentenceNode').length : []))
    expect(sentences('One line\r\nand more')).toEqual([1])
    expect(sentences('One\r\rtwo')).toEqual([1, 1])
    expect(sentences('One\r\n\r\ntwo')).toEqual([1, 1])
  })
})

describe('the word before a figure', () => {
  const pattern = /([\p{L}&][\p{L}\p{N}&.'’-]*)\s+$/u
  const pieces = fc.constantFrom(
    'Boeing', 'a', 'S&P', 'U.S.', "O'Neil’s", 'x-ray', '-', '.', '&', "'", '’', '7', '٣', 'é', 'İ', '𝐀', '😀', '\ud800', '\udc00', '\u0301',
    ' ', '  ', '\n', '\u00a0', '\u2003', '\ufeff', ',', '(', '#'
  )
  it('is the word the pattern it replaced captures', () => {
    for (const text of ['a Boeing ', 'the S&P ', '123 ', ' ', '', 'Boeing', 'x 𝐀b ', 'é7 ', '7é ', '- ', "'s "])
      expect(wordBeforeSpace(text)).toBe(pattern.exec(text)?.[1])
    fc.assert(fc.property(fc.array(pieces, {maxLength: 30}).map((list) => list.join('')), (text) => {
      expect(wordBeforeSpace(text)).toBe(pattern.exec(text)?.[1])
    }), {...settings, numRuns: runs * 20})
  })
})

describe('the approximator before a figure', () => {
  const pattern = new RegExp(`(?:^|[^\\p{L}])(${[...approximators].sort((a, b) => b.length - a.length).join('|')})\\s+$`, 'iu')
  const pieces = fc.constantFrom(
    'at least', 'more than', 'MORE THAN', 'up to', 'nearly', 'approximately', 'about', 'to', 'some', 'ſome', 'aſ', 'over', 'by', 'a further',
    'fewer', 'than', 'least', 'x', 'é', 'the', '(', '-', '7', ' ', '  ', '\n', '\u00a0', 'K', 'k'
  )
  const show = (m: RegExpExecArray | null) => (m ? `${m.index} ${m[0]} ${m[1]}` : null)
  it('finds what the pattern finds, only faster', () => {
    for (const text of ['at least ', 'more than  ', 'roughly', 'éabout ', 'ſome ', 'the ', '', ' '])
      expect(show(approximatorAtEnd(text))).toBe(show(pattern.exec(text)))
    fc.assert(fc.property(fc.array(pieces, {maxLength: 12}).map((list) => list.join(' ')), (text) => {
      expect(show(approximatorAtEnd(text))).toBe(show(pattern.exec(text)))
    }), {...settings, numRuns: runs * 20})
  })
})

describe('the tests that spare a figure’s patterns', () => {
  // Each cheap test must hold wherever its pattern matches (it only rules out text the pattern cannot match).
  const pieces = fc.constantFrom(
    'aged', 'AGE', 'ages', 'under', 'over', 'of', 'age of', 'to', 'a survey of', 'polled', 'more than', 'No', 'No.', 'Nos', '#', '№', 'no',
    'x', 'é', 'ſ', '-', '–', '.', ',', '(', '7', '_', ' ', '  ', '\n', '\u00a0', '\u2003', '𝐀'
  )
  const cases: Array<[string, RegExp, (text: string) => boolean]> = [
    ['age limit', /\b(?:aged|age|ages|under|over)\s+$/i, (t) => ['aged', 'age', 'ages', 'under', 'over'].includes(endWord(t))],
    ['aged', /\b(?:aged|ages|age\s+of|ages\s+of)\s+$/i, (t) => ['aged', 'ages', 'of'].includes(endWord(t))],
    ['age to', /\bage\b[^.;]{0,30}\bto\s+$/i, (t) => endWord(t) === 'to'],
    ['sample', /\b(?:survey|poll|study)\s+(?:of|among)\s+(?:(?:more|fewer|less)\s+than\s+|nearly\s+|some\s+|over\s+)?$|\b(?:surveyed|polled)\s+(?:(?:more|fewer|less)\s+than\s+)?$/i, (t) => ['of', 'among', 'than', 'nearly', 'some', 'over', 'surveyed', 'polled'].includes(endWord(t))],
    ['letter', /(?:\p{L}|\p{L}[-–])$/u, mayEndInLetter],
    ['number sign', /(?:#|№|\bNo\.?|\bNos\.?)\s*$/i, mayEndInNumberSign]
  ]
  it('holds wherever the pattern it stands before matches', () => {
    fc.assert(fc.property(fc.array(pieces, {maxLength: 12}).map((list) => list.join('')), (text) => {
      for (const [, pattern, test] of cases) if (pattern.test(text)) expect(test(text)).toBe(true)
    }), {...settings, numRuns: runs * 20})
  })
})
