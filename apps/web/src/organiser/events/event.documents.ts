import { graphql } from '../../gql';

export const CreateEventDocument = graphql(`
  mutation OrganiserCreateEvent($input: CreateEventInput!) {
    createEvent(input: $input) {
      id
      slug
    }
  }
`);

export const UpdateEventDocument = graphql(`
  mutation OrganiserUpdateEvent($input: UpdateEventInput!) {
    updateEvent(input: $input) {
      id
      slug
      name
      startsOn
      endsOn
      timeZone
      venue
      language
      defaultRoundMinutes
      oddPolicy
      retentionDays
      vocabulary {
        slug
        label
        synonyms
      }
    }
  }
`);
