/**
 * Figures: every number expression in a sentence, with its modifier and
 * unit, classified as a statistic (a claim someone has to stand behind) or
 * not (a date, a time, an age, a name, a score, a duration).
 */
import {NUMBER, bmpClass, isSpace, names, upperStart, type Document, type Sentence, type Token} from './document.js'
import {inside, type Quotation} from './quotes.js'
import {
  approximators, casualtyWords, claimingApproximators, fractions, genericNouns, identifierCues, locativePrepositions,
  months, numberWords, stopwords, timeUnits, weekdays, wordNumbers
} from './lexicon.js'
import {memo} from '../memo.js'

export type FigureKind = 'percentage' | 'money' | 'measure' | 'count' | 'share' | 'multiplier'

export interface Figure {
  /** Range in the flattened text, modifier and unit included. */
  readonly start: number
  readonly end: number
  readonly text: string
  readonly kind: FigureKind
  /** A claim of fact, rather than a date, time, age, identifier, score or duration. */
  readonly statistic: boolean
  /** Why it is not a statistic (for the summary and for tests). */
  readonly not?: string
  readonly sentence: number
  /** Content words right after the figure ("budget" in "$4bn defence budget"). */
  readonly nouns: readonly string[]
  /** "almost 13 million of these": the figure counts something the sentence before named. */
  readonly refersBack: boolean
}

const units = 'pc|per cent|percent|percentage points?|%'
const scale = 'bn|billion|mn|million|m|k|thousand|tn|trillion|crore|lakh|lakhs'
const measureUnits = new Set(`
  km kms kilometre kilometres kilometer kilometers mile miles metre metres meter meters m cm mm
  ft foot feet yard yards inch inches kg kgs kilo kilos kilogram kilograms g gram grams mg tonne tonnes
  ton tons lb lbs pound-weight oz mph kph kmh knots c f °c °f degree degrees celsius fahrenheit
  hectare hectares ha acre acres litre litres liter liters gallon gallons barrel barrels bpd
  mw gw kw kwh mwh gwh twh mah mp gb tb mb ghz mhz calories kcal sq square cubic
`.trim().split(/\s+/))
const distanceUnits = new Set('km kms kilometre kilometres kilometer kilometers mile miles metre metres meter meters m yards yard'.split(' '))

const smallWords: Record<string, number> = {one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10}

const currencyBefore = String.raw`(?:(?:US|A|AU|C|CA|NZ|HK|S|R|NT)\$|[$£€¥₹₦₩₽₺₪฿]|\b(?:Rs|INR|USD|EUR|GBP|JPY|CNY|Sh|KSh|R)\.?\s?)`
const currencyAfter = String.raw`(?:\s?(?:dollars?|pounds?|euros?|yen|yuan|rupees?|naira|crowns?|kronor|krona|kroner|francs?|rand|pesos?|rubles?|roubles?|lira|shekels?|won|dirhams?|riyals?|ringgit|baht|pence|cents?|p)\b)`

const digitNumber = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`
/** Digits, with a currency before and a scale, unit or percent after. */
const digitFigure = String.raw`(?<cur>${currencyBefore})?(?<num>${digitNumber})(?<scale>\s?(?:${scale})\b)?(?<pct>\s?(?:${units}))?`
const wordFigures = [
  // Vague counts: dozens of, tens of thousands of, millions of.
  String.raw`\b(?<vague>(?:tens|hundreds|dozens|scores)\s+of\s+(?:thousands|millions|billions)|dozens|scores(?=\s+of)|hundreds|thousands|millions|billions|trillions)\b(?!-)`,
  // Shares: one in five, a third of, two-thirds, half of.
  String.raw`\b(?<share>(?:${wordNumbers}|\d+)\s+(?:in|out\s+of)\s+(?:${wordNumbers}|\d+)|(?:a|one|two|three|four|five|six|seven|eight|nine)[\s-](?:${fractions})|half)\b(?!-)`,
  // Spelled-out numbers, compounds included ("forty-two", "twenty five").
  String.raw`(?<words>(?:${wordNumbers})(?:[\s-](?:${wordNumbers}))*)\b(?!-(?!year|day|week|month|hour|minute))`
]

/**
 * Every figure expression. A digit's figure must not follow a letter, digit
 * or one of / \ . : # @ _ ("B52", "1.5" inside "v1.5", "#10"), a spelled-out
 * number not a letter or hyphen: those tests are made in `nextFigure`, not by
 * lookbehinds, so that the pattern needs no Unicode mode, whose case folding
 * makes it three times as slow to compile (a short draft's first run waits for
 * it) and slower to run.
 */
const figurePattern = new RegExp([digitFigure, ...wordFigures].join('|'), 'gi')
/** The word figures alone, at one place: where a digit's figure failed its test, the pattern would try them there. */
const wordFigurePattern = new RegExp(wordFigures.join('|'), 'iy')
const beforeDigits = /^[\p{L}\p{N}/\\.:#@_]$/u
const beforeWords = /^[\p{L}-]$/u

/** Whether the character (a whole code point) just before `index` is one of a class. */
function preceded(text: string, index: number, set: RegExp): boolean {
  if (index === 0) return false
  const low = text.charCodeAt(index - 1)
  const high = index > 1 ? text.charCodeAt(index - 2) : 0
  const pair = low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff
  return set.test(text.slice(pair ? index - 2 : index - 1, index))
}

/**
 * The next figure expression from `figurePattern.lastIndex`, as the pattern
 * with its lookbehinds (`(?<![\p{L}\p{N}/\\.:#@_])` before the digits,
 * `(?<![\p{L}-])` before the words, Unicode mode) would find it.
 */
export function nextFigure(text: string): RegExpExecArray | null {
  for (;;) {
    const match = figurePattern.exec(text)
    if (!match) return null
    const at = match.index
    if (match.groups!.num !== undefined) {
      if (!preceded(text, at, beforeDigits)) return match
      // Not a figure here: the word figures may still start here.
      wordFigurePattern.lastIndex = at
      const other = wordFigurePattern.exec(text)
      if (other && (other.groups!.words === undefined || !preceded(text, at, beforeWords))) {
        figurePattern.lastIndex = wordFigurePattern.lastIndex
        return other
      }
    } else if (match.groups!.words === undefined || !preceded(text, at, beforeWords)) return match
    figurePattern.lastIndex = at + 1
  }
}

/** Starts `nextFigure` at the beginning of a text. */
export function firstFigure(text: string): RegExpExecArray | null {
  figurePattern.lastIndex = 0
  return nextFigure(text)
}

const currencyAfterPattern = new RegExp(`^${currencyAfter}`, 'iu')
const fractionEnd = new RegExp(`(?:${fractions})$`)

const approximatorPattern = new RegExp(`(?:^|[^\\p{L}])(${[...approximators].sort((a, b) => b.length - a.length).join('|')})\\s+$`, 'iu')
/** The last words of the approximators ("least" of "at least"). */
const approximatorEnds = new Set(approximators.map((a) => a.split(' ').at(-1)!))

/**
 * `approximatorPattern` on a text, after a test of its last word (`endWord`,
 * as the Unicode pattern folds case): the pattern, anchored at the end, tries
 * every place in the text, and most figures follow no approximator.
 */
export function approximatorAtEnd(text: string): RegExpExecArray | null {
  return approximatorEnds.has(endWord(text, true)) ? approximatorPattern.exec(text) : null
}

interface Raw {
  start: number
  end: number
  kind: FigureKind
  value: number | undefined
  small: boolean
  not: string | undefined
  approx: string | undefined
}

/**
 * Whether a sentence has a word that can start a figure: a digit,
 * "thousands", "forty-two" ("a" excepted: it only starts one with a fraction
 * after it). One tight pass: every sentence asks.
 */
function mentionsNumber(words: readonly Token[]): boolean {
  for (let k = 0; k < words.length; k++) {
    const t = words[k]!
    const c = t.value.charCodeAt(0)
    if (c >= 48 && c <= 57) return true
    // Number words are three letters or more ("one", "half", "hundreds").
    const norm = t.norm
    if (norm.length < 3) continue
    // (A word as the tokenizer flagged it; a compound, "forty-two", by its first part.)
    const hyphen = t.value.indexOf('-')
    if (hyphen === -1 ? (t.flags & NUMBER) !== 0 : numberWords.has(t.value.slice(0, hyphen).toLowerCase())) return true
  }
  return false
}

export function findFigures(doc: Document, sentence: Sentence, quotes: readonly Quotation[]): Figure[] {
  // Most sentences have no number at all: skip the pattern for them.
  if (!mentionsNumber(sentence.words) && !/\d/.test(doc.text.slice(sentence.start, sentence.end))) return []
  const text = doc.text.slice(sentence.start, sentence.end)
  const headline = isHeadline(sentence, text)
  const raws: Raw[] = []
  for (let match = firstFigure(text); match; match = nextFigure(text)) {
    const raw = classify(match, text)
    if (raw) raws.push(raw)
  }
  const merged = mergeRanges(raws, text)
  const figures: Figure[] = []
  for (const raw of merged) {
    const start = sentence.start + raw.start
    const end = sentence.start + raw.end
    let not = raw.not
    if (!not && inside(quotes, start, end)) not = 'quoted'
    // A headline's figure is sourced in the story below it.
    if (!not && headline) not = 'headline'
    if (!not && raw.small && !raw.approx && !nearCasualty(text, raw)) not = 'small count'
    // "Commodore 64 enthusiasts…": a name that opens the sentence, and that the story writes with a capital elsewhere.
    if (!not && !raw.approx) {
      const lead = /^\s*(\p{Lu}[\p{L}&'’.-]*)\s+$/u.exec(text.slice(0, raw.start))
      const word = lead?.[1]!.toLowerCase()
      if (word && /^\d/.test(text.slice(raw.start)) && !stopwords.has(word) && !months.has(word) && !weekdays.has(word) && !approximators.some((a) => a === word) && names(doc).has(word)) not = 'identifier'
    }
    const figureText = doc.text.slice(start, end)
    const nouns = nounsAfter(text, raw.end)
    const refersBack = /^\s+of\s+(?:these|those|them|which)\b/i.test(text.slice(raw.end))
    // (One literal, `not` undefined for a statistic: one shape for every figure, which the rules read in their hottest loops.)
    figures.push({start, end, text: figureText, kind: raw.kind, statistic: !not, not, sentence: sentence.index, nouns, refersBack})
  }
  return figures
}

function classify(match: RegExpExecArray, text: string): Raw | undefined {
  const g = match.groups!
  let start = match.index
  let end = start + match[0].length
  // What comes before, as far back as any test looks: a pattern anchored at the end scans all of it.
  const from = Math.max(0, start - 160)
  const before = text.slice(from, start)
  // (Read by three tests late in the chain: worked out when the first of them runs, as most figures are settled by then.)
  let clause = ''
  const after = text.slice(end)
  const prev = lastWord(before)
  const next = firstWord(after)
  let kind: FigureKind = 'count'
  let value: number | undefined
  let small = false
  let not: string | undefined

  if (g.num !== undefined) {
    const num = g.num
    value = Number(num.replace(/,/g, ''))
    const hasCurrency = Boolean(g.cur) || currencyAfterPattern.test(after)
    const hasScale = Boolean(g.scale)
    const hasPercent = Boolean(g.pct)
    // A unit written on to the number ("350km", "44C", "5,000mAh").
    const attached = /^[\p{L}°]+/u.exec(after)?.[0] ?? ''
    const unitWord = attached || next
    const unit = unitWord.toLowerCase()
    // "4 in 10 voters", "one in five": a share, whatever way its first number is written.
    const outOf = !hasCurrency && !hasScale && !hasPercent ? /^\s+(?:in|out\s+of)\s+(\d+)\b(?![.,]\d)/.exec(after) : null
    if (outOf && [2, 3, 4, 5, 6, 8, 10, 20, 50, 100, 1000].includes(Number(outOf[1])) && value < Number(outOf[1])) {
      kind = 'share'
      end += outOf[0].length
    } else if (hasPercent) kind = 'percentage'
    else if (hasCurrency) kind = 'money'
    else if (measureUnits.has(unit) || measureUnits.has(unit.replace(/^°/, '°'))) kind = 'measure'

    // "3G", "4K": a letter written on to a number names a standard, not a unit.
    if (/^[A-Z]$/.test(attached) && attached !== 'C' && attached !== 'F' && attached !== 'K') kind = 'count'
    // "the 200m final", "300m stage": a race, not 200 million.
    // "the 200m final", "the 1500m and 5,000m": a race, not 200 million (which news writes with a noun: "5m people").
    if (g.scale && /^m$/.test(g.scale.trim()) && !g.cur && (eventNouns.test(after) || (/\bthe\s+$/i.test(before) && /^\s*(?:[,.;:)]|$)/.test(after)) || (/\bthe\s+(?:final|last|closing)\s+$/i.test(before) && value <= 10000 && value % 50 === 0) ||
      (raceDistances.has(value) && !/^\s+(?:people|users|customers|viewers|copies|jobs|homes|households|passengers|visitors|subscribers|members|votes|voters|shares|barrels|tonnes|units|pounds|dollars|euros|years)\b/i.test(after)))) not = 'identifier'
    if (attached && kind === 'count' && !hasScale) {
      if (/^(?:st|nd|rd|th)$/i.test(attached)) not = 'ordinal'
      else if (/^s$/i.test(attached)) not = 'decade'
      else if (/^(?:am|pm|h|hrs|gmt|bst|utc|cet|est|edt|pst)$/i.test(attached)) not = 'time'
      else not = 'identifier'
    }
    if (attached) end += attached.length
    else if (kind === 'measure' && next) end = start + match[0].length + after.indexOf(next) + next.length
    if (g.cur === undefined && hasCurrency) {
      const c = currencyAfterPattern.exec(after)
      if (c) end = start + match[0].length + c[0].length
    }

    const plain = !hasCurrency && !hasScale && !hasPercent && kind === 'count'
    // "the 1980's", "Germany during the 30's": a decade written with an apostrophe.
    if (!not && plain && /^['’]s\b/.test(after) && (value % 10 === 0)) not = 'decade'
    if (!not && plain && /^\d{4}$/.test(num) && value >= 1000 && value <= 2199) not = 'year'
    else if (!not && plain && /^\d{5,}$/.test(num)) not = 'identifier'
    else if (!not && /^[:.]\d/.test(after) && /^\d{1,2}$/.test(num)) not = 'time'
    else if (!not && /^\s?(?:a\.m\.|p\.m\.|am\b|pm\b|GMT|BST|UTC|CET|EST|EDT|PST|hrs\b)/i.test(after)) not = 'time'
    else if (!not && plain && /^\d{1,2}$/.test(num) && (months.has(prev) || months.has(next) || weekdays.has(prev) || dayRange.test(after))) not = 'date'
    else if (!not && /^[-–]\d/.test(after) && /[\p{L}]-$/u.test(before) === false && isScore(text, end)) not = 'score'
    else if (!not && /[-–]$/.test(before) && /\d[-–]$/.test(before) && plain) not = 'score'
    else if (!not && mayEndInLetter(before) && /(?:\p{L}|\p{L}[-–])$/u.test(before)) not = 'identifier'
    else if (!not && plain && isAge(before, after, value)) not = 'age'
    else if (!not && plain && /^\+/.test(after) && value <= 21) not = 'age'
    else if (!not && isIdentifier(before, prev, after)) not = 'identifier'
    else if (!not && plain && /^\s*$/.test(before) && /^[.)]\s/.test(after)) not = 'list number'
    else if (!not && plain && /\bvoted\s+$/i.test(before) && /^\s+to\s+\d/.test(after)) not = 'tally'
    else if (!not && before.includes('(') && conversion.test(before)) not = 'conversion'
    else if (!not && plain && sampleEnds.has(endWord(before)) && sample.test(before)) not = 'sample size'
    else if (!not && marketData(clause = clauseBefore(before, from > 0))) not = 'market data'
    else if (!not && kind === 'money' && price.test(clause) && !hedged.test(text)) not = 'price'
    else if (!not && plain && sportsRecord.test(after)) not = 'sports record'
    else if (!not && mayReport.test(clause) && ownResults.test(clause)) not = 'company results'
    else if (!not && /^-\d+[A-Za-z]*/.test(after) && /^-\d*[A-Za-z]/.test(after.replace(/^-\d+(?=[A-Za-z])/, '-x'))) not = 'identifier'
    else if (!not && specUnits.test(attached || ` ${next}`)) not = 'specification'
    else if (!not && /^(?:ft|in|feet|inches|st|stone|m|cm)\b/i.test(attached || next) && /^\s?(?:ft|feet|in|inches|st|stone|m|cm)?\s*\d+\s?(?:in|inches|lb|lbs|cm)\b/i.test(after.replace(/^\s?(?:ft|feet|st|stone|m)\b/i, ''))) not = 'height'
    // "a 120-room hotel", "a three-judge panel", "a 50-state strategy": a count that describes, not a claim.
    else if (!not && plain && /^-\p{Ll}+\s+\p{L}/u.test(after) && !/^-(?:a|per|fold|odd|plus)\b/i.test(after)) not = 'descriptor'
    else if (!not && plain && /^\s+(?:most|best|top|greatest|richest|biggest|largest|worst)\b/i.test(after)) not = 'ranking'
    else if (!not && /^\([a-z]\)/i.test(after)) not = 'identifier'
    // "his 757 jet", "an AK 47 rifle": a number before one vehicle or weapon is its model.
    else if (!not && plain && value > 9 && modelNoun.test(after)) not = 'identifier'
    if (!not && timeUnits.has(unitAfter(after))) not = 'duration'
    // "7.5 connections per 100 people": the base of a rate, not a count.
    if (!not && plain && /\bper\s+$/i.test(before)) not = 'rate base'
    // "2340 on BBC Two", "at 0930": a time on the 24-hour clock.
    if (!not && plain && /^\d{4}$/.test(num) && Number(num.slice(0, 2)) < 24 && Number(num.slice(2)) < 60 && (/\b(?:at|from|until|till|by)\s+$/i.test(before) || /^\s*(?:on|GMT|BST|hrs|hours|local)\b/i.test(after))) not = 'time'
    // "fines of up to £5,000", "a maximum sentence of 14 years", "a minimum stake of £25": a limit set by rules.
    if (!not && mayLimit.test(before) && limit.test(before)) not = 'limit'
    // "50 Cent": a name.
    if (!not && /^\s?Cent\b/.test(after)) not = 'identifier'
    // "N percent turnout", "turnout of N percent": a declared result.
    if (!not && hasPercent && (/^\s+turnout\b/i.test(after) || /\bturnout\s+(?:was|of|at|reached|stood\s+at)\s+(?:(?:just|only|nearly|almost|about|around)\s+)?$/i.test(before))) not = 'result'
    // "won 52% of the vote", "passed with 57.5 percent of the vote": a declared result, public record.
    if (!not && hasPercent && /^\s+of\s+(?:the\s+)?(?:popular\s+|first-round\s+|national\s+)?votes?\b/i.test(after) && /\b(?:won|took|received|secured|garnered|gained|polled|got|passed\s+with|approved\s+by|backed\s+by|rejected\s+by|with)\s+(?:(?:just|only|nearly|almost|about|around|more\s+than|over|less\s+than|under)\s+)?$/i.test(before)) not = 'result'
    // "the top 1 percent", "the 99%": a group, not a measurement.
    if (!not && hasPercent && (value <= 1 || value === 99) && /\bthe\s+(?:top\s+|richest\s+|other\s+)?$/i.test(before) && /^\s*(?:[,.;:)!?]|$|who\b|and\b|or\b)/.test(after)) not = 'group'
    if (!not && kind === 'measure' && distanceUnits.has(unit) && locativePrepositions.has(prev)) not = 'position'
    // "the final 300m", "a shot from 10 yards": where in a race or on a pitch, not a measurement to source.
    if (!not && kind === 'measure' && distanceUnits.has(unit)) {
      const past = after.replace(/^\s?[\p{L}]+/u, '')
      if (/\bthe\s+(?:final|last|closing)\s+$/i.test(before) || (prev === 'from' && /^\s*(?:[,.;:)!?]|$|and\b)/.test(past)) || /^\s*out\b/.test(past)) not = 'position'
    }
    // "a 360-degree view", "a 10-mile walk": a measure written on to a noun describes it.
    if (!not && kind === 'measure' && /^-\p{Ll}+\s+\p{L}/u.test(after) && !/^-(?:a|per)\b/i.test(after)) not = 'descriptor'
    small = plain && Number.isInteger(value) && value <= 10
  } else if (g.vague !== undefined) {
    kind = 'count'
    if (timeUnits.has(unitAfter(after, true))) not = 'duration'
  } else if (g.share !== undefined) {
    kind = 'share'
    const share = g.share.toLowerCase()
    if (/\bin\s+\d{4}$/.test(share)) return undefined
    const approx = approximatorAtEnd(before)?.[1]?.toLowerCase()
    // "the second half of July", "the first half": a period.
    if (/\b(?:first|second|latter|former|final|last|opening|closing|next)\s+$/i.test(before) && /^half$|quarter/.test(share.split(/[\s-]/).pop()!)) return undefined
    if (/^\s+of\s+(?:the\s+)?(?:year|month|season|century|decade|january|february|march|april|may|june|july|august|september|october|november|december|\d{4})\b/i.test(after)) return undefined
    if (/^half$/.test(share)) {
      if (!(/^\s+of\b/i.test(after) || (approx && claimingApproximators.has(approx)) || /\bby\s+$/i.test(before))) return undefined
      if (/^\s+(?:an?\s+)?(?:hour|day|year|century|decade|time|way|term|season)/i.test(after)) return undefined
    } else if (fractionEnd.test(share) && /^(?:a|one|two|three|four|five|six|seven|eight|nine)[\s-]/.test(share) && !/^(?:two|three|four|five|six|seven|eight|nine)-(?:thirds|quarters|fifths|tenths)$/.test(share)) {
      // "a third of", "by a quarter": but not "a third term" or "the third quarter".
      if (!(/^\s+of\b/i.test(after) || /\bby\s+$/i.test(before) || (approx && claimingApproximators.has(approx)))) return undefined
      if (/\b(?:the|its|their)\s+$/i.test(before)) return undefined
    }
    if (timeUnits.has(unitAfter(after.replace(/^\s+of\s+(?:an?\s+)?/i, ' '), true))) not = 'duration'
  } else if (g.words !== undefined) {
    // "one Six Nations outing": a capital starts a name, not the rest of the number.
    if (/[\s-]\p{Lu}/u.test(g.words)) return undefined
    const words = g.words.toLowerCase()
    if (words === 'one' || words === 'dozen' || /^(?:million|billion|trillion)$/.test(words)) return undefined
    value = smallWords[words]
    small = value !== undefined
    // "six-year journey", "30-day pause": a compound with a time unit.
    if (/^-(?:year|day|week|month|hour|minute)/i.test(after) || timeUnits.has(unitAfter(after))) not = 'duration'
    else if (/^-(?:year-old|years?-old)/i.test(after)) not = 'age'
    else if (/^\s+(?:times)\s+(?:more|less|fewer|higher|lower|greater|bigger|larger|smaller|faster|slower|as|the|that|likely|over)\b/i.test(after)) {
      kind = 'multiplier'
      small = false
      end += /^\s+times/i.exec(after)![0].length
    } else if (isAge(before, after, value ?? 99)) not = 'age'
    else if (identifierCues.has(prev) || isIdentifier(before, prev, after)) not = 'identifier'
  }

  if (g.num !== undefined && /^\s+times\s+(?:more|less|fewer|higher|lower|greater|bigger|larger|smaller|faster|slower|as|the|that|likely|over)\b/i.test(text.slice(end))) {
    kind = 'multiplier'
    small = false
    end += /^\s+times/i.exec(text.slice(end))![0].length
  }

  // "the 1,237 delegates needed to win", "the 60 votes required for": a threshold set by rules, not a claim.
  const lead = Math.max(0, start - 40)
  if (!not && /\bthe\s+$/i.test(text.slice(lead, start)) && threshold.test(text.slice(end))) not = 'threshold'
  // "865 delegates are at stake", "the 213 seats up for grabs": the size of a contest, set by its rules
  // (not "5,000 jobs at stake": what a decision risks is a claim).
  if (!not && atStake.test(text.slice(end))) not = 'threshold'

  // Take in the approximator before the number ("at least", "more than", "up to").
  const approx = approximatorAtEnd(text.slice(lead, start))
  let approxWord: string | undefined
  if (approx) {
    const word = approx[1]!.toLowerCase()
    if (claimingApproximators.has(word) || absorbed.has(word)) {
      start = lead + approx.index + approx[0].toLowerCase().lastIndexOf(word)
      if (claimingApproximators.has(word)) approxWord = word
    }
  }
  // (One shape, absent values undefined: no object built and copied by a spread.)
  return {start, end, kind, value, small, not, approx: approxWord}
}

const limit = /\b(?:(?:maximum|minimum|max|min)\s+(?:[\p{L}-]+\s+){0,2}(?:of\s+)?|(?:fines?|penalty|penalties|sentences?|jail\s+terms?|prison\s+terms?|compensation|damages)\s+of\s+up\s+to\s+|(?:fined|jailed|imprisoned|sentenced)\s+(?:for\s+)?up\s+to\s+|(?:limited|capped)\s+(?:at|to)\s+)$/iu
/**
 * Words every limit has ("maximum", "min", "up to", "capped"): a plain pattern
 * that rules most text out before the Unicode one, which reads the whole
 * window from every place in it. (The Unicode pattern also lets "ſ" match "s"
 * and "K" (Kelvin) "k": no piece here has either letter.)
 */
const mayLimit = /max|min|up|limited|capped/i

/** Nouns a model number goes before, in the singular: "his 757 jet" (not "40 jets" nor "50 fighter jets", counts). */
const modelNoun = /^\s+(?:jet|jetliner|airliner|jumbo|plane|bomber|fighter|helicopter|rifle|pistol|engine|locomotive|tank|handset|chipset|processor)\b(?!-)(?!\s+[\p{L}-]+s\b)/iu
const atStake = /^\s+(?:[\p{L}-]+\s+)?(?:delegates|seats|votes|places|spots|medals|titles|points|electoral\s+votes)\s+(?:(?:are|were|is|was|remain|remained)\s+)?(?:at\s+stake|up\s+for\s+grabs)\b/u
const threshold = /^\s+(?:[\p{L}-]+\s+){0,2}(?:needed|required|necessary)\s+(?:to(?!\s+be\b)|for)\b/u

/** A figure in brackets right after another is a conversion: "77m euros (£53m; $100m)". */
const conversion = /\d[\d.,]*\s?(?:[\p{L}$£€¥]+\s?){0,2}\((?:[^()]*[;,]\s*)?[^()\d]{0,4}$/u

/** "22 and 23 June", "3-5 March". */
const dayRange = /^\s*(?:and|to|-|–)\s*\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b/i

/** Nouns after a distance that make it the name of a race or event. */
const eventNouns = /^\s*(?:titles?|races?|finals?|heats?|stage|mark|hurdles|freestyle|backstroke|breaststroke|butterfly|medley|relays?|sprints?|events?|records?|champion|championships?|gold|silver|bronze|dash|run|semi-finals?|crown|world)\b/i

/**
 * A share, index or currency move ("shares in X fell 6.4%", "the dollar hit
 * $1.3667"): public market data, quoted from the market itself.
 */
const marketMove = /\b(?:shares?|stocks?|index|indices|sterling|the\s+(?:dollar|euro|pound|yen|yuan|rupee|rouble|ruble|franc)|(?:FTSE|Dow|Nasdaq|Nikkei|S&P|Dax|DAX|Cac|CAC|Hang\s+Seng|Sensex|Kospi)\b[^,;]*|bonds?|yields?)\b[^,;.]{0,60}\b(?:rose|rise|rises|fell|fall|falls|closed|close|gained|gains|dropped|jumped|slipped|climbed|lost|traded|ended|finished|opened|surged|plunged|tumbled|edged|hit|touched|slid|sank|soared|rallied|was\s+(?:down|up)|were\s+(?:down|up)|up|down)\b(?:[^;.]|\.(?=\d)){0,50}$|\b(?:oil|crude|brent|gold|silver|copper|futures|prices?)\b[^;.]{0,40}\b(?:closed|settled|traded|ended|finished|opened)\b(?:[^;.]|\.(?=\d)){0,40}$/

/** A listed price ("costs $15 a month", "available from 70 euros"): public, unless the sentence hedges it. */
const price = /(?<!\b(?:will|would|could|may|might|to|and)\s)\b(?:costs|costing|priced\s+at|retails?\s+(?:for|at)|sells?\s+for|selling\s+for|on\s+sale\s+(?:for|at)|available\s+(?:from|for)|a\s+price\s+of|price\s+tag\s+of|subscription\s+of|fee\s+of)\s+(?:(?:as\s+little\s+as|just|only|from|around|about|up\s+to)\s+)*$/i
const hedged = /\b(?:rumou?red|reportedly|tipped|expected|could|may|might|is\s+said|are\s+said|leaks?|allegedly)\b/i

/** A player's career or season record: public. */
const sportsRecord = /^\s+(?:(?:league|international|first-team|senior|test|career|competitive)\s+)?(?:appearances|caps|goals|tries|wickets|centuries|assists|starts|medals|titles|touchdowns|home\s+runs|rebounds|aces|birdies)\b/i

/** "Lenovo's profit for the quarter was HK$327m": a company's own published results. */
const ownResults = new RegExp([
  // "Lenovo's profit for the quarter was…"
  String.raw`(?:^|\s)\p{Lu}[\p{L}&.-]*(?:\s\p{Lu}[\p{L}&.-]*)*['’]s?\s+(?:[\p{L}-]+\s+){0,3}(?:[Pp]rofits?|[Rr]evenues?|[Ss]ales|[Tt]urnover|[Ee]arnings|[Ll]oss(?:es)?|net\s+income|[Dd]ividends?)\b[^.;]{0,80}$`,
  // "Quarterly profits at US media giant TimeWarner jumped…"
  String.raw`\b(?:[Pp]rofits?|[Rr]evenues?|[Tt]urnover|[Ee]arnings|[Ll]oss(?:es)?|[Ss]ales)\s+(?:at|of|for)\s+(?:[\p{L}-]+\s+){0,4}\p{Lu}[^.;]{0,80}$`,
  // "Sales surged to $805.9m": the accounts of the company the story is about.
  String.raw`^\s*(?:[Ss]ales|[Rr]evenues?|[Pp]rofits?|[Tt]urnover|[Ee]arnings)[^.;]{0,80}$`,
  // "Net profit was $186m", "Operating profit in the three months… was": a company's accounts, reported in its story.
  String.raw`^\s*(?:(?:[Nn]et|[Pp]re-tax|[Pp]retax|[Oo]perating|[Gg]ross|[Uu]nderlying|[Aa]nnual|[Qq]uarterly|[Hh]alf-year|[Ff]ull-year|[Ff]irst-half|[Ss]econd-half)\s+)+(?:profits?|income|loss(?:es)?|revenues?|earnings)\b[^.;]{0,80}$`
].join('|'), 'u')
/** A piece of every word `ownResults` needs (profits, revenue, sales, turnover, earnings, loss, income, dividends): it rules most clauses out. */
const mayReport = /rofit|evenue|ales|urnover|arnings|oss|ncome|ividend/

/** The words of the clause before a figure (back to the last comma, semicolon or dash). */
function clauseBefore(before: string, truncated: boolean): string {
  const cut = Math.max(before.lastIndexOf(';'), before.lastIndexOf(' - '), before.lastIndexOf('—'))
  // A clause that starts before the window does not start where the window does (for patterns anchored at "^").
  return cut === -1 && truncated ? '\u0000' + before : before.slice(cut + 1)
}

const raceDistances = new Set([60, 100, 110, 200, 400, 800, 1500, 3000, 5000, 10000])

/** Storage, speed and resolution: a product's specification, not a claim about the world. */
const specUnits = /^\s?(?:gb|mb|tb|kb|gigabytes?|megabytes?|terabytes?|ghz|mhz|megapixels?|mp|mah|mbps|gbps|kbps|bit|bits|inch|in\.)\b/i

/** "A survey of 2,000 adults", "the trial followed 9,400 patients": how a source was made, not a claim. */
const sample = /\b(?:survey|surveys|poll|polls|study|studies|sample|trial|trials|census|questionnaire|review|analysis)\s+(?:of|among|involving|covering)\s+(?:(?:more|fewer|less)\s+than\s+|nearly\s+|about\s+|around\s+|some\s+|over\s+)?$|\b(?:surveyed|polled|questioned|interviewed|sampled|recruited|enrolled)\s+(?:(?:more|fewer|less)\s+than\s+|nearly\s+|about\s+|around\s+|some\s+|over\s+)?$/i

/** Modifiers that belong to the figure's span but do not make a small count a claim. */
const absorbed = new Set(['some', 'just', 'only', 'a record', 'an additional', 'a further'])

/**
 * A heading, the first line when it has no full stop, or a line of its own in
 * title case ("Best Savings Accounts of 2024: Earn Up to 5.5%"): headlines
 * are sourced by the story under them.
 */
const headlines = memo<Sentence, boolean>('copydesk headline')

/** `isHeadline`, worked out once a sentence (the rules ask it of every hit). */
export function headlineOf(sentence: Sentence, documentText: string): boolean {
  let value = headlines.get(sentence)
  if (value === undefined) headlines.set(sentence, (value = isHeadline(sentence, documentText.slice(sentence.start, sentence.end))))
  return value
}

export function isHeadline(sentence: Sentence, text: string): boolean {
  if (sentence.block === 'heading') return true
  if (!sentence.lineStart || !sentence.lineEnd || /[.!?…]["”’']*$/.test(text.slice(-12))) return false
  if (sentence.index === 0) return true
  const long = sentence.tokens.filter((t) => t.word && t.value.length > 3 && !/^\d/.test(t.value))
  return long.length >= 3 && long.filter((t) => t.capital).length / long.length >= 0.6
}

function isScore(text: string, end: number): boolean {
  const rest = text.slice(end)
  const m = /^[-–](\d+)\b(?![.,]?\d|\s?%|\s?per\s?cent)\s*([\p{L}]*)/u.exec(rest)
  if (!m) return false
  if (Number(m[1]) >= 100) return false
  const noun = m[2]!.toLowerCase()
  // "20-30 people" is a range; "2-0 win", "3-1 Castleton" and a bare "4-0" are scores.
  return noun === '' || /^\p{Lu}/u.test(m[2]!) || /^(?:win|wins|victory|defeat|draw|lead|loss|home|away|aggregate|scoreline|thrashing|margin|vote|victories|defeats|on|in|at|against|over|to|with|after|and|but|as|for|the|a|an|by|win|in|scoreline|triumph|success|reverse|home|away|loss|lead)$/.test(noun)
}

/**
 * The ASCII letters, in lower case, that end a text before its closing white
 * space ("" without any: "aged" in "children aged "). A pattern that ends in
 * `\bword\s+$` (case-insensitive, not Unicode) matches only where this is
 * the word: tested first, it spares the pattern a try from every place in
 * the text. With `unicode`, for a pattern in Unicode mode, whose case folding
 * reads "ſ" as s and "K" (Kelvin) as k, those count as the letters they fold to.
 */
export function endWord(text: string, unicode = false): string {
  let end = text.length
  while (end > 0 && isSpace(text.charCodeAt(end - 1))) end--
  if (end === text.length) return ''
  let from = end
  while (from > 0 && (asciiLetter(text.charCodeAt(from - 1)) || (unicode && (text.charCodeAt(from - 1) === 0x17f || text.charCodeAt(from - 1) === 0x212a)))) from--
  const word = text.slice(from, end).toLowerCase()
  return unicode && word.includes('ſ') ? word.replace(/ſ/g, 's') : word
}

const asciiLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122)

/** The last words of `sample`'s phrases ("a survey of ", "polled more than "). */
const sampleEnds = new Set(['of', 'among', 'involving', 'covering', 'than', 'nearly', 'about', 'around', 'some', 'over', 'surveyed', 'polled', 'questioned', 'interviewed', 'sampled', 'recruited', 'enrolled'])
/** The words before an age limit ("aged 18", "under 16"). */
const ageLimits = new Set(['aged', 'age', 'ages', 'under', 'over'])

/** Whether a text can end in a letter or a letter and a dash: its last character is a letter, a dash or past ASCII. */
export function mayEndInLetter(text: string): boolean {
  const c = text.charCodeAt(text.length - 1)
  return c >= 128 || c === 45 || asciiLetter(c)
}

/** Whether a text can end in "#", "№", "No", "No." or "Nos" and white space: its last other character is one of # № o s . */
export function mayEndInNumberSign(text: string): boolean {
  let end = text.length
  while (end > 0 && isSpace(text.charCodeAt(end - 1))) end--
  const c = text.charCodeAt(end - 1)
  return c === 35 || c === 0x2116 || c === 111 || c === 79 || c === 115 || c === 83 || c === 46
}

/**
 * A market move in the clause before a figure: the words `marketMove` needs
 * (a share, an index, a currency, a commodity, a price), looked for first.
 */
const mayMarket = /share|stock|index|indices|sterling|dollar|euro|pound|yen|yuan|rupee|rouble|ruble|franc|FTSE|Dow|Nasdaq|Nikkei|S&P|Dax|DAX|Cac|CAC|Hang|Sensex|Kospi|bond|yield|oil|crude|brent|gold|silver|copper|futures|price/
const marketData = (clause: string) => mayMarket.test(clause) && marketMove.test(clause)

function isAge(before: string, after: string, value: number): boolean {
  if (value > 125 || !Number.isInteger(value)) return false
  if (/^-?(?:\s)?years?-old|^-year-old|^\s+years?\s+old\b|^\s+years?\s+of\s+age\b/i.test(after)) return true
  const last = endWord(before)
  if (ageLimits.has(last) && /\b(?:aged|age|ages|under|over)\s+$/i.test(before) && /\b(?:aged|age|ages|adults|children|people|those|anyone|everyone|pupils|students|women|men|patients|voters|residents|drivers|citizens|workers|users|players|girls|boys|kids|teenagers|customers|anybody)\s+(?:over|under|aged)?\s*$/i.test(before)) return true
  if ((last === 'aged' || last === 'ages' || last === 'of') && /\b(?:aged|ages|age\s+of|ages\s+of)\s+$/i.test(before)) return true
  // "Daniel Morrow, 51, of Leeds", "The victim, 15, was".
  if (/^\s*(?:,|\.|\)|;|$)/.test(after) && /[\p{L}.]\s*,\s+$/u.test(before) && /\p{Lu}[\p{L}'’-]*\s*,\s+$|\b(?:victim|boy|girl|man|woman|teenager|child|mother|father|son|daughter|wife|husband|pensioner|driver|suspect|lister)\s*,\s+$/u.test(before)) return true
  // "She is 44", "Tara Vale was 26".
  if (/^\s*(?:[,.;)]|$|and\b|when\b|years?\b)/.test(after) && /(?:\b(?:he|she|they|i|we)|\p{Lu}[\p{L}'’-]+)\s+(?:is|was|turned|turns|turning)\s+$/iu.test(before)) return true
  // "Vale (44)".
  if (/^\)/.test(after) && /\p{Lu}[\p{L}]*\s+\($/u.test(before)) return true
  // "raises the minimum age to buy a rifle to 21".
  if (last === 'to' && /\bage\b[^.;]{0,30}\bto\s+$/i.test(before)) return true
  return false
}

function isIdentifier(before: string, prev: string, after = ''): boolean {
  if (identifierCues.has(prev)) return true
  if (mayEndInNumberSign(before) && /(?:#|№|\bNo\.?|\bNos\.?)\s*$/i.test(before)) return true
  // A number right after a capitalised word is part of a name: Boeing 737, Article 5, Season 3, S&P 500.
  const word = wordBeforeSpace(before)
  if (word === undefined) return false
  if (!/^\p{Lu}/u.test(word)) return false
  if (/['’]s$/.test(word)) return false
  const lower = word.toLowerCase()
  if (months.has(lower) || weekdays.has(lower) || stopwords.has(lower)) return false
  if (approximators.some((a) => a === lower || a.endsWith(' ' + lower))) return false
  // The first word of a sentence is capitalised anyway ("Eight crew…", "Around 6 million…").
  // ("Update 3: …", "Chapter 12:" label what follows.)
  const isFirst = before.trim() === word
  if (isFirst) return /^:/.test(after)
  return true
}

const nameChar = /^[\p{L}\p{N}&.'’-]$/u
const nameStart = /^[\p{L}&]$/u
const bmpNameChar = bmpClass(nameChar)
const bmpNameStart = bmpClass(nameStart)

/** Whether the character from `from` to `to` (one code point) is of `nameChar` (`start`: of `nameStart`). */
function nameCharAt(text: string, from: number, to: number, start: boolean): boolean {
  const c = text.charCodeAt(from)
  if (c < 128) return start ? asciiLetter(c) || c === 38 : asciiLetter(c) || (c >= 48 && c <= 57) || c === 38 || c === 46 || c === 39 || c === 45
  if (to - from === 1 && (c < 0xd800 || c > 0xdfff)) return start ? bmpNameStart(c) : bmpNameChar(c)
  const char = text.slice(from, to)
  return start ? nameStart.test(char) : nameChar.test(char)
}

/**
 * The word that ends a text before its closing white space, as
 * `/([\p{L}&][\p{L}\p{N}&.'’-]*)\s+$/u` captures it ("Boeing" in "a Boeing "),
 * by a scan back from the end: the pattern tries every place in the text.
 */
export function wordBeforeSpace(text: string): string | undefined {
  let end = text.length
  while (end > 0 && isSpace(text.charCodeAt(end - 1))) end--
  if (end === text.length || end === 0) return undefined
  // Back over the run of name characters that ends there (a surrogate pair is one character).
  let from = end
  while (from > 0) {
    let at = from - 1
    const c = text.charCodeAt(at)
    if (c >= 0xdc00 && c <= 0xdfff && at > 0) {
      const high = text.charCodeAt(at - 1)
      if (high >= 0xd800 && high <= 0xdbff) at--
    }
    if (!nameCharAt(text, at, from, false)) break
    from = at
  }
  // The word starts at the run's first letter or `&`.
  for (let at = from; at < end; ) {
    const c = text.charCodeAt(at)
    const low = at + 1 < end ? text.charCodeAt(at + 1) : 0
    const length = c >= 0xd800 && c <= 0xdbff && low >= 0xdc00 && low <= 0xdfff ? 2 : 1
    if (nameCharAt(text, at, at + length, true)) return text.slice(at, end)
    at += length
  }
  return undefined
}

function mergeRanges(raws: Raw[], text: string): Raw[] {
  const out: Raw[] = []
  for (const raw of raws) {
    const last = out.at(-1)
    if (last) {
      if (raw.start < last.end) continue
      const gap = text.slice(last.end, raw.start)
      const between = /\bbetween\s+$/i.test(text.slice(Math.max(0, last.start - 12), last.start))
      // Ranges: "10 to 15 miles", "between 40 and 50", "1.1 billion to 1.3 billion crowns", "20-30".
      if (/^\s*(?:to|-|–)\s*$/i.test(gap) || (between && /^\s*and\s*$/i.test(gap))) {
        if (last.not) {
          // The second half of a range of years, a tally or a score is the same kind of thing.
          if (!raw.not) raw.not = last.not
          last.end = raw.end
          continue
        }
        if (!raw.not) {
          last.end = raw.end
          if (raw.kind !== 'count') last.kind = raw.kind
          last.small = last.small && raw.small
          last.approx ??= raw.approx
          continue
        }
      }
    }
    out.push(raw)
  }
  for (const raw of out) {
    const from = Math.max(0, raw.start - 12)
    const before = text.slice(from, raw.start)
    if (/\bbetween\s+$/i.test(before)) raw.start = from + before.search(/between\s+$/i)
  }
  return out
}

function nearCasualty(text: string, raw: Raw): boolean {
  const around = (text.slice(Math.max(0, raw.start - 40), raw.start) + ' ' + text.slice(raw.end, raw.end + 50)).toLowerCase()
  const words = around.split(/[^\p{L}]+/u)
  return words.some((w) => casualtyWords.has(w))
}

/**
 * The content words among the four words right after a figure (within 60
 * characters): words are runs of letters, `'`, `’` and `-`. A scan that stops
 * at the fourth word (every figure asks: a split of the window made arrays
 * and strings for every word in it).
 */
function nounsAfter(text: string, end: number): string[] {
  const limit = Math.min(text.length, end + 60)
  const found: string[] = []
  let i = end
  for (let taken = 0; i < limit && taken < 4; ) {
    if (nounCharAt(text, i, limit) === 0) {
      i++
      continue
    }
    const from = i
    let step: number
    while (i < limit && (step = nounCharAt(text, i, limit)) > 0) i += step
    taken++
    const word = text.slice(from, i)
    // Names are not what a later sentence calls the figure ("the budget" is; "North Korean" is not).
    const first = word.charCodeAt(0)
    if (first < 128 ? first >= 65 && first <= 90 : upperStart.test(word)) continue
    const lower = word.toLowerCase()
    if (!stopwords.has(lower) && !genericNouns.has(lower) && lower.length > 2 && !timeUnits.has(lower)) found.push(lower)
  }
  return found
}

const letter = /^\p{L}$/u
const bmpLetter = bmpClass(letter)

/** Length (1 or 2 code units) of the letter, `'`, `’` or `-` at `i`, or 0; nothing at or past `limit` counts. */
function nounCharAt(text: string, i: number, limit: number): number {
  const c = text.charCodeAt(i)
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 39 || c === 45 ? 1 : 0
  if (c === 0x2019) return 1
  if (c >= 0xd800 && c <= 0xdbff) {
    const low = i + 1 < limit ? text.charCodeAt(i + 1) : 0
    return low >= 0xdc00 && low <= 0xdfff && letter.test(text.slice(i, i + 2)) ? 2 : 0
  }
  if (c >= 0xdc00 && c <= 0xdfff) return 0
  return bmpLetter(c) ? 1 : 0
}

const wordChar = /[\p{L}\p{N}'’.-]/u
const letterOrDigit = /[\p{L}\p{N}]/u

/** The last word of a text, lower case, without a full stop (a scan from the end: a pattern anchored at "$" reads it all). */
function lastWord(text: string): string {
  let end = text.length
  while (end > 0 && !letterOrDigit.test(text[end - 1]!)) end--
  let start = end
  while (start > 0 && wordChar.test(text[start - 1]!)) start--
  // (The pattern this replaces let the word end in ' . - ’ too.)
  let stop = end
  while (stop < text.length && /['’.-]/.test(text[stop]!)) stop++
  return start === end ? '' : text.slice(start, stop).toLowerCase().replace(/\.$/, '')
}

function firstWord(text: string): string {
  const m = /^[^\p{L}\p{N}°]*([\p{L}°][\p{L}'’-]*)/u.exec(text)
  return m ? m[1]!.toLowerCase() : ''
}

/** The word a number counts, skipping a scale word: "18 months", "six-year", "hundreds of years". */
function unitAfter(after: string, skipOf = false): string {
  let rest = after.replace(/^\s?(?:bn|billion|million|m|thousand|tn|trillion)\b/i, '')
  // ("half of a nine-year sentence": the unit of the compound after "of".)
  if (skipOf) rest = rest.replace(/^\s+of\s+/i, ' ').replace(/^\s+(?:an?\s+|his\s+|her\s+|their\s+|the\s+)?[\p{L}]+-(?=(?:year|month|week|day|hour|minute)s?[\s-]+(?:jail\s+|prison\s+)?(?:sentence|term|ban|stint|spell|tenure|reign|career|contract|suspension)\b)/iu, ' ')
  // "47 continuous years", "three straight seasons": one word of duration before the unit.
  rest = rest.replace(/^\s+(?:continuous|consecutive|straight|successive|full|whole|long)\b/i, '')
  const m = /^[\s-]*([\p{L}]+)/u.exec(rest)
  if (!m) return ''
  if (!/^[\s-]/.test(rest) && rest.length > 0 && /^\p{L}/u.test(rest)) return m[1]!.toLowerCase()
  return m[1]!.toLowerCase()
}
