/**
 * Takes a 1920×1080 screenshot of the planner page with a saved scenario loaded and the room flipped
 * to it, for docs/planner.png:
 *   npx tsx bench/planner-screenshot.ts <url with ?token=> <scenario id> [out.png]
 */
import { launchChromium, waitForReady, watchPage } from '../tests/support/chromium';

const [url = 'http://127.0.0.1:8080/planner?token=', scenarioId = '', out = 'docs/planner.png'] = process.argv.slice(2);

/** The saved scenario's name as the list shows it (from its JSON next to the server's scenarios). */
async function savedName(id: string): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  const dir = process.env.SCENARIOS_DIR ?? 'tiles/recordings/shanghai-bund/scenarios';
  return (JSON.parse(await readFile(`${dir}/${id}.json`, 'utf8')) as { name: string }).name;
}

const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  const watch = watchPage(page, new URL(url).origin);
  const started = Date.now();
  await page.goto(url);
  await page.getByTestId('planner-console').waitFor({ timeout: 120_000 });
  await waitForReady(page, 600_000);
  console.log(`ready after ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (scenarioId) {
    // Load (the map flies to its closures, the KPIs show), then flip the room to it.
    await page
      .getByTestId('planner-saved')
      .locator('li')
      .filter({ hasText: await savedName(scenarioId) })
      .getByRole('button')
      .first()
      .click();
    await page.getByTestId('planner-kpis').waitFor({ timeout: 60_000 });
    await page.locator('.planner-segmented button').nth(1).click();
    await page.waitForTimeout(Number(process.env.SETTLE_MS ?? 8000));
  }
  await page.screenshot({ path: out, timeout: 300_000 });
  console.log(`saved ${out}; ${watch.requestCount} requests, ${watch.foreignRequests.length} foreign, ${watch.consoleErrors.length} console errors`);
  for (const line of [...watch.foreignRequests, ...watch.consoleErrors]) console.log('  ', line);
} finally {
  await browser.close();
}
