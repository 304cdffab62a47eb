/**
 * Takes a 1920×1080 screenshot of the wall from a running server, for looking at the result:
 *   npx tsx bench/wall-screenshot.ts [url] [out.png]
 * Defaults: http://127.0.0.1:8080/ and docs/wall.png.
 */
import { launchChromium, waitForReady, watchPage } from '../tests/support/chromium';

const url = process.argv[2] ?? 'http://127.0.0.1:8080/';
const out = process.argv[3] ?? 'docs/wall.png';
const settleMs = Number(process.env.SETTLE_MS ?? 3000);

const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  const watch = watchPage(page, new URL(url).origin);
  const started = Date.now();
  await page.goto(url);
  await waitForReady(page, 600_000);
  console.log(`ready after ${((Date.now() - started) / 1000).toFixed(1)} s`);
  await page.waitForTimeout(settleMs);
  await page.screenshot({ path: out, timeout: 300_000 });
  console.log(`saved ${out}; ${watch.requestCount} requests, ${watch.foreignRequests.length} foreign, ${watch.consoleErrors.length} console errors`);
  for (const line of [...watch.foreignRequests, ...watch.consoleErrors]) console.log('  ', line);
} finally {
  await browser.close();
}
