/**
 * Drives Cesium's clock from the city clock in the store, and the scene light from the sun: the
 * sun lights the city by day; after dusk a dim blue "moonlight" keeps the models readable.
 */
import { Cartesian3, Color, DirectionalLight, JulianDate, SunLight, ClockStep, type Viewer } from 'cesium';
import type { CityManifest } from '../protocol/city-pack';
import { simTimeAt } from '../protocol/clock';
import type { AppStore } from '../store/app-store';
import { nightFactor, sunElevationDeg } from './sun-position';

/** Attaches the bridge; returns the cleanup. */
export function attachClockBridge(viewer: Viewer, store: AppStore, manifest: CityManifest): () => void {
  const clock = viewer.clock;
  clock.clockStep = ClockStep.SYSTEM_CLOCK_MULTIPLIER;
  const [lon, lat] = manifest.centre;

  const apply = () => {
    const { sync, serverOffsetMs } = store.getState().clock;
    if (!sync) {
      // No server yet: show the city at the local time so the first frame is lit sensibly.
      clock.currentTime = JulianDate.fromDate(new Date());
      clock.shouldAnimate = false;
      return;
    }
    clock.currentTime = JulianDate.fromDate(new Date(simTimeAt(sync, Date.now(), serverOffsetMs)));
    clock.multiplier = sync.rate;
    clock.shouldAnimate = sync.playing && sync.rate !== 0;
    viewer.scene.requestRender();
  };
  apply();
  let held = store.getState().clock;
  const unsubscribe = store.subscribe((state) => {
    if (state.clock === held) return;
    held = state.clock;
    apply();
  });

  const sunLight = new SunLight({ intensity: 2.2 });
  const moonLight = new DirectionalLight({
    direction: new Cartesian3(0, 0, -1),
    color: Color.fromCssColorString('#9db4ff'),
    intensity: 0.4,
  });
  let nightMode: boolean | null = null;
  const removeLight = viewer.scene.preUpdate.addEventListener((_scene, time: JulianDate) => {
    const night = nightFactor(sunElevationDeg(JulianDate.toDate(time).getTime(), lon, lat)) > 0.75;
    if (night === nightMode) return;
    nightMode = night;
    if (night) {
      // Straight down from over the city's centre, so roofs catch it and façades stay dark for the windows.
      Cartesian3.negate(Cartesian3.normalize(Cartesian3.fromDegrees(lon, lat, 0), new Cartesian3()), moonLight.direction);
      viewer.scene.light = moonLight;
    } else {
      viewer.scene.light = sunLight;
    }
    viewer.scene.requestRender();
  });

  return () => {
    unsubscribe();
    removeLight();
  };
}
