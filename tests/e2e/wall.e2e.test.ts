/** The wall in a real browser: ready signal, a drawn city, offline, picking, layers, attract tour. */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { canvasStats, changedShare } from '../support/canvas-stats';
import { waitForReady, watchPage, type PageWatch } from '../support/chromium';
import { useChromium } from '../support/use-chromium';

const baseUrl = inject('baseUrl');
const VIEWPORT = { width: 960, height: 540 };
const browser = useChromium();
let page: Page;
let watch: PageWatch;
let readyAfterMs = 0;

beforeAll(async () => {
  page = await browser().newPage({ viewport: VIEWPORT });
  watch = watchPage(page, baseUrl);
  const started = Date.now();
  // A long idle: the tour must not move the camera under these tests.
  await page.goto(`${baseUrl}/?test=1&idle=3600`);
  await waitForReady(page, 180_000);
  readyAfterMs = Date.now() - started;
});

describe('the wall', () => {
  it('reports ready once the city has drawn', async () => {
    expect(await page.getAttribute('html', 'data-ready')).toBe('true');
    expect(readyAfterMs).toBeGreaterThan(0);
  });

  it('draws a city, not a blank canvas, with the buildings on it', async () => {
    const withBuildings = await canvasStats(page);
    expect(withBuildings.variance).toBeGreaterThan(150);
    // The layer list folds (it shares the column with the views): open it as a visitor does.
    await page.click('.layer-list > summary');
    await page.click('input[data-layer="buildings"]');
    const withoutBuildings = await canvasStats(page);
    await page.click('input[data-layer="buildings"]');
    // The buildings cover a good part of the default view.
    expect(changedShare(withBuildings, withoutBuildings)).toBeGreaterThan(0.05);
  });

  it('shows the HUD in Chinese by default: city name, clock, layers, attribution', async () => {
    await expect.poll(() => page.textContent('.city-title__name')).toBe('外滩–陆家嘴');
    expect(await page.textContent('[data-testid="clock"]')).toMatch(/\d{2}:\d{2}:\d{2}/);
    const layers = await page.locator('input[data-layer]').evaluateAll((inputs) => inputs.map((i) => i.getAttribute('data-layer')));
    expect(layers).toEqual(expect.arrayContaining(['ground', 'roads', 'buildings', 'places', 'service-requests']));
    // Every layer is listed by its translated name, none by its raw registry name.
    const labels = await page.locator('.layer-list__item span').allTextContents();
    expect(labels).toHaveLength(layers.length);
    for (const name of layers) expect(labels).not.toContain(name);
    expect(await page.textContent('.cesium-widget-credits')).toContain('OpenStreetMap');
  });

  it('shows a picked building: name, use, height and levels', async () => {
    const spot = await page.evaluate(() => (window as unknown as { sandtableTest: { findBuildingPixel(): { x: number; y: number } | null } }).sandtableTest.findBuildingPixel());
    expect(spot).not.toBeNull();
    await page.mouse.click(spot!.x, spot!.y);
    const panel = page.locator('[data-testid="building-info"]');
    await panel.waitFor({ timeout: 60_000 });
    expect(await panel.textContent()).toMatch(/用途.*高度\s*\d+ 米.*层数/s);
    await page.click('.building-info__close');
    await panel.waitFor({ state: 'detached' });
  });

  it('flies to a bookmark from the view list', async () => {
    await page.click('.view-list > summary');
    const before = await canvasStats(page);
    await page.click('button[data-view="skyline"]');
    await expect.poll(async () => changedShare(before, await canvasStats(page)), { timeout: 60_000, interval: 1_000 }).toBeGreaterThan(0.2);
  });

  it('brings a camera sent to the other side of the globe back over the city', async () => {
    const position = await page.evaluate(async () => {
      type V = {
        camera: { setView(o: object): void; positionCartographic: { longitude: number; latitude: number; height: number } };
        scene: { requestRender(): void; postRender: { addEventListener(f: () => void): () => void } };
      };
      const viewer = (window as unknown as { sandtableTest: { viewer: V } }).sandtableTest.viewer;
      // Move via the public API with a plain ECEF point on the far side of the Earth (lon -58°, lat -31°).
      viewer.camera.setView({ destination: { x: 2_850_000, y: -4_650_000, z: -3_290_000 } });
      for (let i = 0; i < 3; i++) {
        await new Promise<void>((resolve) => {
          const remove = viewer.scene.postRender.addEventListener(() => {
            remove();
            resolve();
          });
          viewer.scene.requestRender();
        });
      }
      const c = viewer.camera.positionCartographic;
      return { lon: (c.longitude * 180) / Math.PI, lat: (c.latitude * 180) / Math.PI };
    });
    expect(position.lon).toBeGreaterThan(121.4);
    expect(position.lon).toBeLessThan(121.6);
    expect(position.lat).toBeGreaterThan(31.18);
    expect(position.lat).toBeLessThan(31.3);
  });

  it('has made no request to any host but the server, and logged no error', () => {
    expect(watch.foreignRequests).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.requestCount).toBeGreaterThan(10);
  });
});

describe('attract mode', () => {
  it('starts the tour after idle and stops it at the first input', async () => {
    const tourPage = await browser().newPage({ viewport: VIEWPORT });
    const tourWatch = watchPage(tourPage, baseUrl);
    try {
      await tourPage.goto(`${baseUrl}/?test=1&idle=2&lang=en`);
      await waitForReady(tourPage, 180_000);
      await tourPage.waitForFunction(() => document.documentElement.dataset.touring === 'true', undefined, { timeout: 60_000 });
      expect(await tourPage.textContent('[data-testid="touring"]')).toMatch(/Touring/);
      // With idle=2 the tour comes back two seconds after the input, and a busy software-WebGL page
      // may poll less often than that: record every change of the flag instead of sampling it.
      await tourPage.evaluate(() => {
        const log: string[] = [];
        (window as unknown as { touringLog: string[] }).touringLog = log;
        new MutationObserver(() => log.push(document.documentElement.dataset.touring ?? '')).observe(document.documentElement, { attributes: true, attributeFilter: ['data-touring'] });
      });
      await tourPage.mouse.click(VIEWPORT.width / 2, VIEWPORT.height / 2);
      await tourPage.waitForFunction(() => (window as unknown as { touringLog: string[] }).touringLog.includes('false'), undefined, { timeout: 30_000, polling: 100 });
      expect(tourWatch.consoleErrors).toEqual([]);
      expect(tourWatch.foreignRequests).toEqual([]);
    } finally {
      await tourPage.close();
    }
  });
});

describe('the other surfaces', () => {
  it.each(['/kiosk', '/planner'])('%s loads', async (pathname) => {
    const other = await browser().newPage({ viewport: { width: 640, height: 360 } });
    const otherWatch = watchPage(other, baseUrl);
    try {
      const response = await other.goto(`${baseUrl}${pathname}?test=1&idle=3600`);
      expect(response?.status()).toBe(200);
      await waitForReady(other, 240_000);
      expect(otherWatch.consoleErrors).toEqual([]);
      // The kiosk is the wall's city on a touchscreen, with the same travel guide.
      if (pathname === '/kiosk') {
        expect(await other.locator('html').getAttribute('data-surface')).toBe('kiosk');
        await other.locator('[data-testid="guide-panel"] .guide-panel__now').waitFor({ timeout: 60_000 });
      }
    } finally {
      await other.close();
    }
  });
});
