import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EdgeActivity } from './activity-points.js';
import { cityActivity } from './build-traffic.js';
import { generateDemand, hourlyShares, tripsXml } from './demand.js';
import { buildGridTown } from './grid-town.test-helper.js';
import { loadTrafficCity } from './traffic-city.js';

let tilesDir: string;
let activity: EdgeActivity;

beforeAll(async () => {
  tilesDir = buildGridTown();
  activity = await cityActivity(tilesDir, await loadTrafficCity(tilesDir, 'grid-town'));
});
afterAll(() => rmSync(tilesDir, { recursive: true, force: true }));

const perHour = (departures: number[]): number[] => {
  const counts = new Array<number>(24).fill(0);
  for (const s of departures) counts[Math.floor(s / 3600)]!++;
  return counts;
};

describe('a day of demand', () => {
  it('has a morning peak, an evening peak and a night trough', () => {
    const trips = generateDemand(activity, { trips: 20_000, seed: 7 });
    const counts = perHour(trips.map((t) => t.depart));
    const morning = Math.max(...counts.slice(7, 9));
    const evening = Math.max(...counts.slice(17, 19));
    const midday = Math.max(...counts.slice(11, 15));
    const night = Math.max(...counts.slice(1, 5));
    expect(morning).toBeGreaterThan(1.4 * midday);
    expect(evening).toBeGreaterThan(1.4 * midday);
    expect(night * 5).toBeLessThan(midday);
    // The busiest hour is one of the peaks.
    expect([7, 8, 17, 18]).toContain(counts.indexOf(Math.max(...counts)));
  });

  it('sends mornings to work and evenings home', () => {
    const trips = generateDemand(activity, { trips: 20_000, seed: 7 });
    const share = (hour: number, purpose: string): number => {
      const inHour = trips.filter((t) => Math.floor(t.depart / 3600) === hour);
      return inHour.filter((t) => t.purpose === purpose).length / inHour.length;
    };
    expect(share(8, 'commute-in')).toBeGreaterThan(0.4);
    expect(share(18, 'commute-out')).toBeGreaterThan(0.4);
    expect(share(12, 'errand')).toBeGreaterThan(share(8, 'errand'));
  });

  it('is the same for the same seed and sorted by departure', () => {
    const a = generateDemand(activity, { trips: 2000, seed: 3 });
    const b = generateDemand(activity, { trips: 2000, seed: 3 });
    expect(a).toEqual(b);
    expect(a.every((t, i) => i === 0 || t.depart >= a[i - 1]!.depart)).toBe(true);
    expect(generateDemand(activity, { trips: 2000, seed: 4 })).not.toEqual(a);
  });

  it("gives a window exactly the full day's trips in it", () => {
    const day = generateDemand(activity, { trips: 3000, seed: 5 });
    const window = generateDemand(activity, { trips: 3000, seed: 5, fromS: 7 * 3600, toS: 9 * 3600 });
    expect(window).toEqual(day.filter((t) => t.depart >= 7 * 3600 && t.depart < 9 * 3600));
  });

  it('writes SUMO trips on graph edge ids', () => {
    const xml = tripsXml(generateDemand(activity, { trips: 100, seed: 1 }));
    expect(xml).toMatch(/<trip id="v\d+" type="(car|taxi|delivery)" depart="[\d.]+" from="g\d+" to="g\d+"/);
    expect(xml).toMatch(/<vType id="taxi" vClass="taxi"/);
  });

  it('follows the profile it was given', () => {
    const shares = hourlyShares();
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
  });
});
