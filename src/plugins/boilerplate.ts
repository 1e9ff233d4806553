/**
 * boilerplate: promotional, navigational and call-to-action text that is not
 * story. The whole sentence (or line) is reported: deleting it is the fix.
 */
import type {Root} from 'nlcst'
import type {VFile} from 'vfile'
import {report, quote} from '../report.js'
import {termRule} from './shared.js'

export default function retextBoilerplate(options?: unknown): (tree: Root, file: VFile) => void {
  return termRule('boilerplate', options, (hit, analysis, file, opts) => {
    if (hit.quoted) return false
    const {sentence} = hit.info
    const text = analysis.document.text.slice(sentence.start, sentence.end)
    report(file, analysis, {
      rule: 'boilerplate',
      entry: hit.match.entry,
      start: sentence.start,
      end: sentence.end,
      severity: opts.severity,
      reason: `Boilerplate ${quote(text)}: delete it, it is not part of the story`
    })
    return true
  }, {oncePerSentence: true})
}
