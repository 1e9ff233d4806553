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
      for (const match of matcher.find(tokens)) {
        if (!positioned(match, info)) continue
        const start = tokens[match.from]!.start
        const end = tokens[match.to]!.end
        const reported = each({match, info, start, end, text: analysis.document.text.slice(start, end), quoted: inside(analysis.quoteRanges, start, end) !== undefined}, analysis, file, options)
        if (reported && oncePerSentence) break
      }
    }
  }
}

/** `start`: the phrase opens its sentence or line; `line`: it is the whole line. */
function positioned(match: Match, info: SentenceInfo): boolean {
  const position = match.entry.position ?? 'anywhere'
  if (position === 'anywhere') return true
  // In an HTML aside, footer or nav, page furniture is the rule: the phrase may be anywhere in the line.
  if (position === 'start' && info.sentence.block && ['aside', 'footer', 'nav'].includes(info.sentence.block)) return true
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
