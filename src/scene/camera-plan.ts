/** Engine-free camera planning: tour stops from views and POIs, and the limits that keep visitors near the city. */
import { localName } from '../i18n/local-name';
import type { CameraView, CityManifest, PlaceCategory, PlaceProperties } from '../protocol/city-pack';
import { haversineMetres } from '../city/local-frame';

/** A named place with a position, as the tour needs it. */
export interface TourPlace {
  lonLat: [number, number];
  properties: Pick<PlaceProperties, 'osm_id' | 'category' | 'name' | 'name_zh' | 'name_en'>;
}

/** Categories worth a tour stop, most important first. */
const TOUR_CATEGORIES: PlaceCategory[] = ['government', 'hospital', 'mall', 'library'];

/** Great-circle distance in metres between two lon/lat points (the city's one local frame measures it). */
export function distanceM(a: [number, number], b: [number, number]): number {
  return haversineMetres(a[0], a[1], b[0], b[1]);
}

/** A close, oblique view of a place, heading chosen per place so the tour does not look one way. */
export function viewOfPlace(place: TourPlace, index: number): CameraView {
  const { properties } = place;
  return {
    id: `place-${properties.osm_id}`,
    name: { zh: localName(properties, 'zh-CN'), en: localName(properties, 'en') },
    target: place.lonLat,
    range: 650,
    heading: (index * 97 + 30) % 360,
    pitch: -32,
  };
}

/**
 * The tour: the manifest's views in order, then up to `maxPlaces` named POIs of the tour categories
 * that are not already within `minSeparationM` of a stop.
 */
export function planTour(manifest: Pick<CityManifest, 'views' | 'defaultView'>, places: TourPlace[], maxPlaces = 3, minSeparationM = 250): CameraView[] {
  const stops: CameraView[] = manifest.views.length > 0 ? [...manifest.views] : [manifest.defaultView];
  const candidates = places
    .filter((p) => TOUR_CATEGORIES.includes(p.properties.category) && (p.properties.name || p.properties.name_zh || p.properties.name_en))
    .sort((a, b) => TOUR_CATEGORIES.indexOf(a.properties.category) - TOUR_CATEGORIES.indexOf(b.properties.category));
  let added = 0;
  for (const place of candidates) {
    if (added >= maxPlaces) break;
    if (stops.some((s) => distanceM(s.target, place.lonLat) < minSeparationM)) continue;
    stops.push(viewOfPlace(place, stops.length));
    added++;
  }
  return stops;
}

/** Camera limits for a pack. */
export interface CameraLimits {
  /** Closest eye distance to the surface, metres. */
  minimumZoomDistance: number;
  /** Farthest eye distance, metres. */
  maximumZoomDistance: number;
  /** Box (degrees) the camera position must stay inside: the pack bbox with a margin. */
  bounds: [west: number, south: number, east: number, north: number];
}

/** Limits that keep the whole city in reach and the rest of the globe out of it. */
export function cameraLimits(manifest: Pick<CityManifest, 'bbox' | 'maxHeight'>): CameraLimits {
  const [west, south, east, north] = manifest.bbox;
  const diagonal = distanceM([west, south], [east, north]);
  const marginDeg = Math.max(east - west, north - south) * 0.75;
  return {
    minimumZoomDistance: 40,
    maximumZoomDistance: Math.max(3_000, diagonal * 2.5, manifest.maxHeight * 10),
    bounds: [west - marginDeg, south - marginDeg, east + marginDeg, north + marginDeg],
  };
}

/** The position clamped into the bounds, or null when it already is inside. */
export function clampIntoBounds(lon: number, lat: number, bounds: CameraLimits['bounds']): [number, number] | null {
  const [west, south, east, north] = bounds;
  const clampedLon = Math.min(east, Math.max(west, lon));
  const clampedLat = Math.min(north, Math.max(south, lat));
  return clampedLon === lon && clampedLat === lat ? null : [clampedLon, clampedLat];
}
