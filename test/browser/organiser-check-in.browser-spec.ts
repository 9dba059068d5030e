import fs from 'node:fs/promises';
import path from 'node:path';
import { attendeeToken, createAttendee, createEvent, expectData } from '@pairwise/testing';
import os from 'node:os';
import { encodeQR } from 'qr';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH, PHONE, seriousAxeViolations, signInStaffThroughPage, useBrowserSuite, watchPage } from '@pairwise/testing/browser';

const parisDay = (at: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);

/** The README's picture of this screen: written when missing or when asked (`UPDATE_SCREENSHOTS=1`). */
const SCREENSHOT = path.resolve(__dirname, '../../test-results/screenshots/organiser-check-in.png');
const README_SCREENSHOT = path.resolve(__dirname, '../../docs/screenshots/organiser-check-in.png');

/** The check-in desk on an organiser's phone (360×740): badges' codes typed in, each answer in words, the count following. */
describe('check-in at the desk, in the browser', () => {
  const { t, signInOrganiser } = useBrowserSuite();

  it('checks Ada in with the code of her badge, says she already was, refuses a forged code and another event’s in words, counts who is present (axe-clean, English and French)', async () => {
    const days = { startsOn: parisDay(new Date()), endsOn: parisDay(new Date(Date.now() + 86_400_000)) };
    const event = await createEvent(t, { name: 'Paris AI Days', ...days });
    const other = await createEvent(t, { name: 'Lyon ML Night', ...days });
    const ada = await createAttendee(t, event.id, { name: 'Ada Lovelace', present: false });
    await createAttendee(t, event.id, { name: 'Grace Hopper', present: false });
    const alan = await createAttendee(t, other.id, { name: 'Alan Turing', present: false });
    // The codes their badges show (My schedule), read as their phones read them.
    const codeOf = async (attendee: typeof ada) => expectData(await t.gql(`{ myCheckInCode { code } }`, {}, await attendeeToken(t, attendee))).myCheckInCode.code as string;
    const adaCode = await codeOf(ada);
    const alanCode = await codeOf(alan);

    const { page, problems } = await signInOrganiser(event.id, PHONE);
    await page.goto(`${t.baseUrl}/organiser/e/${event.slug}/check-in`);
    await page.getByRole('heading', { level: 1, name: 'Check-in' }).waitFor();
    await page.getByText('0 of 2 attendees present').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    const code = page.getByLabel('Check-in code (PW1-…)');
    const latest = page.getByRole('status');
    await code.fill(adaCode);
    await code.press('Enter');
    await latest.getByText('Ada Lovelace is checked in.').waitFor();
    await page.getByText('1 of 2 attendees present').waitFor();
    expect(await code.inputValue()).toBe(''); // ready for the next badge
    const present = async () => expectData(await t.gql(`query ($id: ID!) { attendee(id: $id) { present } }`, { id: ada.id }, await t.adminToken())).attendee.present;
    expect(await present()).toBe(true);

    // The same badge again: nothing changes, and the desk says since when she is here.
    await code.fill(adaCode);
    await page.getByRole('button', { name: 'Check in', exact: true }).click();
    await latest.getByText(/^Ada Lovelace was already checked in \(at \d{1,2}:\d{2}\)\.$/).waitFor();

    // A mistyped code, then a genuine code of another event: refused, in the words of their reasons.
    await code.fill(`${adaCode.slice(0, -1)}${adaCode.endsWith('A') ? 'B' : 'A'}`);
    await code.press('Enter');
    await latest.getByText('This is not a valid check-in code: check it and try again.').waitFor();
    expect(await code.inputValue()).not.toBe(''); // kept, to be corrected
    await code.fill(alanCode);
    await code.press('Enter');
    await latest.getByText('This code is for another event: this person is not registered here.').waitFor();
    await page.getByText('1 of 2 attendees present').waitFor();
    await page.getByRole('heading', { level: 2, name: 'Previous scans' }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await fs.mkdir(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    const missing = await fs.stat(README_SCREENSHOT).then(() => false, () => true);
    if (missing || process.env.UPDATE_SCREENSHOTS === '1') await fs.copyFile(SCREENSHOT, README_SCREENSHOT);

    await page.getByLabel('Language').selectOption('fr');
    await page.getByRole('heading', { level: 1, name: 'Accueil' }).waitFor();
    await page.getByText('Présent·es : 1 sur 2').waitFor();
    await page.getByRole('button', { name: 'Scanner avec l’appareil photo' }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('checks Grace in from the camera: Chromium’s fake camera films her badge’s QR code (a Y4M video of it)', async () => {
    const days = { startsOn: parisDay(new Date()), endsOn: parisDay(new Date(Date.now() + 86_400_000)) };
    const event = await createEvent(t, { name: 'Camera Day', ...days });
    const grace = await createAttendee(t, event.id, { name: 'Grace Hopper', present: false });
    const code = expectData(await t.gql(`{ myCheckInCode { code } }`, {}, await attendeeToken(t, grace))).myCheckInCode.code as string;
    const video = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'pairwise-camera-')), 'badge.y4m');
    await fs.writeFile(video, badgeVideo(code));
    const organiser = await t.gql(`mutation ($input: AddOrganiserInput!) { addOrganiser(input: $input) { accessCode { code } } }`, { input: { eventId: event.id, email: 'camera-desk@pairwise.test', name: 'Desk' } }, await t.adminToken());
    const browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: ['--no-sandbox', '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${video}`],
    });
    try {
      const page = await (await browser.newContext({ ...PHONE, permissions: ['camera'] })).newPage();
      const { problems } = watchPage(page);
      await signInStaffThroughPage(page, t.baseUrl, { email: 'camera-desk@pairwise.test', accessCode: expectData(organiser).addOrganiser.accessCode.code });
      await page.goto(`${t.baseUrl}/organiser/e/${event.slug}/check-in`);
      await page.getByText('0 of 1 attendees present').waitFor();
      await page.getByRole('button', { name: 'Scan with the camera' }).click();
      await page.getByRole('status').getByText('Grace Hopper is checked in.').waitFor({ timeout: 60_000 });
      await page.getByText('1 of 1 attendees present').waitFor();
      await page.getByRole('button', { name: 'Stop the camera' }).click();
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
      await fs.rm(path.dirname(video), { recursive: true, force: true });
    }
  });
});

/** One second of 640×480 video (YUV 4:2:0, as Chromium's fake camera reads it) showing the code's QR code, black on white. */
function badgeVideo(code: string): Buffer {
  const rows = encodeQR(code, 'raw', { ecc: 'medium', border: 4 });
  const [width, height, scale] = [640, 480, 8];
  const left = (width - rows.length * scale) >> 1;
  const top = (height - rows.length * scale) >> 1;
  const luma = Buffer.alloc(width * height, 235);
  rows.forEach((row, y) => row.forEach((dark, x) => {
    if (!dark) return;
    for (let line = 0; line < scale; line++) luma.fill(16, (top + y * scale + line) * width + left + x * scale, (top + y * scale + line) * width + left + (x + 1) * scale);
  }));
  const chroma = Buffer.alloc((width * height) / 2, 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma]);
  return Buffer.concat([Buffer.from(`YUV4MPEG2 W${width} H${height} F30:1 Ip A1:1 C420jpeg\n`), ...Array.from({ length: 30 }, () => frame)]);
}
