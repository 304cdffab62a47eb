/** The KPIs of a what-if, baseline and scenario side by side, as text for the console. */
import type { TrafficKpis } from '../../src/protocol/scenario.js';
import type { WhatIfResult } from './what-if.js';

const ROWS: [string, (k: TrafficKpis) => number, number][] = [
  ['trips leaving in the window', (k) => k.trips, 0],
  ['arrived', (k) => k.arrived, 0],
  ['mean travel time, s', (k) => k.meanTravelTimeS, 1],
  ['total delay, vehicle-h', (k) => k.totalDelayH, 1],
  ['vehicle-km', (k) => k.vehicleKm, 0],
  ['congested road-km, mean', (k) => k.congestedRoadKm, 2],
  ['congested road-km, worst', (k) => k.peakCongestedRoadKm, 2],
];

/** Lines of a table: KPI, baseline, scenario, change; then SUMO's times and teleports. */
export function kpiTable(result: WhatIfResult): string[] {
  const b = result.baseline;
  const s = result.scenario;
  const pad = (text: string, width: number): string => text.padStart(width);
  const change = (before: number, after: number): string => (before === 0 ? '' : `${after >= before ? '+' : ''}${(((after - before) / before) * 100).toFixed(1)} %`);
  return [
    `  ${'KPI'.padEnd(30)}${pad('baseline', 12)}${pad('scenario', 12)}${pad('change', 10)}`,
    ...ROWS.map(([name, get, digits]) => `  ${name.padEnd(30)}${pad(get(b.kpis).toFixed(digits), 12)}${pad(get(s.kpis).toFixed(digits), 12)}${pad(change(get(b.kpis), get(s.kpis)), 10)}`),
    `  ${'teleports (whole run)'.padEnd(30)}${pad(String(b.statistics.teleports), 12)}${pad(String(s.statistics.teleports), 12)}`,
    `  ${'SUMO seconds'.padEnd(30)}${pad(b.sumoSeconds.toFixed(1), 12)}${pad(s.sumoSeconds.toFixed(1), 12)}`,
  ];
}
