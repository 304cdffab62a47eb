/**
 * Takes the screenshots of docs/ from a running server, each surface at its real size: the wall in
 * Chinese and English (1920×1080), the kiosk in portrait (1080×1920) and landscape (1920×1080), and
 * the planner after three roads closed by clicking the map (1920×1080):
 *   npx tsx bench/docs-screenshots.ts <url> <planner token> [out folder]
 */
import type { Browser, Page } from 'playwright-core';
import { launchChromium, waitForReady, watchPage } from '../tests/support/chromium';
import { clickableSegments, loadGraph, onScreen, spreadOut } from '../tests/support/road-targets';
import { cspViolations, watchCsp } from '../tests/support/csp-watch';

const [url = 'http://127.0.0.1:8080', plannerToken = '', out = 'docs'] = process.argv.slice(2);
const settleMs = Number(process.env.SETTLE_MS ?? 4000);

/** Opens a page, waits for the city, lets labels and fades settle, saves it, and reports what the page did. */
async function shoot(browser: Browser, path: string, viewport: { width: number; height: number }, file: string, act?: (page: Page) => Promise<void>): Promise<void> {
  const page = await browser.newPage({ viewport });
  const watch = watchPage(page, new URL(url).origin);
  await watchCsp(page);
  await page.goto(`${url}${path}`);
  await waitForReady(page, 600_000);
  if (act) await act(page);
  await page.waitForTimeout(settleMs);
  await page.screenshot({ path: `${out}/${file}`, timeout: 300_000 });
  const blocked = await cspViolations(page);
  console.log(`saved ${out}/${file}; ${watch.foreignRequests.length} foreign requests, ${watch.consoleErrors.length} console errors, ${blocked.length} CSP violations`);
  for (const line of [...watch.foreignRequests, ...watch.consoleErrors, ...blocked]) console.log('  ', line);
  await page.close();
}

const wall = { width: 1920, height: 1080 };
const browser = await launchChromium();
try {
  await shoot(browser, '/', wall, 'wall.png');
  await shoot(browser, '/?lang=en', wall, 'wall-en.png');
  await shoot(browser, '/kiosk', { width: 1080, height: 1920 }, 'kiosk-portrait.png');
  await shoot(browser, '/kiosk?lang=en', wall, 'kiosk-landscape.png');
  const graph = await loadGraph(url);
  await shoot(browser, `/planner?lang=en&test=1&token=${encodeURIComponent(plannerToken)}`, wall, 'planner.png', async (page) => {
    await page.waitForFunction(() => 'sandtablePlanner' in window, null, { timeout: 60_000 });
    const roads = spreadOut(await onScreen(page, clickableSegments(graph)), 3);
    for (const [i, road] of roads.entries()) {
      await page.mouse.click(road.x, road.y);
      await page.getByTestId('planner-closures').locator('li').nth(i).waitFor({ timeout: 60_000 });
    }
    console.log(`closed ${roads.length} roads by clicking the map`);
  });
} finally {
  await browser.close();
}
