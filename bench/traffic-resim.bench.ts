/**
 * Traffic what-if benchmark: how long SUMO takes to re-simulate a 2-hour window of the demo city
 * (07:00–09:00, the morning peak, with 30 minutes of warm-up and 45 of cool-down), once as the
 * baseline and once with a scenario (the two busiest graph edges of the window closed), one after
 * the other so each has a core of its own. Prints both times, their ratio and the KPIs side by side.
 *   npm run bench:traffic:resim [-- --trips 30000 --seed 1]
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_START } from '../server/traffic/build-traffic.js';
import { DEFAULT_TRIPS } from '../server/traffic/cli.js';
import { loadTrafficCity } from '../server/traffic/traffic-city.js';
import { validateScenario } from '../server/traffic/scenario.js';
import { runWhatIf } from '../server/traffic/what-if.js';
import { Recording } from '../server/recording/recording-reader.js';

const { values } = parseArgs({ options: { trips: { type: 'string', default: String(DEFAULT_TRIPS) }, seed: { type: 'string', default: '1' } } });
const tilesDir = join(import.meta.dirname, '..', 'tiles');
const city = await loadTrafficCity(tilesDir, 'shanghai-bund');
const day = Date.parse(DEFAULT_START);
const hour = 3_600_000;
const window = { startMs: day + 7 * hour, endMs: day + 9 * hour };

// Close the two edges with the most trips entering them in the window, from the committed recording.
const recording = await Recording.open(join(tilesDir, 'recordings', 'shanghai-bund', 'traffic'));
const uses = new Map<number, number>();
for (const event of await recording.eventsBetween(window.startMs, window.endMs)) {
  if (event.op === 'trip' && 'edges' in event.trip) for (const edge of event.trip.edges) uses.set(edge, (uses.get(edge) ?? 0) + 1);
}
const closures = [...uses.entries()].sort((a, b) => b[1] - a[1]).slice(0, 2).map(([edge]) => edge);
const checked = validateScenario(
  { id: 'bench-resim', name: 'Two busiest segments closed in the morning peak', window, closures },
  { edgeCount: city.graph.edges.from.length, dayStartMs: day, dayEndMs: day + 24 * hour, placeIds: new Set(city.places.map((p) => p.properties.osm_id)) },
);
if (!checked.ok) throw new Error(checked.error);

const dir = await mkdtemp(join(tmpdir(), 'sandtable-bench-resim-'));
try {
  let lastStage = '';
  const result = await runWhatIf(checked.scenario, city, { tilesDir, dir, dayStartMs: day, tripsPerDay: Number(values.trips), seed: Number(values.seed), sequential: true }, (p) => {
    if (p.stage !== lastStage) console.log(`· ${(lastStage = p.stage)}`);
  });
  const b = result.baseline;
  const s = result.scenario;
  console.log(`closed edges: ${closures.map((e) => `g${e}`).join(', ')}; window 07:00–09:00 simulated 06:30–09:45`);
  console.log(`SUMO re-simulation of the window: baseline ${b.sumoSeconds.toFixed(1)} s (${b.trips} trips), scenario ${s.sumoSeconds.toFixed(1)} s (${s.trips} trips), ratio scenario/baseline ${(s.sumoSeconds / b.sumoSeconds).toFixed(2)}; what-if in all ${result.seconds.toFixed(1)} s`);
  const row = (name: string, f: (k: typeof b.kpis) => number, digits: number): string => `  ${name.padEnd(26)}${f(b.kpis).toFixed(digits).padStart(12)}${f(s.kpis).toFixed(digits).padStart(12)}`;
  console.log(`  ${'KPI (trips leaving 07–09)'.padEnd(26)}${'baseline'.padStart(12)}${'scenario'.padStart(12)}`);
  console.log(row('trips', (k) => k.trips, 0));
  console.log(row('arrived', (k) => k.arrived, 0));
  console.log(row('mean travel time, s', (k) => k.meanTravelTimeS, 1));
  console.log(row('total delay, veh-h', (k) => k.totalDelayH, 1));
  console.log(row('vehicle-km', (k) => k.vehicleKm, 0));
  console.log(row('congested road-km (mean)', (k) => k.congestedRoadKm, 2));
  console.log(row('congested road-km (peak)', (k) => k.peakCongestedRoadKm, 2));
  console.log(`  teleports: baseline ${b.statistics.teleports}, scenario ${s.statistics.teleports}`);
} finally {
  await rm(dir, { recursive: true, force: true });
}
