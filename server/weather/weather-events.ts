/** Hourly rows → WeatherObserved upserts (FIWARE dataModel.Weather field names), one per row. */
import { weatherObservedSchema, type WeatherObserved } from '../../src/protocol/entities.js';
import type { FeedEvent } from '../../src/protocol/feed.js';
import type { CsvMapping } from './csv-mapping.js';
import { CsvError } from './csv-records.js';
import type { HourlyRow, LocalTime } from './hourly-rows.js';
import { differenceDirectionRuns, differenceRunningTotal } from './wind-differencing.js';

/** Upserts, plus the differencing counts the summary reports. */
export interface WeatherEvents {
  events: FeedEvent[];
  /** The hourly wind speed of each row (null: unknown), in row order. */
  windSpeeds: (number | null)[];
  /** The hourly precipitation of each row (null: unknown), in row order. */
  precipitation: (number | null)[];
  windRunStarts: number;
  windRestarts: number;
  /** Rows right after missing hours whose cumulated wind speed gives no hourly value. */
  windGaps: number;
}

/** The NGSI id of a city's weather station. */
export const weatherEntityId = (city: string, station: string): string => `urn:ngsi-ld:WeatherObserved:${city}:${station}`;

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** Local time as ISO 8601 with the CSV's offset, e.g. 2010-01-01T00:00:00+08:00. */
export const localIso = (local: LocalTime, utcOffset: string): string => `${pad(local.year, 4)}-${pad(local.month)}-${pad(local.day)}T${pad(local.hour)}:${pad(local.minute)}:00${utcOffset}`;

/** Keeps 4 significant decimals: enough for every unit here, and no 0.5948000000000001 noise. */
const tidy = (x: number | null): number | null => (x === null ? null : Math.round(x * 1e4) / 1e4);

/** Converts rows to upserts; throws CsvError for a row whose values the schema rejects. */
export function toWeatherEvents(rows: readonly HourlyRow[], mapping: CsvMapping, city: string): WeatherEvents {
  const id = weatherEntityId(city, mapping.station.id);
  const wind =
    mapping.windSpeed?.cumulative === 'direction-run'
      ? differenceDirectionRuns(rows.map((r) => ({ t: r.t, windCode: r.windCode, value: r.windSpeedRaw })))
      : { values: rows.map((r) => r.windSpeedRaw), runStarts: 0, restarts: 0, gaps: 0 };
  const precipitation = mapping.precipitation?.cumulative === 'running-total' ? differenceRunningTotal(rows.map((r) => ({ t: r.t, value: r.precipitationRaw }))) : rows.map((r) => r.precipitationRaw);

  const fieldSources: [keyof WeatherObserved, unknown][] = [
    ['temperature', mapping.temperature],
    ['dewPoint', mapping.dewPoint],
    ['relativeHumidity', mapping.humidity],
    ['atmosphericPressure', mapping.pressure],
    ['windSpeed', mapping.windSpeed],
    ['windDirection', mapping.windDirection],
    ['precipitation', mapping.precipitation],
    ['pm25', mapping.pm25],
  ];
  const events = rows.map((row, i): FeedEvent => {
    const entity: WeatherObserved = {
      id,
      type: 'WeatherObserved',
      name: mapping.station.name,
      location: { type: 'Point', coordinates: [mapping.station.lon, mapping.station.lat] },
      dateObserved: localIso(row.local, mapping.utcOffset),
      temperature: tidy(row.temperature),
      dewPoint: tidy(row.dewPoint),
      relativeHumidity: tidy(row.relativeHumidity),
      atmosphericPressure: tidy(row.pressure),
      windSpeed: tidy(wind.values[i]!),
      // A calm/variable code has no direction, and neither has a missing one.
      windDirection: row.windDirection,
      precipitation: tidy(precipitation[i]!),
      pm25: tidy(row.pm25),
    };
    if (entity.name === undefined) delete entity.name;
    // A field the CSV does not have is left out rather than reported missing every hour.
    for (const [field, mapped] of fieldSources) if (!mapped) delete entity[field];
    const checked = weatherObservedSchema.safeParse(entity);
    if (!checked.success) {
      const issue = checked.error.issues[0]!;
      throw new CsvError(row.line, `${issue.path.join('.')}: ${issue.message} (value ${JSON.stringify((entity as Record<string, unknown>)[String(issue.path[0])])})`);
    }
    return { op: 'upsert', t: row.t, entity: checked.data };
  });
  return { events, windSpeeds: wind.values, precipitation, windRunStarts: wind.runStarts, windRestarts: wind.restarts, windGaps: wind.gaps };
}
