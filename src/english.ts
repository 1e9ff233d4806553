/**
 * parse-english, the same trees sooner. Two of its steps cost more than
 * their work needs, in ways a subclass can change without changing a node:
 *
 * - `tokenize` classes every character with three patterns tested on a
 *   one-character string (a third of the whole parse). Here each UTF-16 code
 *   unit is classed once, by parse-latin's own `tokenize`, the first time it
 *   is met, and the answer kept in a table.
 * - The paragraph step that breaks a sentence at a blank line splits the text
 *   of every white space node into lines to count them (an array a space:
 *   an eighth of the parse's allocation). Here the line breaks are counted.
 *
 * Everything else is parse-english's. The trees are checked node for node,
 * shared position objects included, against parse-english's own on generated
 * text and Markdown (test/properties.test.ts, 'the English parser'). Both
 * replacements mirror parse-latin 7: a version that changed either step
 * would show there (package.json asks for parse-english ^7).
 */
import type {Paragraph, Sentence, SentenceContent} from 'nlcst'
import {ParseEnglish} from 'parse-english'
import {modifyChildren} from 'unist-util-modify-children'

type Point = {line: number; column: number; offset: number}

const WHITE_SPACE = 1
const WORD = 3
const typeNames = ['', 'WhiteSpaceNode', 'PunctuationNode', 'WordNode', 'SymbolNode'] as const

/**
 * Each code unit's class (an index of `typeNames`), as parse-latin's own
 * `tokenize` classes it: asked of it once per character, the first time the
 * character is met. (Its patterns are not exported; asking it keeps the
 * classes its own.)
 */
const classes = new Uint8Array(65536)
let stock: ParseEnglish | undefined

function classOf(code: number): number {
  let found = classes[code]!
  if (found === 0) {
    stock ??= new ParseEnglish()
    found = typeNames.indexOf(stock.tokenize(String.fromCharCode(code))[0]!.type as (typeof typeNames)[number])
    classes[code] = found
  }
  return found
}

export class EnglishParser extends ParseEnglish {
  constructor(doc?: string | null, file?: ConstructorParameters<typeof ParseEnglish>[1]) {
    super(doc, file)
    const index = implicitBreakIndex()
    if (index !== -1) this.tokenizeParagraphPlugins[index] = breakImplicitSentences as never
  }

  /** parse-latin's `tokenize`, node for node: the same flushes, values, points and shared point objects. */
  override tokenize(value: string | null | undefined): SentenceContent[] {
    const children: SentenceContent[] = []
    if (!value) return children
    let line = 1
    let column = 1
    let offset = 0
    let from = 0
    let start: Point = {line, column, offset}
    let previousType = 0
    let previous = -1
    for (let index = 0; index < value.length; index++) {
      const code = value.charCodeAt(index)
      const type = classOf(code)
      // Words and white space continue; so does a run of one punctuation mark or symbol, or surrogates.
      if (from < index && previousType !== 0 && !(previousType === type && (type === WORD || type === WHITE_SPACE || code === previous || (code >= 0xd800 && code <= 0xdfff)))) {
        children.push(node(previousType, value.slice(from, index), start, {line, column, offset}))
        from = index
        start = {line, column, offset}
      }
      if (code === 13 || (code === 10 && previous !== 13)) {
        line++
        column = 1
      } else if (code !== 10) column++
      offset++
      previousType = type
      previous = code
    }
    if (previousType !== 0 && from < value.length) children.push(node(previousType, value.slice(from), start, {line, column, offset}))
    return children
  }
}

/** A node as parse-latin makes one: a word shares its start point with its text; each end is its own copy. */
function node(type: number, value: string, start: Point, end: Point): SentenceContent {
  if (type === WORD) {
    return {type: 'WordNode', children: [{type: 'TextNode', value, position: {start, end}}], position: {start, end: {line: end.line, column: end.column, offset: end.offset}}}
  }
  return {type: typeNames[type] as 'WhiteSpaceNode', value, position: {start, end}}
}

/** Two line breaks or more (`\r\n`, `\r` or `\n`): a blank line. */
function hasBlankLine(value: string): boolean {
  if (value.length < 2) return false
  let breaks = 0
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i)
    if (code === 10 || code === 13) {
      if (code === 13 && value.charCodeAt(i + 1) === 10) i++
      if (++breaks === 2) return true
    }
  }
  return false
}

/** parse-latin's `breakImplicitSentences`, counting line breaks instead of splitting the text into lines. */
const breakImplicitSentences = modifyChildren<Paragraph>((child, index, parent) => {
  if (child.type !== 'SentenceNode') return undefined
  const children = child.children
  for (let position = 1; position < children.length - 1; position++) {
    const space = children[position]!
    if (space.type !== 'WhiteSpaceNode' || !hasBlankLine(space.value)) continue
    child.children = children.slice(0, position)
    const insertion: Sentence = {type: 'SentenceNode', children: children.slice(position + 1)}
    const tail = children[position - 1]!
    const head = children[position + 1]!
    parent.children.splice(index + 1, 0, space, insertion)
    if (child.position && tail.position && head.position) {
      const end = child.position.end
      child.position.end = tail.position.end
      insertion.position = {start: head.position.start, end}
    }
    return index + 1
  }
  return undefined
})

let implicitBreak: number | undefined

/**
 * Which of parse-english's paragraph steps is `breakImplicitSentences`
 * (parse-latin does not export it): the one step that breaks a sentence at a
 * blank line, and the only one that changes this paragraph (a step that
 * throws on it changes nothing). -1 if not exactly one does (another
 * version of parse-latin): then parse-latin's own step is kept.
 */
function implicitBreakIndex(): number {
  if (implicitBreak !== undefined) return implicitBreak
  const steps = ParseEnglish.prototype.tokenizeParagraphPlugins as unknown as Array<(paragraph: Paragraph) => void>
  const probe = (): Paragraph => ({
    type: 'ParagraphNode',
    children: [{type: 'SentenceNode', children: [{type: 'WordNode', children: [{type: 'TextNode', value: 'a'}]}, {type: 'WhiteSpaceNode', value: '\n\n'}, {type: 'WordNode', children: [{type: 'TextNode', value: 'b'}]}]}]
  })
  const before = JSON.stringify(probe())
  const changing = steps.flatMap((step, index) => {
    const paragraph = probe()
    try {
      step(paragraph)
    } catch {
      return []
    }
    return JSON.stringify(paragraph) === before ? [] : [{index, paragraph}]
  })
  const only = changing.length === 1 ? changing[0]! : undefined
  const broken = only?.paragraph.children.map((c) => c.type).join(' ') === 'SentenceNode WhiteSpaceNode SentenceNode'
  implicitBreak = only && broken ? only.index : -1
  return implicitBreak
}

/** Whether the blank-line step was found and replaced (for the tests: a new parse-latin must not lose it silently). */
export function replacesImplicitBreak(): boolean {
  return implicitBreakIndex() !== -1
}
