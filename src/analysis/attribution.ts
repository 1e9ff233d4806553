/**
 * Attributions: who says what in a sentence. A cue ("said", "according to",
 * "data from", "a study by", a passive with "by"), its source, and whether
 * the source is named (a name, an office, a pronoun standing for one) or
 * anonymous ("sources", "officials", "people familiar with the matter").
 */
import {CUE, headlineCase, names, type Document, type Sentence, type Token} from './document.js'
import {inside, type Quotation} from './quotes.js'
import {
  actVerbs, intentVerbs, intentNouns, anonymousHeads, beVerbs, finiteVerbs, bodyNouns, criticismVerbs, hedgeSubjects, hedgingParticiples,
  pronouns, reportingIng, reportingVerbs, revisionVerbs, sourceNouns
} from './lexicon.js'

export type AttributionKind = 'speech' | 'according' | 'data' | 'act' | 'agent'

/** Named, anonymous, or a source the words do not tell ("models predicted"). */
type Status = 'named' | 'anonymous' | 'unclear'

export interface Span {
  readonly start: number
  readonly end: number
  readonly text: string
}

export interface Attribution {
  readonly sentence: number
  readonly kind: AttributionKind
  /** The cue: "said", "according to", "data from", "lashed out". */
  readonly cue: Span
  /** Normalised cue word ("said", "according"). */
  readonly verb: string
  /** Who or what is cited, when the sentence says. */
  readonly source?: Span
  /** The source is named: a person, an office, an organisation, or a pronoun standing for one. */
  readonly named: boolean
  /** The source is unnamed: "sources", "officials", "a person familiar with…". */
  readonly anonymous: boolean
  /** A verb that judges rather than reports ("slammed", "blasted"). */
  readonly criticism: boolean
  /** Where the attributed content ends, when it is narrower than the sentence ("his plan to cut 5,000 jobs, …"). */
  readonly scopeEnd?: number
}

/** Noun-or-verb forms that are only a cue when used as a verb. */
const ambiguous = new Set(`
  report reports estimate estimates claim claims note notes record records release releases quote quotes
  call calls forecast forecasts project projects post posts answer answers order orders rule rules fine fines
  award awards sentence sentences show shows count counts survey surveys poll polls budget budgets
  promise promises pledge pledges warning vow vows tweet tweets reply replies blame deny release
  find finds value values measure measures comment comments suggest states state
`.trim().split(/\s+/))

/** Participles that follow the noun they describe ("a study published in…", "figures released by…"). */
const participles = new Set(`
  published released issued compiled produced conducted commissioned carried obtained leaked circulated seen
`.trim().split(/\s+/))

/** Verbs of saying proper: their indefinite subject ("one GP said") is a person. */
const sayVerbs = /^(?:say|says|said|tell|tells|told|add|adds|added|claim|claims|claimed|insist|insists|insisted|describe|describes|described|admit|admits|admitted|warn|warns|warned|explain|explains|explained|argue|argues|argued|state|states|stated|write|writes|wrote|confirm|confirms|confirmed|reveal|reveals|revealed|disclose|discloses|disclosed|concede|concedes|conceded|deny|denies|denied|believe|believes|believed|predict|predicts|predicted|suggest|suggests|suggested)$/

/** Words that leave a document unnamed: "shocking new figures", "the study". */
const vague = new Set(`
  a an the this that these those new latest recent shocking fresh early earlier preliminary provisional final
  some many several its their worrying alarming startling surprising damning stark grim bleak one two three
  other further more unpublished leaked
`.trim().split(/\s+/))

/** Adverbs set off by commas between a subject and its verb ("Unite, meanwhile, hopes"). */
const sentenceAdverbs = /^(?:meanwhile|however|though|too|instead|nevertheless|meantime|moreover|furthermore|therefore|then|still|again|also|now)$/


const determiners = new Set(`
  a an the this that these those its their his her our my your new latest recent of in on for with by to
  from at annual final official full first same such no any each every another one into about as his
  initial earlier previous preliminary further its own
`.trim().split(/\s+/))

/** Words that end a subject noun phrase when walking back from the verb. */
const clauseBoundaries = new Set(`
  that and but or because while when after before as if though although since until where so whereas
  than whether who which whom whose
`.trim().split(/\s+/))

/** Words between a subject and its verb ("has said", "also told", "is showing"). */
const auxiliaries = new Set(`
  is are was were be been being
  has have had will would could should may might must can did does do also later previously then now
  repeatedly separately earlier again already reportedly allegedly apparently publicly privately
  first initially recently last yesterday today once further still not never just
`.trim().split(/\s+/))

const nationality = /^(?:\p{Lu}[\p{L}]*(?:an|ese|ish)|Israeli|Pakistani|Iraqi|Saudi|Kuwaiti|Yemeni|Bangladeshi|Qatari|Emirati|Somali|Nepali|Afghan|Western|Eastern|Northern|Southern|Arab|Thai|Greek|Dutch|French|Swiss|Czech|Welsh|Scottish|Irish|British|Gulf|Allied|US|U\.S|UK|EU|UN|NATO|Nato)$/u

const spokes = /^(?:spokesperson|spokesman|spokeswoman|spokespeople|representative|statement|governor|minister|secretary|president|chancellor|mayor|chief|director|chair|chairman|chairwoman|head|commissioner|leader|ceo|premier|ambassador|envoy|general|prosecutors?|police|court|judge|coroner|council|ministry|department|agency|office|authority|company|firm|government|army|military|regulator|bank|board|committee|commission|service|group)$/

/** Word lists of the tests below (a set lookup, not a pattern, for words every cue is checked against). */
const modals = new Set(['should', 'must', 'could', 'can'])
const modalStatements = new Set(['confirm', 'reveal', 'say', 'tell', 'report', 'announce', 'disclose'])
const findForms = new Set(['find', 'finds', 'found'])
const experiencers = new Set(['it', 'them', 'themselves', 'himself', 'herself', 'itself'])
const raiseVerbs = new Set(['raised', 'raises', 'raising', 'expressed', 'voiced', 'voices'])
const concerns = new Set(['concern', 'concerns', 'questions', 'doubts', 'fears', 'alarm'])
const putVerbs = new Set(['put', 'puts', 'putting'])
const listVerbs = new Set(['lists', 'listed', 'listing', 'gives', 'gave', 'giving'])
const pointVerbs = new Set(['point', 'points', 'pointed', 'pointing'])
const hitVerbs = new Set(['hit', 'hits', 'hitting', 'lash', 'lashes', 'lashed', 'lashing'])
const plannedWords = new Set(['proposed', 'planned', 'promised', 'pledged', 'intended', 'offered', 'budgeted'])
const chargeVerbs = new Set(['accused', 'charged', 'convicted', 'indicted', 'sentenced'])
const callForms = new Set(['call', 'calls', 'called'])
const nounMarkers = new Set(['a', 'an', 'the', 'its', 'their', 'his', 'her', 'to'])
const callParticles = new Set(['for', 'on', 'off', 'up', 'in', 'out', 'back', 'time'])
const foundStates = new Set(['dead', 'alive', 'guilty', 'himself', 'herself', 'themselves', 'itself'])
const requests = new Set(['not', 'to', 'for', 'about', 'whether', 'if', 'why', 'how', 'what', 'when'])
const decisions = new Set(['approve', 'order', 'rule', 'fine', 'sentence', 'award', 'announce', 'unveil', 'pledge', 'allocate', 'budget'])
const whenWhere = new Set(['on', 'in', 'at', 'last', 'this', 'earlier', 'by', 'from', 'during', 'with'])
const nounOpeners = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its'])
const findingVerbs = new Set(['found', 'finds', 'find', 'show', 'shows', 'showed', 'shown', 'suggest', 'suggests', 'suggested', 'indicate', 'indicates', 'indicated'])
const passiveAdverbs = new Set(['also', 'now', 'not', 'still', 'widely', 'generally', 'often', 'long', 'once', 'further'])
const inNameMarks = new Set(['-', '&', "'", '’', '.'])
const relatives = new Set(['who', 'which', 'whose', 'whom'])
const leadingPrepositions = new Set(['with', 'by', 'from', 'of', 'in', 'on', 'at', 'for', 'to', 'after', 'despite', 'amid', 'as'])
const verbMarkers = new Set(['will', 'would', 'could', 'should', 'may', 'might', 'must', 'can', 'did', 'do', 'does', 'not', 'also', 'often', 'to'])

/** A participle's ending: "-ed", "-wn", "-ld", "-ound", "-ought", "-ken", "-id" ("released", "shown", "told", "found", "thought", "spoken", "said"). */
function participleEnd(norm: string): boolean {
  return norm.endsWith('ed') || norm.endsWith('wn') || norm.endsWith('ld') || norm.endsWith('ound') || norm.endsWith('ought') || norm.endsWith('ken') || norm.endsWith('id')
}

/** A plural in -s, not -ss ("reports", not "press"). */
function plural(norm: string): boolean {
  return norm.length >= 2 && norm.endsWith('s') && norm.charCodeAt(norm.length - 2) !== 115
}

export function findAttributions(doc: Document, sentence: Sentence, quotes: readonly Quotation[], earlierNamed: boolean): Attribution[] {
  const tokens = sentence.tokens
  const found: Attribution[] = []
  const quoted = (t: Token) => inside(quotes, t.start, t.end) !== undefined
  const words = sentence.words
  const headline = headlineCase(words)

  const label = speakerLabel(sentence)
  if (label) found.push(make(doc, sentence, 'speech', [sentence.tokens[label.length]!], ':', label, 'named', false))

  for (let w = 0; w < words.length; w++) {
    const t = words[w]!
    const norm = t.norm
    // Most words are no cue at all: a test of the flag the tokenizer set, before any other work.
    if ((t.flags & CUE) === 0) continue
    if (quoted(t)) continue
    const next = words[w + 1]
    const prev = words[w - 1]
    const prevToken = tokens[t.index - 1]
    // "member states' incomes": a plural with a possessive mark is a noun.
    const nextToken = tokens[t.index + 1]
    if (nextToken && (nextToken.value === "'" || nextToken.value === '’') && nextToken.start === t.end && norm.endsWith('s') && tokens[t.index + 2]?.word && !sourceNouns.has(norm)) continue
    // "Fans should note", "women can expect to live": advice or a supposition, not a statement anyone made
    // (but "police can confirm", "we can reveal" are statements).
    if (prev && modals.has(prev.norm) && reportingVerbs.has(norm) && !norm.endsWith('ed') && !norm.endsWith('s') &&
      !((prev.norm === 'can' || prev.norm === 'could') && modalStatements.has(norm))) continue
    // "pleaded guilty", "people find it hard": a plea, an experience, not a report.
    // ("Chatwal pleaded guilty to making $180,000 in straw donations": the charge is the source, as for "was convicted of".)
    if (norm.startsWith('plead') && next && (next.norm === 'guilty' || next.norm === 'not' || next.norm === 'innocent')) {
      const np = subjectBefore(tokens, t.index)
      if (np.length > 0) found.push(make(doc, sentence, 'act', [t, next], norm, np, 'named', false, clauseEnd(tokens, t.index, sentence)))
      continue
    }
    if (findForms.has(norm) && next && experiencers.has(next.norm) && words[w + 2] && experience.test(words[w + 2]!.norm)) continue

    // "according to X"
    if (norm === 'according' && next?.norm === 'to') {
      const np = nounPhraseAfter(tokens, next.index + 1, true)
      const kind = classify(np, sentence, earlierNamed)
      found.push(make(doc, sentence, 'according', [t, next], 'according', np, kind === 'none' ? 'unclear' : kind, false))
      w++
      continue
    }

    // "data from X", "figures released by X", "a study by X", "X's survey", "a study published in The Lancet"
    if (sourceNouns.has(norm)) {
      const link = words.slice(w + 1, w + 5).find((x) => ['by', 'from', 'in'].includes(x.norm))
      const gap = link ? tokens.slice(t.index + 1, link.index) : []
      if (link && !gap.some((x) => !x.word && x.value !== '-') && gap.filter((x) => x.word).length <= 2) {
        const np = nounPhraseAfter(tokens, link.index + 1)
        if (np.length > 0 && (np.some((x) => x.capital) || np.some((x) => /['’]s?$/.test(x.value) && bodyNouns.has(x.norm)))) {
          found.push(make(doc, sentence, 'data', [t, link], norm, np, 'named', false))
          continue
        }
      }
      const owner = tokens[t.index - 2]
      if (owner && owner.word && owner.capital && /['’]s?$/.test(owner.value) && t.index - 2 > 0) {
        found.push(make(doc, sentence, 'data', [t], norm, [owner], 'named', false))
        continue
      }
      // "in a CNN national poll", "the latest Quinnipiac survey", "ONS figures": a named dataset.
      const modifiers: Token[] = []
      for (let k = w - 1; k >= 0 && modifiers.length < 4; k--) {
        const m = words[k]!
        if (tokens[m.index + 1] !== (modifiers[0] ?? t) && !(tokens[m.index + 1]?.value === '-' )) break
        if ((determiners.has(m.norm) && !m.capital) || m.index === firstWordIndex(sentence)) break
        modifiers.unshift(m)
      }
      // "in the same poll", "that survey": a dataset named a sentence or two before.
      const back = words[w - 1]
      if (earlierNamed && back && (/^(?:this|that|these|those)$/.test(back.norm) || (back.norm === 'same' && words[w - 2]?.norm === 'the'))) {
        found.push(make(doc, sentence, 'data', [t], norm, [back, t], 'named', false))
        continue
      }
      // ("Scottish law", "EU rules": for a law, the nation names it.)
      const named = modifiers.filter((m) => m.capital && (!nationality.test(m.value) || /^(?:law|laws|legislation|constitution|regulations|treaty|statute|charter)$/.test(norm)))
      if (named.length > 0 && !['index', 'model', 'record', 'records', 'accounts', 'results', 'note', 'memo', 'numbers'].includes(norm)) {
        found.push(make(doc, sentence, 'data', [t], norm, [...named], 'named', false))
        continue
      }
    }

    // "some experts have raised concerns"
    if (raiseVerbs.has(norm) && next && concerns.has(next.norm)) {
      const np = subjectBefore(tokens, t.index)
      const kind = classify(np, sentence, earlierNamed)
      if (np.length > 0 && kind !== 'none') found.push(make(doc, sentence, 'speech', [t, next], norm, np, kind, false))
      continue
    }

    // "Gallup's tracking poll puts his approval at 49.5 percent": an estimate.
    // "The agency lists the town's population as 21,090": the same, with "as".
    const putAt = putVerbs.has(norm) ? 'at' : listVerbs.has(norm) ? 'as' : undefined
    if (putAt && words.slice(w + 1, w + 16).some((x, k, list) => x.norm === putAt && list.slice(k + 1, k + 4).some((y) => /^[\d$£€¥]/.test(y.value)))) {
      const np = subjectBefore(tokens, t.index)
      // "some estimates putting the toll at 200,000": a vague estimate is still an estimate.
      const kind = classifyOr(np, sentence, earlierNamed)
      if (np.length > 0) {
        found.push(make(doc, sentence, 'speech', [t], norm, np, kind, false))
        continue
      }
    }

    // "as Churchill points out", "pointed out that"
    if (pointVerbs.has(norm) && next?.norm === 'out') {
      const np = subjectBefore(tokens, t.index)
      const kind = classify(np, sentence, earlierNamed)
      if (np.length > 0 && kind !== 'none') found.push(make(doc, sentence, 'speech', [t, next], norm, np, kind, false))
      w++
      continue
    }

    // "hit out at", "lashed out"
    if (hitVerbs.has(norm) && next?.norm === 'out') {
      const np = subjectBefore(tokens, t.index)
      found.push(make(doc, sentence, 'speech', [t, next], norm, np, classifyOr(np, sentence, earlierNamed), true))
      w++
      continue
    }

    // "his proposal to deport 11 million", "Labour's pledge to build 300,000 homes": the owner's own figure.
    if (intentNouns.has(norm) && (next?.norm === 'to' || next?.norm === 'for') && !verbUse(t, prev, next)) {
      const owner = possessorBefore(tokens, t.index)
      // "…, with plans to spend $10 million": the plans of the clause's subject.
      const subject = !owner && prev?.norm === 'with' && norm === 'plans' ? subjectBefore(tokens, firstVerbIndex(tokens, t.index)) : []
      if (owner || (subject.length > 0 && strictlyNamed(subject, sentence, doc))) {
        found.push(make(doc, sentence, 'act', [t], norm, owner ?? subject, 'named', false, clauseEnd(tokens, t.index, sentence)))
        continue
      }
    }
    // "its proposed $104bn sale", "Labour's planned 300,000 homes": the owner's own figure.
    if (plannedWords.has(norm)) {
      const owner = possessorBefore(tokens, t.index)
      if (owner && (owner[0]!.index === t.index - 1 || owner.at(-1)!.index === t.index - 1)) {
        found.push(make(doc, sentence, 'act', [t], norm, owner, 'named', false, clauseEnd(tokens, t.index, sentence)))
        continue
      }
    }

    // "The ministry raised the death toll to 267", "revised its forecast to 2.1%": the body's own count.
    if (revisionVerbs.has(norm) && revised.test(doc.text.slice(t.end, sentence.end))) {
      const np = subjectBefore(tokens, t.index)
      if (np.length > 0) {
        found.push(make(doc, sentence, 'speech', [t], norm, np, classifyOr(np, sentence, earlierNamed), false))
        continue
      }
    }

    // "is accused of killing nine people", "was charged with stealing £2m": the charge is the source.
    if (chargeVerbs.has(norm) && isPassive(words, w) && next && (next.norm === 'of' || next.norm === 'with' || next.norm === 'for')) {
      const np = subjectBefore(tokens, t.index)
      if (np.length > 0) {
        found.push(make(doc, sentence, 'act', [t], norm, np, 'named', false, clauseEnd(tokens, t.index, sentence)))
        continue
      }
    }

    // "calls for 100,000 more troops", "has proposed a $15 minimum wage": a named actor's own figure.
    if (intentVerbs.has(norm) || (callForms.has(norm) && next?.norm === 'for')) {
      const callsFor = norm.startsWith('call') && next?.norm === 'for'
      // "by promising to impose", "are vowing to bring back": the subject of the clause intends it.
      const ingTo = norm.endsWith('ing') && next?.norm === 'to'
      // ("Unite, meanwhile, hopes": the verb's neighbour is the subject before the aside.)
      const before = prev && sentenceAdverbs.test(prev.norm) ? words[w - 2] : prev
      if (!isPassive(words, w) && !(prevToken?.word && nounMarkers.has(prevToken.norm)) && (norm.endsWith('ed') || callsFor || ingTo || verbUse(t, before, next))) {
        let np = subjectBefore(tokens, t.index)
        if (np.length === 0 && ingTo) np = subjectBefore(tokens, firstVerbIndex(tokens, t.index))
        if (np.length > 0 && strictlyNamed(np, sentence, doc)) {
          found.push(make(doc, sentence, 'act', [t], norm, np, 'named', false))
          continue
        }
      }
      if (!reporting(norm)) continue
    }
    if (!reporting(norm)) continue
    // "an estimated 1.3 million", "the alleged plot": an adjective, not a cue.
    if (prevToken?.word && (prevToken.norm === 'a' || prevToken.norm === 'an' || prevToken.norm === 'the')) continue
    // "the United States", "Prices": a capital inside a sentence is a name (except in headline case).
    if (t.capital && t !== words[0] && !headline) continue
    if (ambiguous.has(norm) && !verbUse(t, prev, next)) continue
    if (norm.startsWith('call') && next && callParticles.has(next.norm)) continue
    if (findForms.has(norm) && next && foundStates.has(next.norm)) continue
    if (norm === 'ruled' && next?.norm === 'out') continue
    // "asked not to be named", "asked for comment": a request, not a statement.
    if ((norm === 'ask' || norm === 'asks' || norm === 'asked') && next && requests.has(next.norm)) continue
    if (decisions.has(norm)) continue

    // A passive: "is said to", "has been called", "were revealed … from X", "polled by Bloomberg".
    // "Is said to", "believed to be": a hedge, never an attribution.
    if ((isPassive(words, w) || hedgingParticiples.has(norm)) && nextToken?.word && nextToken.norm === 'to') continue
    // A participle after a comma (", often called", ", described as") or a noun ("a study published on…").
    const reduced = norm.endsWith('ed') && ((prevToken?.value === ',' && next && (next.norm === 'as' || next.norm === 'by')) || (prev && prev.norm.endsWith('ly') && tokens[prev.index - 1]?.value === ',') ||
      (participles.has(norm) && prev && !prev.capital && !pronouns.has(prev.norm) && next && whenWhere.has(next.norm)))
    const passive = isPassive(words, w) || reduced
    if (passive) {
      const agent = agentAfter(tokens, words, w)
      if (agent) found.push(make(doc, sentence, 'agent', [t], norm, agent, classifyOr(agent, sentence, earlierNamed), criticismVerbs.has(norm)))
      continue
    }
    // "Economists polled by Bloomberg", "figures released by the ONS": a participle with an agent.
    if ((norm.endsWith('ed') || norm.endsWith('wn')) && next?.norm === 'by') {
      const agent = nounPhraseAfter(tokens, next.index + 1)
      if (agent.length > 0) {
        found.push(make(doc, sentence, 'agent', [t], norm, agent, classifyOr(agent, sentence, earlierNamed), criticismVerbs.has(norm)))
        continue
      }
    }

    // "declined to comment": not a statement; but "is to tell the audience: …" introduces one.
    if (prevToken?.word && prevToken.norm === 'to' && !tokens.slice(t.index + 1).some((x) => x.value === ':' || ['"', '“', '‘'].includes(x.value))) continue
    // ", saying that…", ", adding:": speech; ", adding up to two weeks": not.
    if (norm.endsWith('ing') && !(next && (next.norm === 'that' || next.capital || pronouns.has(next.norm) || nounOpeners.has(next.norm) || audience.test(next.norm))) && !(tokens[t.index + 1] && !tokens[t.index + 1]!.word)) continue
    // Inversion: "…," said Dr Amara Okafor, a cardiologist.
    let np: Token[] = []
    const closingQuote = prevToken && ['"', '”', '’', "'"].includes(prevToken.value)
    if (prevToken && !prevToken.word && next && (closingQuote || (prevToken.value === ',' && (next.capital || sayVerbs.test(norm) || ['the', 'a', 'an', 'one', 'his', 'her', 'their', 'its'].includes(next.norm))))) {
      const after = nounPhraseAfter(tokens, t.index + 1, true)
      const following = tokens[(after.at(-1)?.index ?? t.index) + 1]
      if (after.length > 0 && (!following || [',', '.', '!', '?', ';', ':', '"', '“', '‘'].includes(following.value) || ['in', 'on', 'at', 'after', 'during'].includes(following.norm))) np = after
    }
    if (np.length === 0) np = subjectBefore(tokens, t.index)
    if (np.length === 0 && norm.endsWith('ing') && prevToken?.value === ',') {
      // ", saying …", ", citing …": the subject of the main clause speaks.
      np = subjectBefore(tokens, firstVerbIndex(tokens, t.index))
    }
    if (np.length === 0) continue
    let kind = classify(np, sentence, earlierNamed, sayVerbs.test(norm))
    const head = headOf(np)
    if (findingVerbs.has(norm)) {
      // Only a study, a body, researchers or a named person "find"/"suggest"; engineers who "found corrosion" are the story.
      if (!(sourceNouns.has(head) || bodyNouns.has(head) || anonymousHeads.has(head) || pronouns.has(head) || (kind === 'named' && (norm.startsWith('sugg') || norm.startsWith('indic'))))) continue
    }
    if (kind === 'none') continue
    // "One fund manager, speaking on condition of anonymity, called it…": the apposition says who is unnamed.
    const between = np.length > 0 ? doc.text.slice(np.at(-1)!.end, t.start) : ''
    if (/anonymity|not (?:want|wish) to be (?:named|identified)|asked not to be (?:named|identified)|declined to be (?:named|identified)|on condition/i.test(between)) {
      kind = 'anonymous'
      const last = tokens.slice(np.at(-1)!.index, t.index).filter((x) => x.word).at(-1)
      if (last) np = [...np, last]
    }
    const act = actVerbs.has(norm)
    if (act && kind !== 'named') continue
    found.push(make(doc, sentence, act ? 'act' : 'speech', [t], norm, np, kind, criticismVerbs.has(norm)))
  }
  const introduced = colonSpeech(doc, sentence, earlierNamed)
  if (introduced && !found.some((a) => a.cue.start < introduced.cue.start)) found.push(introduced)
  return dedupe(found)
}

/** How someone finds a thing to do, in "people find it hard to…": an experience, not a finding. */
const experience = /^(?:hard|harder|hardest|difficult|easy|easier|easiest|impossible|tough|tougher|tricky|awkward|confusing|frustrating|painful|useful|helpful|strange|odd|fun|boring|tiring|stressful|hard-going)$/

/** Verbs of speaking that report nothing until a colon gives what was said ("spoke out against the plan: …"). */
const speakVerbs = /^(?:speak|speaks|spoke|spoken|speaking|responded|responds|respond|reacted|reacts|react|weighed|weighs|chimed|chimes|wrote|writes|tweeted|tweets)$/
/** Nouns for something said, as the object before a colon ("made the same argument: …"). */
const speechNouns = /^(?:argument|arguments|case|message|point|points|warning|warnings|statement|response|reply|answer|view|views|verdict|pitch|plea|claim|claims|assessment|prediction|explanation|defence|defense|retort|rebuttal|complaint|complaints|promise|words|remarks|comments|take)$/

/**
 * Speech that a colon introduces inside the sentence: "Libby Schaaf also
 * spoke out against Trump: Oakland, which has…", "his supporters were making
 * the same argument: we will unite 70 percent of the party". What follows the
 * colon is the speaker's, not the writer's.
 */
function colonSpeech(doc: Document, sentence: Sentence, earlierNamed: boolean): Attribution | undefined {
  const tokens = sentence.tokens
  for (let colon = 2; colon < tokens.length - 1; colon++) {
    const t = tokens[colon]!
    // (Not the colon of a time or a ratio, "10:30", "3:1".)
    if (t.value !== ':' || (tokens[colon - 1]!.end === t.start && tokens[colon + 1]!.start === t.end && /\d$/.test(tokens[colon - 1]!.value))) continue
    const found = speechBeforeColon(doc, sentence, colon, earlierNamed)
    if (found) return found
  }
  return undefined
}

function speechBeforeColon(doc: Document, sentence: Sentence, colon: number, earlierNamed: boolean): Attribution | undefined {
  const tokens = sentence.tokens
  if (!tokens.slice(colon + 1).some((x) => x.word)) return undefined
  // The clause right before the colon: from its last boundary.
  const lead = tokens.slice(0, colon).filter((t) => t.word)
  let from = lead.length - 1
  while (from > 0 && !clauseBoundaries.has(lead[from - 1]!.norm)) from--
  const clause = lead.slice(from)
  // ("The stats speak for themselves: …" is the writer's own claim.)
  const verb = clause.findIndex((t, k) => speakVerbs.test(t.norm) && !t.capital && !(clause[k + 1]?.norm === 'for' && /^(?:itself|themselves|himself|herself)$/.test(clause[k + 2]?.norm ?? '')))
  // (A noun only after a verb: "were making the same argument:", not a label, "Our expert prediction:".)
  const noun = clause.length > 1 && speechNouns.test(clause.at(-1)!.norm) && clause.slice(0, -1).some((t) => finiteVerbs.has(t.norm) || /(?:ed|ing)$/.test(t.norm)) ? clause.length - 1 : -1
  const cue = verb >= 0 ? clause[verb]! : noun >= 0 ? clause[noun]! : undefined
  if (!cue) return undefined
  // The subject of the clause: before the speaking verb, or before the verb whose object the noun is.
  const verbIndex = verb >= 0 ? cue.index : firstVerbIndex(tokens, cue.index)
  const np = subjectBefore(tokens, verbIndex)
  if (np.length === 0) return undefined
  const kind = classify(np, sentence, earlierNamed)
  if (kind === 'none') return undefined
  return make(doc, sentence, 'speech', [cue], cue.norm, np, kind, false)
}

const revised = /^\s+(?:(?:its|the|their|his|her|an?|own)\s+)?(?:[\p{L}-]+\s+){0,3}(?:toll|estimate|forecast|figure|tally|count|projection|outlook|target|number)s?\b[^.;]{0,50}?\b(?:to|at)\s+(?:about\s+|around\s+|nearly\s+|more\s+than\s+|at\s+least\s+)?[\d$£€¥]/iu

/** A reporting verb in any form: "showing" and "admitting" as well as the listed ones. */
function reporting(norm: string): boolean {
  return reportingVerbs.has(norm) || reportingIng.has(norm)
}

/** Keeps the first attribution of a source: "Data from X showed" is one attribution, not two. */
function dedupe(found: Attribution[]): Attribution[] {
  const kept: Attribution[] = []
  for (const a of found) {
    const s = a.source
    if (s && kept.some((k) => k.source && k.source.start < s.end && s.start < k.source.end)) continue
    kept.push(a)
  }
  return kept
}

function make(doc: Document, sentence: Sentence, kind: AttributionKind, cue: Token[], verb: string, source: Token[], status: Status, criticism: boolean, scopeEnd?: number): Attribution {
  const span = (list: Token[]): Span => ({start: list[0]!.start, end: list.at(-1)!.end, text: doc.text.slice(list[0]!.start, list.at(-1)!.end)})
  // (One shape for every attribution, `source` and `scopeEnd` undefined where there are none: the analysis
  // and the rules read attributions in their hottest loops, and objects of several shapes slow every read.)
  return {sentence: sentence.index, kind, cue: span(cue), verb, source: source.length > 0 ? span(source) : undefined, named: status === 'named', anonymous: status === 'anonymous', criticism, scopeEnd}
}

function verbUse(t: Token, prev: Token | undefined, next: Token | undefined): boolean {
  // "the United States": a capital mid-sentence is a name.
  if (t.capital && prev) return false
  if (prev && determiners.has(prev.norm)) return false
  if (next && next.norm === 'of') return false
  // "reports", "claims", "estimates": a plural noun unless it introduces a clause.
  if (t.norm.endsWith('s') && !t.norm.endsWith('ss') && next?.norm !== 'that' && !(prev && (prev.capital || pronouns.has(prev.norm)))) return false
  if (t.capital && t.index === 0) return false
  // "the immediate release", "a new record": a bare noun-or-verb form is a verb only after a modal or a pronoun.
  // ("the reports show", "polls suggest": after a plural or a source noun it is a verb.)
  if (!(t.norm.endsWith('s') || t.norm.endsWith('ed') || t.norm.endsWith('ing')) && !(prev && (pronouns.has(prev.norm) || verbMarkers.has(prev.norm) ||
    (!(prev.capital && !(prev.index === 0 && !isProperLooking(prev))) && (plural(prev.norm) || sourceNouns.has(prev.norm) || anonymousHeads.has(prev.norm)))))) return false
  return true
}

function isPassive(words: readonly Token[], w: number): boolean {
  const norm = words[w]!.norm
  if (!participleEnd(norm) && !hedgingParticiples.has(norm)) return false
  for (let k = w - 1; k >= Math.max(0, w - 3); k--) {
    const x = words[k]!.norm
    if (beVerbs.has(x) || x === 'been' || x === 'being') return true
    if (!x.endsWith('ly') && !passiveAdverbs.has(x)) return false
  }
  return false
}

/** The agent of a passive: "by X", or for disclosures "from X" with a name in it. */
function agentAfter(tokens: readonly Token[], words: readonly Token[], w: number): Token[] | undefined {
  for (let k = w + 1; k < Math.min(words.length, w + 9); k++) {
    const x = words[k]!
    const between = tokens.slice(words[w]!.index + 1, x.index)
    if (between.some((b) => !b.word && ['.', ';', '!', '?'].includes(b.value))) return undefined
    if (x.norm === 'by' || (x.norm === 'from' && /^(?:revealed|released|published|disclosed|obtained|leaked|provided|issued|compiled|given)$/.test(words[w]!.norm))) {
      const np = nounPhraseAfter(tokens, x.index + 1)
      if (np.length === 0) return undefined
      if (x.norm === 'from' && !np.some((n) => n.capital)) return undefined
      return np
    }
  }
  return undefined
}

const npStops = new Set(`
  is are was were has have had will would could should can may might did does do been
  that who which when while as after before because said says told added on in at to with for if and but
  whose where than during since until over under into against about via
`.trim().split(/\s+/))

/**
 * Words after `from` up to a phrase end ("a poll by Westbury Research for the
 * Sunday Ledger"); with `clause`, up to the end of the clause.
 */
function nounPhraseAfter(tokens: readonly Token[], from: number, clause = false): Token[] {
  const np: Token[] = []
  let words = 0
  for (let i = from; i < tokens.length && words < (clause ? 16 : 12); i++) {
    const t = tokens[i]!
    if (!t.word) {
      if (['-', '&', "'", '’', '.'].includes(t.value) && np.length > 0) continue
      if (t.value === '(' ) break
      if (np.length === 0 && ['"', '“', '‘'].includes(t.value)) continue
      break
    }
    // ("and" inside a name or a title: "Economic and Fiscal Policy Minister Heizo Takenaka".)
    const titleAnd = t.norm === 'and' && np.at(-1)?.capital && tokens[i + 2]?.capital
    if (clause && !finiteVerbs.has(t.norm) && (titleAnd || !['that', 'who', 'which', 'said', 'says', 'told', 'added', 'as', 'while', 'when', 'because', 'and', 'but'].includes(t.norm))) {
      np.push(t)
      words++
      continue
    }
    // "the Labor Department showed…": after a name, a lower-case word other than a connector ends it.
    const prevWord = np.at(-1)
    if (prevWord && prevWord.capital && !/['’]s?$/.test(prevWord.value) && !t.capital && !['of', 'for', 'and', 'the', 'at', 'de', 'du', 'von', 'van', 'der', 'on', 'in', '&'].includes(t.norm)) break
    if (np.length > 0 && npStops.has(t.norm) && !(['of', 'for', 'at', 'in', 'on', 'with', 'from'].includes(t.norm) && /^\p{Lu}/u.test(tokens[i + 2]?.value ?? '') )) {
      // Keep "at Nordea", "of Edinburgh", "with the matter" (people familiar with the matter).
      if (!(t.norm === 'with' && np.at(-1)?.norm === 'familiar')) break
    }
    np.push(t)
    words++
  }
  return np
}

/** Where the clause that starts at a token ends: the next comma, semicolon, dash, bracket or colon. */
function clauseEnd(tokens: readonly Token[], index: number, sentence: Sentence): number {
  // (Not the comma inside "300,000": it touches the digits either side; nor one that opens a clause
  // describing the plan: "his plan, which involved building 152 homes", nor the commas of the list
  // that clause goes on with: "…, which involved cutting 36 holes to 18, putting up a centre, and building 152 homes".)
  let describing = false
  for (let i = index + 1; i < tokens.length; i++) {
    const x = tokens[i]!
    if (x.word || ![',', ';', '—', '–', '―', '(', ':'].includes(x.value)) continue
    if (tokens[i - 1]?.end === x.start && tokens[i + 1]?.start === x.end) continue
    if (x.value === ',' && /^(?:which|that|including|involving)$/.test(tokens[i + 1]?.norm ?? '')) {
      describing = true
      continue
    }
    // (The list goes on while its items do: "…, putting up a centre, and building 152 homes".)
    const following = tokens[i + 1]
    if (x.value === ',' && describing && following && (/ing$/.test(following.norm) || (/^(?:and|or)$/.test(following.norm) && /ing$/.test(tokens[i + 2]?.norm ?? '')))) continue
    return x.start
  }
  return sentence.end
}

/** The owner of a noun: "his", "their", "Labour's", "Donald Trump's" (across up to two modifiers). */
function possessorBefore(tokens: readonly Token[], index: number): Token[] | undefined {
  let i = index - 1
  for (let skipped = 0; i >= 0 && skipped < 2 && tokens[i]!.word && !tokens[i]!.capital && !/['’]s?$/.test(tokens[i]!.value) && !['his', 'her', 'their', 'its'].includes(tokens[i]!.norm); skipped++) {
    if (determiners.has(tokens[i]!.norm) || finiteVerbs.has(tokens[i]!.norm)) return undefined
    i--
  }
  const t = tokens[i]
  if (!t?.word) return undefined
  if (['his', 'her', 'their', 'its'].includes(t.norm)) return [t]
  if (!/['’]s?$/.test(t.value) || !t.capital) return undefined
  const name = [t]
  for (let k = i - 1; k >= 0 && tokens[k]!.word && tokens[k]!.capital && name.length < 4; k--) name.unshift(tokens[k]!)
  return name
}

/** Walks back from a verb to its subject, across appositions and relative clauses. */
function subjectBefore(tokens: readonly Token[], verbIndex: number): Token[] {
  let i = verbIndex - 1
  // Auxiliaries and adverbs right before the verb.
  while (i >= 0 && tokens[i]!.word && (auxiliaries.has(tokens[i]!.norm) || (tokens[i]!.norm.endsWith('ly') && !tokens[i]!.capital))) i--
  let segment: Token[] = []
  let skipped = 0
  let relative = 0
  for (; i >= 0; i--) {
    const t = tokens[i]!
    if (!t.word) {
      if (inNameMarks.has(t.value)) continue
      if (t.value === ')') {
        // "(D)", "(NIS)": skip what is in brackets.
        while (i > 0 && tokens[i]!.value !== '(') i--
        continue
      }
      if (t.value === ',' || t.value === '—' || t.value === '–' || t.value === '(') {
        // An apposition or a relative clause between subject and verb: look further back.
        // (Only a segment with a comma after it can be an apposition; one right before the verb is its subject.)
        const first = segment[0]
        // "As the Washington Post — even the devil can quote statistics — observed": an aside between dashes.
        if ((t.value === '—' || t.value === '–') && segment.some((x) => finiteVerbs.has(x.norm)) && dashBefore(tokens, verbIndex, i)) {
          if (skipped++ > 2) break
          segment = []
          continue
        }
        if (segment.length === 0 || (skipped > 0 && ((first && (/^(?:who|which|whose|where|speaking|having|being|a|an|one|now|also|herself|himself|itself|themselves)$/.test(first.norm) || (segment.length === 1 && sentenceAdverbs.test(first.norm)))) || (first && /(?:ing|ed)$/.test(first.norm) && !first.capital) || segment.every((x) => /^\d+$/.test(x.value))))) {
          if (skipped++ > 2) break
          segment = []
          continue
        }
        // "Her lawyer, Reza Tavakoli, described": keep the name, and the role before it.
        if (segment.every((s) => s.capital)) {
          const role = subjectBefore(tokens, i)
          const lead = role[0]?.norm ?? ''
          // ("In a statement, ATR said": a statement is how it spoke, not who it is.)
          return role.length > 0 && role.length <= 4 && !role.at(-1)!.capital && ['her', 'his', 'their', 'its', 'the', 'a', 'an'].includes(lead) && !/^(?:statement|statements|interview|letter|speech|report|email|e-mail|tweet|post|release|note|message|blog)$/.test(role.at(-1)!.norm) ? [...role, ...segment] : segment
        }
        break
      }
      break
    }
    if (relatives.has(t.norm) && tokens[i - 1]?.value === ',') {
      // ", which he said runs the risk", ", which Senator Cruz proposed": the clause has a subject of its own.
      if (skipped === 0 && segment.length > 0 && t.norm !== 'whose') break
      // ", who attended the briefing," sits between the subject and its verb.
      segment = []
      i--
      continue
    }
    if ((t.norm === 'who' || t.norm === 'whom') && tokens[i - 1]?.word && !clauseBoundaries.has(tokens[i - 1]!.norm)) {
      // "Several people who have seen the message said": the clause belongs to the subject.
      relative = segment.length + 1
      segment.unshift(t)
      continue
    }
    if (clauseBoundaries.has(t.norm)) {
      // ", who asked not to be named because the plans are secret, said": the whole aside sits between commas.
      if (skipped > 0 && skipped <= 2) {
        let k = i - 1
        while (k >= 0 && tokens[k]!.value !== ',') k--
        if (k > 0) {
          i = k
          segment = []
          skipped++
          continue
        }
      }
      break
    }
    segment.unshift(t)
    if (segment.length >= 14) break
  }
  while (segment.length > 0 && leadingPrepositions.has(segment[0]!.norm)) segment.shift()
  // A subject has no finite verb of its own ("…have never had their blood pressure measured").
  const main = relative > 0 ? segment.slice(0, segment.length - relative) : segment
  if (main.some((x) => finiteVerbs.has(x.norm))) return []
  if (main.length > 0 && main.every((x) => /ly$/.test(x.norm) || /^\d/.test(x.value))) return []
  return segment
}

/** The dash at `at` closes an aside that another dash between it and the verb opened. */
function dashBefore(tokens: readonly Token[], verbIndex: number, at: number): boolean {
  for (let k = at + 1; k < verbIndex; k++) if (tokens[k]!.value === tokens[at]!.value) return true
  return false
}

/** Who a speaker tells, in "is telling reporters …": the audience, not what is said. */
const audience = /^(?:reporters|journalists|supporters|lawmakers|voters|viewers|listeners|investors|analysts|staff|workers|members|students|parliament|congress|delegates|crowds|audiences?|mps|senators|shareholders|fans|parents|residents|officials|colleagues|friends|police|investigators)$/

function firstVerbIndex(tokens: readonly Token[], before: number): number {
  for (let i = 0; i < before; i++) {
    const t = tokens[i]!
    if (t.word && i > 0 && (reportingVerbs.has(t.norm) || finiteVerbs.has(t.norm) || /ed$/.test(t.norm))) return i
  }
  return before
}

const headEnds = new Set(['at', 'of', 'from', 'for', 'in', 'with', 'close', 'familiar', 'who', 'on', 'by', 'speaking'])
const ownerLinks = new Set(['at', 'of', 'from', 'for', 'with', 'by', 'in'])
const qualifiers = new Set(['who', 'close', 'with', 'at', 'in', 'from', 'inside', 'within', 'involved', 'briefed', 'aware'])

function headOf(np: Token[]): string {
  const words = np.filter((t) => t.word)
  // "Researchers at the University of Edinburgh": the head comes before a preposition.
  const cut = words.findIndex((t, i) => i > 0 && (headEnds.has(t.norm) || participles.has(t.norm)))
  const core = cut > 0 ? words.slice(0, cut) : words
  return core.at(-1)?.norm ?? ''
}

function classifyOr(np: Token[], sentence: Sentence, earlierNamed: boolean): Status {
  const kind = classify(np, sentence, earlierNamed)
  return kind === 'none' ? 'unclear' : kind
}

/**
 * Named, anonymous, unclear, or no source at all ("many believe", "figures
 * suggest" with no publisher, "the study found" with no study named before).
 */
export function classify(np: Token[], sentence: Sentence, earlierNamed: boolean, speaker = false): Status | 'none' {
  const words = np.filter((t) => t.word)
  if (words.length === 0) return 'none'
  const head = headOf(np)
  const first = words[0]!
  const firstOfSentence = first.index === firstWordIndex(sentence)
  const capitals = words.filter((t, i) => t.capital && !(i === 0 && firstOfSentence && !isProperLooking(t)))
  const hasName = capitals.length > 0
  const ownerAfter = words.some((t, i) => i > 0 && ownerLinks.has(t.norm) && words[i + 1] && (words[i + 1]!.capital || (words[i + 2]?.capital ?? false)))

  if (words.length === 1 && pronouns.has(first.norm)) return 'named'
  // (The phrases need "named" or "speaking" in one word: only then are the words joined and read.)
  const anonymousMarker = words.some((t) => t.norm === 'familiar' || t.norm === 'anonymity') ||
    (np.some((t) => t.norm.includes('named') || t.norm.includes('speaking')) && /not (?:want|wish) to be named|asked not to be named|declined to be named|speaking on condition/.test(np.map((t) => t.value).join(' ').toLowerCase()))
  // "people who have seen the message", "people close to the talks": unnamed, but someone.
  const qualified = words.length > 2 && words.some((t, i) => i > 0 && qualifiers.has(t.norm))
  if (!anonymousMarker && !qualified && (hedgeSubjects.has(head) || (words.length === 2 && hedgeSubjects.has(first.norm) && ['people', 'others'].includes(head)))) return 'none'

  if (sourceNouns.has(head) && !anonymousHeads.has(head)) {
    if (hasName || ownerAfter) return 'named'
    if (words.some((t) => /['’]s?$/.test(t.value) && (bodyNouns.has(t.norm) || t.capital)) || words.some((t) => ['its', 'their', 'his', 'her'].includes(t.norm))) return 'named'
    if (['the', 'this', 'that', 'these', 'those'].includes(first.norm) && earlierNamed) return 'named'
    // "fundraising documents show", "exit polling showed": a kind of record someone can check.
    if (/^(?:filings?|records|documents|accounts|minutes|transcripts?)$/.test(head)) return 'unclear'
    const core = words.slice(0, words.findIndex((t) => t.norm === head) + 1)
    if (core.slice(0, -1).some((t) => !vague.has(t.norm) && !/^\d/.test(t.value))) return 'unclear'
    return 'none'
  }

  if (anonymousHeads.has(head) || anonymousMarker || (qualified && hedgeSubjects.has(head))) {
    // ("reports in the Hollywood Reporter" name their paper.)
    if ((/^(?:source|sources|insider|insiders|reports|leaks|rumours|rumors)$/.test(head) && !(head === 'reports' && ownerAfter)) || anonymousMarker) return 'anonymous'
    if (/^(?:spokesperson|spokesman|spokeswoman|representative|representatives)$/.test(head)) return 'named'
    // "The group", "the officials": an anaphor for someone named before.
    if (['the', 'its', 'their', 'this', 'these'].includes(first.norm) && !['people', 'experts', 'critics', 'analysts', 'scientists', 'researchers'].includes(head)) return 'named'
    // A name or an office: "Researchers at the University of Edinburgh", "Pentagon officials".
    const names = capitals.filter((t) => !anonymousHeads.has(t.norm) && !nationality.test(t.value.replace(/['’]s?$/, '')))
    if (names.length > 0 || ownerAfter) return 'named'
    // "fire service officials", "council officials": an office is named.
    if (words.slice(0, -1).some((t) => bodyNouns.has(t.norm) && !['government', 'military', 'army', 'group', 'intelligence'].includes(t.norm))) return 'named'
    return 'anonymous'
  }

  // "one GP", "a senior executive", "an MP": one unnamed person (as the subject of a said-verb).
  if (speaker && ['a', 'an', 'one', 'another'].includes(first.norm) && personLike(head, words.at(-1)!) && !spokes.test(head) && !capitals.some((t) => !/^[A-Z]{2,4}s?$/.test(t.value))) return 'anonymous'
  if (hasName) return 'named'
  if (spokes.test(head) || bodyNouns.has(head)) return 'named'
  if (pronouns.has(first.norm)) return 'named'
  if (['the', 'its', 'their', 'his', 'her'].includes(first.norm)) return 'named'
  return 'unclear'
}

/** A noun for a person: "executive", "fund manager", "GP", "backbencher", "neighbour". */
function personLike(head: string, last: Token): boolean {
  if (anonymousHeads.has(head)) return true
  if (/^[A-Z]{2,4}$/.test(last.value)) return true
  if (/^(?:executive|neighbour|neighbor|official|aide|ally|friend|relative|colleague|resident|student|parent|mother|father|teacher|doctor|nurse|lawyer|worker|employee|insider|source|witness|diplomat|analyst|expert|economist|scientist|researcher|campaigner|activist|fan|member|adviser|advisor|consultant|banker|trader|investor|director|chief|boss|head|candidate|voter|patient|victim|survivor|survivor|guard|soldier|officer|agent|man|woman|person|mum|dad)$/.test(head)) return true
  return /(?:er|or|ist|ian|ant|ent|man|woman|person)$/.test(head) && !/(?:paper|report|letter|order|number|quarter|member|center|centre|river|matter|water|weather|corner|border|power|tower|factor|sector|error|actor|document|statement|comment|moment|agent|event|percent|argument|element|content)$/.test(head)
}

function strictlyNamed(np: Token[], sentence: Sentence, doc: Document): boolean {
  const first = firstWordIndex(sentence)
  const words = np.filter((t) => t.word)
  if (words.length === 1 && ['he', 'she', 'they', 'it', 'we'].includes(words[0]!.norm)) return true
  // "his plan", "their proposal": a possessive standing for someone named before.
  if (words.length <= 3 && ['his', 'her', 'their', 'its'].includes(words[0]!.norm)) return true
  // "the president proposed", "the chancellor has pledged": an office, one holder.
  if (words.length === 2 && words[0]!.norm === 'the' && /^(?:president|prime|chancellor|governor|mayor|minister|secretary|premier|king|queen|pope)$/.test(words[1]!.norm)) return true
  // A first word is a name if it is possessive ("Trump's campaign"), followed by another capital
  // ("Hillary Clinton"), or a single name that is not a plural ("Clinton touted", not "Banks are offering").
  const initialName = (t: Token) => /['’]s?$/.test(t.value) || (words[1]?.capital ?? false) || (words.length === 1 && (!/[^s]s$/.test(t.norm) || names(doc).has(t.norm)) && isProperLooking(t))
  return words.some((t) => t.capital && (t.index !== first || initialName(t)) && !nationality.test(t.value.replace(/['’]s?$/, '')) && !anonymousHeads.has(t.norm))
}

/** "Bernie Sanders: …", "Chris Matthews: …": a speaker's name before a colon opens the line. */
export function speakerLabel(sentence: Sentence): Token[] | undefined {
  const tokens = sentence.tokens
  const colon = tokens.findIndex((t) => t.value === ':')
  if (colon < 1 || colon > 5) return undefined
  const label = tokens.slice(0, colon)
  if (!label.every((t) => t.word && t.capital) || label.length > 4) return undefined
  if (label.some((t) => /^(?:read|also|related|tags|disclaimer|update|updated|watch|note|editor|breaking|exclusive|live|video|photos|listen|more|see|advertisement|topics|source|sources|credit|image|picture|pictures|warning|correction|clarification|about|copyright|by|from|to|re|subject|date|time|when|where|what|why|how|who|q|a)$/i.test(t.value.replace(/['’]s$/, '')))) return undefined
  return label
}

function firstWordIndex(sentence: Sentence): number {
  return sentence.tokens.find((t) => t.word)?.index ?? 0
}

/** A sentence-initial capital that is a name, not just a capital ("Officials", "Critics" are not). */
export function isProperLooking(t: Token): boolean {
  if (anonymousHeads.has(t.norm) || hedgeSubjects.has(t.norm) || sourceNouns.has(t.norm)) return false
  // "Shocking new figures", "Early results", "Several people": adjectives, not names.
  if (/(?:ing|ed|al|ous|ive|ful|less|able|ible|ic|ly|est|er)$/.test(t.norm) && t.norm.length > 4) return false
  if (/^(?:the|a|an|this|that|these|those|one|two|some|many|several|most|other|its|their|his|her|our|local|senior|top|leading|western|military|government|opposition|environmental|police|authorities)$/.test(t.norm)) return false
  // "See the results here", "Read more": an imperative, not a name.
  if (/^(?:see|read|click|watch|follow|visit|sign|subscribe|listen|share|download|join|check|find|get|go|tap|scroll)$/.test(t.norm)) return false
  return true
}

/** The sentence names a source someone could check (for anaphora in the next sentences). */
export function namesSource(attributions: readonly Attribution[]): boolean {
  return attributions.some((a) => a.named)
}
