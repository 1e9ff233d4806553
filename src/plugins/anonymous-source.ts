/**
 * anonymous-source: a claim carried by an unnamed source ("sources said",
 * "officials said", "people familiar with the matter", "experts say").
 */
import type {Root} from 'nlcst'
import type {VFile} from 'vfile'
import {analyze, type Analysis, type Attribution} from '../analysis/index.js'
import {checkRuleOptions, entriesFor} from '../options.js'
import {report, quote} from '../report.js'
import type {Entry} from '../data.js'

export default function retextAnonymousSource(options?: unknown): (tree: Root, file: VFile) => void {
  const opts = checkRuleOptions('anonymous-source', options)
  const entries = new Map(entriesFor('anonymous-source', opts).map((e) => [e.id, e]))
  return (tree, file) => {
    const analysis = analyze(tree, file)
    for (const info of analysis.sentences) {
      // (Most sentences cite no one unnamed: no copy and sort of their attributions.)
      if (!info.attributions.some((a) => a.anonymous)) continue
      let last = -1
      const bySource = [...info.attributions].sort((a, b) => (a.source?.start ?? 0) - (b.source?.start ?? 0))
      for (const attribution of bySource) {
        if (!attribution.anonymous || !attribution.source) continue
        // One message a source, however many verbs it has ("sources said … and added …").
        if (attribution.source.start < last) continue
        last = attribution.source.end
        if (namedNext(analysis, info.sentence.index, attribution)) continue
        const entry = entryFor(attribution, entries)
        if (!entry) continue
        report(file, analysis, {
          rule: 'anonymous-source',
          entry,
          start: attribution.source.start,
          end: attribution.source.end,
          severity: opts.severity,
          reason: `Anonymous source ${quote(attribution.source.text)}: name the source, or say why it cannot be named`
        })
      }
    }
  }
}

/**
 * The news lede's delayed identification: "…, say web analysts." then
 * "OneStat.com found…". In the story's first sentence, a group or a report is
 * named when the next sentence names a source.
 */
function namedNext(analysis: Analysis, index: number, attribution: Attribution): boolean {
  const here = analysis.sentences[index]!
  // The lede: the first sentence of the story's first or second paragraph (after a headline).
  if (here.sentence.paragraph > 1 || analysis.sentences[index - 1]?.sentence.paragraph === here.sentence.paragraph) return false
  if (!/\b(?:analysts|researchers|experts|scientists|economists|reports|report|group|campaigners|study)\b/i.test(attribution.source!.text)) return false
  const next = analysis.sentences[index + 1]
  if (!next || next.sentence.paragraph - here.sentence.paragraph > 1) return false
  return next.attributions.some((a) => a.named && !a.criticism && a.source !== undefined && /\p{Lu}/u.test(a.source.text))
}

function entryFor(attribution: Attribution, entries: ReadonlyMap<string, Entry>): Entry | undefined {
  const text = attribution.source!.text.toLowerCase()
  if (/\b(?:sources?|insiders?|familiar|anonymity|not (?:want|wish) to be named|asked not to be named|declined to be named)\b/.test(text)) return entries.get('unnamed-source')
  if (/\bofficials?\b/.test(text)) return entries.get('unnamed-official')
  if (attribution.kind === 'according' || attribution.kind === 'agent') return entries.get('unnamed-group')
  return entries.get('unnamed-group')
}
