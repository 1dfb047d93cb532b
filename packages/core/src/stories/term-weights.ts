/**
 * Weights by term number, in the order the terms came: what a `Map<number, number>`
 * does, in three typed arrays (the terms in order, their weights, and an
 * open-addressing table from a term to its place). A story's weights change at every
 * article that joins it; in a Map each change allocated a boxed number, and ten
 * thousand articles made that most of the story stage's garbage. Iterating in
 * insertion order keeps every sum over the terms the same as the Map gave.
 */
export class TermWeights {
  /** How many terms are held. */
  size = 0
  /** The terms, in the order they were first set. */
  terms = new Int32Array(8)
  /** Their weights, aligned with {@link TermWeights.terms}. */
  weights = new Float64Array(8)
  // Two numbers a slot, side by side: the term, and its place + 1 (0: an empty slot), so
  // that a lookup, found or not, reads one stretch of memory. Kept at most half full.
  private table = new Int32Array(32)

  /** Weights of these terms, in this order (as {@link TermWeights.terms} and `weights` held them). */
  static of(terms: Int32Array, weights: Float64Array): TermWeights {
    const made = new TermWeights()
    const room = Math.max(8, terms.length)
    made.terms = new Int32Array(room)
    made.terms.set(terms)
    made.weights = new Float64Array(room)
    made.weights.set(weights)
    made.size = terms.length
    let slots = 16
    while ((terms.length + 1) * 2 > slots) slots *= 2
    made.rehash(slots)
    return made
  }

  /** The weight of `term`, or undefined when it was never set. */
  get(term: number): number | undefined {
    const at = this.placeOf(term)
    return at < 0 ? undefined : this.weights[at]
  }

  /**
   * Where `term` is in {@link TermWeights.terms}, added with weight zero when new (then
   * at the end: its place equals the size before).
   */
  place(term: number): number {
    const at = this.placeOf(term)
    if (at >= 0) return at
    if (this.size === this.terms.length) {
      const terms = new Int32Array(this.size * 2)
      terms.set(this.terms)
      this.terms = terms
      const weights = new Float64Array(this.size * 2)
      weights.set(this.weights)
      this.weights = weights
    }
    if ((this.size + 1) * 2 > this.table.length >> 1) this.rehash(this.table.length)
    this.terms[this.size] = term
    this.weights[this.size] = 0
    this.size++
    this.insert(term, this.size)
    return this.size - 1
  }

  private placeOf(term: number): number {
    const table = this.table
    const mask = (table.length >> 1) - 1
    for (let slot = mix(term) & mask; ; slot = (slot + 1) & mask) {
      const entry = table[2 * slot + 1] as number
      if (entry === 0) return -1
      if (table[2 * slot] === term) return entry - 1
    }
  }

  private insert(term: number, entry: number): void {
    const mask = (this.table.length >> 1) - 1
    let slot = mix(term) & mask
    while (this.table[2 * slot + 1] !== 0) slot = (slot + 1) & mask
    this.table[2 * slot] = term
    this.table[2 * slot + 1] = entry
  }

  private rehash(slots: number): void {
    this.table = new Int32Array(2 * slots)
    for (let i = 0; i < this.size; i++) this.insert(this.terms[i] as number, i + 1)
  }
}

// Term numbers are consecutive: mixed, they spread over the table instead of filling one run.
const mix = (term: number) => Math.imul(term, 0x9e3779b1) >>> 7
