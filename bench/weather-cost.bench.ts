/**
 * Frame cost of the weather layer, measured with and without it in the same page: the wall of a
 * running server (e.g. one started at a rainy hour), N synchronous renders each, every frame closed
 * by a 1-pixel readPixels so the GPU work (SwiftShader here) is inside the time.
 *
 *   npx tsx bench/weather-cost.bench.ts http://127.0.0.1:8094/ [frames] [viewport WxH]
 */
import { launchChromium, waitForReady } from '../tests/support/chromium';

const url = process.argv[2] ?? 'http://127.0.0.1:8080/';
const frames = Number(process.argv[3] ?? 12);
const [width, height] = (process.argv[4] ?? '1280x720').split('x').map(Number) as [number, number];

const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width, height } });
  await page.goto(`${url}${url.includes('?') ? '&' : '?'}test=1&idle=3600`);
  await waitForReady(page, 300_000);
  await page.waitForTimeout(3000);
  const measure = () =>
    page.evaluate(async (count) => {
      const viewer = (window as unknown as { sandtableTest: { viewer: { render(): void; canvas: HTMLCanvasElement; scene: { requestRender(): void } } } }).sandtableTest.viewer;
      const gl = viewer.canvas.getContext('webgl2')!;
      const pixel = new Uint8Array(4);
      const times: number[] = [];
      for (let i = 0; i < count + 2; i++) {
        const started = performance.now();
        // Request-render mode would skip a frame nobody asked for: ask for every one.
        viewer.scene.requestRender();
        viewer.render();
        gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, pixel);
        times.push(performance.now() - started);
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
      const sorted = times.slice(2).sort((a, b) => a - b);
      return sorted[Math.floor(sorted.length / 2)]!;
    }, frames);
  const stage = () => page.evaluate(() => document.querySelector<HTMLInputElement>('input[data-layer="weather"]')!.checked);
  const on1 = await measure();
  await page.click('.layer-list > summary'); // the layer list folds; open it first
  await page.click('input[data-layer="weather"]');
  const off = await measure();
  await page.click('input[data-layer="weather"]');
  const on2 = await measure();
  console.log(`weather on ${on1.toFixed(1)} / ${on2.toFixed(1)} ms, off ${off.toFixed(1)} ms per frame (median of ${frames}, ${width}×${height}); layer shown again: ${await stage()}`);
  console.log(`cost of the weather layer: ${((on1 + on2) / 2 - off).toFixed(1)} ms per frame (${(((on1 + on2) / 2 / off - 1) * 100).toFixed(0)} %)`);
} finally {
  await browser.close();
}
