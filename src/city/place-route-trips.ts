/** Places a window's route trips along the pack's roads, straight into the typed arrays the vehicles layer draws from. */
import type { RoadGraphFile } from '../protocol/city-pack';
import { TRIP_CATEGORIES } from '../protocol/feed';
import type { TripWindow } from '../protocol/feed-wire';
import { edgeLengths } from './edge-lengths';

const CAR = TRIP_CATEGORIES.indexOf('car');

// One trip's samples before they are cut to the window (epoch ms, lon, lat); reused, grown when a longer trip comes.
let scratchT = new Float64Array(1024);
let scratchLon = new Float64Array(1024);
let scratchLat = new Float64Array(1024);

/**
 * The window with its route trips turned into samples after the sampled ones, so the renderer reads one
 * form. Along each edge a vehicle moves at constant speed from its entry time to the next edge's entry (or
 * the trip's end), reaching each junction when the simulator says it entered the next edge; sample times
 * are whole epoch ms, increasing, and each trip keeps one sample either side of the window, as the
 * server's encoder keeps for sampled trips. A route naming an edge the graph does not have (a pack and a
 * recording that do not belong together) is left out. A window without routes is returned as it is.
 */
export function placeRouteTrips(window: TripWindow, graph: Pick<RoadGraphFile, 'edges' | 'shape'>): TripWindow {
  const routes = window.routes;
  if (!routes || routes.ids.length === 0) return window;
  const { base, along } = edgeLengths(graph);
  const { shapeStart, shapeCount } = graph.edges;
  const { lon, lat } = graph.shape;
  const edgeCount = shapeStart.length;

  // Room for what is kept of each route: the vertices of its edges driven during the window (a ms of slack
  // for rounding) and one sample either side, or its two samples; the scratch holds the longest whole route.
  const spanS = (window.t1 - window.t0) / 1000;
  let capacity = window.times.length;
  let longest = 2;
  for (let i = 0; i < routes.ids.length; i++) {
    const to = routes.offsets[i + 1]!;
    let vertices = 2;
    let inside = 2;
    for (let j = routes.offsets[i]!; j < to; j++) {
      const count = shapeCount[routes.edges[j]!] ?? 0;
      vertices += count;
      if ((j + 1 < to ? routes.enter[j + 1]! : routes.end[i]!) >= -0.002 && routes.enter[j]! <= spanS + 0.002) inside += count;
    }
    capacity += inside;
    longest = Math.max(longest, vertices);
  }
  if (scratchT.length < longest) {
    scratchT = new Float64Array(longest);
    scratchLon = new Float64Array(longest);
    scratchLat = new Float64Array(longest);
  }
  const ids = window.ids.slice();
  const categories = new Uint8Array(window.ids.length + routes.ids.length);
  categories.set(window.categories);
  const offsets = new Uint32Array(window.offsets.length + routes.ids.length);
  offsets.set(window.offsets);
  const times = new Float32Array(capacity);
  times.set(window.times);
  const positions = new Float32Array(2 * capacity);
  positions.set(window.positions);
  let trips = window.ids.length;
  let n = window.times.length;
  const [originLon, originLat] = window.origin;
  const { t0, t1 } = window;

  for (let i = 0; i < routes.ids.length; i++) {
    const from = routes.offsets[i]!;
    const to = routes.offsets[i + 1]!;
    let known = to > from;
    for (let j = from; j < to && known; j++) known = routes.edges[j]! < edgeCount;
    if (!known) continue;
    const end = t0 + routes.end[i]! * 1000;
    let m = 0;
    for (let j = from; j < to; j++) {
      const edge = routes.edges[j]!;
      const start = shapeStart[edge]!;
      const count = shapeCount[edge]!;
      const first = base[edge]!;
      const enter = t0 + routes.enter[j]! * 1000;
      const leave = j + 1 < to ? t0 + routes.enter[j + 1]! * 1000 : end;
      const length = (count > 0 ? along[first + count - 1]! : 0) || 1;
      for (let k = j === from ? 0 : 1; k < count; k++) {
        const t = Math.round(enter + ((leave - enter) * along[first + k]!) / length);
        // A zero-length stay (two entries at one instant) adds no sample: times must increase.
        if (m > 0 && t <= scratchT[m - 1]!) continue;
        scratchT[m] = t;
        scratchLon[m] = lon[start + k]!;
        scratchLat[m] = lat[start + k]!;
        m++;
      }
    }
    if (m < 2) {
      // A trip shorter than a millisecond still needs two samples to be drawn.
      const at = shapeStart[routes.edges[from]!]!;
      const stayLon = m > 0 ? scratchLon[0]! : lon[at]!;
      const stayLat = m > 0 ? scratchLat[0]! : lat[at]!;
      const enter = t0 + routes.enter[from]! * 1000;
      scratchT[0] = enter;
      scratchT[1] = Math.max(end, enter + 1);
      scratchLon[0] = scratchLon[1] = stayLon;
      scratchLat[0] = scratchLat[1] = stayLat;
      m = 2;
    }
    if (scratchT[m - 1]! < t0 || scratchT[0]! > t1) continue;
    let kept = 0;
    while (kept + 1 < m && scratchT[kept + 1]! <= t0) kept++;
    let last = m - 1;
    while (last - 1 >= 0 && scratchT[last - 1]! >= t1) last--;
    for (let k = kept; k <= last; k++, n++) {
      times[n] = (scratchT[k]! - t0) / 1000;
      positions[2 * n] = scratchLon[k]! - originLon;
      positions[2 * n + 1] = scratchLat[k]! - originLat;
    }
    ids.push(routes.ids[i]!);
    categories[trips] = routes.categories[i]! < TRIP_CATEGORIES.length ? routes.categories[i]! : CAR;
    trips++;
    offsets[trips] = n;
  }
  return {
    t0,
    t1,
    origin: window.origin,
    ids,
    categories: categories.subarray(0, trips),
    offsets: offsets.subarray(0, trips + 1),
    times: times.subarray(0, n),
    positions: positions.subarray(0, 2 * n),
  };
}
