/**
 * A planner's what-if: re-simulate one window of the day with SUMO, once as the baseline and once
 * with the scenario's closures, demand scale, events and weather, then compare KPIs computed the
 * same way for both. SUMO runs as child processes (both at once: one per core), so the server stays
 * responsive; an AbortSignal cancels them.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { EdgeActivity } from './activity-points.js';
import { cityActivity } from './build-traffic.js';
import { generateDemand, tripsXml, type DemandTrip } from './demand.js';
import type { Scenario, TrafficKpis } from '../../src/protocol/scenario.js';
import { windowKpis } from './kpi.js';
import { runSumo, type SumoStatistics } from './run-sumo.js';
import { convertNetwork } from './sumo-network.js';
import { sumoToRecording } from './sumo-to-recording.js';
import type { TrafficCity } from './traffic-city.js';
import { localProjection } from './traffic-city.js';
import { edgeMidpoints, eventTrips, moveOffClosures, nearestCandidates, scaleTrips } from './what-if-demand.js';

/** How to run a what-if. */
export interface WhatIfOptions {
  tilesDir: string;
  /** Folder where the scenario's work and recording go: `<dir>/<scenario id>/`. */
  dir: string;
  /** Epoch ms of the simulated day's start (SUMO time 0), as the baseline recording was built. */
  dayStartMs: number;
  /** Local hour at dayStartMs (0 for the demo day). */
  startHour?: number;
  /** The baseline's trips a day and seed: the what-if replays exactly the baseline's demand. */
  tripsPerDay: number;
  seed: number;
  /** Simulated before the window so the roads are loaded when it opens (default 30 min). */
  warmupS?: number;
  /** Simulated after the window so its trips can arrive (default 45 min). */
  cooldownS?: number;
  /** Run baseline and scenario one after the other rather than together (for clean timings). */
  sequential?: boolean;
  /** Keep SUMO's files (default: only the recording and the result stay). */
  keepWork?: boolean;
  signal?: AbortSignal;
}

/** A stage and how far the whole what-if is, 0…1. */
export interface WhatIfProgress {
  stage: 'network' | 'demand' | 'simulate' | 'kpis' | 'recording' | 'done';
  fraction: number;
  message: string;
}

/** One side of the comparison. */
export interface WhatIfRun {
  kpis: TrafficKpis;
  statistics: SumoStatistics;
  trips: number;
  sumoSeconds: number;
}

/** The outcome: KPIs side by side and where the scenario's recording is. */
export interface WhatIfResult {
  scenarioId: string;
  window: { startMs: number; endMs: number };
  baseline: WhatIfRun;
  scenario: WhatIfRun;
  /** Scenario − baseline per KPI. */
  difference: TrafficKpis;
  /** A recording of the scenario's window in the feed's format, to replay on the wall. */
  recordingDir: string;
  seconds: number;
}

/** The scenario's demand for the simulated span: baseline trips scaled, moved off closures, plus events. */
export function scenarioDemand(
  scenario: Scenario,
  baseline: DemandTrip[],
  activity: EdgeActivity,
  city: Pick<TrafficCity, 'graph' | 'manifest' | 'places'>,
  dayStartMs: number,
  seed: number,
): DemandTrip[] {
  const closed = new Set(scenario.closures);
  const midpoints = edgeMidpoints(city.graph, city.manifest.centre);
  const windowStartS = (scenario.window.startMs - dayStartMs) / 1000;
  // Only the window's own trips are scaled: the warm-up is the same for both runs.
  const warmup = baseline.filter((trip) => trip.depart < windowStartS);
  const inWindow = scaleTrips(
    baseline.filter((trip) => trip.depart >= windowStartS),
    scenario.demandScale,
    seed + 1,
  );
  const trips = moveOffClosures([...warmup, ...inWindow], closed, activity, midpoints);
  const project = localProjection(city.manifest.centre[0], city.manifest.centre[1]);
  scenario.events.forEach((event, i) => {
    const place = event.placeOsmId === undefined ? undefined : city.places.find((p) => p.properties.osm_id === event.placeOsmId);
    const [x, y] = project(place?.lon ?? event.lon!, place?.lat ?? event.lat!);
    const venue = nearestCandidates(activity, midpoints, x, y, 4, closed);
    trips.push(...eventTrips(activity, venue, event.extraTrips, (event.startMs - dayStartMs) / 1000, (event.endMs - dayStartMs) / 1000, seed + 100 + i, `event${i + 1}`));
  });
  return trips.sort((a, b) => a.depart - b.depart || (a.id < b.id ? -1 : 1));
}

const difference = (a: TrafficKpis, b: TrafficKpis): TrafficKpis =>
  Object.fromEntries(Object.keys(a).map((key) => [key, b[key as keyof TrafficKpis] - a[key as keyof TrafficKpis]])) as unknown as TrafficKpis;

/** Runs the scenario and its baseline over the window; `onProgress` hears each stage and SUMO's progress. */
export async function runWhatIf(scenario: Scenario, city: TrafficCity, options: WhatIfOptions, onProgress: (progress: WhatIfProgress) => void = () => {}): Promise<WhatIfResult> {
  const started = performance.now();
  const root = join(options.dir, scenario.id);
  const work = join(root, 'work');
  await rm(work, { recursive: true, force: true });
  const dirs = { baseline: join(work, 'baseline'), scenario: join(work, 'scenario') };
  await mkdir(dirs.baseline, { recursive: true });
  await mkdir(dirs.scenario, { recursive: true });
  try {
    const fromS = (scenario.window.startMs - options.dayStartMs) / 1000;
    const toS = (scenario.window.endMs - options.dayStartMs) / 1000;
    const begin = Math.max(0, fromS - (options.warmupS ?? 1800));
    const end = toS + (options.cooldownS ?? 2700);

    onProgress({ stage: 'network', fraction: 0, message: 'converting the baseline and scenario networks' });
    const closed = new Set(scenario.closures);
    const [baseNet, scenarioNet] = await Promise.all([
      convertNetwork(city, dirs.baseline, options.signal),
      convertNetwork(city, dirs.scenario, options.signal, { closed, ...(scenario.weather ? { speedFactor: scenario.weather.speedFactor } : {}) }),
    ]);

    options.signal?.throwIfAborted();
    onProgress({ stage: 'demand', fraction: 0.05, message: 'replaying the baseline demand for the window' });
    const activity = await cityActivity(options.tilesDir, city);
    const baseTrips = generateDemand(activity, { trips: options.tripsPerDay, seed: options.seed, startHour: options.startHour ?? 0, fromS: begin, toS });
    const scenarioTrips = scenarioDemand(scenario, baseTrips, activity, city, options.dayStartMs, options.seed);
    await writeFile(join(dirs.baseline, 'trips.rou.xml'), tripsXml(baseTrips));
    await writeFile(join(dirs.scenario, 'trips.rou.xml'), tripsXml(scenarioTrips));

    const fractions = { baseline: 0, scenario: 0 };
    const report = (): void => {
      const f = (fractions.baseline + fractions.scenario) / 2;
      onProgress({
        stage: 'simulate',
        fraction: 0.1 + 0.8 * f,
        message: `simulating ${((end - begin) / 3600).toFixed(1)} h: baseline ${Math.round(fractions.baseline * 100)} %, scenario ${Math.round(fractions.scenario * 100)} %`,
      });
    };
    const simulate = (side: 'baseline' | 'scenario', netFile: string) =>
      runSumo({
        netFile,
        routeFiles: [join(dirs[side], 'trips.rou.xml')],
        dir: dirs[side],
        begin,
        end,
        seed: options.seed,
        signal: options.signal,
        extraArgs: ['--tripinfo-output.write-unfinished', 'true'],
        onProgress: (p) => {
          fractions[side] = p.fraction;
          report();
        },
      });
    const [baseRun, scenarioRun] = options.sequential
      ? [await simulate('baseline', baseNet.netFile), await simulate('scenario', scenarioNet.netFile)]
      : await Promise.all([simulate('baseline', baseNet.netFile), simulate('scenario', scenarioNet.netFile)]);

    options.signal?.throwIfAborted();
    onProgress({ stage: 'kpis', fraction: 0.9, message: 'computing KPIs' });
    const lengths = city.graph.edges.lengthM;
    const [baseKpis, scenarioKpis] = await Promise.all([windowKpis(baseRun, lengths, fromS, toS), windowKpis(scenarioRun, lengths, fromS, toS)]);

    options.signal?.throwIfAborted();
    onProgress({ stage: 'recording', fraction: 0.95, message: 'writing the scenario recording' });
    const recordingDir = join(root, 'recording');
    await sumoToRecording({
      city,
      vehroutesFile: scenarioRun.vehroutesFile,
      edgeDataFile: scenarioRun.edgeDataFile,
      originMs: options.dayStartMs,
      fromMs: scenario.window.startMs,
      durationMs: scenario.window.endMs - options.dayStartMs,
      parking: false,
      outDir: recordingDir,
      source: `sumo what-if ${scenario.id}`,
    });
    const result: WhatIfResult = {
      scenarioId: scenario.id,
      window: scenario.window,
      baseline: { kpis: baseKpis, statistics: baseRun.statistics, trips: baseTrips.length, sumoSeconds: baseRun.seconds },
      scenario: { kpis: scenarioKpis, statistics: scenarioRun.statistics, trips: scenarioTrips.length, sumoSeconds: scenarioRun.seconds },
      difference: difference(baseKpis, scenarioKpis),
      recordingDir,
      seconds: (performance.now() - started) / 1000,
    };
    options.signal?.throwIfAborted();
    await writeFile(join(root, 'result.json'), `${JSON.stringify(result, null, 2)}\n`);
    onProgress({ stage: 'done', fraction: 1, message: 'done' });
    return result;
  } finally {
    if (!options.keepWork) await rm(work, { recursive: true, force: true });
  }
}
