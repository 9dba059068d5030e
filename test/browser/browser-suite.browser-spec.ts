import { browserSuite } from '@pairwise/testing/browser';

describe('the browser suite every browser test file starts with', () => {
  it('closes the API it started when Chromium then fails to start, so a failed setup leaves nothing running', async () => {
    const suite = browserSuite({ chromiumPath: '/nonexistent/chromium' });
    await expect(suite.start()).rejects.toThrow('Chromium is not installed at /nonexistent/chromium');
    // The API did start before Chromium failed: it answers until the suite is closed.
    const health = `${suite.t.baseUrl}/health`;
    expect((await fetch(health)).status).toBe(200);
    await suite.close();
    await expect(fetch(health)).rejects.toThrow();
    expect(() => suite.browser.version()).toThrow('Chromium is not started');
  });

  it('says what is missing when used before it started', () => {
    const suite = browserSuite();
    expect(() => suite.t.baseUrl).toThrow("The API is not started: the browser suite's beforeAll has not run, or it failed");
  });
});
