/** The feed in the browser: two walls of one room show the same instant; a new 12345 case appears on both. */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { waitForReady } from '../support/chromium';
import { useChromium } from '../support/use-chromium';

const VIEWPORT = { width: 480, height: 270 };
const browser = useChromium();
const pages: Page[] = [];

beforeAll(async () => {
  const baseUrl = inject('baseUrl');
  for (let i = 0; i < 2; i++) {
    const page = await browser().newPage({ viewport: VIEWPORT });
    await page.goto(`${baseUrl}/?test=1&idle=3600&room=ring`);
    pages.push(page);
  }
  await Promise.all(pages.map((page) => waitForReady(page, 240_000)));
}, 300_000);

/** The sim time a page derives for the local instant `now`, from its store (sync + offset). */
const simTimeAt = (page: Page, now: number) =>
  page.evaluate((at) => {
    type Clock = { sync: { simTimeMs: number; serverTimeMs: number; rate: number; playing: boolean } | null; serverOffsetMs: number };
    const { clock } = (window as unknown as { sandtableTest: { store: { getState(): { clock: Clock } } } }).sandtableTest.store.getState();
    const sync = clock.sync!;
    return sync.playing ? sync.simTimeMs + (at + clock.serverOffsetMs - sync.serverTimeMs) * sync.rate : sync.simTimeMs;
  }, now);

describe('the feed in two browsers', () => {
  it('keeps two walls of one room on the same instant, within one frame at rate 1', async () => {
    const now = Date.now();
    const [a, b] = await Promise.all(pages.map((page) => simTimeAt(page, now)));
    expect(Math.abs(a! - b!)).toBeLessThan(1000 / 60);
    // And that instant is the demo day's afternoon the server started at.
    expect(new Date(a!).toISOString().slice(0, 13)).toBe('2014-06-12T07');
  });

  it('shows a case posted through Open311 on both walls at once', async () => {
    const baseUrl = inject('baseUrl');
    const countCases = (page: Page) =>
      page.evaluate(() => {
        type Feed = { entities: Map<string, { type: string; description?: string | null }> };
        const { feed } = (window as unknown as { sandtableTest: { store: { getState(): { feed: Feed } } } }).sandtableTest.store.getState();
        return [...feed.entities.values()].filter((e) => e.type === 'ServiceRequest' && e.description === '井盖缺失，请尽快处理').length;
      });
    expect(await countCases(pages[0]!)).toBe(0);
    const response = await fetch(`${baseUrl}/open311/v2/requests.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ service_code: 'UM-COVER', lat: '31.2386', long: '121.4900', description: '井盖缺失，请尽快处理' }).toString(),
    });
    expect(response.status).toBe(201);
    for (const page of pages) await expect.poll(() => countCases(page), { timeout: 30_000 }).toBe(1);
  });

  it('took every snapshot, delta, trip window and clock sync the server sent (none failed its schema)', async () => {
    type Store = { getState(): { connection: { invalidEvents: Record<string, number> }; feed: { trips: unknown } } };
    for (const page of pages) {
      const { invalidEvents, trips } = await page.evaluate(() => {
        const { connection, feed } = (window as unknown as { sandtableTest: { store: Store } }).sandtableTest.store.getState();
        return { invalidEvents: connection.invalidEvents, trips: feed.trips !== null };
      });
      expect(invalidEvents).toEqual({});
      expect(trips).toBe(true);
    }
  });
});
