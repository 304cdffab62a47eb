import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Recording } from '../recording/recording-reader.js';
import { buildGridTown } from './grid-town.test-helper.js';
import { sumoToRecording } from './sumo-to-recording.js';
import { loadTrafficCity, type TrafficCity } from './traffic-city.js';

let tilesDir: string;
let work: string;
let city: TrafficCity;
const origin = Date.parse('2014-06-12T00:00:00+08:00');

beforeAll(async () => {
  tilesDir = buildGridTown();
  work = mkdtempSync(join(tmpdir(), 'sandtable-s2r-'));
  city = await loadTrafficCity(tilesDir, 'grid-town');
  writeFileSync(
    join(work, 'vehroutes.xml'),
    `<routes>
  <vehicle id="v2" type="taxi" depart="4000.00" arrival="4100.00"><route edges="g2 g3" exitTimes="4050.00 4100.00"/></vehicle>
  <vehicle id="v1" type="car" depart="3700.00" arrival="3900.00"><route edges="g0 g1" exitTimes="3800.00 3900.00"/></vehicle>
</routes>`,
  );
  writeFileSync(
    join(work, 'edgedata.xml'),
    `<meandata>
  <interval begin="3600.00" end="3900.00" id="traffic">
    <edge id="g0" sampledSeconds="100" speed="5.00" speedRelative="0.40" occupancy="12.00" density="20" entered="0" departed="1" timeLoss="30"/>
  </interval>
</meandata>`,
  );
});
afterAll(() => {
  rmSync(tilesDir, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

describe('SUMO outputs → recording', () => {
  it('writes trips, flows and parking in time order and replaces the previous recording whole', async () => {
    const outDir = join(work, 'recordings', 'traffic');
    mkdirSync(outDir, { recursive: true });
    writeFileSync(join(outDir, 'old.txt'), 'previous');
    const summary = await sumoToRecording({ city, vehroutesFile: join(work, 'vehroutes.xml'), edgeDataFile: join(work, 'edgedata.xml'), originMs: origin, durationMs: 86_400_000, outDir });
    expect(summary).toMatchObject({ trips: 2, flowEvents: 1 });
    expect(summary.bytesPerTrip).toBeGreaterThan(0);
    expect(existsSync(join(outDir, 'old.txt'))).toBe(false);
    expect(readdirSync(join(work, 'recordings'))).toEqual(['traffic']);
    const recording = await Recording.open(outDir);
    const events = await recording.eventsBetween(origin - 1, origin + 86_400_000);
    expect(events.every((e, i) => i === 0 || e.t >= events[i - 1]!.t)).toBe(true);
    const trips = events.filter((e) => e.op === 'trip');
    expect(trips.map((e) => e.op === 'trip' && e.trip.id)).toEqual(['v1', 'v2']);
    const flow = events.find((e) => e.op === 'upsert' && e.entity.type === 'TrafficFlowObserved');
    expect(flow?.op === 'upsert' && flow.entity).toMatchObject({
      id: 'urn:ngsi-ld:TrafficFlowObserved:grid-town:g0',
      congestionLevel: 'CONGESTION',
      congested: true,
      averageVehicleSpeed: 18,
      occupancy: 0.12,
    });
    expect(events.some((e) => e.op === 'upsert' && e.entity.type === 'OffStreetParking')).toBe(true);
    expect(JSON.parse(readFileSync(join(outDir, 'recording.json'), 'utf8')).source).toBe('sumo');
  });

  it('leaves the previous recording in place when the conversion fails', async () => {
    const outDir = join(work, 'kept', 'traffic');
    mkdirSync(outDir, { recursive: true });
    writeFileSync(join(outDir, 'old.txt'), 'previous');
    await expect(sumoToRecording({ city, vehroutesFile: join(work, 'missing.xml'), edgeDataFile: join(work, 'edgedata.xml'), originMs: origin, durationMs: 86_400_000, outDir })).rejects.toThrow();
    expect(readFileSync(join(outDir, 'old.txt'), 'utf8')).toBe('previous');
    expect(readdirSync(join(work, 'kept'))).toEqual(['traffic']);
  });
});
