/** The whole pipeline for one city: network → demand → SUMO → recording, reporting each stage. */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { edgeActivity, placeActivities, roadActivities } from './activity-points.js';
import { buildingActivities } from './building-activities.js';
import { generateDemand, tripsXml } from './demand.js';
import { checkNetwork, readSumoNet, type NetworkCheck } from './net-check.js';
import { runSumo, type SumoProgress, type SumoStatistics } from './run-sumo.js';
import { convertNetwork } from './sumo-network.js';
import { sumoToRecording, type RecordingSummary } from './sumo-to-recording.js';
import { loadTrafficCity } from './traffic-city.js';

/** The demo day: a Thursday in June 2014, Shanghai time. */
export const DEFAULT_START = '2014-06-12T00:00:00+08:00';

/** Options of a build. */
export interface BuildOptions {
  tilesDir: string;
  city: string;
  /** ISO instant of SUMO time 0 (a local midnight for the daily profile to line up). */
  start: string;
  seed: number;
  trips: number;
  outDir: string;
  /** Keep SUMO's working folder here instead of a temporary one that is removed. */
  workDir?: string;
  /** For the CLI's what-if command: the scenario to run instead of a build. */
  scenarioFile?: string;
  signal?: AbortSignal;
}

/** What a build did. */
export interface BuildSummary {
  network: NetworkCheck & { trafficLights: number };
  trips: number;
  statistics: SumoStatistics;
  recording: RecordingSummary;
  sumoSeconds: number;
  seconds: number;
}

/** Local hour of day (0…23) of an ISO instant, from its written offset. */
export function localHourOf(iso: string): number {
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) throw new Error(`'${iso}' is not an ISO date-time`);
  const match = /([+-])(\d{2}):?(\d{2})$/.exec(iso);
  const offsetMinutes = match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
  return Math.floor((((ms / 60_000 + offsetMinutes) / 60) % 24) + 24) % 24;
}

/** Everything that makes trips start and end in a city. */
export async function cityActivity(tilesDir: string, city: Awaited<ReturnType<typeof loadTrafficCity>>, closed?: ReadonlySet<number>) {
  const points = [...placeActivities(city.places), ...roadActivities(city), ...(await buildingActivities(join(tilesDir, city.id)))];
  return edgeActivity(city, points, closed);
}

/** Runs the pipeline; `onStage` hears each stage's start and SUMO's progress. */
export async function buildTraffic(options: BuildOptions, onStage: (stage: string, progress?: SumoProgress) => void = () => {}): Promise<BuildSummary> {
  const started = performance.now();
  const originMs = Date.parse(options.start);
  if (!Number.isFinite(originMs)) throw new Error(`'${options.start}' is not an ISO date-time`);
  const work = options.workDir ?? (await mkdtemp(join(tmpdir(), 'sandtable-traffic-')));
  await mkdir(work, { recursive: true });
  try {
    onStage('reading the city pack');
    const city = await loadTrafficCity(options.tilesDir, options.city);
    onStage('converting the road graph with netconvert');
    const net = await convertNetwork(city, work, options.signal);
    const check = checkNetwork(city.graph, await readSumoNet(net.netFile));
    if (check.missingEdges.length > 0) throw new Error(`netconvert dropped ${check.missingEdges.length} graph edges (first: g${check.missingEdges[0]})`);
    onStage("generating the day's demand");
    const activity = await cityActivity(options.tilesDir, city);
    const trips = generateDemand(activity, { trips: options.trips, seed: options.seed, startHour: localHourOf(options.start) });
    const routeFile = join(work, 'trips.rou.xml');
    await writeFile(routeFile, tripsXml(trips));
    onStage('simulating 24 hours with sumo');
    // An hour past midnight lets the last evening trips arrive.
    const run = await runSumo({
      netFile: net.netFile,
      routeFiles: [routeFile],
      dir: work,
      begin: 0,
      end: 90_000,
      seed: options.seed,
      signal: options.signal,
      timeoutMs: 1_800_000,
      onProgress: (progress) => onStage('simulating 24 hours with sumo', progress),
    });
    onStage('writing the recording');
    const recording = await sumoToRecording({ city, vehroutesFile: run.vehroutesFile, edgeDataFile: run.edgeDataFile, originMs, durationMs: 86_400_000, outDir: options.outDir });
    return {
      network: { ...check, trafficLights: net.trafficLights },
      trips: trips.length,
      statistics: run.statistics,
      recording,
      sumoSeconds: run.seconds,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    if (!options.workDir) await rm(work, { recursive: true, force: true });
  }
}
