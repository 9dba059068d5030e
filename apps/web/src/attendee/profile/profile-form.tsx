import { useId, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { VocabularyEntry } from '@pairwise/vocabulary';
import { useMutation } from 'urql';
import { getFragmentData } from '../../gql';
import type { ProfileField, ProfileFieldsFragment as Profile } from '../../gql/graphql';
import { describeApiError } from '../../shared/api-error';
import { ErrorNotice } from '../../shared/layout/error-notice';
import { LANGUAGE_CODES, languageNames } from './languages';
import { ProfileFieldsFragment, UpdateMyProfileDocument } from './profile.documents';
import { TagInput } from './tag-input';
import { tagMatcher } from './tags';
import { FormActions } from '../form-actions';

/** Every field partners may be shown, in the order the form has them. */
export const SHAREABLE: readonly ProfileField[] = ['name', 'email', 'company', 'role', 'seniority', 'bio', 'interests', 'stack', 'lookingFor', 'canOffer', 'languages', 'links'];
const TAG_FIELDS = ['interests', 'stack', 'lookingFor', 'canOffer'] as const;
type TagField = (typeof TAG_FIELDS)[number];
const ROLES = ['engineer', 'researcher', 'founder', 'investor', 'product', 'designer', 'student'];
const SENIORITIES = ['junior', 'mid', 'senior', 'lead', 'executive'];
const MAX_TAGS = 30;

interface Draft {
  name: string;
  company: string;
  role: string;
  seniority: string;
  bio: string;
  links: string;
  interests: string[];
  stack: string[];
  lookingFor: string[];
  canOffer: string[];
  languages: string[];
  sharedFields: ProfileField[];
}

const draftOf = (profile: Profile): Draft => ({
  name: profile.name ?? '',
  company: profile.company ?? '',
  role: profile.role ?? '',
  seniority: profile.seniority ?? '',
  bio: profile.bio ?? '',
  links: (profile.links ?? []).join('\n'),
  interests: profile.interests ?? [],
  stack: profile.stack ?? [],
  lookingFor: profile.lookingFor ?? [],
  canOffer: profile.canOffer ?? [],
  languages: profile.languages ?? [],
  sharedFields: profile.sharedFields ?? [],
});

/**
 * The attendee's profile, and which of its fields matched partners may see. Tags use the event's
 * vocabulary (its labels, with suggestions); what it does not know is kept, and said after saving.
 */
export function ProfileForm({ profile, vocabulary, onSaved }: { profile: Profile; vocabulary: readonly VocabularyEntry[]; onSaved: (profile: Profile) => void }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState(() => draftOf(profile));
  const [result, updateMyProfile] = useMutation(UpdateMyProfileDocument);
  const [saved, setSaved] = useState<{ unknownTags: string[] }>();
  const matcher = useMemo(() => tagMatcher(vocabulary), [vocabulary]);
  const languages = useMemo(() => languageNames(i18n.language), [i18n.language]);
  const tagSuggestions = useMemo(() => vocabulary.map((tag) => ({ value: tag.slug, label: tag.label })), [vocabulary]);
  const languageSuggestions = useMemo(() => LANGUAGE_CODES.map((code) => ({ value: code, label: languages.label(code) })), [languages]);
  const problem = result.error ? describeApiError(result.error) : undefined;
  const invalid = (field: string) => Boolean(problem?.fields.some((entry) => entry.field === field || entry.field.startsWith(`${field}.`)));
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setSaved(undefined);
    setDraft((current) => ({ ...current, [key]: value }));
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const answer = await updateMyProfile({
      input: {
        name: draft.name,
        company: draft.company,
        role: draft.role,
        seniority: draft.seniority,
        bio: draft.bio,
        links: draft.links.split('\n').map((link) => link.trim()).filter(Boolean),
        interests: draft.interests,
        stack: draft.stack,
        lookingFor: draft.lookingFor,
        canOffer: draft.canOffer,
        languages: draft.languages,
        sharedFields: draft.sharedFields,
      },
    });
    if (answer.data) {
      const written = answer.data.updateMyProfile;
      const stored = getFragmentData(ProfileFieldsFragment, written.attendee);
      // What the API stored (tags normalised, words lower-cased) replaces what was typed.
      setDraft(draftOf(stored));
      setSaved({ unknownTags: written.unknownTags });
      onSaved(stored);
    }
  };

  const text = (field: 'name' | 'company' | 'role' | 'seniority', options: { required?: boolean; list?: string[]; autoComplete?: string; hint?: string } = {}): ReactNode => (
    <div className="field">
      <label htmlFor={`${id}-${field}`}>{t(`attendee.fields.${field}`)}</label>
      <input
        id={`${id}-${field}`}
        value={draft[field]}
        onChange={(event) => set(field, event.target.value)}
        maxLength={field === 'role' || field === 'seniority' ? 80 : 200}
        required={options.required}
        list={options.list ? `${id}-${field}-list` : undefined}
        autoComplete={options.autoComplete ?? 'off'}
        aria-invalid={invalid(field) || undefined}
        aria-describedby={options.hint ? `${id}-${field}-hint` : undefined}
      />
      {options.hint ? (
        <p className="hint" id={`${id}-${field}-hint`}>
          {options.hint}
        </p>
      ) : null}
      {options.list ? (
        <datalist id={`${id}-${field}-list`}>
          {options.list.map((value) => (
            <option key={value} value={value} />
          ))}
        </datalist>
      ) : null}
    </div>
  );

  const tags = (field: TagField) => (
    <TagInput
      key={field}
      legend={t(`attendee.fields.${field}`)}
      hint={t(`attendee.profile.hints.${field}`)}
      addLabel={t(`attendee.profile.addPlaceholder.${field}`)}
      values={draft[field]}
      onChange={(values) => set(field, values)}
      suggestions={tagSuggestions}
      label={matcher.label}
      resolve={matcher.resolve}
      max={MAX_TAGS}
      invalid={invalid(field)}
    />
  );

  return (
    <form className="form profile-form" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('attendee.profile.aboutYou')}</h2>
      {text('name', { required: true, autoComplete: 'name' })}
      {text('company', { autoComplete: 'organization' })}
      {text('role', { list: ROLES, hint: t('attendee.profile.hints.role') })}
      {text('seniority', { list: SENIORITIES, hint: t('attendee.profile.hints.seniority') })}
      <div className="field">
        <label htmlFor={`${id}-bio`}>{t('attendee.fields.bio')}</label>
        <textarea id={`${id}-bio`} rows={4} maxLength={1000} value={draft.bio} onChange={(event) => set('bio', event.target.value)} aria-invalid={invalid('bio') || undefined} />
      </div>
      {TAG_FIELDS.map(tags)}
      <TagInput
        legend={t('attendee.fields.languages')}
        hint={t('attendee.profile.hints.languages')}
        addLabel={t('attendee.profile.addPlaceholder.languages')}
        values={draft.languages}
        onChange={(values) => set('languages', values)}
        suggestions={languageSuggestions}
        label={languages.label}
        resolve={languages.resolve}
        max={12}
        invalid={invalid('languages')}
      />
      <div className="field">
        <label htmlFor={`${id}-links`}>{t('attendee.fields.links')}</label>
        <textarea
          id={`${id}-links`}
          rows={3}
          value={draft.links}
          onChange={(event) => set('links', event.target.value)}
          aria-describedby={`${id}-links-hint`}
          aria-invalid={invalid('links') || undefined}
          inputMode="url"
          spellCheck={false}
        />
        <p className="hint" id={`${id}-links-hint`}>
          {t('attendee.profile.hints.links')}
        </p>
      </div>

      <fieldset className="share-fields" aria-describedby={`${id}-share-hint`}>
        <legend>
          <h2>{t('attendee.profile.shareTitle')}</h2>
        </legend>
        <p className="hint" id={`${id}-share-hint`}>
          {t('attendee.profile.shareHint')}
        </p>
        <div className="share-grid">
          {SHAREABLE.map((field) => (
            <div key={field} className="field-check">
              <input
                id={`${id}-share-${field}`}
                type="checkbox"
                checked={draft.sharedFields.includes(field)}
                onChange={(event) => set('sharedFields', event.target.checked ? [...draft.sharedFields, field] : draft.sharedFields.filter((shared) => shared !== field))}
              />
              <label htmlFor={`${id}-share-${field}`}>{t(`attendee.fields.${field}`)}</label>
            </div>
          ))}
        </div>
      </fieldset>

      {problem ? <ErrorNotice error={result.error!} /> : null}
      {saved ? (
        <div className="notice" role="status">
          <p>{t('attendee.profile.saved')}</p>
          {saved.unknownTags.length ? (
            <p>
              {t('attendee.profile.unknownTags', {
                tags: saved.unknownTags.map((tag) => (tag.startsWith('language:') ? tag.slice('language:'.length) : tag)).join(', '),
              })}
            </p>
          ) : null}
        </div>
      ) : null}
      <FormActions busy={result.fetching} busyLabel={t('attendee.profile.saving')}>
        {t('attendee.profile.save')}
      </FormActions>
    </form>
  );
}
