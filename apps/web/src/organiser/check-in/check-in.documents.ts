import { graphql } from '../../gql';

export const CheckInPresentCountDocument = graphql(`
  query CheckInPresentCount($eventId: ID!) {
    present: attendees(eventId: $eventId, filter: { present: true }, first: 1) {
      totalCount
    }
    registered: attendees(eventId: $eventId, first: 1) {
      totalCount
    }
  }
`);

export const CheckInAttendeeDocument = graphql(`
  mutation CheckInAttendee($eventId: ID!, $code: String!) {
    checkIn(eventId: $eventId, code: $code) {
      alreadyPresent
      checkedInAt
      attendee {
        id
        name
        present
      }
    }
  }
`);
