/** Bounded structures for top offenders: memory does not grow with the corpus. */

/** Keeps the `k` items with the highest scores seen (ties: the earliest stays). */
export class TopK<T> {
  private readonly items: {score: number; order: number; value: T}[] = []
  private seen = 0

  constructor(readonly k: number) {}

  /** Offer an item; cheap to call for every article. */
  offer(score: number, value: T | (() => T)): void {
    const order = this.seen++
    if (this.k <= 0) return
    if (this.items.length === this.k && score <= this.items[this.items.length - 1].score) return
    const entry = {score, order, value: typeof value === 'function' ? (value as () => T)() : value}
    let at = this.items.length
    while (at > 0 && this.items[at - 1].score < score) at--
    this.items.splice(at, 0, entry)
    if (this.items.length > this.k) this.items.pop()
  }

  /** Whether an item with this score would be kept (to skip building it). */
  wouldKeep(score: number): boolean {
    return this.items.length < this.k || score > this.items[this.items.length - 1].score
  }

  /** Best first. */
  values(): T[] {
    return this.items.map((item) => item.value)
  }

  get size(): number {
    return this.items.length
  }
}

/** One counter of a {@link HeavyHitters}. */
export interface Counter<D> {
  key: string
  /** Estimated weight: never below the true weight, at most `error` above it. */
  weight: number
  /** Upper bound of the overestimate (0 while the key was never evicted). */
  error: number
  data: D
}

/**
 * Weighted Space-Saving: the heaviest keys of a stream in `capacity`
 * counters. Exact as long as there are no more distinct keys than counters;
 * beyond that, any key heavier than total/capacity is still found.
 */
export class HeavyHitters<D> {
  private readonly counters = new Map<string, Counter<D>>()

  constructor(
    readonly capacity: number,
    private readonly init: () => D
  ) {}

  /** Add `weight` to `key`, and return its counter's data to update. */
  add(key: string, weight: number): D {
    let counter = this.counters.get(key)
    if (!counter) {
      if (this.counters.size < this.capacity) {
        counter = {key, weight: 0, error: 0, data: this.init()}
      } else {
        // Evict the lightest counter; the newcomer inherits its weight as error.
        let lightest: Counter<D> | undefined
        for (const c of this.counters.values()) if (!lightest || c.weight < lightest.weight) lightest = c
        this.counters.delete(lightest!.key)
        counter = {key, weight: lightest!.weight, error: lightest!.weight, data: this.init()}
      }
      this.counters.set(key, counter)
    }
    counter.weight += weight
    return counter.data
  }

  /** The `n` heaviest, heaviest first (ties by key). */
  top(n: number): Counter<D>[] {
    return [...this.counters.values()].sort((a, b) => b.weight - a.weight || (a.key < b.key ? -1 : 1)).slice(0, n)
  }

  get size(): number {
    return this.counters.size
  }
}
