import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Recording } from '../recording/recording-reader.js';
import { buildGridTown } from './grid-town.test-helper.js';
import { scenarioContextOf, validateScenario } from './scenario.js';
import { loadTrafficCity, type TrafficCity } from './traffic-city.js';
import { runWhatIf, type WhatIfProgress } from './what-if.js';
import { WhatIfJobs } from './what-if-jobs.js';

let tilesDir: string;
let work: string;
let city: TrafficCity;
const day = Date.parse('2014-06-12T00:00:00+08:00');
const hour = 3_600_000;

beforeAll(async () => {
  tilesDir = buildGridTown();
  work = mkdtempSync(join(tmpdir(), 'sandtable-whatif-'));
  city = await loadTrafficCity(tilesDir, 'grid-town');
});
afterAll(() => {
  rmSync(tilesDir, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

const scenarioOf = (raw: unknown) => {
  const checked = validateScenario(raw, scenarioContextOf(city, day));
  if (!checked.ok) throw new Error(checked.error);
  return checked.scenario;
};

describe('a what-if on a small city', () => {
  it('re-simulates the window twice and compares KPIs, with progress and a recording', async () => {
    const mall = city.places.find((p) => p.properties.category === 'mall')!;
    const scenario = scenarioOf({
      id: 'busier-morning',
      name: 'A busier morning with a sale at the mall',
      window: { startMs: day + 8 * hour, endMs: day + 9 * hour },
      demandScale: 1.5,
      // A busy middle edge, which trips also start and end on: they must move off it.
      closures: [city.graph.edges.from.length >> 1],
      events: [{ placeOsmId: mall.properties.osm_id, startMs: day + 8 * hour, endMs: day + 9 * hour, extraTrips: 60 }],
    });
    const progress: WhatIfProgress[] = [];
    const result = await runWhatIf(scenario, city, { tilesDir, dir: work, dayStartMs: day, tripsPerDay: 3000, seed: 1, warmupS: 900, cooldownS: 1800 }, (p) => progress.push(p));
    expect(result.baseline.trips).toBeGreaterThan(100);
    expect(result.scenario.trips).toBeGreaterThan(result.baseline.trips * 1.3);
    for (const side of [result.baseline, result.scenario]) {
      expect(side.kpis.trips).toBeGreaterThan(0);
      expect(side.kpis.arrived).toBeGreaterThan(0.9 * side.kpis.trips);
      expect(side.kpis.meanTravelTimeS).toBeGreaterThan(0);
      expect(side.kpis.vehicleKm).toBeGreaterThan(0);
      expect(side.kpis.totalDelayH).toBeGreaterThanOrEqual(0);
    }
    // More trips, more kilometres.
    expect(result.difference.vehicleKm).toBeGreaterThan(0);
    expect(result.difference.trips).toBe(result.scenario.kpis.trips - result.baseline.kpis.trips);
    expect(progress[progress.length - 1]).toMatchObject({ stage: 'done', fraction: 1 });
    expect(progress.every((p, i) => i === 0 || p.fraction >= progress[i - 1]!.fraction)).toBe(true);
    const recording = await Recording.open(result.recordingDir);
    const world = await recording.stateAt(day + 8.5 * hour);
    expect(world.trips.size).toBeGreaterThan(0);
  }, 60_000);

  it('runs as a cancellable background job', async () => {
    const states: string[] = [];
    const jobs = new WhatIfJobs(city, { tilesDir, dir: work, dayStartMs: day, tripsPerDay: 3000, seed: 1 }, (state) => states.push(state.status));
    const scenario = scenarioOf({ id: 'cancelled', name: 'Cancelled', window: { startMs: day + 7 * hour, endMs: day + 9 * hour } });
    const started = jobs.start(scenario);
    expect(started.ok).toBe(true);
    if (!started.ok) return;
    expect(jobs.start(scenario)).toEqual({ ok: false, error: expect.stringMatching(/already running/) });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(jobs.cancel(started.id)).toBe(true);
    await expect.poll(() => jobs.get(started.id)?.status, { timeout: 10_000 }).toBe('cancelled');
    expect(states[0]).toBe('running');
  }, 30_000);
});
