import { graphql } from '../gql';

export const SignInDocument = graphql(`
  mutation SignIn($input: LoginInput!) {
    login(input: $input) {
      token
      expiresAt
      viewer {
        role
      }
    }
  }
`);

export const SignInEventsDocument = graphql(`
  query SignInEvents {
    events {
      id
      slug
    }
  }
`);
