/**
 * One weather for the room: a weather day and a typhoon set in the planner survive a reload of the
 * console, and the wall in the same room shows the same weather now as its outlook (and the server's).
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import type { OutlookReply } from '../../src/protocol/guide';
import { waitForReady, watchPage, type PageWatch } from '../support/chromium';
import { useChromium } from '../support/use-chromium';

const baseUrl = inject('baseUrl');
const plannerToken = inject('plannerToken');
/** A room of this test's own, so the other suites' rooms keep their recorded weather. */
const ROOM = 'e2e-weather';
const HEAT_DAY = '2013-08-07';
const browser = useChromium();
const watches: PageWatch[] = [];

async function open(path: string, viewport: { width: number; height: number }): Promise<Page> {
  const page = await browser().newPage({ viewport });
  watches.push(watchPage(page, baseUrl));
  await page.goto(`${baseUrl}${path}`);
  return page;
}

describe('the room’s weather', () => {
  let override: { startHour: number; endHour: number };

  it('keeps the weather day and the override the planner set when the console is reloaded', async () => {
    const page = await open(`/planner?lang=en&room=${ROOM}&token=${plannerToken}`, { width: 1280, height: 720 });
    await page.getByTestId('planner-console').waitFor({ timeout: 120_000 });
    const picker = page.getByTestId('weather-day');
    const heat = picker.getByRole('button', { name: `Summer heat · ${HEAT_DAY}` });
    // From the replayed day's own weather (a retried run finds the room as the last one left it).
    const reset = picker.getByRole('button', { name: 'Back to the day' });
    if (await reset.isEnabled()) await reset.click();
    await picker.locator('[data-testid="weather-day-state"][data-day=""]').waitFor({ timeout: 30_000 });
    expect(await heat.getAttribute('aria-pressed')).toBe('false');
    await heat.click();
    await picker.locator(`[data-testid="weather-day-state"][data-day="${HEAT_DAY}"]`).waitFor({ timeout: 30_000 });

    // A typhoon over the room's present hour and the next: the clock's hour, as the planner reads it on the wall clock.
    const panel = page.getByTestId('weather-override');
    const selects = panel.locator('select');
    const hour = await page.evaluate(async (room) => {
      const reply = (await (await fetch(`/api/weather/outlook?room=${room}&hours=1`)).json()) as OutlookReply;
      return reply.ok ? new Date(reply.t + 8 * 3_600_000).getUTCHours() : -1;
    }, ROOM);
    expect(hour).toBeGreaterThanOrEqual(0);
    override = { startHour: hour, endHour: Math.min(hour + 2, 24) };
    await selects.nth(0).selectOption('typhoon');
    await selects.nth(1).selectOption(String(override.startHour));
    await selects.nth(2).selectOption(String(override.endHour));
    await panel.getByRole('button', { name: 'Apply' }).click();
    await panel.getByText(/^Active: Typhoon/).waitFor({ timeout: 30_000 });

    await page.reload();
    await page.getByTestId('planner-console').waitFor({ timeout: 120_000 });
    await page.getByTestId('weather-day').locator(`[data-testid="weather-day-state"][data-day="${HEAT_DAY}"]`).waitFor({ timeout: 30_000 });
    expect(
      await page
        .getByTestId('weather-day')
        .getByRole('button', { name: `Summer heat · ${HEAT_DAY}` })
        .getAttribute('aria-pressed'),
    ).toBe('true');
    expect(await page.getByTestId('weather-day-state').textContent()).toBe(`Showing the recorded weather of ${HEAT_DAY}`);
    const reloaded = page.getByTestId('weather-override');
    await reloaded.getByText(/^Active: Typhoon/).waitFor({ timeout: 30_000 });
    expect(await reloaded.locator('select').evaluateAll((elements) => elements.map((e) => (e as HTMLSelectElement).value))).toEqual(['typhoon', String(override.startHour), String(override.endHour)]);
    await page.close();
  });

  it('shows the same weather now and in the outlook on the wall of that room as the server has for it', async () => {
    const page = await open(`/?lang=en&test=1&idle=3600&room=${ROOM}`, { width: 960, height: 540 });
    await waitForReady(page, 180_000);
    const temperature = page.locator('.guide-panel__temperature');
    await temperature.waitFor({ timeout: 60_000 });
    await expect.poll(() => page.locator('.guide-panel__hour').count(), { timeout: 60_000 }).toBe(6);
    const reply = await page.evaluate(async (room) => (await (await fetch(`/api/weather/outlook?room=${room}&hours=6`)).json()) as OutlookReply, ROOM);
    if (!reply.ok) throw new Error(reply.error);
    const [now, ...ahead] = reply.hours;
    // Now is the typhoon (the override's hours), in the panel as on the server.
    expect([now!.temperature, now!.precipitation, now!.windSpeed]).toEqual([25, 40, 25]);
    expect(await temperature.textContent()).toBe(`${Math.round(now!.temperature!)}°`);
    expect(await page.getByTestId('umbrella-note').count()).toBe(1);
    // The panel's hours are the server's; after the typhoon, the heat day's (the replayed day never reaches 30 °C).
    expect(await page.locator('.guide-panel__hour > span:last-child').allTextContents()).toEqual(ahead.map((h) => `${Math.round(h.temperature!)}°`));
    const afterTyphoon = ahead.filter((h) => new Date(h.t + 8 * 3_600_000).getUTCHours() >= override.endHour || new Date(h.t + 8 * 3_600_000).getUTCHours() < override.startHour);
    expect(afterTyphoon.length).toBeGreaterThan(0);
    for (const h of afterTyphoon) expect(h.temperature).toBeGreaterThanOrEqual(30);
    await page.close();
  });

  it('logs no errors on either page', () => {
    expect(watches.flatMap((w) => w.consoleErrors)).toEqual([]);
    expect(watches.flatMap((w) => w.foreignRequests)).toEqual([]);
  });
});
