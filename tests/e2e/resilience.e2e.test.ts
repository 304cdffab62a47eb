/** An unattended day: the wall rebuilds after a lost WebGL context and rides out a server restart. */
import { describe, expect, inject, it } from 'vitest';
import { waitForReady, watchPage } from '../support/chromium';
import { useChromium } from '../support/use-chromium';
import { startServer, type ServerProcess } from '../support/server-process';

const VIEWPORT = { width: 640, height: 360 };
const browser = useChromium();

describe('resilience', () => {
  it('rebuilds the viewer after the WebGL context is lost', async () => {
    const baseUrl = inject('baseUrl');
    const page = await browser().newPage({ viewport: VIEWPORT });
    const watch = watchPage(page, baseUrl);
    try {
      await page.goto(`${baseUrl}/?test=1&idle=3600`);
      await waitForReady(page, 180_000);
      const canvasesBefore = await page.locator('canvas').count();
      await page.evaluate(() => {
        const viewer = (window as unknown as { sandtableTest: { viewer: { scene: { context: { _gl: WebGL2RenderingContext } } } } }).sandtableTest.viewer;
        viewer.scene.context._gl.getExtension('WEBGL_lose_context')!.loseContext();
      });
      await page.waitForFunction(() => document.documentElement.dataset.rebuilds === '1', undefined, { timeout: 30_000 });
      await waitForReady(page, 180_000);
      // The old canvas went with the old viewer: no growth across rebuilds.
      expect(await page.locator('canvas').count()).toBe(canvasesBefore);
      expect(await page.locator('.wall-scene').count()).toBe(1);
      const errors = watch.consoleErrors.filter((line) => !/context lost|CONTEXT_LOST/i.test(line));
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('shows "reconnecting" while the server is down and clears it when it is back', async () => {
    let server: ServerProcess = await startServer({ env: { CLOCK_RATE: '60' } });
    const page = await browser().newPage({ viewport: VIEWPORT });
    try {
      await page.goto(`${server.url}/?test=1&idle=3600&lang=en`);
      await page.waitForFunction(() => document.querySelector('[data-testid="clock"]') !== null, undefined, { timeout: 60_000 });
      const port = server.port;
      await server.stop();
      const badge = page.locator('[data-testid="reconnecting"]');
      await badge.waitFor({ timeout: 30_000 });
      expect(await badge.textContent()).toBe('Reconnecting…');
      server = await startServer({ port, env: { CLOCK_RATE: '60' } });
      await badge.waitFor({ state: 'detached', timeout: 30_000 });
    } finally {
      await page.close();
      await server.stop();
    }
  });
});
