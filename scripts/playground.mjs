#!/usr/bin/env node
// The playground: builds the browser bundle and the static page into
// dist/playground/ (a folder that can be hosted anywhere), then serves it on
// localhost (`--port 8080`; `--build-only` to stop after building).
import {execFileSync} from 'node:child_process'
import {copyFileSync, mkdirSync, readFileSync, readdirSync} from 'node:fs'
import {createServer} from 'node:http'
import {extname, join, normalize} from 'node:path'
import {fileURLToPath} from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const args = process.argv.slice(2)
const out = join(root, 'dist', 'playground')
execFileSync(process.execPath, [join(root, 'scripts', 'browser.mjs')], {stdio: 'inherit'})
mkdirSync(out, {recursive: true})
for (const name of readdirSync(join(root, 'playground'))) copyFileSync(join(root, 'playground', name), join(out, name))
copyFileSync(join(root, 'dist', 'browser', 'copydesk.js'), join(out, 'copydesk.js'))
console.log(`playground built in ${out}`)
if (args.includes('--build-only')) process.exit(0)

const port = args.includes('--port') ? Number(args[args.indexOf('--port') + 1]) : 8080
export const server = serve(out, port)

/** A static server for a folder, on localhost only. */
export function serve(folder, listenOn) {
  const types = {'.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8'}
  const s = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url, 'http://localhost').pathname)).replace(/^(\.\.[/\\])+/, '')
    const file = join(folder, path === '/' ? 'index.html' : path)
    if (!file.startsWith(folder)) return response.writeHead(403).end()
    try {
      const body = readFileSync(file)
      response.writeHead(200, {'content-type': types[extname(file)] ?? 'application/octet-stream'}).end(body)
    } catch {
      response.writeHead(404).end('not found')
    }
  })
  s.listen(listenOn, '127.0.0.1', () => console.log(`playground: http://localhost:${s.address().port}/`))
  return s
}
