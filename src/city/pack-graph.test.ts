import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { manifestSchema, roadGraphSchema, roadsFileSchema } from '../protocol/city-pack';
import { packGraphOf } from './pack-graph';

const packDir = join(import.meta.dirname, '..', '..', 'tiles', 'shanghai-bund');
const read = (file: string): unknown => JSON.parse(readFileSync(join(packDir, file), 'utf8'));
const { files } = manifestSchema.parse(read('manifest.json'));

describe('packGraphOf', () => {
  it('gives every edge of the demo pack the class and names of the road it lies on', () => {
    const graph = roadGraphSchema.parse(read(files.graph));
    const roads = roadsFileSchema.parse(read(files.roads));
    const { edgeClass, edgeNames } = packGraphOf(graph, roads);
    expect(edgeClass).toHaveLength(graph.edges.road.length);
    expect(edgeClass).not.toContain('unknown');
    for (const e of [0, 500, graph.edges.road.length - 1]) {
      const road = roads.features[graph.edges.road[e]!]!.properties;
      expect(edgeClass[e]).toBe(road.class);
      expect(edgeNames[e]).toEqual({ name: road.name, name_zh: road.name_zh, name_en: road.name_en });
    }
    expect(edgeNames.some((names) => names.name_zh !== null)).toBe(true);
  });

  it('names an edge whose road the file lacks unknown and unnamed', () => {
    const graph = roadGraphSchema.parse(read(files.graph));
    const { edgeClass, edgeNames } = packGraphOf(graph, { type: 'FeatureCollection', features: [] });
    expect(new Set(edgeClass)).toEqual(new Set(['unknown']));
    expect(edgeNames[0]).toEqual({ name: null, name_zh: null, name_en: null });
  });
});
