/**
 * Bench-only page (bench/traffic-render.bench.ts): n synthetic vehicles on the demo city's graph,
 * drawn either by the vehicles layer's renderer (one buffer, one draw) or as Cesium Entities with
 * SampledPositionProperty, then timed frame by frame on the main thread.
 */
import { Cartesian3, Color, EllipsoidTerrainProvider, Ion, JulianDate, SampledPositionProperty, Viewer, type Entity } from 'cesium';
import { encodeTripWindow } from '../../src/protocol/feed-wire';
import type { SampledTrip } from '../../src/protocol/feed';
import { TRIP_CATEGORIES } from '../../src/protocol/feed';
import { VehiclePointsPrimitive } from '../../src/layers/vehicles/vehicle-points-primitive';
import { createVehicleFrame, vehiclesAt } from '../../src/layers/vehicles/vehicle-positions';
import { VEHICLE_COLOURS } from '../../src/layers/vehicles/vehicle-style';

interface Graph {
  nodes: { lon: number[]; lat: number[] };
  edges: { from: number[]; to: number[]; freeFlowS: number[] };
}

/** Random walks of `steps` edges from random nodes, seeded (mulberry32), all under way at T0. */
function syntheticTrips(graph: Graph, n: number, steps: number, t0: number): SampledTrip[] {
  let seed = 12345;
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  const out = new Map<number, number[]>();
  graph.edges.from.forEach((from, e) => out.set(from, [...(out.get(from) ?? []), e]));
  const starts = [...out.keys()];
  const trips: SampledTrip[] = [];
  for (let i = 0; i < n; i++) {
    let node = starts[Math.floor(random() * starts.length)]!;
    let t = t0 - random() * 60_000;
    const times = [t];
    const coords = [graph.nodes.lon[node]!, graph.nodes.lat[node]!];
    for (let s = 0; s < steps; s++) {
      const choices = out.get(node);
      if (!choices) break;
      const edge = choices[Math.floor(random() * choices.length)]!;
      node = graph.edges.to[edge]!;
      t += Math.max(1000, graph.edges.freeFlowS[edge]! * 1000);
      times.push(t);
      coords.push(graph.nodes.lon[node]!, graph.nodes.lat[node]!);
    }
    if (times.length < 2) {
      times.push(t + 600_000);
      coords.push(coords[0]!, coords[1]!);
    }
    trips.push({ id: `v${i}`, category: TRIP_CATEGORIES[i % 5]!, times, coords });
  }
  return trips;
}

async function run(): Promise<void> {
  const params = new URLSearchParams(location.search);
  const n = Number(params.get('n') ?? 1000);
  const mode = params.get('mode') === 'entities' ? 'entities' : 'ours';
  const frames = Number(params.get('frames') ?? 10);
  Ion.defaultAccessToken = '';
  const viewer = new Viewer(document.getElementById('scene')!, {
    baseLayer: false,
    terrainProvider: new EllipsoidTerrainProvider(),
    geocoder: false,
    baseLayerPicker: false,
    animation: false,
    timeline: false,
    homeButton: false,
    navigationHelpButton: false,
    sceneModePicker: false,
    fullscreenButton: false,
    infoBox: false,
    selectionIndicator: false,
    skyBox: false,
    skyAtmosphere: false,
    useDefaultRenderLoop: false,
    msaaSamples: 1,
  });
  viewer.scene.globe.show = false;
  const graph = (await (await fetch('/tiles/shanghai-bund/graph.json')).json()) as Graph;
  const centre: [number, number] = [121.5005493, 31.2386363];
  viewer.camera.setView({ destination: Cartesian3.fromDegrees(centre[0], centre[1] - 0.035, 3000), orientation: { heading: 0, pitch: -0.7, roll: 0 } });
  const t0 = Date.parse('2014-06-12T00:00:00Z');
  const trips = syntheticTrips(graph, n, 12, t0);
  const setupStarted = performance.now();
  let perFrame: (t: number) => void = () => undefined;
  if (mode === 'ours') {
    const window = encodeTripWindow(trips, t0 - 120_000, t0 + 3_600_000, centre);
    const frame = createVehicleFrame(n);
    const primitive = new VehiclePointsPrimitive(n, { origin: centre, height: 4, minPixels: 6, maxPixels: 24, radius: 10_000 });
    viewer.scene.primitives.add(primitive);
    perFrame = (t) => {
      vehiclesAt(window, t, frame);
      primitive.setFrame(frame);
    };
  } else {
    const colours = TRIP_CATEGORIES.map((c) => Color.fromCssColorString(VEHICLE_COLOURS[c]));
    viewer.entities.suspendEvents();
    for (const trip of trips) {
      const position = new SampledPositionProperty();
      for (let k = 0; k < trip.times.length; k++) position.addSample(JulianDate.fromDate(new Date(trip.times[k]!)), Cartesian3.fromDegrees(trip.coords[2 * k]!, trip.coords[2 * k + 1]!, 4));
      viewer.entities.add({ position, point: { pixelSize: 6, color: colours[TRIP_CATEGORIES.indexOf(trip.category)]! } } as Entity.ConstructorOptions);
    }
    viewer.entities.resumeEvents();
  }
  const setupMs = performance.now() - setupStarted;
  // Each frame advances sim time by 1 s, so every vehicle moves; both modes render the same way.
  const times: number[] = [];
  for (let i = 0; i < frames + 3; i++) {
    const t = t0 + i * 1000;
    viewer.clock.currentTime = JulianDate.fromDate(new Date(t));
    viewer.clock.shouldAnimate = false;
    const started = performance.now();
    perFrame(t);
    viewer.render();
    times.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  const measured = times.slice(3).sort((a, b) => a - b);
  (window as unknown as { benchResult: unknown }).benchResult = {
    mode,
    n,
    setupMs,
    medianMs: measured[Math.floor(measured.length / 2)],
    meanMs: measured.reduce((a, b) => a + b, 0) / measured.length,
  };
}

run().catch((error: unknown) => {
  (window as unknown as { benchResult: unknown }).benchResult = { error: String(error) };
});
