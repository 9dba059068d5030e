import { graphql } from '../../gql';

export const MatchingRulesFieldsFragmentDoc = graphql(`
  fragment MatchingRulesFields on EventMatchingRules {
    conflicts
    conflictsFromEarlierEvents
    rules {
      sameCompany
      weights {
        interest
        complementarity
        stack
        roleMix
        mutualWish
        oneWayWish
        sameCompany
        text
        roleMixTable {
          roles
          bonus
        }
      }
      whoCanMeet {
        who {
          role
          ticketType
        }
        onlyWith {
          role
          ticketType
        }
        notWith {
          role
          ticketType
        }
      }
    }
  }
`);

export const OrganiserMatchingRulesDocument = graphql(`
  query OrganiserMatchingRules($eventId: ID!) {
    matchingRules(eventId: $eventId) {
      ...MatchingRulesFields
    }
  }
`);

export const SetMatchingRulesDocument = graphql(`
  mutation SetMatchingRules($input: SetMatchingRulesInput!) {
    setMatchingRules(input: $input) {
      ...MatchingRulesFields
    }
  }
`);

export const ImportConflictsDocument = graphql(`
  mutation ImportConflicts($eventId: ID!, $csv: String!, $dryRun: Boolean!) {
    importConflicts(eventId: $eventId, csv: $csv, dryRun: $dryRun) {
      dryRun
      lines
      added
      alreadyKnown
      header
      unknown {
        line
        value
      }
      matching {
        conflicts
      }
    }
  }
`);
