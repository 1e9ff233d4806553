/**
 * Valid/invalid tables for every rule: what each rule reports (rule id and
 * exact text) and what it must leave alone. Tricky cases say why.
 */
import {describe, expect, it} from 'vitest'
import {unified} from 'unified'
import retextEnglish from 'retext-english'
import {VFile} from 'vfile'
import copydesk, {plugins, type RuleName} from '../src/index.js'
import {lint} from './helpers.js'

interface Case {
  text: string
  /** `ruleId: actual` of every message of the rule, in order. */
  found: string[]
  why?: string
}

const table: Record<RuleName, Case[]> = {
  'unattributed-statistic': [
    {text: 'Britain’s economy shrank by 0.3% in the three months to September.', found: ['percentage: 0.3%']},
    {text: 'Britain’s economy shrank by 0.3%, the Office for National Statistics said.', found: []},
    {text: 'More than 12 million people have fled their homes.', found: ['count: More than 12 million']},
    {text: 'The welfare cuts are designed to save £300 million a year.', found: ['money: £300 million']},
    {text: 'Wildfires have burned more than 60,000 hectares.', found: ['measure: more than 60,000 hectares']},
    {text: 'A quarter of adults have never had their blood pressure measured.', found: ['share: A quarter']},
    {text: 'Rates are over ten times the national average.', found: ['multiplier: over ten times']},
    {text: 'Dozens of workers were trapped inside.', found: ['count: Dozens']},
    {text: 'Eight crew members have been killed in the attacks.', found: ['count: Eight'], why: 'a small spelled-out number is a statistic when it counts casualties'},
    {text: 'Two young oaks will be planted nearby.', found: [], why: 'a small count that is not a casualty toll'},
    {text: 'The mission cost €310 million, the European Space Agency said.', found: []},
    {text: 'The deal is worth $4.2bn, according to a filing.', found: []},
    {text: 'Data from the Labor Department showed employers added 142,000 jobs.', found: []},
    {text: 'The launch on March 14 came in 2022, at 10:30am, after a six-year wait.', found: [], why: 'dates, years, times and durations place events'},
    {text: 'Daniel Morrow, 51, was jailed. The 34-year-old had worked there since 1999.', found: [], why: 'ages'},
    {text: 'Cases of COVID-19 fell as F-16 jets flew over Route 66 near a Boeing 737.', found: [], why: 'identifiers'},
    {text: 'Redford won 2-0 and moved to the 17th place.', found: [], why: 'a score and an ordinal'},
    {text: 'Lawmakers voted 312 to 287 to pass the bill.', found: [], why: 'a recorded vote tally'},
    {text: '"We intercepted 15 drones," a spokesperson said.', found: [], why: 'numbers inside an attributed quotation'},
    {text: 'Profit was 77m euros (£53m; $100m), the company said.', found: [], why: 'currency conversions in brackets'},
    {text: 'The survey of 2,000 adults was carried out online.', found: [], why: 'a sample size is methodology'},
    {
      text: 'At least 100 soldiers have been killed. These figures were revealed by South Korea’s intelligence service.',
      found: [],
      why: 'the next sentence refers back to the figures and names the source'
    },
    {
      text: 'Japan has unveiled an ¥8.7 trillion defence budget. The ministry said the budget would fund missiles.',
      found: [],
      why: 'the next sentence names the source and talks about "the budget" again'
    },
    {
      text: 'Armed groups control around 85% of the capital. Schools have been shut since January.',
      found: ['percentage: around 85%'],
      why: 'the next sentence has no source'
    },
    {
      text: 'Lithium prices have fallen roughly 80% this year. Analysts said the writedown was larger than expected.',
      found: ['percentage: roughly 80%'],
      why: 'the next sentence has a source but is about something else'
    },
    {text: 'The phone is rumoured to cost around Rs 34,999.', found: ['money: around Rs 34,999'], why: 'a hedge is not a source'},
    {text: 'The mayor criticised the tram plan, which she said would cost £90 million.', found: [], why: 'a said-verb inside a relative clause has a subject of its own'},
    {text: 'Unite, meanwhile, hopes the offer of 6% will be improved.', found: [], why: 'a sentence adverb between the subject and its verb'},
    {text: 'Her manifesto calls for 40,000 new nurses.', found: [], why: '"calls for" after a noun subject'},
    {text: 'Governor Ellis has won votes by promising to hire 2,000 teachers.', found: [], why: 'the subject of the clause promises the figure'},
    {text: 'The council unveiled its proposed £12m library this week.', found: [], why: 'a possessive before a proposal: the owner’s own figure'},
    {text: 'Labour’s pledge to build 300,000 homes dominated the campaign.', found: [], why: 'an owned pledge'},
    {text: 'The rebels launched a bid to take the port, with as many as 400 fighters killed, it is claimed.', found: ['count: as many as 400'], why: 'a pledge or plan covers only its own clause'},
    {text: 'The health ministry raised the death toll to 71 on Sunday.', found: [], why: 'a body revising its own count'},
    {text: 'Under Scottish law, a jury of 15 decides the verdict.', found: [], why: 'a rule set by a named law'},
    {text: 'She needs to win the 270 electoral votes needed to take the White House.', found: [], why: 'a threshold set by the rules'},
    {text: 'Its leaders belong to the top 1 percent.', found: [], why: 'a group, not a measurement'},
    {text: 'The measure passed with 61 percent of the vote.', found: [], why: 'a declared vote result'},
    {text: 'The team signed a four-nation Pan-Asian agreement and a 12-nation Pacific deal.', found: [], why: 'an attributive number compound describes'},
    {text: 'In a poll by Norstat, the party led. Its lead was 9 points in the same poll.', found: [], why: 'an anaphoric "the same poll" points at the named poll'},
    {text: 'In her budget, Chancellor Ruth Ames has:\n- cut fuel duty by 5%\n- raised the tax-free allowance to £14,000', found: [], why: 'list items under a lead-in that names who acts'},
    {text: 'Main points of the plan:\n- fuel duty cut by 5%', found: ['percentage: 5%'], why: 'a lead-in that names no one'},
    {text: 'Shops face fines of up to £5,000 for selling to under-18s.', found: [], why: 'a limit set by law, not a measurement'},
    {text: 'The rapper 50 Cent played two nights.', found: [], why: 'a name, not money'},
    {text: 'The driver is accused of injuring 14 people.', found: [], why: 'the charge carries its own figure'},
    {text: 'The referendum passed on a 71 percent turnout.', found: [], why: 'a declared result'},
    {text: 'Rhodes, meanwhile, hopes the 40 new buses will cut waiting times. The depot is run by Rhodes.', found: [], why: 'a name ending in -s the document writes with a capital elsewhere'}
  ],
  'loaded-language': [
    {text: 'The Hermit Kingdom test-fired a missile.', found: ['hermit-kingdom: The Hermit Kingdom'], why: 'the article goes with the epithet, so the fix can replace both'},
    {text: 'The Hermit Kingdom’s forces took losses.', found: ['hermit-kingdom: The Hermit Kingdom’s'], why: 'possessive'},
    {text: 'The mistake resulted in tragic deaths.', found: ['tragic: tragic']},
    {text: 'Another disturbing clip shows the damage.', found: ['disturbing: disturbing']},
    {text: 'Support is critical to Putin’s faltering invasion.', found: ['faltering-invasion: faltering invasion']},
    {text: 'The Iranian regime has jailed an activist.', found: ['regime: regime']},
    {text: 'The new tax regime starts in April.', found: [], why: '"regime" in its neutral technical sense'},
    {text: 'She wowed the crowd with a breathtaking performance.', found: ['staggering: wowed', 'staggering: breathtaking']},
    {text: '“It was a tragic accident,” the coroner said.', found: [], why: 'inside a quotation the words are the speaker’s'},
    {text: 'The judge called the attack “horrific”.', found: [], why: 'a one-word quotation'},
    {text: 'Desperate Housewives won the award.', found: ['desperate: Desperate'], why: 'sentence-initial capitals are checked'},
    {text: 'The award went to Desperate Housewives.', found: [], why: 'a capital inside a sentence starts a name'},
    {text: 'Sadly, the hospital closed in June.', found: ['editorializing: Sadly']},
    {text: 'He sadly missed the final.', found: [], why: 'editorialising adverbs only count at the start of a sentence'},
    {text: 'Write to regime@tragic.com or see www.tragic-regime.org. The regime fell.', found: ['regime: regime'], why: 'words in e-mail and web addresses are not prose'}
  ],
  hedge: [
    {text: 'The minister is reportedly considering a run.', found: ['reportedly: reportedly']},
    {text: 'It is widely believed the talks will fail.', found: ['it-is-believed: It is widely believed']},
    {text: 'Nearly 40% of the budget is thought to go to the army.', found: ['is-thought-to: is thought to']},
    {text: 'It is a move that some say will define her legacy.', found: ['some-say: some say']},
    {text: 'A teenager allegedly stabbed a classmate.', found: ['allegedly: allegedly']},
    {text: 'Prosecutors said he allegedly diverted £2.3 million.', found: [], why: '"allegedly" tied to a named accuser'},
    {text: 'She allegedly took the payments, according to the indictment.', found: [], why: 'tied to a charge document'},
    {text: 'These figures, which could include senior generals, were revealed on Thursday.', found: ['could-include: could include']},
    {text: 'Sources said the proposal could include a pause.', found: [], why: 'the source comes first and governs the possibility'},
    {text: '"It is believed to be the oldest," the curator said.', found: [], why: 'inside a quotation'}
  ],
  boilerplate: [
    {text: 'The bridge will close.\nStay informed with the latest updates on World News.', found: ['stay-informed: Stay informed with the latest updates on World News.']},
    {text: 'For more details, visit M10news.', found: ['visit-for-more: For more details, visit M10news.']},
    {text: 'Read more: Ashcombe bypass plans shelved again', found: ['read-more: Read more: Ashcombe bypass plans shelved again']},
    {text: 'Share this article\nListen to this article\n\nPetrol prices rose.', found: ['share-this: Share this article', 'share-this: Listen to this article'], why: 'lines without full stops are separate lines'},
    {text: 'Copyright © 2024 NaijaDaily. All rights reserved.', found: ['all-rights-reserved: Copyright © 2024 NaijaDaily.', 'all-rights-reserved: All rights reserved.']},
    {text: 'Fires burned.\n[Advertisement]\nCrews worked.', found: ['advertisement: [Advertisement]']},
    {text: 'The company will sign up to a $1.1bn rescue package.', found: [], why: '"sign up" inside a sentence of the story'},
    {text: 'Fans can download the Band Aid single from Monday.', found: []},
    {text: 'About 200 people attended the meeting.', found: [], why: '"About" without a colon is not a company blurb'},
    {text: 'More than a million people follow her on Instagram.', found: []}
  ],
  'anonymous-source': [
    {text: 'Sources said a ceasefire was close.', found: ['unnamed-source: Sources']},
    {text: 'The firm will cut jobs, according to people familiar with the matter.', found: ['unnamed-source: people familiar with the matter']},
    {text: 'Officials said the army had been targeting rebels.', found: ['unnamed-official: Officials']},
    {text: 'Experts say it could be a breakthrough.', found: ['unnamed-group: Experts']},
    {text: 'A senior executive, who asked not to be named, said the cuts were planned.', found: ['unnamed-source: A senior executive, who asked not to be named']},
    {text: 'Fire service officials said 14 units were sent.', found: [], why: 'an office is named'},
    {text: 'Researchers at the University of Edinburgh said the benefit was greatest in diabetics.', found: [], why: 'the institution is named'},
    {text: '"We will not be deflected," a spokesperson said.', found: [], why: 'a spokesperson speaks on the record for an office'},
    {text: 'Many believe the fight will reach the Supreme Court.', found: [], why: 'a hedge, not a source'},
    {text: 'Fans of racing games should note the title refers to its cars.', found: [], why: 'advice to readers, not a statement anyone made'},
    {text: 'In February, a former senior executive pleaded guilty to fraud.', found: [], why: 'a plea in court, not a source'},
    {text: 'Six countries want the budget capped at 1% of member states\' combined incomes.', found: [], why: '"states\'" is a possessive noun, not a said-verb'},
    {text: 'People with hand tremors find it hard to use a mouse.', found: [], why: 'an experience, not a finding'},
    {text: 'Title of the story\n\nUse of the browser has fallen below 90%, say web analysts.\n\nNet monitor OneStat.com said the share fell.', found: [], why: 'the lede names its source in the next paragraph'},
    {text: 'Title of the story\n\nThe school will close. But analysts say the plan is flawed.\n\nKelly Barnes said it was a shame.', found: ['unnamed-group: analysts'], why: 'not the lede: the next sentence names someone else'}
  ],
  'attribution-verb': [
    {text: 'The paramilitaries claimed the market was used to store weapons.', found: ['claimed: claimed']},
    {text: 'Council leader Priya Anand admitted the work was overdue.', found: ['admitted: admitted']},
    {text: 'Environmental groups slammed the licensing round.', found: ['slammed: slammed']},
    {text: 'Senator Whitcombe lashed out at the White House.', found: ['slammed: lashed out']},
    {text: 'He was admitted to hospital on Friday.', found: [], why: 'a hospital admission'},
    {text: 'The side conceded two goals.', found: [], why: 'sport'},
    {text: 'The car slammed into a wall.', found: [], why: 'not speech'},
    {text: 'The group claimed responsibility for the attack.', found: []},
    {text: '"They claimed it was safe," she said.', found: [], why: 'inside a quotation'},
    {text: 'Argentina claimed top spot in Group A with three wins.', found: [], why: '"claim" a place or a prize is to win it'},
    {text: 'The 2003 champion claimed her seventh Grand Slam title.', found: []},
    {text: 'Bogdanov claimed the European Championship race would be between himself and Arnold.', found: ['claimed: claimed'], why: 'a clause follows: he says it'},
    {text: 'Lukashenko tightened his grip after claiming a landslide victory in the election.', found: ['claimed: claiming'], why: 'a candidate who claims victory says so'}
  ],
  'unattributed-quote': [
    {text: 'The breach has been branded "a catastrophic failure of basic security".', found: ['no-speaker: "a catastrophic failure of basic security"']},
    {text: 'Many believe the fight will go on. "This is unconstitutional, and we will win."', found: ['no-speaker: "This is unconstitutional, and we will win."']},
    {text: '"We will not be deflected," a spokesperson said.', found: []},
    {text: '“We were ruthless,” the manager said. “But there are 12 games left.”', found: [], why: 'a quotation-only sentence continues the speaker before'},
    {text: 'She performed her hit single "Wildfire".', found: [], why: 'a title in quotation marks'},
    {text: 'It filed a lawsuit against "unnamed individuals" last week.', found: [], why: 'a short term in quotation marks with no speech verb is not speech'},
    {text: 'The bypass will create what planners call "a relief corridor for the valley".', found: [], why: 'a term of up to eight words with no punctuation of its own'},
    {text: 'Okafor left the club in May and vowed: "I will be back here one day."', found: [], why: 'a colon after the speaker opens the quotation'},
    {text: '"Is anyone listening?", pleaded community organiser Dara Quinn.', found: [], why: 'a tag after the quotation, whatever its verb'},
    {text: '"The figures speak for themselves," the Halden review concluded.', found: [], why: 'a short tail with a said-verb'},
    {text: 'Coach Ines Vale looks relaxed. "We trained hard and we are ready."', found: [], why: 'the speaker is named in the sentence before'},
    {text: 'Her cooking has been called "the best in the county" by the critic Ruth Abe.', found: [], why: 'a passive with an agent names the speaker'},
    {text: 'The talks ended. "We tried for weeks. "Nobody moved. "It was tiring," said Dr Ama Bello.', found: [], why: 'one speech in several pieces: the speaker at its end speaks all of it'},
    {text: 'The chef is said to be "heartbroken" by the inspection.', found: ['no-speaker: "heartbroken"'], why: 'a passive with no agent hides the speaker, whatever the neighbours say'},
    {text: 'Audio shows are spreading. It is called "podcasting" and it is cheap to make.', found: [], why: 'a passive naming verb before a bare term names the term'},
    {text: 'The deal sets up what are called "qualified industrial zones" or "trade zones".', found: [], why: 'terms named by a passive with a thing for its subject, and a list of them'},
    {text: 'He was called "racist" at the meeting.', found: ['no-speaker: "racist"'], why: 'a person called something: someone said it'},
    {text: 'The flood has been called "a climate catastrophe on an unimaginable scale".', found: ['no-speaker: "a climate catastrophe on an unimaginable scale"'], why: 'a characterisation with its article: someone said it'}
  ]
}

describe.each(Object.entries(table))('%s', (rule, cases) => {
  it.each(cases)('$text', ({text, found}) => {
    const messages = lint(text, rule as RuleName).filter((m) => m.source === rule)
    expect(messages.map((m) => `${m.ruleId}: ${m.actual}`)).toEqual(found)
  })
})

describe('positions', () => {
  it('reports line and column of the figure on its line (1-based, end exclusive)', () => {
    const [message] = lint('Fires burned.\nMore than 12 million people fled.', 'unattributed-statistic')
    expect(message).toMatchObject({line: 2, column: 1, endLine: 2, endColumn: 21, actual: 'More than 12 million'})
  })

  it('counts columns in UTF-16 code units after characters outside the BMP', () => {
    const [message] = lint('👉 The Hermit Kingdom fired.', 'loaded-language')
    expect(message).toMatchObject({line: 1, column: 4, endColumn: 22, actual: 'The Hermit Kingdom'})
  })

  it('reports a boilerplate sentence whole', () => {
    const [message] = lint('The bridge closed.\n\nFor more details, visit M10news.', 'boilerplate')
    expect(message).toMatchObject({line: 3, column: 1, endLine: 3, endColumn: 33})
  })
})

describe('term lists', () => {
  it('finds every rule’s phrases from one shared look at a sentence, and a house term added later too', () => {
    // One walk of a sentence serves every term rule (match.ts, `phraseStarts`); a later processor with a house
    // term whose first word no list had must still find it in a tree analysed before it was made.
    const text = 'The regime reportedly crossed the border. Click here to read more. Zorblax quietly blockaded the port.'
    const file = new VFile(text)
    const tree = unified().use(retextEnglish).parse(file)
    unified().use(copydesk).runSync(tree, file)
    expect(file.messages.map((m) => `${m.source}/${m.ruleId} ${m.place && 'start' in m.place ? m.place.start.column : ''}`)).toEqual([
      'loaded-language/regime 5',
      'hedge/reportedly 12',
      'boilerplate/click-here 43'
    ])
    const later = new VFile(text)
    unified().use(copydesk, {rules: {'loaded-language': ['warning', {terms: [{match: 'quietly blockaded', prefer: ['blockaded'], reason: 'House style.'}]}]}}).runSync(tree, later)
    expect(later.messages.map((m) => `${m.source}/${m.ruleId}`)).toContain('loaded-language/quietly-blockaded')
  })

  it('looks a start word up only in the lists that have a phrase starting with it, and a later list’s too', () => {
    // Each matcher marks its own first words on the tokens (match.ts): "the" starts loaded-language phrases only,
    // so the other lists skip it. A later hedge list with a phrase starting "the" must find it in a tree
    // analysed before that list was made, whose tokens carry no mark of it.
    const text = 'The regime reportedly crossed the border. Zorblax quietly blockaded the port.'
    const file = new VFile(text)
    const tree = unified().use(retextEnglish).parse(file)
    unified().use(copydesk).runSync(tree, file)
    expect(file.messages.map((m) => `${m.source}/${m.ruleId}`)).toEqual(['loaded-language/regime', 'hedge/reportedly'])
    const later = new VFile(text)
    unified().use(copydesk, {rules: {hedge: ['warning', {terms: [{match: 'the port', prefer: ['the harbour'], reason: 'House style.'}]}]}}).runSync(tree, later)
    expect(later.messages.map((m) => `${m.source}/${m.ruleId} ${m.place && 'start' in m.place ? m.place.start.column : ''}`)).toContain('hedge/the-port 69')
    // And in a tree analysed after it was made.
    const fresh = new VFile(text)
    const processor = unified().use(retextEnglish).use(copydesk, {rules: {hedge: ['warning', {terms: [{match: 'the port', prefer: ['the harbour'], reason: 'House style.'}]}]}})
    processor.runSync(processor.parse(fresh), fresh)
    expect(fresh.messages.map((m) => `${m.source}/${m.ruleId}`)).toContain('hedge/the-port')
  })
})

describe('what a run leaves on the file', () => {
  it('leaves the summary, not the analysis, after the preset; a rule used alone leaves its analysis', () => {
    const text = 'Officials said 40,000 homes were hit, reportedly.'
    const file = new VFile(text)
    const processor = unified().use(retextEnglish).use(copydesk)
    processor.runSync(processor.parse(file), file)
    expect('copydesk' in file.data).toBe(false)
    expect((file.data as {copydeskSummary?: {figures: {statistics: number}}}).copydeskSummary?.figures.statistics).toBe(1)
    const alone = new VFile(text)
    const hedgeOnly = unified().use(retextEnglish).use(plugins.hedge)
    hedgeOnly.runSync(hedgeOnly.parse(alone), alone)
    expect((alone.data as {copydesk?: {sentences: unknown[]}}).copydesk?.sentences).toHaveLength(1)
  })
})

describe('severity', () => {
  it('uses each entry’s level: boilerplate is an error, the rest warnings', () => {
    const messages = lint('The Hermit Kingdom fired.\nClick here to read more.')
    expect(messages.map((m) => [m.source, m.fatal])).toEqual([
      ['loaded-language', false],
      ['boilerplate', true]
    ])
  })

  it('lets a rule’s level override its entries, with suggestion as fatal undefined', () => {
    const messages = lint('The Hermit Kingdom fired.', undefined, {rules: {'loaded-language': 'suggestion'}})
    expect(messages).toHaveLength(1)
    expect(messages[0]!.fatal).toBeUndefined()
  })

  it('turns a rule off', () => {
    expect(lint('The Hermit Kingdom fired.', undefined, {rules: {'loaded-language': 'off'}})).toEqual([])
  })

  it('allows entries by id and adds house terms', () => {
    const messages = lint('A tragic regime crossed the border.', undefined, {
      rules: {'loaded-language': ['warning', {allow: ['tragic'], terms: [{match: 'crossed the border', prefer: ['entered'], reason: 'House style.'}]}]}
    })
    expect(messages.map((m) => `${m.ruleId}: ${m.actual} -> ${m.expected.join('/')}`)).toEqual([
      'regime: regime -> government/administration/authorities',
      'crossed-the-border: crossed the border -> entered'
    ])
  })
})
