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
