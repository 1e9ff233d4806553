#!/usr/bin/env node
// The `copydesk` command as a few files instead of ninety: after tsc, the CLI
// (dist/cli/index.js) and its worker are bundled with esbuild, in place, with
// what a run loads only on demand (the engine, the cache, git support) split
// into chunks beside them that load only when a run needs them. Node resolves
// and compiles one file where it resolved ninety: a short draft is linted
// about 70 ms sooner (see `npm run bench`).
//
// Every module keeps its own `import.meta.url` (it finds the rule files, the
// package.json and the worker from there): each is rewritten to the address
// the module had in dist/ before bundling. The library (dist/index.js), the
// language server and the browser build are not touched.
import {build} from 'esbuild'
import {readdirSync, readFileSync, rmSync} from 'node:fs'
import {relative, resolve} from 'node:path'
import {fileURLToPath} from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const outdir = resolve(root, 'dist/cli')

const ownUrls = {
  name: 'own-import-meta-url',
  setup(b) {
    b.onLoad({filter: /\.js$/}, (args) => {
      const text = readFileSync(args.path, 'utf8')
      if (!text.includes('import.meta.url')) return undefined
      const from = JSON.stringify(relative(outdir, args.path).split('\\').join('/'))
      return {contents: text.replaceAll('import.meta.url', `new URL(${from}, import.meta.url).href`), loader: 'js'}
    })
  }
}

// The input is tsc's output: bundling a bundle again would read chunks this run deletes.
if (readFileSync(resolve(outdir, 'index.js'), 'utf8').includes('__copydeskRequire')) {
  console.error('cli-bundle: dist/cli/index.js is already bundled; run the whole build (npm run build), which runs tsc first')
  process.exit(2)
}

// Chunks of an earlier build go: their names are hashes of what they held.
for (const name of readdirSync(outdir)) if (/^chunk-[A-Z0-9]+\.js$/.test(name)) rmSync(resolve(outdir, name))

await build({
  entryPoints: {index: resolve(outdir, 'index.js'), worker: resolve(outdir, 'worker.js')},
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outdir,
  allowOverwrite: true,
  chunkNames: 'chunk-[hash]',
  // CommonJS packages inside the bundle call `require` for Node's built-ins.
  banner: {js: "import {createRequire as __copydeskRequire} from 'node:module';\nconst require = __copydeskRequire(import.meta.url);"},
  plugins: [ownUrls],
  logLevel: 'warning'
})
