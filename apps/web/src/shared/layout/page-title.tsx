import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/** Whether a page of this app has been shown already (the first one comes with the browser's own load). */
let shownBefore = false;

/**
 * The page's one <h1>, also the browser tab's title. After moving to another page within the app, it
 * takes the focus, as a page load would put the reader at the top: a screen reader says where they
 * are, and the next Tab goes on from the new page, not from the link that is gone.
 */
export function PageTitle({ title }: { title: string }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
  useEffect(() => {
    if (shownBefore) heading.current?.focus({ preventScroll: false });
    shownBefore = true;
  }, []);
  return (
    <h1 ref={heading} tabIndex={-1} className="page-title">
      {title}
    </h1>
  );
}
