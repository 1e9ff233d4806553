/**
 * hedge: "reportedly", "allegedly", "it is believed", "some say": distance
 * from a claim without saying who makes it. "Allegedly" tied to an accuser
 * or a charge in the same sentence is court reporting, not a hedge.
 */
import type {Root} from 'nlcst'
import type {VFile} from 'vfile'
import {legalContext} from '../analysis/lexicon.js'
import type {SentenceInfo} from '../analysis/index.js'
import {report, quote} from '../report.js'
import {termRule} from './shared.js'

export default function retextHedge(options?: unknown): (tree: Root, file: VFile) => void {
  return termRule('hedge', options, (hit, analysis, file, opts) => {
    if (hit.quoted) return false
    const unless = hit.match.entry.unless ?? []
    if (unless.includes('accused') && accused(hit.info)) return false
    if (unless.includes('attributed') && governed(hit.info, hit.start)) return false
    if (unless.includes('reported') && reportedBefore(hit.info, hit.start)) return false
    report(file, analysis, {
      rule: 'hedge',
      entry: hit.match.entry,
      start: hit.start,
      end: hit.end,
      severity: opts.severity,
      reason: `Hedge ${quote(hit.text)}: say who claims it, or state what is known`
    })
    return true
  })
}

/** The sentence names an accuser (a named source, prosecutors, police) or a charge. */
function accused(info: SentenceInfo): boolean {
  if (info.attributions.some((a) => a.named && !a.criticism)) return true
  return info.sentence.tokens.some((t) => t.word && legalContext.has(t.norm))
}

/**
 * A speech attribution governs the hedge: it comes first ("Sources said the
 * plan could include…") or closes the sentence ("…could include X, the
 * ministry said").
 */
function governed(info: SentenceInfo, at: number): boolean {
  const words = info.sentence.words
  const tail = words.at(-6)?.start ?? info.sentence.start
  return info.attributions.some((a) => (a.named || a.anonymous) && !a.criticism && (a.cue.start < at || a.cue.start >= tail))
}

/** A named source says or reports it earlier in the sentence: "The Times reported that the deal was reportedly…". */
function reportedBefore(info: SentenceInfo, at: number): boolean {
  return info.attributions.some((a) => a.named && !a.criticism && (a.kind === 'speech' || a.kind === 'according' || a.kind === 'agent') && a.cue.end <= at)
}
