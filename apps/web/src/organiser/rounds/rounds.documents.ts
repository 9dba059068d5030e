import { graphql } from '../../gql';

export const OrganiserRoundsDocument = graphql(`
  query OrganiserRounds($eventId: ID!) {
    rounds(eventId: $eventId) {
      id
      name
      status
      startsAt
      endsAt
      stats {
        matched
        pairs
        trios
      }
    }
  }
`);

export const CreateRoundDocument = graphql(`
  mutation CreateRound($input: CreateRoundInput!) {
    createRound(input: $input) {
      id
      name
      status
    }
  }
`);
