import { useTranslation } from 'react-i18next';
import { getFragmentData, graphql, type FragmentType } from '../../gql';

export const PartnerCardFragment = graphql(`
  fragment PartnerCard_attendee on Attendee {
    id
    name
    role
    company
    interests
    languages
  }
`);

/** Someone you meet, with only what they chose to share (the API leaves the rest null). */
export function PartnerCard({ partner, tagLabels }: { partner: FragmentType<typeof PartnerCardFragment>; tagLabels: ReadonlyMap<string, string> }) {
  const { t, i18n } = useTranslation();
  const person = getFragmentData(PartnerCardFragment, partner);
  const roleAtCompany = [person.role, person.company].filter(Boolean).join(' · ');
  const languageNames = new Intl.DisplayNames([i18n.language], { type: 'language', fallback: 'code' });
  return (
    <li className="partner">
      <p className="partner-name">{person.name ?? t('attendee.home.partnerUnnamed')}</p>
      {roleAtCompany ? <p className="partner-role">{roleAtCompany}</p> : null}
      {person.interests?.length ? (
        <p className="partner-tags">
          <span className="label">{t('attendee.home.interests')}</span>{' '}
          {person.interests.map((slug) => tagLabels.get(slug) ?? slug).join(', ')}
        </p>
      ) : null}
      {person.languages?.length ? (
        <p className="partner-tags">
          <span className="label">{t('attendee.home.languages')}</span> {person.languages.map((code) => languageNames.of(code) ?? code).join(', ')}
        </p>
      ) : null}
    </li>
  );
}
