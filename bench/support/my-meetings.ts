import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';

/** What an attendee's app asks for when a round is published: the benches send it as is. */
export const MY_MEETINGS = `{ myMeetings { id roundName table startsAt endsAt status
  partners { name role company interests lookingFor canOffer }
  reasons { sharedInterests aSeeksBOffers bSeeksAOffers commonLanguages wish }
  sentence openingQuestion } }`;

/** A 200 that carries the attendee's meeting, and no error. */
export const isMyMeeting = (body: string) => body.startsWith('{"data":{"myMeetings":[{') && !body.includes('"errors"');

/** The API prints its ready line once it listens (a cluster, once every worker does). */
export async function waitUntilReady(logFile: string, api: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 600; attempt++) {
    if (api.exitCode !== null) throw new Error(`the API exited with code ${api.exitCode}; see ${logFile}`);
    if (fs.readFileSync(logFile, 'utf8').includes('"msg":"Pairwise API ready at')) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the API did not become ready within 60 s; see ${logFile}`);
}
