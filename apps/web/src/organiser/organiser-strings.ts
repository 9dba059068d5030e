import { en, fr } from 'virtual:i18n-section/organiser';
import { addStrings } from '../shared/i18n/i18n';

// The staff screens' words travel with them: the `organiser` sections of en.json and fr.json come in
// this chunk (vite.config.mts, i18nSections), and the attendee chunk's catalogues leave them out
// (shared/i18n/i18n.ts imports the other sections by name), so an attendee's phone never downloads them.
addStrings('organiser', { en, fr });
