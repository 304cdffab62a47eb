import { describe, expect, it } from 'vitest';
import type { GroundProperties } from '../../protocol/city-pack';
import type { PackFeature } from '../../connection/city-pack-source';
import { GROUND_HEIGHTS, groundPolygonsByKind } from './ground-layer';

const ring: [number, number][] = [
  [0, 0],
  [1, 0],
  [1, 1],
  [0, 0],
];
const props = (kind: GroundProperties['kind']): GroundProperties => ({ kind, subkind: 'x', osm_id: null, name: null, name_zh: null, name_en: null, name_zh_source: null, name_en_source: null });

describe('groundPolygonsByKind', () => {
  it('sorts polygons and multipolygon parts by kind and skips lines', () => {
    const features: PackFeature<GroundProperties>[] = [
      { type: 'Feature', geometry: { type: 'Polygon', coordinates: [ring] }, properties: props('water') },
      { type: 'Feature', geometry: { type: 'MultiPolygon', coordinates: [[ring], [ring]] }, properties: props('green') },
      { type: 'Feature', geometry: { type: 'LineString', coordinates: ring }, properties: props('water') },
      { type: 'Feature', geometry: { type: 'Polygon', coordinates: [ring] }, properties: props('outline') },
    ];
    const byKind = groundPolygonsByKind(features);
    expect(byKind.water).toHaveLength(1);
    expect(byKind.green).toHaveLength(2);
    expect(byKind.outline).toHaveLength(1);
  });

  it('stacks water over green over the table so none z-fights', () => {
    expect(GROUND_HEIGHTS.water).toBeGreaterThan(GROUND_HEIGHTS.green);
    expect(GROUND_HEIGHTS.green).toBeGreaterThan(GROUND_HEIGHTS.outline);
  });
});
