/**
 * The "who says so" view of a draft: how many figures it states and how many
 * have a source, who the sources are (named or not, and how many claims each
 * carries), and how many quotations have a speaker.
 */
import type {Analysis, Attribution} from './index.js'
import {sourceOf} from './index.js'

export interface SourceSummary {
  /** As first written in the draft: "South Korea’s National Intelligence Service". */
  readonly name: string
  readonly named: boolean
  /** Sentences in which this source carries a claim (attributions and quotations). */
  readonly claims: number
  /** Line of the first mention. */
  readonly line: number
}

export interface Summary {
  readonly figures: {
    /** Every number expression, statistics or not. */
    readonly total: number
    readonly statistics: number
    readonly attributed: number
    readonly unattributed: number
  }
  readonly sources: {
    readonly named: number
    readonly anonymous: number
    readonly list: readonly SourceSummary[]
  }
  readonly quotes: {
    readonly total: number
    readonly withSpeaker: number
    readonly withoutSpeaker: number
  }
}

const determiners = /^(?:the|a|an|one|some|its|their|his|her)\s+/i
const pronoun = /^(?:he|she|they|it|we|i|who)$/i
const anaphor = /^(?:the|its|their)\s+(?:agency|company|firm|group|office|ministry|department|council|government|bank|court|commission|committee|regulator|authority|service|police|army|organisation|organization|report|study|survey|poll|analysis|board|union|campaign|spokesperson|spokesman|spokeswoman|chain|airline|club|university|institute|observatory|team|band|party)$/i

/** White space other than single spaces. */
const spacing = /[^\S ]| {2}/

/** The last word of a key (after its last space). */
const lastWord = (key: string) => key.slice(key.lastIndexOf(' ') + 1)

export function summarize(analysis: Analysis, {window = 1, locate}: {window?: number; locate?: (index: number) => number} = {}): Summary {
  let total = 0
  let statistics = 0
  let attributed = 0
  for (const info of analysis.sentences) {
    for (const figure of info.figures) {
      total++
      if (!figure.statistic) continue
      statistics++
      if (sourceOf(analysis, figure, window)) attributed++
    }
  }

  // Sources: one row per source, pronouns and "the agency" counted with the last named source.
  const rows = new Map<string, {name: string; named: boolean; sentences: Set<number>; start: number}>()
  /** Named rows by the last word of their key: "zelensky" → "ukrainian president volodymyr zelensky". */
  const surnames = new Map<string, string>()
  let last: string | undefined
  const cite = (attribution: Attribution, sentence: number) => {
    if (!attribution.named && !attribution.anonymous) return
    const raw = attribution.source?.text
    // (White space is made single only where there is more than a single space: most names have none.)
    const text = raw === undefined ? undefined : (spacing.test(raw) ? raw.replace(/\s+/g, ' ') : raw).trim()
    if (!text) return
    let key: string
    if ((pronoun.test(text) || anaphor.test(text)) && last) key = last
    else key = text.replace(determiners, '').replace(/['’]s$/, '').toLowerCase()
    // "Zelensky" after "Ukrainian President Volodymyr Zelensky": the same person.
    if (!rows.has(key) && attribution.named && /^(?:\p{Lu}[\p{L}'’-]*\s?){1,2}$/u.test(text)) {
      const same = surnames.get(lastWord(key))
      if (same) key = same
    }
    let row = rows.get(key)
    if (!row) {
      row = {name: text, named: attribution.named, sentences: new Set(), start: attribution.source!.start}
      rows.set(key, row)
      if (attribution.named && !surnames.has(lastWord(key))) surnames.set(lastWord(key), key)
    }
    row.sentences.add(sentence)
    if (attribution.named && /\p{Lu}/u.test(text)) last = key
  }
  for (const info of analysis.sentences) {
    for (const attribution of info.attributions) cite(attribution, info.sentence.index)
  }
  for (const quotation of analysis.quotations) {
    if (quotation.speaker) cite(quotation.speaker, quotation.firstSentence)
  }
  const list = [...rows.values()]
    .sort((a, b) => a.start - b.start)
    .map((row) => ({name: row.name, named: row.named, claims: row.sentences.size, line: locate ? locate(row.start) : 0}))

  const quotations = analysis.quotations.filter((q) => q.speech)
  const withSpeaker = quotations.filter((q) => q.speaker).length
  return {
    figures: {total, statistics, attributed, unattributed: statistics - attributed},
    sources: {named: list.filter((s) => s.named).length, anonymous: list.filter((s) => !s.named).length, list},
    quotes: {total: quotations.length, withSpeaker, withoutSpeaker: quotations.length - withSpeaker}
  }
}

/**
 * The summary of a file linted a stretch at a time: counts add up, and a
 * source named in several stretches is one row (first mention, claims summed).
 */
export function mergeSummaries(a: Summary, b: Summary): Summary {
  const rows = new Map<string, SourceSummary>()
  for (const row of [...a.sources.list, ...b.sources.list]) {
    const key = `${row.named}:${row.name.replace(determiners, '').replace(/['’]s$/, '').toLowerCase()}`
    const seen = rows.get(key)
    rows.set(key, seen ? {...seen, claims: seen.claims + row.claims} : row)
  }
  const list = [...rows.values()]
  const sum = <T extends Record<string, number>>(x: T, y: T): T => Object.fromEntries(Object.keys(x).map((k) => [k, x[k]! + y[k]!])) as T
  return {
    figures: sum(a.figures, b.figures),
    sources: {named: list.filter((s) => s.named).length, anonymous: list.filter((s) => !s.named).length, list},
    quotes: sum(a.quotes, b.quotes)
  }
}
