/**
 * Where a JSON text first goes wrong, for one-line configuration errors
 * ("3:25"): Node's own JSON.parse does not say where.
 */
export function jsonErrorOffset(text: string): {offset: number; expected: string} | undefined {
  let i = 0
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++
  }
  const fail = (expected: string): never => {
    throw {offset: i, expected}
  }
  const value = (): void => {
    ws()
    const c = text[i]
    if (c === '{') {
      i++
      ws()
      if (text[i] === '}') return void i++
      for (;;) {
        ws()
        if (text[i] !== '"') fail('a "quoted" key')
        string()
        ws()
        if (text[i] !== ':') fail('":" after a key')
        i++
        value()
        ws()
        if (text[i] === ',') {
          i++
          continue
        }
        if (text[i] === '}') return void i++
        fail('"," or "}"')
      }
    }
    if (c === '[') {
      i++
      ws()
      if (text[i] === ']') return void i++
      for (;;) {
        value()
        ws()
        if (text[i] === ',') {
          i++
          continue
        }
        if (text[i] === ']') return void i++
        fail('"," or "]"')
      }
    }
    if (c === '"') return string()
    const literal = /^(?:true|false|null|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i))
    if (literal) {
      i += literal[0].length
      return
    }
    fail('a value')
  }
  const string = () => {
    i++
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1
    if (i >= text.length) fail('a closing quote')
    i++
  }
  try {
    value()
    ws()
    if (i < text.length) fail('the end of the file')
    return undefined
  } catch (error) {
    return error as {offset: number; expected: string}
  }
}
