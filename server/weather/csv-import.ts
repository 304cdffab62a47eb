/**
 * Imports an hourly weather CSV as the city's weather recording: parse and check every row first,
 * then write the recording (one-day chunks) and days.json into a temporary sibling folder and
 * rename it into place, so a failed import writes nothing and leaves the previous recording as it was.
 */
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RecordingWriter } from '../recording/recording-writer.js';
import { INDEX_FILE } from '../recording/recording-format.js';
import { NAMED_DAYS_FILE, namedDaysFileSchema, type NamedDay } from '../../src/weather/named-days-file.js';
import { readMapping, type CsvMapping } from './csv-mapping.js';
import { readHourlyRows, type CountedField } from './hourly-rows.js';
import { findNamedDays } from './named-days.js';
import { localIso, toWeatherEvents } from './weather-events.js';
import { FILE_ID_RULE, isFileId } from '../../src/protocol/ids.js';

/** One day of sim time: a chunk per day makes "jump to a day" read one file. */
export const DAY_MS = 86_400_000;
/** The bundled file's mapping, used when none is given (it fits the whole UCI five-cities family). */
export const DEFAULT_MAPPING_PATH = fileURLToPath(new URL('../../tiles/sources/weather/shanghai-hourly.mapping.json', import.meta.url));
/** Where recordings live: tiles/recordings/<city>/weather/. */
export const RECORDINGS_ROOT = fileURLToPath(new URL('../../tiles/recordings', import.meta.url));

/** What to import, and where to. */
export interface WeatherImportOptions {
  csvPath: string;
  city: string;
  /** A mapping object or a mapping file path (default: DEFAULT_MAPPING_PATH). */
  mapping?: CsvMapping | string;
  /** The recording folder (default: tiles/recordings/<city>/weather). */
  outDir?: string;
}

/** What an import did, for the summary line. */
export interface WeatherImportSummary {
  outDir: string;
  rows: number;
  hours: number;
  missing: Record<CountedField, number>;
  missingTotal: number;
  first: string;
  last: string;
  chunks: number;
  /** Bytes on disk: chunks, index and days.json. */
  bytes: number;
  windRunStarts: number;
  /** Rows right after missing hours whose cumulated wind speed is left unknown (see docs/weather.md). */
  windGaps: number;
  namedDays: NamedDay[];
  seconds: number;
}

/** Thrown for an import that cannot start (bad city id, unreadable file). */
export class WeatherImportError extends Error {
  override readonly name = 'WeatherImportError';
}

/** Imports a CSV; throws (CsvError, MappingError, WeatherImportError) before writing anything. */
export async function importWeatherCsv(options: WeatherImportOptions): Promise<WeatherImportSummary> {
  const started = performance.now();
  if (!isFileId(options.city)) throw new WeatherImportError(`city id '${options.city}' must be ${FILE_ID_RULE}`);
  const mapping = typeof options.mapping === 'object' ? options.mapping : await readMapping(options.mapping ?? DEFAULT_MAPPING_PATH);
  let text: string;
  try {
    text = await readFile(options.csvPath, 'utf8');
  } catch (error) {
    throw new WeatherImportError(`cannot read '${options.csvPath}' (${(error as NodeJS.ErrnoException).code ?? error})`);
  }

  const { rows, missing } = readHourlyRows(text, mapping);
  const converted = toWeatherEvents(rows, mapping, options.city);
  const namedDays = findNamedDays(
    rows.map((row, i) => ({ t: row.t, local: row.local, temperature: row.temperature, windSpeed: converted.windSpeeds[i]!, precipitation: converted.precipitation[i]! })),
  );
  const source = `weather import ${basename(options.csvPath)}${mapping.description ? ` — ${mapping.description}` : ''}`.slice(0, 512);
  const daysFile = namedDaysFileSchema.parse({ city: options.city, source, days: namedDays });

  const outDir = options.outDir ?? join(RECORDINGS_ROOT, options.city, 'weather');
  const first = rows[0]!;
  // Chunks start at local midnight, so chunk n is the n-th local day.
  const originMs = first.t - (first.local.hour * 60 + first.local.minute) * 60_000;
  await mkdir(dirname(outDir), { recursive: true });
  const temporary = join(dirname(outDir), `.${basename(outDir)}.tmp-${process.pid}-${Date.now()}`);
  let chunks: number;
  let bytes: number;
  try {
    const writer = await RecordingWriter.create(temporary, { city: options.city, source, chunkMs: DAY_MS, originMs });
    await writer.write(converted.events);
    const index = await writer.close();
    const daysJson = `${JSON.stringify(daysFile, null, 1)}\n`;
    await writeFile(join(temporary, NAMED_DAYS_FILE), daysJson);
    chunks = index.chunks.length;
    bytes = index.chunks.reduce((sum, c) => sum + c.bytes, 0) + (await stat(join(temporary, INDEX_FILE))).size + Buffer.byteLength(daysJson);
    await replaceFolder(temporary, outDir);
  } catch (error) {
    await rm(temporary, { recursive: true, force: true });
    throw error;
  }

  const missingTotal = Object.values(missing).reduce((a, b) => a + b, 0);
  return {
    outDir,
    rows: rows.length,
    hours: converted.events.length,
    missing,
    missingTotal,
    first: localIso(first.local, mapping.utcOffset),
    last: localIso(rows[rows.length - 1]!.local, mapping.utcOffset),
    chunks,
    bytes,
    windRunStarts: converted.windRunStarts,
    windGaps: converted.windGaps,
    namedDays,
    seconds: (performance.now() - started) / 1000,
  };
}

/** Moves `from` to `to`, replacing what was there; the old folder is put back if the move fails. */
async function replaceFolder(from: string, to: string): Promise<void> {
  const exists = await stat(to).then(
    () => true,
    () => false,
  );
  if (!exists) {
    await rename(from, to);
    return;
  }
  const old = join(dirname(to), `.${basename(to)}.old-${process.pid}-${Date.now()}`);
  await rename(to, old);
  try {
    await rename(from, to);
  } catch (error) {
    await rename(old, to);
    throw error;
  }
  await rm(old, { recursive: true, force: true });
}
