import { explainPair } from './explain';
import { meetingText } from './meeting-text';
import type { MustMeetReport } from './must-meet';
import { displayName } from './profile';
import type { AttendeeScore, FairnessStats, Meeting, MeetingEdge, OptimalityStats, RoundPlan } from './round-types';
import { seatRound, type Seating, type SeatingRequest } from './round-seating';
import { edgeScore, type ScoringModel } from './score';

const NO_MUST_MEET: MustMeetReport = { seated: [], unmet: [] };

/**
 * Turns the solver's matching into the round's plan: tables and sit-outs (`seatRound`), each table
 * explained pair by pair with its sentence and opening question, every attendee's score, and the
 * round's statistics (`k`: partners per attendee of the scoring pass, reported with the optimality).
 *
 * Complexity: O(n + tables · explanation) plus seating.
 * @throws never.
 * @example assembleRound(model, 22, mate, request, optimality, fairness).stats.pairs
 */
export function assembleRound(
  model: ScoringModel,
  k: number,
  mate: Int32Array,
  request: SeatingRequest,
  optimality: Omit<OptimalityStats, 'k'>,
  fairness: FairnessStats,
): RoundPlan {
  return assembleSeating(model, k, seatRound(model, mate, request), request, optimality, fairness, 'pairs');
}

/**
 * Turns a seating (tables as model indices, and who sits out) into the round's plan, as
 * {@link assembleRound} does; `layout` `tables` makes every group a `table` meeting (all its pairs
 * explained, members sorted), `pairs` makes pairs and trios.
 *
 * Complexity: O(n + Σ table size² · explanation).
 * @throws never.
 * @example assembleSeating(model, 22, { groups: [[0, 1, 2, 3]], byes: [] }, request, optimality, fairness, 'table')
 */
export function assembleSeating(
  model: ScoringModel,
  k: number,
  seating: Seating,
  request: SeatingRequest,
  optimality: Omit<OptimalityStats, 'k'>,
  fairness: FairnessStats,
  layout: 'pairs' | 'table',
): RoundPlan {
  const { groups, byes } = seating;
  const meetings = explainTables(model, groups, request, layout);
  const attendeeScores = attendeeScoresOf(model.profiles.map((p) => p.id), meetings);
  const served = attendeeScores.filter((a): a is { id: string; score: number } => a.score !== null);
  const scores = served.map((a) => a.score);
  const c = request.constraints;
  byes.sort((x, y) => (x.id < y.id ? -1 : 1));
  return {
    meetings,
    byes,
    attendeeScores,
    mustMeet: c?.report ?? NO_MUST_MEET,
    stats: {
      attendees: model.n,
      pairs: meetings.filter((m) => m.kind === 'pair').length,
      trios: meetings.filter((m) => m.kind === 'trio').length,
      tables: meetings.filter((m) => m.kind === 'table').length,
      byes: byes.length,
      busy: byes.filter((b) => b.reason === 'busy').length,
      mustMeetSeated: c?.report.seated.length ?? 0,
      mustMeetUnmet: c?.report.unmet.length ?? 0,
      totalScore: meetings.reduce((acc, m) => acc + m.score, 0),
      meanScore: scores.length === 0 ? null : scores.reduce((a, b) => a + b, 0) / scores.length,
      minScore: scores.length === 0 ? null : (scores[0] as number),
      medianScore: scores.length === 0 ? null : (scores[Math.floor((scores.length - 1) / 2)] as number),
      worstServed: served.slice(0, 5),
      optimality: { ...optimality, k },
      fairness,
      text: model.text?.stats ?? null,
    },
  };
}

/**
 * The tables as meetings, numbered in the order of their first member's id: each pair of a table
 * (a trio has three) explained, scored, and put into one sentence and an opening question.
 */
function explainTables(model: ScoringModel, groups: readonly number[][], request: SeatingRequest, layout: 'pairs' | 'table'): Meeting[] {
  const ids = model.profiles.map((p) => p.id);
  const c = request.constraints;
  const roundSeed = request.seed;
  const meetingsUnordered = groups.map((g) => {
    const pairIdx: [number, number][] =
      layout === 'table'
        ? g.flatMap((x, p) => g.slice(p + 1).map((y) => [x, y] as [number, number]))
        : g.length === 2
          ? [[g[0] as number, g[1] as number]]
          : [[g[0] as number, g[1] as number], [g[2] as number, g[0] as number], [g[2] as number, g[1] as number]];
    const edges: MeetingEdge[] = pairIdx.map(([x, y]) => {
      const explanation = explainPair(model, x, y, roundSeed);
      return { a: explanation.a, b: explanation.b, score: edgeScore(model, x, y), explanation };
    });
    const text = meetingText(edges.map((e) => e.explanation), { nameOf: (id) => displayName(model.profiles[model.index.get(id) as number]!) });
    return {
      kind: layout === 'table' ? ('table' as const) : g.length === 2 ? ('pair' as const) : ('trio' as const),
      // A pair seated for its request; a table that seats one (or more) such pair.
      mustMeet: layout === 'pairs' ? c?.preSeated[g[0] as number] === 1 : g.some((x) => c?.preSeated[x] === 1),
      members: layout === 'table' ? g.map((x) => ids[x] as string).sort() : [...g.slice(0, 2).map((x) => ids[x] as string).sort(), ...g.slice(2).map((x) => ids[x] as string)],
      score: edges.reduce((acc, e) => acc + e.score, 0),
      edges,
      ...text,
    };
  });
  meetingsUnordered.sort((x, y) => ((x.members[0] as string) < (y.members[0] as string) ? -1 : 1));
  return meetingsUnordered.map((m, t) => ({ table: t + 1, ...m }));
}

/** Each attendee's mean score over the pairs they are in (null: not seated), worst first, then by id. */
function attendeeScoresOf(ids: readonly string[], meetings: readonly Meeting[]): AttendeeScore[] {
  const perAttendee = new Map<string, number | null>(ids.map((id) => [id, null]));
  for (const m of meetings) {
    for (const id of m.members) {
      const own = m.edges.filter((e) => e.a === id || e.b === id);
      perAttendee.set(id, own.reduce((acc, e) => acc + e.score, 0) / own.length);
    }
  }
  return [...perAttendee.entries()]
    .map(([id, score]) => ({ id, score }))
    .sort((x, y) => (x.score === null ? -Infinity : x.score) - (y.score === null ? -Infinity : y.score) || (x.id < y.id ? -1 : 1));
}
