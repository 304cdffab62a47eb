/**
 * Engine-free: the numbers the weather stage draws with, from a WeatherObserved (via
 * weather-effects.ts) and whether it is night. One place for every visual constant.
 */
import type { WeatherObserved } from '../../protocol/entities';
import { weatherEffects } from '../../weather/weather-effects';

/** Uniform values of the weather post-process stage and the light dimming. */
export interface WeatherSceneParameters {
  /** Share of rain-streak cells lit, 0…MAX_DROPS. */
  rain: number;
  /** Share of snowflake cells lit, 0…MAX_FLAKES. */
  snow: number;
  /** Fog density, 1/m (distance fog: 1 − exp(−density · distance)). */
  fogDensity: number;
  /** Most the fog may hide (so the city never vanishes entirely on the wall). */
  fogMax: number;
  /** Fog colour, linear 0…1. */
  fogColour: [number, number, number];
  /** 0…1 grey veil of an overcast sky. */
  overcast: number;
  /** Multiplier of the scene light's intensity (cloud cover dims the sun). */
  lightScale: number;
  /** Screen slant of the streaks (x per y), from the wind across the view. */
  slant: number;
  /** Whether anything moves, so frames must keep coming. */
  animated: boolean;
}

/** Rain and snow cell shares at full intensity: dense enough to read as a downpour, sparse enough to see the city. */
export const MAX_DROPS = 0.35;
export const MAX_FLAKES = 0.25;
/** Fog density at full obscuration: 1/900 m, so the far side of a 4 km city is mostly hidden, the near blocks are not. */
export const FULL_FOG_DENSITY = 1 / 900;
/** Obscuration below which no fog is drawn. */
export const FOG_THRESHOLD = 0.15;
/** Cloud cover takes at most this share off the sunlight. */
export const CLOUD_DIMMING = 0.45;

/** Parameters for an observation; `night` picks the fog colour. No observation: clear. */
export function weatherSceneParameters(observation: WeatherObserved | null, night: boolean): WeatherSceneParameters {
  if (!observation) return { rain: 0, snow: 0, fogDensity: 0, fogMax: 0, fogColour: [0.6, 0.65, 0.7], overcast: 0, lightScale: 1, slant: 0, animated: false };
  const effects = weatherEffects(observation);
  const rain = effects.rain * MAX_DROPS;
  const snow = effects.snow * MAX_FLAKES;
  // Wind from the west pushes drops east: a slant up to 0.35 at a gale (screen axes; the camera turns, this is a hint).
  const toward = effects.wind.fromDirection === null ? 0 : -Math.sin((effects.wind.fromDirection * Math.PI) / 180);
  return {
    rain,
    snow,
    // Light haze (PM2.5 just past "good") leaves the table crisp; the veil starts at 15 % obscuration.
    fogDensity: (Math.max(0, effects.obscuration - FOG_THRESHOLD) / (1 - FOG_THRESHOLD)) * FULL_FOG_DENSITY,
    fogMax: 0.85,
    fogColour: night ? [0.1, 0.12, 0.16] : effects.haze > effects.fog ? [0.66, 0.62, 0.52] : [0.68, 0.72, 0.76],
    // Only a heavy sky greys the scene; the wall's night-blue table must not turn grey on a humid day.
    overcast: Math.max(0, effects.cloud - 0.5) * 0.3,
    lightScale: 1 - CLOUD_DIMMING * effects.cloud,
    slant: toward * 0.35 * effects.wind.intensity,
    animated: rain > 0 || snow > 0,
  };
}
