import { defineErrorReasons, type ReasonOf } from '../common/domain-error';

/** Why an organiser's matching rules or conflicts of interest were refused. */
export const matchingRulesError = defineErrorReasons(
  'MatchingRulesErrorReason',
  'Why an organiser’s matching rules or conflicts of interest were refused.',
  {
    RULES_INVALID: {
      category: 'BAD_USER_INPUT',
      description: 'The rules document breaks its contract; `fields[0].field` names the value (e.g. `rules.whoCanMeet[0].who`, `weights.stack`).',
    },
    CONFLICTS_FILE_INVALID: { category: 'BAD_USER_INPUT', description: 'The conflicts file is not a CSV with a line per group of two or more people.' },
    CONFLICT_NAME_AMBIGUOUS: {
      category: 'BAD_USER_INPUT',
      description: 'A name of the conflicts file fits several attendees; nothing was imported (`details.ambiguous` lists them: write their emails instead).',
    },
  },
);
export const MatchingRulesErrorReason = matchingRulesError.reason;
export type MatchingRulesErrorReason = ReasonOf<typeof matchingRulesError>;
