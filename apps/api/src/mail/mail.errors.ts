import { defineErrorReasons, type ReasonOf } from '../common/domain-error';

/** Why a mailed sign-in link was refused: which of the three, so the page can say what to do. */
export const mailError = defineErrorReasons('MailErrorReason', 'Why a sign-in link from an email was refused.', {
  SIGN_IN_LINK_INVALID: { category: 'UNAUTHENTICATED', description: 'The link is not one we sent: ask for a new one.' },
  SIGN_IN_LINK_USED: { category: 'UNAUTHENTICATED', description: 'The link already signed someone in (each link works once): ask for a new one.' },
  SIGN_IN_LINK_EXPIRED: { category: 'UNAUTHENTICATED', description: 'The link has expired: ask for a new one.' },
});
export const MailErrorReason = mailError.reason;
export type MailErrorReason = ReasonOf<typeof mailError>;
