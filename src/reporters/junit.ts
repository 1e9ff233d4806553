/**
 * `--format junit`: JUnit XML, the report format most CI systems read
 * (GitLab merge-request test reports, Jenkins, Azure Pipelines, CircleCI,
 * Buildkite, TeamCity). One test suite per file, one failing test case per
 * finding, and a passing case for a clean file, as ESLint's JUnit formatter.
 */
import type {ReportFile} from './types.js'

const xml = (text: string) =>
  text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;')

export function junit(files: readonly ReportFile[]): string {
  const lines = ['<?xml version="1.0" encoding="utf-8"?>']
  let tests = 0
  let failures = 0
  const suites: string[] = []
  for (const file of files) {
    const cases: string[] = []
    const failed = file.messages.filter((m) => m.severity !== 'suggestion')
    for (const m of file.messages) {
      const body = `line ${m.line}, col ${m.column}, ${m.severity[0]!.toUpperCase()}${m.severity.slice(1)} - ${m.reason} (${m.source}/${m.ruleId})`
      const verdict = m.severity === 'suggestion' ? `<system-out>${xml(body)}</system-out>` : `<failure message="${xml(m.reason)}" type="${m.severity}">${xml(body)}</failure>`
      cases.push(`    <testcase time="0" name="copydesk.${xml(m.source)}.${xml(m.ruleId)}" classname="${xml(file.path)}">${verdict}</testcase>`)
    }
    if (cases.length === 0) cases.push(`    <testcase time="0" name="copydesk" classname="${xml(file.path)}" />`)
    tests += cases.length
    failures += failed.length
    suites.push(`  <testsuite package="copydesk" time="0" tests="${cases.length}" errors="0" failures="${failed.length}" name="${xml(file.path)}">`, ...cases, '  </testsuite>')
  }
  lines.push(`<testsuites name="copydesk" tests="${tests}" failures="${failures}" errors="0">`, ...suites, '</testsuites>')
  return lines.join('\n') + '\n'
}
