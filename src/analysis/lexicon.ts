/**
 * Closed word classes the sourcing analysis needs. These are grammar, not
 * house style: which verbs report speech, which nouns name a source, which
 * words make a number a time. House-style vocabularies (loaded words, hedges,
 * boilerplate) live in `rules/` as data.
 */

const set = (words: string): ReadonlySet<string> => new Set(words.trim().split(/\s+/))

/** Verbs (every inflection) that report what a source says, knows or found. */
export const reportingVerbs = set(`
  say says said saying tell tells told telling add adds added adding
  state states stated stating write writes wrote writing announce announces announced announcing
  report reports reported reporting estimate estimates estimated estimating
  confirm confirms confirmed confirming explain explains explained explaining note notes noted noting
  argue argues argued arguing warn warns warned warning predict predicts predicted predicting
  forecast forecasts forecasted claim claims claimed claiming insist insists insisted insisting
  admit admits admitted admitting reveal reveals revealed revealing disclose discloses disclosed disclosing
  cite cites cited citing show shows showed shown find finds found suggest suggests suggested
  indicate indicates indicated conclude concludes concluded calculate calculates calculated
  recorded publish publishes published release releases released quoted
  testify testifies testified allege alleges alleged acknowledge acknowledges acknowledged
  concede concedes conceded deny denies denied describe describes described describing call calls called calling
  brand brands branded dub dubs dubbed boast boasts boasted vow vows vowed pledge pledges pledged
  promise promises promised urge urges urged accuse accuses accused blame blames blamed
  believe believes believed maintain maintains maintained contend contends contended
  assert asserts asserted declare declares declared observe observes observed remark remarks remarked
  recall recalls recalled complain complains complained expect expects expected expecting projected projects
  ask asks asked reply replies replied answered tweeted posted recognise recognises recognised recognize recognizes recognized
  agree agrees agreed countered stress stresses stressed emphasise emphasises emphasised emphasize emphasizes emphasized
  hail hails hailed praise praises praised criticise criticises criticised criticize criticizes criticized
  condemn condemns condemned slam slams slammed slamming blast blasts blasted blasting confess confesses confessed
  ruled ordered fined sentenced awarded approved polled surveyed unveiled unveils allocated
  joked quipped continued reflected mused cautioned protested objected pleaded shouted wondered exclaimed
  commented enthused labelled labeled termed attack attacks attacked dismiss dismisses dismissed
  smile smiles smiled laugh laughs laughed sigh sighs sighed thinks whispered whispers shouted deplored deplores thank thanks thanked question questions questioned foresee foresees foresaw reject rejects rejected reiterate reiterates reiterated repeat repeats repeated
`)

/** Reporting verbs whose object is an opinion of a thing, not a report of figures. */
export const criticismVerbs = set(`
  slam slams slammed slamming blast blasts blasted blasting criticise criticises criticised criticize
  criticizes criticized condemn condemns condemned attack attacks attacked denounce denounces denounced
  hail hails hailed praise praises praised deny denies denied
`)

/** Verbs that are a source's own public act: the actor is the figure's source. */
export const actVerbs = set(`
  fine fines fined order orders ordered sentence sentences sentenced award awards awarded
  rule rules ruled approve approves approved announce announces announced unveil unveils unveiled
  pledge pledges pledged allocate allocates allocated budget budgets budgeted
`)

/**
 * Verbs of intent or proposal: a named subject is the source of the figure
 * it proposes ("Sanders has proposed a $15 minimum wage", "the campaign plans
 * to spend $10 million").
 */
export const intentVerbs = set(`
  propose proposes proposed proposing plan plans planned planning pledge pledges pledged pledging
  promise promises promised promising seek seeks sought seeking want wants wanted hope hopes hoped
  offer offers offered offering demand demands demanded demanding threaten threatens threatened
  aim aims intend intends intended budgeted vow vows vowed vowing advocate advocates advocated advocating
  commit commits committed forecast forecasts expect expects expected tout touts touted signed
`)

/** Participles that, after a form of "be" with no "by" agent, hedge instead of attributing. */
export const hedgingParticiples = set(`
  said believed thought understood reported claimed estimated rumoured rumored feared alleged
  expected suggested tipped considered known assumed called branded hailed described dubbed
  labelled labeled accused
`)

export const beVerbs = set(`is are was were be been being 's 're`)

/** Finite verbs: a subject noun phrase has none (outside a relative clause); a clause starts with one. */
export const finiteVerbs = set(`is are was were has have had will would can could do does did shall should may might must`)

/** Quantifier subjects that make "X say/believe" a hedge, not a source. */
export const hedgeSubjects = set(`some many others people most few everyone everybody anyone someone somebody`)

/**
 * Heads of noun phrases that name no one: "sources said", "officials said".
 * (Whether the source is anonymous is decided with the words around it.)
 */
export const anonymousHeads = set(`
  source sources official officials insider insiders expert experts critic critics analyst analysts
  observer observers witness witnesses diplomat diplomats person people aide aides ally allies
  reports leaks rumours rumors
  insider insiders commentator commentators campaigner campaigners activist activists
  resident residents friend friends colleague colleagues neighbour neighbours neighbor neighbors
  scientist scientists researcher researchers economist economists doctor doctors dentist dentists
  investor investors trader traders executive executives employee employees worker workers staff
  member members spokesperson spokesman spokeswoman representative representatives relative relatives
  parent parents fan fans user users voter voters leader leaders
  opponent opponents supporter supporters group groups
`)

/** Nouns naming a document or dataset: a source only when someone owns it. */
export const sourceNouns = set(`
  study studies report survey surveys poll polls figures data statistics stats research
  analysis analyses estimate estimates review audit census trial trials paper papers document documents
  leak projection projections forecast forecasts findings numbers index model modelling modeling
  investigation inquiry assessment note memo filing filings records record accounts results
  law laws legislation constitution regulations treaty statute charter
`)

/** Nouns for a body whose act or finding is itself a source ("a jury found", "the court ordered"). */
export const bodyNouns = set(`
  court jury judge tribunal panel commission committee council government ministry department agency
  office authority regulator inspector inspectors inspectorate board bank company firm group police
  prosecutors prosecutor parliament congress senate assembly cabinet service army military
  intelligence force navy guard coastguard staff command operator institute university observatory
  centre center organisation organization union association federation foundation charity party
  school hospital trust exchange watchdog authorities mps lawmakers legislators auditors investigators
`)

/** Time units: a number counting these places an event in time. */
export const timeUnits = set(`
  millisecond milliseconds ms second seconds sec secs minute minutes min mins hour hours hr hrs day days week weeks month months
  year years yr yrs decade decades century centuries millennium millennia night nights weekend weekends
  fortnight fortnights season seasons quarter quarters term terms semester semesters lifetime
  years-old year-old
`)

export const months = set(`
  january february march april may june july august september october november december
  jan feb mar apr jun jul aug sep sept oct nov dec
`)

export const weekdays = set(`monday tuesday wednesday thursday friday saturday sunday`)

/** Words after which a number is a label, not a quantity ("call 101", "flight 370"). */
export const identifierCues = set(`
  call dial phone ring quoting reference ref number no nos flight route line platform gate room page
  pages chapter section clause article rule level grade class size version season episode series
  stage phase round junction exit bus highway interstate road street avenue unit ward box code
  category type model mark article item exhibit lot channel track verse psalm figure table
  appendix schedule paragraph part vol volume issue postcode zip apartment flat suite top last
`)

/** Words that make a number a position in a sequence or race, not a count ("after 35km"). */
export const locativePrepositions = set(`after at`)

/** Words making a nearby small number a casualty or arrest count. */
export const casualtyWords = set(`
  killed kill kills killing dead died die dies death deaths injured injuring wounded wounding hurt
  missing arrested detained displaced casualties victims fatalities evacuated rescued hospitalised
  hospitalized
`)

/** Determiners and pronouns that point back to something already named. */
export const anaphoricDeterminers = set(`the this that these those such its their his her`)

export const pronouns = set(`he she they it we i you who`)

/** Nouns that, led by "these/the", refer back to figures. */
export const figureNouns = set(`
  figure figures number numbers statistic statistics data estimate estimates toll tally total totals
  count sum amount rise rises increase increases fall falls drop drops decline declines cut cuts
  loss losses gain gains projection projections forecast forecasts result results finding findings
  casualties budget investment payment payments deal fine fines price prices rate rates spending
  funding bill loan loans package layoffs cost costs bid valuation award damages compensation
  deficit surplus growth rises jump surge expansion contraction rate level levels share shares
  advance advances slump slide climb dip rebound recovery shortfall
`)

/** Nouns too general to show that two sentences talk about the same thing. */
export const genericNouns = set(`
  people person year years month months week weeks day days time times company country world
  government way thing things part number lot group man woman men women
`)

/**
 * What a side wins or takes in a contest: "claimed the title", "claimed top
 * spot". (Not "victory" or "majority": a candidate who claims victory says so.)
 */
export const contestNouns = set(`
  title titles crown spot medal medals gold silver bronze trophy trophies prize prizes cup slam
  championship championships pole lead wicket wickets seat seats double treble hat-trick hattrick scalp scalps
`)

/** Short function words, skipped when looking for content words. */
export const stopwords = set(`
  a an the of in on at to for from by with and or but as than then that this these those it its
  is are was were be been being has have had do does did will would could should may might can
  their his her our your my we they he she i you them him us me who which what when where while
  not no so if into onto over under about up down out off per each every all any some more most
  less least much many such only just also very
`)

/** Adverbs of approximation and comparison that belong to a figure's span. */
export const approximators = [
  'at least', 'at most', 'more than', 'less than', 'fewer than', 'no more than', 'no fewer than',
  'upwards of', 'in excess of', 'as many as', 'as much as', 'as few as', 'as little as', 'close to',
  'just over', 'just under', 'well over', 'well under', 'an estimated', 'an average of', 'a total of',
  'a record', 'up to', 'nearly', 'almost', 'about', 'around', 'roughly', 'approximately', 'some',
  'over', 'under', 'only', 'just', 'another', 'past', 'below', 'above', 'between', 'by', 'from', 'to',
  'some', 'barely', 'fully', 'an additional', 'a further'
] as const

/** Approximators that make even a small spelled-out count a claim ("at least three"). */
export const claimingApproximators = new Set([
  'at least', 'at most', 'more than', 'less than', 'fewer than', 'no more than', 'no fewer than',
  'upwards of', 'in excess of', 'as many as', 'as much as', 'as few as', 'as little as', 'close to',
  'just over', 'just under', 'well over', 'an estimated', 'an average of', 'a total of', 'up to',
  'nearly', 'almost', 'about', 'around', 'roughly', 'approximately', 'over', 'another', 'past'
])

/** Legal context: "allegedly" here is tied to an accusation, not a hedge. */
export const legalContext = set(`
  prosecutors prosecutor prosecution police indictment indicted charged charges charge accused
  lawsuit suit complaint plaintiff plaintiffs court jury trial magistrates convicted denies denied
  pleaded plead sued suing claimant claimants defendant defendants investigators detectives
  arrested arrest arrests parole suspended suspension tribunal hearing inquest banned ban doping
  prosecuted prosecute convictions conviction custody bail
`)

/** Nouns of intent: with an owner, the owner stands behind the figure ("his plan to cut 5,000 jobs"). */
export const intentNouns = set('proposal proposals plan plans pledge pledges promise promises call offer vow demand demands')

/** Verbs that move a count or forecast, and what follows them: "raised the death toll to 267". */
export const revisionVerbs = set('raised raises raising increased increases increasing revised revises revising lowered lowers lowering cut cuts updated updates upgraded downgraded')

/** The "-ing" forms of the reporting verbs, six letters or more: "showing", "admitting", "noting". */
export const reportingIng: ReadonlySet<string> = new Set(
  [...reportingVerbs].flatMap((verb) => [verb + 'ing', verb.endsWith('e') ? verb.slice(0, -1) + 'ing' : '', verb + verb.at(-1) + 'ing']).filter((form) => form.length >= 6)
)

/** Every word that can be an attribution's cue, "-ing" forms included. */
export const cueWords: ReadonlySet<string> = new Set([
  ...reportingVerbs, ...intentVerbs, ...sourceNouns, ...anonymousHeads, ...intentNouns, ...revisionVerbs,
  'according', 'hit', 'hits', 'hitting', 'lash', 'lashes', 'lashed', 'lashing', 'raised', 'raises', 'raising', 'expressed', 'voiced',
  'voices', 'put', 'puts', 'putting', 'point', 'points', 'pointed', 'pointing', 'calls', 'call', 'called',
  'lists', 'listed', 'listing', 'gives', 'gave', 'giving', 'charged', 'convicted', 'indicted',
  ...reportingIng
])

/** Spelled-out numbers, as a pattern's alternatives. */
export const wordNumbers = 'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|trillion|dozen'
export const fractions = 'half|halves|third|thirds|quarter|quarters|fifth|fifths|sixth|sixths|seventh|sevenths|eighth|eighths|ninth|ninths|tenth|tenths'

/** Words that can start a figure without a digit. */
export const numberWords: ReadonlySet<string> = new Set([
  ...wordNumbers.split('|'), ...fractions.split('|'), 'a', 'tens', 'hundreds', 'dozens', 'scores', 'thousands', 'millions', 'billions', 'trillions'
])
