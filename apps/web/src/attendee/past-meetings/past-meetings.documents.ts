import { graphql } from '../../gql';

export const PastMeetingFragment = graphql(`
  fragment PastMeeting_meeting on MyMeeting {
    id
    kind
    roundName
    table
    startsAt
    status
    partners {
      id
      name
    }
    myFeedback {
      ...FeedbackForm_feedback
    }
  }
`);

export const FeedbackFormFragment = graphql(`
  fragment FeedbackForm_feedback on Feedback {
    met
    rating
    wouldMeetAgain
    note
    updatedAt
  }
`);

export const SubmitFeedbackDocument = graphql(`
  mutation SubmitFeedback($input: FeedbackInput!) {
    submitFeedback(input: $input) {
      ...FeedbackForm_feedback
    }
  }
`);
