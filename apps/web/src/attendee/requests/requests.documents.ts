import { graphql } from '../../gql';

export const MeetingRequestFieldsFragment = graphql(`
  fragment RequestCard_request on MeetingRequest {
    id
    status
    direction
    message
    createdAt
    expiresAt
    requester {
      id
      name
      role
      company
    }
    recipient {
      id
      name
      role
      company
    }
  }
`);

export const RequestsEventDocument = graphql(`
  query RequestsEvent($eventSlug: String!) {
    event(slug: $eventSlug) {
      id
      name
      timeZone
    }
  }
`);

export const MyMeetingRequestsDocument = graphql(`
  query MyMeetingRequests {
    myMeetingRequests {
      id
      ...RequestCard_request
    }
  }
`);

export const RequestMeetingDocument = graphql(`
  mutation RequestMeeting($input: RequestMeetingInput!) {
    requestMeeting(input: $input) {
      id
      ...RequestCard_request
    }
  }
`);

export const RespondToMeetingRequestDocument = graphql(`
  mutation RespondToMeetingRequest($input: RespondToMeetingRequestInput!) {
    respondToMeetingRequest(input: $input) {
      id
      ...RequestCard_request
    }
  }
`);

export const CancelMeetingRequestDocument = graphql(`
  mutation CancelMeetingRequest($id: ID!) {
    cancelMeetingRequest(id: $id) {
      id
      ...RequestCard_request
    }
  }
`);
