/**
 * The Content-Security-Policy in a real browser: the wall with an operator token, the kiosk in
 * portrait and the planner, each through a short story as staff and visitors use them (a reload
 * included), must load, draw and work with nothing blocked; and the staff tokens leave the address
 * as soon as the page has read them, while the operator's control and the planner's console still work after a reload.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { waitForReady, watchPage, type PageWatch } from '../support/chromium';
import { placeEventAtMapCentre } from '../support/planner-steps';
import { useChromium } from '../support/use-chromium';
import { cspViolations, isCspMessage, watchCsp } from '../support/csp-watch';

const baseUrl = inject('baseUrl');
const operatorToken = inject('operatorToken');
const plannerToken = inject('plannerToken');
/** The surfaces at their real sizes. */
const WALL = { width: 1920, height: 1080 };
const KIOSK_PORTRAIT = { width: 1080, height: 1920 };
const PLANNER = { width: 1280, height: 720 };
const browser = useChromium();

async function open(path: string, viewport: { width: number; height: number }): Promise<{ page: Page; watch: PageWatch }> {
  const page = await browser().newPage({ viewport });
  const watch = watchPage(page, baseUrl);
  await watchCsp(page);
  const response = await page.goto(`${baseUrl}${path}`);
  expect(response?.headers()['content-security-policy']).toContain("default-src 'self'");
  return { page, watch };
}

/** Waits for the page's ready signal; if it never comes, the failure names what was blocked or logged. */
async function ready(page: Page, watch: PageWatch): Promise<void> {
  try {
    await waitForReady(page, 180_000);
  } catch (error) {
    const blocked = await cspViolations(page).catch(() => ['(the page could not be asked)']);
    throw new Error(`${String(error)}\nCSP violations: ${JSON.stringify(blocked)}\nconsole errors: ${JSON.stringify(watch.consoleErrors)}`, { cause: error });
  }
}

/** Nothing blocked, nothing logged, nothing fetched from elsewhere. */
async function expectClean(page: Page, watch: PageWatch): Promise<void> {
  expect(await cspViolations(page)).toEqual([]);
  expect(watch.consoleErrors.filter(isCspMessage)).toEqual([]);
  expect(watch.consoleErrors).toEqual([]);
  expect(watch.foreignRequests).toEqual([]);
}

describe('under the Content-Security-Policy', () => {
  it('the wall opened with an operator token draws, drops the token from the address and keeps the control across a reload', async () => {
    const { page, watch } = await open(`/?test=1&idle=3600&lang=en&room=csp-e2e&operator=${operatorToken}`, WALL);
    await ready(page, watch);
    await page.getByTestId('clock-control').waitFor({ timeout: 60_000 });
    expect(page.url()).not.toContain(operatorToken);
    expect(page.url()).toBe(`${baseUrl}/?test=1&idle=3600&lang=en&room=csp-e2e`);
    // Pause the room's clock from the control, as staff do.
    await page.getByTestId('clock-play').click();
    await page.getByTestId('clock-paused').waitFor({ timeout: 60_000 });
    await expectClean(page, watch);
    await page.reload();
    await ready(page, watch);
    await page.getByTestId('clock-control').waitFor({ timeout: 60_000 });
    expect(page.url()).not.toContain(operatorToken);
    await page.getByTestId('clock-play').click();
    await expect.poll(() => page.getByTestId('clock-paused').count(), { timeout: 60_000 }).toBe(0);
    await expectClean(page, watch);
    await page.close();
  });

  it('the kiosk in portrait draws its panels and takes a visitor’s taps', async () => {
    const { page, watch } = await open('/kiosk?test=1&idle=3600', KIOSK_PORTRAIT);
    await ready(page, watch);
    await page.getByTestId('dressing-index').waitFor({ timeout: 60_000 });
    await page.locator('.guide-route__time').waitFor({ timeout: 60_000 });
    await page.locator('.locale-toggle').click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    const view = page.locator('.view-list__item[data-view]').last();
    await view.click();
    await expect.poll(() => view.getAttribute('class')).toContain('view-list__item--active');
    await expectClean(page, watch);
    await page.close();
  });

  it('the planner opens its console from a token in the address, drops it, and opens it again on a reload', async () => {
    const { page, watch } = await open(`/planner?lang=en&test=1&room=csp-planner&token=${plannerToken}`, PLANNER);
    await page.getByTestId('planner-console').waitFor({ timeout: 180_000 });
    await ready(page, watch);
    expect(page.url()).toBe(`${baseUrl}/planner?lang=en&test=1&room=csp-planner`);
    await page.reload();
    await page.getByTestId('planner-console').waitFor({ timeout: 180_000 });
    await ready(page, watch);
    expect(page.url()).not.toContain(plannerToken);
    expect(await page.getByTestId('planner-token-form').count()).toBe(0);
    // The console works as before: the event goes where the planner clicks on the map.
    await placeEventAtMapCentre(page);
    await expectClean(page, watch);
    await page.close();
  });
});
