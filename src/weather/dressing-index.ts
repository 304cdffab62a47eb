/**
 * The dressing index (穿衣指数) of one observation: an effective temperature from temperature,
 * humidity and wind, looked up on the 8-level scale in dressing-levels.ts, plus a precipitation
 * note (take an umbrella). Pure; browser-safe.
 *
 * QX/T 385-2017 《穿衣气象指数》 computes the index from temperature, humidity, wind and sky, but its
 * text was not available to us, so the adjustment is our own documented rule (docs/weather.md):
 *   T_eff = T + ΔT_wind + ΔT_humid
 *   ΔT_wind  = −0.70 · max(0, v − 2 m/s), at most −6 °C.
 *     The −0.70 °C per m/s is the wind term of Steadman's apparent temperature (see
 *     apparent-temperature.ts); the bands describe air temperature in light air, so wind up to a
 *     light breeze (2 m/s) changes nothing, and the cap keeps a gale from moving more than ~2 levels.
 *   ΔT_humid, muggy heat (T ≥ 20 °C, full from 24 °C): w · 0.33 · (e(T, rh) − e(T, 50 %)),
 *     Steadman's vapour-pressure term taken relative to 50 % humidity, so humid heat counts hotter
 *     and dry heat cooler; w ramps 0 → 1 over 20–24 °C so the index has no jump.
 *   ΔT_humid, damp cold (T ≤ 14 °C, full from 10 °C): −w · 10 °C · max(0, rh − 0.70), i.e.
 *     −1 °C per 10 % of humidity above 70 %, at most −3 °C. Steadman's formula gives humidity no
 *     chill, but the damp cold (湿冷) of the Yangtze delta is what the index is read for: a rule of
 *     thumb of ours, chosen to move a saturated 10 °C day one level, not a published coefficient.
 */
import { vapourPressure } from './apparent-temperature.js';
import { dressingLevelFor, type Bilingual, type DressingLevel } from './dressing-levels.js';

/** Wind that does not change the index (m/s): light air to a light breeze. */
export const CALM_WIND = 2;
/** Most the wind can lower the effective temperature (°C). */
export const MAX_WIND_CHILL = 6;
/** Steadman's wind coefficient, °C per m/s. */
const WIND_COEFFICIENT = 0.7;
/** Humidity above which damp cold counts colder, and by how much per unit of humidity (°C). */
export const DAMP_HUMIDITY = 0.7;
const DAMP_COEFFICIENT = 10;

/** What the index reads from an observation; null or absent = not known (treated as neutral). */
export interface DressingInput {
  temperature: number;
  /** 0…1. */
  relativeHumidity?: number | null;
  /** m/s. */
  windSpeed?: number | null;
}

/** The effective temperature and its parts, °C. */
export interface EffectiveTemperature {
  value: number;
  windAdjustment: number;
  humidityAdjustment: number;
}

/** The index for one observation. */
export interface DressingIndex extends EffectiveTemperature {
  level: DressingLevel['level'];
  name: Bilingual;
  advice: Bilingual;
}

const clamp01 = (x: number): number => Math.min(1, Math.max(0, x));

/** The wind's adjustment (°C, ≤ 0). */
export function windAdjustment(windSpeed: number | null | undefined): number {
  if (windSpeed == null) return 0;
  const chill = -WIND_COEFFICIENT * Math.max(0, windSpeed - CALM_WIND);
  return Math.max(-MAX_WIND_CHILL, chill) + 0; // + 0 turns −0 into 0
}

/** The humidity's adjustment (°C): warmer in muggy heat, colder in damp cold, none in between. */
export function humidityAdjustment(temperature: number, relativeHumidity: number | null | undefined): number {
  if (relativeHumidity == null) return 0;
  const muggy = clamp01((temperature - 20) / 4);
  if (muggy > 0) return muggy * 0.33 * (vapourPressure(temperature, relativeHumidity) - vapourPressure(temperature, 0.5));
  const damp = clamp01((14 - temperature) / 4);
  return -damp * DAMP_COEFFICIENT * Math.max(0, relativeHumidity - DAMP_HUMIDITY) + 0;
}

/** The effective temperature the dressing index is read on. */
export function effectiveTemperature(input: DressingInput): EffectiveTemperature {
  const wind = windAdjustment(input.windSpeed);
  const humidity = humidityAdjustment(input.temperature, input.relativeHumidity);
  return { value: input.temperature + wind + humidity, windAdjustment: wind, humidityAdjustment: humidity };
}

/** The dressing index of an observation. */
export function dressingIndex(input: DressingInput): DressingIndex {
  const effective = effectiveTemperature(input);
  const level = dressingLevelFor(effective.value);
  return { ...effective, level: level.level, name: level.name, advice: level.advice };
}
