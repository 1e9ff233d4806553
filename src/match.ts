/**
 * Phrase matching over a sentence's tokens: a trie keyed by normalised word,
 * so a rule with hundreds of phrases costs one step per token that can start
 * one of them.
 */
import {MATCHERS, PHRASE, addPhraseStart, isPhraseStart, tokenize, type Token} from './analysis/document.js'
import type {Entry} from './data.js'

interface Node {
  readonly next: Map<string, Node>
  /** Entries whose phrase ends here, with the phrase's length in tokens. */
  readonly ends: Array<{entry: Entry; length: number}>
}

export interface Match {
  readonly entry: Entry
  /** Token indices in the sentence, inclusive. */
  readonly from: number
  readonly to: number
}

const wildcard = '*'
const plain = /^[a-z]+$/

/**
 * The tokens that can start a phrase of some matcher's list: every matcher
 * marks its phrases' first words (`addPhraseStart`), and the tokenizer flags
 * those words (`PHRASE`). One look at a sentence then serves every term rule,
 * instead of a lookup a token a rule. `fresh`: the tokens were flagged after
 * the last first word was added; if not, each word is looked up.
 */
export function phraseStarts(tokens: readonly Token[], fresh: boolean): number[] {
  const starts: number[] = []
  if (fresh) {
    for (let i = 0; i < tokens.length; i++) if ((tokens[i]!.flags & PHRASE) !== 0) starts.push(i)
  } else {
    for (let i = 0; i < tokens.length; i++) if (isPhraseStart(tokens[i]!.norm)) starts.push(i)
  }
  return starts
}

/** Matchers made so far (each of the first ones gets a bit of `MATCHERS`). */
let made = 0

export class Matcher {
  private readonly root: Node = {next: new Map(), ends: []}
  /** This matcher's bit in `Token.flags` (0 past the last bit: every start is looked up). */
  private readonly bit = MATCHERS[made++] ?? 0
  /** Context exceptions as word sequences: "the door", "a goal". */
  private readonly before = new Map<Entry, ReadonlyArray<readonly string[]>>()
  private readonly after = new Map<Entry, ReadonlyArray<readonly string[]>>()

  constructor(entries: readonly Entry[]) {
    for (const entry of entries) {
      for (const phrase of entry.match ?? []) this.add(entry, phrase)
      if (entry.unlessBefore) this.before.set(entry, entry.unlessBefore.map(words))
      if (entry.unlessAfter) this.after.set(entry, entry.unlessAfter.map(words))
    }
  }

  private add(entry: Entry, phrase: string) {
    // (Most words of a phrase are plain lower-case letters, their own normal form: no tokenizer needed.)
    const keys = phrase.split(/\s+/).flatMap((part) => (part === wildcard || plain.test(part) ? [part] : tokenize(part).map((t) => t.norm)))
    if (keys.length > 0) addPhraseStart(keys[0]!, this.bit)
    let node = this.root
    for (const key of keys) {
      let child = node.next.get(key)
      if (!child) {
        child = {next: new Map(), ends: []}
        node.next.set(key, child)
      }
      node = child
    }
    node.ends.push({entry, length: keys.length})
  }

  /**
   * Longest matches, left to right, not overlapping, of the phrases starting
   * at `starts`: the tokens that can start one (`phraseStarts` of the same
   * tokens). Every other token starts none. `fresh`: the tokens' flags are
   * current (`phraseStarts`), so a token without this matcher's bit starts
   * none of its phrases and is not looked up.
   */
  find(tokens: readonly Token[], starts: readonly number[], fresh = false): Match[] {
    let found: Match[] | undefined
    let i = 0
    const bit = fresh ? this.bit : 0
    for (const start of starts) {
      if (start < i) continue
      const token = tokens[start]!
      if (bit !== 0 && (token.flags & bit) === 0) continue
      const node = this.root.next.get(token.norm)
      const best = node ? this.longest(tokens, start, node, start + 1, undefined) : undefined
      if (best) {
        ;(found ??= []).push(best)
        i = best.to + 1
      }
    }
    return found ?? none
  }

  /** The longest allowed match from `start` that goes on through `node`, the next token being `i`. */
  private longest(tokens: readonly Token[], start: number, node: Node, i: number, best: Match | undefined): Match | undefined {
    for (const end of node.ends) {
      if ((!best || i - 1 > best.to) && this.allowed(end.entry, start, i - 1, tokens)) best = {entry: end.entry, from: start, to: i - 1}
    }
    const token = tokens[i]
    if (!token) return best
    const exact = node.next.get(token.norm)
    if (exact) best = this.longest(tokens, start, exact, i + 1, best)
    const any = token.word ? node.next.get(wildcard) : undefined
    if (any) best = this.longest(tokens, start, any, i + 1, best)
    return best
  }

  private allowed(entry: Entry, from: number, to: number, tokens: readonly Token[]): boolean {
    const before = this.before.get(entry)
    if (before && before.some((phrase) => phrase.every((word, k) => wordAt(tokens, from, k - phrase.length)?.norm === word))) return false
    const after = this.after.get(entry)
    if (after && after.some((phrase) => phrase.every((word, k) => wordAt(tokens, to, k + 1)?.norm === word))) return false
    return true
  }
}

const none: Match[] = []

const words = (phrase: string): string[] => tokenize(phrase).filter((t) => t.word).map((t) => t.norm)

/** The word `offset` words away from token `index` (negative: before it), skipping punctuation. */
function wordAt(tokens: readonly Token[], index: number, offset: number): Token | undefined {
  let i = index
  let step = offset
  while (step !== 0) {
    i += step > 0 ? 1 : -1
    if (i < 0 || i >= tokens.length) return undefined
    if (tokens[i]!.word) step += step > 0 ? -1 : 1
  }
  return tokens[i]
}

export function previousWord(tokens: readonly Token[], index: number): Token | undefined {
  for (let i = index - 1; i >= 0; i--) if (tokens[i]!.word) return tokens[i]
  return undefined
}

export function nextWord(tokens: readonly Token[], index: number): Token | undefined {
  for (let i = index + 1; i < tokens.length; i++) if (tokens[i]!.word) return tokens[i]
  return undefined
}
