import { graphql } from '../../gql';

export const OrganiserTalksDocument = graphql(`
  query OrganiserTalks($eventId: ID!) {
    talks(eventId: $eventId) {
      id
      ...TalkFields
      requestCount
      speaker {
        id
        name
        company
      }
      requests {
        question
        status
        standbyRank
        slotStartsAt
        slotEndsAt
        attendee {
          id
          name
          company
        }
      }
    }
  }
`);

export const CreateTalkDocument = graphql(`
  mutation CreateTalk($input: CreateTalkInput!) {
    createTalk(input: $input) {
      id
      title
    }
  }
`);

export const AllocateSpeakerSlotsDocument = graphql(`
  mutation AllocateSpeakerSlots($talkId: ID!) {
    allocateSpeakerSlots(talkId: $talkId) {
      id
      allocationStatus
    }
  }
`);

export const PublishSpeakerSlotsDocument = graphql(`
  mutation PublishSpeakerSlots($talkId: ID!) {
    publishSpeakerSlots(talkId: $talkId) {
      id
      allocationStatus
    }
  }
`);

/** Who could give the talk: attendees of the event by name, email or company. */
export const SpeakerSearchDocument = graphql(`
  query SpeakerSearch($eventId: ID!, $search: String!) {
    attendees(eventId: $eventId, first: 8, filter: { search: $search }) {
      edges {
        node {
          id
          name
          email
          company
        }
      }
    }
  }
`);

export const AllocateOfficeHoursDocument = graphql(`
  mutation AllocateOfficeHours($eventId: ID!) {
    allocateOfficeHours(eventId: $eventId) {
      askers
      served
      slotsOffered
      slotsGranted
    }
  }
`);

export const PublishOfficeHoursDocument = graphql(`
  mutation PublishOfficeHours($eventId: ID!) {
    publishOfficeHours(eventId: $eventId) {
      id
      allocationStatus
    }
  }
`);
