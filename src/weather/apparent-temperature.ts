/**
 * Apparent temperature ("feels like"), the non-radiation form used by the Australian Bureau of
 * Meteorology: Steadman, R. G. (1994), "Norms of apparent temperature in Australia",
 * Aust. Met. Mag. 43, 1–16; formula as published by the BoM, "Thermal Comfort observations"
 * (http://www.bom.gov.au/info/thermal_stress/#atapproximation):
 *   AT = Ta + 0.33·e − 0.70·ws − 4.00
 *   e  = rh/100 · 6.105 · exp(17.27·Ta / (237.7 + Ta))      (water vapour pressure, hPa)
 * Ta dry-bulb °C, rh relative humidity %, ws wind speed m/s at 10 m. Pure; browser-safe.
 */

/** Water vapour pressure (hPa) at temperature `t` (°C) and relative humidity `rh` (0…1), BoM/Steadman form. */
export function vapourPressure(t: number, rh: number): number {
  return rh * 6.105 * Math.exp((17.27 * t) / (237.7 + t));
}

/** Apparent temperature (°C) from temperature (°C), relative humidity (0…1) and wind speed (m/s). */
export function apparentTemperature(t: number, rh: number, windSpeed: number): number {
  return t + 0.33 * vapourPressure(t, rh) - 0.7 * windSpeed - 4.0;
}

/**
 * Dew point (°C) from temperature and relative humidity (0…1), by the Magnus formula with the
 * same constants as the vapour pressure above (a = 17.27, b = 237.7 °C); used where a series has
 * humidity but no dew point.
 */
export function dewPointFromHumidity(t: number, rh: number): number {
  const gamma = Math.log(Math.max(rh, 1e-6)) + (17.27 * t) / (237.7 + t);
  return (237.7 * gamma) / (17.27 - gamma);
}
