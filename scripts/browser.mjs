#!/usr/bin/env node
// The browser build of copydesk (`copydesk/browser`): src/browser.ts bundled
// with esbuild into one ES module, dist/browser/copydesk.js, with the build's
// checked rule data inside. No Node built-ins reach the bundle: the few the
// Node build uses to find files are replaced by stubs that say so (the
// browser build is given its data instead), and the Markdown and HTML readers
// are imported directly instead of loaded on demand. Prints the size.
//
//   node scripts/browser.mjs            build (after `npm run build`)
//   node scripts/browser.mjs --check    also fail if the bundle imports anything
import {build} from 'esbuild'
import {readFileSync, statSync} from 'node:fs'
import {gzipSync} from 'node:zlib'
import {resolve} from 'node:path'
import {fileURLToPath} from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const rules = ['unattributed-statistic', 'loaded-language', 'hedge', 'boilerplate', 'anonymous-source', 'attribution-verb', 'unattributed-quote']
const data = Object.fromEntries(rules.map((rule) => [rule, JSON.parse(readFileSync(`${root}dist/rules/${rule}.json`, 'utf8')).data]))
const readers = ['mdast-util-from-markdown', 'micromark-extension-gfm', 'mdast-util-gfm', 'micromark-extension-frontmatter', 'mdast-util-frontmatter', 'mdast-util-to-nlcst', 'hast-util-from-html', 'hast-util-to-nlcst']

const stubs = {
  'node:fs': 'const none = () => { throw new Error("copydesk in the browser reads no files") }\nexport const existsSync = () => false\nexport const readFileSync = none\nexport const statSync = none',
  'node:crypto': 'export const createHash = () => { throw new Error("copydesk in the browser hashes no files") }',
  'node:url': 'export const fileURLToPath = (url) => String(url)',
  'node:module': readers.map((name, i) => `import * as m${i} from ${JSON.stringify(name)}`).join('\n') +
    `\nconst table = {${readers.map((name, i) => `${JSON.stringify(name)}: m${i}`).join(', ')}}\n` +
    'export const createRequire = () => (name) => { if (!(name in table)) throw new Error(`not in the browser build: ${name}`); return table[name] }'
}

const copydeskBrowser = {
  name: 'copydesk-browser',
  setup(b) {
    b.onResolve({filter: /^node:(?:fs|crypto|url|module)$/}, (args) => ({path: args.path, namespace: 'stub'}))
    b.onLoad({filter: /.*/, namespace: 'stub'}, (args) => ({contents: stubs[args.path], loader: 'js', resolveDir: root}))
    b.onResolve({filter: /^copydesk:entry$/}, () => ({path: 'entry', namespace: 'copydesk'}))
    b.onLoad({filter: /.*/, namespace: 'copydesk'}, () => ({
      contents: `import {provideRules} from ${JSON.stringify(resolve(root, 'src/data.ts'))}\nprovideRules(${JSON.stringify(data)})\nexport * from ${JSON.stringify(resolve(root, 'src/browser.ts'))}\n`,
      loader: 'ts',
      resolveDir: root
    }))
    // The sources import each other as .js (for Node): bundle the .ts.
    b.onResolve({filter: /^\.\.?\/.*\.js$/}, (args) => (args.importer.includes('/src/') ? {path: resolve(args.resolveDir, args.path.replace(/\.js$/, '.ts'))} : undefined))
  }
}

const outfile = `${root}dist/browser/copydesk.js`
const result = await build({
  entryPoints: ['copydesk:entry'],
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  legalComments: 'none',
  define: {'import.meta.url': '"https://copydesk.invalid/dist/data.js"'},
  plugins: [copydeskBrowser],
  outfile,
  metafile: true,
  logLevel: 'warning'
})
const inputs = Object.keys(result.metafile.inputs)
const node = inputs.filter((i) => /^(?:node:|stub:)/.test(i) || /node_modules\/(?:path-browserify|process|buffer|util|events)\//.test(i))
const bytes = statSync(outfile).size
const gzip = gzipSync(readFileSync(outfile)).length
console.log(`dist/browser/copydesk.js: ${(bytes / 1024).toFixed(0)} KB (${(gzip / 1024).toFixed(0)} KB gzipped), ${inputs.length} modules; Node polyfills: ${node.filter((i) => !i.startsWith('stub:')).length === 0 ? 'none' : node.join(', ')}`)
if (args().includes('--check') && node.some((i) => !i.startsWith('stub:'))) process.exit(1)

function args() {
  return process.argv.slice(2)
}
