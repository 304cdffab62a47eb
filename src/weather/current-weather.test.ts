import { describe, expect, it } from 'vitest';
import type { WeatherObserved } from '../protocol/entities';
import { currentWeather } from './current-weather';

const observed = (id: string, dateObserved: string): WeatherObserved => ({ id, type: 'WeatherObserved', dateObserved, temperature: 20 });

describe('currentWeather', () => {
  it('takes the latest instant whatever the offset the stamp is written in', () => {
    // 09:30 in Shanghai is 01:30Z: later than 01:00Z, though its text sorts lower.
    const recorded = observed('recorded', '2014-06-12T01:00:00Z');
    const live = observed('live', '2014-06-12T09:30:00+08:00');
    expect(currentWeather([recorded, live])!.id).toBe('live');
    expect(currentWeather([live, recorded])!.id).toBe('live');
    expect(currentWeather([])).toBeNull();
  });
});
