import { talksError, TalksErrorReason } from './talks.errors';
import { parseAgendaTime, refuseNul, type AgendaFile, type AgendaRejection, type AgendaSession, type AgendaSpeaker } from './agenda-source';

/**
 * Reads Sessionize's "All data" export (the API's `view/All` JSON): `sessions`, `speakers`,
 * `categories`, `rooms` and `questions`. What it relies on:
 * - a session has `id`, `title`, `startsAt`/`endsAt` on the event's clock without offset
 *   (`2026-06-11T09:30:00`), `speakers` (speaker ids), `categoryItems` (category item ids), `roomId`,
 *   and `isServiceSession` (breaks and lunch: not talks);
 * - a speaker has `id`, `firstName`, `lastName` / `fullName`; the public export carries no email, so
 *   one is read from an `email` field or from an answer to a question titled like "Email" when the
 *   organiser collected it;
 * - categories give `items` (`id`, `name`), rooms `id` and `name`.
 * Unknown fields are ignored; a shape that is not this one is BAD_USER_INPUT saying which part.
 */
export function readSessionizeAgenda(text: string): AgendaFile {
  refuseNul(text, 'Sessionize file');
  if (!text.trim()) throw talksError(TalksErrorReason.AGENDA_EMPTY, 'The agenda file is empty');
  let data: unknown;
  let nul = false;
  try {
    // A NUL can hide behind an escape (\u0000) that the text check cannot see.
    data = JSON.parse(text, (_key, value: unknown) => {
      if (typeof value === 'string' && value.includes('\u0000')) nul = true;
      return value;
    });
  } catch (error) {
    throw talksError(TalksErrorReason.AGENDA_MALFORMED, `The file is not valid JSON: ${(error as Error).message}`);
  }
  if (nul) refuseNul('\u0000', 'Sessionize file');
  if (!isObject(data) || !Array.isArray(data.sessions)) {
    throw talksError(TalksErrorReason.AGENDA_WRONG_SHAPE, 'This is not a Sessionize "All data" export: expected a JSON object with a "sessions" array (and "speakers", "rooms", "categories")');
  }
  const wrongShape = (part: string) => talksError(TalksErrorReason.AGENDA_WRONG_SHAPE, `This is not a Sessionize "All data" export: ${part}`);
  for (const list of ['speakers', 'rooms', 'categories', 'questions'] as const) {
    if (data[list] !== undefined && !Array.isArray(data[list])) throw wrongShape(`"${list}" must be an array`);
  }

  const rooms = new Map<string, string>();
  for (const [i, room] of arrayOf(data.rooms).entries()) {
    if (!isObject(room) || !isId(room.id) || typeof room.name !== 'string') throw wrongShape(`rooms[${i}] needs an id and a name`);
    rooms.set(String(room.id), room.name.trim());
  }
  const categoryItems = new Map<string, string>();
  for (const [i, category] of arrayOf(data.categories).entries()) {
    if (!isObject(category) || !Array.isArray(category.items)) throw wrongShape(`categories[${i}] needs an "items" array`);
    for (const [j, item] of category.items.entries()) {
      if (!isObject(item) || !isId(item.id) || typeof item.name !== 'string') throw wrongShape(`categories[${i}].items[${j}] needs an id and a name`);
      categoryItems.set(String(item.id), item.name.trim());
    }
  }
  const emailQuestions = new Set(
    arrayOf(data.questions)
      .filter((q): q is Record<string, unknown> => isObject(q) && isId(q.id) && typeof q.question === 'string' && /^\s*e-?mail/i.test(q.question))
      .map((q) => String(q.id)),
  );
  const speakers = new Map<string, AgendaSpeaker>();
  for (const [i, speaker] of arrayOf(data.speakers).entries()) {
    if (!isObject(speaker) || !isId(speaker.id)) throw wrongShape(`speakers[${i}] needs an id`);
    const name = (typeof speaker.fullName === 'string' && speaker.fullName.trim()) || [speaker.firstName, speaker.lastName].filter((part) => typeof part === 'string').join(' ').trim();
    speakers.set(String(speaker.id), { sourceId: String(speaker.id), name: name || String(speaker.id), email: speakerEmail(speaker, emailQuestions) });
  }

  const sessions: AgendaSession[] = [];
  const rejected: AgendaRejection[] = [];
  const skipped: AgendaRejection[] = [];
  for (const [i, session] of data.sessions.entries()) {
    if (!isObject(session) || !isId(session.id)) throw wrongShape(`sessions[${i}] needs an id`);
    const sourceId = String(session.id);
    const where = `session ${sourceId}`;
    const title = typeof session.title === 'string' ? session.title.trim() : '';
    const reject = (reason: string) => rejected.push({ where, sourceId, title: title || null, reason });
    if (session.isServiceSession === true) {
      skipped.push({ where, sourceId, title: title || null, reason: 'a service session (break, lunch…), not a talk' });
      continue;
    }
    if (!title) {
      reject('it has no title');
      continue;
    }
    if (typeof session.startsAt !== 'string' || typeof session.endsAt !== 'string') {
      reject('it is not scheduled yet (no startsAt/endsAt)');
      continue;
    }
    const startsAt = parseAgendaTime(session.startsAt);
    const endsAt = parseAgendaTime(session.endsAt);
    if (typeof startsAt === 'string' || typeof endsAt === 'string') {
      reject(`startsAt/endsAt: ${[startsAt, endsAt].filter((x) => typeof x === 'string').join('; ')}`);
      continue;
    }
    const speakerIds = Array.isArray(session.speakers) ? session.speakers : [];
    // Some exports nest speakers as { id, name } (the Sessions view); the All view lists ids.
    const listed = speakerIds.map((entry) => (isObject(entry) ? String(entry.id) : String(entry)));
    const unknown = listed.filter((id) => !speakers.has(id));
    if (unknown.length) {
      reject(`its speakers ${unknown.join(', ')} are not in the file's "speakers"`);
      continue;
    }
    const items = Array.isArray(session.categoryItems) ? session.categoryItems.map(String) : [];
    sessions.push({
      sourceId,
      where,
      title,
      startsAt,
      endsAt,
      durationMinutes: null,
      room: session.roomId === null || session.roomId === undefined ? null : (rooms.get(String(session.roomId)) ?? null),
      speakers: listed.map((id) => speakers.get(id)!),
      tags: items.map((id) => categoryItems.get(id)).filter((name): name is string => !!name),
    });
  }
  return { format: 'SESSIONIZE_JSON', sessions, rejected, skipped, ignoredColumns: [], tagsFromVocabularyOnly: true };
}

function speakerEmail(speaker: Record<string, unknown>, emailQuestions: ReadonlySet<string>): string | null {
  if (typeof speaker.email === 'string' && speaker.email.trim()) return speaker.email.trim();
  for (const answer of arrayOf(speaker.questionAnswers)) {
    if (!isObject(answer)) continue;
    const value = answer.answerValue ?? answer.answer;
    const byQuestion = isId(answer.questionId) && emailQuestions.has(String(answer.questionId));
    const byTitle = typeof answer.question === 'string' && /^\s*e-?mail/i.test(answer.question);
    if ((byQuestion || byTitle) && typeof value === 'string' && value.trim()) return value.trim();
  }
  return null;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isId = (value: unknown): value is string | number => (typeof value === 'string' && value.trim() !== '') || (typeof value === 'number' && Number.isFinite(value));
const arrayOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
