import { useTranslation } from 'react-i18next';
import { getFragmentData, graphql, type FragmentType } from '../gql';

/** What the pager reads of a connection's page: whether there is a next one, and where it starts. */
export const PagerFragment = graphql(`
  fragment Pager_pageInfo on PageInfo {
    endCursor
    hasNextPage
  }
`);

/** The cursors of the pages seen so far: `[null]` on the first page, the last one is the page shown. */
export type PageCursors = readonly (string | null)[];

/** Previous and next page of a list read through a GraphQL connection, with what the page shows between the buttons. */
export function Pager(props: { label: string; caption: string; cursors: PageCursors; pageInfo: FragmentType<typeof PagerFragment>; onCursors: (cursors: (string | null)[]) => void }) {
  const { t } = useTranslation();
  const { cursors, onCursors } = props;
  const pageInfo = getFragmentData(PagerFragment, props.pageInfo);
  return (
    <nav className="pager" aria-label={props.label}>
      <button type="button" className="button-secondary" disabled={cursors.length === 1} onClick={() => onCursors(cursors.slice(0, -1))}>
        {t('organiser.attendees.previous')}
      </button>
      <span>{props.caption}</span>
      <button type="button" className="button-secondary" disabled={!pageInfo.hasNextPage} onClick={() => onCursors([...cursors, pageInfo.endCursor ?? null])}>
        {t('organiser.attendees.next')}
      </button>
    </nav>
  );
}
