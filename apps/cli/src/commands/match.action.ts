import { maxWeightMatching, type WeightedEdge } from '@pairwise/matching';
import { CliUsageError } from '../cli-errors';
import { readJsonFile, stdoutOutput, type CommandOutput } from './matching/io';

/** Options of `pairwise match`. */
export interface MatchOptions {
  readonly edges: string;
  readonly maxCardinality?: boolean;
}

/** Largest vertex count accepted from a file (the solver's arrays stay modest). */
const MAX_VERTICES = 10_000_000;

/**
 * Validates an edges file `{"n": N, "edges": [[u, v, w], …]}`: n a
 * non-negative integer, each edge three numbers with integer endpoints in
 * 0..n−1, no self-loop, a finite weight, each pair at most once, and no
 * other field. A hand-written loop rather than a schema: files may hold
 * millions of edges.
 * @throws {CliUsageError} naming the file and the first offending field.
 */
export function readEdgesFile(file: string): { n: number; edges: WeightedEdge[] } {
  const data = readJsonFile(file);
  const fail = (field: string, problem: string): never => {
    throw new CliUsageError(`${file}: ${field}: ${problem}`);
  };
  if (typeof data !== 'object' || data === null || Array.isArray(data)) fail('(root)', 'must be an object {"n": N, "edges": [[u, v, w], …]}');
  const record = data as Record<string, unknown>;
  for (const key of Object.keys(record)) if (key !== 'n' && key !== 'edges') fail(key, 'unknown field');
  const n = record.n;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > MAX_VERTICES) fail('n', `must be an integer between 0 and ${MAX_VERTICES}`);
  const list = record.edges;
  if (!Array.isArray(list)) fail('edges', 'must be an array of [u, v, w]');
  const edges: WeightedEdge[] = [];
  const seen = new Map<number, number>();
  (list as unknown[]).forEach((edge, e) => {
    if (!Array.isArray(edge) || edge.length !== 3) fail(`edges[${e}]`, 'must be [u, v, w]');
    const [u, v, w] = edge as unknown[];
    for (const [k, x] of [[0, u], [1, v]] as const) {
      if (typeof x !== 'number' || !Number.isInteger(x)) fail(`edges[${e}][${k}]`, 'vertex must be an integer');
      if ((x as number) < 0 || (x as number) >= (n as number)) fail(`edges[${e}][${k}]`, `vertex ${x as number} is out of range 0..${(n as number) - 1}`);
    }
    if (typeof w !== 'number' || !Number.isFinite(w)) fail(`edges[${e}][2]`, 'weight must be a finite number');
    if (u === v) fail(`edges[${e}]`, `self-loop on vertex ${u as number}`);
    const a = Math.min(u as number, v as number);
    const b = Math.max(u as number, v as number);
    const key = a * (n as number) + b;
    const first = seen.get(key);
    if (first !== undefined) fail(`edges[${e}]`, `repeats the pair (${a}, ${b}) of edges[${first}]`);
    seen.set(key, e);
    edges.push([u as number, v as number, w as number]);
  });
  return { n: n as number, edges };
}

/**
 * `pairwise match`: maximum-weight matching of the graph in `options.edges`;
 * writes `{"mate": [...], "weight": W}` (mate[v] = partner or −1, W the total
 * weight of the matched edges).
 * @throws {CliUsageError} for a bad file.
 */
export function runMatch(options: MatchOptions, out: CommandOutput = stdoutOutput): void {
  const { n, edges } = readEdgesFile(options.edges);
  const mate = maxWeightMatching(edges, { maxCardinality: options.maxCardinality === true });
  while (mate.length < n) mate.push(-1);
  let weight = 0;
  for (const [u, v, w] of edges) if (mate[u] === v) weight += w;
  out.write(`${JSON.stringify({ mate, weight })}\n`);
}
