import { graphql } from '../../gql';

export const AttendeeHomeDocument = graphql(`
  query AttendeeHome($eventSlug: String!) {
    event(slug: $eventSlug) {
      ...AttendeeEvent_event
    }
    myProfile {
      id
      ...Presence_attendee
    }
    myUpcomingRounds {
      id
      startsAt
      ...UpcomingRound_round
    }
    myMeetings {
      id
      startsAt
      endsAt
      ...NextMeeting_meeting
      ...LaterMeeting_meeting
      ...PastMeeting_meeting
    }
  }
`);

/** Pushed when a round with a table for this attendee is published: the page then asks again. */
export const AttendeeHomeMeetingAssignedDocument = graphql(`
  subscription AttendeeHomeMeetingAssigned {
    meetingAssigned {
      id
      roundName
      table
      startsAt
    }
  }
`);
