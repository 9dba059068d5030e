/** The longest search staff may type (the attendees list's `filter.search` and a round's `meetings(search:)`). */
export const MAX_SEARCH_LENGTH = 200;

/** What staff search an attendee by: a part of the name, email or company, whatever its case. */
export const attendeeSearchSql = (alias: string, parameter: string): string =>
  `(${alias}.name ILIKE :${parameter} OR ${alias}.email ILIKE :${parameter} OR ${alias}.company ILIKE :${parameter})`;

/** An ILIKE pattern for a literal substring: LIKE's own wildcards in what the organiser typed match themselves. */
export const containsPattern = (search: string): string => `%${search.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
