/** Engine-free styling of points of interest: colour, size and how far a label stays visible. */
import type { PlaceCategory } from '../../protocol/city-pack';

/** How a place category is drawn. */
export interface PlaceStyle {
  colour: string;
  /** Point size in pixels. */
  size: number;
  /** Eye distance (m) beyond which the label is hidden; 0 means never labelled. */
  labelRange: number;
}

const STYLES: Record<PlaceCategory, PlaceStyle> = {
  government: { colour: '#ffd166', size: 12, labelRange: 6000 },
  hospital: { colour: '#ff7b7b', size: 11, labelRange: 5000 },
  school: { colour: '#90d67f', size: 9, labelRange: 2500 },
  mall: { colour: '#f4a259', size: 10, labelRange: 4000 },
  park: { colour: '#6fcf97', size: 8, labelRange: 2500 },
  library: { colour: '#c3a6ff', size: 9, labelRange: 3000 },
  police: { colour: '#6fa8ff', size: 9, labelRange: 2000 },
  parking: { colour: '#8aa0bd', size: 6, labelRange: 0 },
  bus_stop: { colour: '#b8c4d4', size: 4, labelRange: 0 },
};

/** The style of a place category. */
export function placeStyleFor(category: PlaceCategory): PlaceStyle {
  return STYLES[category];
}

/** Label priority by category: the first wins when two names would collide. */
const LABEL_PRIORITY: PlaceCategory[] = ['government', 'hospital', 'mall', 'library', 'school', 'police', 'park', 'parking', 'bus_stop'];

/**
 * Indices of the places to label: labelled categories only, most important first, none within
 * `minSeparationM` of one already kept (Cesium labels do not declutter themselves).
 */
export function placesToLabel(places: { lonLat: [number, number]; category: PlaceCategory; named: boolean }[], minSeparationM = 220): number[] {
  const order = places
    .map((place, index) => ({ place, index }))
    .filter(({ place }) => place.named && STYLES[place.category].labelRange > 0)
    .sort((a, b) => LABEL_PRIORITY.indexOf(a.place.category) - LABEL_PRIORITY.indexOf(b.place.category));
  const kept: { lonLat: [number, number]; index: number }[] = [];
  for (const { place, index } of order) {
    const [lon, lat] = place.lonLat;
    const metresPerDegLon = 111_320 * Math.cos((lat * Math.PI) / 180);
    const tooClose = kept.some((k) => Math.hypot((k.lonLat[0] - lon) * metresPerDegLon, (k.lonLat[1] - lat) * 110_540) < minSeparationM);
    if (!tooClose) kept.push({ lonLat: place.lonLat, index });
  }
  return kept.map((k) => k.index).sort((a, b) => a - b);
}
