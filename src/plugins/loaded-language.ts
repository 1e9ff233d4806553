/**
 * loaded-language: emotive, judgemental, exoticising or promotional wording in
 * the writer's own voice. Silent inside direct quotations.
 */
import type {Root} from 'nlcst'
import type {VFile} from 'vfile'
import {report, quote} from '../report.js'
import {termRule, phrases} from './shared.js'

export default function retextLoadedLanguage(options?: unknown): (tree: Root, file: VFile) => void {
  return termRule('loaded-language', options, (hit, analysis, file, opts) => {
    if (hit.quoted) return false
    const prefer = hit.match.entry.prefer
    report(file, analysis, {
      rule: 'loaded-language',
      entry: hit.match.entry,
      start: hit.start,
      end: hit.end,
      severity: opts.severity,
      reason: `Loaded wording ${quote(hit.text)}: ${prefer.length > 0 ? `use ${phrases(prefer)}` : 'describe it neutrally, or quote who says it'}`
    })
    return true
  })
}
