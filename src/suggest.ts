/** "Did you mean" for mistyped flags, rules, levels and ids. */

export function distance(a: string, b: string): number {
  if (a === b) return 0
  const previous = Array.from({length: b.length + 1}, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0]!
    previous[0] = i
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j]!
      previous[j] = Math.min(above + 1, previous[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1))
      diagonal = above
    }
  }
  return previous[b.length]!
}

/** The closest candidate, if it is close enough to be a typo. */
export function closest(value: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined
  let bestDistance = Infinity
  for (const candidate of candidates) {
    const d = distance(value.toLowerCase(), candidate.toLowerCase())
    if (d < bestDistance) {
      best = candidate
      bestDistance = d
    }
  }
  const limit = Math.max(2, Math.floor(value.length / 3))
  return best !== undefined && bestDistance <= limit ? best : undefined
}

/** " (did you mean `x`?)" or "". */
export function didYouMean(value: string, candidates: readonly string[]): string {
  const best = closest(value, candidates)
  return best ? ` (did you mean \`${best}\`?)` : ''
}
