import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { largestComponentShare } from '../../src/city/road-graph.js';
import { roadGraphSchema } from '../../src/protocol/city-pack.js';
import { readOsm } from './osm-reader.js';
import { buildRoadGraph, extractRoads, parseMaxspeed, roadKilometres } from './roads.js';

const fixture = join(import.meta.dirname, 'fixtures', 'grid-town.osm');
const demo = join(import.meta.dirname, '..', 'sources', 'shanghai-bund.osm');

describe('extractRoads and buildRoadGraph', () => {
  it('keeps tagged values, defaults the rest by class and says which were defaulted', async () => {
    const doc = await readOsm(fixture);
    const { features } = extractRoads(doc);
    const column = features.find((f) => f.properties.name === 'Column 0 Street')!.properties;
    expect(column).toMatchObject({ class: 'tertiary', maxspeed: 40, lanes: 2, drivable: true, inferred: ['oneway'] });
    const row = features.find((f) => f.properties.name === 'Row 1 Road')!.properties;
    expect(row).toMatchObject({ class: 'secondary', maxspeed: 50, lanes: 4, oneway: false, name_zh: '第1路' });
    expect(row.inferred).toEqual(['oneway', 'lanes', 'maxspeed']);
    expect(features.find((f) => f.properties.class === 'footway')!.properties.drivable).toBe(false);
  });

  it('splits roads at junctions, adds both directions unless one-way, and the grid is one strongly connected component', async () => {
    const doc = await readOsm(fixture);
    const roads = extractRoads(doc);
    const graph = roadGraphSchema.parse(buildRoadGraph(doc, roads.features, roads.nodeIds));
    expect(graph.nodes.lon).toHaveLength(12); // the 4 × 3 junctions; the footway adds none
    const oneway = roads.features.findIndex((f) => f.properties.oneway);
    const onewayEdges = graph.edges.road.filter((r) => r === oneway).length;
    const twoWayRowEdges = graph.edges.road.filter((r) => r === roads.features.findIndex((f) => f.properties.name === 'Row 1 Road')).length;
    expect(onewayEdges).toBe(3);
    expect(twoWayRowEdges).toBe(6);
    expect(largestComponentShare(graph)).toBe(1);
    // Free-flow time is length at the speed limit.
    graph.edges.from.forEach((_, e) => expect(graph.edges.freeFlowS[e]!).toBeCloseTo(graph.edges.lengthM[e]! / (graph.edges.speedKph[e]! / 3.6), 1));
  });

  it('on the demo city, the largest strongly connected component covers most of the drivable length', async () => {
    const doc = await readOsm(demo);
    const roads = extractRoads(doc);
    const graph = buildRoadGraph(doc, roads.features, roads.nodeIds);
    expect(roadKilometres(roads.features)).toBeGreaterThan(150);
    expect(largestComponentShare(graph)).toBeGreaterThan(0.75);
  });
});

describe('parseMaxspeed', () => {
  it('reads km/h and mph', () => {
    expect(parseMaxspeed('60')).toBe(60);
    expect(parseMaxspeed('30 mph')).toBeCloseTo(48.28, 2);
    expect(parseMaxspeed('signals')).toBeNull();
  });
});
