import { useTranslation } from 'react-i18next';
import { getFragmentData, graphql, type FragmentType } from '../../gql';

export const PartnerCardFragment = graphql(`
  fragment PartnerCard_attendee on Attendee {
    id
    name
    role
    company
    interests
    stack
    lookingFor
    canOffer
    languages
    bio
  }
`);

/** Someone you meet, with only what they chose to share (the API leaves the rest null). */
export function PartnerCard({ partner, tagLabels }: { partner: FragmentType<typeof PartnerCardFragment>; tagLabels: ReadonlyMap<string, string> }) {
  const { t, i18n } = useTranslation();
  const person = getFragmentData(PartnerCardFragment, partner);
  const roleAtCompany = [person.role, person.company].filter(Boolean).join(' · ');
  const languageNames = new Intl.DisplayNames([i18n.language], { type: 'language', fallback: 'code' });
  const languageName = (code: string) => {
    try {
      return languageNames.of(code) ?? code;
    } catch {
      return code; // kept as typed by its owner: not a language code
    }
  };
  const tags = (label: string, values: readonly string[] | null | undefined, read: (value: string) => string) =>
    values?.length ? (
      <p className="partner-tags">
        <span className="label">{label}</span> {values.map(read).join(', ')}
      </p>
    ) : null;
  const tagLabel = (slug: string) => tagLabels.get(slug) ?? slug;
  return (
    <li className="partner">
      <p className="partner-name">{person.name ?? t('attendee.home.partnerUnnamed')}</p>
      {roleAtCompany ? <p className="partner-role">{roleAtCompany}</p> : null}
      {tags(t('attendee.home.interests'), person.interests, tagLabel)}
      {tags(t('attendee.fields.lookingFor'), person.lookingFor, tagLabel)}
      {tags(t('attendee.fields.canOffer'), person.canOffer, tagLabel)}
      {tags(t('attendee.fields.stack'), person.stack, tagLabel)}
      {tags(t('attendee.home.languages'), person.languages, languageName)}
      {person.bio ? <p className="partner-bio">{person.bio}</p> : null}
    </li>
  );
}
