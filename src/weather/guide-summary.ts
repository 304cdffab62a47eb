/**
 * What the travel guide shows of one hour of weather: temperature, feels-like, humidity, wind as a
 * compass point and Beaufort force, precipitation, the dressing index and the umbrella note. Pure.
 */
import type { OutlookHour } from '../protocol/guide.js';
import { apparentTemperature } from './apparent-temperature.js';
import { dressingIndex, type DressingIndex } from './dressing-index.js';
import { umbrellaNote, type UmbrellaNote } from './umbrella-note.js';
import { beaufortForce } from './weather-effects.js';

/** Eight compass points, clockwise from north. */
export const COMPASS_POINTS = ['N', 'NE', 'E', 'SE', 'S', 'SW', 'W', 'NW'] as const;
export type CompassPoint = (typeof COMPASS_POINTS)[number];

/** The guide's view of one hour. */
export interface GuideSummary {
  temperature: number | null;
  /** Apparent temperature (Steadman/BoM); null without temperature and humidity. */
  feelsLike: number | null;
  humidityPercent: number | null;
  wind: { speed: number; beaufort: number; from: CompassPoint | null; fromDegrees: number | null };
  precipitation: number;
  dressing: DressingIndex | null;
  umbrella: UmbrellaNote | null;
}

/** The compass point a direction (degrees) falls in; null for none. */
export function compassPoint(degrees: number | null | undefined): CompassPoint | null {
  if (degrees == null || !Number.isFinite(degrees)) return null;
  const index = Math.round((((degrees % 360) + 360) % 360) / 45) % 8;
  return COMPASS_POINTS[index]!;
}

/** Summarises one hour for the guide. */
export function guideSummary(hour: Omit<OutlookHour, 't' | 'pm25'>): GuideSummary {
  const { temperature, relativeHumidity, windSpeed } = hour;
  const speed = windSpeed ?? 0;
  return {
    temperature,
    feelsLike: temperature != null && relativeHumidity != null ? apparentTemperature(temperature, relativeHumidity, speed) : null,
    humidityPercent: relativeHumidity != null ? Math.round(relativeHumidity * 100) : null,
    wind: { speed, beaufort: beaufortForce(speed), from: speed > 0 ? compassPoint(hour.windDirection) : null, fromDegrees: speed > 0 ? (hour.windDirection ?? null) : null },
    precipitation: hour.precipitation ?? 0,
    dressing: temperature != null ? dressingIndex({ temperature, relativeHumidity, windSpeed }) : null,
    umbrella: umbrellaNote(hour.precipitation, temperature),
  };
}
