import type { WeightedEdge } from '../src/blossom/types';

/** A named graph with its known optimal `mate` (the optimum is unique for each). */
export interface RegressionGraph {
  readonly name: string;
  readonly edges: readonly WeightedEdge[];
  readonly maxCardinality: boolean;
  readonly mate: readonly number[];
}

/**
 * The classic blossom test set of J. van Rantwijk's `mwmatching` (also networkx's suite):
 * each graph forces one code path — a blossom used for augmentation, relabelled as odd,
 * nested, expanded. Our tests also re-derive each optimum by brute force.
 */
export const REGRESSION_GRAPHS: readonly RegressionGraph[] = [
  { name: 'single edge', edges: [[0, 1, 1]], maxCardinality: false, mate: [1, 0] },
  { name: 'path of two edges', edges: [[1, 2, 10], [2, 3, 11]], maxCardinality: false, mate: [-1, -1, 3, 2] },
  { name: 'path of three edges', edges: [[1, 2, 5], [2, 3, 11], [3, 4, 5]], maxCardinality: false, mate: [-1, -1, 3, 2, -1] },
  { name: 'path of three edges, max cardinality', edges: [[1, 2, 5], [2, 3, 11], [3, 4, 5]], maxCardinality: true, mate: [-1, 2, 1, 4, 3] },
  {
    name: 'floating-point weights',
    edges: [[1, 2, Math.PI], [2, 3, Math.E], [1, 3, 3.0], [1, 4, Math.SQRT2]],
    maxCardinality: false,
    mate: [-1, 4, 3, 2, 1],
  },
  {
    name: 'negative weights',
    edges: [[1, 2, 2], [1, 3, -2], [2, 3, 1], [2, 4, -1], [3, 4, -6]],
    maxCardinality: false,
    mate: [-1, 2, 1, -1, -1],
  },
  {
    name: 'negative weights, max cardinality',
    edges: [[1, 2, 2], [1, 3, -2], [2, 3, 1], [2, 4, -1], [3, 4, -6]],
    maxCardinality: true,
    mate: [-1, 3, 4, 1, 2],
  },
  {
    name: 'S-blossom used for augmentation',
    edges: [[1, 2, 8], [1, 3, 9], [2, 3, 10], [3, 4, 7]],
    maxCardinality: false,
    mate: [-1, 2, 1, 4, 3],
  },
  {
    name: 'S-blossom used for augmentation, with pendant edges',
    edges: [[1, 2, 8], [1, 3, 9], [2, 3, 10], [3, 4, 7], [1, 6, 5], [4, 5, 6]],
    maxCardinality: false,
    mate: [-1, 6, 3, 2, 5, 4, 1],
  },
  {
    name: 'S-blossom relabelled as T-blossom, used for augmentation (1)',
    edges: [[1, 2, 9], [1, 3, 8], [2, 3, 10], [1, 4, 5], [4, 5, 4], [1, 6, 3]],
    maxCardinality: false,
    mate: [-1, 6, 3, 2, 5, 4, 1],
  },
  {
    name: 'S-blossom relabelled as T-blossom, used for augmentation (2)',
    edges: [[1, 2, 9], [1, 3, 8], [2, 3, 10], [1, 4, 5], [4, 5, 3], [1, 6, 4]],
    maxCardinality: false,
    mate: [-1, 6, 3, 2, 5, 4, 1],
  },
  {
    name: 'S-blossom relabelled as T-blossom, used for augmentation (3)',
    edges: [[1, 2, 9], [1, 3, 8], [2, 3, 10], [1, 4, 5], [4, 5, 3], [3, 6, 4]],
    maxCardinality: false,
    mate: [-1, 2, 1, 6, 5, 4, 3],
  },
  {
    name: 'nested S-blossom used for augmentation',
    edges: [[1, 2, 9], [1, 3, 9], [2, 3, 10], [2, 4, 8], [3, 5, 8], [4, 5, 10], [5, 6, 6]],
    maxCardinality: false,
    mate: [-1, 3, 4, 1, 2, 6, 5],
  },
  {
    name: 'S-blossom relabelled as S, included in a nested S-blossom',
    edges: [[1, 2, 10], [1, 7, 10], [2, 3, 12], [3, 4, 20], [3, 5, 20], [4, 5, 25], [5, 6, 10], [6, 7, 10], [7, 8, 8]],
    maxCardinality: false,
    mate: [-1, 2, 1, 4, 3, 6, 5, 8, 7],
  },
  {
    name: 'nested S-blossom, augment, expand recursively',
    edges: [[1, 2, 8], [1, 3, 8], [2, 3, 10], [2, 4, 12], [3, 5, 12], [4, 5, 14], [4, 6, 12], [5, 7, 12], [6, 7, 14], [7, 8, 12]],
    maxCardinality: false,
    mate: [-1, 2, 1, 5, 6, 3, 4, 8, 7],
  },
  {
    name: 'S-blossom relabelled as T, expanded',
    edges: [[1, 2, 23], [1, 5, 22], [1, 6, 15], [2, 3, 25], [3, 4, 22], [4, 5, 25], [4, 8, 14], [5, 7, 13]],
    maxCardinality: false,
    mate: [-1, 6, 3, 2, 8, 7, 1, 5, 4],
  },
  {
    name: 'nested S-blossom relabelled as T, expanded',
    edges: [[1, 2, 19], [1, 3, 20], [1, 8, 8], [2, 3, 25], [2, 4, 18], [3, 5, 18], [4, 5, 13], [4, 7, 7], [5, 6, 7]],
    maxCardinality: false,
    mate: [-1, 8, 3, 2, 7, 6, 5, 4, 1],
  },
  {
    name: 'blossom relabelled as T in more than one way, expanded, augmented',
    edges: [[1, 2, 45], [1, 5, 45], [2, 3, 50], [3, 4, 45], [4, 5, 50], [1, 6, 30], [3, 9, 35], [4, 8, 35], [5, 7, 26], [9, 10, 5]],
    maxCardinality: false,
    mate: [-1, 6, 3, 2, 8, 7, 1, 5, 4, 10, 9],
  },
  {
    name: 'blossom relabelled as T in more than one way, variant',
    edges: [[1, 2, 45], [1, 5, 45], [2, 3, 50], [3, 4, 45], [4, 5, 50], [1, 6, 30], [3, 9, 35], [4, 8, 26], [5, 7, 40], [9, 10, 5]],
    maxCardinality: false,
    mate: [-1, 6, 3, 2, 8, 7, 1, 5, 4, 10, 9],
  },
  {
    name: 'T-blossom expanded so that a new least-slack S-to-free edge appears',
    edges: [[1, 2, 45], [1, 5, 45], [2, 3, 50], [3, 4, 45], [4, 5, 50], [1, 6, 30], [3, 9, 35], [4, 8, 28], [5, 7, 26], [9, 10, 5]],
    maxCardinality: false,
    mate: [-1, 6, 3, 2, 8, 7, 1, 5, 4, 10, 9],
  },
  {
    name: 'nested blossom relabelled as T, outer one expanded onto an augmenting path',
    edges: [
      [1, 2, 45], [1, 7, 45], [2, 3, 50], [3, 4, 45], [4, 5, 95], [4, 6, 94], [5, 6, 94], [6, 7, 50],
      [1, 8, 30], [3, 11, 35], [5, 9, 36], [7, 10, 26], [11, 12, 5],
    ],
    maxCardinality: false,
    mate: [-1, 8, 3, 2, 6, 9, 4, 10, 1, 5, 7, 12, 11],
  },
  {
    name: 'nested S-blossom relabelled as S, expanded recursively',
    edges: [[1, 2, 40], [1, 3, 40], [2, 3, 60], [2, 4, 55], [3, 5, 55], [4, 5, 50], [1, 8, 15], [5, 7, 30], [7, 6, 10], [8, 10, 10], [4, 9, 30]],
    maxCardinality: false,
    mate: [-1, 2, 1, 5, 9, 3, 7, 6, 10, 4, 8],
  },
  // Paths of this engine's multi-tree search that the textbook has no counterpart for (found
  // by a seeded search over small graphs, optimum derived by hand and by brute force).
  {
    name: 'augmentation ending at a single vertex whose dual is 0',
    edges: [[0, 3, 4], [0, 1, 9], [1, 2, 8]],
    maxCardinality: false,
    mate: [3, 2, 1, 0],
  },
  {
    name: 'an even vertex reaches dual 0, then a later augmentation ends at it',
    edges: [[1, 3, 3], [2, 4, 7], [2, 3, 5], [1, 2, 8]],
    maxCardinality: false,
    mate: [-1, 3, 4, 1, 2],
  },
  {
    name: 'a vertex inside a blossom reaches dual 0 and becomes its single base',
    edges: [[0, 1, 4], [0, 2, 3], [1, 2, 6]],
    maxCardinality: false,
    mate: [-1, 2, 1],
  },
  {
    name: 'odd blossom expanded from the default (tight greedy) start',
    edges: [[1, 2, 8], [1, 4, 5], [0, 1, 8], [0, 2, 8], [0, 3, 8]],
    maxCardinality: false,
    mate: [3, 2, 1, 0, -1],
  },
];
