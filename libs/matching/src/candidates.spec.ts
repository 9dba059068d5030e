import fc from 'fast-check';
import { ScoreKernel, topKCandidates } from './candidates';
import { buildScoringModel, edgeScore } from './score';
import { generateConference } from './synthetic';

describe('ScoreKernel', () => {
  it('gives bit-identical scores to edgeScore on any vertex subset', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 60 }), fc.integer(), fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 3 }), (n, seed, blockSize, stride) => {
        const model = buildScoringModel(generateConference(n, seed, { wishRate: 0.4, blockRate: 0.2 }), {
          pastPairs: [['p00001', 'p00002']],
        });
        const cols = Int32Array.from({ length: Math.ceil(n / stride) }, (_, c) => c * stride);
        const kernel = new ScoreKernel(model, cols, blockSize);
        const out = new Float64Array(blockSize);
        let seen = 0;
        for (let b = 0; b < kernel.blocks; b++) {
          kernel.load(b);
          for (const i of cols) {
            const c0 = kernel.scores(i, out);
            for (let c = c0; c < kernel.blockWidth; c++) {
              const j = kernel.column(c);
              expect(j).toBeGreaterThan(i);
              expect(out[c]).toBe(edgeScore(model, i, j));
              seen++;
            }
          }
        }
        expect(seen).toBe((cols.length * (cols.length - 1)) / 2);
      }),
      { numRuns: 40 },
    );
  });
});

describe('topKCandidates', () => {
  it('keeps exactly the k best allowed partners (ties by index) and a valid bound', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 50 }), fc.integer(), fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 16 }), (n, seed, k, blockSize) => {
        const model = buildScoringModel(generateConference(n, seed, { blockRate: 0.1 }));
        const lists = topKCandidates(model, k, { blockSize });
        expect(lists.pairsScored).toBe((n * (n - 1)) / 2);
        for (let v = 0; v < n; v++) {
          const all = Array.from({ length: n }, (_, j) => ({ j, s: edgeScore(model, v, j) }))
            .filter((e) => e.j !== v && e.s !== -Infinity)
            .sort((a, b) => b.s - a.s || a.j - b.j);
          const expected = all.slice(0, k);
          const got = Array.from(lists.neighbors.subarray(lists.ptr[v], lists.ptr[v + 1]));
          expect(got).toEqual(expected.map((e) => e.j));
          for (const e of all.slice(k)) expect(e.s).toBeLessThanOrEqual(lists.bound[v]!);
          if (all.length < k) expect(lists.bound[v]).toBe(-Infinity);
        }
      }),
      { numRuns: 40 },
    );
  });
});
