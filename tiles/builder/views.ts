/**
 * Camera views found in the data, so every city gets bookmarks without knowing it by name:
 * an overview, the skyline (densest tall cluster), the tallest landmark, the waterfront nearest the
 * centre, the largest park and the first named government office or service hall.
 */
import type { CameraView, LocalizedName } from '../../src/protocol/city-pack.js';
import type { Building } from './buildings.js';
import type { LocalFrame } from '../../src/city/local-frame.js';
import { signedArea } from './geometry/ring.js';
import type { GroundFeature } from './ground.js';
import type { PlaceFeature } from './places.js';

const label = (building: { nameZh: string | null; nameEn: string | null; name: string | null }, fallback: LocalizedName): LocalizedName => ({
  zh: building.nameZh ?? building.name ?? fallback.zh,
  en: building.nameEn ?? building.name ?? fallback.en,
});

const round = (value: number, digits: number): number => Number(value.toFixed(digits));

function view(id: string, name: LocalizedName, target: [number, number], range: number, heading: number, pitch: number): CameraView {
  return { id, name, target: [round(target[0], 7), round(target[1], 7)], range: Math.round(range), heading, pitch };
}

/** The overview that frames the whole extract. */
export function overviewView(bbox: [number, number, number, number], frame: LocalFrame): CameraView {
  const [w, s, e, n] = bbox;
  const [x0, y0] = frame.toLocal(w, s);
  const [x1, y1] = frame.toLocal(e, n);
  const extent = Math.max(x1 - x0, y1 - y0);
  return view('overview', { zh: '全景', en: 'Overview' }, [(w + e) / 2, (s + n) / 2], extent * 1.05, 15, -40);
}

/** All views found in the data, overview first. */
export function findViews(bbox: [number, number, number, number], frame: LocalFrame, buildings: Building[], ground: GroundFeature[], places: PlaceFeature[]): CameraView[] {
  const views = [overviewView(bbox, frame)];

  // Skyline: the 400 m cell with the greatest built volume.
  const cells = new Map<string, { volume: number; x: number; y: number }>();
  for (const b of buildings) {
    const key = `${Math.floor(b.centroid[0] / 400)},${Math.floor(b.centroid[1] / 400)}`;
    const cell = cells.get(key) ?? { volume: 0, x: 0, y: 0 };
    const volume = b.area * (b.height - b.minHeight);
    cell.volume += volume;
    cell.x += b.centroid[0] * volume;
    cell.y += b.centroid[1] * volume;
    cells.set(key, cell);
  }
  const densest = [...cells.values()].sort((a, b) => b.volume - a.volume)[0];
  if (densest && densest.volume > 0) {
    views.push(view('skyline', { zh: '天际线', en: 'Skyline' }, frame.toLonLat(densest.x / densest.volume, densest.y / densest.volume), 1400, 250, -22));
  }

  const tallest = [...buildings].sort((a, b) => b.height - a.height || (a.osmId < b.osmId ? -1 : 1))[0];
  if (tallest) {
    views.push(view('landmark', label(tallest, { zh: '最高建筑', en: 'Tallest building' }), frame.toLonLat(...tallest.centroid), Math.max(tallest.height * 3, 500), 200, -20));
  }

  // Waterfront: the vertex of the largest named water area (else the largest) closest to the centre.
  const centre = frame.toLocal((bbox[0] + bbox[2]) / 2, (bbox[1] + bbox[3]) / 2);
  const outerRings = (g: GroundFeature): [number, number][][] =>
    g.geometry.type === 'Polygon' ? [g.geometry.coordinates[0]!] : g.geometry.type === 'MultiPolygon' ? g.geometry.coordinates.map((p) => p[0]!) : [];
  const areaOf = (g: GroundFeature): number => outerRings(g).reduce((sum, ring) => sum + Math.abs(signedArea(ring.map(([lon, lat]) => frame.toLocal(lon, lat)))), 0);
  const candidates = ground.filter((g) => g.properties.kind === 'water' && g.geometry.type !== 'LineString');
  const named = candidates.filter((g) => g.properties.name);
  const water = [...(named.length > 0 ? named : candidates)].sort((a, b) => areaOf(b) - areaOf(a)).slice(0, 1);
  let bestWater: { point: [number, number]; feature: GroundFeature; distance: number } | null = null;
  for (const feature of water) {
    for (const ring of outerRings(feature)) {
      for (const [lon, lat] of ring) {
        const [x, y] = frame.toLocal(lon, lat);
        const distance = Math.hypot(x - centre[0], y - centre[1]);
        if (!bestWater || distance < bestWater.distance) bestWater = { point: [lon, lat], feature, distance };
      }
    }
  }
  if (bestWater) {
    const { name_zh: zh, name_en: en } = bestWater.feature.properties;
    views.push(view('waterfront', { zh: `${zh ?? ''}滨水`, en: en ? `${en} waterfront` : 'Waterfront' }, bestWater.point, 1200, 330, -25));
  }

  const park = places.filter((p) => p.properties.category === 'park').sort((a, b) => (b.properties.area ?? 0) - (a.properties.area ?? 0))[0];
  if (park) {
    views.push(
      view('park', label({ name: park.properties.name, nameZh: park.properties.name_zh, nameEn: park.properties.name_en }, { zh: '公园', en: 'Park' }), park.geometry.coordinates, 700, 45, -35),
    );
  }
  const hall = places.find((p) => p.properties.category === 'government' && p.properties.name);
  if (hall) {
    views.push(
      view(
        'service-hall',
        label({ name: hall.properties.name, nameZh: hall.properties.name_zh, nameEn: hall.properties.name_en }, { zh: '政务服务', en: 'Government services' }),
        hall.geometry.coordinates,
        600,
        120,
        -30,
      ),
    );
  }
  return views;
}
