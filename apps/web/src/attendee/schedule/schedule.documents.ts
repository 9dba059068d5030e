import { graphql } from '../../gql';

export const MyScheduleDocument = graphql(`
  query MySchedule($eventSlug: String!) {
    event(slug: $eventSlug) {
      id
      name
    }
    mySchedule {
      timeZone
      entries {
        __typename
        id
        kind
        title
        place
        startsAt
        endsAt
        ... on TalkScheduleEntry {
          speaking
          bookmarked
        }
        ... on MeetingScheduleEntry {
          asSpeaker
          meeting {
            partners {
              id
              name
            }
          }
        }
        ... on SitOutScheduleEntry {
          reason
        }
      }
    }
  }
`);

export const MyCheckInCodeDocument = graphql(`
  query MyCheckInCode {
    myCheckInCode {
      code
      qrRows
    }
  }
`);
