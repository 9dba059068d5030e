import { graphql } from '../../gql';

export const OrganiserEventStatsDocument = graphql(`
  query OrganiserEventStats($eventId: ID!) {
    eventStats(eventId: $eventId) {
      attendeesRegistered
      attendeesPresent
      attendeesMatched
      meetingsScheduled
      meetingsHeld
      meetingsNoShow
      meetingsCancelled
      crossCompanyShare
      crossRoleShare
      feedbackResponses
      feedbackMeanRating
      wouldMeetAgainShare
      repeatPairs
      speakerSlotsRequested
      speakerSlotsGranted
      rounds {
        roundId
        name
        status
        startsAt
        meetings
        pairs
        meanScore
        minScore
        maxScore
      }
    }
  }
`);

/** A page of the pairing report (50 meetings: well within the API's query cost budget). */
export const OrganiserPairingReportDocument = graphql(`
  query OrganiserPairingReport($eventId: ID!, $roundId: ID, $after: String) {
    pairingReport(eventId: $eventId, roundId: $roundId, first: 50, after: $after) {
      totalCount
      edges {
        node {
          meetingId
          roundName
          table
          startsAt
          status
          score
          topReasons
          participants {
            attendeeId
            name
            company
            role
            noShow
          }
          feedback {
            responses
            meanRating
            met
            wouldMeetAgain
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const MarkNoShowDocument = graphql(`
  mutation MarkNoShow($attendeeId: ID!, $meetingId: ID!, $noShow: Boolean!) {
    markNoShow(attendeeId: $attendeeId, meetingId: $meetingId, noShow: $noShow)
  }
`);
