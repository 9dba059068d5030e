import { useTranslation } from 'react-i18next';

/** The cursors of the pages seen so far: `[null]` on the first page, the last one is the page shown. */
export type PageCursors = readonly (string | null)[];

/** Previous and next page of a list read through a GraphQL connection, with what the page shows between the buttons. */
export function Pager(props: { label: string; caption: string; cursors: PageCursors; pageInfo: { hasNextPage: boolean; endCursor?: string | null }; onCursors: (cursors: (string | null)[]) => void }) {
  const { t } = useTranslation();
  const { cursors, pageInfo, onCursors } = props;
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
