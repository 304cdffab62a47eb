/** Assembles one wall scene: viewer, layers, clock, camera, tour and picking, torn down as one. */
import { Cartesian2, type Viewer } from 'cesium';
import type { CameraView, PlaceProperties } from '../protocol/city-pack';
import type { AppStore } from '../store/app-store';
import { attachAttractTour } from './attract-tour';
import { attachBuildingPicker, pickBuilding } from './building-picker';
import { attachCameraController, setCameraView } from './camera-controller';
import { planTour, type TourPlace } from './camera-plan';
import { fetchPackFeatures, type CityPack } from '../connection/city-pack-source';
import { attachClockBridge } from './clock-bridge';
import './offline-scene.css';
import { createOfflineViewer } from './create-viewer';
import { createFrameBudget } from './frame-budget';
import type { SceneOptions } from './scene-options';
import { attachSceneLabels, type LabelObstacle } from './scene-labels';
import type { SceneLayer, SceneLayerSource } from './scene-layer';

/** Callbacks from a scene to whoever keeps it alive. */
export interface WallSceneEvents {
  /** Every layer has drawn (fires once per scene). */
  onReady: () => void;
  /** The WebGL context was lost or rendering failed: the scene must be rebuilt. */
  onBroken: (reason: string) => void;
}

/** A running wall scene. */
export interface WallScene {
  viewer: Viewer;
  /** Removes everything the scene added, then destroys the viewer. */
  dispose: () => void;
}

/** Builds a scene in a fresh element inside `host` (a lost context needs a new canvas). */
export function createWallScene(host: HTMLElement, store: AppStore, pack: CityPack, registry: SceneLayerSource, options: SceneOptions, events: WallSceneEvents): WallScene {
  const container = document.createElement('div');
  container.className = 'wall-scene';
  host.appendChild(container);
  const viewer = createOfflineViewer(container, pack.manifest, options);
  const abort = new AbortController();
  const cleanups: (() => void)[] = [];
  let disposed = false;

  setCameraView(viewer, pack.manifest.defaultView);
  cleanups.push(attachClockBridge(viewer, store, pack.manifest));

  // One declutter for every layer's labels; disposed after the layers (cleanups run in reverse).
  const labels = attachSceneLabels(viewer, { obstacles: landmarkObstacles(pack), testHook: options.test });
  cleanups.push(() => labels.dispose());

  const layers: SceneLayer[] = registry.names().map((name) => registry.create(name));
  for (const layer of layers) store.getState().declareLayer(layer.name, true);
  cleanups.push(() => {
    for (const layer of [...layers].reverse()) layer.dispose();
  });
  const layerScene = { viewer, pack, signal: abort.signal, labels };
  for (const layer of layers) {
    layer.attach(layerScene, store).catch((error: unknown) => {
      if (disposed) return;
      console.error(`layer ${layer.name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      // A broken layer must not hold the wall's readiness hostage.
      store.getState().setLayerReady(layer.name, true);
    });
  }

  // Camera and tour need the POIs; until they arrive the manifest views are the stops.
  let removeCamera = attachCameraController(viewer, store, pack.manifest, planTour(pack.manifest, []));
  let removeTour = attachAttractTour(viewer, store, planTour(pack.manifest, []), options.idleSeconds);
  cleanups.push(() => removeCamera());
  cleanups.push(() => removeTour());
  fetchPackFeatures<PlaceProperties>(pack, pack.manifest.files.places, abort.signal)
    .then((features) => {
      if (disposed) return;
      const places: TourPlace[] = features.flatMap((f) => (f.geometry.type === 'Point' ? [{ lonLat: f.geometry.coordinates, properties: f.properties }] : []));
      const stops = planTour(pack.manifest, places);
      removeCamera();
      removeTour();
      removeCamera = attachCameraController(viewer, store, pack.manifest, stops);
      removeTour = attachAttractTour(viewer, store, stops, options.idleSeconds);
    })
    .catch(() => undefined); // the manifest views are enough of a tour

  cleanups.push(attachBuildingPicker(viewer, store));

  // A render counter for the benchmark (request-render mode should keep it still when nothing moves).
  const stats = window as unknown as { sandtableFrames?: number };
  cleanups.push(viewer.scene.postRender.addEventListener(() => (stats.sandtableFrames = (stats.sandtableFrames ?? 0) + 1)));

  // Shadows are a plus only while they hold the frame budget: drop them if moving frames are slow.
  if (options.shadows) {
    const budget = createFrameBudget({
      budgetMs: 40,
      windowFrames: 90,
      idleGapMs: 300,
      onOverBudget: (averageMs) => {
        console.info(`frames take ${averageMs.toFixed(0)} ms: shadows off to hold the frame budget`);
        viewer.shadows = false;
        viewer.scene.requestRender();
      },
    });
    cleanups.push(viewer.scene.postRender.addEventListener(() => budget.frame(performance.now())));
  }

  // Ready: every layer reports drawn, then one more frame so the tiles are on screen.
  let readyFired = false;
  const checkReady = () => {
    if (readyFired || disposed) return;
    const states = Object.values(store.getState().layers);
    if (states.length < layers.length || !states.every((s) => s.ready)) return;
    readyFired = true;
    const removeOnce = viewer.scene.postRender.addEventListener(() => {
      removeOnce();
      if (!disposed) events.onReady();
    });
    viewer.scene.requestRender();
  };
  cleanups.push(store.subscribe(checkReady));
  checkReady();

  const onContextLost = (event: Event) => {
    event.preventDefault();
    events.onBroken('webgl context lost');
  };
  viewer.canvas.addEventListener('webglcontextlost', onContextLost);
  cleanups.push(() => viewer.canvas.removeEventListener('webglcontextlost', onContextLost));
  // Cesium stops its render loop after an error; a rebuild is the only way back for an unattended wall.
  cleanups.push(viewer.scene.renderError.addEventListener((_scene, error) => events.onBroken(`render error: ${String(error)}`)));

  if (options.test) {
    (window as unknown as { sandtableTest?: unknown }).sandtableTest = {
      viewer,
      /** The page's store: tests read the room clock and the feed from it. */
      store,
      /** Canvas position (CSS px) of some building near the centre, found by picking on a spiral. */
      findBuildingPixel: () => findBuildingPixel(viewer),
      /** Puts the camera on a view at once (a tour stop, a bookmark), without a flight. */
      setView: (view: CameraView) => setCameraView(viewer, view),
    };
    cleanups.push(() => delete (window as unknown as { sandtableTest?: unknown }).sandtableTest);
  }

  return {
    viewer,
    dispose() {
      if (disposed) return;
      disposed = true;
      abort.abort();
      for (const cleanup of cleanups.splice(0).reverse()) {
        try {
          cleanup();
        } catch (error) {
          console.warn('scene cleanup failed', error);
        }
      }
      if (!viewer.isDestroyed()) viewer.destroy();
      container.remove();
    },
  };
}

/**
 * The pack's landmark as a column no label may cover: the builder aims the "landmark" view at the
 * tallest building (tiles/builder/views.ts), whose height is the manifest's maxHeight.
 */
function landmarkObstacles(pack: CityPack): LabelObstacle[] {
  const landmark = pack.manifest.views.find((view) => view.id === 'landmark');
  if (!landmark) return [];
  return [{ lon: landmark.target[0], lat: landmark.target[1], height: pack.manifest.maxHeight, radius: LANDMARK_RADIUS_M }];
}

/** Half the width (m) of the landmark column: the footprint of a supertall tower. */
const LANDMARK_RADIUS_M = 40;

function findBuildingPixel(viewer: Viewer): { x: number; y: number } | null {
  const width = viewer.canvas.clientWidth;
  const height = viewer.canvas.clientHeight;
  for (let ring = 0; ring < 12; ring++) {
    const steps = Math.max(1, ring * 8);
    for (let i = 0; i < steps; i++) {
      const angle = (i / steps) * Math.PI * 2;
      const x = Math.round(width / 2 + Math.cos(angle) * ring * width * 0.035);
      const y = Math.round(height / 2 + Math.sin(angle) * ring * height * 0.035);
      if (x < 0 || y < 0 || x >= width || y >= height) continue;
      if (pickBuilding(viewer, new Cartesian2(x, y))) return { x, y };
    }
  }
  return null;
}
