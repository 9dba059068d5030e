import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { getFragmentData } from '../../gql';
import type { ProfileFieldsFragment as Profile } from '../../gql/graphql';
import { ErrorNotice } from '../../shared/layout/error-notice';
import { Loading } from '../../shared/layout/loading';
import { AttendeeLayout } from '../attendee-layout';
import { ConsentSection } from './consent-section';
import { ProfileForm } from './profile-form';
import { ProfilePageDocument, ProfileFieldsFragment } from './profile.documents';

/** /e/<event>/profile: the attendee's profile, what partners see of it, and their consent to matchmaking. */
export default function ProfilePage({ eventSlug }: { eventSlug: string }) {
  const { t } = useTranslation();
  const [result, refetch] = useQuery({ query: ProfilePageDocument, variables: { eventSlug }, requestPolicy: 'network-only' });
  const refresh = useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]);
  // The latest profile the API answered with (a save, a consent change), over the one the page loaded.
  const [latest, setLatest] = useState<Profile>();
  const loaded = getFragmentData(ProfileFieldsFragment, result.data?.myProfile);
  const profile = latest ?? loaded;
  return (
    <AttendeeLayout eventName={result.data?.event.name} title={t('attendee.profile.title')}>
      {result.error && !result.data ? (
        <ErrorNotice error={result.error} onRetry={refresh} />
      ) : !result.data || !profile ? (
        <Loading />
      ) : (
        <>
          <ConsentSection profile={profile} onChanged={setLatest} />
          <ProfileForm key={loaded?.id} profile={profile} vocabulary={result.data.event.vocabulary} onSaved={setLatest} />
        </>
      )}
    </AttendeeLayout>
  );
}
