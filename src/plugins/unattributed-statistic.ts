/**
 * unattributed-statistic: a figure stated as fact with no source in its
 * sentence, and none in a neighbouring sentence that refers to it.
 */
import type {Root} from 'nlcst'
import type {VFile} from 'vfile'
import {analyze, sourceOf} from '../analysis/index.js'
import {checkRuleOptions, entriesFor} from '../options.js'
import {report, quote} from '../report.js'

export default function retextUnattributedStatistic(options?: unknown): (tree: Root, file: VFile) => void {
  const opts = checkRuleOptions('unattributed-statistic', options)
  const entries = new Map(entriesFor('unattributed-statistic', opts).map((e) => [e.id, e]))
  const window = opts.window ?? 1
  return (tree, file) => {
    const analysis = analyze(tree, file)
    for (const info of analysis.sentences) {
      for (const figure of info.figures) {
        if (!figure.statistic) continue
        const entry = entries.get(figure.kind)
        if (!entry) continue
        if (sourceOf(analysis, figure, window)) continue
        report(file, analysis, {
          rule: 'unattributed-statistic',
          entry,
          start: figure.start,
          end: figure.end,
          severity: opts.severity,
          reason: `Unattributed figure ${quote(figure.text)}: name its source in this sentence or the next`
        })
      }
    }
  }
}
