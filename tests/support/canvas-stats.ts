/** In-page statistics of the Cesium canvas (the page must run with ?test=1, which keeps the drawing buffer). */
import type { Page } from 'playwright-core';

/** Luma variance and a down-sampled luma image of the scene canvas. */
export interface CanvasStats {
  variance: number;
  /** 64×36 luma samples, for comparing two frames. */
  samples: number[];
}

/** Reads the scene canvas after a fresh render. */
export async function canvasStats(page: Page): Promise<CanvasStats> {
  return page.evaluate(async () => {
    const viewer = (window as unknown as { sandtableTest: { viewer: { scene: { requestRender(): void; postRender: { addEventListener(f: () => void): () => void } }; canvas: HTMLCanvasElement } } })
      .sandtableTest.viewer;
    await new Promise<void>((resolve) => {
      const remove = viewer.scene.postRender.addEventListener(() => {
        remove();
        resolve();
      });
      viewer.scene.requestRender();
    });
    const small = document.createElement('canvas');
    small.width = 64;
    small.height = 36;
    const context = small.getContext('2d')!;
    context.drawImage(viewer.canvas, 0, 0, 64, 36);
    const data = context.getImageData(0, 0, 64, 36).data;
    const samples: number[] = [];
    for (let i = 0; i < data.length; i += 4) samples.push(0.2126 * data[i]! + 0.7152 * data[i + 1]! + 0.0722 * data[i + 2]!);
    const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
    const variance = samples.reduce((a, b) => a + (b - mean) ** 2, 0) / samples.length;
    return { variance, samples };
  });
}

/** Share of samples whose luma differs by more than `threshold` between two frames. */
export function changedShare(a: CanvasStats, b: CanvasStats, threshold = 12): number {
  let changed = 0;
  for (let i = 0; i < a.samples.length; i++) if (Math.abs(a.samples[i]! - (b.samples[i] ?? 0)) > threshold) changed++;
  return changed / a.samples.length;
}
