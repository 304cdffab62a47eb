import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRoutingGraph, shortestPath } from '../../src/city/shortest-path.js';
import { VEHICLE_TYPES_XML } from './demand.js';
import { buildGridTown } from './grid-town.test-helper.js';
import { runSumo } from './run-sumo.js';
import { convertNetwork } from './sumo-network.js';
import { loadTrafficCity, type TrafficCity } from './traffic-city.js';
import { readVehroutes } from './vehroutes-reader.js';

let tilesDir: string;
let work: string;
let city: TrafficCity;

beforeAll(async () => {
  tilesDir = buildGridTown();
  work = mkdtempSync(join(tmpdir(), 'sandtable-closure-'));
  city = await loadTrafficCity(tilesDir, 'grid-town');
});
afterAll(() => {
  rmSync(tilesDir, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

/** Drives one car from edge `from` to edge `to` on the network with `closed` left out; returns its route. */
async function drive(name: string, from: number, to: number, closed: Set<number>): Promise<number[] | null> {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  const net = await convertNetwork(city, dir, undefined, { closed });
  writeFileSync(join(dir, 'trip.rou.xml'), `<routes>\n${VEHICLE_TYPES_XML}\n  <trip id="probe" type="car" depart="0" from="g${from}" to="g${to}" departPos="0" arrivalPos="max"/>\n</routes>\n`);
  const run = await runSumo({ netFile: net.netFile, routeFiles: [join(dir, 'trip.rou.xml')], dir, begin: 0, end: 1800, seed: 1, reroutePeriod: 0 });
  expect(run.statistics.teleports).toBe(0);
  const trips = await readVehroutes(run.vehroutesFile, 0);
  return trips[0]?.edges ?? null;
}

describe('a closure in SUMO', () => {
  it('makes the car route around the closed edge and still arrive', async () => {
    const { graph } = city;
    const routing = createRoutingGraph(graph.nodes.lon.length, graph.edges.from, graph.edges.to);
    // Find a trip whose fastest path has an inner edge that can be avoided.
    let probe: { from: number; to: number; via: number } | null = null;
    for (let a = 0; a < graph.edges.from.length && !probe; a++) {
      for (let b = 0; b < graph.edges.from.length && !probe; b++) {
        if (a === b) continue;
        const path = shortestPath(routing, graph.edges.to[a]!, graph.edges.from[b]!, (e) => graph.edges.freeFlowS[e]!);
        if (!path || path.edges.length < 3) continue;
        const via = path.edges[1]!;
        const detour = shortestPath(routing, graph.edges.to[a]!, graph.edges.from[b]!, (e) => (e === via ? Infinity : graph.edges.freeFlowS[e]!));
        if (detour && !detour.edges.includes(a) && !detour.edges.includes(b)) probe = { from: a, to: b, via };
      }
    }
    expect(probe).not.toBeNull();
    const { from, to, via } = probe!;

    const open = await drive('open', from, to, new Set());
    expect(open).not.toBeNull();
    expect(open).toContain(via);

    const closed = await drive('closed', from, to, new Set([via]));
    expect(closed).not.toBeNull();
    expect(closed).not.toContain(via);
    expect(closed![0]).toBe(from);
    expect(closed![closed!.length - 1]).toBe(to);
    // Every step of the detour is a real turn of the graph: edge i ends where edge i + 1 starts.
    for (let i = 1; i < closed!.length; i++) expect(graph.edges.from[closed![i]!]).toBe(graph.edges.to[closed![i - 1]!]);
  }, 60_000);
});
