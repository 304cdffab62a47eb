import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTraffic, DEFAULT_START } from './build-traffic.js';
import { buildGridTown } from './grid-town.test-helper.js';

let tilesDir: string;
let out: string;

beforeAll(() => {
  tilesDir = buildGridTown();
  out = mkdtempSync(join(tmpdir(), 'sandtable-build-traffic-'));
});
afterAll(() => {
  rmSync(tilesDir, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
});

const files = (dir: string): Record<string, string> =>
  Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => [join(e.parentPath, e.name).slice(dir.length), readFileSync(join(e.parentPath, e.name)).toString('base64')]),
  );

describe('the traffic build', () => {
  it('runs the whole pipeline on a small city and makes the same recording from the same seed', async () => {
    const stages: string[] = [];
    const options = { tilesDir, city: 'grid-town', start: DEFAULT_START, seed: 3, trips: 2000 };
    const first = await buildTraffic({ ...options, outDir: join(out, 'a') }, (stage) => stages.at(-1) !== stage && stages.push(stage));
    expect(first.network.missingEdges).toEqual([]);
    expect(first.statistics.arrived).toBe(first.trips);
    expect(first.recording.trips).toBeGreaterThan(0.95 * first.trips);
    expect(first.recording.bytesPerTrip).toBeGreaterThan(first.recording.tripBytesPerTrip);
    expect(stages).toEqual(['reading the city pack', 'converting the road graph with netconvert', "generating the day's demand", 'simulating 24 hours with sumo', 'writing the recording']);
    await buildTraffic({ ...options, outDir: join(out, 'b') });
    expect(files(join(out, 'b'))).toEqual(files(join(out, 'a')));
  }, 60_000);
});
