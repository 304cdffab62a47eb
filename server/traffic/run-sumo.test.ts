import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cityActivity } from './build-traffic.js';
import { generateDemand, tripsXml } from './demand.js';
import { buildGridTown } from './grid-town.test-helper.js';
import { parseStatistics, runSumo, type SumoProgress } from './run-sumo.js';
import { runSumoProgram } from './sumo-process.js';
import { convertNetwork } from './sumo-network.js';
import { loadTrafficCity } from './traffic-city.js';

let tilesDir: string;
let work: string;
let netFile: string;
let routeFile: string;

beforeAll(async () => {
  tilesDir = buildGridTown();
  work = mkdtempSync(join(tmpdir(), 'sandtable-run-sumo-'));
  const city = await loadTrafficCity(tilesDir, 'grid-town');
  netFile = (await convertNetwork(city, work)).netFile;
  routeFile = join(work, 'trips.rou.xml');
  writeFileSync(routeFile, tripsXml(generateDemand(await cityActivity(tilesDir, city), { trips: 3000, seed: 2, fromS: 7 * 3600, toS: 9 * 3600 })));
});
afterAll(() => {
  rmSync(tilesDir, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

describe('running SUMO', () => {
  it('runs headless, reports progress and returns its outputs and statistics', async () => {
    const dir = join(work, 'ok');
    mkdirSync(dir);
    const progress: SumoProgress[] = [];
    const run = await runSumo({ netFile, routeFiles: [routeFile], dir, begin: 7 * 3600, end: 9.5 * 3600, seed: 1, onProgress: (p) => progress.push(p) });
    expect(run.statistics.loaded).toBeGreaterThan(100);
    expect(run.statistics.arrived).toBe(run.statistics.loaded);
    expect(run.statistics.teleports).toBe(0);
    expect(progress.every((p, i) => p.fraction >= 0 && p.fraction <= 1 && (i === 0 || p.simS >= progress[i - 1]!.simS))).toBe(true);
  }, 30_000);

  it("fails with SUMO's own error when an input is wrong", async () => {
    const dir = join(work, 'bad');
    mkdirSync(dir);
    const badRoutes = join(dir, 'bad.rou.xml');
    writeFileSync(badRoutes, '<routes><trip id="x" depart="0" from="nowhere" to="g1"/></routes>');
    await expect(runSumo({ netFile, routeFiles: [badRoutes], dir, begin: 0, end: 60, seed: 1, reroutePeriod: 0 })).rejects.toThrow(/sumo exited with code 1:[\s\S]*nowhere/);
  }, 30_000);

  it('times out and can be cancelled', async () => {
    await expect(runSumoProgram('sleep', ['5'], { timeoutMs: 200 })).rejects.toThrow(/sleep timed out after 0 s/);
    const controller = new AbortController();
    const running = runSumoProgram('sleep', ['5'], { signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    await expect(running).rejects.toThrow(/sleep cancelled/);
    await expect(runSumoProgram('no-such-sumo-program', [])).rejects.toThrow(/cannot start no-such-sumo-program/);
  });

  it("reads SUMO's statistic output", () => {
    const xml = '<statistics><vehicles loaded="10" inserted="9" running="1" waiting="1"/><teleports total="2" jam="2"/><vehicleTripStatistics count="8" routeLength="1.0"/></statistics>';
    expect(parseStatistics(xml)).toEqual({ loaded: 10, inserted: 9, running: 1, waiting: 1, teleports: 2, arrived: 8 });
  });
});
