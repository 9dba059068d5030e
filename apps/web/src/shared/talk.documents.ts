import { graphql } from '../gql';

/**
 * A talk as the programme lists it, to attendees (office hours) and organisers (talks) alike: title, when
 * and where, its topics, and the office hours after it with how far their allocation has gone.
 */
export const TalkFieldsFragment = graphql(`
  fragment TalkFields on Talk {
    title
    startsAt
    endsAt
    location
    tags
    slotCount
    slotMinutes
    allocationStatus
  }
`);
