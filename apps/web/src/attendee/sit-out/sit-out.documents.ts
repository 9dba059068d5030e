import { graphql } from '../../gql';

/** The published rounds of the event, with why this attendee sits each out (null: they have a table). */
export const AttendeeRoundsDocument = graphql(`
  query AttendeeRounds($eventId: ID!) {
    rounds(eventId: $eventId) {
      id
      ...SitOut_round
    }
  }
`);

export const SitOutFragment = graphql(`
  fragment SitOut_round on Round {
    id
    name
    startsAt
    endsAt
    mySitOut
  }
`);
