/**
 * copydesk: an editorial style and sourcing linter for English news copy, as
 * a set of retext plugins. `unified().use(retextEnglish).use(copydesk)`.
 */
import type {Root} from 'nlcst'
import type {VFile} from 'vfile'
import type {RuleName} from './data.js'
import {resolveOptions, type Options} from './options.js'
import {analyze, mergeSummaries, release, summarize, type Summary} from './analysis/index.js'
import {stretches} from './parse.js'
import {applyControl} from './control.js'
import {forgetLocator, locatorOf} from './report.js'
import {loadRule, ruleNames as allRules} from './data.js'
import {entriesFor} from './options.js'
import type {ParseData} from './parse.js'
import unattributedStatistic from './plugins/unattributed-statistic.js'
import loadedLanguage from './plugins/loaded-language.js'
import hedge from './plugins/hedge.js'
import boilerplate from './plugins/boilerplate.js'
import anonymousSource from './plugins/anonymous-source.js'
import attributionVerb from './plugins/attribution-verb.js'
import unattributedQuote from './plugins/unattributed-quote.js'

export type {Options, RuleOptions, RuleSetting, Term, Level} from './options.js'
export {OptionsError} from './options.js'
export {default as copydeskParse, parse, formatOf, type Format} from './parse.js'
export {ruleNames, loadRule, DataError, type RuleName, type Severity, type Entry, type RuleData} from './data.js'
export {analyze, sourceOf, summarize, type Analysis, type Summary, type SourceSummary} from './analysis/index.js'

type Transformer = (tree: Root, file: VFile) => void

/** One retext plugin per rule, usable on its own. */
export const plugins: Readonly<Record<RuleName, (options?: unknown) => Transformer>> = {
  'unattributed-statistic': unattributedStatistic,
  'loaded-language': loadedLanguage,
  hedge,
  boilerplate,
  'anonymous-source': anonymousSource,
  'attribution-verb': attributionVerb,
  'unattributed-quote': unattributedQuote
}

export {unattributedStatistic, loadedLanguage, hedge, boilerplate, anonymousSource, attributionVerb, unattributedQuote}

/**
 * The preset: every rule, on by default, each with the severity of its data
 * entries unless `rules` says otherwise.
 */
export default function copydesk(options?: Options): Transformer {
  // unified-engine attaches the preset once a file: build each set of options once a process.
  const key = JSON.stringify(options ?? {})
  let transformer = built.get(key)
  if (!transformer) {
    transformer = build(options)
    built.set(key, transformer)
  }
  return transformer
}

const built = new Map<string, Transformer>()

function build(options?: Options): Transformer {
  const enabled = resolveOptions(options)
  const transformers: Transformer[] = []
  for (const [name, ruleOptions] of enabled) transformers.push(plugins[name](ruleOptions))
  const window = enabled.get('unattributed-statistic')?.window ?? 1
  const rules = new Set<string>(allRules)
  const ids = new Set<string>()
  const byRule = new Map<string, Set<string>>()
  for (const name of allRules) {
    const own = new Set<string>()
    for (const entry of loadRule(name).entries) own.add(entry.id)
    for (const entry of entriesFor(name, enabled.get(name) ?? {})) own.add(entry.id)
    for (const id of own) ids.add(id)
    byRule.set(name, own)
  }
  return (tree, file) => {
    const data = file.data as {copydeskSummary?: Summary; copydesk?: unknown}
    const lines = locatorOf(file)
    let summary: Summary | undefined
    // A long plain-text file is linted a stretch at a time; anything else in one go.
    for (const part of stretches(tree)) {
      // (Made here, kept on the tree only: each rule's own `analyze` finds it there.)
      const analysis = analyze(part, file, false)
      for (const transform of transformers) transform(part, file)
      // The sourcing summary rides on the file for reporters (`file.data.copydeskSummary`).
      const own = summarize(analysis, {window, locate: (index) => lines.toPoint(analysis.document.toOffset(index))?.line ?? 0})
      summary = summary ? mergeSummaries(summary, own) : own
      if (part !== tree) release(part)
    }
    const markers = (tree.data as {copydesk?: ParseData} | undefined)?.copydesk?.markers ?? []
    applyControl(file, markers, {rules, ids, byRule}, rules)
    if (summary) data.copydeskSummary = summary
    // The analysis and the line index served the rules; a run over an archive must not keep them for every file.
    // (Only a plugin before the preset that asked for the analysis leaves it on the file.)
    if ('copydesk' in data) delete data.copydesk
    forgetLocator(file)
  }
}
