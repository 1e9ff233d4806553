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
import {anaphoricDeterminers, anonymousHeads, bodyNouns, figureNouns, pronouns, reportingVerbs, sourceNouns, stopwords} from './lexicon.js'
import type {ParseData} from '../parse.js'
import {memo} from '../memo.js'
import {phraseStarts} from '../match.js'
import {phraseStartsVersion} from './document.js'

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
  /** The tokens that can start a phrase of some term rule's list (see `phraseStarts` in match.ts). */
  readonly phraseStarts: readonly number[]
  /** Its tokens' phrase flags are current: no list has had a first word added since they were set. */
  readonly phraseFlagsFresh: boolean
}

export interface Analysis {
  readonly document: Document
  readonly sentences: readonly SentenceInfo[]
  readonly quotations: readonly QuotationInfo[]
  /** Top-level quotation ranges, sorted: for "is this inside a quote?". */
  readonly quoteRanges: readonly Quotation[]
}

const cache = memo<object, Analysis>('copydesk analysis')

/** A speech verb or "as" just before a short quotation makes it speech: 'is said to be ‘devastated’'. */
const speechBefore = /(?:\b(?:said|says|say|called|calling|branded|labelled|labeled|hailed|termed|quoted|told|added)|\b(?:described|describing|describes|branded|labelled|labeled|called|hailed|dismissed|denounced|condemned|praised|criticised|criticized|attacked|slammed|blasted)\b[^.;:!?]{0,60}\bas|:)\W*(?:\w+\W+){0,3}$/i

/**
 * The analysis of a tree, computed once and kept on the file
 * (`file.data.copydesk`; with `keep` false, only on the tree: the preset,
 * which would delete it again, and a deleted field slows every later read of
 * the file's data).
 */
export function analyze(tree: Root, file?: VFile, keep = true): Analysis {
  const cached = cache.get(tree)
  if (cached) return cached
  const analysis = build(tree, file)
  cache.set(tree, analysis)
  if (file && keep) (file.data as {copydesk?: Analysis}).copydesk = analysis
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
  const stated = new Set<string>()
  for (const sentence of document.sentences) {
    const attributions = findAttributions(document, sentence, quoteRanges, namedRecently > 0)
    const figures = repeated(findFigures(document, sentence, quoteRanges), document.text, sentence.start, stated)
    const words = sentence.words
    sentences.push(new Info(sentence, attributions, figures, startsWith(words, figureNouns), startsWith(words, sourceNouns), document.phraseVersion))
    if (attributions.some((a) => a.named) || sentence.tokens.some((t) => t.capital && t.index > 0 && t.word)) namedRecently = 2
    else namedRecently--
  }

  const quotations: QuotationInfo[] = []
  for (const quote of [...inline, ...blockquotes].sort((a, b) => a.start - b.start)) {
    const speaker = quote.title ? undefined : speakerOf(quote, sentences, quotations, document)
    const speech = !quote.block && !quote.title && !quote.headline && !(isTerm(quote, document) && !speechBefore.test(document.text.slice(Math.max(0, quote.start - 40), quote.start)))
    const text = document.text.slice(quote.start, quote.end)
    quotations.push(quotationInfo(quote, text, speech, speaker))
  }
  // One speech in several pieces ('"A. "B. "C," said Dr Carpenter.'): the speaker named at its end speaks all of it.
  for (let end = quotations.length - 1; end > 0; end--) {
    let start = end
    while (start > 0 && quotations[start]!.continued) start--
    if (start === end) continue
    const speaker = quotations.slice(start, end + 1).map((q) => q.speaker).find(Boolean)
    if (speaker) for (let i = start; i <= end; i++) if (!quotations[i]!.speaker) quotations[i] = {...quotations[i]!, speaker}
    end = start
  }
  return {document, sentences, quotations, quoteRanges}
}

/**
 * A quotation with what the analysis adds, as one literal of one shape
 * (`speaker` undefined where there is none): a spread of quotations was a
 * slow copy, and objects of several shapes slow every read.
 */
function quotationInfo(q: Quotation, text: string, speech: boolean, speaker: Attribution | undefined): QuotationInfo {
  const {start, end, firstSentence, lastSentence, title, standalone, continued, headline, words, block} = q
  return {start, end, firstSentence, lastSentence, title, standalone, continued, headline, words, block, text, speech, speaker}
}

/**
 * A figure the story has already given, named again with "the" ("the 335th
 * account" … "The 335 accounts were noticed"): the same claim, not a new one,
 * so only its first appearance asks for a source.
 */
function repeated(figures: readonly Figure[], text: string, sentenceStart: number, stated: Set<string>): readonly Figure[] {
  if (figures.length === 0) return figures
  // (Only claims have a key: "aged 18" then "the 18 victims" are two numbers, not one claim twice.)
  const keys = figures.map((f) => (f.statistic ? figureKey(f.text) : undefined))
  const out = figures.map((f, i) => {
    const key = keys[i]
    if (!key || !stated.has(key)) return f
    if (!/\b(?:the|these|those)\s+$/i.test(text.slice(Math.max(sentenceStart, f.start - 12), f.start))) return f
    return {...f, statistic: false, not: 'repeated'}
  })
  for (const key of keys) if (key) stated.add(key)
  return out
}

/** A scale's short forms, as `figureKey` writes them. */
const scaleNames = new Map([['bn', 'billion'], ['mn', 'million'], ['m', 'million'], ['tn', 'trillion'], ['per cent', '%'], ['percent', '%']])

/** The number of a figure with its scale: "$700 billion" → "700 billion", "335th" → "335". */
function figureKey(text: string): string | undefined {
  const match = /(\d[\d,]*(?:\.\d+)?)(?:\s?(%|(?:bn|billion|mn|million|m|k|thousand|tn|trillion|per ?cent|percent)\b))?/i.exec(text)
  if (!match) return undefined
  const written = (match[2] ?? '').toLowerCase()
  const scale = scaleNames.get(written) ?? written
  return match[1]!.replace(/,/g, '') + (scale ? ` ${scale}` : '')
}

/**
 * Quotation marks around a term rather than a statement: a few words inside a
 * sentence, with no punctuation of their own ("qualified industrial zones",
 * the "Make love not spam" campaign). Speech only after a said-verb.
 */
function isTerm(quote: Quotation, document: Document): boolean {
  if (quote.words <= 3) return true
  if (quote.standalone || quote.words > 8) return false
  return !/[.,;:!?]/.test(document.text.slice(quote.start + 1, quote.end - 1))
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

/** A sentence's part of the analysis; one shape for every sentence (the rules read these in their hottest loops). */
class Info implements SentenceInfo {
  #mentions: Set<string> | undefined
  #starts: readonly number[] | undefined
  #startsVersion = -1
  constructor(
    readonly sentence: Sentence,
    readonly attributions: readonly Attribution[],
    readonly figures: readonly Figure[],
    readonly refersToFigures: boolean,
    readonly refersToSource: boolean,
    /** The document's phrase version (its tokens' `PHRASE` flags are fresh while it is current). */
    phraseVersion: number
  ) {
    this.#phraseVersion = phraseVersion
  }
  readonly #phraseVersion: number

  /** Only figures without a source of their own ever ask: worked out then. */
  get mentions(): ReadonlySet<string> {
    return (this.#mentions ??= mentions(this.sentence.words))
  }

  /** The document's flags were set at the phrase starts' current version. */
  get phraseFlagsFresh(): boolean {
    return this.#phraseVersion === phraseStartsVersion()
  }

  /** Worked out for the first term rule that asks; the others read it. */
  get phraseStarts(): readonly number[] {
    const version = phraseStartsVersion()
    if (this.#startsVersion !== version) {
      this.#starts = phraseStarts(this.sentence.tokens, this.#phraseVersion === version)
      this.#startsVersion = version
    }
    return this.#starts!
  }
}

/** Words that point back at something the story has named ("these figures", "the study"). */
const pointers = new Set(['these', 'those', 'the', 'that', 'this', 'such', 'its', 'their'])

function startsWith(words: readonly Token[], nouns: ReadonlySet<string>): boolean {
  const first = words[0]
  if (!first || !pointers.has(first.norm)) return false
  for (let k = 1; k < Math.min(words.length, 5); k++) if (nouns.has(words[k]!.norm)) return true
  return false
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

function speakerOf(quote: Quotation, sentences: readonly SentenceInfo[], earlier: readonly QuotationInfo[], document: Document): Attribution | undefined {
  if (quote.continued) {
    const before = earlier.at(-1)
    if (before?.speaker) return before.speaker
  }
  for (let i = quote.firstSentence; i <= quote.lastSentence; i++) {
    const own = sentences[i]?.attributions.find(speaks)
    if (own) return own
  }
  // The tag around the quotation, whatever its verb: '…," implored Barry Lim', 'vowed: "…"', '…, she quipped'.
  const tagged = speechTag(quote, sentences, document)
  if (tagged) return tagged
  // A named speaker in the sentence before or after ("Mr Clarke said…. Law lords were "simply wrong"…").
  const named = sentences[quote.firstSentence - 1]?.attributions.find((a) => speaks(a) && a.named) ??
    sentences[quote.lastSentence + 1]?.attributions.find((a) => speaks(a) && a.named)
  if (named) return named
  const previous = sentences[quote.firstSentence - 1] as SentenceInfo | undefined
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
    if (previous) {
      const subject = subjectOf(previous)
      if (subject) return subject
    }
  }
  // A person named, or "he"/"she", in the sentence next to it: the quotation has a speaker nearby
  // (unless its own sentence hides the speaker: 'is said to be "devastated"', 'has been branded "…"').
  const own = sentences[quote.firstSentence]!
  if (agentlessPassive(own, quote.start)) return undefined
  const here = own.sentence.paragraph
  for (const info of [previous, sentences[quote.lastSentence + 1]]) {
    if (info && Math.abs(info.sentence.paragraph - here) <= 1) {
      const person = personIn(info, document)
      if (person) return person
    }
  }
  return undefined
}

/** A said-verb in the passive with no "by", before `end`: "is said to be", "has been called". */
function agentlessPassive(info: SentenceInfo, end: number): boolean {
  const words = info.sentence.words
  return words.some((t, i) => t.end <= end && reportingVerbs.has(t.norm) && /(?:ed|id|wn|ld)$/.test(t.norm) &&
    words.slice(Math.max(0, i - 3), i).some((b) => /^(?:is|are|was|were|be|been|being)$/.test(b.norm)) &&
    !words.slice(i + 1).some((b, k, rest) => b.norm === 'by' && rest.slice(k + 1, k + 6).some((x) => x.capital || bodyNouns.has(x.norm) || anonymousHeads.has(x.norm))))
}

const titled = /^(?:mr|mrs|ms|miss|dr|sir|lord|lady|prof|professor|dame|president|minister|senator|sen|rep|gov|governor|judge|coach|manager|boss|captain|chairman|chief)$/

/** A person the sentence names ("Mr Dean", "Prof Frasca", a speaker's name as subject) or "he"/"she" outside quotation marks. */
function personIn(info: SentenceInfo, document: Document): Attribution | undefined {
  const subject = subjectOf(info)
  if (subject) return subject
  const words = info.sentence.words
  for (let i = 0; i < words.length; i++) {
    const t = words[i]!
    const next = words[i + 1]
    if (titled.test(t.norm) && next?.capital && next.start - t.end <= 2) return synthetic(info, [t, next])
    if (/^(?:he|she|his)$/.test(t.norm) && !/["“”]/.test(document.text.slice(info.sentence.start, t.start))) return synthetic(info, [t])
    // "…, McIlroy is brimming with confidence", "what Jamie hopes will be": a name as the subject of a verb.
    if (i > 0 && t.capital && !words[i - 1]!.capital && !['the', 'a', 'an', 'of', 'in', 'at', 'to', 'from', 'for', 'on', 'by', 'with'].includes(words[i - 1]!.norm) && next && !next.capital && next.start - t.end <= 1 &&
      (/^(?:is|was|has|had|will|would|can|could|hopes|wants|knows|thinks|feels|believes)$/.test(next.norm) || reportingVerbs.has(next.norm))) return synthetic(info, [t])
  }
  return undefined
}

/** A verb after the quotation and a speaker: ', implored campaigner Barry Lim.', ', Mr Heath said', ', she quipped'. */
const tagAfter = /^[,]?\s*(?:(?:\p{Ll}+ly\s+)?(?:\p{Ll}+(?:ed|s)|said|told|wrote|asked|replied)\s+(?:(?:the|a|an|his|her|their|its|one)\s+)?(?:[\p{L}'’.-]+\s+){0,6}?(?:\p{Lu}[\p{L}'’.-]*|he|she|they|I|we)|(?:(?:the|a|an|his|her|their|its)\s+)?(?:[\p{L}'’.-]+\s+){0,4}?(?:\p{Lu}[\p{L}'’.-]*|he|she|they|I|we)\s+(?:\p{Ll}+ly\s+)?(?:\p{Ll}+(?:ed|s)|said|told|wrote|asked|replied|is\s+\p{Ll}+ing))\b/u

/**
 * A speaker the tag of a quotation gives, whatever its verb: after the closing
 * mark ('…," implored Barry Lim'), before a colon that opens it ('Redknapp
 * vowed: "…"'), or a said-verb with a subject earlier in its sentence ('The
 * MPs found the service was "nowhere near…"').
 */
function speechTag(quote: Quotation, sentences: readonly SentenceInfo[], document: Document): Attribution | undefined {
  const first = sentences[quote.firstSentence]
  const last = sentences[quote.lastSentence]
  if (!first || !last) return undefined
  const inner = document.text.slice(quote.start, quote.end)
  const after = document.text.slice(quote.end, last.sentence.end)
  // A tag after the quotation: the quotation ends its clause ('…,"' or '",').
  if ((/[,?!]\W*$/.test(inner) || /^,/.test(after)) && (tagAfter.test(after) ||
    // '…," the Kok report said.': a short tail with a said-verb.
    (after.length < 80 && last.sentence.words.some((t) => t.start >= quote.end && reportingVerbs.has(t.norm))))) return tagFor(last, quote.end, last.sentence.end)
  const before = document.text.slice(first.sentence.start, quote.start)
  // 'Redknapp … vowed: "…"', 'Mr Dean is confident though: "…"'.
  if (/:\s*$/.test(before) && /[\p{L}]/u.test(before)) return tagFor(first, first.sentence.start, quote.start)
  // A fragment inside a sentence that reports: 'Beijing, which described the embargo as "…"'.
  if (!quote.standalone) {
    // (Not a passive with no agent: 'is said to be "devastated"', 'has been branded "a failure"' name no one.)
    const words = first.sentence.words
    const reporting = agentlessPassive(first, quote.start) ? undefined : words.find((t) => t.end <= quote.start && (reportingVerbs.has(t.norm) || /^(?:quip|quips|quipped|joke|jokes|joked|implore|implored|reads|read)$/.test(t.norm)))
    if (reporting && first.sentence.words.some((t) => t.start < reporting.start && ((t.capital && t.index > 0) || (t.capital && isProperLooking(t)) || pronouns.has(t.norm)))) return tagFor(first, first.sentence.start, reporting.end)
  }
  return undefined
}

/** The speaker of a tag: its first name or pronoun, as a named source. */
function tagFor(info: SentenceInfo, from: number, to: number): Attribution {
  const words = info.sentence.words.filter((t) => t.start >= from && t.end <= to)
  const name: Token[] = []
  for (const t of words) {
    if ((t.capital && (t.index > 0 || isProperLooking(t))) || (name.length === 0 && ['he', 'she', 'they', 'we', 'i'].includes(t.norm))) name.push(t)
    else if (name.length > 0) break
  }
  return synthetic(info, name.length > 0 ? name : words.slice(0, 1).length > 0 ? words.slice(0, 1) : [info.sentence.words[0]!])
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
  for (const [i, t] of words.entries()) {
    // "But Redford knows this…", "And Mr Dean is…": a conjunction before the subject.
    if (i === 0 && /^(?:but|and|yet|so|still|now|however|meanwhile)$/.test(t.norm)) continue
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
  return {sentence: info.sentence.index, kind: 'speech', cue: {start, end, text}, verb: ':', source: {start, end, text}, named: true, anonymous: false, criticism: false, scopeEnd: undefined}
}

/** How a figure is sourced: the attribution that covers it, if any, within `window` sentences. */
export function sourceOf(analysis: Analysis, figure: Figure, window = 1): {attribution: Attribution; via: 'sentence' | 'next' | 'previous'} | undefined {
  const {sentences} = analysis
  const own = covering(sentences[figure.sentence], figure)
  if (own) return {attribution: own, via: 'sentence'}
  const here = sentences[figure.sentence]!
  // A list item under a lead-in that names its source ("In his budget, Mr Rao has:", "The report found:").
  const lead = leadIn(analysis, figure.sentence)
  if (lead) return {attribution: lead, via: 'previous'}
  // A share of the people a named poll asked: "A poll for the Observer found… Some 82% said…", "Labour lead by 39% to 34%".
  if (figure.kind === 'percentage' || figure.kind === 'share') {
    const poll = pollBefore(analysis, figure)
    if (poll) return {attribution: poll, via: 'previous'}
  }
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
      // "Output rose to 3.1m barrels a day, according to Douglas-Westwood. Consumption, meanwhile, fell to 2.4m":
      // the next figure of the same series, from the same source, in the same paragraph.
      if (d === 1 && previousCue.named && previous.sentence.paragraph === here.sentence.paragraph && continues(here) && previous.figures.some((f) => f.statistic)) return {attribution: previousCue, via: 'previous'}
    }
  }
  return undefined
}

const pollWords = /\b(?:poll|polls|polling|survey|surveys|study|research|questionnaire|census|interviews?|respondents)\b/i

/**
 * The named poll a share belongs to: in the sentence before (same paragraph),
 * or, when the share is of people answering ("Some 82% said", "65% of those
 * questioned thought"), up to eight sentences back across a run of answers.
 */
function pollBefore(analysis: Analysis, figure: Figure): Attribution | undefined {
  const {sentences, document} = analysis
  const here = sentences[figure.sentence]!
  const answering = /^\s*(?:who\s+)?(?:of\s+)?(?:[\p{L}'’-]+\s+){0,6}?(?:said|say|says|told|thought|think|thinks|believed|believe|believes|agreed|agree|backed|back|supported|support|wanted|want|wants|opposed|oppose|felt|feel|preferred|prefer|disagreed|expected|expect|would|were|are|voted|favour|favor|favoured|favored)\b/iu.test(document.text.slice(figure.end, Math.min(figure.end + 80, here.sentence.end)))
  // (Back across a run of such answers: "Three-quarters said… 53% of those polled said… Meantime, 32% said…".)
  let paragraph = here.sentence.paragraph
  for (let d = 1; d <= (answering ? 8 : 1); d++) {
    const info = sentences[figure.sentence - d]
    if (!info || info.sentence.block === 'heading' || paragraph - info.sentence.paragraph > (answering ? 1 : 0)) return undefined
    paragraph = info.sentence.paragraph
    const cue = info.attributions.find((a) => a.named && !a.criticism && (a.kind === 'data' || pollWords.test(a.source?.text ?? '')))
    if (cue && pollWords.test(document.text.slice(info.sentence.start, info.sentence.end))) return cue
    if (d >= 3 && !info.figures.some((f) => f.kind === 'percentage' || f.kind === 'share')) return undefined
  }
  return undefined
}

/** Words that carry a series on from the sentence before: "Consumption, meanwhile, …", "So far it has received…". */
function continues(info: SentenceInfo): boolean {
  const words = info.sentence.words
  const first = words[0]?.norm
  // (Not "Meanwhile, …" at the start: that turns to something else as often as it goes on.)
  if ((first === 'so' && words[1]?.norm === 'far') || ((first === 'by' || first === 'in') && words[1]?.norm === 'contrast') || first === 'similarly' || first === 'likewise') return true
  // "Consumption, meanwhile, fell": a subject, then the marker between commas.
  return words.slice(1, 4).some((t) => t.norm === 'meanwhile' && info.sentence.tokens[t.index - 1]?.value === ',')
}

/** Is a sentence an item of a list: in a Markdown or HTML list, or a line starting with a bullet? */
function listItem(analysis: Analysis, info: SentenceInfo): boolean {
  return info.sentence.block === 'listItem' || (info.sentence.lineStart && /^[-*•–]\s/.test(analysis.document.text.slice(info.sentence.start, info.sentence.start + 2)))
}

/**
 * The source of a list item's figures: the sentence ending in a colon above
 * the list, when it has an attribution or names who acts ("Main points of
 * the plan:" names no one; "Chancellor Ruth Ames has:" does).
 */
function leadIn(analysis: Analysis, index: number): Attribution | undefined {
  const {sentences} = analysis
  if (!listItem(analysis, sentences[index]!)) return undefined
  let i = index - 1
  while (i >= 0 && i > index - 30 && listItem(analysis, sentences[i]!)) i--
  const lead = sentences[i]
  if (!lead || !/:\s*$/.test(analysis.document.text.slice(lead.sentence.start, lead.sentence.end))) return undefined
  const cue = covering(lead)
  if (cue) return cue
  const name = lead.sentence.words.filter((t) => t.capital && t.index > 0 && !stopwords.has(t.norm))
  return name.length > 0 ? synthetic(lead, name.slice(0, 3)) : undefined
}

/** The attribution that sources a sentence's figures (or, with `figure`, that one figure). */
function covering(info: SentenceInfo | undefined, figure?: Figure): Attribution | undefined {
  return info?.attributions.find((a) => !a.criticism && (a.scopeEnd === undefined || (figure !== undefined && figure.start >= a.cue.start && figure.end <= a.scopeEnd)))
}
