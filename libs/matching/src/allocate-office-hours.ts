import { solveMatching } from './blossom/solve-matching';
import { MatchingInputError } from './errors';
import type { Profile } from './profile';
import type { ScoringOptions } from './score';
import { createScorer } from './scorer';

/** A time interval `[start, end)` in any monotonic unit (e.g. epoch ms); half-open, as rounds are. */
export interface TimeInterval {
  readonly start: number;
  readonly end: number;
}

/** A talk whose speaker offers short 1:1 slots, each for one asker. */
export interface OfficeHoursTalk {
  readonly id: string;
  /** The speaker's profile id (in `profiles`): their profile is part of each asker's relevance. */
  readonly speakerId: string;
  /** The talk's tags (event vocabulary slugs). */
  readonly tags: readonly string[];
  /** The slots, slot `i` being `slots[i]`; the speaker's capacity is their number. */
  readonly slots: readonly TimeInterval[];
}

/** Someone asking for a slot of a talk. */
export interface OfficeHoursRequest {
  readonly talkId: string;
  readonly attendeeId: string;
  /** When they asked (any monotonic number, e.g. epoch ms): earlier wins between equally relevant choices. */
  readonly requestedAt: number;
}

/** An interval during which an attendee cannot take a slot (a talk they give, a round they sit in, away…). */
export interface BusyInterval extends TimeInterval {
  readonly attendeeId: string;
}

export interface OfficeHoursInput {
  /** Profiles of every asker and every speaker (more is fine: rarity is computed over them all). */
  readonly profiles: readonly Profile[];
  readonly talks: readonly OfficeHoursTalk[];
  readonly requests: readonly OfficeHoursRequest[];
  /** When attendees are unavailable. A speaker is also busy during the slots of their own talks here. */
  readonly busy?: readonly BusyInterval[];
  /** Slots an attendee already holds outside this allocation (other, published talks): they count for fairness. */
  readonly slotsHeld?: Readonly<Record<string, number>>;
  /** Weights of the pair score (the one of rounds), e.g. the event's settings. */
  readonly weights?: ScoringOptions['weights'];
}

export interface OfficeHoursGrant {
  readonly talkId: string;
  /** 0-based index into the talk's `slots`. */
  readonly slot: number;
  readonly attendeeId: string;
  readonly relevance: number;
  /** Slots the asker held (input `slotsHeld` plus this allocation's) before this one: 0 for a first slot. */
  readonly level: number;
}

export interface OfficeHoursStandby {
  readonly talkId: string;
  readonly attendeeId: string;
  /** 1-based place on the talk's standby list. */
  readonly rank: number;
  readonly relevance: number;
}

export interface OfficeHoursLevelStats {
  /** Askers holding `level` slots who competed for one more. */
  readonly level: number;
  readonly competing: number;
  readonly granted: number;
}

export interface OfficeHoursAllocation {
  /** Sorted by talk id, then slot. */
  readonly granted: readonly OfficeHoursGrant[];
  /** Sorted by talk id, then rank: every request that got no slot of its talk. */
  readonly standby: readonly OfficeHoursStandby[];
  readonly stats: {
    readonly askers: number;
    /** Askers who hold at least one slot in the end (counting `slotsHeld`). */
    readonly served: number;
    readonly slotsOffered: number;
    readonly slotsGranted: number;
    readonly levels: readonly OfficeHoursLevelStats[];
  };
}

/** The id under which a talk's tags enter the scorer (attendee ids never hold a NUL). */
const talkProfileId = (talkId: string): string => `\u0000talk\u0000${talkId}`;

/** Relevance enters the solver in units of 10⁻⁴ score points. */
const RELEVANCE_SCALE = 10_000;

const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function checkInterval(value: TimeInterval, field: string): void {
  if (typeof value !== 'object' || value === null || !Number.isFinite(value.start) || !Number.isFinite(value.end)) {
    throw new MatchingInputError(field, 'must have finite start and end');
  }
  if (value.end <= value.start) throw new MatchingInputError(field, 'must end after it starts');
}

const overlaps = (a: TimeInterval, b: TimeInterval): boolean => a.start < b.end && b.start < a.end;

/**
 * The relevance of an asker to a talk, with the pair score of rounds (`createScorer`): the asker's
 * profile against the talk's tags (a profile whose interests, stack and offers are the tags), plus
 * the asker's profile against the speaker's (interests, complementary goals, stack, role mix, a wish
 * to meet them, minus the same-company penalty).
 */
function relevanceOf(score: (a: string, b: string) => number, attendeeId: string, talk: OfficeHoursTalk): number {
  return score(attendeeId, talkProfileId(talk.id)) + score(attendeeId, talk.speakerId);
}

interface Asker {
  readonly id: string;
  held: number;
  /** Slots granted by this allocation. */
  readonly mine: TimeInterval[];
  readonly busy: TimeInterval[];
  /** Requests still without a slot, each with its relevance and earliness rank. */
  readonly pending: { talk: number; relevance: number; earliness: number }[];
  /** Out of the competition: lost at its level, or nothing left to ask. */
  done: boolean;
}

/**
 * Allocates the office-hour slots of several talks at once (a session, a day, an event).
 *
 * Definition. A slot holds one asker; an asker gets at most one slot per talk they asked for, never
 * two slots at overlapping times, never a slot while busy (`busy`; a speaker hosting their own slots),
 * and never one of a speaker with whom a block stands (either way). Within those rules the slots go
 * out by **fairness levels**: level ℓ gives at most one more slot to each asker holding ℓ slots
 * (counting `slotsHeld`), lowest level first. Each level is a maximum-cardinality bipartite matching of
 * its askers to the free slots they may take, and among those of maximum cardinality one of maximum
 * total relevance (relevance rounded to 10⁻⁴; equal totals go to the earlier askers). An asker who
 * gets nothing at their level is done: slots only fill up, so nothing later could fit them.
 *
 * Guarantees (each a property in the spec):
 * - **F1 — as many askers served as possible**: no valid allocation gives a slot to more of the
 *   askers who held none (level 0 is a maximum matching).
 * - **F2 — nobody gets a second slot while someone who wanted one has none**: if an asker who held
 *   no slot ends with none, every slot they could have taken (a talk they asked for, free of their
 *   busy time, no block with the speaker) is the only slot of whoever holds it. (Were its holder to
 *   hold another, they got it at a later level, when it was still free: swapping would have served
 *   one more asker at level 0, against F1.)
 * - **No waste**: no slot stays empty while someone who asked for its talk, and holds none of it,
 *   could take it without a clash.
 * - Capacity, no clash, one slot per talk per asker; the result depends on no input order.
 * Optimal per level (given the lower levels), not across levels: level 1 takes level 0 as fixed.
 *
 * Slot order: within a talk, the earlier slot goes to the more relevant (then earlier) asker wherever
 * the two could take each other's slot without a clash (a swap that changes nothing above).
 *
 * Standby: per talk, every asker without a slot of it, by fewest slots held in the end, then
 * relevance, then time of asking, then id — the order in which a released slot is offered (the
 * caller skips those who would clash at that slot's time).
 *
 * Complexity: O(P + R·S_t) to score and build, with P the profiles' size, R requests and S_t slots per
 * talk; then per level one maximum-weight matching on A askers + S slots with E ≤ R·S_t edges
 * (blossom, O((A+S)·E·log E) worst case, far less on these bipartite graphs); L ≤ 1 + most requests
 * of one asker levels. Busy checks are O(intervals of the asker) per edge.
 * @throws {MatchingInputError} for invalid profiles or weights, a duplicate talk id, a slot or busy
 *   interval that is not finite or ends before it starts, a request for an unknown talk, by an asker
 *   without a profile, or twice for one talk, a speaker without a profile, or a bad `slotsHeld` count.
 * @example
 * const { granted } = allocateOfficeHours({
 *   profiles, // ada, bob and the speaker sam
 *   talks: [{ id: 't1', speakerId: 'sam', tags: ['rag'], slots: [{ start: 0, end: 10 }] }],
 *   requests: [{ talkId: 't1', attendeeId: 'ada', requestedAt: 2 }, { talkId: 't1', attendeeId: 'bob', requestedAt: 1 }],
 * });
 * granted; // [{ talkId: 't1', slot: 0, attendeeId: <the more relevant of ada and bob>, relevance, level: 0 }]
 */
export function allocateOfficeHours(input: OfficeHoursInput): OfficeHoursAllocation {
  const talks = validateTalks(input);
  const talkIndex = new Map(talks.map((t, i) => [t.id, i]));
  const profiles = [
    ...input.profiles,
    ...talks.map((t) => ({ id: talkProfileId(t.id), stack: t.tags, interests: t.tags, lookingFor: [], canOffer: t.tags, languages: [] })),
  ];
  const scorer = createScorer(profiles, { weights: input.weights });
  const known = new Set(input.profiles.map((p) => p.id));
  talks.forEach((t, i) => {
    if (!known.has(t.speakerId)) throw new MatchingInputError(`talks[${i}].speakerId`, `no profile for "${t.speakerId}"`);
  });

  const held = input.slotsHeld ?? {};
  for (const [id, count] of Object.entries(held)) {
    if (!Number.isInteger(count) || count < 0) throw new MatchingInputError(`slotsHeld.${id}`, 'must be a non-negative integer');
  }
  const busyOf = new Map<string, TimeInterval[]>();
  (input.busy ?? []).forEach((b, i) => {
    checkInterval(b, `busy[${i}]`);
    busyOf.set(b.attendeeId, [...(busyOf.get(b.attendeeId) ?? []), { start: b.start, end: b.end }]);
  });
  // A speaker hosts their own slots.
  for (const t of talks) busyOf.set(t.speakerId, [...(busyOf.get(t.speakerId) ?? []), ...t.slots]);

  // Requests, checked, in a canonical order: earliness rank 0 is the last asked.
  const requests = input.requests.map((r, i) => {
    const talk = talkIndex.get(r.talkId);
    if (talk === undefined) throw new MatchingInputError(`requests[${i}].talkId`, `unknown talk "${r.talkId}"`);
    if (!known.has(r.attendeeId)) throw new MatchingInputError(`requests[${i}].attendeeId`, `no profile for "${r.attendeeId}"`);
    if (!Number.isFinite(r.requestedAt)) throw new MatchingInputError(`requests[${i}].requestedAt`, 'must be a finite number');
    return { i, talk, attendeeId: r.attendeeId, requestedAt: r.requestedAt };
  });
  requests.sort((a, b) => b.requestedAt - a.requestedAt || byId(b.attendeeId, a.attendeeId) || byId(talks[b.talk]!.id, talks[a.talk]!.id));
  const seen = new Set<string>();
  const askers = new Map<string, Asker>();
  const relevance = new Map<string, number>();
  const earlinessOf = new Map<string, number>();
  requests.forEach((r, earliness) => {
    const key = `${r.talk}\u0000${r.attendeeId}`;
    if (seen.has(key)) throw new MatchingInputError(`requests[${r.i}]`, `"${r.attendeeId}" asked twice for talk "${talks[r.talk]!.id}"`);
    seen.add(key);
    const talk = talks[r.talk]!;
    const value = relevanceOf(scorer.score, r.attendeeId, talk);
    relevance.set(key, value);
    earlinessOf.set(key, earliness);
    let asker = askers.get(r.attendeeId);
    if (!asker) {
      asker = { id: r.attendeeId, held: held[r.attendeeId] ?? 0, mine: [], busy: busyOf.get(r.attendeeId) ?? [], pending: [], done: false };
      askers.set(r.attendeeId, asker);
    }
    // The speaker of the talk, or someone a block separates from them, can never take its slots.
    if (r.attendeeId !== talk.speakerId && scorer.hardRule(r.attendeeId, talk.speakerId) !== 'blocked') {
      asker.pending.push({ talk: r.talk, relevance: value, earliness });
    }
  });

  const holder: (Asker | null)[][] = talks.map((t) => t.slots.map(() => null));
  const levelOf = new Map<string, number>();
  const levels: OfficeHoursLevelStats[] = [];
  const everyone = [...askers.values()].sort((a, b) => byId(a.id, b.id));
  const canTake = (asker: Asker, slot: TimeInterval): boolean =>
    !asker.busy.some((b) => overlaps(b, slot)) && !asker.mine.some((m) => overlaps(m, slot));

  for (;;) {
    const waiting = everyone.filter((a) => !a.done && a.pending.length > 0);
    if (!waiting.length) break;
    const level = Math.min(...waiting.map((a) => a.held));
    const competing = waiting.filter((a) => a.held === level);
    const granted = allocateLevel(competing, talks, holder, requests.length, canTake);
    for (const asker of competing) {
      const won = granted.get(asker);
      if (!won) {
        asker.done = true;
        continue;
      }
      const talk = talks[won.talk]!;
      holder[won.talk]![won.slot] = asker;
      asker.mine.push(talk.slots[won.slot]!);
      asker.pending.splice(asker.pending.findIndex((p) => p.talk === won.talk), 1);
      levelOf.set(`${won.talk}\u0000${asker.id}`, level);
      asker.held++;
    }
    levels.push({ level, competing: competing.length, granted: granted.size });
  }

  // Within each talk, the earlier slot to the more relevant (then earlier) asker, wherever both fit the other's slot.
  const ahead = (t: number, a: Asker, b: Asker): boolean => {
    const [ka, kb] = [`${t}\u0000${a.id}`, `${t}\u0000${b.id}`];
    return relevance.get(ka)! - relevance.get(kb)! > 0 || (relevance.get(ka) === relevance.get(kb) && earlinessOf.get(ka)! > earlinessOf.get(kb)!);
  };
  const fitsInstead = (asker: Asker, target: TimeInterval, current: TimeInterval): boolean =>
    !asker.busy.some((b) => overlaps(b, target)) && !asker.mine.some((m) => m !== current && overlaps(m, target));
  // One pass over the talks in id order (never the input's order); true when it swapped. A swap in one talk
  // can make a swap in another possible (it moves its two people's times), so the caller repeats the pass:
  // each swap removes an inversion of its talk and touches no other talk's line, so the repetition ends.
  const talkOrder = talks.map((_, i) => i).sort((a, b) => byId(talks[a]!.id, talks[b]!.id));
  const orderSlots = (): boolean => {
    let any = false;
    for (const t of talkOrder) {
      const [talk, line] = [talks[t]!, holder[t]!];
      for (let swapped = true; swapped; ) {
        swapped = false;
        for (let i = 0; i < line.length; i++) {
          for (let j = i + 1; j < line.length; j++) {
            const [a, b] = [line[i], line[j]];
            if (!a || !b || !ahead(t, b, a)) continue;
            const [si, sj] = [talk.slots[i]!, talk.slots[j]!];
            if (!fitsInstead(a, sj, si) || !fitsInstead(b, si, sj)) continue;
            [line[i], line[j]] = [b, a];
            a.mine[a.mine.indexOf(si)] = sj;
            b.mine[b.mine.indexOf(sj)] = si;
            swapped = any = true;
          }
        }
      }
    }
    return any;
  };
  // A swap frees its two people at other times, so a slot that nobody could take during the levels may
  // now fit someone who asked for its talk: give each such slot to the one the standby list would offer it
  // to (fewest slots, then relevance, then earliest), then order again. Each pass grants a slot, so it ends.
  const fillFreedSlots = (): boolean => {
    let filled = false;
    for (const t of talkOrder) {
      talks[t]!.slots.forEach((slot, k) => {
        if (holder[t]![k] !== null) return;
        const taker = everyone
          .filter((a) => a.pending.some((p) => p.talk === t) && canTake(a, slot))
          .sort((a, b) => a.held - b.held || (ahead(t, a, b) ? -1 : ahead(t, b, a) ? 1 : byId(a.id, b.id)))[0];
        if (!taker) return;
        holder[t]![k] = taker;
        taker.mine.push(slot);
        taker.pending.splice(taker.pending.findIndex((p) => p.talk === t), 1);
        levelOf.set(`${t}\u0000${taker.id}`, taker.held);
        taker.held++;
        filled = true;
      });
    }
    return filled;
  };
  do while (orderSlots());
  while (fillFreedSlots());
  const grants: OfficeHoursGrant[] = [];
  for (const t of talks.map((_, i) => i).sort((a, b) => byId(talks[a]!.id, talks[b]!.id))) {
    holder[t]!.forEach((asker, slot) => {
      if (!asker) return;
      const key = `${t}\u0000${asker.id}`;
      grants.push({ talkId: talks[t]!.id, slot, attendeeId: asker.id, relevance: relevance.get(key)!, level: levelOf.get(key)! });
    });
  }
  const standby: OfficeHoursStandby[] = [];
  const holds = new Set(grants.map((g) => `${talkIndex.get(g.talkId)}\u0000${g.attendeeId}`));
  const waitingFor = talks.map(() => [] as { asker: Asker; relevance: number; requestedAt: number }[]);
  for (const r of requests) {
    const key = `${r.talk}\u0000${r.attendeeId}`;
    if (!holds.has(key)) waitingFor[r.talk]!.push({ asker: askers.get(r.attendeeId)!, relevance: relevance.get(key)!, requestedAt: r.requestedAt });
  }
  const order = talks.map((_, i) => i).sort((a, b) => byId(talks[a]!.id, talks[b]!.id));
  for (const t of order) {
    waitingFor[t]!
      .sort((a, b) => a.asker.held - b.asker.held || b.relevance - a.relevance || a.requestedAt - b.requestedAt || byId(a.asker.id, b.asker.id))
      .forEach((w, i) => standby.push({ talkId: talks[t]!.id, attendeeId: w.asker.id, rank: i + 1, relevance: w.relevance }));
  }
  return {
    granted: grants,
    standby,
    stats: {
      askers: askers.size,
      served: everyone.filter((a) => a.held > 0).length,
      slotsOffered: talks.reduce((n, t) => n + t.slots.length, 0),
      slotsGranted: grants.length,
      levels,
    },
  };
}

function validateTalks(input: OfficeHoursInput): readonly OfficeHoursTalk[] {
  if (!Array.isArray(input.talks)) throw new MatchingInputError('talks', 'must be an array');
  if (!Array.isArray(input.requests)) throw new MatchingInputError('requests', 'must be an array');
  const ids = new Set<string>();
  input.talks.forEach((t, i) => {
    if (typeof t.id !== 'string' || !t.id) throw new MatchingInputError(`talks[${i}].id`, 'must be a non-empty string');
    if (ids.has(t.id)) throw new MatchingInputError(`talks[${i}].id`, `duplicate talk "${t.id}"`);
    ids.add(t.id);
    if (!Array.isArray(t.slots)) throw new MatchingInputError(`talks[${i}].slots`, 'must be an array');
    t.slots.forEach((s: TimeInterval, k: number) => checkInterval(s, `talks[${i}].slots[${k}]`));
  });
  return input.talks;
}

/**
 * One fairness level: a maximum-cardinality, then maximum-relevance matching of `competing` askers to
 * the free slots they may take. Vertices: askers (sorted by id) then slots (by talk id, slot), so the
 * solver sees the same graph whatever the input order. Weight of an edge, an integer:
 * `(relevance − min) · 10⁴ · U + earliness`, with `U` larger than any matching's sum of earliness
 * ranks, so relevance decides and the time of asking only breaks ties.
 */
function allocateLevel(
  competing: readonly Asker[],
  talks: readonly OfficeHoursTalk[],
  holder: readonly (Asker | null)[][],
  requestCount: number,
  canTake: (asker: Asker, slot: TimeInterval) => boolean,
): Map<Asker, { talk: number; slot: number; relevance: number }> {
  // Free slots in (talk id, slot) order; only askers and slots with an edge become vertices.
  const slotOf: { talk: number; slot: number }[] = [];
  const vertexOf = talks.map((t) => t.slots.map(() => -1));
  for (const t of talks.map((_, i) => i).sort((a, b) => byId(talks[a]!.id, talks[b]!.id))) {
    talks[t]!.slots.forEach((_, k) => {
      if (holder[t]![k] === null) vertexOf[t]![k] = slotOf.push({ talk: t, slot: k }) - 1;
    });
  }
  const edges: { asker: number; slot: number; relevance: number; earliness: number }[] = [];
  const askerOf: Asker[] = [];
  for (const asker of competing) {
    const before = edges.length;
    for (const p of asker.pending) {
      talks[p.talk]!.slots.forEach((slot, k) => {
        const v = vertexOf[p.talk]![k]!;
        if (v >= 0 && canTake(asker, slot)) edges.push({ asker: askerOf.length, slot: v, relevance: p.relevance, earliness: p.earliness });
      });
    }
    if (edges.length > before) askerOf.push(asker);
  }
  const won = new Map<Asker, { talk: number; slot: number; relevance: number }>();
  if (!edges.length) return won;
  let min = Infinity;
  for (const e of edges) min = Math.min(min, e.relevance);
  const unit = (Math.min(askerOf.length, slotOf.length) + 1) * (requestCount + 1);
  const graph = {
    n: askerOf.length + slotOf.length,
    u: Int32Array.from(edges, (e) => e.asker),
    v: Int32Array.from(edges, (e) => askerOf.length + e.slot),
    w: Float64Array.from(edges, (e) => Math.round((e.relevance - min) * RELEVANCE_SCALE) * unit + e.earliness + 1),
  };
  const { mate } = solveMatching(graph, { maxCardinality: true });
  askerOf.forEach((asker, a) => {
    const v = mate[a]!;
    if (v < 0) return;
    const { talk, slot } = slotOf[v - askerOf.length]!;
    won.set(asker, { talk, slot, relevance: asker.pending.find((q) => q.talk === talk)!.relevance });
  });
  return won;
}
