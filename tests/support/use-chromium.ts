/** A browser test file's one Chromium and its watched pages (vitest hooks, so only for test files). */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium, watchPage, type PageWatch } from './chromium';

/** Launches Chromium before the file's tests (ahead of the hooks registered after this call) and closes it after them. */
export function useChromium(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('Chromium is not running yet: use it in a test or a hook registered after useChromium()');
    return browser;
  };
}

/** A new page of `browser` at `baseUrl` + `path`, watched for errors and foreign requests from its first script on. */
export async function openWatched(browser: Browser, baseUrl: string, path: string, viewport: { width: number; height: number }): Promise<{ page: Page; watch: PageWatch }> {
  const page = await browser.newPage({ viewport });
  const watch = watchPage(page, baseUrl);
  await page.goto(`${baseUrl}${path}`);
  return { page, watch };
}
