/**
 * Traffic render benchmark: main-thread ms per frame for 1 000, 10 000 and 50 000 vehicles drawn by
 * the vehicles layer's renderer (positions at t into one buffer, one upload, one draw) against the
 * same vehicles as Cesium Entities with SampledPositionProperty, in the same run, headless Chromium
 * (software WebGL), 640×360. Synthetic random-walk trips on the demo city's graph. First, the ms
 * to adopt one trajectory window (bench/window-adoption.ts): what the vehicles layer does when a
 * window of the demo day's SUMO trips arrives, before any frame is drawn.
 *
 *   npm run bench:traffic                      (needs `npm run build` for Cesium's static files)
 *   BENCH_COUNTS=1000,10000 BENCH_FRAMES=10    override the sizes and the frames timed
 *   BENCH_ADOPTION_ONLY=1 BENCH_RUNS=50        only the window adoption (no browser), timed 50 times
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { build } from 'vite';
import { launchChromium, watchPage } from '../tests/support/chromium';
import { benchWindowAdoption } from './window-adoption';

const root = join(import.meta.dirname, '..');
const outDir = '/tmp/sandtable-traffic-render-bench';
const counts = (process.env.BENCH_COUNTS ?? '1000,10000,50000').split(',').map(Number);
const frames = Number(process.env.BENCH_FRAMES ?? 10);

console.log('window adoption (vehicles layer, per window of the demo day at 60×: 15 min ahead)');
console.log('   hour | route trips | samples drawn | ms/window median (mean) | MB allocated/window');
for (const r of await benchWindowAdoption(Number(process.env.BENCH_RUNS ?? 30))) {
  console.log(
    `  ${r.label} | ${String(r.routeTrips).padStart(11)} | ${String(r.samples).padStart(13)} | ${`${r.medianMs.toFixed(2)} (${r.meanMs.toFixed(2)})`.padStart(23)} | ${(r.allocatedBytes / 1e6).toFixed(2).padStart(7)}`,
  );
}
if (process.env.BENCH_ADOPTION_ONLY) process.exit(0);
const cesiumStatic = join(root, 'dist', 'cesiumStatic');
if (!existsSync(cesiumStatic)) throw new Error('dist/cesiumStatic is missing: run `npm run build` first');

process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING = 'true';
await build({
  configFile: false,
  root: join(root, 'bench', 'traffic-render'),
  logLevel: 'warn',
  define: { CESIUM_BASE_URL: JSON.stringify('/cesiumStatic') },
  build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 10_000 },
});

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json', '.css': 'text/css', '.png': 'image/png', '.jpg': 'image/jpeg' };
const server = createServer((request, response) => {
  const path = normalize(decodeURIComponent((request.url ?? '/').split('?')[0]!));
  const file = path.startsWith('/tiles/')
    ? join(root, path)
    : path.startsWith('/cesiumStatic/')
      ? join(cesiumStatic, path.slice('/cesiumStatic/'.length))
      : join(outDir, path === '/' ? 'index.html' : path);
  if (!existsSync(file) || !statSync(file).isFile()) {
    response.writeHead(404).end();
    return;
  }
  response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(response);
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const address = server.address();
const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

interface Result {
  mode: string;
  n: number;
  setupMs: number;
  medianMs: number;
  meanMs: number;
  error?: string;
}

const browser = await launchChromium();
const results: Result[] = [];
try {
  for (const n of counts) {
    for (const mode of ['ours', 'entities']) {
      const page = await browser.newPage({ viewport: { width: 640, height: 360 } });
      const watch = watchPage(page, origin);
      await page.goto(`${origin}/?n=${n}&mode=${mode}&frames=${frames}`);
      await page.waitForFunction(() => (window as unknown as { benchResult?: unknown }).benchResult !== undefined, undefined, { timeout: 900_000, polling: 500 });
      const result = (await page.evaluate(() => (window as unknown as { benchResult: unknown }).benchResult)) as Result;
      if (result.error) throw new Error(`${mode} ${n}: ${result.error}`);
      if (watch.consoleErrors.length > 0) console.warn(`${mode} ${n}: console errors`, watch.consoleErrors.slice(0, 3));
      results.push(result);
      console.log(
        `${mode.padEnd(8)} ${String(n).padStart(6)} vehicles: ${result.medianMs.toFixed(1)} ms/frame median (mean ${result.meanMs.toFixed(1)}), setup ${(result.setupMs / 1000).toFixed(1)} s`,
      );
      await page.close();
    }
  }
} finally {
  await browser.close();
  server.close();
}

console.log('\nvehicles | ours ms/frame | entities ms/frame | entities ÷ ours');
for (const n of counts) {
  const ours = results.find((r) => r.mode === 'ours' && r.n === n);
  const entities = results.find((r) => r.mode === 'entities' && r.n === n);
  if (ours && entities)
    console.log(`${String(n).padStart(8)} | ${ours.medianMs.toFixed(1).padStart(13)} | ${entities.medianMs.toFixed(1).padStart(17)} | ${(entities.medianMs / ours.medianMs).toFixed(1).padStart(6)}×`);
}
