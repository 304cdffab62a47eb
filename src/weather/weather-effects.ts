/**
 * What the scene should show for one WeatherObserved: intensities 0…1 for rain, snow, fog, haze and
 * cloud, and the wind for a vane. A pure mapping, so the Cesium adapter only draws numbers.
 * Each scale is documented in docs/weather.md; the reasons are beside each constant.
 */
import type { WeatherObserved } from '../protocol/entities.js';
import { dewPointFromHumidity } from './apparent-temperature.js';
import { SNOW_TEMPERATURE } from './umbrella-note.js';

/** Intensities 0…1 (0 = none) and the wind. */
export interface WeatherEffects {
  rain: number;
  /** Rain at ≤ 1 °C is drawn as snow/sleet instead. */
  snow: number;
  fog: number;
  haze: number;
  /** Fog and haze together: 1 − (1 − fog)(1 − haze). */
  obscuration: number;
  /** Estimated: the series has no cloud column (see cloudCover). */
  cloud: number;
  wind: {
    /** m/s, 0 when unknown. */
    speed: number;
    /** Degrees the wind blows from; null for calm/variable or unknown (the vane idles). */
    fromDirection: number | null;
    /** Beaufort force 0…12 (WMO scale). */
    beaufort: number;
    /** 0…1: speed / 17.2 m/s (force 8, gale), how hard the vane and flags move. */
    intensity: number;
  };
}

/** Rain rate (mm/h) drawn at full intensity: 16 mm/h starts the torrential class (see umbrella-note.ts). */
export const FULL_RAIN = 16;
/** Snow water-equivalent (mm/h) drawn at full intensity: ~2.5 mm/h of water is a heavy snowfall. */
export const FULL_SNOW = 2.5;
/** Dew-point spread (°C) below which fog starts (the forecasters' rule of thumb: fog is likely within ~2.5 °C / 4 °F); 0 = saturated, full fog. */
export const FOG_SPREAD = 2.5;
/** PM2.5 (µg/m³) where haze starts and where it is full, HJ 633-2012 breakpoints: 35 (AQI 50, end of "good") and 250 (AQI 300, start of "severe"). */
export const HAZE_START = 35;
export const HAZE_FULL = 250;
/** Critical relative humidity of the cloud proxy. */
export const CLOUD_CRITICAL_HUMIDITY = 0.6;
/** Wind speed (m/s) of full vane intensity: the lower bound of Beaufort force 8 (gale). */
export const FULL_WIND = 17.2;
/** Upper bounds (m/s) of Beaufort forces 0…11 (WMO). */
export const BEAUFORT_LIMITS = [0.3, 1.6, 3.4, 5.5, 8.0, 10.8, 13.9, 17.2, 20.8, 24.5, 28.5, 32.7] as const;

const clamp01 = (x: number): number => Math.min(1, Math.max(0, x));

/**
 * Intensity of a precipitation rate on a log scale, full at `full` mm/h: drizzle must be visible
 * and a downpour must not saturate at once, so log(1 + p) rather than linear.
 */
export const precipitationIntensity = (p: number, full: number): number => clamp01(Math.log1p(Math.max(0, p)) / Math.log1p(full));

/** Beaufort force of a wind speed (m/s). */
export function beaufortForce(speed: number): number {
  const force = BEAUFORT_LIMITS.findIndex((limit) => speed < limit);
  return force < 0 ? 12 : force;
}

/** Fog 0…1 from the dew-point spread: linear from FOG_SPREAD (none) to 0 °C (full). */
export function fogIntensity(temperature: number | null | undefined, dewPoint: number | null | undefined, relativeHumidity: number | null | undefined): number {
  if (temperature == null) return 0;
  const dew = dewPoint ?? (relativeHumidity != null ? dewPointFromHumidity(temperature, relativeHumidity) : null);
  if (dew == null) return 0;
  return clamp01((FOG_SPREAD - (temperature - dew)) / FOG_SPREAD);
}

/** Haze 0…1 from PM2.5, linear between the AQI "good" and "severe" breakpoints. */
export function hazeIntensity(pm25: number | null | undefined): number {
  return pm25 == null ? 0 : clamp01((pm25 - HAZE_START) / (HAZE_FULL - HAZE_START));
}

/**
 * Cloud cover 0…1, a proxy: the series has no cloud column. Precipitating → overcast (1); else the
 * relative-humidity cloud scheme of Sundqvist et al. (1989, Mon. Wea. Rev. 117, 1641–1657),
 * C = 1 − √((1 − rh)/(1 − rh_c)), applied to surface humidity with rh_c = 0.6 — a rough stand-in
 * (surface air is not cloud-level air), good enough to dim the sky on damp days.
 */
export function cloudCover(relativeHumidity: number | null | undefined, precipitation: number | null | undefined): number {
  if (precipitation != null && precipitation > 0) return 1;
  if (relativeHumidity == null || relativeHumidity <= CLOUD_CRITICAL_HUMIDITY) return 0;
  return clamp01(1 - Math.sqrt((1 - relativeHumidity) / (1 - CLOUD_CRITICAL_HUMIDITY)));
}

/** The effects of one observation. */
export function weatherEffects(observation: Pick<WeatherObserved, 'temperature' | 'dewPoint' | 'relativeHumidity' | 'windSpeed' | 'windDirection' | 'precipitation' | 'pm25'>): WeatherEffects {
  const precipitation = observation.precipitation ?? 0;
  const frozen = observation.temperature != null && observation.temperature <= SNOW_TEMPERATURE;
  const fog = fogIntensity(observation.temperature, observation.dewPoint, observation.relativeHumidity);
  const haze = hazeIntensity(observation.pm25);
  const speed = observation.windSpeed ?? 0;
  return {
    rain: frozen ? 0 : precipitationIntensity(precipitation, FULL_RAIN),
    snow: frozen ? precipitationIntensity(precipitation, FULL_SNOW) : 0,
    fog,
    haze,
    obscuration: 1 - (1 - fog) * (1 - haze),
    cloud: cloudCover(observation.relativeHumidity, observation.precipitation),
    wind: {
      speed,
      fromDirection: speed > 0 ? (observation.windDirection ?? null) : null,
      beaufort: beaufortForce(speed),
      intensity: clamp01(speed / FULL_WIND),
    },
  };
}
