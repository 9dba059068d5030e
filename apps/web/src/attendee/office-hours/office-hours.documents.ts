import { graphql } from '../../gql';

export const OfficeHoursEventDocument = graphql(`
  query OfficeHoursEvent($eventSlug: String!) {
    event(slug: $eventSlug) {
      ...AttendeeEvent_event
    }
    me {
      attendeeId
    }
  }
`);

export const OfficeHoursTalksDocument = graphql(`
  query OfficeHoursTalks($eventId: ID!) {
    talks(eventId: $eventId) {
      id
      ...TalkCard_talk
    }
  }
`);

export const TalkCardFragment = graphql(`
  fragment TalkCard_talk on Talk {
    id
    ...TalkFields
    speaker {
      id
      name
      role
      company
    }
    requests {
      ...MySlotRequest_request
    }
  }
`);

export const MySlotRequestFragment = graphql(`
  fragment MySlotRequest_request on SlotRequest {
    talkId
    question
    status
    slotStartsAt
    slotEndsAt
    standbyRank
  }
`);

export const RequestSpeakerSlotDocument = graphql(`
  mutation RequestSpeakerSlot($input: RequestSlotInput!) {
    requestSpeakerSlot(input: $input) {
      ...MySlotRequest_request
    }
  }
`);

export const WithdrawSpeakerSlotRequestDocument = graphql(`
  mutation WithdrawSpeakerSlotRequest($talkId: ID!) {
    withdrawSpeakerSlotRequest(talkId: $talkId)
  }
`);
