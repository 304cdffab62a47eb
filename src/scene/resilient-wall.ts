/**
 * Keeps a wall scene alive for an unattended day: a lost WebGL context or a render error tears the
 * scene down and builds a new one (fresh canvas and context), with a growing delay if it keeps failing.
 */
import type { AppStore } from '../store/app-store';
import type { CityPack } from '../connection/city-pack-source';
import type { SceneLayerSource } from './scene-layer';
import type { SceneOptions } from './scene-options';
import { createWallScene, type WallScene } from './wall-scene';

/** Reports from the keeper to the page (readiness flag, badge). */
export interface ResilientWallEvents {
  onReady: () => void;
  onRebuilding: (reason: string) => void;
}

/** Starts the wall in `host`; returns the stop function. */
export function startResilientWall(host: HTMLElement, store: AppStore, pack: CityPack, registry: SceneLayerSource, options: SceneOptions, events: ResilientWallEvents): () => void {
  let scene: WallScene | null = null;
  let stopped = false;
  let failures = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const build = () => {
    timer = null;
    if (stopped) return;
    scene = createWallScene(host, store, pack, registry, options, {
      onReady: () => {
        failures = 0;
        events.onReady();
      },
      onBroken: (reason) => {
        if (stopped || timer !== null) return;
        console.warn(`rebuilding the scene: ${reason}`);
        events.onRebuilding(reason);
        const broken = scene;
        scene = null;
        // Tear down outside Cesium's render callback that reported the failure.
        setTimeout(() => broken?.dispose(), 0);
        failures++;
        timer = setTimeout(build, Math.min(30_000, 500 * 2 ** Math.min(failures - 1, 6)));
      },
    });
  };
  build();

  return () => {
    stopped = true;
    if (timer !== null) clearTimeout(timer);
    scene?.dispose();
    scene = null;
  };
}
