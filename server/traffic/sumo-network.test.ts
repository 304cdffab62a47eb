import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildGridTown } from './grid-town.test-helper.js';
import { checkNetwork, readSumoNet } from './net-check.js';
import { convertNetwork, graphEdgeIndex, plainNetwork, roadPriority, trafficLightNodes } from './sumo-network.js';
import { loadTrafficCity, type TrafficCity } from './traffic-city.js';

let tilesDir: string;
let work: string;
let city: TrafficCity;

beforeAll(async () => {
  tilesDir = buildGridTown();
  work = mkdtempSync(join(tmpdir(), 'sandtable-net-'));
  city = await loadTrafficCity(tilesDir, 'grid-town');
});
afterAll(() => {
  rmSync(tilesDir, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

describe('SUMO network conversion', () => {
  it("keeps every drivable graph edge under its id and the graph's connectivity", async () => {
    const net = await convertNetwork(city, work);
    const check = checkNetwork(city.graph, await readSumoNet(net.netFile));
    expect(check.graphEdges).toBe(city.graph.edges.from.length);
    expect(check.missingEdges).toEqual([]);
    expect(check.convertedEdges).toBe(check.graphEdges);
    // Turns, not just shared junctions, connect SUMO edges: the strongly connected part must still match.
    expect(check.sumoLargestComponentShare).toBeCloseTo(check.graphLargestComponentShare, 2);
    expect(check.sumoLargestComponentShare).toBeGreaterThan(0.95);
  }, 30_000);

  it('leaves closed edges out of the network and slows roads for weather', () => {
    const plain = plainNetwork(city, { closed: new Set([0, 1]), speedFactor: 0.5 });
    expect(plain.edgesXml).not.toMatch(/id="g0"/);
    expect(plain.edgesXml).not.toMatch(/id="g1"/);
    expect(plain.edgesXml).toMatch(/id="g2"/);
    const speed = Number(/id="g2"[^>]*speed="([\d.]+)"/.exec(plain.edgesXml)![1]);
    expect(speed).toBeCloseTo(city.graph.edges.speedKph[2]! / 3.6 / 2, 1);
  });

  it('maps SUMO ids back to graph edges', () => {
    expect(graphEdgeIndex('g42')).toBe(42);
    expect(graphEdgeIndex(':n3_0')).toBe(-1);
    expect(graphEdgeIndex('g4x')).toBe(-1);
  });

  it('ranks roads by class', () => {
    expect(roadPriority({ class: 'primary', name: null })).toBeGreaterThan(roadPriority({ class: 'secondary', name: null }));
    expect(roadPriority({ class: 'primary_link', name: null })).toBeLessThan(roadPriority({ class: 'primary', name: null }));
    expect(roadPriority({ class: 'secondary', name: null })).toBeGreaterThan(roadPriority({ class: 'residential', name: null }));
  });
});

describe('traffic light rule', () => {
  // A cross: node 0 in the middle, arms to 1 (west), 2 (east), 3 (south), 4 (north).
  const cross = (edgesRoads: number[]) => ({
    nodes: { lon: [0, -1, 1, 0, 0], lat: [0, 0, 0, -1, 1], osmNode: [0, 1, 2, 3, 4] },
    edges: {
      from: [1, 0, 3, 0],
      to: [0, 2, 0, 4],
      road: edgesRoads,
      lengthM: [1, 1, 1, 1],
      freeFlowS: [1, 1, 1, 1],
      speedKph: [50, 50, 50, 50],
      lanes: [1, 1, 1, 1],
      shapeStart: [0, 0, 0, 0],
      shapeCount: [2, 2, 2, 2],
    },
  });

  it('signals a crossing of two different major roads', () => {
    const roads = [
      { class: 'primary', name: 'A Road' },
      { class: 'secondary', name: 'B Road' },
    ];
    expect([...trafficLightNodes(cross([0, 0, 1, 1]), roads)]).toEqual([0]);
  });

  it('does not signal a major road meeting a minor one, nor one road changing its way', () => {
    const minor = [
      { class: 'primary', name: 'A Road' },
      { class: 'residential', name: 'Lane' },
    ];
    expect(trafficLightNodes(cross([0, 0, 1, 1]), minor).size).toBe(0);
    const sameName = [
      { class: 'primary', name: 'A Road' },
      { class: 'primary', name: 'A Road' },
    ];
    expect(trafficLightNodes(cross([0, 1, 0, 1]), sameName).size).toBe(0);
  });
});
