import { seriousAxeViolations, useBrowserSuite } from '@pairwise/testing/browser';
import { parisEvent } from './attendee-fixture';

declare global {
  interface Window {
    cspViolations?: string[];
  }
}

/**
 * The reports page shows the API's score histogram (reports/score-chart.ts), which needs the bearer token,
 * under the page's strict Content-Security-Policy (web/web-app.ts): no violation, the picture drawn.
 */
describe('the organiser’s reports page, with the score chart', () => {
  const { t, signInOrganiser } = useBrowserSuite();

  it('draws the histogram of each round’s pair scores, under the strict CSP, in English and French, axe-core clean', async () => {
    const event = await parisEvent(t, { name: 'Paris <AI> Days' });
    for (const name of ['Ada Lovelace', 'Grace Hopper', 'Alan Turing', 'Katherine Johnson', 'Edsger Dijkstra', 'Barbara Liskov']) {
      await event.attendee({ name, interests: name.length % 2 ? ['rag', 'evals'] : ['rag', 'agents'], languages: ['en'] });
    }
    const hour = 3_600_000;
    await event.round('Round 1', new Date(Date.now() - 3 * hour));
    await event.round('Round <2> & "more"', new Date(Date.now() - 2 * hour));

    const { page, problems } = await signInOrganiser(event.id);
    // Every CSP violation the reports page meets, whatever the console says about it.
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (violation) => {
        (window.cspViolations ??= []).push(`${violation.effectiveDirective} ${violation.blockedURI}`);
      });
    });
    await page.goto(`${t.baseUrl}/organiser/e/${event.slug}/reports`);
    await page.getByRole('heading', { level: 1, name: 'Reports' }).waitFor();

    const chart = page.getByRole('img', { name: /^Histogram of the pair scores of each published round \(Round 1 and Round <2> & "more"\)/ });
    await chart.waitFor();
    // Drawn, not a broken image: the browser decoded the SVG at its size, and it is on screen.
    await page.waitForFunction(() => {
      const image = document.querySelector<HTMLImageElement>('.score-chart img');
      return Boolean(image?.complete && image.naturalWidth > 0);
    });
    expect(await chart.evaluate((image: HTMLImageElement) => ({ width: image.naturalWidth, visible: image.getBoundingClientRect().width > 600 }))).toEqual({ width: 720, visible: true });
    // It is the API's chart of this event, with the organisers' text as text (escaped by the API, never markup of the page).
    const svg = decodeURIComponent((await chart.getAttribute('src'))!.replace(/^data:image\/svg\+xml;charset=utf-8,/, ''));
    expect(svg).toContain('<title>Pair scores per round — Paris &lt;AI&gt; Days</title>');
    expect(svg).toContain('Round &lt;2&gt; &amp; &quot;more&quot; · 3 pairs');
    expect(await page.locator('svg').count()).toBe(0);
    // Without the token the API gives nothing: the page had it because it asked with the session's.
    expect((await page.request.get(`${t.baseUrl}/events/${event.id}/reports/scores.svg`)).status()).toBe(401);

    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByLabel('Language').selectOption('fr');
    await page.getByRole('img', { name: /^Histogramme des scores des paires de chaque tour publié \(Round 1 et Round <2> & "more"\)/ }).waitFor();
    expect(await page.evaluate(() => window.cspViolations ?? [])).toEqual([]);
    expect(problems).toEqual([]);
  });
});
