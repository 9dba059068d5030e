import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** The page's one <h1>, also the browser tab's title. */
export function PageTitle({ title }: { title: string }) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
  return <h1>{title}</h1>;
}
