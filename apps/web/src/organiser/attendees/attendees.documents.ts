import { graphql } from '../../gql';

export const OrganiserAttendeesDocument = graphql(`
  query OrganiserAttendees($eventId: ID!, $filter: AttendeeFilter, $first: Int, $after: String) {
    attendees(eventId: $eventId, filter: $filter, first: $first, after: $after) {
      edges {
        node {
          id
          name
          email
          company
          role
          interests
          consentMatchmaking
          present
        }
      }
      totalCount
      pageInfo {
        ...Pager_pageInfo
      }
    }
  }
`);

/** Only who matches, for issuing codes to everyone in the list (a page of up to 100 at a time). */
export const OrganiserAttendeeIdsDocument = graphql(`
  query OrganiserAttendeeIds($eventId: ID!, $filter: AttendeeFilter, $after: String) {
    attendees(eventId: $eventId, filter: $filter, first: 100, after: $after) {
      edges {
        node {
          id
          name
          email
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`);

export const SetAttendeePresenceDocument = graphql(`
  mutation SetAttendeePresence($id: ID!, $present: Boolean!) {
    updateAttendee(input: { id: $id, present: $present }) {
      attendee {
        id
        present
      }
    }
  }
`);

export const IssueAccessCodeDocument = graphql(`
  mutation OrganiserIssueAccessCode($attendeeId: ID!) {
    issueAccessCode(attendeeId: $attendeeId) {
      attendeeId
      code
      expiresAt
    }
  }
`);

export const IssueAccessCodesDocument = graphql(`
  mutation OrganiserIssueAccessCodes($attendeeIds: [ID!]!) {
    issueAccessCodes(attendeeIds: $attendeeIds) {
      attendeeId
      code
      expiresAt
    }
  }
`);
