/**
 * npm run weather -- import <file.csv> --city <id> [--mapping <mapping.json>] [--out <folder>]
 * Exit codes: 0 done, 1 the import failed (one `error:` line), 2 bad arguments.
 */
import { parseArgs } from 'node:util';
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { importWeatherCsv, type WeatherImportSummary } from './csv-import.js';
import { FILE_ID_RULE, isFileId } from '../../src/protocol/ids.js';

/** Usage text printed with argument errors and --help. */
export const USAGE = `usage: npm run weather -- import <file.csv> --city <id> [--mapping <mapping.json>] [--out <folder>]
  --city     city id (lower-case letters, digits, dashes); the recording goes to tiles/recordings/<city>/weather/
  --mapping  column mapping JSON (default: tiles/sources/weather/shanghai-hourly.mapping.json)
  --out      recording folder (default: tiles/recordings/<city>/weather)`;

/** Parsed command-line arguments. */
export interface WeatherCliArguments {
  csvPath: string;
  city: string;
  mapping?: string;
  outDir?: string;
}

/** Thrown for arguments that do not make a command (exit code 2). */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Validates argv (without node and the script) into an import request. */
export function parseWeatherArguments(argv: string[]): WeatherCliArguments {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: { city: { type: 'string' }, mapping: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) throw new UsageError('help');
  const [command, csvPath, ...rest] = positionals;
  if (command !== 'import') throw new UsageError(command ? `unknown command '${command}'` : 'no command given');
  if (!csvPath) throw new UsageError('import needs a CSV file');
  if (rest.length > 0) throw new UsageError(`unexpected argument '${rest[0]}'`);
  if (!values.city) throw new UsageError('--city is required');
  if (!isFileId(values.city)) throw new UsageError(`--city '${values.city}' must be ${FILE_ID_RULE}`);
  return { csvPath, city: values.city, ...(values.mapping ? { mapping: values.mapping } : {}), ...(values.out ? { outDir: values.out } : {}) };
}

/** The one-line summary of an import. */
export function summaryLine(s: WeatherImportSummary): string {
  const missingByField = Object.entries(s.missing)
    .filter(([, n]) => n > 0)
    .map(([field, n]) => `${field} ${n}`)
    .join(', ');
  const megabytes = (s.bytes / 1e6).toFixed(2);
  const gaps = s.windGaps > 0 ? `; ${s.windGaps} wind speeds unknown after missing hours` : '';
  return `imported ${s.rows} rows → ${s.hours} hours written (${s.chunks} day chunks, ${megabytes} MB) to ${s.outDir}; ${s.missingTotal} missing values${missingByField ? ` (${missingByField})` : ''}${gaps}; span ${s.first} … ${s.last}; ${s.seconds.toFixed(1)} s`;
}

/** Runs the CLI; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  let request: WeatherCliArguments;
  try {
    request = parseWeatherArguments(argv);
  } catch (error) {
    if (error instanceof UsageError && error.message === 'help') {
      console.log(USAGE);
      return 0;
    }
    console.error(`error: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  try {
    const summary = await importWeatherCsv(request);
    console.log(summaryLine(summary));
    for (const day of summary.namedDays) console.log(`  ${day.id.padEnd(9)} ${day.date}  ${day.name.en}: ${day.why.en}`);
    return 0;
  } catch (error) {
    console.error(`error: ${(error as Error).message}`);
    return 1;
  }
}

// Run only when executed, not when a test imports the module.
const invoked = process.argv[1] ? realpathSync(process.argv[1]) : '';
if (invoked === fileURLToPath(import.meta.url)) process.exitCode = await main(process.argv.slice(2));
