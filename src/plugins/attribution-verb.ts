/**
 * attribution-verb: a said-verb that judges the statement ("claimed",
 * "admitted", "slammed"), with "said" or a neutral verb as the fix.
 */
import type {Root} from 'nlcst'
import type {VFile} from 'vfile'
import {report, quote} from '../report.js'
import {termRule, phrases} from './shared.js'
import {headlineOf} from '../analysis/figures.js'
import type {Token} from '../analysis/index.js'
import {contestNouns, finiteVerbs} from '../analysis/lexicon.js'

/**
 * "Claim" as a verb of saying, not of taking: "claimed the title", "claimed
 * top spot", "claiming the Grand Slam" win something. (Before a clause,
 * "claimed the market was used", it says; "claimed victory" in an election
 * says too, so a victory is not a prize here.)
 */
function saying(tokens: readonly Token[], to: number): boolean {
  let prize = false
  let seen = 0
  for (let k = to + 1; k < tokens.length && seen < 6; k++) {
    const t = tokens[k]!
    if (!t.word) {
      if (t.value === '-') continue
      break
    }
    seen++
    if (finiteVerbs.has(t.norm) || t.norm === 'that' || t.norm === 'to') return true
    if (contestNouns.has(t.norm)) prize = true
  }
  return !prize
}

/** Words of a civil claim, where "claimed" is the legal term. */
const lawsuit = new Set(['sued', 'sues', 'suing', 'lawsuit', 'lawsuits', 'suit', 'court', 'courts', 'tribunal', 'plaintiff', 'plaintiffs', 'claimant', 'claimants', 'damages', 'compensation', 'litigation', 'insurer', 'insurers', 'insurance'])

export default function retextAttributionVerb(options?: unknown): (tree: Root, file: VFile) => void {
  return termRule('attribution-verb', options, (hit, analysis, file, opts) => {
    if (hit.quoted) return false
    const tokens = hit.info.sentence.tokens
    const first = tokens[hit.match.from]!
    const before = tokens[hit.match.from - 1]
    // "Grand Slams", "the Blasts": a capital inside a sentence (not a headline) starts a name.
    if (first.capital && first !== hit.info.sentence.words[0] && !headlineOf(hit.info.sentence, analysis.document.text)) return false
    // "Smith's claims", "the minister’s admission": after a possessive the word is a noun.
    if (before?.word && /['’]s$/.test(before.value)) return false
    if (hit.match.entry.id === 'claimed' && !saying(tokens, hit.match.to)) return false
    // "sued the firm, claiming…": in a lawsuit, "claim" is the accurate word.
    if (hit.match.entry.unless?.includes('legal') && hit.info.sentence.tokens.some((t) => t.word && lawsuit.has(t.norm))) return false
    const prefer = hit.match.entry.prefer
    report(file, analysis, {
      rule: 'attribution-verb',
      entry: hit.match.entry,
      start: hit.start,
      end: hit.end,
      severity: opts.severity,
      reason: `Attribution verb ${quote(hit.text)} takes sides: ${prefer.length > 0 ? `use ${phrases(prefer)}` : 'use "said"'}`
    })
    return true
  })
}
