import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RoadGraphFile } from '../../protocol/city-pack';
import { encodeTripWindow, type TripWindow } from '../../protocol/feed-wire';
import type { LayerScene } from '../../scene/scene-layer';
import { createAppStore } from '../../store/app-store';

// The graph arrives when the test says so; the placement and the GL primitive stand in for Cesium and the pack.
const graphArrival = vi.hoisted(() => ({ resolve: null as ((graph: unknown) => void) | null, fetched: Promise.resolve() as Promise<unknown> }));
vi.mock('../../connection/pack-graph', () => ({
  fetchPackGraph: vi.fn(() => (graphArrival.fetched = new Promise((resolve) => (graphArrival.resolve = (graph) => resolve({ graph }))))),
}));
vi.mock('../../city/place-route-trips', () => ({ placeRouteTrips: vi.fn((trips: TripWindow) => trips) }));
vi.mock('./vehicle-points-primitive', () => ({
  VehiclePointsPrimitive: class {
    show = true;
    uploads = 0;
    private destroyed = false;
    setFrame() {}
    isDestroyed() {
      return this.destroyed;
    }
    destroy() {
      this.destroyed = true;
    }
  },
}));

const { placeRouteTrips } = await import('../../city/place-route-trips');
const { createVehiclesLayer } = await import('./vehicles-layer');

/** A window with one route trip, so the layer needs the pack's graph to place it. */
const routeWindow = encodeTripWindow([], 0, 60_000, [0, 0], [{ id: 'r1', category: 'car', edges: [0], enter: [0], end: 30_000 }]);

function fakeScene() {
  const listeners = new Set<() => void>();
  const event = { addEventListener: (listener: () => void) => (listeners.add(listener), () => void listeners.delete(listener)) };
  const primitives = { add: () => undefined, remove: () => true, isDestroyed: () => false };
  const viewer = { scene: { primitives, preRender: event, postRender: event, requestRender: vi.fn() } };
  return { viewer, pack: { manifest: { centre: [0, 0] } }, signal: new AbortController().signal, labels: {} } as unknown as LayerScene & { viewer: typeof viewer };
}

/** A store holding a route window, with the clock paused (no sync: the frame pacer requests nothing). */
function storeWithWindow() {
  const store = createAppStore();
  store.getState().declareLayer('vehicles', true);
  store.getState().setTripWindow(routeWindow);
  return store;
}

describe('vehicles layer', () => {
  afterEach(() => vi.clearAllMocks());

  it('places a window and requests a render when the graph arrives after it, though the clock is paused', async () => {
    const scene = fakeScene();
    const layer = createVehiclesLayer();
    await layer.attach(scene, storeWithWindow());
    scene.viewer.scene.requestRender.mockClear();
    graphArrival.resolve!({ edges: {} } as unknown as RoadGraphFile);
    await vi.waitFor(() => expect(scene.viewer.scene.requestRender).toHaveBeenCalled());
    expect(placeRouteTrips).toHaveBeenCalledWith(routeWindow, { edges: {} });
    layer.dispose();
  });

  it('neither places the window nor renders when the graph arrives after the layer was disposed', async () => {
    const scene = fakeScene();
    const layer = createVehiclesLayer();
    await layer.attach(scene, storeWithWindow());
    layer.dispose();
    scene.viewer.scene.requestRender.mockClear();
    graphArrival.resolve!({ edges: {} } as unknown as RoadGraphFile);
    // The layer's handler was attached to the fetch first, so it has run once this await returns.
    await graphArrival.fetched;
    expect(placeRouteTrips).not.toHaveBeenCalled();
    expect(scene.viewer.scene.requestRender).not.toHaveBeenCalled();
  });
});
