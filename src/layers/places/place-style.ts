/** Engine-free styling of points of interest: colour, size and how far a label stays visible. */
import type { PlaceCategory } from '../../protocol/city-pack';

/** How a place category is drawn. */
export interface PlaceStyle {
  colour: string;
  /** Point size in pixels. */
  size: number;
  /** Eye distance (m) beyond which the label is hidden; 0 means never labelled. Collisions are the declutter's (src/labels/). */
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

/** True when a place gets a label: it has a name and its category is labelled at all. */
export function isLabelled(category: PlaceCategory, named: boolean): boolean {
  return named && STYLES[category].labelRange > 0;
}
