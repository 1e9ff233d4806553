/**
 * unattributed-quote: a direct quotation with no speaker in its sentence or
 * the sentences next to it.
 */
import type {Root} from 'nlcst'
import type {VFile} from 'vfile'
import {analyze} from '../analysis/index.js'
import {checkRuleOptions, entriesFor} from '../options.js'
import {report, quote} from '../report.js'

const speechBefore = /\b(?:said|says|say|called|calling|branded|described|labelled|labeled|dubbed|hailed|termed|quoted|told|added|as|:)\W*(?:\w+\W+){0,3}$/i

export default function retextUnattributedQuote(options?: unknown): (tree: Root, file: VFile) => void {
  const opts = checkRuleOptions('unattributed-quote', options)
  const entry = entriesFor('unattributed-quote', opts).find((e) => e.id === 'no-speaker')
  return (tree, file) => {
    if (!entry) return
    const analysis = analyze(tree, file)
    for (const quotation of analysis.quotations) {
      if (quotation.title || quotation.speaker || quotation.headline) continue
      // A word or two in quotation marks with no speech verb near is a term or a scare quote, not speech.
      if (quotation.words <= 3 && !speechBefore.test(analysis.document.text.slice(Math.max(0, quotation.start - 40), quotation.start))) continue
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
