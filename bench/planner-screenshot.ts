/**
 * Takes a 1920×1080 screenshot of the planner page with a saved scenario loaded and the room flipped
 * to it, for docs/planner.png:
 *   npx tsx bench/planner-screenshot.ts <url with ?token=> <scenario id> [out.png]
 */
import { io as connect, type Socket } from 'socket.io-client';
import * as msgpackParser from 'socket.io-msgpack-parser';
import type { ClientEvents, ServerEvents } from '../src/protocol/socket-events';
import { pickRoom } from '../src/connection/hub-connection';
import { launchChromium, waitForReady, watchPage } from '../tests/support/chromium';

const [url = 'http://127.0.0.1:8080/planner?token=', scenarioId = '', out = 'docs/planner.png'] = process.argv.slice(2);

/** The saved scenario's name as the list shows it, asked of the server as the planner page asks it. */
async function savedName(id: string): Promise<string> {
  const page = new URL(url);
  const socket: Socket<ServerEvents, ClientEvents> = connect(page.origin, { parser: msgpackParser, transports: ['websocket'] });
  try {
    const joined = await socket.emitWithAck('feed:join', { room: pickRoom(page.searchParams.get('room')), role: 'planner', token: page.searchParams.get('token') ?? '' });
    if (!joined.ok) throw new Error(`cannot join as the planner: ${joined.error}`);
    const listed = await socket.emitWithAck('scenario:list', {});
    if (!listed.ok) throw new Error(`cannot list the saved scenarios: ${listed.error}`);
    const found = listed.scenarios.find((scenario) => scenario.id === id);
    if (!found) throw new Error(`no saved scenario '${id}' (saved: ${listed.scenarios.map((s) => s.id).join(', ') || 'none'})`);
    return found.name;
  } finally {
    socket.close();
  }
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
