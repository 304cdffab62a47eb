/**
 * Readable where it is read: the wall at 1920×1080 (text >= 28 px, read from 5 m), the kiosk in portrait
 * 1080×1920 and landscape 1920×1080 and the planner at 1920×1080 (text >= 24 px, read at arm's length),
 * every touch target >= 48×48 px, every panel on the screen and clear of the others, and no quarter of
 * the kiosk's screen left empty.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { waitForReady, watchPage, type PageWatch } from '../support/chromium';
import { openWatched, useChromium } from '../support/use-chromium';
import { auditReadable, bandCoverage, type ReadableRule } from '../support/hud-audit';

const baseUrl = inject('baseUrl');
const plannerToken = inject('plannerToken');
const WALL: ReadableRule = { minTextPx: 28, minTargetPx: 48 };
const ARMS_LENGTH: ReadableRule = { minTextPx: 24, minTargetPx: 48 };
/** Share of each quarter of a kiosk screen that must show a panel or the city. */
const MIN_QUARTER_SHOWN = 0.5;
const browser = useChromium();

/** Opens a city surface and waits until its HUD is complete: the city drawn, the weather and the route in the guide. */
async function openCitySurface(path: string, viewport: { width: number; height: number }): Promise<{ page: Page; watch: PageWatch }> {
  const { page, watch } = await openWatched(browser(), baseUrl, path, viewport);
  await waitForReady(page, 180_000);
  await page.getByTestId('dressing-index').waitFor({ timeout: 60_000 });
  await page.locator('.guide-route__time').waitFor({ timeout: 60_000 });
  await page.getByTestId('clock').waitFor({ timeout: 60_000 });
  return { page, watch };
}

/** Headings (the city's name, panel titles) not larger than the body rule. */
async function smallHeadings(page: Page, rule: ReadableRule): Promise<string[]> {
  return page
    .locator('h1, h2, .panel__title')
    .evaluateAll(
      (els, minTextPx) =>
        els
          .filter((el) => el.checkVisibility() && parseFloat(getComputedStyle(el).fontSize) <= minTextPx)
          .map((el) => `heading ${getComputedStyle(el).fontSize} not above ${minTextPx}: <${el.tagName.toLowerCase()}.${el.className}> "${el.textContent?.trim()}"`),
      rule.minTextPx,
    );
}

/** Taps what a visitor taps — the layer list's title, a building — checking the HUD after each. */
async function auditStates(page: Page, rule: ReadableRule): Promise<string[]> {
  if ((await page.locator('.view-list').getAttribute('open')) === null) await page.locator('.view-list > summary').click();
  await page.locator('.view-list button[data-view]').first().waitFor({ state: 'visible' });
  const problems = (await auditReadable(page, rule)).map((p) => `views open: ${p}`);
  await page.locator('.layer-list > summary').click();
  await page.locator('.layer-list input[data-layer="buildings"]').waitFor({ state: 'visible' });
  problems.push(...(await auditReadable(page, rule)).map((p) => `layers open: ${p}`));
  const spot = await page.evaluate(() => (window as unknown as { sandtableTest: { findBuildingPixel(): { x: number; y: number } | null } }).sandtableTest.findBuildingPixel());
  expect(spot).not.toBeNull();
  await page.mouse.click(spot!.x, spot!.y);
  await page.getByTestId('building-info').waitFor({ timeout: 60_000 });
  problems.push(...(await auditReadable(page, rule)).map((p) => `building picked: ${p}`));
  await page.locator('.building-info__close').click();
  await page.getByTestId('building-info').waitFor({ state: 'detached' });
  return problems;
}

describe('the wall at 1920×1080', () => {
  it('has text >= 28 px, titles larger, targets >= 48 px and its panels on the screen, in Chinese and in English', async () => {
    const { page, watch } = await openCitySurface('/?test=1&idle=3600', { width: 1920, height: 1080 });
    const problems = await auditStates(page, WALL);
    problems.push(...(await smallHeadings(page, WALL)));
    await page.locator('.locale-toggle').click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    problems.push(...(await auditStates(page, WALL)).map((p) => `en: ${p}`));
    expect(problems).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
    await page.close();
  });
});

describe('the kiosk', () => {
  for (const [orientation, viewport] of [
    ['portrait', { width: 1080, height: 1920 }],
    ['landscape', { width: 1920, height: 1080 }],
  ] as const) {
    it(`in ${orientation} has text >= 24 px, targets >= 48 px, its panels on the screen and no empty quarter`, async () => {
      const { page, watch } = await openCitySurface('/kiosk?test=1&idle=3600', viewport);
      // Quarters along the long side: a portrait kiosk's risk is an empty band at the top or the bottom.
      const quarters = await bandCoverage(page, 4);
      console.info(
        `kiosk ${orientation}: shown per quarter`,
        quarters.map((q) => `${q.from}–${q.to} px: ${(q.either * 100).toFixed(0)} % (panels ${(q.panels * 100).toFixed(0)} %, map ${(q.map * 100).toFixed(0)} %)`),
      );
      for (const quarter of quarters) {
        expect(quarter.either, `quarter ${quarter.from}–${quarter.to} px: ${JSON.stringify(quarter)}`).toBeGreaterThan(MIN_QUARTER_SHOWN);
      }
      const problems = await auditStates(page, ARMS_LENGTH);
      problems.push(...(await smallHeadings(page, ARMS_LENGTH)));
      expect(problems).toEqual([]);
      expect(watch.consoleErrors).toEqual([]);
      await page.close();
    });
  }
});

describe('the planner at 1920×1080', () => {
  it('has text >= 24 px, targets >= 48 px and its console on the screen', async () => {
    const page = await browser().newPage({ viewport: { width: 1920, height: 1080 } });
    const watch = watchPage(page, baseUrl);
    await page.goto(`${baseUrl}/planner?test=1&token=${plannerToken}`);
    await page.waitForFunction(() => document.documentElement.dataset.console === 'true', undefined, { timeout: 180_000 });
    await waitForReady(page, 180_000);
    const problems = await auditReadable(page, ARMS_LENGTH);
    // A closed road and an event at a map point bring their rows, buttons and fields.
    await page.waitForFunction(() => 'sandtablePlanner' in window, null, { timeout: 120_000 });
    const pickAt = (lon: number, lat: number) =>
      page.evaluate(([lon, lat]) => (window as unknown as { sandtablePlanner: { pickAt: (lon: number, lat: number) => boolean } }).sandtablePlanner.pickAt(lon!, lat!), [lon, lat]);
    expect(await pickAt(121.48716, 31.2344)).toBe(true);
    await page.getByTestId('planner-event').locator('select').first().selectOption('@point');
    await pickAt(121.4905, 31.2393);
    await page.getByTestId('planner-closures').locator('li button').waitFor();
    problems.push(...(await auditReadable(page, ARMS_LENGTH)).map((p) => `closure and event: ${p}`));
    problems.push(...(await smallHeadings(page, ARMS_LENGTH)));
    expect(problems).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
    await page.close();
  });
});
