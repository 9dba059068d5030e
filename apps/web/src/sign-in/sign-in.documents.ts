import { graphql } from '../gql';

export const SignInDocument = graphql(`
  mutation SignIn($input: LoginInput!) {
    login(input: $input) {
      ...SessionFields
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

export const SignInWithLinkDocument = graphql(`
  mutation SignInWithLink($input: SignInWithLinkInput!) {
    signInWithLink(input: $input) {
      ...SessionFields
    }
  }
`);

export const RequestSignInLinkDocument = graphql(`
  mutation RequestSignInLink($input: RequestSignInLinkInput!) {
    requestSignInLink(input: $input)
  }
`);
