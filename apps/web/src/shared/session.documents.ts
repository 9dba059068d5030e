import { graphql } from '../gql';

/** What every sign-in answers (login, refreshSession, sign-in links): the session the app keeps. */
export const SessionFieldsFragment = graphql(`
  fragment SessionFields on AuthPayload {
    token
    expiresAt
    refreshAfter
    viewer {
      role
    }
  }
`);

export const RefreshSessionDocument = graphql(`
  mutation RefreshSession {
    refreshSession {
      ...SessionFields
    }
  }
`);

export const SignOutDocument = graphql(`
  mutation SignOut {
    signOut
  }
`);
