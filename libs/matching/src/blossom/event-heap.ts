/**
 * Binary min-heap of `(key, value)` pairs on typed arrays.
 *
 * The solver never decreases or deletes keys: it pushes a fresh entry and recognises stale
 * ones when they surface, which keeps this structure minimal and allocation-free per event.
 * Equal keys come out in an order fixed by the push sequence, so runs are deterministic.
 *
 * Complexity: push and pop O(log size), amortised O(1) growth; top O(1).
 * @throws never.
 * @example
 * const heap = new EventHeap();
 * heap.push(3, 7);
 * heap.topKey(); // 3
 * heap.topValue(); // 7
 * heap.pop();
 */
export class EventHeap {
  private keys: Float64Array;
  private values: Int32Array;
  private count = 0;
  /** Entries ever pushed (a benchmark counter). */
  pushes = 0;

  constructor(initialCapacity = 1024) {
    const capacity = Math.max(16, initialCapacity);
    this.keys = new Float64Array(capacity);
    this.values = new Int32Array(capacity);
  }

  get size(): number {
    return this.count;
  }

  topKey(): number {
    return this.keys[0];
  }

  topValue(): number {
    return this.values[0];
  }

  push(key: number, value: number): void {
    if (this.count === this.keys.length) this.grow();
    this.pushes++;
    const keys = this.keys;
    const values = this.values;
    let i = this.count++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const parentKey = keys[parent];
      if (parentKey <= key) break;
      keys[i] = parentKey;
      values[i] = values[parent];
      i = parent;
    }
    keys[i] = key;
    values[i] = value;
  }

  /** Removes the minimum entry; read it first with {@link topKey} / {@link topValue}. */
  pop(): void {
    const last = --this.count;
    if (last <= 0) return;
    const keys = this.keys;
    const values = this.values;
    const key = keys[last];
    const value = values[last];
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= last) break;
      if (child + 1 < last && keys[child + 1] < keys[child]) child++;
      if (keys[child] >= key) break;
      keys[i] = keys[child];
      values[i] = values[child];
      i = child;
    }
    keys[i] = key;
    values[i] = value;
  }

  clear(): void {
    this.count = 0;
  }

  private grow(): void {
    const keys = new Float64Array(this.keys.length * 2);
    const values = new Int32Array(this.values.length * 2);
    keys.set(this.keys);
    values.set(this.values);
    this.keys = keys;
    this.values = values;
  }
}
