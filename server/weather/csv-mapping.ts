/**
 * The column mapping of an hourly weather CSV: which column holds what, in which unit, and how the
 * series is cumulated. A JSON file validated here, so another city's series plugs in without code.
 * The format is documented in docs/weather.md; the bundled file's mapping is
 * tiles/sources/weather/shanghai-hourly.mapping.json.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { fileIdSchema } from '../../src/protocol/ids.js';

const columnName = z.string().min(1).max(128);

/** Compass codes most CSVs use, in degrees the wind blows from; calm/variable codes map to null. */
export const DEFAULT_WIND_CODES: Readonly<Record<string, number | null>> = {
  N: 0,
  NNE: 22.5,
  NE: 45,
  ENE: 67.5,
  E: 90,
  ESE: 112.5,
  SE: 135,
  SSE: 157.5,
  S: 180,
  SSW: 202.5,
  SW: 225,
  WSW: 247.5,
  W: 270,
  WNW: 292.5,
  NW: 315,
  NNW: 337.5,
  cv: null,
  CV: null,
  C: null,
  calm: null,
  VRB: null,
};

/** Local date and hour from four columns, or one ISO-like "YYYY-MM-DD[T ]HH[:mm[:ss]]" column. */
const timeSchema = z.union([z.object({ year: columnName, month: columnName, day: columnName, hour: columnName }).strict(), z.object({ datetime: columnName }).strict()]);

/** A plain numeric column, optionally scaled (value × scale) into the feed's unit. */
const numericColumnSchema = z.union([columnName, z.object({ column: columnName, scale: z.number().positive().default(1) }).strict()]);

export const csvMappingSchema = z
  .object({
    /** Free text shown in the recording's `source`. */
    description: z.string().max(512).optional(),
    /** The station: part of the entity id, and where the observation is placed. */
    station: z
      .object({
        id: fileIdSchema('a station id'),
        name: z.string().max(256).optional(),
        lon: z.number().min(-180).max(180),
        lat: z.number().min(-90).max(90),
      })
      .strict(),
    /** Offset of the CSV's local time from UTC, e.g. "+08:00" (fixed: no daylight saving). */
    utcOffset: z.string().regex(/^[+-](?:0\d|1[0-4]):[0-5]\d$/, 'utcOffset must look like +08:00'),
    /** Cell texts that mean "missing"; an empty cell always does. */
    missing: z.array(z.string().max(32)).max(16).default(['NA']),
    time: timeSchema,
    temperature: numericColumnSchema.optional(),
    dewPoint: numericColumnSchema.optional(),
    humidity: z
      .object({ column: columnName, unit: z.enum(['percent', 'fraction']) })
      .strict()
      .optional(),
    pressure: numericColumnSchema.optional(),
    windDirection: z
      .object({
        column: columnName,
        /** Code → degrees from which the wind blows (null: calm/variable). Absent: degrees, or DEFAULT_WIND_CODES. */
        codes: z.record(z.string().min(1).max(16), z.number().min(0).max(360).nullable()).optional(),
      })
      .strict()
      .optional(),
    windSpeed: z
      .object({
        column: columnName,
        /** m/s per unit of the column, e.g. 1/3.6 for km/h. */
        scale: z.number().positive().default(1),
        /** "direction-run": the column adds up while the direction stays the same (see docs). */
        cumulative: z.enum(['none', 'direction-run']).default('none'),
      })
      .strict()
      .optional(),
    precipitation: z
      .object({
        column: columnName,
        scale: z.number().positive().default(1),
        /** "running-total": the column adds up and restarts at some point; the hour's amount is the increase. */
        cumulative: z.enum(['none', 'running-total']).default('none'),
      })
      .strict()
      .optional(),
    pm25: numericColumnSchema.optional(),
  })
  .strict()
  .refine((m) => !m.windSpeed || m.windSpeed.cumulative === 'none' || m.windDirection, {
    message: 'windSpeed.cumulative "direction-run" needs a windDirection column',
  });
export type CsvMapping = z.infer<typeof csvMappingSchema>;
export type NumericColumn = z.infer<typeof numericColumnSchema>;

/** Thrown for a mapping file that is missing, not JSON or not a valid mapping. */
export class MappingError extends Error {
  override readonly name = 'MappingError';
}

/** The column name and scale of a numeric column spec. */
export function numericColumn(spec: NumericColumn): { column: string; scale: number } {
  return typeof spec === 'string' ? { column: spec, scale: 1 } : spec;
}

/** Parses and validates a mapping object. */
export function parseMapping(json: unknown, where = 'mapping'): CsvMapping {
  const parsed = csvMappingSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new MappingError(`${where}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return parsed.data;
}

/** Reads and validates a mapping JSON file. */
export async function readMapping(path: string): Promise<CsvMapping> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new MappingError(`cannot read mapping '${path}' (${(error as NodeJS.ErrnoException).code ?? error})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new MappingError(`mapping '${path}' is not valid JSON`);
  }
  return parseMapping(json, path);
}

/** Every CSV column the mapping reads, so a header can be checked before any row is. */
export function mappedColumns(mapping: CsvMapping): string[] {
  const columns: string[] = 'datetime' in mapping.time ? [mapping.time.datetime] : [mapping.time.year, mapping.time.month, mapping.time.day, mapping.time.hour];
  for (const spec of [mapping.temperature, mapping.dewPoint, mapping.pressure, mapping.pm25]) if (spec) columns.push(numericColumn(spec).column);
  for (const spec of [mapping.humidity, mapping.windDirection, mapping.windSpeed, mapping.precipitation]) if (spec) columns.push(spec.column);
  return columns;
}
