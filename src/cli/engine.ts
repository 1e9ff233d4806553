/**
 * One way to run copydesk over files, for the CLI and the language server:
 * unified-engine with copydesk's parser, configuration discovery
 * (.retextrc*, a `copydesk` field in package.json), ignore files and globs.
 */
import type {Readable} from 'node:stream'
import {engine} from 'unified-engine'
import {unified, type Plugin, type Processor} from 'unified'
import type {VFile} from 'vfile'
import copydesk from '../index.js'
import copydeskParse from '../parse.js'
import {release} from '../analysis/index.js'
import type {Root} from 'nlcst'
import {configTransform} from './config.js'

export interface LintOptions {
  readonly files: ReadonlyArray<string | VFile>
  readonly cwd: string
  readonly streamIn?: Readable
  readonly stdinFilename?: string
  readonly config?: string
  readonly noConfig?: boolean
  readonly ignorePath?: string
  readonly ignorePatterns?: readonly string[]
  readonly noIgnore?: boolean
  /** Whether a file named explicitly but ignored is reported (the CLI) or skipped (the editor). */
  readonly silentlyIgnore?: boolean
  /** More plugins after copydesk (the CLI's progress counter). */
  readonly plugins?: ReadonlyArray<Plugin<unknown[]>>
  /** Free each tree once linted (the report needs only messages and the summary). */
  readonly release?: boolean
  /** The processor to configure (default: copydesk's parser). */
  readonly processor?: Processor
  /** Whether copydesk runs when no configuration names it (default: yes). */
  readonly preset?: boolean
  /** Called for each configuration file found and loaded (a `.retextrc*`, a `copydesk` field, `--config`). */
  readonly onConfig?: () => void
}

// The engine takes plugins of any options; copydesk checks its own.
const preset = copydesk as unknown as Plugin<unknown[]>

const releaser = (() => (tree: Root) => release(tree)) as unknown as Plugin<unknown[]>

export const extensions = ['txt', 'text', 'md', 'markdown', 'html', 'htm']

export function lint(options: LintOptions): Promise<VFile[]> {
  return new Promise((resolve, reject) => {
    engine(
      {
        processor: (options.processor ?? unified().use(copydeskParse)) as never,
        files: [...options.files],
        extensions,
        cwd: options.cwd,
        ...(options.streamIn ? {streamIn: options.streamIn} : {}),
        ...(options.stdinFilename ? {filePath: options.stdinFilename} : {}),
        out: false,
        output: false,
        rcName: '.retextrc',
        packageField: 'copydesk',
        detectConfig: !options.noConfig,
        ...(options.config ? {rcPath: options.config} : {}),
        configTransform: (options.onConfig ? (raw: unknown, path: string) => {
          options.onConfig!()
          return configTransform(raw, path)
        } : configTransform) as never,
        defaultConfig: {plugins: options.preset === false ? [] : [[preset, {}]]},
        plugins: [...(options.preset === false ? [] : [[preset, {}] as [Plugin<unknown[]>, object]]), ...(options.plugins ?? []).map((plugin) => [plugin] as [Plugin<unknown[]>]), ...(options.release ? [[releaser] as [Plugin<unknown[]>]] : [])],
        ignoreName: '.copydeskignore',
        detectIgnore: !options.noIgnore,
        ...(options.ignorePath ? {ignorePath: options.ignorePath} : {}),
        ignorePatterns: [...(options.ignorePatterns ?? [])],
        silentlyIgnore: options.silentlyIgnore ?? false,
        reporter: () => '',
        quiet: false,
        color: false
      },
      (error, _code, result) => {
        if (error) reject(error)
        else resolve(result?.files ?? [])
      }
    )
  })
}
