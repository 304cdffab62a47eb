/**
 * Attract mode: after a quiet period the camera tours the stops by itself (fly, then a slow orbit),
 * and the first touch, click, drag, wheel or key hands the camera back.
 */
import { HeadingPitchRange, Math as CesiumMath, Matrix4, type Viewer } from 'cesium';
import type { CameraView } from '../protocol/city-pack';
import type { AppStore } from '../store/app-store';
import { flyToView, viewOffset, viewTarget } from './camera-controller';
import { createIdleWatch } from './idle-watch';

/** Tour pacing. */
export interface TourPacing {
  /** Seconds of flight between stops. */
  flightS: number;
  /** Seconds of orbit at each stop. */
  dwellS: number;
  /** Orbit speed, degrees per second. */
  orbitDegPerS: number;
}

/** Default pacing: slow enough to read, quick enough to keep a passer-by. */
export const DEFAULT_TOUR_PACING: TourPacing = { flightS: 7, dwellS: 12, orbitDegPerS: 2.5 };

const INPUT_EVENTS = ['pointerdown', 'wheel', 'keydown', 'touchstart'] as const;

/** Starts attract mode on a viewer; returns the cleanup (removes listeners, stops the tour). */
export function attachAttractTour(viewer: Viewer, store: AppStore, stops: CameraView[], idleSeconds: number, pacing: TourPacing = DEFAULT_TOUR_PACING): () => void {
  let run = 0; // bumps to abandon a running tour loop
  let removeOrbit: (() => void) | null = null;
  let next = 0;

  const stopOrbit = () => {
    removeOrbit?.();
    removeOrbit = null;
  };

  const orbit = (view: CameraView, durationS: number, token: number) =>
    new Promise<void>((resolve) => {
      const start = performance.now();
      const offset = viewOffset(view);
      const target = viewTarget(view);
      const hpr = new HeadingPitchRange();
      const remove = viewer.scene.preUpdate.addEventListener(() => {
        const elapsedS = (performance.now() - start) / 1000;
        if (token !== run || elapsedS >= durationS) {
          finish();
          return;
        }
        hpr.heading = offset.heading + CesiumMath.toRadians(elapsedS * pacing.orbitDegPerS);
        hpr.pitch = offset.pitch;
        hpr.range = offset.range;
        viewer.camera.lookAt(target, hpr);
        viewer.camera.lookAtTransform(Matrix4.IDENTITY);
      });
      viewer.scene.requestRender();
      const finish = () => {
        stopOrbit();
        resolve();
      };
      removeOrbit = () => remove();
    });

  const tour = async (token: number) => {
    while (token === run && stops.length > 0) {
      const view = stops[next % stops.length]!;
      next = (next + 1) % stops.length;
      store.getState().setTourStop({ id: view.id, name: view.name });
      const arrived = await flyToView(viewer, view, pacing.flightS);
      if (token !== run || !arrived) return;
      // The orbit starts where the flight ended, so the heading keeps turning without a jump.
      await orbit(view, pacing.dwellS, token);
    }
  };

  const startTour = () => {
    const token = ++run;
    void tour(token);
  };
  const stopTour = () => {
    run++;
    stopOrbit();
    viewer.camera.cancelFlight();
    viewer.camera.lookAtTransform(Matrix4.IDENTITY);
  };

  let touring = store.getState().camera.touring;
  if (touring) startTour();
  const unsubscribe = store.subscribe((state) => {
    if (state.camera.touring === touring) return;
    touring = state.camera.touring;
    if (touring) startTour();
    else stopTour();
  });

  const watch = createIdleWatch(idleSeconds * 1000, {
    onIdle: () => store.getState().setTouring(true),
    onActive: () => undefined,
  });
  const onInput = () => {
    watch.poke();
    if (store.getState().camera.touring) store.getState().setTouring(false);
  };
  const onPointerMove = (event: PointerEvent) => {
    // A drag is a touch; a mouse merely passing over the wall is not.
    if (event.buttons !== 0) onInput();
  };
  for (const type of INPUT_EVENTS) window.addEventListener(type, onInput, { capture: true, passive: true });
  window.addEventListener('pointermove', onPointerMove, { capture: true, passive: true });

  return () => {
    for (const type of INPUT_EVENTS) window.removeEventListener(type, onInput, { capture: true });
    window.removeEventListener('pointermove', onPointerMove, { capture: true });
    watch.dispose();
    unsubscribe();
    stopTour();
  };
}
