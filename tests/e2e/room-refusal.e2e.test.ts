/**
 * A wall set on a room the server has not opened (only staff open rooms; the halls are open from the
 * start) says so, in the hall's language, and stays on that message instead of spinning; nothing
 * else on the page fails.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { watchPage, type PageWatch } from '../support/chromium';
import { useChromium } from '../support/use-chromium';

const browser = useChromium();
let page: Page;
let watch: PageWatch;

beforeAll(async () => {
  const baseUrl = inject('baseUrl');
  page = await browser().newPage({ viewport: { width: 1920, height: 1080 } });
  watch = watchPage(page, baseUrl);
  await page.goto(`${baseUrl}/?test=1&idle=3600&lang=en&room=no-such-hall`);
});

type Connection = { status: string; setback: { kind: string } | null };
const connection = () => page.evaluate(() => (window as unknown as { sandtableTest: { store: { getState(): { connection: Connection } } } }).sandtableTest.store.getState().connection);

describe('a wall on a room that is not open', () => {
  it('shows the refusal, naming the room, at a size read from 5 m', async () => {
    const notice = page.getByTestId('link-setback');
    await notice.waitFor({ timeout: 180_000 });
    expect(await notice.getAttribute('data-setback')).toBe('no-room');
    expect(await notice.textContent()).toMatch(/^There is no room "no-such-hall" open on this server .*trying again every 30 s$/);
    const fontPx = await notice.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(fontPx).toBeGreaterThanOrEqual(28);
    // The setback replaces the bare "reconnecting" badge rather than sitting beside it.
    expect(await page.getByTestId('reconnecting').count()).toBe(0);
    await page.waitForFunction(() => 'sandtableTest' in window, undefined, { timeout: 180_000, polling: 250 });
    expect(await connection()).toMatchObject({ setback: { kind: 'no-room' } });
    expect((await connection()).status).not.toBe('connected');
  });

  it('says it in Chinese on a Chinese wall', async () => {
    await page.evaluate(() => (window as unknown as { sandtableTest: { store: { getState(): { setLocale(l: string): void } } } }).sandtableTest.store.getState().setLocale('zh-CN'));
    await expect.poll(() => page.getByTestId('link-setback').textContent()).toMatch(/“no-such-hall”房间.*每 30 秒再试一次/);
  });

  it('logged no page or console error', () => {
    expect(watch.consoleErrors).toEqual([]);
  });
});
