import { graphql } from '../../gql';

export const CalendarEventDocument = graphql(`
  query CalendarEvent($eventSlug: String!) {
    event(slug: $eventSlug) {
      id
      name
    }
  }
`);

export const IssueCalendarFeedDocument = graphql(`
  mutation IssueCalendarFeed {
    issueCalendarFeed {
      url
    }
  }
`);
