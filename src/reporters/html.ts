/**
 * `--format html`: a marked-up proof of the draft, one self-contained page
 * (no network, no external assets): the text with every finding highlighted
 * in place and coloured by rule, the reason and suggestion on hover and on
 * focus and in a list beside it, and the sourcing summary at the top. Several
 * files make one section each. Keyboard: Tab or j/k move between findings.
 *
 * No Node built-ins: the playground renders with the same functions.
 */
import type {ReportFile, ReportMessage} from './types.js'
import type {Summary} from '../analysis/summary.js'
import {countLine, totals} from './types.js'

export interface ProofFile extends ReportFile {
  /** The file as written, to show. */
  readonly text: string
}

/** One colour a rule, readable on white and in print. */
export const ruleColours: Readonly<Record<string, string>> = {
  'unattributed-statistic': '#f6c453',
  'loaded-language': '#f19a9a',
  hedge: '#9cc9f5',
  boilerplate: '#c9a7f0',
  'anonymous-source': '#8fd9b6',
  'attribution-verb': '#f5b98a',
  'unattributed-quote': '#d8d27a',
  copydesk: '#cccccc'
}

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

/** The offset of each line's first character (lines end at \r\n, \n or \r, as the report counts them). */
export function lineStarts(text: string): number[] {
  const starts = [0]
  const breaks = /\r\n|\r|\n/g
  for (let m = breaks.exec(text); m; m = breaks.exec(text)) starts.push(m.index + m[0].length)
  return starts
}

/** A message's range as offsets in the text. */
export function offsets(message: ReportMessage, starts: readonly number[]): [number, number] {
  const at = (line: number, column: number) => (starts[line - 1] ?? 0) + column - 1
  return [at(message.line, message.column), Math.max(at(message.line, message.column), at(message.endLine, message.endColumn))]
}

/**
 * The text as HTML with a `<mark>` over every finding. Findings may overlap:
 * the text is cut at every start and end, and each piece is marked by the
 * findings that cover it (the first piece of a finding carries its id).
 */
export function highlight(text: string, messages: readonly ReportMessage[], prefix: string): string {
  const starts = lineStarts(text)
  const ranges = messages.map((m, index) => ({m, index, range: offsets(m, starts)}))
  const cuts = new Set<number>([0, text.length])
  for (const {range} of ranges) {
    cuts.add(Math.min(range[0], text.length))
    cuts.add(Math.min(range[1], text.length))
  }
  const points = [...cuts].sort((a, b) => a - b)
  let out = ''
  const opened = new Set<number>()
  for (let i = 0; i < points.length - 1; i++) {
    const from = points[i]!
    const to = points[i + 1]!
    const piece = escape(text.slice(from, to))
    const covering = ranges.filter(({range}) => range[0] <= from && to <= range[1] && range[0] < range[1])
    if (covering.length === 0) {
      out += piece
      continue
    }
    // The innermost (latest-starting, shortest) finding gives the colour; all are named.
    const inner = [...covering].sort((a, b) => b.range[0] - a.range[0] || a.range[1] - b.range[1])[0]!
    const first = covering.find((c) => !opened.has(c.index))
    for (const c of covering) opened.add(c.index)
    const tip = covering.map(({m}) => tipText(m)).join('\n')
    const attributes = [
      first ? `id="${prefix}-${first.index + 1}"` : '',
      first ? 'tabindex="0"' : '',
      `class="finding ${covering.map(({m}) => `rule-${m.source}`).join(' ')}"`,
      `data-rule="${escape(inner.m.source)}"`,
      `data-findings="${covering.map((c) => `${prefix}-${c.index + 1}`).join(' ')}"`,
      `data-tip="${escape(tip)}"`,
      `aria-label="${escape(text.slice(from, to) + ". " + tip)}"`,
      `style="background:${ruleColours[inner.m.source] ?? '#ddd'}"`
    ].filter(Boolean)
    out += `<mark ${attributes.join(' ')}>${piece}</mark>`
  }
  return out
}

function tipText(m: ReportMessage): string {
  const suggestion = m.expected.length > 0 ? ` Suggestion: ${m.expected.join(' or ')}.` : ''
  return `${m.source}/${m.ruleId} (${m.severity}): ${m.reason.replace(/`/g, '')}.${suggestion}`
}

function summaryHtml(summary: Summary): string {
  const f = summary.figures
  const s = summary.sources
  const q = summary.quotes
  const sources = s.list.map((row) => `<li class="${row.named ? 'named' : 'anonymous'}">${escape(row.name)} <span class="muted">(${row.named ? 'named' : 'anonymous'}, ${row.claims} claim${row.claims === 1 ? '' : 's'}, from line ${row.line})</span></li>`).join('')
  return `<section class="summary" aria-label="Who says so">
<h3>Who says so</h3>
<dl>
<dt>Figures</dt><dd><span data-summary="statistics">${f.statistics}</span> statistic${f.statistics === 1 ? '' : 's'}: <span data-summary="attributed">${f.attributed}</span> attributed, <span data-summary="unattributed">${f.unattributed}</span> unattributed <span class="muted">(and ${f.total - f.statistics} dates, ages, names and other numbers)</span></dd>
<dt>Sources</dt><dd><span data-summary="named">${s.named}</span> named, <span data-summary="anonymous">${s.anonymous}</span> anonymous${sources ? `<ul>${sources}</ul>` : ''}</dd>
<dt>Quotations</dt><dd><span data-summary="quotes">${q.total}</span> quotation${q.total === 1 ? '' : 's'}: <span data-summary="with-speaker">${q.withSpeaker}</span> with a speaker, <span data-summary="without-speaker">${q.withoutSpeaker}</span> without</dd>
</dl>
</section>`
}

/** One file's section: summary, the text with highlights, the list of findings. */
export function fileSection(file: ProofFile, index: number): string {
  const prefix = `f${index + 1}`
  const list = file.messages.map((m, i) => `<li class="${escape(m.severity)}"><a href="#${prefix}-${i + 1}" data-target="${prefix}-${i + 1}"><span class="swatch" style="background:${ruleColours[m.source] ?? '#ddd'}"></span><span class="place">${m.line}:${m.column}</span> <span class="reason">${escape(m.reason.replace(/`/g, ''))}</span>${m.expected.length > 0 ? ` <span class="suggest">→ ${escape(m.expected.join(' / '))}</span>` : ''} <code>${escape(`${m.source}/${m.ruleId}`)}</code></a></li>`).join('\n')
  return `<section class="file" id="${prefix}" aria-label="${escape(file.path)}">
<h2>${escape(file.path)} <span class="muted">${countLine(totals([file]))}</span></h2>
${file.summary ? summaryHtml(file.summary) : ''}
<div class="columns">
<article class="text" lang="en">${highlight(file.text, file.messages, prefix)}</article>
<aside class="findings" aria-label="Findings"><h3>Findings (${file.messages.length})</h3><ol>${list}</ol></aside>
</div>
</section>`
}

export const proofStyle = `
:root{font:16px/1.55 Georgia,"Times New Roman",serif;color:#1b1b1b;background:#fff}
body{margin:0 auto;max-width:72rem;padding:1.5rem}
h1{font:600 1.4rem system-ui,sans-serif;margin:0 0 .25rem}
h2{font:600 1.15rem system-ui,sans-serif;border-bottom:1px solid #ddd;padding-bottom:.3rem;margin-top:2rem}
h3{font:600 .95rem system-ui,sans-serif;margin:.5rem 0}
.muted{color:#666;font-weight:400;font-size:.85em}
.summary{font:.9rem/1.45 system-ui,sans-serif;background:#f7f7f5;border:1px solid #e4e4e0;border-radius:6px;padding:.5rem 1rem}
.summary dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:0}
.summary dt{font-weight:600}.summary dd{margin:0}.summary ul{margin:.2rem 0;padding-left:1.2rem}
.summary li.anonymous{color:#8a4b00}
.columns{display:grid;grid-template-columns:minmax(0,3fr) minmax(16rem,2fr);gap:1.5rem;margin-top:1rem}
.text{white-space:pre-wrap;overflow-wrap:anywhere}
mark.finding{border-radius:3px;padding:0 .05em;color:inherit;cursor:help;position:relative}
mark.finding:focus{outline:3px solid #1b1b1b;outline-offset:1px}
mark.finding:hover::after,mark.finding:focus::after{content:attr(data-tip);position:absolute;left:0;top:100%;z-index:2;width:max-content;max-width:24rem;white-space:pre-wrap;background:#1b1b1b;color:#fff;font:.8rem/1.35 system-ui,sans-serif;padding:.4rem .55rem;border-radius:4px}
.findings{font:.85rem/1.4 system-ui,sans-serif}
.findings ol{list-style:none;margin:0;padding:0}
.findings li{margin:0 0 .45rem}
.findings a{color:inherit;text-decoration:none;display:block;padding:.15rem .3rem;border-radius:4px}
.findings a:hover,.findings a:focus{background:#f0f0ec}
.findings li.error .reason{font-weight:600}
.swatch{display:inline-block;width:.7rem;height:.7rem;border-radius:2px;margin-right:.35rem;vertical-align:-.05rem}
.place{color:#666;font-variant-numeric:tabular-nums}
.suggest{color:#1d5e2e}
code{font:.75rem ui-monospace,monospace;color:#666}
.legend{font:.8rem system-ui,sans-serif;display:flex;flex-wrap:wrap;gap:.4rem 1rem;margin:.5rem 0 0;padding:0;list-style:none}
@media (max-width:48rem){.columns{grid-template-columns:1fr}}
@media print{mark.finding::after{display:none}.columns{grid-template-columns:1fr}.findings{break-before:avoid}a{color:inherit}mark.finding{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
`

/** j / k (or n / p) move the focus to the next or previous finding; a link in the list focuses its highlight. */
export const proofScript = `
(function(){
  function marks(){return Array.prototype.slice.call(document.querySelectorAll('mark.finding[tabindex]'))}
  document.addEventListener('keydown',function(e){
    if(e.target&&/INPUT|TEXTAREA|SELECT/.test(e.target.tagName)||e.target&&e.target.isContentEditable)return;
    var k=e.key;if(k!=='j'&&k!=='k'&&k!=='n'&&k!=='p')return;
    var all=marks();if(!all.length)return;var i=all.indexOf(document.activeElement);
    var next=(k==='j'||k==='n')?Math.min(all.length-1,i+1):Math.max(0,i<0?0:i-1);
    all[next].focus();all[next].scrollIntoView({block:'center'});e.preventDefault();
  });
  document.addEventListener('click',function(e){
    var a=e.target&&e.target.closest&&e.target.closest('a[data-target]');if(!a)return;
    var m=document.getElementById(a.getAttribute('data-target'));if(m){e.preventDefault();m.focus();m.scrollIntoView({block:'center'});}
  });
})();
`

export function legend(): string {
  return `<ul class="legend" aria-label="Colours">${Object.entries(ruleColours).filter(([rule]) => rule !== 'copydesk').map(([rule, colour]) => `<li><span class="swatch" style="background:${colour}"></span>${rule}</li>`).join('')}</ul>`
}

export function html(files: readonly ProofFile[], {title = 'copydesk proof'} = {}): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<title>${escape(title)}</title>
<style>${proofStyle}</style>
</head>
<body>
<header><h1>${escape(title)}</h1><p class="muted">${countLine(totals(files))}. Tab, or j and k, move between findings; hover or focus one for its reason.</p>${legend()}</header>
<main>
${files.map((file, index) => fileSection(file, index)).join('\n')}
</main>
<script>${proofScript}</script>
</body>
</html>
`
}
