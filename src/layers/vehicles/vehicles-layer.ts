/**
 * Vehicles layer: every vehicle of the room's trajectory window drawn at the shared sim time, in one
 * primitive and one draw. Each frame the positions are computed into one preallocated array
 * (vehicle-positions.ts) and uploaded once; while the clock plays, renders are requested at most
 * once per frame budget, and none while it is paused.
 */
import type { RoadGraphFile } from '../../protocol/city-pack';
import { simTimeAt } from '../../protocol/clock';
import type { TripWindow } from '../../protocol/feed-wire';
import { fetchPackGraph } from '../../connection/pack-graph';
import { defineLayer } from '../define-layer';
import { startFramePacer } from '../frame-pacer';
import { placeRouteTrips } from '../../city/place-route-trips';
import { VehiclePointsPrimitive } from './vehicle-points-primitive';
import { createVehicleFrame, vehiclesAt } from './vehicle-positions';

/** Props of the vehicles layer. */
export interface VehiclesLayerProps {
  /** Most vehicles drawn at once; the buffers are sized for this once and never grow. */
  capacity: number;
  /** Height above the ellipsoid (m) the vehicles ride at (roads are drawn a little lower). */
  height: number;
  /** Shortest time between requested renders while vehicles move, ms (30 fps). */
  frameBudgetMs: number;
  /** Smallest and largest drawn vehicle, CSS px. */
  minPixels: number;
  maxPixels: number;
}

/** Defaults of the vehicles layer. */
export const VEHICLES_LAYER_DEFAULTS: VehiclesLayerProps = { capacity: 65_536, height: 4, frameBudgetMs: 33, minPixels: 22, maxPixels: 64 };

/** What a test or bench can read about the layer (set on `window.sandtableVehicles`). */
export interface VehicleLayerStats {
  /** Vehicles drawn in the last frame. */
  count: number;
  /** Trips in the current window, and the sim time span it covers (epoch ms). */
  trips: number;
  window: [number, number] | null;
  /** Sim time of the last frame. */
  t: number;
  uploads: number;
}

/** The vehicles layer. */
export const createVehiclesLayer = defineLayer<VehiclesLayerProps>({
  name: 'vehicles',
  defaults: VEHICLES_LAYER_DEFAULTS,
  attach(ctx) {
    const { viewer, scene, store, props: options } = ctx;
    const frame = createVehicleFrame(options.capacity);
    const primitive = new VehiclePointsPrimitive(options.capacity, {
      origin: scene.pack.manifest.centre,
      height: options.height,
      minPixels: options.minPixels,
      maxPixels: options.maxPixels,
      radius: 10_000,
    });
    // The window's origin is the pack's centre (the server encodes windows around it); a window with
    // another origin is shifted once when it arrives, so the per-frame loop stays a straight copy.
    // Route trips (sent compactly) are placed on the pack's graph, fetched the first time one comes.
    let window: TripWindow | null = null;
    let graph: RoadGraphFile | null = null;
    let latest: TripWindow | null = null;
    const adopt = (trips: TripWindow | null) => {
      latest = trips;
      if (trips?.routes && trips.routes.ids.length > 0 && !graph) {
        void fetchPackGraph(scene.pack).then(
          (loaded) => {
            graph = loaded.graph;
            // The window is placed now, so draw it even while the clock is paused (no frames are paced then).
            if (!ctx.signal.aborted && latest === trips) {
              adopt(trips);
              viewer.scene.requestRender();
            }
          },
          () => undefined,
        );
      }
      const placed = trips && graph ? placeRouteTrips(trips, graph) : trips;
      window = placed ? shiftToOrigin(placed, scene.pack.manifest.centre) : null;
    };
    adopt(store.getState().feed.trips);
    ctx.subscribe((state, previous) => {
      if (state.feed.trips === previous.feed.trips) return;
      adopt(state.feed.trips);
      viewer.scene.requestRender();
    });

    const stats: VehicleLayerStats = { count: 0, trips: 0, window: null, t: 0, uploads: 0 };
    (globalThis as { sandtableVehicles?: VehicleLayerStats }).sandtableVehicles = stats;
    ctx.onDispose(() => delete (globalThis as { sandtableVehicles?: VehicleLayerStats }).sandtableVehicles);

    ctx.on(viewer.scene.preRender, () => {
      const { sync, serverOffsetMs } = store.getState().clock;
      if (!window || !sync) {
        frame.count = 0;
      } else {
        stats.t = simTimeAt(sync, Date.now(), serverOffsetMs);
        vehiclesAt(window, stats.t, frame);
      }
      stats.trips = window?.ids.length ?? 0;
      stats.window = window ? [window.t0, window.t1] : null;
      primitive.setFrame(frame);
      stats.count = frame.count;
      stats.uploads = primitive.uploads;
    });

    // Render on demand: frames while vehicles move, paced to the budget (and the GPU); nothing while paused.
    const moving = () => {
      const sync = store.getState().clock.sync;
      return primitive.show && window !== null && window.ids.length > 0 && sync !== null && sync.playing && sync.rate !== 0;
    };
    ctx.onDispose(startFramePacer(viewer.scene, options.frameBudgetMs, moving));

    ctx.add(primitive);
    ctx.visible((visible) => {
      primitive.show = visible;
      viewer.scene.requestRender();
    });
    ctx.ready();
  },
});

/** A window re-expressed around `origin` (a copy only when the origins differ). */
export function shiftToOrigin(window: TripWindow, origin: [number, number]): TripWindow {
  const dx = window.origin[0] - origin[0];
  const dy = window.origin[1] - origin[1];
  if (dx === 0 && dy === 0) return window;
  const positions = new Float32Array(window.positions.length);
  for (let i = 0; i < positions.length; i += 2) {
    positions[i] = window.positions[i]! + dx;
    positions[i + 1] = window.positions[i + 1]! + dy;
  }
  return { ...window, origin, positions };
}
