export interface MeetingMix {
  /** Share of meetings whose members all work for different companies (null when no meeting's companies are all known). */
  crossCompanyShare: number | null;
  /** The same for roles. */
  crossRoleShare: number | null;
}

/**
 * How mixed a round's meetings are, from their members' ids. A meeting counts only when the field
 * is known for every member (case-insensitive for companies): "unknown" is neither same nor cross.
 */
export function meetingMix(meetings: readonly (readonly string[])[], attendees: ReadonlyMap<string, { company?: string | null; role?: string | null }>): MeetingMix {
  const differs = (values: (string | null | undefined)[]) => {
    const known = values.filter((v): v is string => Boolean(v));
    return known.length < values.length ? null : new Set(known).size === known.length;
  };
  const share = (verdicts: (boolean | null)[]) => {
    const known = verdicts.filter((v): v is boolean => v !== null);
    return known.length ? known.filter(Boolean).length / known.length : null;
  };
  return {
    crossCompanyShare: share(meetings.map((members) => differs(members.map((id) => attendees.get(id)?.company?.toLowerCase())))),
    crossRoleShare: share(meetings.map((members) => differs(members.map((id) => attendees.get(id)?.role)))),
  };
}
