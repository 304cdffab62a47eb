/**
 * Requests frames for things that move (vehicles, falling rain) in request-render mode: at most one
 * per frame budget, and never sooner after a frame than that frame took, so a slow (software) GPU
 * leaves the page at least half its time for input and the HUD. No requests while nothing moves.
 */
import type { Scene } from 'cesium';

/** Delay before the next request: the budget, or the last frame's duration if longer. */
export function nextFrameDelay(budgetMs: number, lastFrameMs: number): number {
  return Math.max(budgetMs, lastFrameMs);
}

/** Starts pacing; `moving()` says whether frames are wanted now. Returns the stop function. */
export function startFramePacer(scene: Scene, budgetMs: number, moving: () => boolean): () => void {
  let frameStart = 0;
  let lastFrameMs = 0;
  let lastEnd = 0;
  const removePre = scene.preRender.addEventListener(() => {
    frameStart = performance.now();
  });
  const removePost = scene.postRender.addEventListener(() => {
    lastEnd = performance.now();
    lastFrameMs = lastEnd - frameStart;
  });
  const timer = setInterval(
    () => {
      if (moving() && performance.now() - lastEnd >= nextFrameDelay(budgetMs, lastFrameMs)) scene.requestRender();
    },
    Math.max(10, Math.floor(budgetMs / 2)),
  );
  return () => {
    clearInterval(timer);
    removePre();
    removePost();
  };
}
