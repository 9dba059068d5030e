import { graphql } from '../../gql';

/** Everything of a round but its tables (those come a page at a time: OrganiserRoundMeetings). */
export const OrganiserRoundDocument = graphql(`
  query OrganiserRound($id: ID!) {
    round(id: $id) {
      id
      name
      status
      startsAt
      endsAt
      durationMinutes
      tables
      oddPolicy
      fairness
      tableSize
      generatedAt
      publishedAt
      progress {
        phase
        attendees
        error
      }
      stats {
        eligible
        matched
        pairs
        trios
        tables
        byes
        totalScore
        meanScore
        minScore
        crossCompanyShare
        crossRoleShare
        certifiedOptimal
        optimalityGap
        fairnessCost
        scoreUpperBound
        text {
          people
          rank
          explainedVariance
          share
        }
        worstServed {
          attendeeId
          score
          attendee {
            id
            name
            company
          }
        }
      }
      draftProblems {
        meetingId
        table
        rule
        attendeeA
        attendeeB
      }
      leftOut {
        attendeeId
        reason
        attendee {
          id
          name
          company
        }
      }
    }
  }
`);

/**
 * A page of a round's tables. 50 a page keeps the query's cost (every table with its people and its
 * reasons) within the API's budget (PAIRWISE_MAX_QUERY_COST, 10,000 by default).
 */
export const OrganiserRoundMeetingsDocument = graphql(`
  query OrganiserRoundMeetings($id: ID!, $after: String, $search: String) {
    round(id: $id) {
      id
      meetings(first: 50, after: $after, search: $search) {
        edges {
          node {
            id
            table
            score
            sentence
            status
            participants {
              id
              name
              company
              role
            }
            reasons {
              attendeeA
              attendeeB
              score
              sharedInterests
              aSeeksBOffers
              bSeeksAOffers
              commonLanguages
              wish
            }
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);

export const GenerateRoundDocument = graphql(`
  mutation GenerateRound($input: GenerateRoundInput!) {
    generateRound(input: $input) {
      id
      status
      progress {
        phase
        attendees
        error
      }
    }
  }
`);

export const PublishRoundDocument = graphql(`
  mutation PublishRound($id: ID!) {
    publishRound(roundId: $id) {
      id
      status
      publishedAt
    }
  }
`);

export const CancelRoundDocument = graphql(`
  mutation CancelRound($id: ID!) {
    cancelRound(roundId: $id) {
      id
      status
    }
  }
`);

export const CloseRoundDocument = graphql(`
  mutation CloseRound($id: ID!) {
    closeRound(roundId: $id) {
      id
      status
    }
  }
`);

export const SwapAttendeesDocument = graphql(`
  mutation SwapAttendees($input: SwapAttendeesInput!) {
    swapAttendees(input: $input) {
      id
      status
    }
  }
`);

export const MoveAttendeeDocument = graphql(`
  mutation MoveAttendee($input: MoveAttendeeInput!) {
    moveAttendee(input: $input) {
      id
      status
    }
  }
`);

/** A name for the stale-draft warning, which lists people by id. */
export const DraftProblemAttendeeDocument = graphql(`
  query DraftProblemAttendee($id: ID!) {
    attendee(id: $id) {
      id
      name
    }
  }
`);
