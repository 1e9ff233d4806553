/**
 * A value worked out once for an object (a tree, a file, a sentence) and kept
 * on that object, under a symbol of its own: not enumerable, so no spread,
 * `Object.keys` or JSON sees it.
 *
 * Not a `WeakMap`: measured on Node 20, the young-generation collector kept
 * the values of a long-lived `WeakMap` alive until a full collection. Keyed
 * by each file's tree, the analyses of the last few dozen files were copied
 * at every scavenge: over the BBC corpus, scavenges took 5.2 ms each instead
 * of 1.7, a quarter of the run.
 */
export interface Memo<K extends object, V> {
  get(key: K): V | undefined
  set(key: K, value: V): void
  delete(key: K): void
}

export function memo<K extends object, V>(description: string): Memo<K, V> {
  const slot = Symbol(description)
  type Holder = Record<typeof slot, V | undefined>
  return {
    get: (key) => (key as unknown as Partial<Holder>)[slot],
    set(key, value) {
      if (Object.prototype.hasOwnProperty.call(key, slot)) (key as unknown as Holder)[slot] = value
      // (A frozen object keeps nothing: its value is worked out again when asked.)
      else if (Object.isExtensible(key)) Object.defineProperty(key, slot, {value, writable: true, configurable: true, enumerable: false})
    },
    delete(key) {
      if (Object.prototype.hasOwnProperty.call(key, slot)) (key as unknown as Holder)[slot] = undefined
    }
  }
}
