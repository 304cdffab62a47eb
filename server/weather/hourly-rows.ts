/**
 * CSV text + mapping → validated hourly rows in the feed's units, still raw where the series is
 * cumulative (wind speed, precipitation): differencing needs the neighbouring rows.
 * Every problem is a CsvError naming the line, found before anything is written.
 */
import { csvRecords, CsvError } from './csv-records.js';
import { DEFAULT_WIND_CODES, mappedColumns, numericColumn, type CsvMapping, type NumericColumn } from './csv-mapping.js';

/** Local calendar time of a row, in the CSV's own offset. */
export interface LocalTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/** One CSV row in feed units; null = missing. */
export interface HourlyRow {
  line: number;
  /** Epoch ms (UTC). */
  t: number;
  local: LocalTime;
  temperature: number | null;
  dewPoint: number | null;
  /** 0…1. */
  relativeHumidity: number | null;
  pressure: number | null;
  /** The direction cell as written (null: missing), which wind-run differencing compares. */
  windCode: string | null;
  /** Degrees the wind blows from; null for calm/variable or missing. */
  windDirection: number | null;
  /** The wind speed column × scale, cumulative or not as the mapping says. */
  windSpeedRaw: number | null;
  precipitationRaw: number | null;
  pm25: number | null;
}

/** Fields counted when missing, named as in the feed. */
export const COUNTED_FIELDS = ['temperature', 'dewPoint', 'relativeHumidity', 'pressure', 'windDirection', 'windSpeed', 'precipitation', 'pm25'] as const;
export type CountedField = (typeof COUNTED_FIELDS)[number];

/** Rows and how many values each field misses. */
export interface HourlyTable {
  rows: HourlyRow[];
  missing: Record<CountedField, number>;
}

/** Parses an offset like "+08:00" into minutes east of UTC. */
export function offsetMinutes(utcOffset: string): number {
  const sign = utcOffset.startsWith('-') ? -1 : 1;
  return sign * (Number(utcOffset.slice(1, 3)) * 60 + Number(utcOffset.slice(4, 6)));
}

const DATETIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2})(?::(\d{2})(?::(\d{2}))?)?$/;

/** Reads the whole CSV text into rows; throws CsvError naming the first bad line. */
export function readHourlyRows(text: string, mapping: CsvMapping): HourlyTable {
  const [header, ...records] = csvRecords(text);
  if (!header) throw new CsvError(1, 'the file is empty (no header row)');
  const names = header.fields.map((name) => name.trim());
  const columnIndex = new Map<string, number>();
  names.forEach((name, i) => columnIndex.set(name, i));
  const absent = mappedColumns(mapping).filter((column) => !columnIndex.has(column));
  if (absent.length > 0) throw new CsvError(header.line, `the header has no column ${absent.map((c) => `'${c}'`).join(', ')} (columns: ${names.join(', ')})`);

  const missingTokens = new Set(mapping.missing);
  const missing = Object.fromEntries(COUNTED_FIELDS.map((f) => [f, 0])) as Record<CountedField, number>;
  const codes = mapping.windDirection?.codes;
  const offsetMs = offsetMinutes(mapping.utcOffset) * 60_000;
  const rows: HourlyRow[] = [];

  for (const { line, fields } of records) {
    if (fields.length !== names.length) throw new CsvError(line, `expected ${names.length} fields, found ${fields.length}`);
    const cell = (column: string): string | null => {
      const value = fields[columnIndex.get(column)!]!.trim();
      return value === '' || missingTokens.has(value) ? null : value;
    };
    const number = (column: string, what: string): number | null => {
      const value = cell(column);
      if (value === null) return null;
      const n = Number(value);
      if (!Number.isFinite(n)) throw new CsvError(line, `${what} (column '${column}') is not a number: '${value}'`);
      return n;
    };
    const scaled = (spec: NumericColumn | undefined, field: CountedField): number | null => {
      if (!spec) return null;
      const { column, scale } = numericColumn(spec);
      const n = number(column, field);
      if (n === null) missing[field]++;
      return n === null ? null : n * scale;
    };
    const required = (column: string, what: string): number => {
      const n = number(column, what);
      if (n === null || !Number.isInteger(n)) throw new CsvError(line, `${what} (column '${column}') must be a whole number, found '${cell(column) ?? ''}'`);
      return n;
    };

    let local: LocalTime;
    if ('datetime' in mapping.time) {
      const value = cell(mapping.time.datetime) ?? '';
      const m = DATETIME.exec(value);
      if (!m) throw new CsvError(line, `date-time (column '${mapping.time.datetime}') is not YYYY-MM-DD HH[:mm]: '${value}'`);
      local = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), hour: Number(m[4]), minute: Number(m[5] ?? 0) };
    } else {
      const { year, month, day, hour } = mapping.time;
      local = { year: required(year, 'year'), month: required(month, 'month'), day: required(day, 'day'), hour: required(hour, 'hour'), minute: 0 };
    }
    const wall = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute);
    const check = new Date(wall);
    if (local.hour > 23 || local.minute > 59 || check.getUTCDate() !== local.day || check.getUTCMonth() !== local.month - 1 || check.getUTCFullYear() !== local.year) {
      throw new CsvError(line, `not a valid date and hour: ${local.year}-${local.month}-${local.day} ${local.hour}h`);
    }
    const t = wall - offsetMs;
    const previous = rows[rows.length - 1];
    if (previous && t <= previous.t) throw new CsvError(line, `time is not after the previous row's (line ${previous.line}); rows must be in time order, one per hour`);

    let windCode: string | null = null;
    let windDirection: number | null = null;
    if (mapping.windDirection) {
      windCode = cell(mapping.windDirection.column);
      if (windCode === null) missing.windDirection++;
      else if (codes) {
        if (!(windCode in codes)) throw new CsvError(line, `unknown wind direction code '${windCode}' (known: ${Object.keys(codes).join(', ')})`);
        windDirection = codes[windCode]!;
      } else if (windCode in DEFAULT_WIND_CODES) {
        windDirection = DEFAULT_WIND_CODES[windCode]!;
      } else {
        const degrees = Number(windCode);
        if (!Number.isFinite(degrees) || degrees < 0 || degrees > 360) throw new CsvError(line, `wind direction '${windCode}' is neither degrees 0–360 nor a compass code (N, NNE, … NNW, calm)`);
        windDirection = degrees % 360;
      }
    }
    let relativeHumidity: number | null = null;
    if (mapping.humidity) {
      const h = number(mapping.humidity.column, 'humidity');
      if (h === null) missing.relativeHumidity++;
      else relativeHumidity = mapping.humidity.unit === 'percent' ? h / 100 : h;
      if (relativeHumidity !== null && (relativeHumidity < 0 || relativeHumidity > 1)) {
        throw new CsvError(line, `humidity ${h} is outside ${mapping.humidity.unit === 'percent' ? '0–100 %' : '0–1'}`);
      }
    }

    rows.push({
      line,
      t,
      local,
      temperature: scaled(mapping.temperature, 'temperature'),
      dewPoint: scaled(mapping.dewPoint, 'dewPoint'),
      relativeHumidity,
      pressure: scaled(mapping.pressure, 'pressure'),
      windCode,
      windDirection,
      windSpeedRaw: mapping.windSpeed ? scaled({ column: mapping.windSpeed.column, scale: mapping.windSpeed.scale }, 'windSpeed') : null,
      precipitationRaw: mapping.precipitation ? scaled({ column: mapping.precipitation.column, scale: mapping.precipitation.scale }, 'precipitation') : null,
      pm25: scaled(mapping.pm25, 'pm25'),
    });
  }
  if (rows.length === 0) throw new CsvError(header.line, 'the file has a header but no rows');
  return { rows, missing };
}
