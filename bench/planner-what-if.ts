/**
 * One real what-if through the socket, as the planner page runs it: joins a room as planner, runs
 * a scenario (the Yan'an East Road tunnel closed both ways, 07:00–09:00 of the demo day, demand
 * +20 %), prints progress, the KPIs side by side and the wall-clock time.
 * npx tsx bench/planner-what-if.ts http://127.0.0.1:8094 <planner token>
 */
import { io } from 'socket.io-client';
import * as msgpackParser from 'socket.io-msgpack-parser';
import type { ScenarioJobWire } from '../src/protocol/planner-wire.js';

const [url = 'http://127.0.0.1:8094', token = process.env.PLANNER_TOKEN ?? ''] = process.argv.slice(2);
const dayStartMs = Date.parse('2014-06-12T00:00:00+08:00');
const hour = 3_600_000;
const socket = io(url, { parser: msgpackParser, transports: ['websocket'] });
const started = performance.now();

const done = new Promise<ScenarioJobWire>((resolve) => {
  socket.on('scenario:job', (job: ScenarioJobWire) => {
    if (job.status === 'running') console.log(`${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s  ${Math.round(job.progress.fraction * 100)} %  ${job.progress.message}`);
    else resolve(job);
  });
});
await new Promise<void>((resolve) => socket.on('connect', resolve));
const joined = await socket.emitWithAck('feed:join', { room: 'planner-bench', role: 'planner', token });
if (!joined.ok) throw new Error(`join refused: ${joined.error}`);
const reply = await socket.emitWithAck('scenario:run', {
  scenario: {
    id: 'tunnel-closed-am-peak',
    name: '延安东路隧道 closed both ways, 07:00–09:00, demand +20 %',
    window: { startMs: dayStartMs + 7 * hour, endMs: dayStartMs + 9 * hour },
    closures: [238, 239],
    demandScale: 1.2,
  },
  // The guide's default commute on the Bund pack (src/city/default-commute.ts): 黄浦公园 → 正大广场, under the river.
  route: { from: [121.48631, 31.24387], to: [121.49479, 31.2387] },
});
if (!reply.ok) throw new Error(`run refused: ${reply.error}`);
const job = await done;
const seconds = (performance.now() - started) / 1000;
if (job.status !== 'done') throw new Error(`the what-if ${job.status}: ${'error' in job ? job.error : ''}`);
const { baseline, scenario, difference, route } = job.result;
const row = (name: string, key: keyof typeof baseline, digits: number) =>
  console.log(
    `${name.padEnd(24)} ${baseline[key].toFixed(digits).padStart(10)} ${scenario[key].toFixed(digits).padStart(10)} ${(difference[key] >= 0 ? '+' : '') + difference[key].toFixed(digits).padStart(9)}`,
  );
console.log(`${'KPI'.padEnd(24)} ${'baseline'.padStart(10)} ${'scenario'.padStart(10)} ${'change'.padStart(10)}`);
row('trips', 'trips', 0);
row('arrived', 'arrived', 0);
row('mean travel time (s)', 'meanTravelTimeS', 0);
row('total delay (veh·h)', 'totalDelayH', 1);
row('vehicle-km', 'vehicleKm', 0);
row('congested road-km', 'congestedRoadKm', 2);
row('peak congested road-km', 'peakCongestedRoadKm', 2);
if (route) console.log(route.ok ? `guide route ${(route.lengthM / 1000).toFixed(1)} km: ${route.baselineS.toFixed(0)} s → ${route.scenarioS.toFixed(0)} s` : `guide route: ${route.error}`);
console.log(`what-if ${job.result.seconds.toFixed(0)} s on the server, ${seconds.toFixed(0)} s end to end`);
socket.close();
