/**
 * unattributed-quote: a direct quotation with no speaker in its sentence or
 * the sentences next to it.
 */
import type {Root} from 'nlcst'
import type {VFile} from 'vfile'
import {analyze} from '../analysis/index.js'
import {checkRuleOptions, entriesFor} from '../options.js'
import {report, quote} from '../report.js'

export default function retextUnattributedQuote(options?: unknown): (tree: Root, file: VFile) => void {
  const opts = checkRuleOptions('unattributed-quote', options)
  const entry = entriesFor('unattributed-quote', opts).find((e) => e.id === 'no-speaker')
  return (tree, file) => {
    if (!entry) return
    const analysis = analyze(tree, file)
    for (const quotation of analysis.quotations) {
      if (!quotation.speech || quotation.speaker) continue
      report(file, analysis, {
        rule: 'unattributed-quote',
        entry,
        start: quotation.start,
        end: quotation.end,
        severity: opts.severity,
        reason: `Quotation ${quote(quotation.text)} has no speaker: say who said it`
      })
    }
  }
}
