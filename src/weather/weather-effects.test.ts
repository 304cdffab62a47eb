import { describe, expect, it } from 'vitest';
import { beaufortForce, cloudCover, fogIntensity, hazeIntensity, precipitationIntensity, weatherEffects } from './weather-effects.js';

const base = { temperature: 20, dewPoint: 10, relativeHumidity: 0.5, windSpeed: 3, windDirection: 135, precipitation: 0, pm25: 20 };

describe('weather effects', () => {
  it('shows nothing on a dry, clear, clean day', () => {
    const effects = weatherEffects(base);
    expect(effects).toMatchObject({ rain: 0, snow: 0, fog: 0, haze: 0, obscuration: 0, cloud: 0 });
  });

  it('maps the rain rate on a log scale: visible drizzle, full at 16 mm/h', () => {
    expect(precipitationIntensity(0, 16)).toBe(0);
    expect(weatherEffects({ ...base, precipitation: 0.1 }).rain).toBeGreaterThan(0.02);
    expect(weatherEffects({ ...base, precipitation: 2.5 }).rain).toBeCloseTo(Math.log1p(2.5) / Math.log1p(16), 10);
    expect(weatherEffects({ ...base, precipitation: 16 }).rain).toBe(1);
    expect(weatherEffects({ ...base, precipitation: 61.6 }).rain).toBe(1);
    const rates = [0.1, 0.5, 1, 2, 5, 10, 15];
    const levels = rates.map((p) => weatherEffects({ ...base, precipitation: p }).rain);
    expect(levels).toEqual([...levels].sort((a, b) => a - b));
  });

  it('draws rain at ≤ 1 °C as snow/sleet, full at 2.5 mm/h of water', () => {
    const cold = { ...base, temperature: 1, dewPoint: 0 };
    expect(weatherEffects({ ...cold, precipitation: 0.5 })).toMatchObject({ rain: 0 });
    expect(weatherEffects({ ...cold, precipitation: 0.5 }).snow).toBeGreaterThan(0);
    expect(weatherEffects({ ...cold, precipitation: 2.5 }).snow).toBe(1);
    expect(weatherEffects({ ...base, temperature: 1.1, precipitation: 0.5 }).snow).toBe(0);
    expect(weatherEffects({ ...cold, precipitation: 0 }).snow).toBe(0);
  });

  it('grows fog as the dew-point spread closes below 2.5 °C', () => {
    expect(fogIntensity(10, 7, null)).toBe(0);
    expect(fogIntensity(10, 7.5, null)).toBe(0);
    expect(fogIntensity(10, 9, null)).toBeCloseTo(0.6, 10);
    expect(fogIntensity(10, 10, null)).toBe(1);
    // Without a dew point it is derived from humidity: saturated air is fog.
    expect(fogIntensity(10, null, 1)).toBeCloseTo(1, 6);
    expect(fogIntensity(10, null, 0.5)).toBe(0);
    expect(fogIntensity(null, 5, 1)).toBe(0);
  });

  it('grows haze with PM2.5 from the AQI "good" bound 35 to the "severe" bound 250 µg/m³', () => {
    expect(hazeIntensity(null)).toBe(0);
    expect(hazeIntensity(35)).toBe(0);
    expect(hazeIntensity(142.5)).toBeCloseTo(0.5, 10);
    expect(hazeIntensity(250)).toBe(1);
    expect(hazeIntensity(730)).toBe(1);
  });

  it('combines fog and haze into one obscuration', () => {
    const effects = weatherEffects({ ...base, dewPoint: 19, pm25: 142.5 });
    expect(effects.fog).toBeCloseTo(0.6, 10);
    expect(effects.obscuration).toBeCloseTo(1 - 0.4 * 0.5, 10);
  });

  it('estimates cloud: overcast when precipitating, else from humidity above 60 %', () => {
    expect(cloudCover(0.3, 0.2)).toBe(1);
    expect(cloudCover(0.6, 0)).toBe(0);
    expect(cloudCover(0.9, 0)).toBeCloseTo(1 - Math.sqrt(0.1 / 0.4), 10);
    expect(cloudCover(1, 0)).toBe(1);
    expect(cloudCover(null, null)).toBe(0);
  });

  it('gives the vane speed, direction, Beaufort force and intensity', () => {
    expect(weatherEffects(base).wind).toEqual({ speed: 3, fromDirection: 135, beaufort: 2, intensity: 3 / 17.2 });
    expect(weatherEffects({ ...base, windSpeed: 17.2 }).wind).toMatchObject({ beaufort: 8, intensity: 1 });
    expect(weatherEffects({ ...base, windSpeed: 40 }).wind).toMatchObject({ beaufort: 12, intensity: 1 });
    // Calm/variable (cv) has a speed but no direction: the vane idles.
    expect(weatherEffects({ ...base, windSpeed: 1, windDirection: null }).wind.fromDirection).toBeNull();
    expect(weatherEffects({ ...base, windSpeed: null }).wind).toMatchObject({ speed: 0, fromDirection: null, beaufort: 0, intensity: 0 });
  });

  it('follows the WMO Beaufort bounds', () => {
    expect([0, 0.3, 1.5, 1.6, 3.3, 3.4, 5.5, 7.9, 8, 10.8, 13.9, 20.8, 24.5, 28.5, 32.7].map(beaufortForce)).toEqual([0, 1, 1, 2, 2, 3, 4, 4, 5, 6, 7, 9, 10, 11, 12]);
  });
});
