/**
 * Flattens an nlcst tree into one string with a map back to the original
 * file, and cuts it into sentences and word tokens. Every later step of the
 * analysis works on this string: numbers like "10,000" or "$4.2bn" span
 * several nlcst nodes, and Markdown or HTML markup is not part of the prose.
 */
import type {Root as NlcstRoot, Paragraph} from 'nlcst'
import type {Block, BlockKind, ParseData} from '../parse.js'
import {memo} from '../memo.js'
import {cueWords, numberWords} from './lexicon.js'

/** A run of flattened text copied from one place in the original file. */
interface Segment {
  /** Index in the flattened text. */
  readonly start: number
  /** Offset in the original file. */
  readonly offset: number
  readonly length: number
  /** Length in the original file (differs for entities such as `&amp;`). */
  readonly sourceLength: number
}

export interface Token {
  /** Text as written. */
  readonly value: string
  /** Lower case, one apostrophe, no hyphens, no possessive `'s`. */
  readonly norm: string
  /** Index in the flattened text. */
  readonly start: number
  readonly end: number
  /** A word (letters or digits) rather than punctuation or a symbol. */
  readonly word: boolean
  /** Starts with an upper-case letter. */
  readonly capital: boolean
  /** Index of this token in its sentence. */
  readonly index: number
  /**
   * What the analysis looks up for every word, looked up once by the
   * tokenizer: `CUE` (a word that can be an attribution's cue), `NUMBER` (a
   * number word), `PHRASE` (the first word of a phrase of a term rule's list,
   * as the lists were when the document was made: see `phraseStarts` in
   * match.ts), and which matchers have a phrase that starts with it (a bit
   * of `MATCHERS` each).
   */
  readonly flags: number
}

/** Flags of a token (`Token.flags`). */
export const CUE = 1
export const NUMBER = 2
export const PHRASE = 4

/** Flags by normal form. */
const lexicon = new Map<string, number>()
const flag = (words: Iterable<string>, bit: number) => {
  for (const word of words) lexicon.set(word, (lexicon.get(word) ?? 0) | bit)
}
flag(cueWords, CUE)
flag(numberWords, NUMBER)
/** Bumped when a phrase's first word is added: documents made before then have stale `PHRASE` flags. */
let phraseVersion = 0

/**
 * Marks the first word of a term rule's phrase (match.ts, for every list it
 * is given): its tokens get `PHRASE` from then on, and `matcher`, the bit of
 * the matcher whose phrase it starts (`MATCHERS`; 0 for none).
 */
export function addPhraseStart(word: string, matcher = 0): void {
  const flags = lexicon.get(word) ?? 0
  const next = flags | PHRASE | matcher
  if (next === flags) return
  lexicon.set(word, next)
  phraseVersion++
}

/** The bits of `Token.flags` left for matchers (`addPhraseStart`): one each, for the first 24 made. */
export const MATCHERS = [...Array(24).keys()].map((k) => 1 << (k + 3))

/** Whether a phrase's first word is `word` (for documents whose flags are stale). */
export function isPhraseStart(word: string): boolean {
  return ((lexicon.get(word) ?? 0) & PHRASE) !== 0
}

/** The version of the phrase starts now: a document whose `phraseVersion` differs has stale `PHRASE` and matcher flags. */
export function phraseStartsVersion(): number {
  return phraseVersion
}

export interface Sentence {
  readonly index: number
  readonly paragraph: number
  /** The markup block the sentence is in (Markdown and HTML), if any but a plain paragraph. */
  readonly block?: BlockKind
  /** Range in the flattened text, without surrounding white space. */
  readonly start: number
  readonly end: number
  /** The sentence begins a line / ends a line. */
  readonly lineStart: boolean
  readonly lineEnd: boolean
  readonly tokens: readonly Token[]
  /** The tokens that are words (no punctuation or symbols). */
  readonly words: readonly Token[]
}

export interface Document {
  readonly text: string
  readonly sentences: readonly Sentence[]
  /** `phraseStartsVersion()` when its tokens were flagged. */
  readonly phraseVersion: number
  /** Original offset of an index in the flattened text. */
  toOffset(index: number, side?: 'start' | 'end'): number
}

/** Starts with an upper-case letter (for a token that does not start in ASCII). */
export const upperStart = /^\p{Lu}/u
const wordClass = /^[\p{L}\p{N}\p{M}]$/u

export function normalize(value: string): string {
  // Most words are lower case already and have no apostrophe or hyphen: one scan by code, and no
  // copy (toLowerCase copies even a string it does not change).
  let upper = false
  let marked = false
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i)
    if ((c >= 65 && c <= 90) || c > 127) upper = true
    if (c === 39 || c === 45 || c === 0x2019 || c === 0x2018) marked = true
  }
  const norm = upper ? value.toLowerCase() : value
  return marked ? unmark(norm) : norm
}

/** The apostrophes and hyphens of a lower-case word, normalised: one apostrophe, no hyphens, no possessive `'s`. */
function unmark(lower: string): string {
  let norm = lower
  if (norm.includes('’') || norm.includes('‘')) norm = norm.replace(/[’‘]/g, "'")
  if (norm.includes('-')) norm = norm.replace(/-/g, '')
  if (norm.endsWith("'s") && norm.length > 2) norm = norm.slice(0, -2)
  else if (norm.endsWith("'") && norm.length > 1) norm = norm.slice(0, -1)
  return norm
}

const namesOf = memo<Document, Set<string>>('copydesk names')

/** Words the document writes with a capital inside a sentence: its names ("Sanders", not "Banks"). */
export function names(doc: Document): Set<string> {
  let found = namesOf.get(doc)
  if (!found) {
    found = new Set()
    for (const sentence of doc.sentences) for (const t of sentence.words) if (t.capital && t.index > 0) found.add(t.norm)
    namesOf.set(doc, found)
  }
  return found
}

/** Most longer words (over three letters) capitalised: headline case ("Council Slams Plan For New Homes"). */
export function headlineCase(words: readonly Token[]): boolean {
  let long = 0
  let capital = 0
  for (const t of words) {
    if (t.value.length > 3) {
      long++
      if (t.capital) capital++
    }
  }
  return long >= 3 && capital / long >= 0.8
}

/**
 * A test of a Unicode class (a pattern of one character) for a character of
 * the Basic Multilingual Plane, its answer kept for each character once asked:
 * the scans that run over every character test the pattern once a character,
 * not once a time it occurs.
 */
export function bmpClass(pattern: RegExp): (code: number) => boolean {
  const known = new Uint8Array(65536)
  return (code) => {
    let answer = known[code]!
    if (answer === 0) known[code] = answer = pattern.test(String.fromCharCode(code)) ? 1 : 2
    return answer === 1
  }
}

/** A letter, digit or combining mark (a BMP character past ASCII). */
const bmpWord = bmpClass(wordClass)

/** Length (1 or 2 code units) of the letter, digit or combining mark at `i`, or 0. */
function wordCharAt(text: string, i: number): number {
  const c = text.charCodeAt(i)
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 1 : 0
  if (c !== c) return 0
  if (c >= 0xd800 && c <= 0xdbff) {
    const low = text.charCodeAt(i + 1)
    if (low >= 0xdc00 && low <= 0xdfff) return wordClass.test(text.slice(i, i + 2)) ? 2 : 0
    return 0
  }
  return bmpWord(c) ? 1 : 0
}

/** White space as JavaScript's `\s` has it. */
export function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || (c >= 0xa0 && (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff))
}

/**
 * Word tokens (letters, digits and marks, joined by `-`, `'`, `’`, `‘`, `.`
 * or `&` between them: "don't", "U.S", "AT&T") and single punctuation or
 * symbol tokens, from `from` to `to`. A scan by character code: no match
 * object per token.
 */
export function tokenize(text: string, offset = 0, from = 0, to = text.length): Token[] {
  const tokens: Token[] = []
  scan(text, offset, from, to, tokens, undefined)
  return tokens
}

/** ASCII characters: 1 a letter or digit, 2 white space, 0 anything else. */
const asciiClass = new Uint8Array(128)
for (let c = 0; c < 128; c++) asciiClass[c] = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 1 : c === 32 || (c >= 9 && c <= 13) ? 2 : 0

/**
 * `tokenize`, into `tokens` and (the word tokens) `words`. A word's normal
 * form is worked out from what the scan saw: a word of lower-case ASCII
 * letters and digits (most words) is its own normal form.
 */
function scan(text: string, offset: number, from: number, to: number, tokens: Token[], words: Token[] | undefined): void {
  let i = from
  // (Never in the middle of a character: as a Unicode pattern would, start at its first half.)
  if (i > 0 && text.charCodeAt(i) >= 0xdc00 && text.charCodeAt(i) <= 0xdfff && text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff) i--
  while (i < to) {
    const code = text.charCodeAt(i)
    const kind = code < 128 ? asciiClass[code]! : 0
    if (kind === 2 || (code >= 128 && isSpace(code))) {
      i++
      continue
    }
    let end: number
    let norm: string
    let value: string
    const first = kind === 1 ? 1 : code < 128 ? 0 : wordCharAt(text, i)
    if (first === 0) {
      // One punctuation mark or symbol (a whole astral character).
      end = code >= 0xd800 && code <= 0xdbff && text.charCodeAt(i + 1) >= 0xdc00 && text.charCodeAt(i + 1) <= 0xdfff ? i + 2 : i + 1
      if (end > to) break
      value = text.slice(i, end)
      norm = normalize(value)
    } else {
      // (Upper case or past ASCII: lower-cased; an apostrophe or hyphen: `unmark`ed. As `normalize` would.)
      let upper = (code >= 65 && code <= 90) || code >= 128
      let marked = false
      end = i + first
      for (;;) {
        for (;;) {
          const c = text.charCodeAt(end)
          if (c < 128) {
            if (asciiClass[c] !== 1) break
            if (c >= 65 && c <= 90) upper = true
            end++
          } else {
            const step = wordCharAt(text, end)
            if (step === 0) break
            upper = true
            end += step
          }
        }
        const joiner = text.charCodeAt(end)
        if ((joiner === 45 || joiner === 39 || joiner === 0x2019 || joiner === 0x2018 || joiner === 46 || joiner === 38) && wordCharAt(text, end + 1) > 0) {
          if (joiner !== 46 && joiner !== 38) marked = true
          end++
          continue
        }
        break
      }
      if (end > to) break
      value = text.slice(i, end)
      norm = upper ? value.toLowerCase() : value
      if (marked) norm = unmark(norm)
    }
    const token: Token = {
      value,
      norm,
      start: i + offset,
      end: end + offset,
      word: first > 0,
      // ASCII first: most tokens are, and a char code test is cheaper than a Unicode pattern.
      capital: code < 128 ? code >= 65 && code <= 90 : upperStart.test(value),
      index: tokens.length,
      flags: lexicon.get(norm) ?? 0
    }
    tokens.push(token)
    if (words && first > 0) words.push(token)
    i = end
  }
}

interface Leaf {
  value: string
  position?: {start: {offset?: number}; end: {offset?: number}}
}

type AnyNode = {type: string; value?: string; children?: AnyNode[]; position?: Leaf['position']}

/**
 * `source` is the original file: with it, every piece of text is placed where
 * it really is (markup and entities such as `&amp;` shift the positions that
 * the Markdown and HTML bridges compute from decoded text).
 */
export function flatten(tree: NlcstRoot, source?: string, verbatim = false): Document {
  if (verbatim && source !== undefined) return verbatimDocument(tree, source)
  const parts: string[] = []
  const segments: Segment[] = []
  const sentenceRanges: Array<{start: number; end: number; paragraph: number}> = []
  let length = 0
  let paragraph = -1
  let cursor = 0
  /** A decoded piece of text (an entity) waiting to learn where it ends in the source. */
  let pending = -1

  /** Where a piece of text is in the source, and how long it is there. */
  const place = (value: string, reported: number, reportedEnd: number): [number, number, boolean] => {
    if (source === undefined) return [reported, reportedEnd - reported, true]
    if (value === '\uFFFC') return [Math.max(cursor, reported), Math.max(0, reportedEnd - Math.max(cursor, reported)), true]
    if (reported >= cursor && source.startsWith(value, reported)) return [reported, value.length, true]
    if (/^\s+$/.test(value)) return [Math.max(cursor, Math.min(reported, source.length)), 0, false]
    const found = source.indexOf(value, cursor)
    if (found !== -1 && found - cursor <= 64) return [found, value.length, true]
    // Decoded text (an entity, an escape): it starts where the source is now.
    const at = source[cursor] === '&' || source[cursor] === '\\' ? cursor : Math.max(cursor, Math.min(reported, source.length))
    return [at, 1, false]
  }

  const append = (node: AnyNode) => {
    const value = node.value ?? ''
    if (value.length === 0) return
    const reportedStart = node.position?.start.offset
    const reportedEnd = node.position?.end.offset
    if (typeof reportedStart === 'number' && typeof reportedEnd === 'number') {
      const [start, sourceLength, exact] = place(value, reportedStart, reportedEnd)
      if (pending !== -1 && exact && !/^\s+$/.test(value)) {
        // The entity before this text ends where this text starts: `&rdquo;` is seven characters, not one.
        const entity = segments[pending]!
        if (start > entity.offset && start - entity.offset <= 16) segments[pending] = {...entity, sourceLength: start - entity.offset}
        pending = -1
      }
      cursor = Math.max(cursor, start + sourceLength)
      const last = segments.at(-1)
      // Merge runs copied verbatim from consecutive places: plain text becomes one segment.
      if (last && last.length === last.sourceLength && sourceLength === value.length &&
          last.start + last.length === length && last.offset + last.length === start) {
        segments[segments.length - 1] = {...last, length: last.length + value.length, sourceLength: last.sourceLength + sourceLength}
      } else {
        segments.push({start: length, offset: start, length: value.length, sourceLength})
      }
      if (!exact && source !== undefined && !/^\s+$/.test(value) && value !== '\uFFFC') pending = segments.length - 1
    }
    parts.push(value)
    length += value.length
  }

  const appendAll = (node: AnyNode) => {
    if (node.children) for (const child of node.children) appendAll(child)
    // Inline code and other source: one opaque character, so no rule reads inside it.
    else if (node.type === 'SourceNode') append({...node, value: '\uFFFC'})
    else append(node)
  }

  const separate = () => {
    // Markup between blocks (a heading's `#`, a list marker) is not in the tree: keep blocks apart.
    if (length > 0 && !parts.at(-1)!.endsWith('\n')) {
      parts.push('\n\n')
      length += 2
    }
  }

  const visitParagraph = (node: Paragraph | AnyNode) => {
    paragraph++
    for (const child of (node as AnyNode).children ?? []) {
      if (child.type === 'SentenceNode') {
        const start = length
        appendAll(child)
        sentenceRanges.push({start, end: length, paragraph})
      } else appendAll(child)
    }
  }

  for (const child of tree.children as AnyNode[]) {
    if (child.type === 'ParagraphNode') {
      separate()
      visitParagraph(child)
    } else if (child.type === 'SentenceNode') {
      separate()
      paragraph++
      const start = length
      appendAll(child)
      sentenceRanges.push({start, end: length, paragraph})
    } else appendAll(child)
  }

  const text = parts.join('')
  const blocks = (tree.data as {copydesk?: ParseData} | undefined)?.copydesk?.blocks ?? []
  return makeDocument(text, sentenceRanges, blocks, (index, side) => toOffset(segments, index, side ?? 'start'))
}

/**
 * Plain text: the tree holds every character of the file in order, so the
 * text is the file and a sentence's range is its position. (No pass over the
 * leaves, which is most of the cost on a long file.)
 */
function verbatimDocument(tree: NlcstRoot, source: string): Document {
  const ranges: Array<{start: number; end: number; paragraph: number}> = []
  let paragraph = -1
  for (const child of tree.children as AnyNode[]) {
    if (child.type === 'ParagraphNode') {
      paragraph++
      for (const sentence of child.children ?? []) {
        if (sentence.type !== 'SentenceNode') continue
        const start = sentence.position?.start.offset
        const end = sentence.position?.end.offset
        if (typeof start === 'number' && typeof end === 'number') ranges.push({start, end, paragraph})
      }
    } else if (child.type === 'SentenceNode') {
      paragraph++
      const start = child.position?.start.offset
      const end = child.position?.end.offset
      if (typeof start === 'number' && typeof end === 'number') ranges.push({start, end, paragraph})
    }
  }
  return makeDocument(source, ranges, [], (index) => index)
}

function makeDocument(text: string, sentenceRanges: ReadonlyArray<{start: number; end: number; paragraph: number}>, blocks: readonly Block[], map: (index: number, side?: 'start' | 'end') => number): Document {
  const sentences: Sentence[] = []
  const version = phraseVersion
  for (const range of sentenceRanges) {
    for (const [start, end] of splitLines(text, range.start, range.end)) {
      const trimmed = trim(text, start, end)
      if (!trimmed) continue
      const block = blocks.length > 0 ? blockAt(blocks, map(trimmed[0], 'start')) : undefined
      const tokens: Token[] = []
      const words: Token[] = []
      scan(text, 0, trimmed[0], trimmed[1], tokens, words)
      const index = sentences.length
      const paragraph = range.paragraph
      const [first, last] = trimmed
      const lineStart = atLineStart(text, first)
      const lineEnd = atLineEnd(text, last)
      // (Two literals rather than a spread of `{block}` or `{}`, which builds and copies an object a sentence.)
      sentences.push(block
        ? {index, paragraph, block, start: first, end: last, lineStart, lineEnd, tokens, words}
        : {index, paragraph, start: first, end: last, lineStart, lineEnd, tokens, words})
    }
  }

  return {text, sentences, phraseVersion: version, toOffset: (index, side = 'start') => map(index, side)}
}

/** The innermost block (latest to start) that contains an offset. */
function blockAt(blocks: readonly Block[], offset: number): BlockKind | undefined {
  let found: Block | undefined
  for (const block of blocks) {
    if (block.start <= offset && offset < block.end && (!found || block.start >= found.start)) found = block
  }
  // A block quote or an aside contains paragraphs and lists: the outer kind is the one that matters.
  const outer = blocks.find((b) => b.start <= offset && offset < b.end && ['blockquote', 'aside', 'footer', 'nav'].includes(b.kind))
  return outer?.kind ?? found?.kind
}

/**
 * A line break inside a parsed sentence ends it unless the next line carries
 * on in lower case: plain-text copy puts headlines, credits and "Read more"
 * links on lines of their own without a full stop.
 */
function splitLines(text: string, start: number, end: number): Array<[number, number]> {
  const ranges: Array<[number, number]> = []
  let from = start
  let newline = text.indexOf('\n', start)
  while (newline !== -1 && newline < end) {
    let next = newline + 1
    while (next < end && /\s/.test(text[next]!)) next++
    if (next < end && !/\p{Ll}/u.test(text[next]!)) {
      ranges.push([from, newline])
      from = next
    }
    newline = text.indexOf('\n', newline + 1)
  }
  ranges.push([from, end])
  return ranges
}

function trim(text: string, start: number, end: number): [number, number] | undefined {
  while (start < end && /\s/.test(text[start]!)) start++
  while (end > start && /\s/.test(text[end - 1]!)) end--
  return start < end ? [start, end] : undefined
}

function atLineStart(text: string, index: number): boolean {
  let i = index - 1
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--
  return i < 0 || text[i] === '\n' || text[i] === '\r'
}

function atLineEnd(text: string, index: number): boolean {
  let i = index
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++
  return i >= text.length || text[i] === '\n' || text[i] === '\r'
}

function toOffset(segments: readonly Segment[], index: number, side: 'start' | 'end'): number {
  if (segments.length === 0) return index
  let low = 0
  let high = segments.length - 1
  // Last segment starting at or before `index` (for an end, strictly before).
  while (low < high) {
    const mid = (low + high + 1) >> 1
    const s = segments[mid]!
    if (side === 'end' ? s.start < index : s.start <= index) low = mid
    else high = mid - 1
  }
  const segment = segments[low]!
  const delta = index - segment.start
  if (segment.length === segment.sourceLength) return segment.offset + Math.min(Math.max(delta, 0), segment.length)
  // A decoded entity: map inside it to its ends.
  return segment.offset + (delta <= 0 ? 0 : delta >= segment.length ? segment.sourceLength : side === 'end' ? segment.sourceLength : 0)
}
