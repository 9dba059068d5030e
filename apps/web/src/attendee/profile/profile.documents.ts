import { graphql } from '../../gql';

export const ProfileFieldsFragment = graphql(`
  fragment ProfileFields on Attendee {
    id
    name
    email
    company
    role
    seniority
    stack
    interests
    lookingFor
    canOffer
    languages
    bio
    links
    sharedFields
    consentMatchmaking
    consentAt
  }
`);

export const ProfilePageDocument = graphql(`
  query ProfilePage($eventSlug: String!) {
    event(slug: $eventSlug) {
      id
      name
      vocabulary {
        slug
        label
        synonyms
      }
    }
    myProfile {
      ...ProfileFields
    }
  }
`);

export const UpdateMyProfileDocument = graphql(`
  mutation UpdateMyProfile($input: UpdateMyProfileInput!) {
    updateMyProfile(input: $input) {
      attendee {
        ...ProfileFields
      }
      unknownTags
    }
  }
`);

export const GiveConsentDocument = graphql(`
  mutation GiveMatchmakingConsent($noticeVersion: String!) {
    giveMatchmakingConsent(noticeVersion: $noticeVersion) {
      ...ProfileFields
    }
  }
`);

export const WithdrawConsentDocument = graphql(`
  mutation WithdrawMatchmakingConsent {
    withdrawMatchmakingConsent {
      ...ProfileFields
    }
  }
`);
