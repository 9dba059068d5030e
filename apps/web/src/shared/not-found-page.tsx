import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { PageTitle } from './layout/page-title';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <main id="main" className="page narrow">
      <PageTitle title={t('app.notFoundTitle')} />
      <p>{t('app.notFoundText')}</p>
      <p>
        <Link href="~/">{t('app.backHome')}</Link>
      </p>
    </main>
  );
}
