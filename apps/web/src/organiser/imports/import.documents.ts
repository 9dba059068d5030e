import { graphql } from '../../gql';

export const ImportAttendeesDocument = graphql(`
  mutation OrganiserImportAttendees($eventId: ID!, $csv: String!, $dryRun: Boolean!) {
    importAttendees(eventId: $eventId, csv: $csv, dryRun: $dryRun) {
      dryRun
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
