/** The planner page in a real browser: the token gate (missing, wrong, right) and the console it opens on. */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, watchPage, type PageWatch } from '../support/chromium';

const baseUrl = inject('baseUrl');
const plannerToken = inject('plannerToken');
const VIEWPORT = { width: 1280, height: 720 };
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

async function open(path: string): Promise<{ page: Page; watch: PageWatch }> {
  const page = await browser.newPage({ viewport: VIEWPORT });
  const watch = watchPage(page, baseUrl);
  await page.goto(`${baseUrl}${path}`);
  return { page, watch };
}

describe('the planner page', () => {
  it('asks for the token when the address has none', async () => {
    const { page } = await open('/planner?lang=en');
    await page.getByTestId('planner-token-form').waitFor({ timeout: 60_000 });
    expect(await page.getByText('Enter the planner token').isVisible()).toBe(true);
    await page.close();
  });

  it('refuses a wrong token with the reason shown', async () => {
    const { page } = await open('/planner?lang=en&token=not-the-token');
    const message = page.getByTestId('planner-token-error');
    await message.waitFor({ timeout: 60_000 });
    expect(await message.textContent()).toContain('the planner role needs a valid token');
    expect(await page.getByTestId('planner-console').count()).toBe(0);
    // A right token typed into the form opens the console.
    await page.fill('input[name="token"]', plannerToken);
    await page.click('button[type="submit"]');
    await page.getByTestId('planner-console').waitFor({ timeout: 120_000 });
    await page.close();
  });

  it('opens the console with the token: scenario, closures, demand, run, saved scenarios, weather', async () => {
    const { page, watch } = await open(`/planner?lang=en&test=1&token=${plannerToken}`);
    const console_ = page.getByTestId('planner-console');
    await console_.waitFor({ timeout: 120_000 });
    for (const heading of ['Planner console', 'Scenario', 'Closed road segments', 'Event (extra trips)', 'Saved scenarios', 'Weather scenario']) {
      expect(await console_.getByText(heading, { exact: true }).count(), heading).toBeGreaterThan(0);
    }
    expect(await console_.getByRole('button', { name: 'Run', exact: true }).isEnabled()).toBe(true);
    expect(await console_.locator('input[type="range"]').getAttribute('min')).toBe('-50');
    // A pick on the map (through the test hook, at a point on a road) lists a closed segment.
    await page.waitForFunction(() => 'sandtablePlanner' in window, null, { timeout: 120_000 });
    const picked = await page.evaluate(() => {
      const hook = (window as unknown as { sandtablePlanner: { pickAt: (lon: number, lat: number) => boolean } }).sandtablePlanner;
      return hook.pickAt(121.48716, 31.2344);
    });
    expect(picked).toBe(true);
    expect(await page.getByTestId('planner-closures').locator('li').count()).toBe(1);
    // An event at a point: choose it in the list, and the next pick places it instead of closing a road.
    await page.getByTestId('planner-event').locator('select').first().selectOption('@point');
    await page.evaluate(() => (window as unknown as { sandtablePlanner: { pickAt: (lon: number, lat: number) => boolean } }).sandtablePlanner.pickAt(121.4905, 31.2393));
    expect(await page.getByTestId('planner-event').locator('select').first().locator('option:checked').textContent()).toBe('Map point 121.4905, 31.2393');
    expect(await page.getByTestId('planner-closures').locator('li').count()).toBe(1);
    expect(watch.foreignRequests).toEqual([]);
    await page.close();
  });
});
