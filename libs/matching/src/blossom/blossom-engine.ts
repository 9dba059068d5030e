import { EventHeap } from './event-heap';
import type { DualStart } from './initial-duals';
import type { PreparedGraph } from './prepare-graph';

// Read once: under jest's vm sandbox every global lookup is slow.
const INFINITY = Number.POSITIVE_INFINITY;

// Labels of top-level blossoms: outer (S, "even") and inner (T, "odd") tree nodes.
const NONE = 0;
const EVEN = 1;
const ODD = 2;

// Event tags, packed as `id * 4 + tag` in the heap.
/** An even vertex's dual reaches 0 (the classic delta1). */
const VERTEX_ZERO = 0;
/** An edge from an even vertex to an unlabeled vertex becomes tight (delta2). */
const GROW = 1;
/** An edge between two even blossoms becomes tight (delta3). */
const TIGHT_EVEN = 2;
/** An odd blossom's dual reaches 0 (delta4). */
const BLOSSOM_ZERO = 3;

/**
 * Where the walk round a blossom's cycle from child `i` to the base child 0 starts, for the way
 * round that crosses an even number of edges: backwards from `i` when `i` is even, forwards from
 * `i - size` when it is odd. Either way the walk steps its position towards 0 (forwards iff it
 * starts below 0), and position `j` is child `j mod size`.
 */
function evenWalkStart(i: number, size: number): number {
  return i & 1 ? i - size : i;
}

/**
 * The endpoint, in the child at walk position `j`, of the cycle edge joining it to the child at
 * `j + step` (`step` ±1). `ep[c]` is the endpoint in child c of the edge from c to c + 1, so a
 * backward step crosses `ep[c - 1]` from its other end.
 */
function cycleEdgeEnd(ep: readonly number[], j: number, step: number): number {
  const size = ep.length;
  if (step > 0) return ep[j < 0 ? j + size : j];
  const k = j - 1;
  return ep[k < 0 ? k + size : k] ^ 1;
}

/** Counters a benchmark can read; they do not affect the result. */
export interface EngineStats {
  events: number;
  augmentations: number;
  /** Augmentations ending at a single vertex whose dual is 0 (not a tree root). */
  augmentationsToSingle: number;
  /** Even vertices whose dual reached 0 (the tree gives up its free vertex to them). */
  zeroDuals: number;
  blossoms: number;
  expansions: number;
  rescans: number;
  scans: number;
  pushes: number;
}

/** What the engine leaves behind: the matching and its dual certificate, in internal units. */
export interface EngineOutcome {
  /** `mate[v]` is the remote endpoint id of v's matched edge, or -1. */
  readonly mate: Int32Array;
  /** Vertex duals `y` (`slack = y[a] + y[b] + Σ Z - 2w`). */
  readonly dual: Float64Array;
  /** Parent of each vertex (`0 .. n-1`) and blossom (`n .. 2n-1`), or -1. */
  readonly blossomParent: Int32Array;
  /** `blossomBase[b] >= 0` iff blossom id `b` is in use. */
  readonly blossomBase: Int32Array;
  /** Blossom duals `Z`, indexed by blossom id. */
  readonly blossomDual: Float64Array;
  readonly stats: EngineStats;
}

/**
 * Edmonds' weighted blossom algorithm, primal-dual, with every free vertex growing its own
 * alternating tree at once (as LEMON and Blossom V do) instead of rebuilding one forest per
 * augmentation (as the textbook O(n³) code does).
 *
 * Why it is fast:
 * - Dual changes are lazy: all trees move by one global amount `now`, so an even vertex stores
 *   `y + now`, an odd one `y - now`. Every event time (an edge going tight, a dual reaching
 *   0) is then a constant of the stored values and never needs updating while labels hold.
 * - One heap orders all events by time. Entries are never deleted: each is re-validated when
 *   it surfaces, and a vertex whose remembered least-slack edge went stale rescans its own
 *   edges only then.
 * - An augmentation dissolves just the two trees it joins; every other tree keeps its labels,
 *   its least-slack edges and its heap entries.
 * - Everything is on typed arrays; recursion is replaced by explicit stacks, so deeply nested
 *   blossoms at n = 10,000 cannot overflow the call stack.
 *
 * Invariants (internal units, weights even): duals feasible, matched and tree edges tight,
 * every free vertex is a tree root with a positive dual or has dual 0 and no tree. When no
 * event is left every tree is gone, so every free vertex has dual 0: the certificate holds.
 *
 * Complexity: per tree it joins, a vertex turns even or odd O(1) times apart from blossom
 * expansions, and each turn costs one scan of its edges plus heap pushes; the resulting bound,
 * O(n·m·log m), matches LEMON's implementation (argued here, not proven). In practice the
 * work per augmentation is close to the size of the two trees it dissolves.
 * @throws Error only when an internal invariant breaks (a bug), never on valid input.
 * @example
 * const outcome = new BlossomEngine(prepared, ints.internal, perSlot, initialDuals(prepared, ints.internal, perSlot, null)).run();
 */
export class BlossomEngine {
  readonly stats: EngineStats = { events: 0, augmentations: 0, augmentationsToSingle: 0, zeroDuals: 0, blossoms: 0, expansions: 0, rescans: 0, scans: 0, pushes: 0 };

  private readonly n: number;
  private readonly endpoint: Int32Array;
  private readonly weight: Float64Array;
  private readonly adjStart: Int32Array;
  private readonly adjEnd: Int32Array;
  // Neighbour and weight per adjacency slot: the scan loops then read memory in order.
  private readonly adjNbr: Int32Array;
  private readonly adjW: Float64Array;

  private readonly mate: Int32Array;
  /** y + now (even), y - now (odd), y (unlabeled), by the label of the top-level blossom. */
  private readonly dualBase: Float64Array;
  /** Z - 2·now (even top-level), Z + 2·now (odd top-level), Z otherwise. */
  private readonly zBase: Float64Array;
  private readonly inBlossom: Int32Array;
  private readonly blossomParent: Int32Array;
  private readonly blossomBase: Int32Array;
  /** Sub-blossoms in cycle order, starting with the one holding the base. */
  private readonly childs: (number[] | null)[];
  /** `endps[b][i]`: endpoint, in child i, of the edge joining child i to child i + 1. */
  private readonly endps: (number[] | null)[];
  private readonly label: Uint8Array;
  /** Label of each vertex's top-level blossom, cached for the scan loops. */
  private readonly vLabel: Uint8Array;
  /** Remote endpoint of the edge through which a top-level blossom got its label, or -1. */
  private readonly labelEnd: Int32Array;
  /** Root vertex of the tree holding a top-level blossom, or -1. */
  private readonly treeOf: Int32Array;
  private readonly treeNext: Int32Array;
  private readonly treePrev: Int32Array;
  private readonly treeHead: Int32Array;
  /** Event time of a vertex's least-slack edge (to an even vertex, or for an even vertex to another even blossom). */
  private readonly bestKey: Float64Array;
  /** The far endpoint of that edge. */
  private readonly bestEnd: Int32Array;

  private readonly heap: EventHeap;
  private now = 0;
  private readonly freeIds: Int32Array;
  private freeCount: number;
  private readonly mark: Int32Array;
  private markStamp = 0;
  private readonly dfsStack: Int32Array;
  private readonly workStack: Int32Array;
  private readonly bufA: Int32Array;
  private readonly bufB: Int32Array;

  /**
   * @param weight internal weight per edge; `slotWeight` the same per adjacency slot.
   * @param start a feasible start (see `initialDuals`); the engine works on its own copies.
   */
  constructor(graph: PreparedGraph, weight: Float64Array, slotWeight: Float64Array, start: DualStart) {
    const n = graph.n;
    this.n = n;
    this.endpoint = graph.endpoint;
    this.weight = weight;
    this.adjStart = graph.adjStart;
    this.adjEnd = graph.adjEnd;
    this.adjNbr = graph.adjNbr;
    this.adjW = slotWeight;

    this.mate = Int32Array.from(start.mate);
    this.dualBase = Float64Array.from(start.dual);
    this.zBase = new Float64Array(2 * n);
    this.inBlossom = new Int32Array(n);
    this.blossomParent = new Int32Array(2 * n).fill(-1);
    this.blossomBase = new Int32Array(2 * n).fill(-1);
    this.childs = new Array<number[] | null>(2 * n).fill(null);
    this.endps = new Array<number[] | null>(2 * n).fill(null);
    this.label = new Uint8Array(2 * n);
    this.vLabel = new Uint8Array(n);
    this.labelEnd = new Int32Array(2 * n).fill(-1);
    this.treeOf = new Int32Array(2 * n).fill(-1);
    this.treeNext = new Int32Array(2 * n).fill(-1);
    this.treePrev = new Int32Array(2 * n).fill(-1);
    this.treeHead = new Int32Array(n).fill(-1);
    this.bestKey = new Float64Array(n).fill(INFINITY);
    this.bestEnd = new Int32Array(n).fill(-1);
    // Sized for a typical run; it doubles when needed, so huge graphs do not pay up front.
    this.heap = new EventHeap(Math.min(4 * n + 16, 1 << 20));
    this.freeIds = new Int32Array(n);
    this.freeCount = n;
    for (let i = 0; i < n; i++) this.freeIds[i] = 2 * n - 1 - i;
    this.mark = new Int32Array(2 * n);
    this.dfsStack = new Int32Array(2 * n + 1);
    this.workStack = new Int32Array(4 * n + 2);
    this.bufA = new Int32Array(n);
    this.bufB = new Int32Array(n);
    for (let v = 0; v < n; v++) {
      this.inBlossom[v] = v;
      this.blossomBase[v] = v;
    }
  }

  /**
   * Runs the search to the optimum. `check`, when given, runs after every event (tests use
   * it to assert invariants step by step).
   */
  run(check?: () => void): EngineOutcome {
    const n = this.n;
    let roots = 0;
    for (let v = 0; v < n; v++) {
      if (this.mate[v] === -1 && this.dualBase[v] > 0) {
        roots = this.setTopLabel(v, EVEN, -1, v, this.bufA, roots);
      }
    }
    for (let i = 0; i < roots; i++) this.scanEven(this.bufA[i]);
    if (check) check();

    const heap = this.heap;
    const { vLabel, dualBase, bestKey, label, blossomParent, blossomBase, zBase } = this;
    while (heap.size > 0) {
      const key = heap.topKey();
      const value = heap.topValue();
      heap.pop();
      const id = value >> 2;
      // Each case either acts on a current event or recognises a stale entry; a stale
      // least-slack entry whose vertex still needs one triggers a rescan instead.
      let current = false;
      switch (value & 3) {
        case VERTEX_ZERO:
          current = vLabel[id] === EVEN && dualBase[id] === key;
          break;
        case GROW:
          if (vLabel[id] !== NONE || bestKey[id] !== key) break;
          current = this.growEdgeIsCurrent(id, key);
          if (!current) this.rescanUnlabeled(id);
          break;
        case TIGHT_EVEN:
          if (vLabel[id] !== EVEN || bestKey[id] !== key) break;
          current = this.evenEdgeIsCurrent(id, key);
          if (!current) this.rescanEven(id);
          break;
        default:
          current = blossomBase[id] >= 0 && blossomParent[id] === -1 && label[id] === ODD && zBase[id] === 2 * key;
      }
      if (!current) continue;
      // Every push is at or after the time of pushing, so a current event is never in the past.
      if (key < this.now) throw new Error(`blossom engine: event at ${key} before ${this.now}`);
      this.now = key;
      this.stats.events++;
      switch (value & 3) {
        case VERTEX_ZERO:
          this.onVertexZero(id);
          break;
        case GROW:
          this.onGrow(id);
          break;
        case TIGHT_EVEN:
          this.onTightEven(id);
          break;
        default:
          this.expand(id);
      }
      if (check) check();
    }
    // Each root keeps a current zero-dual event while its tree lives, so none can be left.
    for (let v = 0; v < n; v++) if (vLabel[v] !== NONE) throw new Error(`blossom engine: vertex ${v} still labelled at the end`);
    return {
      mate: this.mate,
      dual: this.dualBase,
      blossomParent: this.blossomParent,
      blossomBase: this.blossomBase,
      blossomDual: this.zBase,
      stats: { ...this.stats, pushes: heap.pushes },
    };
  }

  // ---------------------------------------------------------------- events

  private onVertexZero(v: number): void {
    // An even vertex at dual 0 may stay single: move the tree's free vertex to it along the
    // (tight, even-length) tree path and drop the tree. The root becomes matched.
    const tree = this.treeOf[this.inBlossom[v]];
    this.stats.zeroDuals++;
    this.flipPath(v, -1);
    this.dissolve(tree, -1);
  }

  private onGrow(x: number): void {
    const { endpoint, inBlossom, mate } = this;
    const p = this.bestEnd[x];
    const u = endpoint[p];
    const bx = inBlossom[x];
    const tree = this.treeOf[inBlossom[u]];
    const base = this.blossomBase[bx];
    if (mate[base] === -1) {
      // A single vertex with dual 0 (left behind by onVertexZero): augment into it.
      if (bx >= this.n) this.augmentBlossom(bx, x);
      mate[x] = p;
      this.flipPath(u, p ^ 1);
      this.stats.augmentations++;
      this.stats.augmentationsToSingle++;
      this.dissolve(tree, -1);
      // x stays unlabeled and its remembered edge was just used up.
      this.rescanUnlabeled(x);
      return;
    }
    this.setTopLabel(bx, ODD, p, tree, this.bufB, 0);
    const mp = mate[base];
    const count = this.setTopLabel(inBlossom[endpoint[mp]], EVEN, mp ^ 1, tree, this.bufA, 0);
    for (let i = 0; i < count; i++) this.scanEven(this.bufA[i]);
  }

  private onTightEven(v: number): void {
    const p = this.bestEnd[v];
    const x = this.endpoint[p];
    const treeV = this.treeOf[this.inBlossom[v]];
    const treeX = this.treeOf[this.inBlossom[x]];
    if (treeV === treeX) {
      this.addBlossom(this.findCommonBase(v, x), p >> 1);
      // v stays even and its remembered edge now lies inside the new blossom.
      this.rescanEven(v);
      return;
    }
    this.flipPath(v, p);
    this.flipPath(x, p ^ 1);
    this.stats.augmentations++;
    this.dissolve(treeV, treeX);
  }

  private growEdgeIsCurrent(x: number, key: number): boolean {
    const p = this.bestEnd[x];
    const u = this.endpoint[p];
    return this.vLabel[u] === EVEN && this.dualBase[u] + this.dualBase[x] - 2 * this.weight[p >> 1] === key;
  }

  private evenEdgeIsCurrent(v: number, key: number): boolean {
    const p = this.bestEnd[v];
    const x = this.endpoint[p];
    return (
      this.vLabel[x] === EVEN &&
      this.inBlossom[x] !== this.inBlossom[v] &&
      (this.dualBase[v] + this.dualBase[x]) / 2 - this.weight[p >> 1] === key
    );
  }

  // ---------------------------------------------------------------- edge scans

  /** v just became even: queue its zero-dual time and offer its edges as least-slack edges. */
  private scanEven(v: number): void {
    const { adjNbr, adjEnd, adjW, inBlossom, vLabel, dualBase, bestKey, bestEnd, heap } = this;
    const bv = inBlossom[v];
    const yv = dualBase[v];
    this.stats.scans++;
    heap.push(yv, v * 4 + VERTEX_ZERO);
    let best = INFINITY;
    let bestP = -1;
    for (let i = this.adjStart[v], end = this.adjStart[v + 1]; i < end; i++) {
      const x = adjNbr[i];
      const lx = vLabel[x];
      if (lx === ODD) continue; // both duals move in opposite directions: the slack is constant
      if (lx === EVEN) {
        if (inBlossom[x] === bv) continue;
        const key = (yv + dualBase[x]) / 2 - adjW[i];
        if (key < best) {
          best = key;
          bestP = adjEnd[i];
        }
        if (key < bestKey[x]) {
          bestKey[x] = key;
          bestEnd[x] = adjEnd[i] ^ 1;
          heap.push(key, x * 4 + TIGHT_EVEN);
        }
      } else {
        const key = yv + dualBase[x] - 2 * adjW[i];
        if (key < bestKey[x]) {
          bestKey[x] = key;
          bestEnd[x] = adjEnd[i] ^ 1;
          heap.push(key, x * 4 + GROW);
        }
      }
    }
    bestKey[v] = best;
    bestEnd[v] = bestP;
    if (bestP !== -1) heap.push(best, v * 4 + TIGHT_EVEN);
  }

  /** Recomputes an unlabeled vertex's least-slack edge to an even vertex. */
  private rescanUnlabeled(x: number): void {
    const { adjNbr, adjEnd, adjW, vLabel, dualBase } = this;
    this.stats.rescans++;
    const yx = dualBase[x];
    let best = INFINITY;
    let bestP = -1;
    for (let i = this.adjStart[x], end = this.adjStart[x + 1]; i < end; i++) {
      const u = adjNbr[i];
      if (vLabel[u] !== EVEN) continue;
      const key = dualBase[u] + yx - 2 * adjW[i];
      if (key < best) {
        best = key;
        bestP = adjEnd[i];
      }
    }
    this.bestKey[x] = best;
    this.bestEnd[x] = bestP;
    if (bestP !== -1) this.heap.push(best, x * 4 + GROW);
  }

  /** Recomputes an even vertex's least-slack edge to another even blossom. */
  private rescanEven(v: number): void {
    const { adjNbr, adjEnd, adjW, vLabel, dualBase, inBlossom } = this;
    this.stats.rescans++;
    const bv = inBlossom[v];
    const yv = dualBase[v];
    let best = INFINITY;
    let bestP = -1;
    for (let i = this.adjStart[v], end = this.adjStart[v + 1]; i < end; i++) {
      const x = adjNbr[i];
      if (vLabel[x] !== EVEN || inBlossom[x] === bv) continue;
      const key = (yv + dualBase[x]) / 2 - adjW[i];
      if (key < best) {
        best = key;
        bestP = adjEnd[i];
      }
    }
    this.bestKey[v] = best;
    this.bestEnd[v] = bestP;
    if (bestP !== -1) this.heap.push(best, v * 4 + TIGHT_EVEN);
  }

  // ---------------------------------------------------------------- labels and trees

  /**
   * Labels an unlabeled top-level blossom and converts its stored duals to the new label's
   * convention. Appends its vertices to `out` from `at`; returns the new end.
   */
  private setTopLabel(b: number, lab: number, end: number, tree: number, out: Int32Array, at: number): number {
    const from = at;
    at = this.leavesInto(b, out, at);
    const shift = lab === EVEN ? this.now : -this.now;
    for (let i = from; i < at; i++) {
      const v = out[i];
      this.dualBase[v] += shift;
      this.vLabel[v] = lab;
    }
    this.label[b] = lab;
    this.labelEnd[b] = end;
    this.treeInsert(b, tree);
    if (b >= this.n) {
      this.zBase[b] -= 2 * shift;
      if (lab === ODD) this.heap.push(this.zBase[b] / 2, b * 4 + BLOSSOM_ZERO);
    }
    return at;
  }

  /** Unlabels a top-level blossom (tree list untouched); appends its vertices to `out`. */
  private clearTopLabel(b: number, out: Int32Array, at: number): number {
    const from = at;
    at = this.leavesInto(b, out, at);
    const shift = this.label[b] === EVEN ? -this.now : this.now;
    for (let i = from; i < at; i++) {
      const v = out[i];
      this.dualBase[v] += shift;
      this.vLabel[v] = NONE;
    }
    if (b >= this.n) this.zBase[b] -= 2 * shift;
    this.label[b] = NONE;
    this.labelEnd[b] = -1;
    this.treeOf[b] = -1;
    return at;
  }

  /** Removes whole trees after an augmentation; their vertices look for even neighbours again. */
  private dissolve(treeA: number, treeB: number): void {
    let at = 0;
    for (const tree of [treeA, treeB]) {
      if (tree < 0) continue;
      for (let b = this.treeHead[tree]; b !== -1; ) {
        const next = this.treeNext[b];
        at = this.clearTopLabel(b, this.bufA, at);
        b = next;
      }
      this.treeHead[tree] = -1;
    }
    for (let i = 0; i < at; i++) this.rescanUnlabeled(this.bufA[i]);
  }

  private treeInsert(b: number, tree: number): void {
    const head = this.treeHead[tree];
    this.treeOf[b] = tree;
    this.treePrev[b] = -1;
    this.treeNext[b] = head;
    if (head !== -1) this.treePrev[head] = b;
    this.treeHead[tree] = b;
  }

  private treeRemove(b: number): void {
    const prev = this.treePrev[b];
    const next = this.treeNext[b];
    if (prev !== -1) this.treeNext[prev] = next;
    else this.treeHead[this.treeOf[b]] = next;
    if (next !== -1) this.treePrev[next] = prev;
    this.treeOf[b] = -1;
  }

  // ---------------------------------------------------------------- blossoms

  private leavesInto(b: number, out: Int32Array, at: number): number {
    if (b < this.n) {
      out[at] = b;
      return at + 1;
    }
    const stack = this.dfsStack;
    let top = 0;
    stack[top++] = b;
    while (top > 0) {
      const c = stack[--top];
      if (c < this.n) out[at++] = c;
      else for (const child of this.childs[c] as number[]) stack[top++] = child;
    }
    return at;
  }

  /** Walks up both tree paths alternately until they meet; returns the base vertex there. */
  private findCommonBase(v: number, w: number): number {
    const { inBlossom, labelEnd, endpoint, mark } = this;
    const stamp = ++this.markStamp;
    while (v !== -1 || w !== -1) {
      let b = inBlossom[v];
      if (mark[b] === stamp) return this.blossomBase[b];
      mark[b] = stamp;
      if (labelEnd[b] === -1) v = -1;
      else {
        b = inBlossom[endpoint[labelEnd[b]]];
        v = endpoint[labelEnd[b]];
      }
      if (w !== -1) {
        const t = v;
        v = w;
        w = t;
      }
    }
    throw new Error('blossom engine: tight edge inside one tree without a common base');
  }

  /** Shrinks the odd cycle closed by edge `k` into a new even blossom with the given base. */
  private addBlossom(base: number, k: number): void {
    const { endpoint, inBlossom, labelEnd } = this;
    const bb = inBlossom[base];
    let bv = inBlossom[endpoint[2 * k]];
    let bw = inBlossom[endpoint[2 * k + 1]];
    const b = this.freeIds[--this.freeCount];
    const path: number[] = [];
    const ends: number[] = [];
    while (bv !== bb) {
      path.push(bv);
      ends.push(labelEnd[bv]);
      bv = inBlossom[endpoint[labelEnd[bv]]];
    }
    path.push(bb);
    path.reverse();
    ends.reverse();
    ends.push(2 * k);
    while (bw !== bb) {
      path.push(bw);
      ends.push(labelEnd[bw] ^ 1);
      bw = inBlossom[endpoint[labelEnd[bw]]];
    }

    const tree = this.treeOf[bb];
    const twoNow = 2 * this.now;
    let toScan = 0;
    for (const c of path) {
      const wasOdd = this.label[c] === ODD;
      // A sub-blossom's dual freezes: store its actual value.
      if (c >= this.n) this.zBase[c] += wasOdd ? -twoNow : twoNow;
      const from = toScan;
      const end = this.leavesInto(c, this.bufA, from);
      for (let i = from; i < end; i++) {
        const v = this.bufA[i];
        inBlossom[v] = b;
        if (wasOdd) {
          // odd -> even: y = base + now becomes stored as y + now.
          this.dualBase[v] += twoNow;
          this.vLabel[v] = EVEN;
        }
      }
      if (wasOdd) toScan = end;
      this.treeRemove(c);
      this.label[c] = NONE;
      this.blossomParent[c] = b;
    }
    this.blossomBase[b] = base;
    this.blossomParent[b] = -1;
    this.childs[b] = path;
    this.endps[b] = ends;
    this.label[b] = EVEN;
    this.labelEnd[b] = labelEnd[bb];
    this.zBase[b] = -twoNow;
    this.treeInsert(b, tree);
    this.stats.blossoms++;
    for (let i = 0; i < toScan; i++) this.scanEven(this.bufA[i]);
  }

  /** Expands an odd blossom whose dual reached 0, relabelling the even path through it. */
  private expand(b: number): void {
    const { endpoint, inBlossom, mate } = this;
    const n = this.n;
    const ch = this.childs[b] as number[];
    const ep = this.endps[b] as number[];
    const size = ch.length;
    const tree = this.treeOf[b];
    const entryEnd = this.labelEnd[b];
    this.treeRemove(b);
    // Back to the unlabeled convention first; the path is then labelled from scratch.
    const count = this.leavesInto(b, this.bufB, 0);
    for (let i = 0; i < count; i++) {
      const v = this.bufB[i];
      this.dualBase[v] += this.now;
      this.vLabel[v] = NONE;
    }
    for (const c of ch) {
      this.blossomParent[c] = -1;
      this.label[c] = NONE;
      this.labelEnd[c] = -1;
      if (c < n) inBlossom[c] = c;
      else {
        const end = this.leavesInto(c, this.bufB, 0);
        for (let i = 0; i < end; i++) inBlossom[this.bufB[i]] = c;
      }
    }

    // The entry child is odd; walk to the base child in the direction that gives an even path.
    const entry = inBlossom[endpoint[entryEnd ^ 1]];
    let j = evenWalkStart(ch.indexOf(entry), size);
    const step = j < 0 ? 1 : -1;
    let p = entryEnd;
    let toScan = 0;
    while (j !== 0) {
      const t = inBlossom[endpoint[p ^ 1]];
      this.setTopLabel(t, ODD, p, tree, this.bufB, 0);
      const mp = mate[this.blossomBase[t]];
      toScan = this.setTopLabel(inBlossom[endpoint[mp]], EVEN, mp ^ 1, tree, this.bufA, toScan);
      j += step;
      p = cycleEdgeEnd(ep, j, step);
      j += step;
    }
    this.setTopLabel(ch[0], ODD, p, tree, this.bufB, 0);
    // The other side of the cycle leaves the tree.
    let toRescan = 0;
    for (const c of ch) if (this.label[c] === NONE) toRescan = this.leavesInto(c, this.bufB, toRescan);

    this.childs[b] = null;
    this.endps[b] = null;
    this.blossomBase[b] = -1;
    this.label[b] = NONE;
    this.labelEnd[b] = -1;
    this.zBase[b] = 0;
    this.freeIds[this.freeCount++] = b;
    this.stats.expansions++;
    for (let i = 0; i < toScan; i++) this.scanEven(this.bufA[i]);
    for (let i = 0; i < toRescan; i++) this.rescanUnlabeled(this.bufB[i]);
  }

  /**
   * Swaps matched and unmatched edges on the even path inside blossom `b0` from its base to
   * vertex `v0`, making `v0` the new base. Nested sub-blossoms are handled from a work stack:
   * each one only touches edges inside itself, so the order of the work does not matter.
   */
  private augmentBlossom(b0: number, v0: number): void {
    const { blossomParent, endpoint, mate } = this;
    const n = this.n;
    const stack = this.workStack;
    let top = 0;
    stack[top++] = b0;
    stack[top++] = v0;
    while (top > 0) {
      const v = stack[--top];
      const b = stack[--top];
      let t = v;
      while (blossomParent[t] !== b) t = blossomParent[t];
      if (t >= n) {
        stack[top++] = t;
        stack[top++] = v;
      }
      const ch = this.childs[b] as number[];
      const ep = this.endps[b] as number[];
      const size = ch.length;
      const i = ch.indexOf(t);
      let j = evenWalkStart(i, size);
      const step = j < 0 ? 1 : -1;
      while (j !== 0) {
        j += step;
        let c = ch[j < 0 ? j + size : j];
        const p = cycleEdgeEnd(ep, j, step);
        if (c >= n) {
          stack[top++] = c;
          stack[top++] = endpoint[p];
        }
        j += step;
        c = ch[j < 0 ? j + size : j];
        if (c >= n) {
          stack[top++] = c;
          stack[top++] = endpoint[p ^ 1];
        }
        mate[endpoint[p]] = p ^ 1;
        mate[endpoint[p ^ 1]] = p;
      }
      if (i > 0) {
        this.childs[b] = ch.slice(i).concat(ch.slice(0, i));
        this.endps[b] = ep.slice(i).concat(ep.slice(0, i));
      }
      this.blossomBase[b] = v;
    }
  }

  /**
   * Matches vertex `s` through endpoint `p` (-1: leaves it single), then walks up its tree to
   * the root, swapping matched and unmatched edges.
   */
  private flipPath(s: number, p: number): void {
    const { inBlossom, labelEnd, endpoint, mate } = this;
    const n = this.n;
    for (;;) {
      const bs = inBlossom[s];
      if (bs >= n) this.augmentBlossom(bs, s);
      mate[s] = p;
      const up = labelEnd[bs];
      if (up === -1) return;
      const bt = inBlossom[endpoint[up]];
      const back = labelEnd[bt];
      s = endpoint[back];
      const j = endpoint[back ^ 1];
      if (bt >= n) this.augmentBlossom(bt, j);
      mate[j] = back;
      p = back ^ 1;
    }
  }

  // ---------------------------------------------------------------- debugging

  /**
   * Throws if a primal or dual invariant is broken. O(m · depth): for tests only.
   */
  assertInvariants(): void {
    const n = this.n;
    const { endpoint, weight, mate, blossomParent } = this;
    const y = (v: number): number => {
      const lab = this.vLabel[v];
      return lab === EVEN ? this.dualBase[v] - this.now : lab === ODD ? this.dualBase[v] + this.now : this.dualBase[v];
    };
    const z = (b: number): number => {
      if (blossomParent[b] !== -1) return this.zBase[b];
      const lab = this.label[b];
      return lab === EVEN ? this.zBase[b] + 2 * this.now : lab === ODD ? this.zBase[b] - 2 * this.now : this.zBase[b];
    };
    for (let v = 0; v < n; v++) {
      if (y(v) < 0) throw new Error(`negative dual at vertex ${v}: ${y(v)}`);
      if (this.vLabel[v] !== this.label[this.inBlossom[v]]) throw new Error(`stale vertex label at ${v}`);
      if (mate[v] !== -1 && mate[endpoint[mate[v]]] !== (mate[v] ^ 1)) throw new Error(`asymmetric mate at ${v}`);
      if (mate[v] === -1 && y(v) > 0 && this.label[this.inBlossom[v]] !== EVEN) {
        throw new Error(`single vertex ${v} with positive dual outside a tree`);
      }
    }
    for (let b = n; b < 2 * n; b++) if (this.blossomBase[b] >= 0 && z(b) < 0) throw new Error(`negative blossom dual at ${b}`);
    for (let e = 0; e < weight.length; e++) {
      const a = endpoint[2 * e];
      const c = endpoint[2 * e + 1];
      let slack = y(a) + y(c) - 2 * weight[e];
      for (let b = blossomParent[a]; b !== -1; b = blossomParent[b]) {
        let inside = false;
        for (let d = blossomParent[c]; d !== -1; d = blossomParent[d]) if (d === b) inside = true;
        if (inside) slack += z(b);
      }
      if (slack < 0) throw new Error(`negative slack ${slack} on edge ${e} (${a}, ${c})`);
      if (mate[a] === 2 * e + 1 && slack !== 0) throw new Error(`matched edge ${e} not tight (slack ${slack})`);
    }
  }
}
