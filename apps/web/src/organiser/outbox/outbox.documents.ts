import { graphql } from '../../gql';

export const OutboxDocument = graphql(`
  query OrganiserOutbox($eventId: ID!, $first: Int, $after: String) {
    outbox(eventId: $eventId, first: $first, after: $after) {
      edges {
        node {
          id
          kind
          to
          subject
          status
          error
          attempts
          createdAt
          sendAfter
          sentAt
        }
      }
      totalCount
      pageInfo {
        ...Pager_pageInfo
      }
    }
  }
`);

export const InvitationRunFieldsFragment = graphql(`
  fragment InvitationRunFields on InvitationRun {
    id
    createdAt
    matched
    queued
    skipped
    resend
    progress {
      queued
      sent
      held
      failed
      bounced
      cancelled
      done
    }
  }
`);

export const LatestInvitationRunDocument = graphql(`
  query OrganiserInvitationRuns($eventId: ID!) {
    invitationRuns(eventId: $eventId) {
      ...InvitationRunFields
    }
  }
`);

export const InvitationRunDocument = graphql(`
  query OrganiserInvitationRun($id: ID!) {
    invitationRun(id: $id) {
      ...InvitationRunFields
    }
  }
`);

export const SendInvitationsDocument = graphql(`
  mutation OrganiserSendInvitations($input: SendInvitationsInput!) {
    sendInvitations(input: $input) {
      ...InvitationRunFields
    }
  }
`);
