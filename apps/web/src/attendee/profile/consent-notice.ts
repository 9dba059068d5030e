/**
 * The version of the matchmaking notice the profile shows (attendee.consent.notice in en.json and
 * fr.json). Consent is recorded with it: change it whenever the notice's meaning changes, so the
 * organisers know which words each attendee agreed to.
 */
export const CONSENT_NOTICE_VERSION = '2026-12-web-1';
