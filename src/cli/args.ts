/** Command-line arguments: parsed strictly, with "did you mean" for typos. */
import {parseArgs} from 'node:util'
import {didYouMean} from '../suggest.js'

export interface Args {
  readonly files: string[]
  readonly format: Format
  readonly outputFile?: string
  readonly config?: string
  readonly noConfig: boolean
  readonly ignorePath?: string
  readonly ignorePatterns: string[]
  readonly noIgnore: boolean
  readonly stdinFilename?: string
  readonly changedSince?: string
  readonly quiet: boolean
  readonly summary: boolean
  readonly fix: boolean
  readonly fixDryRun: boolean
  readonly maxWarnings?: number
  readonly color?: boolean
  /** Worker threads (default: one a core but one). */
  readonly jobs?: number
  /** This run's share: [i, n]. */
  readonly shard?: readonly [number, number]
  /** Where to keep the cache, when --cache is on. */
  readonly cache?: string
  readonly help: boolean
  readonly version: boolean
}

export const formats = ['stylish', 'json', 'sarif', 'github', 'junit', 'html'] as const
export type Format = (typeof formats)[number]

export class UsageError extends Error {
  override name = 'UsageError'
}

const options = {
  format: {type: 'string', short: 'f'},
  'output-file': {type: 'string', short: 'o'},
  config: {type: 'string', short: 'c'},
  'no-config': {type: 'boolean'},
  'ignore-path': {type: 'string'},
  'ignore-pattern': {type: 'string', multiple: true},
  'no-ignore': {type: 'boolean'},
  'stdin-filename': {type: 'string'},
  'changed-since': {type: 'string'},
  quiet: {type: 'boolean', short: 'q'},
  summary: {type: 'boolean', short: 's'},
  fix: {type: 'boolean'},
  'fix-dry-run': {type: 'boolean'},
  'max-warnings': {type: 'string'},
  color: {type: 'boolean'},
  'no-color': {type: 'boolean'},
  jobs: {type: 'string', short: 'j'},
  shard: {type: 'string'},
  cache: {type: 'boolean'},
  'cache-location': {type: 'string'},
  help: {type: 'boolean', short: 'h'},
  version: {type: 'boolean', short: 'v'}
} as const

const names = Object.keys(options).map((name) => `--${name}`)

export function parse(argv: readonly string[]): Args {
  let parsed
  try {
    parsed = parseArgs({args: [...argv], options, allowPositionals: true, strict: true})
  } catch (error) {
    const message = (error as Error).message
    const unknown = /Unknown option '([^']+)'/.exec(message)
    if (unknown) throw new UsageError(`unknown option ${unknown[1]}${didYouMean(unknown[1]!, names)}; see copydesk --help`)
    const missing = /Option '([^']+?)(?: <value>)?' argument missing/.exec(message)
    if (missing) throw new UsageError(`option ${missing[1]!.replace(/^-\w, /, '')} needs a value; see copydesk --help`)
    throw new UsageError(`${message.split('\n')[0]}; see copydesk --help`)
  }
  const v = parsed.values
  const format = (v.format ?? 'stylish') as string
  if (!(formats as readonly string[]).includes(format)) {
    throw new UsageError(`unknown format "${format}"${didYouMean(format, formats)}; formats are ${formats.join(', ')}`)
  }
  let maxWarnings: number | undefined
  if (v['max-warnings'] !== undefined) {
    maxWarnings = Number(v['max-warnings'])
    if (!/^\d+$/.test(v['max-warnings'])) throw new UsageError(`--max-warnings needs a whole number of warnings, not "${v['max-warnings']}"`)
  }
  let jobs: number | undefined
  if (v.jobs !== undefined) {
    if (!/^\d+$/.test(v.jobs) || Number(v.jobs) < 1) throw new UsageError(`--jobs needs a whole number of workers, 1 or more, not "${v.jobs}"`)
    jobs = Number(v.jobs)
  }
  let shard: [number, number] | undefined
  if (v.shard !== undefined) {
    const m = /^(\d+)\/(\d+)$/.exec(v.shard)
    if (!m || Number(m[1]) < 1 || Number(m[1]) > Number(m[2])) throw new UsageError(`--shard needs i/n with 1 ≤ i ≤ n (for example 2/4), not "${v.shard}"`)
    shard = [Number(m[1]), Number(m[2])]
  }
  if (v['cache-location'] !== undefined && !v.cache) throw new UsageError('--cache-location needs --cache')
  if (v.config !== undefined && v['no-config']) throw new UsageError('--config and --no-config cannot be used together')
  if (v.fix && v['fix-dry-run']) throw new UsageError('--fix and --fix-dry-run cannot be used together: --fix-dry-run shows what --fix would write')
  if (v.fix && parsed.positionals.length === 0) throw new UsageError('--fix needs files to write; for standard input use --fix-dry-run')
  return {
    files: parsed.positionals,
    format: format as Format,
    ...(v['output-file'] !== undefined ? {outputFile: v['output-file']} : {}),
    ...(v.config !== undefined ? {config: v.config} : {}),
    noConfig: Boolean(v['no-config']),
    ...(v['ignore-path'] !== undefined ? {ignorePath: v['ignore-path']} : {}),
    ignorePatterns: v['ignore-pattern'] ?? [],
    noIgnore: Boolean(v['no-ignore']),
    ...(v['stdin-filename'] !== undefined ? {stdinFilename: v['stdin-filename']} : {}),
    ...(v['changed-since'] !== undefined ? {changedSince: v['changed-since']} : {}),
    quiet: Boolean(v.quiet),
    summary: Boolean(v.summary),
    fix: Boolean(v.fix),
    fixDryRun: Boolean(v['fix-dry-run']),
    ...(maxWarnings !== undefined ? {maxWarnings} : {}),
    ...(v['no-color'] ? {color: false} : v.color ? {color: true} : {}),
    ...(jobs !== undefined ? {jobs} : {}),
    ...(shard ? {shard} : {}),
    ...(v.cache ? {cache: v['cache-location'] ?? '.copydeskcache'} : {}),
    help: Boolean(v.help),
    version: Boolean(v.version)
  }
}

export const help = `Usage: copydesk [options] [files, folders or globs]

Lints English news copy for unsourced figures, loaded wording, hedges,
boilerplate, anonymous sources, judging said-verbs and quotes without a
speaker. With no files, reads the draft from standard input.

Options:
  -f, --format <name>         report format: stylish (default), json, sarif
                              (GitHub code scanning), github (workflow
                              annotations), junit (GitLab, Jenkins) or html
                              (a marked-up proof of the draft, one page)
  -o, --output-file <path>    write the report to a file instead of stdout
  -c, --config <path>         use this configuration file
      --no-config             ignore .retextrc* files and package.json
      --ignore-path <path>    ignore file to use (default: .copydeskignore)
      --ignore-pattern <glob> also ignore files matching <glob> (repeatable)
      --no-ignore             do not use ignore files
      --stdin-filename <name> file name for the text read from stdin
      --changed-since <ref>   report only lines changed since a git ref
                              (for a pull request: origin/main)
  -s, --summary               show who says so: figures with and without a
                              source, the sources (named or anonymous) and
                              quotations with and without a speaker
      --fix                   apply the fixes marked safe (see docs/rules.md),
                              writing each file atomically
      --fix-dry-run           print those fixes as a diff instead of writing
  -j, --jobs <n>              lint on <n> worker threads (default: one a
                              core but one; 1 lints in one thread)
      --shard <i/n>           lint only the i-th of n equal shares of the
                              files (a CI matrix over an archive)
      --cache                 skip files unchanged since the last run
                              (same text, configuration and copydesk)
      --cache-location <path> where --cache keeps results (default:
                              .copydeskcache)
  -q, --quiet                 report errors only
      --max-warnings <n>      exit 1 when there are more than <n> warnings
      --color, --no-color     force colour on or off (default: on for a
                              terminal, off when NO_COLOR is set)
  -h, --help                  show this help
  -v, --version               show the version

Exit codes:
  0  no errors (and no more warnings than --max-warnings)
  1  errors found, or more warnings than --max-warnings
  2  a usage, configuration or input problem

Examples:
  copydesk draft.txt                       lint one draft
  copydesk "stories/**/*.txt"              lint every story (quote globs)
  copydesk --format json drafts > report.json
  copydesk --format html -o proof.html draft.md   the draft, marked up
  cat draft.txt | copydesk --stdin-filename draft.txt
  copydesk --summary draft.txt             the sourcing summary, then the findings
  copydesk --changed-since origin/main --format github drafts
                                           annotate only what a pull request changed
  copydesk --max-warnings 0 --quiet drafts  fail on any warning, show errors
  copydesk --cache --shard 1/4 archive/    a quarter of an archive, skipping
                                           files linted before

Configuration: .retextrc.json (or .retextrc, .retextrc.yml, or a "copydesk"
field in package.json), found by walking up from each file:
  {"plugins": [["copydesk", {"rules": {"hedge": "suggestion"}}]]}
Rules: unattributed-statistic, loaded-language, hedge, boilerplate,
anonymous-source, attribution-verb, unattributed-quote.
Docs: https://github.com/copydesk/copydesk#readme
`
