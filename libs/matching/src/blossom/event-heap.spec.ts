import fc from 'fast-check';

import { EventHeap } from './event-heap';

describe('EventHeap', () => {
  it('pops keys in ascending order, growing as needed', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1000, max: 1000 }), { maxLength: 300 }), (keys) => {
        const heap = new EventHeap(1);
        keys.forEach((k, i) => heap.push(k, i));
        const out: number[] = [];
        while (heap.size > 0) {
          out.push(heap.topKey());
          expect(keys[heap.topValue()]).toBe(heap.topKey());
          heap.pop();
        }
        expect(out).toEqual([...keys].sort((a, b) => a - b));
        expect(heap.pushes).toBe(keys.length);
      }),
    );
  });

  it('interleaves pushes and pops', () => {
    const heap = new EventHeap();
    heap.push(5, 1);
    heap.push(3, 2);
    heap.pop();
    heap.push(4, 3);
    expect([heap.topKey(), heap.topValue()]).toEqual([4, 3]);
    heap.clear();
    expect(heap.size).toBe(0);
  });
});
