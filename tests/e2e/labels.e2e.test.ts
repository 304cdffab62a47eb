/**
 * Labels never collide: at every view of the pack and every stop of the tour, on the wall's own size
 * (1920×1080) with its HUD, in Chinese and English, no label shown overlaps another label, a HUD
 * panel or the screen edge — measured on the boxes Cesium draws, against the HUD's own rectangles.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { countOverlaps, type OverlapCount } from '../../src/labels/overlap-count';
import type { ScreenRect } from '../../src/labels/screen-rect';
import { manifestSchema, type CameraView, type PlaceProperties } from '../../src/protocol/city-pack';
import { planTour, type TourPlace } from '../../src/scene/camera-plan';
import { waitForReady, watchPage, type PageWatch } from '../support/chromium';
import { useChromium } from '../support/use-chromium';

const baseUrl = inject('baseUrl');
const WALL = { width: 1920, height: 1080 };
const packDir = path.resolve(import.meta.dirname, '../../tiles/shanghai-bund');
const manifest = manifestSchema.parse(JSON.parse(readFileSync(path.join(packDir, 'manifest.json'), 'utf8')));
const places: TourPlace[] = (
  JSON.parse(readFileSync(path.join(packDir, 'places.geojson'), 'utf8')) as { features: { geometry: { type: string; coordinates: [number, number] }; properties: PlaceProperties }[] }
).features.flatMap((f) => (f.geometry.type === 'Point' ? [{ lonLat: f.geometry.coordinates, properties: f.properties }] : []));
// The same stops the wall tours: the manifest's views, then its places.
const stops: CameraView[] = planTour(manifest, places);

interface ShownLabel {
  text: string;
  tier: number;
  placed: ScreenRect;
  drawn: ScreenRect | null;
}
interface Snapshot {
  settled: boolean;
  labels: ShownLabel[];
}

const browser = useChromium();
let page: Page;
let watch: PageWatch;

const snapshot = () => page.evaluate(() => (window as unknown as { sandtableLabels: { snapshot(): Snapshot } }).sandtableLabels.snapshot());

/** Every HUD element on screen, read from the page itself (not from the declutter's own list). */
const hudRects = () =>
  page.evaluate(() => {
    const elements = [...document.querySelectorAll<HTMLElement>('#hud .hud *, .cesium-viewer-bottom')];
    // What is drawn: the rows of a folded panel keep their boxes but are not rendered.
    return elements
      .filter((e) => e.checkVisibility({ visibilityProperty: true, opacityProperty: true }))
      .map((e) => e.getBoundingClientRect())
      .filter((r) => r.width > 0 && r.height > 0)
      .map((r) => ({ x: r.left, y: r.top, width: r.width, height: r.height }));
  });

/** Puts the camera on a stop and waits until the labels are placed for it and no fade runs. */
async function labelsAt(view: CameraView): Promise<{ shown: ShownLabel[]; count: OverlapCount }> {
  await page.evaluate((v) => (window as unknown as { sandtableTest: { setView(view: unknown): void } }).sandtableTest.setView(v), view);
  await page.waitForFunction(() => (window as unknown as { sandtableLabels: { snapshot(): { settled: boolean } } }).sandtableLabels.snapshot().settled, undefined, { timeout: 120_000, polling: 200 });
  const [shot, panels] = await Promise.all([snapshot(), hudRects()]);
  expect(shot.labels.every((l) => l.drawn !== null)).toBe(true);
  // Counted on the boxes Cesium lays the glyphs out in, not on the declutter's own estimate.
  const count = countOverlaps({ viewport: WALL, panels, labels: shot.labels.map((l) => l.drawn!) });
  return { shown: shot.labels, count };
}

beforeAll(async () => {
  page = await browser().newPage({ viewport: WALL });
  watch = watchPage(page, baseUrl);
  await page.goto(`${baseUrl}/?test=1&idle=3600`);
  await waitForReady(page, 180_000);
  // Parking signs come with the room's first snapshot.
  await page.waitForFunction(
    () => (window as unknown as { sandtableTest: { store: { getState(): { feed: { room: string | null } } } } }).sandtableTest.store.getState().feed.room !== null,
    undefined,
    { timeout: 60_000 },
  );
});

describe('labels on the wall', () => {
  it.each([
    ['zh-CN', /^P .+片区 空位/, /片区空位/],
    ['en', /^P .+ area · /, /^P area/],
  ])(
    'never overlap each other, the panels or the screen edge at any stop (%s)',
    async (locale, districtSign, namelessSign) => {
      if ((await page.getAttribute('html', 'lang')) !== locale) {
        // As a visitor does: the language button in the HUD.
        await page.click('.locale-toggle');
        await page.waitForFunction((l) => document.documentElement.lang === l, locale);
      }
      let districtSigns = 0;
      let destinationShown = 0;
      for (const view of stops) {
        const { shown, count } = await labelsAt(view);
        expect({ view: view.id, ...count }).toEqual({ view: view.id, labelLabel: 0, labelPanel: 0, labelEdge: 0, total: 0 });
        // Not by hiding everything: each stop shows names.
        expect(shown.length, view.id).toBeGreaterThan(0);
        for (const label of shown) expect(label.text).not.toMatch(namelessSign);
        districtSigns += shown.filter((l) => districtSign.test(l.text)).length;
        destinationShown += shown.filter((l) => l.tier === 0).length;
      }
      expect(districtSigns).toBeGreaterThan(0);
      expect(destinationShown).toBeGreaterThan(0);
    },
    900_000,
  );

  it('logged no page or console error', () => {
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
  });
});
