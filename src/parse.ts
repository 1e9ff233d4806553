/**
 * The parse room: one unified parser for every format a newsroom draft comes
 * in, chosen per file by extension. Plain text goes through parse-english
 * (as retext-english does); Markdown through remark (GFM, front matter) and
 * mdast-util-to-nlcst (what remark-retext wraps); HTML through rehype and
 * hast-util-to-nlcst (what rehype-retext wraps). All three use parse-english
 * as english.ts subclasses it: the same trees, sooner. The bridges' utilities
 * are used directly because one engine run mixes formats, and a bridge plugin
 * fixes its format for the whole processor.
 *
 * Besides the nlcst tree, the parser records what the markup says and the
 * prose does not: which block each stretch of text is (heading, block quote,
 * table cell, aside, footer), and the control comments
 * (`<!-- copydesk-disable hedge -->`).
 */
import type {Root as NlcstRoot} from 'nlcst'
import type {Root as MdastRoot, Nodes as MdastNodes, Parent as MdastParent} from 'mdast'
import type {Root as HastRoot, Nodes as HastNodes, Element} from 'hast'
import type {Processor} from 'unified'
import type {VFile} from 'vfile'
import {createRequire} from 'node:module'
import {EnglishParser} from './english.js'
import {memo} from './memo.js'

// The Markdown and HTML stacks load on the first file that needs them: a run
// over plain text never pays for them. (Node 20.19+ requires ES modules.)
const require = createRequire(import.meta.url)
let markdownStack: {
  fromMarkdown: typeof import('mdast-util-from-markdown').fromMarkdown
  gfm: typeof import('micromark-extension-gfm').gfm
  gfmFromMarkdown: typeof import('mdast-util-gfm').gfmFromMarkdown
  frontmatter: typeof import('micromark-extension-frontmatter').frontmatter
  frontmatterFromMarkdown: typeof import('mdast-util-frontmatter').frontmatterFromMarkdown
  toNlcst: typeof import('mdast-util-to-nlcst').toNlcst
} | undefined
let htmlStack: {fromHtml: typeof import('hast-util-from-html').fromHtml; toNlcst: typeof import('hast-util-to-nlcst').toNlcst} | undefined

function markdownTools() {
  markdownStack ??= {
    ...(require('mdast-util-from-markdown') as typeof import('mdast-util-from-markdown')),
    ...(require('micromark-extension-gfm') as typeof import('micromark-extension-gfm')),
    ...(require('mdast-util-gfm') as typeof import('mdast-util-gfm')),
    ...(require('micromark-extension-frontmatter') as typeof import('micromark-extension-frontmatter')),
    ...(require('mdast-util-frontmatter') as typeof import('mdast-util-frontmatter')),
    toNlcst: (require('mdast-util-to-nlcst') as typeof import('mdast-util-to-nlcst')).toNlcst
  }
  return markdownStack
}

function htmlTools() {
  htmlStack ??= {
    fromHtml: (require('hast-util-from-html') as typeof import('hast-util-from-html')).fromHtml,
    toNlcst: (require('hast-util-to-nlcst') as typeof import('hast-util-to-nlcst')).toNlcst
  }
  return htmlStack
}

export type Format = 'text' | 'markdown' | 'html'

export type BlockKind = 'heading' | 'blockquote' | 'tableCell' | 'aside' | 'footer' | 'nav' | 'caption' | 'listItem' | 'linkLine'

export interface Block {
  readonly kind: BlockKind
  /** Offsets in the original file. */
  readonly start: number
  readonly end: number
}

export interface Marker {
  /** `unknown`: a comment that starts like a directive but names no kind copydesk knows. */
  readonly kind: 'disable' | 'enable' | 'disable-next-line' | 'unknown'
  /** For `unknown`: the directive as written ("copydesk-disable-line"). */
  readonly directive?: string
  /** Rule names or entry ids; empty for every rule. */
  readonly names: readonly string[]
  readonly start: number
  readonly end: number
}

export interface ParseData {
  readonly format: Format
  readonly blocks: readonly Block[]
  readonly markers: readonly Marker[]
  /**
   * Plain text over `stretchThreshold`: where its stretches are. The preset
   * lints such a file a stretch at a time (see `stretches`), so memory stays
   * flat however long the file; the root parses the whole text only if some
   * other plugin reads its children.
   */
  readonly stretches?: ReadonlyArray<{readonly start: number; readonly end: number; readonly line: number}>
}

/** Plain text longer than this (in characters) is linted a stretch at a time. */
export const stretchThreshold = 1024 * 1024
const stretchSize = 512 * 1024
const stretchTexts = memo<NlcstRoot, string>('copydesk stretch text')

const markdown = new Set(['.md', '.markdown', '.mdown', '.mkd', '.mkdn', '.mdx'])
const html = new Set(['.html', '.htm', '.xhtml'])

export function formatOf(file: VFile): Format {
  const extname = (file.extname ?? '').toLowerCase()
  if (markdown.has(extname)) return 'markdown'
  if (html.has(extname)) return 'html'
  return 'text'
}

/** A unified plugin: sets the parser. Use it instead of retext-english. */
export default function copydeskParse(this: Processor) {
  this.parser = (document: string, file: VFile) => {
    try {
      return parse(document, file) as never
    } catch (error) {
      // Markup nested thousands of levels deep overflows the parsers' recursion: say so, in a line.
      if (error instanceof RangeError && /call stack/i.test(error.message)) throw new Error('the markup is nested too deeply to read (thousands of levels): not linted; flatten the nesting')
      throw error
    }
  }
}

export function parse(document: string, file: VFile): NlcstRoot {
  const format = formatOf(file)
  let tree: NlcstRoot
  let blocks: Block[] = []
  let markers: Marker[]
  if (format === 'markdown') {
    const {fromMarkdown, gfm, gfmFromMarkdown, frontmatter, frontmatterFromMarkdown, toNlcst: mdastToNlcst} = markdownTools()
    const mdast = fromMarkdown(document, {
      extensions: [gfm(), frontmatter(['yaml', 'toml'])],
      mdastExtensions: [gfmFromMarkdown(), frontmatterFromMarkdown(['yaml', 'toml'])]
    })
    markers = markdownMarkers(mdast)
    blocks = markdownBlocks(mdast)
    prepareMarkdown(mdast)
    tree = mdastToNlcst(mdast, file, EnglishParser)
  } else if (format === 'html') {
    const {fromHtml, toNlcst: hastToNlcst} = htmlTools()
    const hast = fromHtml(document)
    markers = htmlMarkers(hast)
    blocks = htmlBlocks(hast)
    prepareHtml(hast)
    // An empty page has no position to read text from.
    tree = hast.position ? hastToNlcst(hast, file, EnglishParser) : {type: 'RootNode', children: []}
  } else {
    markers = textMarkers(document)
    // Directive lines are not prose: blank them (same length, so offsets hold).
    let text = document
    if (markers.length > 0) {
      const parts: string[] = []
      let at = 0
      for (const marker of markers) {
        parts.push(text.slice(at, marker.start), ' '.repeat(marker.end - marker.start))
        at = marker.end
      }
      parts.push(text.slice(at))
      text = parts.join('')
    }
    if (text.length > stretchThreshold) {
      const stretches = cut(text, stretchSize)
      tree = lazyRoot(text)
      stretchTexts.set(tree, text)
      tree.data = {...tree.data, copydesk: {format, blocks, markers, stretches} satisfies ParseData} as never
      return tree
    }
    tree = parseText(text)
  }
  const data: ParseData = {format, blocks, markers}
  tree.data = {...tree.data, copydesk: data} as never
  return tree
}

/** `copydesk-<kind> names…`; a kind copydesk does not know ("copydesk-disable-line") is kept, to be reported. */
const directive = /^\s*copydesk-([a-z-]+)(?=\s|$)([^]*)$/

const kinds = new Set(['disable-next-line', 'disable', 'enable'])

function marker(body: string, start: number, end: number): Marker | undefined {
  const match = directive.exec(body.trim())
  if (!match) return undefined
  const names = match[2]!.split(/[\s,]+/).filter(Boolean)
  if (!kinds.has(match[1]!)) return {kind: 'unknown', directive: `copydesk-${match[1]}`, names, start, end}
  return {kind: match[1] as Marker['kind'], names, start, end}
}

/** Plain text: a line of its own, `# copydesk-disable hedge` (or the HTML comment form). */
function textMarkers(text: string): Marker[] {
  const found: Marker[] = []
  // Most drafts have no directive: one substring search instead of the pattern's try at every line.
  if (!text.includes('copydesk-')) return found
  const line = /^[ \t]*(?:#|<!--)[ \t]*(copydesk-[a-z-]+(?=[ \t]|-->|$)[^\n]*?)[ \t]*(?:-->)?[ \t]*$/gm
  let match: RegExpExecArray | null
  while ((match = line.exec(text))) {
    const m = marker(match[1]!, match.index, match.index + match[0].length)
    if (m) found.push(m)
  }
  return found
}

function markdownMarkers(tree: MdastRoot): Marker[] {
  const found: Marker[] = []
  walkMdast(tree, (node) => {
    if (node.type !== 'html' || !node.position) return
    const comment = /^<!--([^]*?)-->$/.exec(node.value.trim())
    const m = comment && marker(comment[1]!, node.position.start.offset!, node.position.end.offset!)
    if (m) found.push(m)
  })
  return found
}

function htmlMarkers(tree: HastRoot): Marker[] {
  const found: Marker[] = []
  walkHast(tree, (node) => {
    if (node.type !== 'comment' || !node.position) return
    const m = marker(node.value, node.position.start.offset!, node.position.end.offset!)
    if (m) found.push(m)
  })
  return found
}

function markdownBlocks(tree: MdastRoot): Block[] {
  const blocks: Block[] = []
  walkMdast(tree, (node) => {
    const kind = node.type === 'heading' ? 'heading' : node.type === 'blockquote' ? 'blockquote' : node.type === 'tableCell' ? 'tableCell' : node.type === 'listItem' ? 'listItem' : undefined
    if (kind && node.position) blocks.push({kind, start: node.position.start.offset!, end: node.position.end.offset!})
    // A paragraph that is one link ("[Read our live coverage](…)"): page furniture, not story.
    if (node.type === 'paragraph' && node.position && node.children.length === 1 && node.children[0]!.type === 'link') {
      blocks.push({kind: 'linkLine', start: node.position.start.offset!, end: node.position.end.offset!})
    }
  })
  return blocks
}

const htmlKinds: Record<string, BlockKind> = {
  h1: 'heading', h2: 'heading', h3: 'heading', h4: 'heading', h5: 'heading', h6: 'heading',
  blockquote: 'blockquote', td: 'tableCell', th: 'tableCell', li: 'listItem',
  aside: 'aside', footer: 'footer', nav: 'nav', figcaption: 'caption', caption: 'caption'
}

function htmlBlocks(tree: HastRoot): Block[] {
  const blocks: Block[] = []
  walkHast(tree, (node) => {
    if (node.type !== 'element' || !node.position) return
    const kind = htmlKinds[node.tagName]
    if (kind) blocks.push({kind, start: node.position.start.offset!, end: node.position.end.offset!})
    const content = node.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''))
    if (node.tagName === 'p' && content.length === 1 && content[0]!.type === 'element' && content[0]!.tagName === 'a') {
      blocks.push({kind: 'linkLine', start: node.position.start.offset!, end: node.position.end.offset!})
    }
  })
  return blocks
}

/**
 * Tables become paragraphs (mdast-util-to-nlcst drops tables), and a link that
 * shows its own address is code, not prose.
 */
function prepareMarkdown(tree: MdastRoot) {
  walkMdast(tree, (node, parent, index) => {
    if (node.type === 'table' && parent && index !== undefined) {
      const cells = node.children.flatMap((row) => row.children).map((cell) => ({type: 'paragraph' as const, children: cell.children, position: cell.position}))
      parent.children.splice(index, 1, ...(cells as never[]))
      return
    }
    if (node.type === 'link' && node.children.length === 1 && node.children[0]!.type === 'text') {
      const text = node.children[0]!.value
      if (node.url.replace(/^(?:https?:\/\/|mailto:)/, '') === text.replace(/^(?:https?:\/\/|mailto:)/, '')) {
        ;(node as unknown as {type: string; value: string}).type = 'inlineCode'
        ;(node as unknown as {value: string}).value = text
      }
    }
  })
}

/** `<pre>`, `<code>`, `<head>`, forms and the like are not prose. */
function prepareHtml(tree: HastRoot) {
  walkHast(tree, (node) => {
    // `<q>` is an inline quotation: give it the marks a browser shows, so it is read as one.
    if (node.type === 'element' && node.tagName === 'q') {
      node.children = [{type: 'text', value: '“'}, ...node.children, {type: 'text', value: '”'}]
    }
    if (node.type === 'element' && /^(?:pre|head|noscript|template|iframe|object|select|textarea|button|canvas|video|audio)$/.test(node.tagName)) {
      node.properties = {...node.properties, dataNlcst: 'ignore'}
    }
  })
}

function walkMdast(node: MdastNodes, visit: (node: MdastNodes, parent: MdastParent | undefined, index: number | undefined) => void, parent?: MdastParent, index?: number) {
  visit(node, parent, index)
  if ('children' in node) {
    // Walk a copy: `visit` may replace children.
    const children = [...node.children]
    children.forEach((child, i) => walkMdast(child as MdastNodes, visit, node as MdastParent, node.children.indexOf(child as never) === -1 ? i : node.children.indexOf(child as never)))
  }
}

function walkHast(node: HastNodes, visit: (node: HastNodes) => void) {
  visit(node)
  if ('children' in node) for (const child of node.children) walkHast(child as HastNodes, visit)
  if (node.type === 'element' && (node as Element).tagName === 'template' && (node as Element & {content?: HastRoot}).content) {
    walkHast((node as Element & {content: HastRoot}).content, visit)
  }
}

/**
 * parse-english splices its root once a paragraph, which costs the square of
 * the number of paragraphs: a 20 MB file would take hours. Paragraphs never
 * cross a blank line, so long text is parsed a stretch at a time (each
 * starting on a line of its own) and the stretches joined, their positions
 * moved to where they are in the file.
 */
export function parseText(text: string, chunk = 32 * 1024, from = 0, to = text.length, firstLine = 0, outline = false): NlcstRoot {
  const parser = new EnglishParser()
  if (!outline && from === 0 && to === text.length && text.length <= chunk * 2) return parser.parse(text)
  const root: NlcstRoot = {type: 'RootNode', children: []}
  let line = firstLine
  for (const {start, end} of cut(text, chunk, from, to)) {
    const part = parser.parse(text.slice(start, end))
    if (outline) {
      for (const child of part.children) root.children.push(outlineOf(child as OutlineNode, start, line) as never)
    } else {
      shift(part, start, line)
      for (const child of part.children) root.children.push(child)
    }
    for (let i = start; i < end; i++) if (text.charCodeAt(i) === 10) line++
  }
  const first = root.children[0]
  const last = root.children.at(-1)
  if (first?.position && last?.position) root.position = {start: first.position.start, end: last.position.end}
  return root
}

type OutlineNode = {type: string; value?: string; position?: {start: Point; end: Point}; children?: OutlineNode[]}

/**
 * A parsed node down to its sentences, moved to where it is in the file: a
 * paragraph with its sentences and the white space between them, a sentence
 * with its place but not its words. The outline is all the analysis of plain
 * text reads (where sentences and paragraphs are); a stretch of a long file
 * keeps no more of its tree, so the collector need not copy a whole
 * stretch's words while the rules run.
 */
function outlineOf(node: OutlineNode, offset: number, lines: number): OutlineNode {
  const moved = (point: Point): Point => ({...point, line: point.line + lines, ...(point.offset === undefined ? {} : {offset: point.offset + offset})})
  const position = node.position ? {start: moved(node.position.start), end: moved(node.position.end)} : undefined
  const children = node.type === 'SentenceNode' ? [] : node.children?.map((child) => outlineOf(child, offset, lines))
  return {type: node.type, ...(node.value === undefined ? {} : {value: node.value}), ...(position ? {position} : {}), ...(children ? {children} : {})}
}

/**
 * Stretches of about `size` characters (more if a paragraph is longer), each
 * ending after a blank line, with the line each starts on (0-based).
 */
function cut(text: string, size: number, from = 0, to = text.length): Array<{start: number; end: number; line: number}> {
  const found: Array<{start: number; end: number; line: number}> = []
  let start = from
  let line = 0
  while (start < to) {
    let end = to
    if (to - start > size * 2) {
      const blank = text.indexOf('\n\n', start + size)
      if (blank !== -1 && blank < to) end = blank + 1
    }
    found.push({start, end, line})
    for (let i = start; i < end; i++) if (text.charCodeAt(i) === 10) line++
    start = end
  }
  return found
}

/** A root that parses its text only when its children are read. */
function lazyRoot(text: string): NlcstRoot {
  let children: NlcstRoot['children'] | undefined
  let lines = 1
  let lastLine = 0
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    lines++
    lastLine = i + 1
  }
  const root = {type: 'RootNode', position: {start: {line: 1, column: 1, offset: 0}, end: {line: lines, column: text.length - lastLine + 1, offset: text.length}}} as NlcstRoot
  Object.defineProperty(root, 'children', {
    enumerable: true,
    configurable: true,
    get: () => (children ??= parseText(text).children),
    set: (value: NlcstRoot['children']) => {
      children = value
    }
  })
  return root
}

/**
 * The outlines (paragraphs and sentences, not their words: see `outlineOf`)
 * of a long plain-text file's stretches, one at a time, positioned in the
 * file: what copydesk's rules lint such a file by. Each carries the file's
 * parse data without stretches.
 */
export function* stretches(tree: NlcstRoot): Generator<NlcstRoot> {
  const data = (tree.data as {copydesk?: ParseData} | undefined)?.copydesk
  const text = stretchTexts.get(tree)
  if (!data?.stretches || text === undefined) {
    yield tree
    return
  }
  const own: ParseData = {format: data.format, blocks: data.blocks, markers: data.markers}
  for (const stretch of data.stretches) {
    const part = parseText(text, 32 * 1024, stretch.start, stretch.end, stretch.line, true)
    part.data = {copydesk: own} as never
    yield part
  }
}

type Point = {line: number; column?: number; offset?: number}

/**
 * Moves a parsed chunk of a whole tree (plain text of 64 KB to 1 MB) to where
 * it is in the file, in place. parse-english shares a point object between a
 * node and its first or last child (and only so: checked on 2 MB of news
 * copy), so a child's point that is its parent's was moved with the parent.
 * (A set of points seen, instead, cost a long file an eighth of its run.)
 */
function shift(root: {children?: unknown[]}, offset: number, lines: number) {
  type Node = {position?: {start: Point; end: Point}; children?: Node[]}
  const move = (point: Point) => {
    point.line += lines
    if (point.offset !== undefined) point.offset += offset
  }
  // (An nlcst tree is five levels deep: root, paragraph, sentence, word, text.)
  const visit = (node: Node, parent: Node['position']) => {
    const position = node.position
    if (position) {
      if (position.start !== parent?.start) move(position.start)
      if (position.end !== parent?.end) move(position.end)
    }
    if (node.children) for (const child of node.children) visit(child, position)
  }
  visit(root as Node, undefined)
}
