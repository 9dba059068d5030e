import { RoundStatus } from './models/round.model';
import {
  CANCELLABLE,
  canMove,
  claimableForGeneration,
  NOT_YET_PUBLISHED,
  ROUND_STATUSES,
  ROUND_TRANSITIONS,
  SCHEDULED,
  SEATED,
  sqlList,
  statusesLeadingTo,
  VISIBLE_TO_ATTENDEES,
  type RoundStatusValue,
} from './round-lifecycle';

describe('round lifecycle', () => {
  it('publishes the same statuses in the schema as the database holds', () => {
    expect(Object.values(RoundStatus).sort()).toEqual([...ROUND_STATUSES].sort());
  });

  it('moves only forwards, except a generation that goes back to its draft, and ends at CLOSED or CANCELLED', () => {
    expect(ROUND_TRANSITIONS.CLOSED).toEqual([]);
    expect(ROUND_TRANSITIONS.CANCELLED).toEqual([]);
    expect(canMove('DRAFT', 'PUBLISHED')).toBe(false);
    expect(canMove('GENERATED', 'PUBLISHED')).toBe(true);
    expect(canMove('PUBLISHED', 'GENERATED')).toBe(false);
    expect(canMove('GENERATING', 'DRAFT')).toBe(true);
    expect(statusesLeadingTo('PUBLISHED')).toEqual(['GENERATED']);
    expect(statusesLeadingTo('CLOSED')).toEqual(['PUBLISHED']);
  });

  it('may cancel any round that is not over, and nothing twice', () => {
    expect(CANCELLABLE).toEqual(['DRAFT', 'GENERATING', 'GENERATED', 'PUBLISHED']);
  });

  it('shows attendees exactly the rounds past publication, and lets them opt out of exactly the others still alive', () => {
    expect(VISIBLE_TO_ATTENDEES).toEqual(statusesReachableFrom('PUBLISHED').filter((s) => s !== 'CANCELLED'));
    const alive = ROUND_STATUSES.filter((s) => s !== 'CANCELLED');
    expect([...NOT_YET_PUBLISHED, ...VISIBLE_TO_ATTENDEES].sort()).toEqual([...alive].sort());
    expect(SCHEDULED).toEqual(alive);
  });

  it('counts as seated only rounds with a drafted or held seating', () => {
    expect(SEATED).toEqual(['GENERATED', ...VISIBLE_TO_ATTENDEES]);
  });

  it('claims for generation a draft, and a generated draft only when asked to regenerate', () => {
    expect(claimableForGeneration(false)).toEqual(['DRAFT']);
    expect(claimableForGeneration(true)).toEqual(['DRAFT', 'GENERATED']);
    for (const status of claimableForGeneration(true)) expect(canMove(status, 'GENERATING')).toBe(true);
  });

  it('writes a list as an SQL literal, and refuses what is not a status', () => {
    expect(sqlList(VISIBLE_TO_ATTENDEES)).toBe(`('PUBLISHED', 'CLOSED')`);
    expect(() => sqlList(["'); DROP TABLE rounds; --" as RoundStatusValue])).toThrow('Not a round status');
  });
});

/** `from` and every status a round can reach from it. */
function statusesReachableFrom(from: RoundStatusValue): RoundStatusValue[] {
  const seen = new Set<RoundStatusValue>([from]);
  for (const status of seen) for (const next of ROUND_TRANSITIONS[status]) seen.add(next);
  return ROUND_STATUSES.filter((s) => seen.has(s));
}
