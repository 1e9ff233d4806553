/**
 * attribution-verb: a said-verb that judges the statement ("claimed",
 * "admitted", "slammed"), with "said" or a neutral verb as the fix.
 */
import type {Root} from 'nlcst'
import type {VFile} from 'vfile'
import {report, quote} from '../report.js'
import {termRule, phrases} from './shared.js'

export default function retextAttributionVerb(options?: unknown): (tree: Root, file: VFile) => void {
  return termRule('attribution-verb', options, (hit, analysis, file, opts) => {
    if (hit.quoted) return false
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
