/**
 * What the term rules share: options checked once, a matcher built once,
 * and the per-sentence walk with quotation and position checks.
 */
import type {Root} from 'nlcst'
import type {VFile} from 'vfile'
import {analyze, inside, type Analysis, type SentenceInfo} from '../analysis/index.js'
import type {Entry, RuleName} from '../data.js'
import {Matcher, type Match} from '../match.js'
import {checkRuleOptions, entriesFor, type RuleOptions} from '../options.js'

export interface TermHit {
  readonly match: Match
  readonly info: SentenceInfo
  /** Range of the match in the flattened text. */
  readonly start: number
  readonly end: number
  readonly text: string
  readonly quoted: boolean
}

/**
 * Runs a term rule: `each` decides, for every match, whether to report it
 * (and returns true if it did). With `oncePerSentence`, a sentence is
 * reported at most once.
 */
export function termRule(
  name: RuleName,
  raw: unknown,
  each: (hit: TermHit, analysis: Analysis, file: VFile, options: RuleOptions) => boolean,
  {oncePerSentence = false} = {}
) {
  const options = checkRuleOptions(name, raw)
  const entries = entriesFor(name, options)
  const matcher = new Matcher(entries)
  return (tree: Root, file: VFile) => {
    const analysis = analyze(tree, file)
    for (const info of analysis.sentences) {
      const tokens = info.sentence.tokens
      let addresses: Array<[number, number]> | undefined
      for (const match of matcher.find(tokens, info.phraseStarts, info.phraseFlagsFresh)) {
        if (!positioned(match, info, analysis)) continue
        const start = tokens[match.from]!.start
        const end = tokens[match.to]!.end
        // Words in an e-mail or web address ("regime@tragic.com") are not prose.
        addresses ??= addressesIn(analysis.document.text, info.sentence.start, info.sentence.end)
        if (addresses.some(([a, b]) => a <= start && end <= b)) continue
        const reported = each({match, info, start, end, text: analysis.document.text.slice(start, end), quoted: inside(analysis.quoteRanges, start, end) !== undefined}, analysis, file, options)
        if (reported && oncePerSentence) break
      }
    }
  }
}

/**
 * `start`: the phrase opens its sentence or line; `line`: it is the whole
 * line. Where page furniture is the rule (an HTML aside, footer or nav, a line
 * that is one link, a paragraph of one sentence among the last two of the
 * draft), a `start` phrase may stand anywhere in its line.
 */
function positioned(match: Match, info: SentenceInfo, analysis: Analysis): boolean {
  const position = match.entry.position ?? 'anywhere'
  if (position === 'anywhere') return true
  if (position === 'start' && furniture(info, analysis)) return true
  const words = info.sentence.words
  const first = words[0]
  if (!first || info.sentence.tokens[match.from] !== first) return false
  if (position === 'start') return true
  const last = words.at(-1)!
  return info.sentence.lineStart && info.sentence.lineEnd && info.sentence.tokens[match.to]!.index >= last.index
}

export function phrases(list: readonly string[]): string {
  return list.map((p) => `\`${p}\``).join(' or ')
}

export type {Entry}

function furniture(info: SentenceInfo, analysis: Analysis): boolean {
  const {sentence} = info
  if (sentence.block && ['aside', 'footer', 'nav', 'linkLine'].includes(sentence.block)) return true
  if (!sentence.lineStart || !sentence.lineEnd) return false
  const sentences = analysis.sentences
  const last = sentences.at(-1)!.sentence.paragraph
  if (last - sentence.paragraph > 1 || last < 3) return false
  // Alone in its paragraph.
  const alone = (sentences[sentence.index - 1]?.sentence.paragraph ?? -1) !== sentence.paragraph && (sentences[sentence.index + 1]?.sentence.paragraph ?? -1) !== sentence.paragraph
  return alone
}

const address = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\b(?:https?:\/\/|www\.)[^\s<>"]+/g

/** Ranges of e-mail and web addresses in a stretch of text. */
function addressesIn(text: string, from: number, to: number): Array<[number, number]> {
  const slice = text.slice(from, to)
  if (!slice.includes('@') && !slice.includes('www.') && !slice.includes('://')) return []
  const found: Array<[number, number]> = []
  address.lastIndex = 0
  for (let m = address.exec(slice); m; m = address.exec(slice)) found.push([from + m.index, from + m.index + m[0].length])
  return found
}
