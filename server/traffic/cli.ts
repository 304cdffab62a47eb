/**
 * npm run traffic -- build <city> [--start <ISO>] [--seed n] [--trips n] [--out <dir>] [--tiles <dir>] [--work <dir>]
 * npm run traffic -- what-if <city> <scenario.json> [--start <ISO>] [--seed n] [--trips n] [--out <dir>] [--tiles <dir>]
 * Exit codes: 0 done, 1 the build or what-if failed (one `error:` line), 2 bad arguments.
 */
import { realpathSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { buildTraffic, DEFAULT_START, localHourOf, type BuildOptions, type BuildSummary } from './build-traffic.js';
import { kpiTable } from './kpi-table.js';
import { scenarioContextOf, validateScenario } from './scenario.js';
import { loadTrafficCity } from './traffic-city.js';
import { DEFAULT_SEED, DEFAULT_TRIPS } from './traffic-defaults.js';
import { runWhatIf } from './what-if.js';
import { FILE_ID_RULE, isFileId } from '../../src/protocol/ids.js';

/** Usage text printed with argument errors and --help. */
export const USAGE = `usage: npm run traffic -- build <city> [--start <ISO>] [--seed <n>] [--trips <n>] [--out <folder>] [--tiles <folder>] [--work <folder>]
  <city>    a city pack id under --tiles (default tiles/)
  --start   ISO instant of the day's start, a local midnight (default ${DEFAULT_START})
  --seed    demand and SUMO seed (default ${DEFAULT_SEED})
  --trips   vehicle trips over 24 hours (default ${DEFAULT_TRIPS})
  --out     recording folder (default tiles/recordings/<city>/traffic)
  --work    keep SUMO's network, trips and outputs in this folder
       npm run traffic -- what-if <city> <scenario.json> [--start <ISO>] [--seed <n>] [--trips <n>] [--out <folder>] [--tiles <folder>]
  re-simulates the scenario's window and its baseline (same --start, --seed and --trips as the build);
  --out     where scenarios, results and recordings go (default $DATA_DIR/what-if/<city>, DATA_DIR defaulting to data)`;

/** Thrown for arguments that do not make a command (exit code 2). */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

const positiveInteger = (name: string, value: string | undefined, fallback: number, max: number): number => {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > max) throw new UsageError(`--${name} must be a whole number from 1 to ${max}, not '${value}'`);
  return Number(value);
};

/** Validates argv (without node and the script) into build options. */
export function parseTrafficArguments(argv: string[], env: NodeJS.ProcessEnv = process.env): BuildOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        start: { type: 'string' },
        seed: { type: 'string' },
        trips: { type: 'string' },
        out: { type: 'string' },
        tiles: { type: 'string' },
        work: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) throw new UsageError('help');
  const [command, city, ...rest] = positionals;
  if (command !== 'build' && command !== 'what-if') throw new UsageError(command ? `unknown command '${command}'` : 'no command given');
  if (!city) throw new UsageError(`${command} needs a city id`);
  if (command === 'what-if' && rest.length === 0) throw new UsageError('what-if needs a scenario JSON file');
  if (command === 'what-if' && values.work) throw new UsageError('--work is for build only');
  if (rest.length > (command === 'what-if' ? 1 : 0)) throw new UsageError(`unexpected argument '${rest[command === 'what-if' ? 1 : 0]}'`);
  if (!isFileId(city)) throw new UsageError(`city '${city}' must be ${FILE_ID_RULE}`);
  const start = values.start ?? DEFAULT_START;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(start) || !Number.isFinite(Date.parse(start))) {
    throw new UsageError(`--start '${start}' is not an ISO date-time with an offset, e.g. ${DEFAULT_START}`);
  }
  const tilesDir = values.tiles ?? 'tiles';
  const dataDir = env.DATA_DIR ?? 'data';
  const options: BuildOptions = {
    tilesDir,
    city,
    start,
    seed: positiveInteger('seed', values.seed, DEFAULT_SEED, 2 ** 31 - 1),
    trips: positiveInteger('trips', values.trips, DEFAULT_TRIPS, 1_000_000),
    // The baseline is part of the city's recordings; a what-if's output is the operator's own, kept out of the served tiles/.
    outDir: values.out ?? (command === 'build' ? join(tilesDir, 'recordings', city, 'traffic') : join(dataDir, 'what-if', city)),
  };
  if (values.work) options.workDir = values.work;
  if (command === 'what-if') options.scenarioFile = rest[0]!;
  return options;
}

/** Runs a what-if from a scenario file and prints the KPIs side by side. */
async function whatIf(options: BuildOptions & { scenarioFile: string }): Promise<void> {
  const city = await loadTrafficCity(options.tilesDir, options.city);
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(options.scenarioFile, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read scenario '${options.scenarioFile}': ${(error as Error).message}`, { cause: error });
  }
  const dayStartMs = Date.parse(options.start);
  const checked = validateScenario(raw, scenarioContextOf(city, dayStartMs));
  if (!checked.ok) throw new Error(`scenario '${options.scenarioFile}': ${checked.error}`);
  // The run's folder says what was run: the scenario as checked, beside the result and recording runWhatIf writes there.
  await mkdir(join(options.outDir, checked.scenario.id), { recursive: true });
  // Whole or not at all: written beside, then renamed into place.
  const scenarioPath = join(options.outDir, checked.scenario.id, 'scenario.json');
  await writeFile(`${scenarioPath}.${process.pid}.tmp`, `${JSON.stringify(checked.scenario, null, 2)}\n`);
  await rename(`${scenarioPath}.${process.pid}.tmp`, scenarioPath);
  let lastTenth = -1;
  const result = await runWhatIf(
    checked.scenario,
    city,
    { tilesDir: options.tilesDir, dir: options.outDir, dayStartMs, startHour: localHourOf(options.start), tripsPerDay: options.trips, seed: options.seed },
    (p) => {
      const tenth = Math.floor(p.fraction * 10);
      if (tenth > lastTenth) {
        lastTenth = tenth;
        console.log(`  ${tenth * 10} % ${p.message}`);
      }
    },
  );
  console.log(`what-if '${checked.scenario.id}': recording ${result.recordingDir}, ${result.seconds.toFixed(0)} s`);
  for (const line of kpiTable(result)) console.log(line);
}

/** The summary lines of a build. */
export function summaryLines(s: BuildSummary): string[] {
  const n = s.network;
  const st = s.statistics;
  return [
    `network: ${n.convertedEdges}/${n.graphEdges} graph edges in SUMO, ${n.trafficLights} signalised junctions; largest strongly connected share ${(n.sumoLargestComponentShare * 100).toFixed(1)} % (pack ${(n.graphLargestComponentShare * 100).toFixed(1)} %)`,
    `demand: ${s.trips} trips; SUMO inserted ${st.inserted}, finished ${st.arrived}, teleported ${st.teleports}, left waiting ${st.waiting}, still running ${st.running} (${s.sumoSeconds.toFixed(0)} s)`,
    `recording: ${s.recording.dir}, ${(s.recording.bytes / 1e6).toFixed(2)} MB, ${s.recording.trips} trips, ${s.recording.flowEvents} flow events, ${s.recording.parkingEvents} parking events`,
    `bytes per vehicle-trip: ${s.recording.bytesPerTrip.toFixed(0)} all in, ${s.recording.tripBytesPerTrip.toFixed(0)} for the trajectory alone; ${s.seconds.toFixed(0)} s in all`,
  ];
}

/** Runs the CLI; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  let options: BuildOptions;
  try {
    options = parseTrafficArguments(argv);
  } catch (error) {
    if (error instanceof UsageError && error.message === 'help') {
      console.log(USAGE);
      return 0;
    }
    console.error(`error: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (options.scenarioFile !== undefined) {
    try {
      await whatIf({ ...options, scenarioFile: options.scenarioFile });
      return 0;
    } catch (error) {
      console.error(`error: ${(error as Error).message.split('\n').join('\n  ')}`);
      return 1;
    }
  }
  let lastStage = '';
  let lastPercent = -1;
  try {
    const summary = await buildTraffic(options, (stage, progress) => {
      if (stage !== lastStage) {
        lastStage = stage;
        console.log(`· ${stage}`);
      }
      const percent = progress ? Math.floor(progress.fraction * 10) * 10 : -1;
      if (progress && percent > lastPercent) {
        lastPercent = percent;
        console.log(`  ${percent} % (sim ${(progress.simS / 3600).toFixed(1)} h, ${progress.running} vehicles on the road, ${progress.arrived} arrived)`);
      }
    });
    for (const line of summaryLines(summary)) console.log(line);
    return 0;
  } catch (error) {
    console.error(`error: ${(error as Error).message.split('\n').join('\n  ')}`);
    return 1;
  }
}

// Run only when executed, not when a test imports the module.
const invoked = process.argv[1] ? realpathSync(process.argv[1]) : '';
if (invoked === fileURLToPath(import.meta.url)) process.exitCode = await main(process.argv.slice(2));
