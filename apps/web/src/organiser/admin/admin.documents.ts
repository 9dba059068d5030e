import { graphql } from '../../gql';

export const AdminEventsDocument = graphql(`
  query AdminEvents {
    events {
      id
      slug
      name
      startsOn
      endsOn
      organisers {
        id
        name
        email
      }
    }
  }
`);

export const AddOrganiserDocument = graphql(`
  mutation AdminAddOrganiser($input: AddOrganiserInput!) {
    addOrganiser(input: $input) {
      organiser {
        id
        name
        email
      }
      accessCode {
        code
        expiresAt
      }
    }
  }
`);

export const RemoveOrganiserDocument = graphql(`
  mutation AdminRemoveOrganiser($eventId: ID!, $accountId: ID!) {
    removeOrganiser(eventId: $eventId, accountId: $accountId)
  }
`);
