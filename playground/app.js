// The playground: the draft in a text area, linted in the page by the browser
// build (copydesk.js) as the writer pauses, shown with the proof renderer the
// CLI's --format html uses.
import {lint, proof, legend, proofStyle} from './copydesk.js'

const rules = ['unattributed-statistic', 'loaded-language', 'hedge', 'boilerplate', 'anonymous-source', 'attribution-verb', 'unattributed-quote']
const levels = ['default', 'off', 'suggestion', 'warning', 'error']
const $ = (id) => document.getElementById(id)
const draft = $('draft')
const format = $('format')
const out = $('proof')
const example = `Harbour bridge closure: what we know so far

The Marlow harbour bridge will close for 14 months from March, the city council said on Tuesday.

Repairs will cost £38 million. Council leader Priya Anand admitted the work was overdue.

The closure is a devastating blow to the embattled waterfront. The mayor is reportedly considering free parking.

Stay tuned for the latest updates.
`

document.head.insertAdjacentHTML('beforeend', `<style>${proofStyle}</style>`)
$('rules').innerHTML = rules.map((rule) => `<label>${rule} <select data-rule="${rule}">${levels.map((l) => `<option>${l}</option>`).join('')}</select></label>`).join('') + legend()

let last
function settings() {
  const chosen = {}
  for (const select of document.querySelectorAll('select[data-rule]')) if (select.value !== 'default') chosen[select.dataset.rule] = select.value
  return chosen
}

function update() {
  try {
    last = lint(draft.value, {format: format.value, rules: settings()})
    out.innerHTML = proof(last)
    $('count').textContent = `${last.messages.length} finding${last.messages.length === 1 ? '' : 's'}`
    $('error').hidden = true
  } catch (error) {
    $('error').textContent = error.message
    $('error').hidden = false
  }
}

let timer
function soon() {
  clearTimeout(timer)
  timer = setTimeout(update, 120)
}

draft.addEventListener('input', soon)
format.addEventListener('change', update)
$('rules').addEventListener('change', update)
$('export').addEventListener('click', () => {
  if (!last) return
  const blob = new Blob([JSON.stringify([last], null, 2)], {type: 'application/json'})
  const a = document.createElement('a')
  a.href = URL.createObjectURL(blob)
  a.download = 'copydesk-report.json'
  a.click()
  URL.revokeObjectURL(a.href)
})
// A finding in the list takes the writer to its place in the draft.
out.addEventListener('click', (event) => {
  const link = event.target.closest('a[data-target]')
  if (!link || !last) return
  event.preventDefault()
  const index = Number(link.dataset.target.split('-').pop()) - 1
  const m = last.messages[index]
  if (m) {
    draft.focus()
    draft.setSelectionRange(m.start, m.end)
  }
})

draft.value = new URLSearchParams(location.search).has('empty') ? '' : example
update()
