import { describe, expect, it } from 'vitest';
import type { CameraView } from '../protocol/city-pack';
import { cameraLimits, clampIntoBounds, distanceM, planTour, type TourPlace } from './camera-plan';

const view = (id: string, lon: number, lat: number): CameraView => ({ id, name: { zh: id, en: id }, target: [lon, lat], range: 1000, heading: 0, pitch: -30 });
const place = (id: string, category: TourPlace['properties']['category'], lon: number, lat: number, name: string | null = id): TourPlace => ({
  lonLat: [lon, lat],
  properties: { osm_id: id, category, name, name_zh: name, name_en: null },
});

describe('distanceM', () => {
  it('measures about 111 km per degree of latitude', () => {
    expect(distanceM([121, 31], [121, 32]) / 1000).toBeCloseTo(111.2, 0);
  });
});

describe('planTour', () => {
  const manifest = { views: [view('overview', 121.5, 31.24), view('bund', 121.49, 31.24)], defaultView: view('overview', 121.5, 31.24) };

  it('visits the manifest views first, in order', () => {
    expect(planTour(manifest, []).map((s) => s.id)).toEqual(['overview', 'bund']);
  });

  it('adds named service places, government first, and skips ones next to an existing stop', () => {
    const places = [
      place('mall', 'mall', 121.51, 31.23),
      place('hall', 'government', 121.52, 31.25),
      place('near', 'hospital', 121.4901, 31.2401),
      place('bus', 'bus_stop', 121.53, 31.26),
      place('anon', 'government', 121.54, 31.27, null),
    ];
    expect(planTour(manifest, places).map((s) => s.id)).toEqual(['overview', 'bund', 'place-hall', 'place-mall']);
  });

  it('falls back to the default view when the pack has no views', () => {
    expect(planTour({ views: [], defaultView: view('home', 1, 1) }, []).map((s) => s.id)).toEqual(['home']);
  });
});

describe('camera limits', () => {
  const limits = cameraLimits({ bbox: [121.48, 31.22, 121.52, 31.25], maxHeight: 632 });

  it('keeps the camera out of the ground and within a few city widths', () => {
    expect(limits.minimumZoomDistance).toBeGreaterThan(0);
    expect(limits.maximumZoomDistance).toBeGreaterThan(6_000);
    expect(limits.maximumZoomDistance).toBeLessThan(50_000);
  });

  it('clamps a position off the map back to the bounds, and leaves one inside alone', () => {
    expect(clampIntoBounds(121.5, 31.23, limits.bounds)).toBeNull();
    expect(clampIntoBounds(-58, 31.23, limits.bounds)).toEqual([limits.bounds[0], 31.23]);
    expect(clampIntoBounds(121.5, 80, limits.bounds)).toEqual([121.5, limits.bounds[3]]);
  });
});
