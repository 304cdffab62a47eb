/** Launching Debian's Chromium with software WebGL for tests, screenshots and benchmarks. */
import { chromium, type Browser, type Page } from 'playwright-core';

/** Flags known to work here: no sandbox (root), no network side channels, SwiftShader WebGL2. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];

/** Launches headless Chromium (never a downloaded browser). */
export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [...CHROMIUM_ARGS, ...extraArgs],
  });
}

/** Console lines every software-WebGL page logs and that mean nothing. */
const NOISE = [/GPU stall due to ReadPixels/, /Automatic fallback to software WebGL/];

/** What a page did that a test may assert on. */
export interface PageWatch {
  consoleErrors: string[];
  /** URLs of requests to any origin other than the server's. */
  foreignRequests: string[];
  requestCount: number;
}

/** Records console errors, page errors and requests leaving the server's origin. */
export function watchPage(page: Page, origin: string): PageWatch {
  const watch: PageWatch = { consoleErrors: [], foreignRequests: [], requestCount: 0 };
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    if (!NOISE.some((pattern) => pattern.test(text))) watch.consoleErrors.push(text);
  });
  page.on('pageerror', (error) => watch.consoleErrors.push(`pageerror: ${error.message}`));
  page.on('request', (request) => {
    watch.requestCount++;
    const url = request.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (new URL(url).origin !== origin) watch.foreignRequests.push(url);
  });
  return watch;
}

/** Waits for `<html data-ready="true">` (the tiles have drawn). */
export async function waitForReady(page: Page, timeoutMs: number): Promise<void> {
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true', undefined, { timeout: timeoutMs, polling: 250 });
}
