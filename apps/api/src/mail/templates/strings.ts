/**
 * The words of every message, one catalogue per language. Times arrive already formatted in the event's
 * time zone (see format.ts); names and other text from attendees arrive as they may be shown.
 */
export type MailLanguage = 'en' | 'fr';
export const MAIL_LANGUAGES: readonly MailLanguage[] = ['en', 'fr'];

export type SitOutReason = 'ODD_COUNT' | 'NO_COMPATIBLE_PARTNER' | 'NO_COMPATIBLE_TABLE' | 'NOT_PRESENT' | 'BUSY' | 'UNAVAILABLE';

export interface Catalogue {
  hello(name: string): string;
  someone: string;
  and: string;
  signIn: string;
  unsubscribe: string;
  whyYouGetThis(event: string): string;
  linkOnce(until: string): string;
  invitation: {
    subject(event: string): string;
    body(event: string, when: string | null, venue: string | null): string;
    expired: string;
  };
  signInLink: {
    subject(event: string): string;
    body(event: string): string;
    notYou: string;
  };
  /** A table known by a number or a code ("7", "B12"), in words: see rounds/table-place.ts. */
  numberedTable(code: string): string;
  meetingReminder: {
    /** `place`: the table or place as tablePlace words it ("Table 7", "Speaker corner"). */
    subject(round: string, time: string, place: string, partners: string): string;
    body(round: string, day: string, time: string, end: string, zone: string, place: string): string;
    partner(description: string): string;
  };
  slotReminder: {
    subject(time: string, location: string, other: string): string;
    asker(talk: string, speaker: string, day: string, time: string, end: string, zone: string, location: string): string;
    speaker(talk: string, asker: string, day: string, time: string, end: string, zone: string, location: string): string;
    question(question: string): string;
  };
  unsubscribePage: {
    title: string;
    confirm(event: string, email: string): string;
    button: string;
    done(event: string): string;
    invalid: string;
  };
  sitOut: {
    subject(round: string, time: string): string;
    body(round: string, day: string, time: string, zone: string): string;
    reason: Record<SitOutReason, string>;
  };
  /** `who`: the other person as they share themselves ("Ada Lovelace (RAG, inference)"), or `someone`. */
  meetingRequest: {
    someone: string;
    subject(who: string): string;
    body(who: string, event: string): string;
    message(text: string): string;
    /** `until`: when the request expires, as EventClock.moment writes it. */
    answerBy(until: string): string;
    action: string;
  };
  meetingRequestSlot: {
    subject(who: string, day: string, time: string, place: string): string;
    /** To the one who asked. */
    accepted(who: string): string;
    /** To the one who accepted. */
    youAccepted(who: string): string;
    when(day: string, start: string, end: string, zone: string, place: string): string;
  };
  meetingRequestAnswer: {
    acceptedSubject(who: string): string;
    accepted(who: string): string;
    declinedSubject(who: string): string;
    declined(who: string): string;
    action: string;
  };
}

const en: Catalogue = {
  hello: (name) => `Hello ${name},`,
  someone: 'your partner',
  and: 'and',
  signIn: 'Sign in',
  unsubscribe: 'Unsubscribe from these emails',
  whyYouGetThis: (event) => `You receive this email because you are registered for ${event}.`,
  linkOnce: (until) => `The link signs you in once, until ${until}. Do not forward this email: the link is yours alone.`,
  invitation: {
    subject: (event) => `Your invitation to meet people at ${event}`,
    body: (event, when, venue) =>
      `You are invited to the one-to-one networking of ${event}${when ? `, ${when}` : ''}${venue ? `, ${venue}` : ''}. Sign in with your personal link to complete your profile; before each round you will get an email with your table and who you are meeting.`,
    expired: 'If the link has expired, ask for a new one on the sign-in page with your email address.',
  },
  signInLink: {
    subject: (event) => `Your sign-in link for ${event}`,
    body: (event) => `Here is the sign-in link you asked for, for ${event}.`,
    notYou: 'If you did not ask for it, ignore this email: nobody can use the link without access to your mailbox.',
  },
  numberedTable: (code) => `Table ${code}`,
  meetingReminder: {
    subject: (round, time, place, partners) => `${round} at ${time}, ${place}, with ${partners}`,
    body: (round, day, time, end, zone, place) => `${round} starts at ${time} (${day}, until ${end}, ${zone} time). Where: ${place}.`,
    partner: (description) => `You are meeting ${description}.`,
  },
  slotReminder: {
    subject: (time, location, other) => `Office hours at ${time}, ${location}, with ${other}`,
    asker: (talk, speaker, day, time, end, zone, location) =>
      `Your office-hour slot with ${speaker} after “${talk}” starts at ${time} (${day}, until ${end}, ${zone} time), at ${location}.`,
    speaker: (talk, asker, day, time, end, zone, location) =>
      `Office hours after your talk “${talk}”: ${asker} at ${time} (${day}, until ${end}, ${zone} time), at ${location}.`,
    question: (question) => `The question: “${question}”`,
  },
  unsubscribePage: {
    title: 'Unsubscribe',
    confirm: (event, email) => `Stop sending emails about ${event} to ${email}? Sign-in links you ask for yourself will still be sent.`,
    button: 'Unsubscribe',
    done: (event) => `Done: you will get no more emails about ${event}.`,
    invalid: 'This unsubscribe link is not valid.',
  },
  sitOut: {
    subject: (round, time) => `No table for you in ${round} (${time})`,
    body: (round, day, time, zone) => `You sit out ${round}, at ${time} (${day}, ${zone} time).`,
    reason: {
      ODD_COUNT:
        'An odd number of people take part, so one person sits out this round. It will not be you again before everyone else has sat out once.',
      NO_COMPATIBLE_PARTNER: 'Nobody left in this round could be matched with you. You will be paired again in the next round.',
      NO_COMPATIBLE_TABLE:
        'No table of this round could seat you under the event’s rules (at each one, someone you have already met or may not be seated with). You will be seated again in the next round.',
      NOT_PRESENT: 'You are not checked in. Check in at the registration desk or in the app to be matched in the next round.',
      BUSY: 'You are busy at that time — giving a talk, holding its office hours, or in an office-hour slot you were granted — so you are not seated in this round.',
      UNAVAILABLE: 'You said you are not at the event for the whole of this round (your availability), so you are not seated in it. Change your availability in the app if your plans change.',
    },
  },
  meetingRequest: {
    someone: 'An attendee',
    subject: (who) => `${who} would like to meet you`,
    body: (who, event) => `${who} asked to meet you at ${event}. If you accept, you two will be seated together in the next round where you are both present.`,
    message: (text) => `Their message: “${text}”`,
    answerBy: (until) => `Accept or decline in the app before ${until}; after that the request expires.`,
    action: 'Answer the request',
  },
  meetingRequestSlot: {
    subject: (who, day, time, place) => `Meeting with ${who}: ${day}, ${time}, ${place}`,
    accepted: (who) => `${who} accepted your request to meet, and a table is set aside for the two of you.`,
    youAccepted: (who) => `You accepted ${who}’s request to meet, and a table is set aside for the two of you.`,
    when: (day, start, end, zone, place) => `${day}, ${start}–${end} (${zone}), ${place}. It is in your schedule and calendar; withdraw it in the app if you cannot come.`,
  },
  meetingRequestAnswer: {
    acceptedSubject: (who) => `${who} accepted to meet you`,
    accepted: (who) => `${who} accepted your request to meet. You two will be seated together in the next round where you are both present.`,
    declinedSubject: (who) => `${who} declined your request to meet`,
    declined: (who) => `${who} declined your request to meet. The rounds will still pair you with people who share your interests.`,
    action: 'See your requests',
  },
};

const fr: Catalogue = {
  hello: (name) => `Bonjour ${name},`,
  someone: 'votre partenaire',
  and: 'et',
  signIn: 'Se connecter',
  unsubscribe: 'Ne plus recevoir ces e-mails',
  whyYouGetThis: (event) => `Vous recevez cet e-mail parce que vous êtes inscrit·e à ${event}.`,
  linkOnce: (until) => `Le lien vous connecte une seule fois, jusqu’au ${until}. Ne transférez pas cet e-mail : ce lien n’est qu’à vous.`,
  invitation: {
    subject: (event) => `Votre invitation aux rencontres de ${event}`,
    body: (event, when, venue) =>
      `Vous êtes invité·e aux rencontres en tête-à-tête de ${event}${when ? `, ${when}` : ''}${venue ? `, ${venue}` : ''}. Connectez-vous avec votre lien personnel pour compléter votre profil ; avant chaque tour, vous recevrez un e-mail avec votre table et la personne que vous rencontrez.`,
    expired: 'Si le lien a expiré, demandez-en un nouveau sur la page de connexion avec votre adresse e-mail.',
  },
  signInLink: {
    subject: (event) => `Votre lien de connexion pour ${event}`,
    body: (event) => `Voici le lien de connexion que vous avez demandé pour ${event}.`,
    notYou: 'Si vous ne l’avez pas demandé, ignorez cet e-mail : personne ne peut utiliser ce lien sans accès à votre messagerie.',
  },
  numberedTable: (code) => `Table ${code}`,
  meetingReminder: {
    subject: (round, time, place, partners) => `${round} à ${time}, ${place}, avec ${partners}`,
    body: (round, day, time, end, zone, place) => `${round} commence à ${time} (${day}, jusqu’à ${end}, heure ${zone}). Lieu : ${place}.`,
    partner: (description) => `Vous rencontrez ${description}.`,
  },
  slotReminder: {
    subject: (time, location, other) => `Créneau d’échange à ${time}, ${location}, avec ${other}`,
    asker: (talk, speaker, day, time, end, zone, location) =>
      `Votre créneau avec ${speaker} après « ${talk} » commence à ${time} (${day}, jusqu’à ${end}, heure ${zone}), à ${location}.`,
    speaker: (talk, asker, day, time, end, zone, location) =>
      `Créneau d’échange après votre intervention « ${talk} » : ${asker} à ${time} (${day}, jusqu’à ${end}, heure ${zone}), à ${location}.`,
    question: (question) => `La question : « ${question} »`,
  },
  unsubscribePage: {
    title: 'Désinscription',
    confirm: (event, email) => `Ne plus envoyer d’e-mails concernant ${event} à ${email} ? Les liens de connexion que vous demandez vous-même seront toujours envoyés.`,
    button: 'Me désinscrire',
    done: (event) => `C’est fait : vous ne recevrez plus d’e-mails concernant ${event}.`,
    invalid: 'Ce lien de désinscription n’est pas valide.',
  },
  sitOut: {
    subject: (round, time) => `Pas de table pour vous au ${round} (${time})`,
    body: (round, day, time, zone) => `Vous ne participez pas au ${round}, à ${time} (${day}, heure ${zone}).`,
    reason: {
      ODD_COUNT:
        'Le nombre de participants est impair : une personne ne joue pas ce tour. Ce ne sera pas à nouveau vous avant que chacun ait passé son tour une fois.',
      NO_COMPATIBLE_PARTNER: 'Personne parmi les participants restants ne pouvait vous être associé à ce tour. Vous serez de nouveau apparié·e au prochain tour.',
      NO_COMPATIBLE_TABLE:
        'Aucune table de ce tour ne pouvait vous accueillir selon les règles de l’événement (à chacune, une personne déjà rencontrée ou avec qui vous ne pouvez pas être placé·e). Vous serez de nouveau placé·e au prochain tour.',
      NOT_PRESENT: 'Vous n’êtes pas enregistré·e comme présent·e. Signalez votre arrivée à l’accueil ou dans l’application pour participer au prochain tour.',
      BUSY: 'Vous êtes pris·e à ce moment-là — vous donnez une présentation, tenez ses échanges individuels ou avez obtenu un créneau d’échange avec un·e intervenant·e —, vous n’êtes donc pas placé·e à ce tour.',
      UNAVAILABLE: 'Vous avez indiqué ne pas être à l’événement pendant tout ce tour (vos disponibilités), vous n’y êtes donc pas placé·e. Modifiez vos disponibilités dans l’application si vos plans changent.',
    },
  },
  meetingRequest: {
    someone: 'Un·e participant·e',
    subject: (who) => `${who} souhaite vous rencontrer`,
    body: (who, event) => `${who} demande à vous rencontrer à ${event}. Si vous acceptez, vous serez placé·es à la même table au prochain tour où vous serez tous deux présents.`,
    message: (text) => `Son message : « ${text} »`,
    answerBy: (until) => `Acceptez ou déclinez dans l’application avant le ${until} ; passé ce délai, la demande expire.`,
    action: 'Répondre à la demande',
  },
  meetingRequestSlot: {
    subject: (who, day, time, place) => `Rencontre avec ${who} : ${day}, ${time}, ${place}`,
    accepted: (who) => `${who} a accepté votre demande de rencontre, et une table vous est réservée à tous les deux.`,
    youAccepted: (who) => `Vous avez accepté la demande de rencontre de ${who}, et une table vous est réservée à tous les deux.`,
    when: (day, start, end, zone, place) => `${day}, ${start}–${end} (${zone}), ${place}. Elle figure dans votre programme et votre agenda ; retirez-la dans l’application si vous ne pouvez pas venir.`,
  },
  meetingRequestAnswer: {
    acceptedSubject: (who) => `${who} accepte de vous rencontrer`,
    accepted: (who) => `${who} a accepté votre demande de rencontre. Vous serez placé·es à la même table au prochain tour où vous serez tous deux présents.`,
    declinedSubject: (who) => `${who} décline votre demande de rencontre`,
    declined: (who) => `${who} a décliné votre demande de rencontre. Les tours continueront de vous associer à des personnes qui partagent vos centres d’intérêt.`,
    action: 'Voir vos demandes',
  },
};

export const CATALOGUES: Record<MailLanguage, Catalogue> = { en, fr };

/** The event's language when it has one, else the first language of the attendee's that we write, else English. */
export function mailLanguage(eventLanguage: string | null, attendeeLanguages: readonly string[]): MailLanguage {
  if (eventLanguage && (MAIL_LANGUAGES as readonly string[]).includes(eventLanguage)) return eventLanguage as MailLanguage;
  return (attendeeLanguages.find((code) => (MAIL_LANGUAGES as readonly string[]).includes(code)) as MailLanguage | undefined) ?? 'en';
}
