/** `--format json`: an array of `{path, messages}`, one object per file. */
import type {ReportFile} from './types.js'

export function json(files: readonly ReportFile[]): string {
  return JSON.stringify(files, null, 2) + '\n'
}
