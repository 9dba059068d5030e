import { graphql } from '../../gql';

export const PresenceFragment = graphql(`
  fragment Presence_attendee on Attendee {
    id
    present
  }
`);

export const SetMyPresenceDocument = graphql(`
  mutation SetMyPresence($present: Boolean!) {
    setMyPresence(present: $present) {
      ...Presence_attendee
    }
  }
`);

export const UpcomingRoundFragment = graphql(`
  fragment UpcomingRound_round on UpcomingRound {
    id
    name
    startsAt
    optedOut
  }
`);

export const OptOutOfRoundDocument = graphql(`
  mutation OptOutOfRound($roundId: ID!, $optOut: Boolean!) {
    optOutOfRound(roundId: $roundId, optOut: $optOut)
  }
`);
