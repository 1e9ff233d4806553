// After tsc: make the CLI executable, and check every rule file once, keeping
// the checked data with the hash of its text (dist/rules/*.json) so a run does
// not parse YAML or compile the schema again. The loader re-checks any file
// whose text no longer matches its hash.
import {chmodSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {hash, parseRuleText, ruleNames, rulesDirectory} from '../dist/data.js'

chmodSync(new URL('../dist/cli/index.js', import.meta.url), 0o755)
chmodSync(new URL('../dist/lsp/bin.js', import.meta.url), 0o755)
mkdirSync(new URL('../dist/rules/', import.meta.url), {recursive: true})
for (const rule of ruleNames) {
  const text = readFileSync(`${rulesDirectory}${rule}.yml`, 'utf8')
  const data = parseRuleText(text, `rules/${rule}.yml`)
  writeFileSync(new URL(`../dist/rules/${rule}.json`, import.meta.url), JSON.stringify({hash: hash(text), data}))
}
