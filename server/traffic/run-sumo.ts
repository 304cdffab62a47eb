/**
 * Runs SUMO headless over a network and route files and collects its outputs: vehicle routes with
 * edge exit times (trajectories), per-edge data every 5 minutes (congestion), trip info (KPIs) and
 * overall statistics. Progress comes from polling SUMO's summary output as it is written.
 */
import { open, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runSumoProgram } from './sumo-process.js';

/** What to simulate and how. */
export interface SumoRunOptions {
  netFile: string;
  routeFiles: string[];
  /** Folder for the configuration and the outputs. */
  dir: string;
  /** Simulation seconds. */
  begin: number;
  end: number;
  seed: number;
  /** Seconds a vehicle may stand still before SUMO teleports it past the jam (default 300). */
  timeToTeleport?: number;
  /** Edge data interval, seconds (default 300). */
  edgeDataPeriod?: number;
  /** Extra additional files (e.g. rerouters). */
  additionalFiles?: string[];
  /** Routes are recomputed on the way every this many seconds from current travel times (default 300; 0 disables). */
  reroutePeriod?: number;
  /** More SUMO options, e.g. ['--tripinfo-output.write-unfinished', 'true']. */
  extraArgs?: string[];
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Called as simulated time passes. */
  onProgress?: (progress: SumoProgress) => void;
}

/** Where a run has got to. */
export interface SumoProgress {
  simS: number;
  /** Share of [begin, end] done, 0…1. */
  fraction: number;
  running: number;
  arrived: number;
}

/** SUMO's own count of what happened. */
export interface SumoStatistics {
  loaded: number;
  inserted: number;
  running: number;
  waiting: number;
  teleports: number;
  arrived: number;
}

/** The outputs of a finished run. */
export interface SumoRunResult {
  vehroutesFile: string;
  edgeDataFile: string;
  tripinfoFile: string;
  statistics: SumoStatistics;
  seconds: number;
}

/** Reads `<vehicles loaded=… inserted=…/>` and `<teleports total=…/>` from a statistic output. */
export function parseStatistics(xml: string): SumoStatistics {
  const attribute = (tag: string, name: string): number => {
    const element = new RegExp(`<${tag}\\s[^>]*>`).exec(xml)?.[0] ?? '';
    return Number(new RegExp(`\\b${name}="([^"]*)"`).exec(element)?.[1] ?? 0);
  };
  return {
    loaded: attribute('vehicles', 'loaded'),
    inserted: attribute('vehicles', 'inserted'),
    running: attribute('vehicles', 'running'),
    waiting: attribute('vehicles', 'waiting'),
    teleports: attribute('teleports', 'total'),
    arrived: attribute('vehicleTripStatistics', 'count'),
  };
}

/** Reads the last `<step …/>` of a summary output being written, or null. */
async function lastSummaryStep(file: string): Promise<{ time: number; running: number; arrived: number } | null> {
  const handle = await open(file, 'r').catch(() => null);
  if (!handle) return null;
  try {
    const { size } = await handle.stat();
    const length = Math.min(size, 4096);
    const buffer = Buffer.alloc(length);
    await handle.read(buffer, 0, length, size - length);
    const steps = [...buffer.toString('utf8').matchAll(/<step time="([\d.]+)"[^>]*?running="(\d+)"[^>]*?arrived="(\d+)"/g)];
    const last = steps[steps.length - 1];
    return last ? { time: Number(last[1]), running: Number(last[2]), arrived: Number(last[3]) } : null;
  } finally {
    await handle.close();
  }
}

/** Runs SUMO to the end and returns its output files and statistics. */
export async function runSumo(options: SumoRunOptions): Promise<SumoRunResult> {
  const { dir } = options;
  const additionalFile = join(dir, 'edgedata.add.xml');
  const period = options.edgeDataPeriod ?? 300;
  // excludeEmpty keeps only edges that saw a vehicle in the interval: most of the night is empty.
  await writeFile(additionalFile, `<additional>\n  <edgeData id="traffic" period="${period}" begin="${options.begin}" file="edgedata.xml" excludeEmpty="true"/>\n</additional>\n`);
  const files = {
    vehroutes: join(dir, 'vehroutes.xml'),
    edgeData: join(dir, 'edgedata.xml'),
    tripinfo: join(dir, 'tripinfo.xml'),
    summary: join(dir, 'summary.xml'),
    statistics: join(dir, 'statistics.xml'),
  };
  const reroutePeriod = options.reroutePeriod ?? 300;
  const args = [
    '--net-file',
    options.netFile,
    '--route-files',
    options.routeFiles.join(','),
    '--additional-files',
    [additionalFile, ...(options.additionalFiles ?? [])].join(','),
    '--begin',
    String(options.begin),
    '--end',
    String(options.end),
    '--seed',
    String(options.seed),
    '--vehroute-output',
    files.vehroutes,
    '--vehroute-output.exit-times',
    'true',
    '--vehroute-output.last-route',
    'true',
    '--tripinfo-output',
    files.tripinfo,
    '--summary-output',
    files.summary,
    '--summary-output.period',
    '60',
    '--statistic-output',
    files.statistics,
    '--time-to-teleport',
    String(options.timeToTeleport ?? 300),
    // A vehicle that cannot enter the network for 15 minutes is dropped rather than queueing forever.
    '--max-depart-delay',
    '900',
    '--ignore-route-errors',
    'true',
    '--no-step-log',
    'true',
    '--no-warnings',
    'true',
    '--duration-log.disable',
    'true',
    ...(reroutePeriod > 0 ? ['--device.rerouting.probability', '1', '--device.rerouting.period', String(reroutePeriod), '--device.rerouting.adaptation-steps', '18'] : []),
    ...(options.extraArgs ?? []),
  ];
  let polling = true;
  const poll = async (): Promise<void> => {
    while (polling) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      const step = await lastSummaryStep(files.summary);
      if (step && polling) {
        const fraction = Math.min(1, Math.max(0, (step.time - options.begin) / (options.end - options.begin)));
        options.onProgress?.({ simS: step.time, fraction, running: step.running, arrived: step.arrived });
      }
    }
  };
  const poller = options.onProgress ? poll() : Promise.resolve();
  try {
    const result = await runSumoProgram('sumo', args, { cwd: dir, signal: options.signal, timeoutMs: options.timeoutMs ?? 900_000 });
    const statistics = parseStatistics(await readFile(files.statistics, 'utf8'));
    return { vehroutesFile: files.vehroutes, edgeDataFile: files.edgeData, tripinfoFile: files.tripinfo, statistics, seconds: result.seconds };
  } finally {
    polling = false;
    await poller;
  }
}
