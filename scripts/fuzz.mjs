#!/usr/bin/env node
// Long fuzzing: the property tests (test/properties.test.ts) round after
// round, each with a new seed and many runs, until the time is up or a
// property fails (then the seed to replay it is printed).
//
//   npm run fuzz                      10 minutes
//   npm run fuzz -- --minutes 30      longer
//   npm run fuzz -- --runs 5000       runs a property a round (default 2000)
//   FUZZ_SEED=123 FUZZ_RUNS=2000 npx vitest run test/properties.test.ts   replay a round
import {spawnSync} from 'node:child_process'
import {fileURLToPath} from 'node:url'

const args = process.argv.slice(2)
const option = (name, fallback) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback)
const minutes = option('--minutes', 10)
const runs = option('--runs', 2000)
const root = fileURLToPath(new URL('..', import.meta.url))
const until = Date.now() + minutes * 60_000
let rounds = 0
while (Date.now() < until) {
  const seed = Math.floor(Math.random() * 2 ** 31)
  const started = Date.now()
  const result = spawnSync('npx', ['vitest', 'run', 'test/properties.test.ts'], {cwd: root, encoding: 'utf8', env: {...process.env, FUZZ_SEED: String(seed), FUZZ_RUNS: String(runs)}})
  rounds++
  if (result.status !== 0) {
    process.stdout.write(result.stdout.slice(-3000) + result.stderr.slice(-6000))
    console.error(`fuzz: round ${rounds} failed; replay with FUZZ_SEED=${seed} FUZZ_RUNS=${runs} npx vitest run test/properties.test.ts`)
    process.exit(1)
  }
  console.log(`fuzz: round ${rounds} passed (seed ${seed}, ${runs} runs a property, ${((Date.now() - started) / 1000).toFixed(0)} s)`)
}
console.log(`fuzz: ${rounds} rounds in ${minutes} minutes, no failure`)
