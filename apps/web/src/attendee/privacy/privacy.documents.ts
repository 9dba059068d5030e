import { graphql } from '../../gql';

export const PrivacyEventDocument = graphql(`
  query PrivacyEvent($eventSlug: String!) {
    event(slug: $eventSlug) {
      id
      name
      retentionDays
    }
  }
`);

export const ExportMyDataDocument = graphql(`
  query ExportMyData {
    exportMyData
  }
`);

export const DeleteMyDataDocument = graphql(`
  mutation DeleteMyData {
    deleteMyData
  }
`);

/** Whether the event's emails reach me (reminders, notices, invitations). */
export const MyMailChoiceDocument = graphql(`
  query MyMailChoice {
    myProfile {
      id
      mailOptOut
    }
  }
`);

export const SetMailOptOutDocument = graphql(`
  mutation SetMailOptOut($optOut: Boolean!) {
    setMailOptOut(optOut: $optOut) {
      id
      mailOptOut
    }
  }
`);

export const SignOutEverywhereDocument = graphql(`
  mutation SignOutEverywhere {
    signOutEverywhere
  }
`);
