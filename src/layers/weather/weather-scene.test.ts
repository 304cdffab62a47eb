import { describe, expect, it } from 'vitest';
import type { WeatherObserved } from '../../protocol/entities';
import { CLOUD_DIMMING, FULL_FOG_DENSITY, MAX_DROPS, weatherSceneParameters } from './weather-scene';

const observation = (fields: Partial<WeatherObserved>): WeatherObserved => ({ id: 'w', type: 'WeatherObserved', dateObserved: '2014-06-26T12:00:00Z', ...fields });

describe('weather scene parameters', () => {
  it('draws nothing and full light without an observation or on a clear dry day', () => {
    expect(weatherSceneParameters(null, false)).toMatchObject({ rain: 0, snow: 0, fogDensity: 0, lightScale: 1, animated: false });
    const clear = weatherSceneParameters(observation({ temperature: 25, relativeHumidity: 0.4, precipitation: 0, windSpeed: 2 }), false);
    expect(clear).toMatchObject({ rain: 0, snow: 0, fogDensity: 0, lightScale: 1, animated: false });
  });

  it('rains harder with more precipitation and dims the light under the cloud it implies', () => {
    const drizzle = weatherSceneParameters(observation({ temperature: 22, relativeHumidity: 0.9, precipitation: 0.5 }), false);
    const downpour = weatherSceneParameters(observation({ temperature: 22, relativeHumidity: 0.95, precipitation: 30 }), true);
    expect(drizzle.rain).toBeGreaterThan(0);
    expect(downpour.rain).toBeCloseTo(MAX_DROPS);
    expect(downpour.rain).toBeGreaterThan(drizzle.rain);
    expect(downpour.lightScale).toBeCloseTo(1 - CLOUD_DIMMING);
    expect(downpour.animated).toBe(true);
    expect(downpour.fogColour[0]).toBeLessThan(0.2); // night fog is dark
  });

  it('turns cold precipitation into snow and saturated air into fog', () => {
    const snow = weatherSceneParameters(observation({ temperature: -1, relativeHumidity: 0.9, precipitation: 1 }), false);
    expect(snow.rain).toBe(0);
    expect(snow.snow).toBeGreaterThan(0);
    const fog = weatherSceneParameters(observation({ temperature: 12, dewPoint: 12, precipitation: 0 }), false);
    expect(fog.fogDensity).toBeCloseTo(FULL_FOG_DENSITY);
  });

  it('slants the streaks with the wind and not in calm air', () => {
    const westerly = weatherSceneParameters(observation({ temperature: 20, precipitation: 3, windSpeed: 17.2, windDirection: 270 }), false);
    expect(westerly.slant).toBeCloseTo(0.35);
    expect(weatherSceneParameters(observation({ temperature: 20, precipitation: 3, windSpeed: 0, windDirection: 270 }), false).slant).toBe(0);
  });
});
