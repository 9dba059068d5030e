import { graphql } from '../../gql';

/**
 * What every staff page knows of its event: loaded once by the event's frame (organiser-event.tsx) and
 * read back from updateEvent, so the settings page and the frame ask for the very same fields.
 */
export const OrganiserEventFieldsFragment = graphql(`
  fragment OrganiserEventFields on Event {
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
`);

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
      ...OrganiserEventFields
    }
  }
`);
