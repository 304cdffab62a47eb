/** Names in the visitor's language, in a real browser: the wall's labels and signs, and the planner's event places. */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { waitForReady, watchPage } from '../support/chromium';
import { useChromium } from '../support/use-chromium';

const baseUrl = inject('baseUrl');
const plannerToken = inject('plannerToken');
const HAN = /\p{Script=Han}/u;

interface Place {
  category: string;
  name: string | null;
  name_zh: string | null;
  name_en: string | null;
}

const browser = useChromium();
let places: Place[];
/** Names OSM gives only in Latin letters: never to be shown as Chinese. */
let latinOnly: Set<string>;

beforeAll(async () => {
  const body = (await (await fetch(`${baseUrl}/tiles/shanghai-bund/places.geojson`)).json()) as { features: { properties: Place }[] };
  places = body.features.map((f) => f.properties);
  latinOnly = new Set(places.flatMap((p) => (p.name && !HAN.test(p.name) ? [p.name] : [])));
});

/** Every label text in the scene (places, parking signs, route ends). */
function labelTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    type Collection = { length: number; get(i: number): unknown };
    const texts: string[] = [];
    const visit = (item: unknown): void => {
      if (!item || typeof item !== 'object') return;
      if (typeof (item as { text?: unknown }).text === 'string') {
        texts.push((item as { text: string }).text);
        return;
      }
      const collection = item as Collection;
      if (typeof collection.get === 'function' && typeof collection.length === 'number') {
        for (let i = 0; i < collection.length; i++) visit(collection.get(i));
      }
    };
    const viewer = (window as unknown as { sandtableTest: { viewer: { scene: { primitives: unknown } } } }).sandtableTest.viewer;
    visit(viewer.scene.primitives);
    return texts.filter((t) => t !== '');
  });
}

describe('the wall in English and in Chinese', () => {
  it('labels places and car parks in English with no Chinese, then in Chinese with no Latin-only OSM name', async () => {
    const page = await browser().newPage({ viewport: { width: 1920, height: 1080 } });
    const watch = watchPage(page, baseUrl);
    await page.goto(`${baseUrl}/?test=1&idle=3600&lang=en`);
    await waitForReady(page, 180_000);
    const lotNames = (key: 'name_en' | 'name_zh') => places.filter((p) => p.category === 'parking' && p[key]).map((p) => p[key]!);
    // The signs fill in once the feed has brought the car parks.
    await expect.poll(async () => (await labelTexts(page)).some((t) => lotNames('name_en').some((n) => t.includes(n))), { timeout: 120_000, interval: 500 }).toBe(true);
    const english = await labelTexts(page);
    expect(english.filter((t) => HAN.test(t))).toEqual([]);
    expect(english.some((t) => places.some((p) => p.name_en === t && p.category !== 'parking'))).toBe(true);

    await page.click('.locale-toggle');
    await expect.poll(async () => (await labelTexts(page)).some((t) => lotNames('name_zh').some((n) => t.includes(n))), { timeout: 60_000, interval: 500 }).toBe(true);
    const chinese = await labelTexts(page);
    expect(chinese.filter((t) => latinOnly.has(t))).toEqual([]);
    expect(chinese.some((t) => places.some((p) => p.name_zh === t && HAN.test(t)))).toBe(true);
    expect(watch.consoleErrors).toEqual([]);
    await page.close();
  });
});

describe("the planner's event places", () => {
  it.each(['en', 'zh-CN'] as const)('lists each place once, in %s', async (lang) => {
    const page = await browser().newPage({ viewport: { width: 1280, height: 720 } });
    const watch = watchPage(page, baseUrl);
    await page.goto(`${baseUrl}/planner?lang=${lang}&test=1&token=${plannerToken}`);
    const select = page.getByTestId('planner-event').locator('select');
    await select.waitFor({ timeout: 120_000 });
    // The first two options are "none" and "a point on the map"; the places follow.
    const options = (await select.locator('option').allTextContents()).slice(2);
    expect(options.length).toBeGreaterThan(3);
    expect(new Set(options).size).toBe(options.length);
    if (lang === 'en') {
      expect(options.filter((o) => HAN.test(o))).toEqual([]);
      expect(options).toContain('Binjiang Park');
    } else {
      expect(options.filter((o) => latinOnly.has(o))).toEqual([]);
      expect(options).toContain('滨江公园');
      expect(options).toContain('外滩邮政'); // mapped in traditional characters (外灘郵政)
    }
    expect(watch.consoleErrors).toEqual([]);
    await page.close();
  });
});
