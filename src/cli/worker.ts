/** A worker thread of `copydesk --jobs`: lints the batches it is given, as the main thread would. */
import {parentPort, workerData} from 'node:worker_threads'
import {VFile} from 'vfile'
import {lint, type LintOptions} from './engine.js'
import {serialize} from './serialize.js'

const settings = workerData as Omit<LintOptions, 'files'>
let linted = 0
const counter = (() => () => {
  linted++
}) as never

parentPort!.on('message', (message: {index: number; files: Array<{path: string; value: string}>}) => {
  const batch = message.files.map((f) => new VFile({path: f.path, value: f.value, cwd: settings.cwd}))
  linted = 0
  lint({...settings, files: batch, plugins: [counter]}).then(
    (files) => {
      const byPath = new Map(files.map((f) => [f.path, f]))
      parentPort!.postMessage({index: message.index, progress: linted, results: batch.map((f) => serialize(byPath.get(f.path) ?? f))})
    },
    (error: Error) => {
      throw error
    }
  )
})
