/**
 * loaded-language: emotive, judgemental, exoticising or promotional wording in
 * the writer's own voice. Silent inside direct quotations.
 */
import type {Root} from 'nlcst'
import type {VFile} from 'vfile'
import {report, quote} from '../report.js'
import {termRule, phrases, type TermHit} from './shared.js'
import {memo} from '../memo.js'
import {headlineCase} from '../analysis/document.js'

/**
 * "Desperate Housewives", "The Incredible Hulk", Robbie Savage: a capital
 * inside a sentence starts a name, unless the entry is itself a name
 * ("Hermit Kingdom") or the line is a headline in title case.
 */
function properName(hit: TermHit): boolean {
  const first = hit.info.sentence.tokens[hit.match.from]!
  if (!first.capital || hit.match.entry.match?.some((m) => /\p{Lu}/u.test(m))) return false
  const words = hit.info.sentence.words
  if (words[0] === first) return false
  return !facts(hit).titleCase
}

/** What the checks ask of a sentence, worked out once for it (a long sentence may have many hits). */
const known = memo<object, {titleCase: boolean; firstPerson: boolean}>('copydesk sentence case')
function facts(hit: TermHit): {titleCase: boolean; firstPerson: boolean} {
  let found = known.get(hit.info)
  if (!found) {
    const words = hit.info.sentence.words
    found = {
      titleCase: headlineCase(words),
      firstPerson: words.some((t) => t.value === 'I' || /^I['’](?:m|ve|d|ll)$/.test(t.value))
    }
    known.set(hit.info, found)
  }
  return found
}

/** "I think Robbie is the most iconic": a reader's or a columnist's voice, not the reporter's. */
function firstPerson(hit: TermHit): boolean {
  return facts(hit).firstPerson
}

/** "so-called Digital Rights Management", "so-called \"rotten apples\" theory": naming a term, not sneering. */
function namingSoCalled(hit: TermHit): boolean {
  if (hit.match.entry.id !== 'so-called') return false
  const next = hit.info.sentence.tokens[hit.match.to + 1]
  return next !== undefined && (next.capital || !next.word || /\d|-/.test(next.value))
}

export default function retextLoadedLanguage(options?: unknown): (tree: Root, file: VFile) => void {
  return termRule('loaded-language', options, (hit, analysis, file, opts) => {
    if (hit.quoted) return false
    if (properName(hit)) return false
    if (firstPerson(hit) || namingSoCalled(hit)) return false
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
