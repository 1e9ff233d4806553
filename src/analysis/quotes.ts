/**
 * Direct quotations: straight and curly, double and single, nested, across
 * sentences, and continued across paragraphs in the news convention (a
 * paragraph of a long quote has no closing mark; the next one reopens).
 */
import {isSpace as isSpaceCode, type Document, type Sentence} from './document.js'
import {headlineOf} from './figures.js'

export interface Quotation {
  /** Range in the flattened text, marks included. */
  readonly start: number
  readonly end: number
  /** First and last sentence the quotation touches. */
  readonly firstSentence: number
  readonly lastSentence: number
  /** A title or name in quotation marks ("her hit "Wildfire"") rather than speech. */
  readonly title: boolean
  /** The quotation is the whole of its sentence(s), apart from punctuation. */
  readonly standalone: boolean
  /** Continues the quotation before it (a new paragraph of the same speech). */
  readonly continued: boolean
  /** In a headline (a first line with no full stop): quotation marks there stand for the story's attribution. */
  readonly headline: boolean
  /** Number of words inside. */
  readonly words: number
  /** A Markdown or HTML block quote rather than quotation marks. */
  readonly block?: boolean
}

const openers: Record<string, string> = {'“': '”', '"': '"', '‘': '’', "'": "'", '«': '»', '„': '“'}
/** An apostrophe that stands for missing letters, not an opening mark: "shoot 'em ups", "'til", "the '90s". */
const elision = /(?:em|til|n|tis|twas|\d0s)(?![\p{L}\p{N}])/uy
const elidedAt = (text: string, at: number) => {
  elision.lastIndex = at
  return elision.test(text)
}
const isLetter = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c)
const isSpace = (c: string | undefined) => c === undefined || /\s/.test(c)
const openingContext = (c: string | undefined) => c === undefined || /[\s([{\-–—:;,/]/.test(c) || c in openers

interface Open {
  mark: string
  close: string
  start: number
}

/** Finds top-level quotations (nested ones are inside them). */
export function findQuotations(doc: Document): Quotation[] {
  const {text, sentences} = doc
  const spans: Array<{start: number; end: number; continued: boolean}> = []
  let stack: Open[] = []
  let continuing = false
  // Quotations closed inside an outer mark that is still open: kept if that outer mark turns out to be a stray.
  let nested: Array<{start: number; end: number; continued: boolean}> = []

  const closeParagraph = (at: number, nextParagraphStart: number) => {
    if (stack.length === 0) return
    const outer = stack[0]!
    // A quotation left open at a paragraph end continues only if the next paragraph reopens it.
    let i = nextParagraphStart
    while (i < text.length && /\s/.test(text[i]!)) i++
    if (text[i] !== undefined && text[i] === outer.mark) {
      spans.push({start: outer.start, end: at, continued: continuing})
      continuing = true
    } else if (closesLater(outer, i)) {
      // A statement quoted whole across paragraphs, one mark at each end: it goes on.
      stack = [outer]
      nested = []
      return
    } else {
      // An opening mark never closed nor reopened is a stray ('"“If I was a donor…”' pasted twice):
      // the quotations closed after it still stand.
      spans.push(...nested)
      continuing = false
    }
    stack = []
    nested = []
  }
  /**
   * The next double mark after a paragraph left open closes it at the end of a
   * later paragraph (within a few): '"Sen. Sanders took the stage…⏎“…,” Sanders
   * said.⏎…here.)"'. Any other mark first (an opening one) and it was a stray.
   */
  const closesLater = (outer: Open, from: number): boolean => {
    if (outer.mark !== '"' && outer.mark !== '“') return false
    const limit = Math.min(to, from + 3000)
    for (let k = from; k < limit; k++) {
      const ch = text[k]
      if (outer.mark === '"' ? ch !== '"' : ch !== '“' && ch !== '”') continue
      if (ch === '“' || isSpace(text[k - 1])) return false
      let e = k + 1
      while (e < to && (text[e] === ' ' || text[e] === '\t')) e++
      return e >= to || text[e] === '\n' || text[e] === '\r'
    }
    return false
  }
  /** A quotation closes: at the top level it is one; inside another it waits on that one. */
  const closed = (start: number, end: number) => {
    if (stack.length === 0) {
      spans.push({start, end, continued: continuing})
      continuing = false
      nested = []
    } else if (stack.length === 1) nested.push({start, end, continued: false})
  }

  // Jump from one mark or line break to the next: most characters are neither.
  // (Only where the document's sentences are: a long file is analysed a stretch at a time.)
  const from = sentences[0]?.start ?? 0
  const to = sentences.at(-1)?.end ?? text.length
  const marks = /["“”‘’'«»„`\n]/g
  for (let i = from; i < to; i++) {
    // (`test`, not `exec`: the mark is one character, found where `lastIndex` ends; no match array for each.)
    marks.lastIndex = i
    if (!marks.test(text) || marks.lastIndex - 1 >= to) break
    i = marks.lastIndex - 1
    let c = text[i]!
    // Two apostrophes (''…'') are a double quotation mark in some newspapers' archives.
    const pair = (c === "'" && text[i + 1] === "'") || (c === '`' && text[i + 1] === '`')
    if (pair) c = '"'
    if (c === '\n') {
      // A blank line ends a paragraph; so does a line that ends a sentence (one paragraph a line).
      let j = i
      while (j < text.length && /\s/.test(text[j]!)) j++
      if (stack.length > 0 && (text.slice(i, j).includes('\n\n') || /[.!?:"”’]\s*$/.test(text.slice(Math.max(0, i - 3), i)))) {
        closeParagraph(i, j)
      }
      i = j - 1
      continue
    }
    if (!(c in openers) && c !== '”' && c !== '’' && c !== '»') continue
    const before = text[i - 1]
    const after = text[i + (pair ? 2 : 1)]
    const top = stack.at(-1)

    if (top && c === top.close && c !== '"' && !(c === "'" || c === '’')) {
      stack.pop()
      closed(top.start, i + 1)
      continue
    }

    if (c === "'" || c === '’') {
      // An apostrophe inside a word (don't, Kingdom’s) or after a plural (soldiers’) unless a single quote is open.
      if (top && top.close === c && !isLetter(after)) {
        stack.pop()
        closed(top.start, i + 1)
        continue
      }
      if (c === "'" && openingContext(before) && isLetter(after) && !elidedAt(text, i + 1) && !stack.some((o) => o.close === "'")) {
        stack.push({mark: c, close: "'", start: i})
      }
      continue
    }

    if (c === '”' || c === '»') {
      // A closing mark with nothing open: ignore it.
      continue
    }

    if (c === '"') {
      const opening = openingContext(before) && !isSpace(after)
      const open = stack.findIndex((o) => o.close === '"')
      if (open !== -1) {
        if (opening && isSpace(before) && open === 0) {
          // `…business. "Fiat may…`: a new paragraph of the same speech, run together with the last.
          spans.push({start: stack[0]!.start, end: i - 1, continued: continuing})
          continuing = true
          stack = [{mark: c, close: '"', start: i}]
          nested = []
        } else {
          const top = stack[open]!
          stack = stack.slice(0, open)
          closed(top.start, i + (pair ? 2 : 1))
        }
      } else if (opening) stack.push({mark: c, close: '"', start: i})
      if (pair) i++
      continue
    }

    if (c === '‘' && !(openingContext(before) || isSpace(before))) continue
    if (stack.length < 4) stack.push({mark: c, close: openers[c]!, start: i})
  }
  closeParagraph(to, to)

  const found = spans.map((span) => describe(span, sentences, text))
  // A list of terms: 'labelled as either "joke" or "price"', 'called "open source news" or even "moblog journalism"'.
  for (let i = 1; i < found.length; i++) {
    const previous = found[i - 1]!
    const gap = text.slice(previous.end, found[i]!.start)
    if (previous.title && !found[i]!.title && previous.lastSentence === found[i]!.firstSentence && /^[ \t]*(?:,[ \t]*)?(?:(?:or|and)[ \t]+(?:even[ \t]+|perhaps[ \t]+)?|,[ \t]*)$/i.test(gap) && /\S/.test(gap)) found[i] = {...found[i]!, title: true}
  }
  return found
}

const termCue = /\b(?:(?:the\s+)?(?:term|phrase|word|words|slogan|nickname|motto|label|hashtag|catchphrase|expression)|so-called|dubbed|nicknamed|known\s+as|billed\s+as|styled|codenamed|code-named)\s*$/i
/**
 * A passive naming verb with a thing for its subject, before a bare term: 'It
 * is called "podcasting"', 'what are called "qualified industrial zones"'.
 * (Not a person, 'he was called "racist"', nor a characterisation with its
 * article, 'it has been called "the final straw"': someone said those.)
 */
const namingCue = /\b(?:it|this|that|which|what)\s+(?:(?:is|are|was|were|has|have|had|been|be|being|will|would|may|might|could|now|often|also|sometimes)\s+)+(?:\w+ly\s+)?(?:called|termed|named)\s*$/i
const determinerStart = /^(?:a|an|the|this|that|these|those|his|her|their|its|our|my|your|some|no)$/i
const titleCue = /(?:^|\s)(?:hit|song|single|album|film|movie|book|novel|show|series|programme|program|play|track|titled|entitled|called|named|dubbed|nicknamed|operation|campaign|exhibition|documentary|episode|poem|painting|opera|musical|slogan|hashtag|app|game|term|phrase|word|nickname|motto|headline|banner|label|tag)\s*$/i

function describe(span: {start: number; end: number; continued: boolean}, sentences: readonly Sentence[], text: string): Quotation {
  const firstSentence = sentenceAt(sentences, span.start)
  const lastSentence = Math.max(firstSentence, sentenceAt(sentences, span.end - 1))
  const inner = text.slice(span.start + 1, span.end - 1).trim()
  // (The words themselves matter only in a short quotation: a long one is counted, not split.)
  const count = wordCount(inner)
  const words = count <= 6 ? inner.split(/\s+/).filter(Boolean) : undefined
  const before = text.slice(Math.max(0, span.start - 40), span.start)
  const titleCase = words !== undefined && words.length > 0 && words.every((w) => /^[\p{Lu}\p{N}]/u.test(w) || /^(?:a|an|the|of|and|in|on|to|for|with|at|by)$/.test(w)) && /^[\p{Lu}\p{N}]/u.test(words[0]!)
  // A title ("her hit "Wildfire"") or a term being named ("coined the term "the Richard & Judy effect"").
  const title = (titleCase && !/[.!?,]$/.test(inner) && (titleCue.test(before) || count <= 4)) || termCue.test(before) ||
    (words !== undefined && words.length > 0 && words.length <= 4 && !determinerStart.test(words[0]!) && !/[.!?,;:]$/.test(inner) && namingCue.test(before))

  const first = sentences[firstSentence]
  const last = sentences[lastSentence]
  // Nothing but punctuation around it in its sentences (a scan that stops at the first letter: a long sentence may hold many quotations).
  const standalone = first !== undefined && last !== undefined && !hasLetter(text, first.start, span.start) && !hasLetter(text, span.end, last.end)

  const headline = first !== undefined && headlineOf(first, text)
  // (`block` false rather than absent: one shape with the block quotations of index.ts.)
  return {start: span.start, end: span.end, firstSentence, lastSentence, title, standalone, continued: span.continued, headline, words: count, block: false}
}

/** The number of words (runs of anything but white space) in a text: `text.split(/\s+/).filter(Boolean).length`, without the array. */
function wordCount(text: string): number {
  let count = 0
  let inWord = false
  for (let i = 0; i < text.length; i++) {
    const space = isSpaceCode(text.charCodeAt(i))
    if (!space && !inWord) count++
    inWord = !space
  }
  return count
}

const letter = /[\p{L}\p{N}]/u

function hasLetter(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (letter.test(text[i]!)) return true
  return false
}

/** Index of the sentence containing (or nearest before) a text index. */
export function sentenceAt(sentences: readonly Sentence[], index: number): number {
  let low = 0
  let high = sentences.length - 1
  if (high < 0) return 0
  while (low < high) {
    const mid = (low + high + 1) >> 1
    if (sentences[mid]!.start <= index) low = mid
    else high = mid - 1
  }
  return low
}

/** Sorted, non-overlapping quotation ranges with a fast membership test. */
export function inside(quotes: readonly Quotation[], start: number, end = start + 1): Quotation | undefined {
  let low = 0
  let high = quotes.length - 1
  while (low <= high) {
    const mid = (low + high) >> 1
    const q = quotes[mid]!
    if (q.end <= start) low = mid + 1
    else if (q.start >= end) high = mid - 1
    else return q.start <= start && q.end >= end ? q : undefined
  }
  return undefined
}
