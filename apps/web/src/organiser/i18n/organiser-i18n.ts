import i18n from 'i18next';
import en from './en.json';
import fr from './fr.json';

/**
 * The staff screens' words, under `organiser.` in the one i18n layer. They live beside the staff screens
 * and arrive with their chunk, so an attendee's phone never downloads them (the attendee route's budget);
 * merged into whatever `organiser.` keys the shared catalogue still holds. Added for both languages at
 * once: the language switch works on staff pages as anywhere.
 */
export function addOrganiserCatalogues(): void {
  i18n.addResourceBundle('en', 'translation', { organiser: en }, true, true);
  i18n.addResourceBundle('fr', 'translation', { organiser: fr }, true, true);
}
