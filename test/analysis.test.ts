/**
 * The sourcing model on its own: figures and what they are, quotations and
 * their speakers, attributions and whether their source is named.
 */
import {describe, expect, it} from 'vitest'
import {unified} from 'unified'
import retextEnglish from 'retext-english'
import {VFile} from 'vfile'
import {analyze, sourceOf} from '../src/analysis/index.js'

function analysis(text: string, analysed = true) {
  const file = new VFile(text)
  const tree = unified().use(retextEnglish).parse(file)
  return {result: analysed ? analyze(tree as never, file) : undefined!, file, tree}
}

const figures = (text: string) =>
  analysis(text).result.sentences.flatMap((s) => s.figures).map((f) => `${f.text}: ${f.statistic ? f.kind : `not (${f.not})`}`)

describe('figures', () => {
  it.each([
    ['Shares fell 6.4% on Thursday.', ['6.4%: percentage']],
    ['It will cost $4.2bn, or £300 million, or Rs 34,999, or ¥8.7 trillion.', ['$4.2bn: money', '£300 million: money', 'Rs 34,999: money', '¥8.7 trillion: money']],
    ['Between 40 and 50 places are empty; 10 to 15 miles away.', ['Between 40 and 50: count', '10 to 15 miles: measure']],
    ['A third of voters, one in five adults and two-thirds of firms agreed.', ['A third: share', 'one in five: share', 'two-thirds: share']],
    ['Tens of thousands marched and hundreds of food banks opened.', ['Tens of thousands: count', 'hundreds: count']],
    ['At least 100 died, and another 1,000 were hurt; up to 30% left.', ['At least 100: count', 'another 1,000: count', 'up to 30%: percentage']],
    ['Temperatures passed 44C and the 5,000mAh battery weighs 200g.', ['44C: measure', '5,000mAh: not (specification)', '200g: measure']],
    ['It happened in 2022, in the 1980s, on March 14, at 10:30 and at 2:16:42.', ['2022: not (year)', '1980s: not (decade)', '14: not (date)', '10: not (time)', '2: not (time)']],
    ['Germany during the 30\'s, and the 1960’s.', ['30: not (decade)', '1960: not (decade)']],
    ['She is 44; the 34-year-old man, aged 75, left. Vale, 44, sings.', ['44: not (age)', '34: not (age)', '75: not (age)', '44: not (age)']],
    ['The G7 met as F-16 jets and a Boeing 737 flew past Route 66.', ['16: not (identifier)', '737: not (identifier)', '66: not (identifier)']],
    ['They won 2-0, came 17th, and waited for two hours over a six-year journey.', ['2-0: not (score)', '17th: not (ordinal)', 'two: not (duration)', 'six: not (duration)']],
    ['Call 101, quoting reference 5224081932.', ['101: not (identifier)', '5224081932: not (identifier)']],
    ['Two children and three judges were there.', ['Two: not (small count)', 'three: not (small count)']],
    ['Eight people were killed.', ['Eight: count']],
    ['In the second half of July, half-time came early.', []],
    ['He flew in on his 757 jet; the airline bought 40 jets.', ['757: not (identifier)', '40: count']],
    ['In all, 865 delegates are at stake, and she won 334 of the 213 seats up for grabs.', ['865: not (threshold)', '334: count', '213: not (threshold)']],
    ['With 5,000 jobs at stake, the firm ordered 50 fighter jets and 200 jet engines.', ['5,000: count', '50: count', '200: count']],
    ['She pulled clear in the final 300m; he shot from 18 yards, with a 360-degree view of a 140,000-acre estate.', ['300m: not (identifier)', '18 yards: not (position)', '360-degree: not (descriptor)', '140,000-acre: not (descriptor)']],
    ['The firm lost the first 300m of its funds and 40 miles of track.', ['300m: count', '40 miles: measure']],
    ['He served half of a nine-year sentence, then 47 continuous years in Parliament.', ['half: not (duration)', 'nine: not (duration)', '47: not (duration)']],
    ['Watch it at 2340 on BBC Two: 7.5 connections per 100 people, and a free-kick 25 yards out.', ['2340: not (time)', 'Two: not (identifier)', '7.5: count', '100: not (rate base)', '25 yards: not (position)']],
    ['The Commodore 64 sold well. Commodore 64 fans wrote emulators. The 16 films are in competition.', ['64: not (identifier)', '64: not (identifier)', '16: count']]
  ])('%s', (text, expected) => {
    expect(figures(text)).toEqual(expected)
  })

  it('does not count numbers inside quotations as statistics', () => {
    expect(figures('"We lost 40% of our staff," she said.')).toEqual(['40%: not (quoted)'])
  })

  it('counts a figure the story gave before, named again with "the", as the same claim', () => {
    expect(figures('Twitter shut 335 accounts. The 335 accounts were run from Syria. Another 335 were not.')).toEqual(['335: count', '335: not (repeated)', 'Another 335: count'])
    expect(figures('Prices rose 30% this year. The 30 per cent rise was a record.')).toEqual(['30%: percentage', '30 per cent: not (repeated)'])
    // An age is no claim to repeat.
    expect(figures('The driver, aged 18, was hurt. The 18 passengers escaped.')).toEqual(['18: not (age)', '18: count'])
  })
})

describe('quotations', () => {
  const quotes = (text: string) => analysis(text).result.quotations.map((q) => `${q.text} ← ${q.title ? 'title' : q.speaker?.source?.text ?? 'no speaker'}`)

  it.each([
    ['“It is over,” Zelensky said.', ['“It is over,” ← Zelensky']],
    ['"It is over," said Dr Amara Okafor, a cardiologist.', ['"It is over," ← Dr Amara Okafor']],
    ['He described the troops as a “burden” to the army.', ['“burden” ← He']],
    ['An insider told us: "Jake is perfect. He is the one."', ['"Jake is perfect. He is the one." ← An insider']],
    ['“We won,” the manager said. “But there are 12 games left.”', ['“We won,” ← the manager', '“But there are 12 games left.” ← the manager']],
    ['The breach has been branded "a catastrophic failure".', ['"a catastrophic failure" ← no speaker']],
    ['She sang her hit "Wildfire".', ['"Wildfire" ← title']],
    ['He said it was "don\'t touch" and left.', ['"don\'t touch" ← He']]
  ])('%s', (text, expected) => {
    expect(quotes(text)).toEqual(expected)
  })

  it('continues a quotation across paragraphs when the next one reopens it', () => {
    const text = '“We will fight,” the mayor said. “We have the money.\n\n“And we have the will.”'
    expect(quotes(text)).toEqual(['“We will fight,” ← the mayor', '“We have the money. ← the mayor', '“And we have the will.” ← the mayor'])
  })

  it('ignores apostrophes, possessives and a stray closing mark', () => {
    expect(quotes('The soldiers’ families said the Kingdom’s losses don’t end ” there.')).toEqual([])
  })

  it('keeps the quotations after a stray opening mark', () => {
    expect(quotes('He posted: "“If I was a donor, I’d want answers,” a member said.\n\nThe rest.')).toEqual(['“If I was a donor, I’d want answers,” ← He'])
  })

  it('does not take a word that only starts like an elision for one', () => {
    expect(quotes("She said 'Roundabouts are safer,' and left.")).toEqual(["'Roundabouts are safer,' ← She"])
  })

  it('reads an elided word as an apostrophe, not an opening mark', () => {
    const text = 'Makers of shoot \'em ups like it. "It is important," explained Mr Montieth. "We focused on Japan. "We knew it would work."'
    expect(quotes(text)).toEqual(['"It is important," ← Mr Montieth', '"We focused on Japan. ← Mr Montieth', '"We knew it would work." ← Mr Montieth'])
  })

  it('takes a statement quoted whole across paragraphs, one mark at each end, as one quotation', () => {
    const text = 'The campaign posted an update:\n\n"Sanders trailed by 0.3 points.\n“It is a tie,” Sanders said.\nClinton had 49.9 percent."\n\nThe count went on.'
    const {result} = analysis(text)
    expect(result.quotations.map((q) => q.text)).toEqual(['"Sanders trailed by 0.3 points.\n“It is a tie,” Sanders said.\nClinton had 49.9 percent."'])
    expect(figures(text)).toEqual(['0.3: not (quoted)', '49.9 percent: not (quoted)'])
  })

  it('does not let a stray opening mark swallow the paragraphs after it', () => {
    const text = 'He said "yes.\n\nShe said "no," and left.\n\nThey went home."'
    expect(quotes(text)).toEqual(['"no," ← She'])
  })
})

describe('attributions', () => {
  const sources = (text: string) =>
    analysis(text).result.sentences.flatMap((s) => s.attributions).map((a) => `${a.cue.text} ← ${a.source?.text} (${a.named ? 'named' : a.anonymous ? 'anonymous' : 'unclear'})`)

  it.each([
    ['The regional governor said on Friday that power was cut.', ['said ← The regional governor (named)']],
    ['Power was cut, according to the national grid operator Ukrenergo.', ['according to ← the national grid operator Ukrenergo (named)']],
    ['Data from the Labor Department showed a rise.', ['Data from ← the Labor Department (named)']],
    ['Sources said a deal was close.', ['said ← Sources (anonymous)']],
    ['People familiar with the matter said the cuts were coming.', ['said ← People familiar with the matter (anonymous)']],
    ['Her lawyer, Reza Tavakoli, described the verdict as a travesty.', ['described ← Her lawyer, Reza Tavakoli (named)']],
    ['The chain, which has 212 stores, conceded it would close more.', ['conceded ← The chain (named)']],
    ['The figures were revealed during a briefing from South Korea’s intelligence service.', ['revealed ← South Korea’s intelligence service (named)']],
    ['Economists polled by Bloomberg had expected a fall.', ['polled ← Bloomberg (named)']],
    ['It is thought the talks will fail.', []],
    ['The actor is said to be paid $20 million.', []],
    ['Many believe the fight will go on.', []],
    ['Shocking new figures suggest millions are at risk.', []],
    ['Libby Schaaf, the mayor of Oakland, also spoke out: the city has 400,000 people.', ['spoke ← the mayor of Oakland (named)']],
    ['And his supporters were making the same argument: we will unite 70 percent of the party.', ['argument ← his supporters (anonymous)']],
    ['The stats speak for themselves: 11 titles from 11 finals.', []],
    ['Chatwal pleaded guilty to making $180,000 in straw donations.', ['pleaded guilty ← Chatwal (named)']],
    ['Women can expect to live until 85, and fans should note the date.', []],
    ['Police can confirm 12 arrests.', ['confirm ← Police (named)']],
    ['Fuller is involved, according to reports in the Hollywood Reporter.', ['according to ← reports in the Hollywood Reporter (named)']],
    ['As the Washington Post — even the devil can quote statistics — observed, Republicans control 30 states.', ['observed ← the Washington Post (named)']],
    ['The senator is telling reporters he will win 11 states.', ['telling ← The senator (named)']],
    ['EU member states are failing to report fraud, the watchdog has said.', ['said ← the watchdog (named)']],
    ['In a statement, ATR has said deliveries will begin.', ['said ← ATR (named)']],
    ['The mayor spoke at 10:30 after 300 homes flooded.', []],
    ['Our expert prediction: Redford 3-1 Castleton.', []]
  ])('%s', (text, expected) => {
    expect(sources(text)).toEqual(expected)
  })
})

describe('sourceOf', () => {
  const sourced = (text: string, window = 1) => {
    const {result} = analysis(text)
    return result.sentences.flatMap((s) => s.figures).filter((f) => f.statistic).map((f) => `${f.text}: ${sourceOf(result, f, window)?.via ?? 'none'}`)
  }

  it('finds the source in the sentence', () => {
    expect(sourced('About 160,000 homes lost power, the governor said.')).toEqual(['About 160,000: sentence'])
  })

  it('finds it in the next sentence when that sentence refers back to the figures', () => {
    expect(sourced('At least 100 died. These figures were released by the ministry.')).toEqual(['At least 100: next'])
  })

  it('finds it in the next sentence when that sentence names what the figure counts', () => {
    // The words after the figure ("homes", not the name "Cardiff" nor "new") come back with "the" in the next sentence.
    expect(sourced('The council will build 2,000 new homes in Cardiff. The homes were announced by Mayor Jane Smith.')).toEqual(['2,000: next'])
    expect(sourced('The council will build 2,000 new Cardiff homes. The Cardiff plan was announced by Mayor Jane Smith.')).toEqual(['2,000: none'])
    expect(sourced('The council will build 2,000 new homes in Cardiff. The offices were announced by Mayor Jane Smith.')).toEqual(['2,000: none'])
  })

  it('finds it in the sentence before when the figure’s sentence refers back to the source', () => {
    expect(sourced('The risk fell, according to a study in The Lancet. The trial followed 9,400 patients.')).toEqual(['9,400: previous'])
  })

  it('scopes an owned plan to its clause, and to the list a "which" clause goes on with', () => {
    expect(sourced('Residents opposed his plan for the course, which involved building 152 homes, putting up a centre, and adding 300 flats.')).toEqual(['152: sentence', '300: sentence'])
    expect(sourced('Unions attacked his plan to cut 5,000 jobs, while 2,000 staff quit.')).toEqual(['5,000: sentence', '2,000: none'])
  })

  it('carries a named series on to the next sentence of its paragraph that pairs with it', () => {
    expect(sourced('Output fell to 3.1 million barrels, according to Douglas-Westwood. Consumption, meanwhile, has jumped to 2.4 million barrels.')).toEqual(['3.1 million barrels: sentence', '2.4 million barrels: previous'])
    expect(sourced('The agency estimates the project will cost $40m, its director said. So far it has received $11m.')).toEqual(['$40m: sentence', '$11m: previous'])
    // "Meanwhile" at the start turns to something else.
    expect(sourced('The charity pledged $5m, its director said. Meanwhile 70 singers joined the concert.')).toEqual(['$5m: sentence', '70: none'])
  })

  it('gives the shares of people a named poll asked to that poll, across a run of answers', () => {
    const text = 'A poll for the Sunday Times found support was unchanged. Labour lead by 39% to 34%. The firm interviewed 601 people. Some 82% said he was right, but 42% backed his case. Meantime, 32% said the leader was good.'
    // (601 is the poll's sample: methodology, not a claim.)
    expect(sourced(text)).toEqual(['39% to 34%: previous', 'Some 82%: previous', '42%: previous', '32%: previous'])
    // Without a named poll before them, shares are unsourced.
    expect(sourced('Support was unchanged. Some 82% said he was right.')).toEqual(['Some 82%: none'])
  })

  it('does not take a neighbour’s source for an unrelated figure', () => {
    expect(sourced('Prices fell 80%. Analysts said the writedown was large.')).toEqual(['80%: none'])
  })

  it('widens with the window: a source two sentences away', () => {
    const text = 'Armed groups control 85% of the capital. Schools are shut. That estimate was given by the UN envoy.'
    expect(sourced(text, 1)).toEqual(['85%: none'])
    expect(sourced(text, 2)).toEqual(['85%: next'])
  })
})

describe('cache', () => {
  it('computes the analysis once per tree and keeps it on the file', () => {
    const {file, tree, result} = analysis('The Hermit Kingdom fired.')
    expect(analyze(tree as never, file)).toBe(result)
    expect((file.data as {copydesk?: unknown}).copydesk).toBe(result)
  })

  it('leaves no trace a tree\'s user can see: keys, JSON and a copy are as before', () => {
    const {tree} = analysis('The Hermit Kingdom fired 300 missiles.')
    const before = analysis('The Hermit Kingdom fired 300 missiles.', false).tree
    expect(Object.keys(tree)).toEqual(Object.keys(before))
    expect(JSON.stringify(tree)).toBe(JSON.stringify(before))
    expect(Object.getOwnPropertySymbols({...tree})).toEqual([])
  })

  it('works on a frozen tree, working the analysis out again each time', () => {
    const {file, tree} = analysis('Officials said 300 people died.', false)
    Object.freeze(tree)
    const first = analyze(tree as never, file)
    const second = analyze(tree as never, file)
    expect(second).not.toBe(first)
    expect(second.sentences[0]!.figures.map((f) => f.text)).toEqual(['300'])
  })
})
