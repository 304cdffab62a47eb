/**
 * Wall benchmark: time from navigation to the first full frame of the demo city, and the JS heap
 * after 1 minute of attract tour against after 10 minutes (growth must stay within noise).
 *
 *   npm run bench:wall                       full run (≈ 11 min)
 *   BENCH_SHORT=1 npm run bench:wall         quick run: 20 s against 60 s
 *   BENCH_EARLY_S / BENCH_LATE_S             the two sample points, seconds of tour
 *   BENCH_VIEWPORT=1920x1080                 viewport (default 1280x720)
 *   BENCH_SKIP_BUILD=1                       reuse dist/
 */
import type { CDPSession } from 'playwright-core';
import { build } from 'vite';
import { launchChromium, waitForReady, watchPage } from '../tests/support/chromium';
import { startServer } from '../tests/support/server-process';

const short = process.env.BENCH_SHORT === '1';
const earlyS = Number(process.env.BENCH_EARLY_S ?? (short ? 20 : 60));
const lateS = Number(process.env.BENCH_LATE_S ?? (short ? 60 : 600));
const [width, height] = (process.env.BENCH_VIEWPORT ?? '1280x720').split('x').map(Number) as [number, number];

interface Sample {
  atS: number;
  heapMB: number;
  nodes: number;
  listeners: number;
}

async function sample(cdp: CDPSession, atS: number): Promise<Sample> {
  // Collect twice: Cesium frees GPU-side wrappers through finalisers that need a second pass.
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
  return { atS, heapMB: metric('JSHeapUsedSize') / 1_048_576, nodes: metric('Nodes'), listeners: metric('JSEventListeners') };
}

if (process.env.BENCH_SKIP_BUILD !== '1') {
  process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING = 'true';
  await build({ logLevel: 'warn' });
}
// 60× city time, so the tour also crosses dusk and the night lighting during a long run.
const server = await startServer({ env: { CLOCK_START: '2026-06-12T09:00:00Z', CLOCK_RATE: '60' } });
const browser = await launchChromium();
let failed: boolean;
try {
  const page = await browser.newPage({ viewport: { width, height } });
  const watch = watchPage(page, server.url);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');

  // idle=12: time to measure the still scene, then the tour starts by itself.
  await page.goto(`${server.url}/?idle=12`);
  await waitForReady(page, 600_000);
  const readyMs = await page.evaluate(() => (window as unknown as { sandtableReadyAt: number[] }).sandtableReadyAt[0]!);
  const renderRate = async () => {
    const frames = () => page.evaluate(() => (window as unknown as { sandtableFrames?: number }).sandtableFrames ?? 0);
    const before = await frames();
    await page.waitForTimeout(5_000);
    return ((await frames()) - before) / 5;
  };
  const stillFps = await renderRate();
  await page.waitForFunction(() => document.documentElement.dataset.touring === 'true', undefined, { timeout: 60_000 });
  const tourFps = await renderRate();
  const tourStart = Date.now();
  const samples: Sample[] = [];
  const wait = (untilS: number) => page.waitForTimeout(Math.max(0, untilS * 1000 - (Date.now() - tourStart)));
  const points = [earlyS, ...[0.25, 0.5, 0.75].map((f) => Math.round(earlyS + (lateS - earlyS) * f)), lateS];
  for (const atS of points) {
    await wait(atS);
    samples.push(await sample(cdp, atS));
    const last = samples.at(-1)!;
    console.log(`  tour ${String(atS).padStart(4)} s: heap ${last.heapMB.toFixed(1)} MB, ${last.nodes} DOM nodes, ${last.listeners} listeners`);
  }
  const early = samples[0]!;
  const late = samples.at(-1)!;
  const growthMB = late.heapMB - early.heapMB;
  const growthShare = growthMB / early.heapMB;
  // "Within noise": GC timing moves the heap by a few MB; a leak over 9 minutes of tour shows as more.
  const withinNoise = growthMB < 8 || growthShare < 0.05;
  console.log('');
  console.log(`viewport                         ${width}×${height}, headless Chromium, software WebGL (SwiftShader)`);
  console.log(`navigation → first full frame    ${(readyMs / 1000).toFixed(2)} s`);
  console.log(`scene renders, camera still      ${stillFps.toFixed(1)} /s (request-render mode; the 60× sun asks for some)`);
  console.log(`scene renders, touring           ${tourFps.toFixed(1)} /s`);
  console.log(`heap after ${early.atS} s of tour        ${early.heapMB.toFixed(1)} MB`);
  console.log(`heap after ${late.atS} s of tour       ${late.heapMB.toFixed(1)} MB (${growthMB >= 0 ? '+' : ''}${growthMB.toFixed(1)} MB, ${(growthShare * 100).toFixed(1)} %)`);
  console.log(`DOM nodes / listeners            ${early.nodes}/${early.listeners} → ${late.nodes}/${late.listeners}`);
  console.log(`requests to other hosts          ${watch.foreignRequests.length}; console errors ${watch.consoleErrors.length}`);
  console.log(`verdict                          ${withinNoise ? 'heap growth within noise' : 'HEAP GROWS: look for a leak'}`);
  failed = !withinNoise || watch.foreignRequests.length > 0;
} finally {
  await browser.close();
  await server.stop();
}
process.exit(failed ? 1 : 0);
