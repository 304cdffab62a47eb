/** The wall's traffic and weather layers in a real browser: vehicles drawn, legend, guide panel, nothing fetched from outside. */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { waitForReady, watchPage, type PageWatch } from '../support/chromium';
import { useChromium } from '../support/use-chromium';

const baseUrl = inject('baseUrl');
const browser = useChromium();
let page: Page;
let watch: PageWatch;

interface VehicleStats {
  count: number;
  trips: number;
  uploads: number;
}
const vehicleStats = () => page.evaluate(() => (window as unknown as { sandtableVehicles?: VehicleStats }).sandtableVehicles ?? null);

beforeAll(async () => {
  page = await browser().newPage({ viewport: { width: 960, height: 540 } });
  watch = watchPage(page, baseUrl);
  await page.goto(`${baseUrl}/?test=1&idle=3600`);
  await waitForReady(page, 180_000);
});

describe('the wall with live traffic and weather', () => {
  it('draws the vehicles of the trajectory window and keeps uploading them while the clock plays', async () => {
    await expect.poll(async () => (await vehicleStats())?.count ?? 0, { timeout: 60_000, interval: 1_000 }).toBeGreaterThan(0);
    const first = (await vehicleStats())!;
    expect(first.count).toBeLessThanOrEqual(first.trips);
    await expect.poll(async () => (await vehicleStats())!.uploads, { timeout: 60_000, interval: 1_000 }).toBeGreaterThan(first.uploads);
  });

  it('shows the traffic legend with the vehicle count and the congestion classes', async () => {
    const legend = page.locator('[data-testid="traffic-legend"]');
    await expect.poll(() => legend.textContent(), { timeout: 30_000 }).toMatch(/车辆 [1-9]\d*/);
    expect(await legend.textContent()).toMatch(/畅通.*缓行.*拥堵.*严重拥堵/s);
  });

  it('shows the guide panel with the dressing index, the outlook and a route', async () => {
    const dressing = page.locator('[data-testid="dressing-index"]');
    await dressing.waitFor({ timeout: 60_000 });
    expect(await dressing.textContent()).toMatch(/穿衣指数 · [1-8] 级/);
    expect(Number(await dressing.getAttribute('data-level'))).toBeGreaterThanOrEqual(1);
    await expect.poll(() => page.locator('.guide-panel__hour').count(), { timeout: 60_000 }).toBe(6);
    await expect.poll(() => page.textContent('[data-testid="guide-route"]'), { timeout: 60_000 }).toMatch(/\d+ 分钟（畅通时 \d+ 分钟）/);
  });

  it('asks nothing of any other origin and logs no errors', () => {
    expect(watch.foreignRequests).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
  });
});
