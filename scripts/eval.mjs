#!/usr/bin/env node
// Measures copydesk on the shared evaluation sets when they are there
// (../shared/eval): the labelled passages (through the built CLI, with the
// project's scorer) and the external sets annotated outside the project.
//
//   npm run eval                 all of it
//   npm run eval -- --only dev   one part: seed, dev, polnear, bbc, basil, szeged, ptc
//   npm run eval -- --samples DIR   also write 50 BBC flags per rule to DIR for reading
import {execFileSync} from 'node:child_process'
import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {unified} from 'unified'
import retextEnglish from 'retext-english'
import {VFile} from 'vfile'
import copydesk, {analyze} from '../dist/index.js'

const root = fileURLToPath(new URL('..', import.meta.url))
const shared = process.env.COPYDESK_SHARED ?? join(root, '..', 'shared')
const evalDir = join(shared, 'eval')
const external = join(evalDir, 'external')
const args = process.argv.slice(2)
const only = args.includes('--only') ? args[args.indexOf('--only') + 1].split(',') : undefined
const samplesDir = args.includes('--samples') ? args[args.indexOf('--samples') + 1] : undefined
const wants = (part) => !only || only.includes(part)
const allRules = 'unattributed-statistic,loaded-language,hedge,boilerplate,anonymous-source,attribution-verb,unattributed-quote'

if (!existsSync(evalDir)) {
  console.log(`No evaluation sets at ${evalDir}: nothing to measure (set COPYDESK_SHARED to their folder).`)
  process.exit(0)
}

const processor = unified().use(retextEnglish).use(copydesk)
function lint(text, path = 'article.txt') {
  const file = new VFile({value: text, path})
  const tree = processor.parse(file)
  processor.runSync(tree, file)
  return {file, tree}
}
const readJsonl = (name) => readFileSync(join(external, name), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l))
const pct = (a, b) => (b === 0 ? 'n/a' : `${((100 * a) / b).toFixed(1)}%`)
const words = (text) => text.split(/\s+/).filter(Boolean).length

/** Code-point offsets (Python) to UTF-16 indices (JavaScript). */
function utf16(text) {
  const map = []
  let u = 0
  for (const ch of text) {
    map.push(u)
    u += ch.length
  }
  map.push(u)
  return (cp) => map[cp] ?? u
}

for (const set of ['seed', 'dev']) {
  if (!wants(set)) continue
  console.log(`\n## ${set}.jsonl (labelled passages, scored by ../shared/eval/score.mjs on the built CLI)\n`)
  const out = execFileSync('node', [join(evalDir, 'score.mjs'), join(evalDir, `${set}.jsonl`), '--rules', allRules, '--cmd', `node ${join(root, 'dist/cli/index.js')} --format json`], {encoding: 'utf8'})
  console.log(out.trim())
}

if (wants('polnear') && existsSync(join(external, 'polnear_train_sample_articles.jsonl'))) {
  console.log('\n## PolNeAR (attribution spans by trained annotators): statistics inside and outside attributed content\n')
  let inside = 0
  let insideFlagged = 0
  let outside = 0
  let outsideFlagged = 0
  for (const article of readJsonl('polnear_train_sample_articles.jsonl')) {
    const toUnit = utf16(article.text)
    const contents = article.labels.filter((l) => l.type === 'Content').map((l) => [toUnit(l.start), toUnit(l.end)])
    const {file, tree} = lint(article.text)
    const analysis = analyze(tree, file)
    const flagged = file.messages.filter((m) => m.source === 'unattributed-statistic').map((m) => m.place.start.offset)
    for (const info of analysis.sentences) {
      for (const figure of info.figures) {
        if (!figure.statistic) continue
        const start = analysis.document.toOffset(figure.start)
        const end = analysis.document.toOffset(figure.end, 'end')
        const isInside = contents.some(([s, e]) => start >= s && end <= e)
        const isFlagged = flagged.includes(start)
        if (isInside) {
          inside++
          if (isFlagged) insideFlagged++
        } else {
          outside++
          if (isFlagged) outsideFlagged++
        }
      }
    }
  }
  console.log(`statistics inside an annotated attribution:  ${inside}, flagged ${insideFlagged} (${pct(insideFlagged, inside)}; target at most 10%)`)
  console.log(`statistics outside every attribution:        ${outside}, flagged ${outsideFlagged} (${pct(outsideFlagged, outside)})`)
}

if (wants('bbc') && existsSync(join(external, 'bbc_news_fulltext.jsonl'))) {
  console.log('\n## BBC News (2,225 edited articles): flags per 1,000 words\n')
  const counts = {}
  const samples = {}
  let total = 0
  for (const article of readJsonl('bbc_news_fulltext.jsonl')) {
    total += words(article.text)
    const {file} = lint(article.text, `${article.id}.txt`)
    for (const m of file.messages) {
      counts[m.source] = (counts[m.source] ?? 0) + 1
      const context = article.text.slice(Math.max(0, m.place.start.offset - 100), m.place.end.offset + 80).replace(/\s+/g, ' ')
      ;(samples[m.source] ??= []).push(`- ${article.id} \`${m.source}/${m.ruleId}\` **${m.actual.replace(/\s+/g, ' ')}** — …${context}…`)
    }
  }
  console.log(`${total} words`)
  console.log('rule                      flags  per 1k words')
  for (const rule of allRules.split(',')) {
    const n = counts[rule] ?? 0
    console.log(`${rule.padEnd(24)} ${String(n).padStart(6)}  ${((1000 * n) / total).toFixed(2).padStart(12)}`)
  }
  if (samplesDir) {
    mkdirSync(samplesDir, {recursive: true})
    for (const [rule, list] of Object.entries(samples)) {
      // A fixed, evenly spread sample of 50, so the reading can be repeated.
      const step = Math.max(1, list.length / 50)
      const picked = []
      for (let i = 0; i < list.length && picked.length < 50; i += step) picked.push(list[Math.floor(i)])
      writeFileSync(join(samplesDir, `bbc-${rule}.md`), `# ${rule}: ${picked.length} of ${list.length} BBC flags\n\n${picked.join('\n')}\n`)
    }
    console.log(`samples written to ${samplesDir}`)
  }
}

if (wants('basil') && existsSync(join(external, 'basil_news_bias_sentences.jsonl'))) {
  console.log('\n## BASIL (expert bias spans in news sentences): loaded-language against lexical bias\n')
  let flaggedSentences = 0
  let flaggedWithLex = 0
  let lexSentences = 0
  let lexFound = 0
  let quotedLex = 0
  let quotedLexFlagged = 0
  for (const s of readJsonl('basil_news_bias_sentences.jsonl')) {
    const {file} = lint(s.text)
    const flags = file.messages.filter((m) => m.source === 'loaded-language')
    const toUnit = utf16(s.text)
    const lex = (s.labels ?? []).filter((l) => l.type === 'lex' && l.quote === 'no').map((l) => [toUnit(l.start), toUnit(l.end)])
    const lexQuoted = (s.labels ?? []).filter((l) => l.type === 'lex' && l.quote === 'yes').map((l) => [toUnit(l.start), toUnit(l.end)])
    const overlaps = (m, [a, b]) => m.place.start.offset < b && a < m.place.end.offset
    if (flags.length > 0) {
      flaggedSentences++
      if (lex.length > 0 || lexQuoted.length > 0) flaggedWithLex++
    }
    lexSentences += lex.length
    lexFound += lex.filter((span) => flags.some((m) => overlaps(m, span))).length
    quotedLex += lexQuoted.length
    quotedLexFlagged += lexQuoted.filter((span) => flags.some((m) => overlaps(m, span))).length
  }
  console.log(`sentences flagged: ${flaggedSentences}; with a lexical-bias span (any): ${flaggedWithLex} (${pct(flaggedWithLex, flaggedSentences)})`)
  console.log(`unquoted lexical-bias spans found: ${lexFound} of ${lexSentences} (${pct(lexFound, lexSentences)})`)
  console.log(`quoted lexical-bias spans flagged (should be few): ${quotedLexFlagged} of ${quotedLex} (${pct(quotedLexFlagged, quotedLex)})`)
}

if (wants('szeged') && existsSync(join(external, 'szeged_wikiweasel_uncertainty.jsonl'))) {
  console.log('\n## Szeged WikiWeasel (uncertainty cues): hedge against doxastic cues\n')
  let flags = 0
  let flagsOnCue = 0
  let doxastic = 0
  let doxasticFound = 0
  for (const s of readJsonl('szeged_wikiweasel_uncertainty.jsonl')) {
    const {file} = lint(s.text)
    const hedges = file.messages.filter((m) => m.source === 'hedge')
    const toUnit = utf16(s.text)
    const cues = (s.labels ?? []).map((l) => ({span: [toUnit(l.start), toUnit(l.end)], doxastic: l.type.startsWith('speculation_hypo_doxastic')}))
    const overlaps = (m, [a, b]) => m.place.start.offset < b && a < m.place.end.offset
    flags += hedges.length
    flagsOnCue += hedges.filter((m) => cues.some((c) => overlaps(m, c.span))).length
    for (const cue of cues.filter((c) => c.doxastic)) {
      doxastic++
      if (hedges.some((m) => overlaps(m, cue.span))) doxasticFound++
    }
  }
  console.log(`hedge flags on an annotated uncertainty cue: ${flagsOnCue} of ${flags} (${pct(flagsOnCue, flags)})`)
  console.log(`doxastic cues found (believed, reportedly, alleged…): ${doxasticFound} of ${doxastic} (${pct(doxasticFound, doxastic)}; the set includes "considered", "may" and others no hedge rule should flag)`)
}

if (wants('ptc') && existsSync(join(external, 'ptc_semeval2020_task11_train_articles.jsonl'))) {
  console.log('\n## PTC propaganda spans: loaded-language against Loaded_Language / Name_Calling / Exaggeration\n')
  let flags = 0
  let onSpan = 0
  let boiler = 0
  for (const article of readJsonl('ptc_semeval2020_task11_train_articles.jsonl')) {
    const {file} = lint(article.text)
    const loaded = file.messages.filter((m) => m.source === 'loaded-language')
    boiler += file.messages.filter((m) => m.source === 'boilerplate').length
    const spans = article.labels.filter((l) => /Loaded_Language|Name_Calling|Exaggeration/.test(l.type)).map((l) => [l.start_utf16 ?? l.start, l.end_utf16 ?? l.end])
    flags += loaded.length
    onSpan += loaded.filter((m) => spans.some(([a, b]) => m.place.start.offset < b && a < m.place.end.offset)).length
  }
  console.log(`loaded-language flags on an annotated span: ${onSpan} of ${flags} (${pct(onSpan, flags)}; PTC marks propaganda function, not every emotive word, so this is a lower bound)`)
  console.log(`boilerplate flags in PTC articles (scraped pages with real "Subscribe" lines): ${boiler}`)
}
