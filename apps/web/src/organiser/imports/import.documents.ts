import { graphql } from '../../gql';

export const ImportAttendeesDocument = graphql(`
  mutation OrganiserImportAttendees($eventId: ID!, $csvBase64: String!, $dryRun: Boolean!) {
    importAttendees(eventId: $eventId, csvBase64: $csvBase64, dryRun: $dryRun) {
      dryRun
      encoding
      delimiter
      rows
      created
      updated
      unchanged
      columns {
        header
        field
      }
      ignoredColumns
      rejected {
        line
        email
        reason
      }
      unknownTags
      matchableNow
      notMatchableNow {
        reason
        count
      }
    }
  }
`);
