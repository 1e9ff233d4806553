/**
 * The sourcing model of a document: sentences, quotations with their
 * speakers, figures with their sources, attributions. Computed once per tree
 * and kept on the file, so every rule reads the same analysis.
 */
import type {Root} from 'nlcst'
import type {VFile} from 'vfile'
import {flatten, type Document, type Sentence, type Token} from './document.js'
import {findQuotations, type Quotation} from './quotes.js'
import {findFigures, type Figure} from './figures.js'
import {findAttributions, isProperLooking, type Attribution} from './attribution.js'
import {anaphoricDeterminers, figureNouns, sourceNouns, stopwords} from './lexicon.js'
import type {ParseData} from '../parse.js'

export type {Document, Sentence, Token} from './document.js'
export type {Quotation} from './quotes.js'
export type {Figure, FigureKind} from './figures.js'
export type {Attribution, AttributionKind, Span} from './attribution.js'
export {inside} from './quotes.js'
export {summarize, mergeSummaries, type Summary, type SourceSummary} from './summary.js'

export interface QuotationInfo extends Quotation {
  readonly text: string
  /**
   * Reported speech, which needs a speaker: not a title, not a headline's
   * quotation marks, not a word or two set off as a term ("unnamed
   * individuals") with no speech verb before it.
   */
  readonly speech: boolean
  /** Who says it: an attribution in its sentence, or the one before a continued quotation. */
  readonly speaker?: Attribution
}

export interface SentenceInfo {
  readonly sentence: Sentence
  readonly attributions: readonly Attribution[]
  readonly figures: readonly Figure[]
  /** Starts by pointing back at figures: "These figures…", "The increase…". */
  readonly refersToFigures: boolean
  /** Starts by pointing back at a source: "The study…", "The trial…". */
  readonly refersToSource: boolean
  /** Nouns led by a determiner ("the budget"), for figures the sentence talks about again. */
  readonly mentions: ReadonlySet<string>
}

export interface Analysis {
  readonly document: Document
  readonly sentences: readonly SentenceInfo[]
  readonly quotations: readonly QuotationInfo[]
  /** Top-level quotation ranges, sorted: for "is this inside a quote?". */
  readonly quoteRanges: readonly Quotation[]
}

const cache = new WeakMap<object, Analysis>()

/** A speech verb or "as" just before a short quotation makes it speech: 'is said to be ‘devastated’'. */
const speechBefore = /(?:\b(?:said|says|say|called|calling|branded|labelled|labeled|hailed|termed|quoted|told|added)|\b(?:described|describing|describes|branded|labelled|labeled|called|hailed|dismissed|denounced|condemned|praised|criticised|criticized|attacked|slammed|blasted)\b[^.;:!?]{0,60}\bas|:)\W*(?:\w+\W+){0,3}$/i

/** The analysis of a tree, computed once and kept on the file (`file.data.copydesk`). */
export function analyze(tree: Root, file?: VFile): Analysis {
  const cached = cache.get(tree)
  if (cached) return cached
  const analysis = build(tree, file)
  cache.set(tree, analysis)
  if (file) (file.data as {copydesk?: Analysis}).copydesk = analysis
  return analysis
}

/**
 * Drops a tree's analysis and content once a run is done with it (the CLI over
 * an archive: the engine keeps each file's tree until its pipeline ends).
 */
export function release(tree: Root): void {
  cache.delete(tree)
  tree.children = []
}

function build(tree: Root, file?: VFile): Analysis {
  // Markup and entities move text away from where the bridges say it is: place it again in the source.
  const format = (tree.data as {copydesk?: ParseData} | undefined)?.copydesk?.format
  const document = format === 'text' && file ? flatten(tree, String(file.value ?? ''), true) : flatten(tree, format === 'markdown' || format === 'html' ? String(file?.value ?? '') : undefined)
  const inline = findQuotations(document)
  // A block quote is quoted speech as a whole: nothing in it is the writer's voice.
  const blockquotes = blockQuotations(document)
  const quotes = [...inline.filter((q) => !blockquotes.some((b) => b.start <= q.start && q.end <= b.end)), ...blockquotes].sort((a, b) => a.start - b.start)
  const quoteRanges = quotes
  const sentences: SentenceInfo[] = []
  let namedRecently = 0
  for (const sentence of document.sentences) {
    const attributions = findAttributions(document, sentence, quoteRanges, namedRecently > 0)
    const figures = findFigures(document, sentence, quoteRanges)
    const words = sentence.words
    sentences.push({
      sentence,
      attributions,
      figures,
      refersToFigures: startsWith(words, figureNouns),
      refersToSource: startsWith(words, sourceNouns),
      // Only figures without a source of their own ever ask: work it out then.
      get mentions() {
        const value = mentions(words)
        Object.defineProperty(this, 'mentions', {value})
        return value
      }
    })
    if (attributions.some((a) => a.named) || sentence.tokens.some((t) => t.capital && t.index > 0 && t.word)) namedRecently = 2
    else namedRecently--
  }

  const quotations: QuotationInfo[] = []
  for (const quote of [...inline, ...blockquotes].sort((a, b) => a.start - b.start)) {
    const speaker = quote.title ? undefined : speakerOf(quote, sentences, quotations)
    const speech = !quote.block && !quote.title && !quote.headline && !(quote.words <= 3 && !speechBefore.test(document.text.slice(Math.max(0, quote.start - 40), quote.start)))
    quotations.push({...quote, text: document.text.slice(quote.start, quote.end), speech, ...(speaker ? {speaker} : {})})
  }
  return {document, sentences, quotations, quoteRanges}
}

function blockQuotations(document: Document): Quotation[] {
  const found: Quotation[] = []
  for (const sentence of document.sentences) {
    if (sentence.block !== 'blockquote') continue
    const last = found.at(-1)
    if (last && last.lastSentence === sentence.index - 1) {
      found[found.length - 1] = {...last, end: sentence.end, lastSentence: sentence.index, words: last.words + sentence.words.length}
    } else {
      found.push({start: sentence.start, end: sentence.end, firstSentence: sentence.index, lastSentence: sentence.index, title: false, standalone: true, continued: false, headline: false, words: sentence.words.length, block: true})
    }
  }
  return found
}

function startsWith(words: readonly Token[], nouns: ReadonlySet<string>): boolean {
  const first = words[0]
  if (!first || !['these', 'those', 'the', 'that', 'this', 'such', 'its', 'their'].includes(first.norm)) return false
  return words.slice(1, 5).some((w) => nouns.has(w.norm))
}

function mentions(words: readonly Token[]): Set<string> {
  const found = new Set<string>()
  for (let i = 0; i < words.length - 1; i++) {
    if (!anaphoricDeterminers.has(words[i]!.norm)) continue
    // "the budget", "the new budget", "the council's budget"
    for (let k = i + 1; k < Math.min(words.length, i + 4); k++) found.add(words[k]!.norm)
  }
  return found
}

/** Speech attributions (not data cues): someone says, writes, describes. */
const speaks = (a: Attribution) => a.kind !== 'data' && a.kind !== 'act'

function speakerOf(quote: Quotation, sentences: readonly SentenceInfo[], earlier: readonly QuotationInfo[]): Attribution | undefined {
  if (quote.continued) {
    const before = earlier.at(-1)
    if (before?.speaker) return before.speaker
  }
  for (let i = quote.firstSentence; i <= quote.lastSentence; i++) {
    const own = sentences[i]?.attributions.find(speaks)
    if (own) return own
  }
  // A named speaker in the sentence before or after ("Mr Clarke said…. Law lords were "simply wrong"…").
  const named = sentences[quote.firstSentence - 1]?.attributions.find((a) => speaks(a) && a.named) ??
    sentences[quote.lastSentence + 1]?.attributions.find((a) => speaks(a) && a.named)
  if (named) return named
  const previous = sentences[quote.firstSentence - 1]
  if (previous) {
    const cue = previous.attributions.find(speaks)
    // "He said:" or "Mr Dean is confident though:" at the end of the sentence before.
    if (previous.sentence.tokens.at(-1)?.value === ':') return cue ?? subjectOf(previous)
    if (quote.standalone) {
      if (cue) return cue
      const earlierQuote = lastQuoteEndingAt(earlier, quote.firstSentence - 1)
      if (earlierQuote?.speaker) return earlierQuote.speaker
    }
  }
  if (quote.standalone) {
    const following = sentences[quote.lastSentence + 1]?.attributions.find(speaks)
    if (following) return following
    // "Ruddock, though, is keen to protect his players. 'At this stage…'": the person just named speaks.
    if (previous) return subjectOf(previous)
  }
  return undefined
}

/** The last quotation that ends in a given sentence (quotations are in document order). */
function lastQuoteEndingAt(quotations: readonly QuotationInfo[], sentence: number): QuotationInfo | undefined {
  for (let i = quotations.length - 1; i >= 0; i--) {
    const q = quotations[i]!
    if (q.lastSentence === sentence) return q
    if (q.lastSentence < sentence) return undefined
  }
  return undefined
}

/** A sentence that opens with a name ("Mr Dean is…", "Ruddock, though, …"), as a speaker. */
function subjectOf(info: SentenceInfo): Attribution | undefined {
  const words = info.sentence.words
  const name: Token[] = []
  for (const t of words) {
    if (t.capital && (name.length > 0 || isProperLooking(t)) && !stopwords.has(t.norm) && !/^(?:but|and|however|this|that|it|in|on|at|for|when|while|if|so|there|here|then|now|yet|still)$/.test(t.norm)) name.push(t)
    else if (name.length === 0 && ['he', 'she', 'they', 'we', 'i'].includes(t.norm)) return synthetic(info, [t])
    else break
  }
  return name.length > 0 ? synthetic(info, name) : undefined
}

function synthetic(info: SentenceInfo, source: Token[]): Attribution {
  const start = source[0]!.start
  const end = source.at(-1)!.end
  const text = source.map((t) => t.value).join(' ')
  return {sentence: info.sentence.index, kind: 'speech', cue: {start, end, text}, verb: ':', source: {start, end, text}, named: true, anonymous: false, criticism: false}
}

/** How a figure is sourced: the attribution that covers it, if any, within `window` sentences. */
export function sourceOf(analysis: Analysis, figure: Figure, window = 1): {attribution: Attribution; via: 'sentence' | 'next' | 'previous'} | undefined {
  const {sentences} = analysis
  const own = covering(sentences[figure.sentence])
  if (own) return {attribution: own, via: 'sentence'}
  const here = sentences[figure.sentence]!
  for (let d = 1; d <= window; d++) {
    const next = sentences[figure.sentence + d]
    const nextCue = next?.sentence.block === 'heading' ? undefined : covering(next)
    if (next && nextCue && next.sentence.paragraph - here.sentence.paragraph <= 1) {
      if (next.refersToFigures || figure.nouns.some((n) => next.mentions.has(n))) return {attribution: nextCue, via: 'next'}
    }
    const previous = sentences[figure.sentence - d]
    const previousCue = previous?.sentence.block === 'heading' ? undefined : covering(previous)
    if (previous && previousCue && here.sentence.paragraph - previous.sentence.paragraph <= 1) {
      // "The trial followed 9,400 patients", "That expansion pushed growth to 2.3%": the sentence points back.
      if (d === 1 && (here.refersToSource || here.refersToFigures || figure.refersBack) && previousCue.named) return {attribution: previousCue, via: 'previous'}
    }
  }
  return undefined
}

function covering(info: SentenceInfo | undefined): Attribution | undefined {
  return info?.attributions.find((a) => !a.criticism)
}
