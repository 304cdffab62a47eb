/**
 * Traffic what-if benchmark: how long SUMO takes to re-simulate a 2-hour window of the demo city
 * (07:00–09:00, the morning peak, with 30 minutes of warm-up and 45 of cool-down), once as the
 * baseline and once with a scenario (the window's busiest street segment under 300 m closed in
 * both directions: a street closure, not a tunnel cut), one after
 * the other so each has a core of its own. Prints both times, their ratio and the KPIs side by side.
 *   npm run bench:traffic:resim [-- --trips 30000 --seed 1]
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_START } from '../server/traffic/build-traffic.js';
import { DEFAULT_TRIPS } from '../server/traffic/traffic-defaults.js';
import { loadTrafficCity } from '../server/traffic/traffic-city.js';
import { scenarioContextOf, validateScenario } from '../server/traffic/scenario.js';
import { runWhatIf } from '../server/traffic/what-if.js';
import { kpiTable } from '../server/traffic/kpi-table.js';
import { Recording } from '../server/recording/recording-reader.js';

const { values } = parseArgs({ options: { trips: { type: 'string', default: String(DEFAULT_TRIPS) }, seed: { type: 'string', default: '1' } } });
const tilesDir = join(import.meta.dirname, '..', 'tiles');
const city = await loadTrafficCity(tilesDir, 'shanghai-bund');
const day = Date.parse(DEFAULT_START);
const hour = 3_600_000;
const window = { startMs: day + 7 * hour, endMs: day + 9 * hour };

// Close the street segment with the most trips entering it in the window (from the committed recording), both ways.
const recording = await Recording.open(join(tilesDir, 'recordings', 'shanghai-bund', 'traffic'));
const uses = new Map<number, number>();
for (const event of await recording.eventsBetween(window.startMs, window.endMs)) {
  if (event.op === 'trip' && 'edges' in event.trip) for (const edge of event.trip.edges) uses.set(edge, (uses.get(edge) ?? 0) + 1);
}
const { from, to, lengthM } = city.graph.edges;
const busiest = [...uses.entries()].filter(([edge]) => lengthM[edge]! < 300).sort((a, b) => b[1] - a[1])[0]![0];
const reverse = from.findIndex((f, e) => f === to[busiest] && to[e] === from[busiest]);
const closures = reverse >= 0 ? [busiest, reverse] : [busiest];
const checked = validateScenario({ id: 'bench-resim', name: 'Busiest street segment closed in the morning peak', window, closures }, scenarioContextOf(city, day));
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
  console.log(
    `SUMO re-simulation of the window: baseline ${b.sumoSeconds.toFixed(1)} s (${b.trips} trips), scenario ${s.sumoSeconds.toFixed(1)} s (${s.trips} trips), ratio scenario/baseline ${(s.sumoSeconds / b.sumoSeconds).toFixed(2)}; what-if in all ${result.seconds.toFixed(1)} s`,
  );
  for (const line of kpiTable(result)) console.log(line);
} finally {
  await rm(dir, { recursive: true, force: true });
}
