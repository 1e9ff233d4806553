/** The rules reference is generated from the data: it must be up to date. */
import {execFileSync} from 'node:child_process'
import {join} from 'node:path'
import {expect, it} from 'vitest'
import {root} from './helpers.js'

it('docs/rules.md matches rules/*.yml (run `npm run docs` after editing the data)', () => {
  expect(() => execFileSync(process.execPath, [join(root, 'scripts/docs.mjs'), '--check'], {stdio: 'pipe'})).not.toThrow()
})
