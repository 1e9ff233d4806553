/** Options: levels, allow lists, house terms, and errors that say what to do. */
import {describe, expect, it} from 'vitest'
import {resolveOptions, OptionsError} from '../src/options.js'

describe('resolveOptions', () => {
  it('turns every rule on with no options', () => {
    expect([...resolveOptions(undefined).keys()]).toEqual([
      'unattributed-statistic', 'loaded-language', 'hedge', 'boilerplate', 'anonymous-source', 'attribution-verb', 'unattributed-quote'
    ])
  })

  it('reads levels and [level, options]', () => {
    const resolved = resolveOptions({rules: {hedge: 'suggestion', boilerplate: 'off', 'loaded-language': ['error', {allow: ['tragic']}]}})
    expect(resolved.get('hedge')).toEqual({severity: 'suggestion'})
    expect(resolved.has('boilerplate')).toBe(false)
    expect(resolved.get('loaded-language')).toEqual({allow: ['tragic'], severity: 'error'})
  })

  it.each([
    [{rules: {hedges: 'warning'}}, /unknown rule `hedges` \(did you mean `hedge`\?\)/],
    [{rules: {hedge: 'warnin'}}, /unknown level "warnin" \(did you mean `warning`\?\)/],
    [{rule: {}}, /unknown copydesk option `rule` \(did you mean `rules`\?\)/],
    [{rules: {'loaded-language': ['warning', {allow: ['tragik']}]}}, /`allow` names no entry `tragik` \(did you mean `tragic`\?\)/],
    [{rules: {'loaded-language': ['warning', {alow: []}]}}, /unknown option `alow` \(did you mean `allow`\?\)/],
    [{rules: {'loaded-language': ['warning', {terms: [{match: 'regime(s)?'}]}]}}, /looks like a regular expression/],
    [{rules: {'loaded-language': ['warning', {terms: [{prefer: 'x'}]}]}}, /`match` must be a phrase or a list of phrases/],
    [{rules: {'unattributed-statistic': ['warning', {terms: [{match: 'x'}]}]}}, /takes no `terms`/],
    [{rules: {'unattributed-statistic': ['warning', {window: 9}]}}, /`window` must be a whole number of sentences from 0 to 5/],
    ['hedge', /options must be an object/]
  ])('refuses %j', (options, message) => {
    expect(() => resolveOptions(options)).toThrow(OptionsError)
    expect(() => resolveOptions(options)).toThrow(message)
  })
})
